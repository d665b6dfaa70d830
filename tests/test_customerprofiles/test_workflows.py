"""Integration workflows (CreateIntegrationWorkflow, GetWorkflow, GetWorkflowSteps,
ListWorkflows, DeleteWorkflow) and the records a test sets for a flow
(``moto_customerprofiles.set_workflow_records`` and its ``/moto-api/`` route), ingested
as PutProfileObject ingests objects."""

import json
import re
from datetime import datetime, timezone

import pytest
import requests
from botocore.exceptions import ClientError
from freezegun import freeze_time

import moto_customerprofiles

from .helpers import (
    ACCOUNT_ID,
    REGION,
    client_error,
    raw_error,
    raw_request,
    transition,
)

ROUTE = "/moto-api/customerprofiles/workflow-records"
MODEL = "customerprofiles::workflow"
ROLE = f"arn:aws:iam::{ACCOUNT_ID}:role/profiles-workflow"
FLOW = "salesforce-contacts"
FLOW_URI = f"arn:aws:appflow:{REGION}:{ACCOUNT_ID}:flow/{FLOW}"
T0 = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)
T1 = datetime(2026, 3, 2, 11, 30, 15, tzinfo=timezone.utc)
T2 = datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc)
BATCHES = [
    {
        "StartTime": datetime(2025, 1, 1, tzinfo=timezone.utc),
        "EndTime": datetime(2025, 3, 1, tzinfo=timezone.utc),
    },
    {
        "StartTime": datetime(2025, 3, 1, tzinfo=timezone.utc),
        "EndTime": datetime(2025, 5, 1, 12, 30, 0, 250000, tzinfo=timezone.utc),
    },
]
FIELDS = {
    "id": {"Source": "_source.Id", "Target": "_profile.AccountNumber"},
    "email": {"Source": "_source.Email", "Target": "_profile.EmailAddress"},
    "name": {"Source": "_source.FirstName", "Target": "_profile.FirstName"},
    "amount": {"Source": "_source.Amount"},
}
KEYS = {
    "id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}],
}
RECORDS = [
    {"Id": "001", "Email": "ann@example.com", "FirstName": "Ann", "Amount": 10},
    {"Id": "002", "Email": "bob@example.com", "FirstName": "Bob", "Amount": 3},
]


def flow_definition(name=FLOW, **source):
    source_config = {
        "ConnectorType": "Salesforce",
        "ConnectorProfileName": "my-salesforce",
        "SourceConnectorProperties": {"Salesforce": {"Object": "Contact"}},
        **source,
    }
    return {
        "FlowName": name,
        "KmsArn": f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/k1",
        "SourceFlowConfig": source_config,
        "Tasks": [
            {"SourceFields": ["Id"], "TaskType": "Map", "DestinationField": "Id"}
        ],
        "TriggerConfig": {"TriggerType": "OnDemand"},
    }


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="contact",
        Description="Salesforce contacts",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )
    return "d"


@pytest.fixture
def manual():
    """Workflow steps advance one status per Get/List of the workflow."""
    with transition(MODEL):
        yield


def create(client, batches=None, object_type="contact", flow=None, **kwargs):
    appflow = {"FlowDefinition": flow or flow_definition()}
    if batches is not None:
        appflow["Batches"] = batches
    return client.create_integration_workflow(
        DomainName="d",
        WorkflowType="APPFLOW_INTEGRATION",
        IntegrationConfig={"AppflowIntegration": appflow},
        ObjectTypeName=object_type,
        RoleArn=ROLE,
        **kwargs,
    )["WorkflowId"]


def set_records(moto_api, records, flow=FLOW):
    body = {"DomainName": "d", "FlowName": flow, "Records": records}
    response = requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)
    assert response.status_code == 200, response.text
    assert response.json() == {"Records": records}


def get(client, workflow_id):
    response = client.get_workflow(DomainName="d", WorkflowId=workflow_id)
    response.pop("ResponseMetadata")
    return response


