"""Integrations: a data source (or, with event triggers, a destination) bound to a domain."""

from __future__ import annotations

import copy
from typing import Any

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
        # a flow from S3: its bucket and prefix, its Map tasks (source -> destination
        # field) and the ETag of each file read
        self.s3_source: tuple[str, str] | None = None
        self.field_map: dict[str, str] = {}
        self.files_read: dict[str, str] = {}

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

    def set_flow_source(self, flow_definition: dict[str, Any] | None) -> None:
        """Keeps the S3 bucket and prefix of a flow whose source connector is S3, and the
        flow's Map tasks of one source field. A put without a FlowDefinition keeps them
        (as it keeps IsUnstructured); a flow from another connector has no source the
        mock can read."""
        if flow_definition is None:
            return
        config = flow_definition.get("SourceFlowConfig") or {}
        properties = (config.get("SourceConnectorProperties") or {}).get("S3") or {}
        if config.get("ConnectorType") != "S3" or not properties.get("BucketName"):
            self.s3_source = None
            return
        source = (properties["BucketName"], properties.get("BucketPrefix") or "")
        if source != self.s3_source:
            self.files_read = {}
        self.s3_source = source
        self.field_map = {
            task["SourceFields"][0]: task["DestinationField"]
            for task in flow_definition.get("Tasks") or []
            if task.get("TaskType") == "Map"
            and len(task.get("SourceFields") or []) == 1
            and task.get("DestinationField")
        }

    def object_types_used(self) -> set[str]:
        names = set((self.object_type_names or {}).values())
        if self.object_type_name is not None:
            names.add(self.object_type_name)
        return names
