"""CreateDomainLayout, GetDomainLayout, UpdateDomainLayout, DeleteDomainLayout and
ListDomainLayouts."""

from __future__ import annotations

from ..exceptions import BadRequestException
from ..resources.common import LAYOUTS, paginated
from ..resources.layouts import DomainLayout
from .base import BackendState


class DomainLayoutsBackend(BackendState):
    def create_domain_layout(
        self,
        domain_name: str,
        layout_definition_name: str,
        description: str,
        display_name: str,
        layout_type: str,
        layout: str,
        is_default: bool | None = None,
        tags: dict[str, str] | None = None,
    ) -> DomainLayout:
        """
        AWS documents the operation as invoked from the Amazon Connect admin website
        only; the mock serves any caller. Layout is stored as given (no JSON check).
        IsDefault is stored per layout: another layout's IsDefault is left as it is.
        """
        domain = self._get_domain(domain_name)
        if layout_definition_name in domain.layouts:
            raise BadRequestException(
                f"Layout with name {layout_definition_name} already exists"
            )
        domain_layout = DomainLayout(
            tagger=self.tagger,
            arn=self.domain_arn(domain_name, LAYOUTS, layout_definition_name),
            layout_definition_name=layout_definition_name,
            description=description,
            display_name=display_name,
            is_default=is_default,
            layout_type=layout_type,
            layout=layout,
        )
        domain_layout.set_tags(tags)
        domain.layouts[layout_definition_name] = domain_layout
        return domain_layout

    def get_domain_layout(
        self, domain_name: str, layout_definition_name: str
    ) -> DomainLayout:
        return self._get_domain(domain_name).layout(layout_definition_name)

    def update_domain_layout(
        self,
        domain_name: str,
        layout_definition_name: str,
        description: str | None = None,
        display_name: str | None = None,
        is_default: bool | None = None,
        layout_type: str | None = None,
        layout: str | None = None,
    ) -> DomainLayout:
        """Only the members given change; every update (even one giving no member)
        makes a new Version and moves LastUpdatedAt."""
        domain_layout = self._get_domain(domain_name).layout(layout_definition_name)
        if description is not None:
            domain_layout.description = description
        if display_name is not None:
            domain_layout.display_name = display_name
        if is_default is not None:
            domain_layout.is_default = is_default
        if layout_type is not None:
            domain_layout.layout_type = layout_type
        if layout is not None:
            domain_layout.layout = layout
        domain_layout.next_version()
        return domain_layout

    def delete_domain_layout(
        self, domain_name: str, layout_definition_name: str
    ) -> str:
        domain = self._get_domain(domain_name)
        domain.layout(layout_definition_name)
        domain.layouts.pop(layout_definition_name).forget_tags()
        return f"Layout {layout_definition_name} was deleted."

    @paginated(lambda layout: layout.layout_definition_name)
    def list_domain_layouts(self, domain_name: str) -> list[DomainLayout]:
        """Items carry neither Layout nor Version (the model's LayoutItem)."""
        return list(self._get_domain(domain_name).layouts.values())
