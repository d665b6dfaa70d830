"""Integrations: a data source (or, with event triggers, a destination) bound to a domain."""

from __future__ import annotations

import copy

from moto.utilities.tagging_service import TaggingService

from .common import TaggableResource

UNSTRUCTURED = "_unstructured"


class Integration(TaggableResource):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        domain_name: str,
        uri: str,
    ) -> None:
        super().__init__(tagger, arn)
        self.domain_name = domain_name
        self.uri = uri
        self.object_type_name: str | None = None
        self.object_type_names: dict[str, str] | None = None
        self.role_arn: str | None = None
        self.event_trigger_names: list[str] = []
        self.scope = "PROFILE"
        self.flow_name: str | None = None
        self.is_unstructured = False
        self.workflow_id: str | None = None
        # a Kinesis source: shard id -> the sequence number of the last record ingested
        self.read_positions: dict[str, int] = {}

    def define(
        self,
        object_type_name: str | None,
        object_type_names: dict[str, str] | None,
        role_arn: str | None,
        event_trigger_names: list[str] | None,
        scope: str | None,
        flow_name: str | None,
    ) -> None:
        """PutIntegration replaces the whole definition of an existing integration."""
        self.object_type_name = object_type_name
        self.object_type_names = copy.deepcopy(object_type_names)
        self.role_arn = role_arn
        self.event_trigger_names = list(event_trigger_names or [])
        self.scope = scope or "PROFILE"
        self.flow_name = flow_name
        if flow_name is not None:
            self.is_unstructured = object_type_name == UNSTRUCTURED

    def object_types_used(self) -> set[str]:
        names = set((self.object_type_names or {}).values())
        if self.object_type_name is not None:
            names.add(self.object_type_name)
        return names