def steps(client, workflow_id, **kwargs):
    return client.get_workflow_steps(DomainName="d", WorkflowId=workflow_id, **kwargs)


def search(client, email):
    return client.search_profiles(DomainName="d", KeyName="_email", Values=[email])[
        "Items"
    ]


# --- CreateIntegrationWorkflow and GetWorkflow --------------------------------------


def test_create_answers_a_workflow_id_and_a_message(client, domain):
    response = client.create_integration_workflow(
        DomainName="d",
        WorkflowType="APPFLOW_INTEGRATION",
        IntegrationConfig={"AppflowIntegration": {"FlowDefinition": flow_definition()}},
        ObjectTypeName="contact",
        RoleArn=ROLE,
    )
    assert re.fullmatch(r"[a-f0-9]{32}", response["WorkflowId"])
    assert response["Message"] == "Workflow creation request received."


def test_get_workflow_answers_every_member(client, domain, moto_api):
    set_records(moto_api, RECORDS)
    with freeze_time(T0):
        workflow_id = create(client, batches=BATCHES)
    assert get(client, workflow_id) == {
        "WorkflowId": workflow_id,
        "WorkflowType": "APPFLOW_INTEGRATION",
        "Status": "COMPLETE",
        "StartDate": T0,
        "LastUpdatedAt": T0,
        "Attributes": {
            "AppflowIntegration": {
                "SourceConnectorType": "Salesforce",
                "ConnectorProfileName": "my-salesforce",
                "RoleArn": ROLE,
            }
        },
        "Metrics": {
            "AppflowIntegration": {
                "RecordsProcessed": 2,
                "StepsCompleted": 2,
                "TotalSteps": 2,
            }
        },
    }


def test_a_source_without_connector_profile_has_none_in_attributes(client, domain):
    source = {
        "ConnectorType": "S3",
        "SourceConnectorProperties": {"S3": {"BucketName": "exports"}},
    }
    source_flow = flow_definition()
    source_flow["SourceFlowConfig"] = source
    workflow_id = create(client, flow=source_flow)
    assert get(client, workflow_id)["Attributes"] == {
        "AppflowIntegration": {"SourceConnectorType": "S3", "RoleArn": ROLE}
    }


def test_create_without_appflow_integration_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        client.create_integration_workflow(
            DomainName="d",
            WorkflowType="APPFLOW_INTEGRATION",
            IntegrationConfig={},
            ObjectTypeName="contact",
            RoleArn=ROLE,
        )
    assert client_error(exc) == (
        "BadRequestException",
        "IntegrationConfig.AppflowIntegration is required for WorkflowType "
        "APPFLOW_INTEGRATION",
        400,
    )
    assert client.list_workflows(DomainName="d")["Items"] == []


def test_create_in_a_missing_domain_is_not_found(client):
    with pytest.raises(ClientError) as exc:
        client.create_integration_workflow(
            DomainName="nowhere",
            WorkflowType="APPFLOW_INTEGRATION",
            IntegrationConfig={
                "AppflowIntegration": {"FlowDefinition": flow_definition()}
            },
            ObjectTypeName="contact",
            RoleArn=ROLE,
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nowhere does not exist.",
        404,
    )


def test_create_validates_the_flow_definition_against_the_model(domain, endpoint):
    flow = flow_definition()
    del flow["KmsArn"]
    body = {
        "WorkflowType": "APPFLOW_INTEGRATION",
        "IntegrationConfig": {"AppflowIntegration": {"FlowDefinition": flow}},
        "ObjectTypeName": "contact",
        "RoleArn": ROLE,
    }
    response = raw_request(endpoint, "POST", "/domains/d/workflows/integrations", body)
    code, message, status = raw_error(response)
    assert (code, status) == ("BadRequestException", 400)
    assert "KmsArn" in message


@pytest.mark.parametrize(
    "operation", ["get_workflow", "get_workflow_steps", "delete_workflow"]
)
def test_a_missing_workflow_is_not_found(client, domain, operation):
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(DomainName="d", WorkflowId="0" * 32)
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Workflow {'0' * 32} does not exist in domain d.",
        404,
    )


