"""Integration workflows (APPFLOW_INTEGRATION): the historical ingestion of an AppFlow
source, in steps, that ends with an integration for ongoing updates.

Each step's Status goes NOT_STARTED -> IN_PROGRESS -> COMPLETE through moto's state
manager (model ``customerprofiles::workflow``): at once by default (a workflow is
COMPLETE when CreateIntegrationWorkflow answers), one status per Get/List of the
workflow when a test sets a manual transition (steps run one after another), or by time
(steps run side by side). The workflow's Status follows its steps: NOT_STARTED until the
first starts, IN_PROGRESS, then COMPLETE (or FAILED, when the completion is refused). The
other values of the model's enum (SPLIT, RETRY, CANCELLED) are not produced: AWS
documents no meaning for them.
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

WORKFLOW_MODEL = "customerprofiles::workflow"
APPFLOW_INTEGRATION = "APPFLOW_INTEGRATION"
NOT_STARTED, IN_PROGRESS, COMPLETE, FAILED = (
    "NOT_STARTED",
    "IN_PROGRESS",
    "COMPLETE",
    "FAILED",
)
ENDED = (COMPLETE, FAILED)
# [BC] ErrorDescription, ExecutionMessage, StatusDescription: string1To255
MAX_MESSAGE = 255
# [BC] FlowName: at most 256 characters
MAX_FLOW_NAME = 256

state_manager.register_default_transition(WORKFLOW_MODEL, {"progression": "immediate"})

_sequence = itertools.count()


def batch_time(moment: Any) -> str:
    """GetWorkflowSteps' BatchRecordsStartTime/EndTime are strings in the model: ISO
    8601 in UTC with milliseconds."""
    if isinstance(moment, datetime):
        return (
            moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
        )
    return str(moment)


def _message(text: str) -> str:
    return text[:MAX_MESSAGE]


class WorkflowStep(BaseModel, ManagedState):
    """One step: one AppFlow flow over one Batch of the source's records."""

    def __init__(
        self, index: int, flow_name: str, start: Any, end: Any, created_at: datetime
    ) -> None:
        ManagedState.__init__(
            self, WORKFLOW_MODEL, [(NOT_STARTED, IN_PROGRESS), (IN_PROGRESS, COMPLETE)]
        )
        self.index = index
        self.flow_name = flow_name
        self.batch_records_start_time = batch_time(start)
        self.batch_records_end_time = batch_time(end)
        self.created_at = created_at
        self.last_updated_at = created_at
        self.records_processed = 0
        self.error: str | None = None
        self.seen_status: str | None = NOT_STARTED

    @property
    def appflow_integration(self) -> WorkflowStep:
        """WorkflowStepItem's only member."""
        return self

    @property
    def execution_message(self) -> str:
        if self.error is not None:
            return _message(self.error)
        if self.seen_status == COMPLETE:
            return f"Step completed: {self.records_processed} records processed"
        if self.seen_status == IN_PROGRESS:
            return "Step in progress"
        return "Step not started"

    @property
    def shown_status(self) -> str | None:
        """The status answered: the state manager's as last recorded, or FAILED."""
        return FAILED if self.error is not None else self.seen_status

    class Meta:
        # ``status`` is the state manager's (it moves when read)
        serialization_aliases = {"Status": "shown_status"}


