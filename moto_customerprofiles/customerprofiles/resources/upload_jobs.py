"""Upload jobs: a CSV file of profiles, mapped through the job's Fields and de-duplicated
by its UniqueKey.

A job is ``CREATED``; StartUploadJob makes it ``IN_PROGRESS``, and its processing goes
through moto's state manager (model ``customerprofiles::upload_job``): at once by
default (the file is ingested during StartUploadJob), or, with a manual transition, when
a Get/List of the job has ticked it enough times (each Get/List answers first, then
ticks). Processing ends ``SUCCEEDED``, ``PARTIALLY_SUCCEEDED`` (some rows failed) or
``FAILED`` (no file, a file that cannot be read, or every row failed), with
StatusReason ``VALIDATION_FAILURE`` when anything failed. StopUploadJob before the end
makes it ``STOPPED`` (nothing ingested).
"""

from __future__ import annotations

import copy
import itertools
from datetime import datetime
from typing import Any

from moto.core.common_models import BaseModel
from moto.moto_api import state_manager
from moto.moto_api._internal.managed_state_model import ManagedState

from .clock import now

MODEL_NAME = "customerprofiles::upload_job"
CREATED, IN_PROGRESS, STOPPED = "CREATED", "IN_PROGRESS", "STOPPED"
SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED = "SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED"
VALIDATION_FAILURE = "VALIDATION_FAILURE"
PROCESSED = "PROCESSED"  # the state manager's end: the file is read then
DEFAULT_DATA_EXPIRY = 14  # [BC] "the system default of 2 weeks"

state_manager.register_default_transition(MODEL_NAME, {"progression": "immediate"})

_sequence = itertools.count()


class UploadJobProgress(BaseModel, ManagedState):
    """Where a started job's processing is: IN_PROGRESS, then PROCESSED."""

    def __init__(self) -> None:
        ManagedState.__init__(self, MODEL_NAME, [(IN_PROGRESS, PROCESSED)])


class UploadJob(BaseModel):
    """One upload job. ``status`` is the job's Status as answered; ``failures`` keeps
    each failed row's reason (``Row <n>: <why>``), which the API does not return."""

    def __init__(
        self,
        job_id: str,
        display_name: str,
        fields: dict[str, Any],
        unique_key: str,
        data_expiry: int | None,
        client_token: str,
    ) -> None:
        self.job_id = job_id
        self.display_name = display_name
        self.fields = copy.deepcopy(fields)
        self.unique_key = unique_key
        self.data_expiry = data_expiry or DEFAULT_DATA_EXPIRY
        self.status = CREATED
        self.status_reason: str | None = None
        self.created_at = now()
        self.completed_at: datetime | None = None
        self.results_summary: dict[str, int] | None = None
        self.failures: list[str] = []
        self.sequence = next(_sequence)
        # GetUploadJobPath's SSE-C key (base64 of 256 random bits)
        self.client_token = client_token
        self.progress: UploadJobProgress | None = None

    @property
    def object_type_name(self) -> str:
        """The object type the job's rows are stored as (readable with
        ListProfileObjects; AWS documents none)."""
        return f"UploadJob-{self.job_id}"

    def start(self) -> None:
        """Only a CREATED job starts; a second start changes nothing."""
        if self.status == CREATED:
            self.status = IN_PROGRESS
            self.progress = UploadJobProgress()

    def stop(self) -> None:
        """A job that has not finished stops; a finished one stays as it is."""
        if self.status in (CREATED, IN_PROGRESS):
            self.status = STOPPED
            self.progress = None

    def due(self) -> bool:
        """True when the state manager says a started job's file is to be read now."""
        return (
            self.status == IN_PROGRESS
            and self.progress is not None
            and self.progress.status == PROCESSED
        )

    def tick(self) -> None:
        """A Get or List of the job: one tick of a manual progression."""
        if self.progress is not None and self.status == IN_PROGRESS:
            self.progress.advance()

    def finish(self, created: int, updated: int, failed: int) -> None:
        self.results_summary = {
            "CreatedRecords": created,
            "UpdatedRecords": updated,
            "FailedRecords": failed,
        }
        if not failed:
            self.status = SUCCEEDED
        elif created or updated:
            self.status, self.status_reason = PARTIALLY_SUCCEEDED, VALIDATION_FAILURE
        else:
            self.status, self.status_reason = FAILED, VALIDATION_FAILURE
        self.completed_at = now()
        self.progress = None

    def fail(self, reason: str, failed: int = 0) -> None:
        """The whole file failed: nothing is ingested."""
        self.failures.append(reason)
        self.finish(0, 0, failed)
        self.status, self.status_reason = FAILED, VALIDATION_FAILURE