@pytest.mark.parametrize(
    "operation", ["get_workflow", "get_workflow_steps", "delete_workflow"]
)
def test_a_workflow_of_a_missing_domain_is_not_found(client, operation):
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(DomainName="nowhere", WorkflowId="0" * 32)
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nowhere does not exist.",
        404,
    )


def test_a_workflow_is_found_only_in_its_domain(client, domain):
    workflow_id = create(client)
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    with pytest.raises(ClientError) as exc:
        client.get_workflow(DomainName="other", WorkflowId=workflow_id)
    assert client_error(exc)[1] == (
        f"Workflow {workflow_id} does not exist in domain other."
    )


# --- steps ----------------------------------------------------------------------------


def test_steps_are_one_per_batch_with_string_batch_times(client, domain, moto_api):
    set_records(moto_api, RECORDS)
    with freeze_time(T0):
        workflow_id = create(client, batches=BATCHES)
    response = steps(client, workflow_id)
    assert response["WorkflowId"] == workflow_id
    assert response["WorkflowType"] == "APPFLOW_INTEGRATION"
    assert "NextToken" not in response
    assert [item["AppflowIntegration"] for item in response["Items"]] == [
        {
            "FlowName": f"{FLOW}-1",
            "Status": "COMPLETE",
            "ExecutionMessage": "Step completed: 0 records processed",
            "RecordsProcessed": 0,
            "BatchRecordsStartTime": "2025-01-01T00:00:00.000Z",
            "BatchRecordsEndTime": "2025-03-01T00:00:00.000Z",
            "CreatedAt": T0,
            "LastUpdatedAt": T0,
        },
        {
            "FlowName": f"{FLOW}-2",
            "Status": "COMPLETE",
            "ExecutionMessage": "Step completed: 2 records processed",
            "RecordsProcessed": 2,
            "BatchRecordsStartTime": "2025-03-01T00:00:00.000Z",
            "BatchRecordsEndTime": "2025-05-01T12:30:00.250Z",
            "CreatedAt": T0,
            "LastUpdatedAt": T0,
        },
    ]


def test_without_batches_one_step_runs_from_first_execution_to_creation(client, domain):
    flow = flow_definition()
    flow["TriggerConfig"] = {
        "TriggerType": "Scheduled",
        "TriggerProperties": {
            "Scheduled": {
                "ScheduleExpression": "rate(1days)",
                "FirstExecutionFrom": datetime(2024, 6, 1, tzinfo=timezone.utc),
            }
        },
    }
    with freeze_time(T0):
        workflow_id = create(client, flow=flow)
    [item] = steps(client, workflow_id)["Items"]
    assert item["AppflowIntegration"]["FlowName"] == FLOW
    assert item["AppflowIntegration"]["BatchRecordsStartTime"] == (
        "2024-06-01T00:00:00.000Z"
    )
    assert item["AppflowIntegration"]["BatchRecordsEndTime"] == (
        "2026-03-01T10:00:00.000Z"
    )


def test_steps_page_with_max_results_and_next_token(client, domain):
    batches = [
        {
            "StartTime": datetime(2025, month, 1, tzinfo=timezone.utc),
            "EndTime": datetime(2025, month + 1, 1, tzinfo=timezone.utc),
        }
        for month in range(1, 6)
    ]
    workflow_id = create(client, batches=batches)
    names, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        page = steps(client, workflow_id, MaxResults=2, **kwargs)
        assert len(page["Items"]) <= 2
        names += [i["AppflowIntegration"]["FlowName"] for i in page["Items"]]
        token = page.get("NextToken")
        if token is None:
            break
    assert names == [f"{FLOW}-{n}" for n in range(1, 6)]


def test_a_step_token_of_another_request_is_refused(client, domain):
    batches = BATCHES + BATCHES
    workflow_id = create(client, batches=batches)
    token = steps(client, workflow_id, MaxResults=1)["NextToken"]
    with pytest.raises(ClientError) as exc:
        client.list_workflows(DomainName="d", NextToken=token)
    assert client_error(exc) == (
        "BadRequestException",
        "The pagination token is invalid.",
        400,
    )