class Workflow(BaseModel):
    def __init__(
        self,
        workflow_id: str,
        domain_name: str,
        object_type_name: str,
        role_arn: str,
        flow_definition: dict[str, Any],
        batches: list[dict[str, Any]] | None,
        tags: dict[str, str] | None,
    ) -> None:
        self.workflow_id = workflow_id
        self.workflow_type = APPFLOW_INTEGRATION
        self.domain_name = domain_name
        self.object_type_name = object_type_name
        self.role_arn = role_arn
        self.flow_definition = copy.deepcopy(flow_definition)
        self.flow_name: str = flow_definition["FlowName"]
        self.batches = copy.deepcopy(batches or [])
        self.given_tags = dict(tags or {})
        self.created_at = now()
        self.last_updated_at = self.created_at
        self.ended_at: datetime | None = None
        self.error_description: str | None = None
        self.sequence = next(_sequence)
        self.steps = self._plan_steps()

    def _plan_steps(self) -> list[WorkflowStep]:
        """One step per Batch; without Batches one step, from the flow's
        FirstExecutionFrom (else the creation) to the creation."""
        spans = [(b["StartTime"], b["EndTime"]) for b in self.batches]
        if not spans:
            scheduled = (
                self.flow_definition.get("TriggerConfig", {}).get(
                    "TriggerProperties", {}
                )
                or {}
            ).get("Scheduled") or {}
            start = scheduled.get("FirstExecutionFrom") or self.created_at
            spans = [(start, self.created_at)]
        steps = []
        for index, (start, end) in enumerate(spans, start=1):
            name = self.flow_name
            if len(spans) > 1:
                suffix = f"-{index}"
                name = name[: MAX_FLOW_NAME - len(suffix)] + suffix
            steps.append(WorkflowStep(index, name, start, end, self.created_at))
        return steps

    # --- status -------------------------------------------------------------------

    def current_step(self) -> WorkflowStep | None:
        """The first step not yet complete (None: all are)."""
        for step in self.steps:
            if step.seen_status != COMPLETE:
                return step
        return None

    @property
    def status(self) -> str:
        if self.error_description is not None:
            return FAILED
        statuses = {step.seen_status for step in self.steps}
        if statuses == {COMPLETE} and self.ended_at is not None:
            return COMPLETE
        if statuses == {NOT_STARTED}:
            return NOT_STARTED
        return IN_PROGRESS

    @property
    def status_description(self) -> str:
        status = self.status
        if status == FAILED:
            return _message(self.error_description or "Workflow failed")
        if status == COMPLETE:
            return f"Workflow completed: {self.records_processed} records processed"
        if status == IN_PROGRESS:
            done = self.steps_completed
            return f"Workflow in progress: {done} of {len(self.steps)} steps completed"
        return "Workflow not started"

    @property
    def start_date(self) -> datetime:
        return self.created_at

    @property
    def records_processed(self) -> int:
        return sum(step.records_processed for step in self.steps)

    @property
    def steps_completed(self) -> int:
        return sum(1 for step in self.steps if step.seen_status == COMPLETE)

    # --- GetWorkflow's structures -------------------------------------------------

    @property
    def attributes(self) -> dict[str, Any]:
        source = self.flow_definition["SourceFlowConfig"]
        appflow: dict[str, Any] = {"SourceConnectorType": source["ConnectorType"]}
        if source.get("ConnectorProfileName") is not None:
            appflow["ConnectorProfileName"] = source["ConnectorProfileName"]
        appflow["RoleArn"] = self.role_arn
        return {"AppflowIntegration": appflow}

    @property
    def metrics(self) -> dict[str, Any]:
        return {
            "AppflowIntegration": {
                "RecordsProcessed": self.records_processed,
                "StepsCompleted": self.steps_completed,
                "TotalSteps": len(self.steps),
            }
        }

    def fail(self, message: str, step: WorkflowStep) -> None:
        self.error_description = _message(message)
        step.error = message
        self.ended_at = self.last_updated_at = step.last_updated_at = now()


def check_record(record: Any) -> str:
    """One record given to ``set_workflow_records``, as the JSON text of an object
    (PutProfileObject's ``Object``): a dict, or that text; ValueError otherwise."""
    from .values import dumps, parse_json

    try:
        if isinstance(record, str):
            try:
                parsed = parse_json(record)
            except ValueError:
                raise ValueError(
                    f"A record is not valid JSON: {record[:64]!r}"
                ) from None
            text = record
        else:
            parsed, text = record, dumps(record)
    except RecursionError:
        raise ValueError("A record is nested too deeply") from None
    if not isinstance(parsed, dict):
        raise ValueError(f"A record must be a JSON object: {str(record)[:64]!r}")
    return text
