"""Domain layouts (Profile Explorer): opaque layout definitions kept per domain."""

from __future__ import annotations

from moto.utilities.tagging_service import TaggingService

from .common import TaggableResource


class DomainLayout(TaggableResource):
    """A layout as given: ``layout`` is stored and returned byte for byte (AWS
    documents no server-side check of its JSON). ``version`` is a counter kept as
    text: "1" at creation, one more at each update (AWS documents no format)."""

    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        layout_definition_name: str,
        description: str,
        display_name: str,
        is_default: bool | None,
        layout_type: str,
        layout: str,
    ) -> None:
        super().__init__(tagger, arn)
        self.layout_definition_name = layout_definition_name
        self.description = description
        self.display_name = display_name
        self.is_default = bool(is_default)
        self.layout_type = layout_type
        self.layout = layout
        self.version = "1"

    def next_version(self) -> None:
        self.version = str(int(self.version) + 1)
        self.touch()