# --- statuses through the state manager -----------------------------------------------


def test_steps_move_one_status_per_read_and_ingest_at_complete(
    client, domain, moto_api, manual
):
    set_records(moto_api, RECORDS)
    workflow_id = create(client, batches=BATCHES)
    seen = []
    for _ in range(5):
        workflow = get(client, workflow_id)
        seen.append(
            (
                workflow["Status"],
                workflow["Metrics"]["AppflowIntegration"]["StepsCompleted"],
                workflow["Metrics"]["AppflowIntegration"]["RecordsProcessed"],
                len(search(client, "ann@example.com")),
            )
        )
    assert seen == [
        ("IN_PROGRESS", 0, 0, 0),
        ("IN_PROGRESS", 1, 0, 0),
        ("IN_PROGRESS", 1, 0, 0),
        ("COMPLETE", 2, 2, 1),
        ("COMPLETE", 2, 2, 1),
    ]


def test_a_workflow_waits_not_started_until_its_first_step_moves(client, domain):
    # each read ticks first: with two ticks a status, the first read sees NOT_STARTED
    with transition(MODEL, times=2):
        workflow_id = create(client, batches=BATCHES)
        [item] = client.list_workflows(DomainName="d", Status="NOT_STARTED")["Items"]
        assert get(client, workflow_id)["Status"] == "IN_PROGRESS"
    assert item["WorkflowId"] == workflow_id
    assert item["StatusDescription"] == "Workflow not started"


def test_step_statuses_while_a_workflow_runs(client, domain, manual):
    workflow_id = create(client, batches=BATCHES)
    get(client, workflow_id)  # step 1 starts
    items = steps(client, workflow_id)["Items"]  # step 1 completes
    assert [
        (i["AppflowIntegration"]["Status"], i["AppflowIntegration"]["ExecutionMessage"])
        for i in items
    ] == [
        ("COMPLETE", "Step completed: 0 records processed"),
        ("NOT_STARTED", "Step not started"),
    ]
    listed = client.list_workflows(DomainName="d")["Items"]
    assert [(i["Status"], i["StatusDescription"]) for i in listed] == [
        ("IN_PROGRESS", "Workflow in progress: 1 of 2 steps completed")
    ]


def test_records_set_while_a_workflow_runs_are_ingested(
    client, domain, moto_api, manual
):
    workflow_id = create(client)
    get(client, workflow_id)
    set_records(moto_api, RECORDS[:1])
    assert get(client, workflow_id)["Status"] == "COMPLETE"
    assert [p["FirstName"] for p in search(client, "ann@example.com")] == ["Ann"]


def test_the_integration_appears_when_the_workflow_completes(client, domain, manual):
    workflow_id = create(client)
    get(client, workflow_id)
    assert client.list_integrations(DomainName="d")["Items"] == []
    get(client, workflow_id)
    [integration] = client.list_integrations(DomainName="d")["Items"]
    assert integration["WorkflowId"] == workflow_id


# --- records become profiles, objects and history ----------------------------------------


def test_a_workflows_records_appear_as_profiles_objects_and_history(
    client, domain, moto_api
):
    set_records(moto_api, RECORDS)
    workflow_id = create(client, batches=BATCHES)
    assert (
        get(client, workflow_id)["Metrics"]["AppflowIntegration"]["RecordsProcessed"]
        == 2
    )
    [ann] = search(client, "ann@example.com")
    assert (ann["AccountNumber"], ann["FirstName"]) == ("001", "Ann")
    objects = client.list_profile_objects(
        DomainName="d", ObjectTypeName="contact", ProfileId=ann["ProfileId"]
    )["Items"]
    assert [json.loads(o["Object"]) for o in objects] == [RECORDS[0]]
    history = client.list_profile_history_records(
        DomainName="d", ProfileId=ann["ProfileId"]
    )["ProfileHistoryRecords"]
    assert [(r["ActionType"], r["ObjectTypeName"]) for r in history] == [
        ("CREATED", "_profile"),
        ("INGESTED", "contact"),
    ]
    stats = client.get_domain(DomainName="d")["Stats"]
    assert (stats["ProfileCount"], stats["ObjectCount"]) == (2, 2)


