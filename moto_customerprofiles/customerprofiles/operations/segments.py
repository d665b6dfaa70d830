"""CreateSegmentDefinition, GetSegmentDefinition, DeleteSegmentDefinition and
ListSegmentDefinitions."""

from __future__ import annotations

from typing import Any

from ..exceptions import BadRequestException
from ..resources.common import SEGMENT_DEFINITIONS, paginated
from ..resources.segments import SegmentDefinition
from .base import BackendState


class SegmentsBackend(BackendState):
    def create_segment_definition(
        self,
        domain_name: str,
        segment_definition_name: str,
        display_name: str,
        description: str | None = None,
        segment_groups: dict[str, Any] | None = None,
        segment_sql_query: str | None = None,
        segment_sort: dict[str, Any] | None = None,
        tags: dict[str, str] | None = None,
    ) -> SegmentDefinition:
        """
        The definition is stored as given: SegmentGroups, SegmentSqlQuery or both (then
        membership evaluates SegmentGroups); a source segment that does not exist
        selects nobody.
        """
        domain = self._get_domain(domain_name)
        if segment_definition_name in domain.segment_definitions:
            raise BadRequestException(
                f"Segment definition with name {segment_definition_name} already exists"
            )
        if segment_groups is None and segment_sql_query is None:
            raise BadRequestException(
                "One of SegmentGroups and SegmentSqlQuery must be specified"
            )
        segment = SegmentDefinition(
            tagger=self.tagger,
            arn=self.domain_arn(
                domain_name, SEGMENT_DEFINITIONS, segment_definition_name
            ),
            segment_definition_name=segment_definition_name,
            display_name=display_name,
            description=description,
            segment_groups=segment_groups,
            segment_sql_query=segment_sql_query,
            segment_sort=segment_sort,
        )
        segment.set_tags(tags)
        domain.segment_definitions[segment_definition_name] = segment
        return segment

    def get_segment_definition(
        self, domain_name: str, segment_definition_name: str
    ) -> SegmentDefinition:
        return self._get_domain(domain_name).segment_definition(segment_definition_name)

    def delete_segment_definition(
        self, domain_name: str, segment_definition_name: str
    ) -> str:
        """
        Segments built on it then select nobody, and triggers filtering on it are
        suppressed (SEGMENT_MISMATCH), as AWS documents for its campaigns and segments.
        Its segment subscription is deleted with it.
        """
        domain = self._get_domain(domain_name)
        domain.segment_definition(segment_definition_name)
        domain.segment_definitions.pop(segment_definition_name).forget_tags()
        # its subscription (and events) and the members a test set go with it
        domain.segment_subscriptions.pop(segment_definition_name, None)
        domain.sql_segment_members.pop(segment_definition_name, None)
        return f"Segment definition {segment_definition_name} was deleted."

    @paginated(lambda s: s.segment_definition_name)
    def list_segment_definitions(self, domain_name: str) -> list[SegmentDefinition]:
        domain = self._get_domain(domain_name)
        return sorted(
            domain.segment_definitions.values(), key=lambda s: s.segment_definition_name
        )
