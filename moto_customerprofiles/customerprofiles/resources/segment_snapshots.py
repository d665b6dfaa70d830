"""Segment snapshots: a segment's members exported to S3.

A snapshot's Status goes IN_PROGRESS -> COMPLETED through moto's state manager (model
``customerprofiles::segment_snapshot``): at once by default, one step per
GetSegmentSnapshot when a test sets a manual transition. The members are the segment's
when the snapshot is created; they are written when it completes, and a write that
cannot be made (no S3 URI, no such bucket) leaves it FAILED with a StatusMessage.
"""

from __future__ import annotations

from typing import Any

from moto.core.common_models import BaseModel
from moto.moto_api import state_manager
from moto.moto_api._internal import mock_random
from moto.moto_api._internal.managed_state_model import ManagedState

from .clock import now

SNAPSHOT_MODEL = "customerprofiles::segment_snapshot"
IN_PROGRESS, COMPLETED, FAILED = "IN_PROGRESS", "COMPLETED", "FAILED"

state_manager.register_default_transition(SNAPSHOT_MODEL, {"progression": "immediate"})


class SegmentSnapshot(BaseModel, ManagedState):
    def __init__(
        self,
        segment_definition_name: str,
        data_format: str,
        encryption_key: str | None,
        role_arn: str | None,
        destination_uri: str | None,
        records: list[dict[str, Any]] | None,
        failure: str | None = None,
    ) -> None:
        """``records``: the members' profiles, as exported; None with ``failure``: a
        snapshot that fails (the segment's members cannot be known)."""
        ManagedState.__init__(self, SNAPSHOT_MODEL, [(IN_PROGRESS, COMPLETED)])
        self.snapshot_id = mock_random.uuid4().hex
        self.segment_definition_name = segment_definition_name
        self.data_format = data_format
        self.encryption_key = encryption_key
        self.role_arn = role_arn
        self.destination_uri = destination_uri
        self.created_at = now()
        self.records = records
        self.failure = failure
        self.status_message: str | None = None
        self.written: list[str] = []  # the S3 keys written, data first

    def described(self) -> None:
        """A GetSegmentSnapshot: one tick of a manual progression."""
        if state_manager.get_transition(self.model_name)["progression"] == "manual":
            self.advance()

    def fail(self, message: str) -> None:
        self.status = FAILED
        self.status_message = message
        self.records = None