def test_records_given_as_json_text_are_ingested(client, domain):
    moto_customerprofiles.set_workflow_records(
        "d", FLOW, [json.dumps(RECORDS[1])], account_id=ACCOUNT_ID, region_name=REGION
    )
    create(client)
    assert [p["FirstName"] for p in search(client, "bob@example.com")] == ["Bob"]


def test_a_record_already_ingested_replaces_its_object(client, domain, moto_api):
    set_records(moto_api, RECORDS[:1])
    create(client)
    set_records(moto_api, [{**RECORDS[0], "FirstName": "Anne"}])
    create(client)
    [ann] = search(client, "ann@example.com")
    assert ann["FirstName"] == "Anne"
    assert client.get_domain(DomainName="d")["Stats"]["ObjectCount"] == 1


def test_a_record_a_quota_refuses_is_skipped(client, domain, moto_api):
    too_big = {"Id": "003", "Email": "big@example.com", "Notes": "x" * 260_000}
    set_records(moto_api, [RECORDS[0], too_big])
    workflow_id = create(client)
    metrics = get(client, workflow_id)["Metrics"]["AppflowIntegration"]
    assert metrics["RecordsProcessed"] == 1
    assert search(client, "big@example.com") == []
    assert [p["FirstName"] for p in search(client, "ann@example.com")] == ["Ann"]


def test_records_fire_event_triggers_as_put_profile_object(
    client, domain, moto_api, customerprofiles_trigger_invocations
):
    client.create_event_trigger(
        DomainName="d",
        EventTriggerName="big",
        ObjectTypeName="contact",
        EventTriggerConditions=[
            {
                "EventTriggerDimensions": [
                    {
                        "ObjectAttributes": [
                            {
                                "FieldName": "amount",
                                "ComparisonOperator": "GREATER_THAN",
                                "Values": ["5"],
                            }
                        ]
                    }
                ],
                "LogicalOperator": "ANY",
            }
        ],
    )
    set_records(moto_api, RECORDS)
    create(client)
    outcomes = [
        (i["EventTriggerName"], i["ObjectTypeName"], i["Status"], i["Reason"])
        for i in customerprofiles_trigger_invocations("d")
    ]
    # as for PutProfileObject: the first meets the condition (no integration names
    # the trigger), the second does not
    assert outcomes == [
        ("big", "contact", "SUPPRESSED", "NO_INTEGRATION"),
        ("big", "contact", "SUPPRESSED", "CONDITIONS_NOT_MET"),
    ]


def test_a_missing_object_type_fails_the_workflow_at_completion(
    client, domain, moto_api
):
    set_records(moto_api, RECORDS)
    workflow_id = create(client, object_type="nothing")
    workflow = get(client, workflow_id)
    assert workflow["Status"] == "FAILED"
    assert workflow["ErrorDescription"] == (
        "Object type nothing does not exist in domain d."
    )
    assert workflow["Metrics"]["AppflowIntegration"]["RecordsProcessed"] == 0
    assert client.list_integrations(DomainName="d")["Items"] == []
    assert search(client, "ann@example.com") == []
    items = steps(client, workflow_id)["Items"]
    assert items[-1]["AppflowIntegration"]["Status"] == "FAILED"
    assert items[-1]["AppflowIntegration"]["ExecutionMessage"] == (
        "Object type nothing does not exist in domain d."
    )


