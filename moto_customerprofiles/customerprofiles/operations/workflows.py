"""CreateIntegrationWorkflow, GetWorkflow, GetWorkflowSteps, ListWorkflows and
DeleteWorkflow; and the records a test sets for a workflow to ingest."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from moto.moto_api import state_manager
from moto.moto_api._internal import mock_random

from ..engine.ingestion import ingest
from ..exceptions import BadRequestException, CustomerProfilesException
from ..resources.clock import now
from ..resources.common import find_in_domain, paginated
from ..resources.domains import Domain
from ..resources.profiles import check_object_nesting, check_object_size
from ..resources.timestamps import as_naive_utc
from ..resources.values import parse_json
from ..resources.workflows import (
    ENDED,
    WORKFLOW_MODEL,
    Workflow,
    WorkflowStep,
    check_record,
)
from .base import BackendState
from .integrations import define_integration, flow_uri

CREATED_MESSAGE = "Workflow creation request received."


def _naive(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is None:
        return moment
    return as_naive_utc(moment)


class WorkflowsBackend(BackendState):
    def create_integration_workflow(
        self,
        domain_name: str,
        workflow_type: str,
        integration_config: dict[str, Any],
        object_type_name: str,
        role_arn: str,
        tags: dict[str, str] | None = None,
    ) -> dict[str, str]:
        """
        No AppFlow flow is created or run: the records the workflow ingests are those a
        test sets for its flow (``moto_customerprofiles.set_workflow_records``), read
        when the workflow completes. Its steps are one per Batch (one without Batches).
        When it completes, the records go through PutProfileObject's pipeline into
        ObjectTypeName, and the integration for the flow (Uri: the flow's ARN, as
        PutIntegration with a FlowDefinition) is created or redefined with the
        workflow's ObjectTypeName, RoleArn and Tags, and carries its WorkflowId. An
        object type that is not defined (nor a template ID) is accepted, as by
        PutIntegration; the workflow then FAILS at completion, ingesting nothing.
        """
        domain = self._get_domain(domain_name)
        appflow = (integration_config or {}).get("AppflowIntegration")
        if appflow is None:
            raise BadRequestException(
                f"IntegrationConfig.AppflowIntegration is required for WorkflowType "
                f"{workflow_type}"
            )
        workflow = Workflow(
            workflow_id=mock_random.uuid4().hex,
            domain_name=domain_name,
            object_type_name=object_type_name,
            role_arn=role_arn,
            flow_definition=appflow["FlowDefinition"],
            batches=appflow.get("Batches"),
            tags=tags,
        )
        domain.workflows[workflow.workflow_id] = workflow
        self._run(domain, workflow)
        return {"WorkflowId": workflow.workflow_id, "Message": CREATED_MESSAGE}

    def get_workflow(self, domain_name: str, workflow_id: str) -> Workflow:
        domain = self._get_domain(domain_name)
        workflow = self._workflow(domain, workflow_id)
        self._described(domain, workflow)
        return workflow

    @paginated(lambda step: step.index)
    def get_workflow_steps(
        self, domain_name: str, workflow_id: str
    ) -> list[WorkflowStep]:
        domain = self._get_domain(domain_name)
        workflow = self._workflow(domain, workflow_id)
        self._described(domain, workflow)
        return list(workflow.steps)

    @paginated(lambda workflow: workflow.sequence)
    def list_workflows(
        self,
        domain_name: str,
        workflow_type: str | None = None,
        status: str | None = None,
        query_start_date: datetime | None = None,
        query_end_date: datetime | None = None,
    ) -> list[Workflow]:
        """
        In creation order. QueryStartDate keeps the workflows started at or after it;
        QueryEndDate those that ended (COMPLETE or FAILED) at or after it, so a
        workflow still running is left out.
        """
        domain = self._get_domain(domain_name)
        started_after = _naive(query_start_date)
        ended_after = _naive(query_end_date)
        found = []
        for workflow in list(domain.workflows.values()):
            self._described(domain, workflow)
            if workflow_type is not None and workflow.workflow_type != workflow_type:
                continue
            if status is not None and workflow.status != status:
                continue
            if started_after is not None and workflow.created_at < started_after:
                continue
            if ended_after is not None and (
                workflow.ended_at is None or workflow.ended_at < ended_after
            ):
                continue
            found.append(workflow)
        return found

    def delete_workflow(self, domain_name: str, workflow_id: str) -> None:
        """
        AWS deletes asynchronously; the mock at once: GetWorkflow then answers
        ResourceNotFoundException. The integration the workflow created is deleted
        while it still carries the workflow's WorkflowId; the profiles and objects it
        ingested stay (they are the domain's data), and so do the records set for its
        flow.
        """
        domain = self._get_domain(domain_name)
        workflow = self._workflow(domain, workflow_id)
        del domain.workflows[workflow.workflow_id]
        uri = flow_uri(self, workflow.flow_name)
        integration = domain.integrations.get(uri)
        if integration is not None and integration.workflow_id == workflow_id:
            domain.remove_integration(uri)

    def set_workflow_records(
        self, domain_name: str, flow_name: str, records: list[Any]
    ) -> None:
        """The records the source of the flow named ``flow_name`` holds (replacing
        those set before): what a workflow with that FlowName ingests when it
        completes. ValueError for anything but a list of JSON objects."""
        domain = self._get_domain(domain_name)
        if not isinstance(records, list):
            raise ValueError("Records must be a list of JSON objects")
        if not isinstance(flow_name, str) or not flow_name:
            raise ValueError("FlowName must be a non-empty string")
        domain.flow_records[flow_name] = [check_record(r) for r in records]
        for workflow in list(domain.workflows.values()):
            self._run(domain, workflow)

    # --- the workflow's run ---------------------------------------------------------

    @staticmethod
    def _workflow(domain: Domain, workflow_id: str) -> Workflow:
        return find_in_domain(
            domain.workflows, "Workflow", workflow_id, domain.domain_name
        )

    def _described(self, domain: Domain, workflow: Workflow) -> None:
        """A Get or List of the workflow: one tick of a manual progression (the step
        running, or the next to start)."""
        if state_manager.get_transition(WORKFLOW_MODEL)["progression"] == "manual":
            step = workflow.current_step()
            if step is not None and workflow.status not in ENDED:
                step.advance()
        self._run(domain, workflow)

    def _run(self, domain: Domain, workflow: Workflow) -> None:
        """Record the steps' progress; complete the workflow when its last step
        completes."""
        if workflow.status in ENDED:
            return
        for step in workflow.steps:
            current = step.status
            if current != step.seen_status:
                step.seen_status = current
                step.last_updated_at = workflow.last_updated_at = now()
        if workflow.current_step() is None:
            self._complete(domain, workflow)

    def _complete(self, domain: Domain, workflow: Workflow) -> None:
        """The documented end of a workflow: "a standard, continuous integration" for
        the flow, and its records ingested. A refusal fails the workflow."""
        last = workflow.steps[-1]
        try:
            domain.object_type(workflow.object_type_name)  # defined, or a template
            integration = define_integration(
                self,
                domain.domain_name,
                flow_uri(self, workflow.flow_name),
                workflow.object_type_name,
                None,
                workflow.given_tags,
                workflow.flow_name,
                workflow.role_arn,
                None,
                None,
            )
        except CustomerProfilesException as error:
            workflow.fail(error.message, last)
            return
        integration.workflow_id = workflow.workflow_id
        # now the domain's own (define_integration materializes a template ID's type)
        object_type = domain.object_type(workflow.object_type_name)
        processed = 0
        for text in domain.flow_records.get(workflow.flow_name, []):
            try:  # PutProfileObject's quotas, then its pipeline
                check_object_size(text)
                check_object_nesting(text)
                result = ingest(domain, object_type, parse_json(text))
            except CustomerProfilesException:
                continue  # a record a quota refuses is skipped
            domain.keep(object_type)
            self.trigger_invocations.extend(result.invocations)
            processed += 1
        last.records_processed = processed
        workflow.ended_at = workflow.last_updated_at = now()
