"""Segment definitions and the estimates computed from them."""

from __future__ import annotations

import copy
from typing import Any

from moto.core.common_models import BaseModel
from moto.moto_api._internal import mock_random
from moto.utilities.tagging_service import TaggingService

from .clock import now
from .common import TaggableResource


class SegmentDefinition(TaggableResource):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        segment_definition_name: str,
        display_name: str,
        description: str | None,
        segment_groups: dict[str, Any] | None,
        segment_sql_query: str | None,
        segment_sort: dict[str, Any] | None,
    ) -> None:
        super().__init__(tagger, arn)
        self.segment_definition_name = segment_definition_name
        self.display_name = display_name
        self.description = description
        self.segment_groups = copy.deepcopy(segment_groups)
        self.segment_sql_query = segment_sql_query
        self.segment_sort = copy.deepcopy(segment_sort)
        self.segment_type = "ENHANCED" if segment_sql_query else "CLASSIC"

    @property
    def segment_definition_arn(self) -> str:
        return self.arn

    def source_segment_names(self) -> list[str]:
        groups = (self.segment_groups or {}).get("Groups", [])
        return [
            source["SegmentDefinitionName"]
            for group in groups
            for source in group.get("SourceSegments", [])
            if "SegmentDefinitionName" in source
        ]


class SegmentEstimate(BaseModel):
    def __init__(
        self,
        domain_name: str,
        estimate: int | None,
        failure: str = "The mock does not evaluate SegmentSqlQuery",
    ) -> None:
        """``estimate`` None: an estimate the mock cannot compute, for ``failure``."""
        self.domain_name = domain_name
        self.estimate_id = mock_random.uuid4().hex
        self.created_at = now()
        self.estimate: str | None = None
        self.message: str | None = None
        if estimate is None:
            # StatusCode is the HTTP status of GetSegmentEstimate itself: it answers.
            self.status = "FAILED"
            self.status_code = 200
            self.message = failure
        else:
            self.status = "SUCCEEDED"
            self.estimate = str(estimate)
            self.status_code = 200