def test_a_template_object_type_is_used_implicitly(client, domain, moto_api):
    set_records(moto_api, [{"Id": "003", "Email": "cy@example.com"}])
    workflow_id = create(client, object_type="Salesforce-Contact")
    workflow = get(client, workflow_id)
    assert workflow["Status"] == "COMPLETE"
    assert workflow["Metrics"]["AppflowIntegration"]["RecordsProcessed"] == 1
    names = [
        t["ObjectTypeName"]
        for t in client.list_profile_object_types(DomainName="d")["Items"]
    ]
    assert "Salesforce-Contact" in names
    assert client.get_domain(DomainName="d")["Stats"]["ObjectCount"] >= 1


# --- the integration ---------------------------------------------------------------------


def test_a_complete_workflows_integration_carries_its_workflow_id(client, domain):
    with freeze_time(T0):
        workflow_id = create(client, Tags={"team": "crm"})
    integration = client.get_integration(DomainName="d", Uri=FLOW_URI)
    integration.pop("ResponseMetadata")
    assert integration == {
        "DomainName": "d",
        "Uri": FLOW_URI,
        "ObjectTypeName": "contact",
        "CreatedAt": T0,
        "LastUpdatedAt": T0,
        "Tags": {"team": "crm"},
        "WorkflowId": workflow_id,
        "IsUnstructured": False,
        "RoleArn": ROLE,
        "EventTriggerNames": [],
        "Scope": "PROFILE",
    }
    [listed] = client.list_integrations(DomainName="d")["Items"]
    assert listed["WorkflowId"] == workflow_id


def test_a_flow_name_another_integration_uses_fails_the_workflow(client, domain):
    client.put_integration(
        DomainName="d",
        FlowDefinition=flow_definition(),
        Uri=f"arn:aws:appflow:{REGION}:{ACCOUNT_ID}:flow/elsewhere",
        ObjectTypeName="contact",
    )
    workflow_id = create(client)
    workflow = get(client, workflow_id)
    assert (workflow["Status"], workflow["ErrorDescription"]) == (
        "FAILED",
        f"Flow with name {FLOW} already exists.",
    )


# --- ListWorkflows ----------------------------------------------------------------------


def test_list_workflows_answers_every_member(client, domain):
    with freeze_time(T0):
        workflow_id = create(client)
    assert client.list_workflows(DomainName="d")["Items"] == [
        {
            "WorkflowType": "APPFLOW_INTEGRATION",
            "WorkflowId": workflow_id,
            "Status": "COMPLETE",
            "StatusDescription": "Workflow completed: 0 records processed",
            "CreatedAt": T0,
            "LastUpdatedAt": T0,
        }
    ]


def test_list_workflows_filters_by_status_and_type(client, domain):
    done = create(client, flow=flow_definition("done"))
    failed = create(client, flow=flow_definition("failed"), object_type="nothing")

    def ids(**filters):
        items = client.list_workflows(DomainName="d", **filters)["Items"]
        return {i["WorkflowId"] for i in items}

    assert ids(Status="COMPLETE") == {done}
    assert ids(Status="FAILED") == {failed}
    assert ids(Status="IN_PROGRESS") == set()
    assert ids(WorkflowType="APPFLOW_INTEGRATION") == {done, failed}


def test_list_workflows_sees_a_running_workflow_in_progress(client, domain, manual):
    workflow_id = create(client, batches=BATCHES)
    # a List is a read of each workflow: its first step starts
    [item] = client.list_workflows(DomainName="d", Status="IN_PROGRESS")["Items"]
    assert item["WorkflowId"] == workflow_id


def test_list_workflows_filters_by_start_and_end_dates(client, domain):
    with freeze_time(T0):
        first = create(client, flow=flow_definition("first"))
    with freeze_time(T1):
        second = create(client, flow=flow_definition("second"))
    with freeze_time(T2):

        def ids(**filters):
            items = client.list_workflows(DomainName="d", **filters)["Items"]
            return [i["WorkflowId"] for i in items]

        assert ids() == [first, second]
        assert ids(QueryStartDate=T1) == [second]
        assert ids(QueryStartDate=T0) == [first, second]
        assert ids(QueryEndDate=T1) == [second]
        assert ids(QueryStartDate=T2) == []


def test_list_workflows_leaves_out_running_ones_for_an_end_date(client, domain, manual):
    create(client)
    assert client.list_workflows(DomainName="d", QueryEndDate=T0)["Items"] == []


def test_list_workflows_pages(client, domain):
    created = [create(client, flow=flow_definition(f"f{n}")) for n in range(5)]
    seen, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        page = client.list_workflows(DomainName="d", MaxResults=2, **kwargs)
        assert len(page["Items"]) <= 2
        seen += [i["WorkflowId"] for i in page["Items"]]
        token = page.get("NextToken")
        if token is None:
            break
    assert seen == created


def test_list_workflows_of_a_missing_domain_is_not_found(client):
    with pytest.raises(ClientError) as exc:
        client.list_workflows(DomainName="nowhere")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nowhere does not exist.",
        404,
    )


# --- DeleteWorkflow ---------------------------------------------------------------------


def test_delete_removes_the_workflow_and_its_integration(client, domain, moto_api):
    set_records(moto_api, RECORDS)
    workflow_id = create(client)
    assert (
        client.delete_workflow(DomainName="d", WorkflowId=workflow_id)[
            "ResponseMetadata"
        ]["HTTPStatusCode"]
        == 200
    )
    with pytest.raises(ClientError) as exc:
        client.get_workflow(DomainName="d", WorkflowId=workflow_id)
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Workflow {workflow_id} does not exist in domain d.",
        404,
    )
    assert client.list_workflows(DomainName="d")["Items"] == []
    assert client.list_integrations(DomainName="d")["Items"] == []
    # the data it ingested stays
    assert [p["FirstName"] for p in search(client, "ann@example.com")] == ["Ann"]


def test_delete_keeps_an_integration_a_later_workflow_took_over(client, domain):
    first = create(client)
    second = create(client)
    client.delete_workflow(DomainName="d", WorkflowId=first)
    [integration] = client.list_integrations(DomainName="d")["Items"]
    assert integration["WorkflowId"] == second


def test_delete_twice_is_not_found(client, domain):
    workflow_id = create(client)
    client.delete_workflow(DomainName="d", WorkflowId=workflow_id)
    with pytest.raises(ClientError) as exc:
        client.delete_workflow(DomainName="d", WorkflowId=workflow_id)
    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_deleting_the_domain_deletes_its_workflows(client, domain):
    workflow_id = create(client)
    client.delete_domain(DomainName="d")
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    with pytest.raises(ClientError) as exc:
        client.get_workflow(DomainName="d", WorkflowId=workflow_id)
    assert client_error(exc)[0] == "ResourceNotFoundException"


# --- the records route and function ---------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"FlowName": FLOW, "Records": {"Id": "1"}}, "Records must be a list"),
        ({"FlowName": FLOW, "Records": ["not json"]}, "A record is not valid JSON"),
        ({"FlowName": FLOW, "Records": [[1]]}, "A record must be a JSON object"),
        ({"FlowName": FLOW, "Records": ["[1]"]}, "A record must be a JSON object"),
        ({"Records": []}, "FlowName must be a non-empty string"),
    ],
)
def test_the_route_refuses_what_is_not_a_list_of_records(
    client, domain, moto_api, body, message
):
    response = requests.post(
        f"{moto_api}{ROUTE}", json={"DomainName": "d", **body}, timeout=30
    )
    assert response.status_code == 400
    assert message in response.json()["Message"]


def test_the_route_refuses_a_missing_domain(client, moto_api):
    body = {"DomainName": "nowhere", "FlowName": FLOW, "Records": []}
    response = requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)
    assert response.status_code == 400
    assert response.json()["Message"].startswith("Domain nowhere exists in no ")


def test_the_route_takes_only_post(client, domain, moto_api):
    response = requests.get(f"{moto_api}{ROUTE}", timeout=30)
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


def test_the_function_refuses_records_that_are_not_objects(client, domain):
    with pytest.raises(ValueError, match="A record must be a JSON object"):
        moto_customerprofiles.set_workflow_records("d", FLOW, [1])
