"""CreateEventTrigger, GetEventTrigger, UpdateEventTrigger, DeleteEventTrigger and
ListEventTriggers, and the business rules the backend enforces on event triggers."""

import time
from datetime import datetime

import pytest
from botocore.exceptions import ClientError

from .helpers import ACCOUNT_ID, REGION, client_error, raw_error, raw_request

ATTRIBUTE_PATH = (
    "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]"
)
FIELDS = {
    "amount": {"Source": "_source.amount", "Target": "ot.amount"},
    "name": {"Source": "_source.name", "Target": "ot.name"},
    "placed": {"Source": "_source.placed", "Target": "ot.placed"},
}
KEYS = {"name": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["name"]}]}
LIMITS = {
    "EventExpiration": 900000,
    "Periods": [
        {"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 10},
        {"Unit": "WEEKS", "Value": 2, "Unlimited": True},
    ],
}
MODEL_ATTRIBUTE = {
    "FieldName": "amount",
    "ComparisonOperator": "GREATER_THAN",
    "Values": ["5"],
}


def trigger_arn(name, domain="d"):
    return (
        f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/{domain}/event-triggers/{name}"
    )


def attribute(operator="GREATER_THAN", values=("5",), field="amount", **extra):
    result = {"ComparisonOperator": operator, "Values": list(values), **extra}
    if field is not None:
        result["FieldName"] = field
    return result


def conditions(*attributes, logical_operator="ANY"):
    return [
        {
            "EventTriggerDimensions": [{"ObjectAttributes": list(attributes)}],
            "LogicalOperator": logical_operator,
        }
    ]


CONDITIONS = conditions(attribute())


def put_object_type(client, name="ot", domain="d", fields=None):
    client.put_profile_object_type(
        DomainName=domain,
        ObjectTypeName=name,
        Description="an object type",
        Fields=fields or FIELDS,
        Keys=KEYS,
    )


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    put_object_type(client)
    return "d"


def create(client, name="t", **kwargs):
    kwargs.setdefault("DomainName", "d")
    kwargs.setdefault("ObjectTypeName", "ot")
    kwargs.setdefault("EventTriggerConditions", CONDITIONS)
    return client.create_event_trigger(EventTriggerName=name, **kwargs)


def create_segment(client, name="s", domain="d"):
    client.create_segment_definition(
        DomainName=domain,
        SegmentDefinitionName=name,
        DisplayName="A segment",
        SegmentSqlQuery="SELECT * FROM profiles",
    )


def assert_error(exc, code, message):
    status = 404 if code == "ResourceNotFoundException" else 400
    assert client_error(exc) == (code, message, status)


def assert_bad_request(exc, message):
    assert_error(exc, "BadRequestException", message)


# --- CreateEventTrigger ----------------------------------------------------------------


def test_create_event_trigger_returns_every_member(client, domain):
    create_segment(client)
    response = create(
        client,
        Description="big orders",
        SegmentFilter="s",
        EventTriggerLimits=LIMITS,
        Tags={"team": "a"},
    )
    assert response["EventTriggerName"] == "t"
    assert response["ObjectTypeName"] == "ot"
    assert response["Description"] == "big orders"
    assert response["EventTriggerConditions"] == CONDITIONS
    assert response["SegmentFilter"] == "s"
    assert response["EventTriggerLimits"] == LIMITS
    assert isinstance(response["EventTriggerLimits"]["EventExpiration"], int)
    assert isinstance(response["CreatedAt"], datetime)
    assert isinstance(response["LastUpdatedAt"], datetime)
    assert response["LastUpdatedAt"] == response["CreatedAt"]
    assert response["Tags"] == {"team": "a"}


def test_create_event_trigger_leaves_out_members_not_given(client, domain):
    response = create(client)
    for member in ("Description", "SegmentFilter", "EventTriggerLimits"):
        assert member not in response
    assert response["Tags"] == {}


def test_create_event_trigger_with_a_source_attribute(client, domain):
    condition = conditions(
        attribute("BEGINS_WITH", ["VIP"], field=None, Source="{ot.name}")
    )
    response = create(client, EventTriggerConditions=condition)
    assert response["EventTriggerConditions"] == condition


def test_create_event_trigger_keeps_nested_conditions(client, domain):
    nested = [
        {
            "EventTriggerDimensions": [
                {
                    "ObjectAttributes": [
                        attribute("GREATER_THAN", ["5"]),
                        attribute("CONTAINS", ["a", "b"], field="name"),
                    ]
                },
                {"ObjectAttributes": [attribute("AFTER", ["2024-01-01"], "placed")]},
            ],
            "LogicalOperator": "ALL",
        },
        {
            "EventTriggerDimensions": [
                {"ObjectAttributes": [attribute("EQUAL", ["1"])]}
            ],
            "LogicalOperator": "NONE",
        },
    ]
    create(client, EventTriggerConditions=nested)
    got = client.get_event_trigger(DomainName="d", EventTriggerName="t")
    assert got["EventTriggerConditions"] == nested


def test_create_event_trigger_twice_is_refused(client, domain):
    create(client)
    with pytest.raises(ClientError) as exc:
        create(client)
    assert_bad_request(exc, "Event trigger with name t already exists")


def test_create_event_trigger_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        create(client, DomainName="nope")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


@pytest.mark.parametrize("object_type", ["_profile", "_order", "_asset"])
def test_create_event_trigger_on_a_standard_object_type_is_refused(
    client, domain, object_type
):
    with pytest.raises(ClientError) as exc:
        create(client, ObjectTypeName=object_type)
    assert_bad_request(
        exc,
        f"ObjectTypeName {object_type} is a standard object type: event triggers "
        "support custom object types only",
    )


def test_a_refused_event_trigger_is_not_stored(client, domain):
    with pytest.raises(ClientError):
        create(client, ObjectTypeName="_profile")
    assert client.list_event_triggers(DomainName="d")["Items"] == []


# --- Semantic checks on ObjectAttributes -----------------------------------------------


def test_object_attribute_needs_one_of_source_and_field_name(client, domain):
    with pytest.raises(ClientError) as exc:
        create(client, EventTriggerConditions=conditions(attribute(field=None)))
    assert_bad_request(
        exc, f"{ATTRIBUTE_PATH}: one of Source and FieldName must be specified"
    )


def test_object_attribute_error_names_the_member_path(client, domain):
    bad = [
        CONDITIONS[0],
        {
            "EventTriggerDimensions": [
                {"ObjectAttributes": [attribute()]},
                {"ObjectAttributes": [attribute(), attribute(field=None)]},
            ],
            "LogicalOperator": "ALL",
        },
    ]
    with pytest.raises(ClientError) as exc:
        create(client, EventTriggerConditions=bad)
    assert_bad_request(
        exc,
        "EventTriggerConditions[1].EventTriggerDimensions[1].ObjectAttributes[1]: "
        "one of Source and FieldName must be specified",
    )


def test_field_name_is_not_checked_on_an_object_type_without_fields(client, domain):
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="from_template",
        Description="fields come from the template",
        TemplateId="Salesforce-Account",
    )
    response = create(
        client,
        ObjectTypeName="from_template",
        EventTriggerConditions=conditions(attribute(field="anything")),
    )
    assert response["ObjectTypeName"] == "from_template"


TEN = [str(n) for n in range(10)]


@pytest.mark.parametrize(
    "operator,values",
    [
        ("INCLUSIVE", ["a"]),
        ("INCLUSIVE", TEN),
        ("EXCLUSIVE", ["a", "b"]),
        ("CONTAINS", TEN),
        ("BEGINS_WITH", ["a"]),
        ("ENDS_WITH", ["z"]),
        ("GREATER_THAN", ["5"]),
        ("LESS_THAN", ["-1.5"]),
        ("GREATER_THAN_OR_EQUAL", ["0"]),
        ("LESS_THAN_OR_EQUAL", ["1e3"]),
        ("EQUAL", ["7"]),
        ("BEFORE", ["2024-01-01"]),
        ("AFTER", ["2024-01-01T10:00:00Z"]),
        ("ON", ["2024-01-01T10:00:00+02:00"]),
        ("BETWEEN", ["1", "2"]),
        ("BETWEEN", ["2", "2"]),
        ("BETWEEN", ["-10", "2.5"]),
        ("NOT_BETWEEN", ["2024-01-01", "2024-12-31"]),
        ("BETWEEN", ["2024-01-01T00:00:00Z", "2024-01-01T00:00:01Z"]),
        # Compared in UTC (a timestamp without a zone is UTC), not by wall clock.
        ("BETWEEN", ["2024-01-01T01:00:00+02:00", "2024-01-01T00:30:00"]),
    ],
)
def test_operator_accepts_valid_values(client, domain, operator, values):
    condition = conditions(attribute(operator, values))
    response = create(client, EventTriggerConditions=condition)
    assert response["EventTriggerConditions"] == condition


VALUES = f"{ATTRIBUTE_PATH}.Values"


@pytest.mark.parametrize("operator", ["INCLUSIVE", "EXCLUSIVE", "CONTAINS"])
def test_set_operators_take_at_most_ten_values(client, domain, operator):
    values = [str(n) for n in range(11)]
    with pytest.raises(ClientError) as exc:
        create(client, EventTriggerConditions=conditions(attribute(operator, values)))
    assert_bad_request(
        exc,
        "1 validation error detected: Value '***' "
        f"at '{VALUES}' failed to satisfy constraint: "
        "Member must have size less than or equal to 10",
    )


# --- EventTriggerLimits ----------------------------------------------------------------


@pytest.mark.parametrize(
    "limits",
    [
        {"EventExpiration": 1},
        {"Periods": [{"Unit": "HOURS", "Value": 24, "MaxInvocationsPerProfile": 1000}]},
        {
            "Periods": [
                {
                    "Unit": "MONTHS",
                    "Value": 1,
                    "MaxInvocationsPerProfile": 1,
                    "Unlimited": False,
                }
            ]
        },
        {
            "Periods": [
                {"Unit": u, "Value": 1, "Unlimited": True}
                for u in ("HOURS", "DAYS", "WEEKS", "MONTHS")
            ]
        },
    ],
)
def test_valid_limits_are_returned_as_given(client, domain, limits):
    assert create(client, EventTriggerLimits=limits)["EventTriggerLimits"] == limits


# --- Model-level checks (sent raw: boto3 would refuse them client-side) -------------------


def raw_create(endpoint, body, name="t"):
    return raw_request(endpoint, "POST", f"/domains/d/event-triggers/{name}", body)


def body_with(attribute_=None, logical_operator="ANY", **extra):
    return {
        "ObjectTypeName": "ot",
        "EventTriggerConditions": [
            {
                "EventTriggerDimensions": [
                    {"ObjectAttributes": [attribute_ or MODEL_ATTRIBUTE]}
                ],
                "LogicalOperator": logical_operator,
            }
        ],
        **extra,
    }


@pytest.mark.parametrize(
    "body,message",
    [
        pytest.param(
            body_with(logical_operator="SOME"),
            "1 validation error detected: Value '***' at "
            "'EventTriggerConditions[0].LogicalOperator' failed to satisfy constraint: "
            "Member must satisfy enum value set: [ANY, ALL, NONE]",
            id="logical-operator",
        ),
        pytest.param(
            body_with({**MODEL_ATTRIBUTE, "ComparisonOperator": "LIKE"}),
            f"1 validation error detected: Value '***' at '{ATTRIBUTE_PATH}"
            ".ComparisonOperator' failed to satisfy constraint: Member must satisfy "
            "enum value set: [INCLUSIVE, EXCLUSIVE, CONTAINS, BEGINS_WITH, ENDS_WITH, "
            "GREATER_THAN, LESS_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN_OR_EQUAL, EQUAL, "
            "BEFORE, AFTER, ON, BETWEEN, NOT_BETWEEN]",
            id="comparison-operator",
        ),
        pytest.param(
            body_with({**MODEL_ATTRIBUTE, "Values": []}),
            f"1 validation error detected: Value '***' at '{VALUES}' failed to satisfy "
            "constraint: Member must have size greater than or equal to 1",
            id="no-values",
        ),
        pytest.param(
            {"ObjectTypeName": "ot"},
            "1 validation error detected: Value null at 'EventTriggerConditions' "
            "failed to satisfy constraint: Member must not be null",
            id="no-conditions",
        ),
        pytest.param(
            body_with(
                EventTriggerLimits={
                    "Periods": [{"Unit": "YEARS", "Value": 1, "Unlimited": True}]
                }
            ),
            "1 validation error detected: Value 'YEARS' at "
            "'EventTriggerLimits.Periods[0].Unit' failed to satisfy constraint: "
            "Member must satisfy enum value set: [MINUTES, HOURS, DAYS, WEEKS, MONTHS]",
            id="period-unit",
        ),
        pytest.param(
            body_with(EventTriggerLimits={"EventExpiration": "soon"}),
            "1 validation error detected: Value 'soon' at "
            "'EventTriggerLimits.EventExpiration' failed to satisfy constraint: "
            "Member must be of type long",
            id="expiration-type",
        ),
    ],
)
def test_model_violations_are_refused(client, domain, endpoint, body, message):
    response = raw_create(endpoint, body)
    assert raw_error(response) == ("BadRequestException", message, 400)


def test_invalid_event_trigger_name_in_the_path_is_refused(client, domain, endpoint):
    response = raw_create(endpoint, body_with(), name="bad.name")
    assert raw_error(response) == (
        "BadRequestException",
        "1 validation error detected: Value 'bad.name' at 'EventTriggerName' failed "
        "to satisfy constraint: Member must satisfy regular expression pattern: "
        "^[a-zA-Z0-9_-]+$",
        400,
    )


def test_raw_create_event_trigger_succeeds(client, domain, endpoint):
    response = raw_create(endpoint, body_with())
    assert response.status_code == 200
    assert response.json()["EventTriggerName"] == "t"
    assert client.get_event_trigger(DomainName="d", EventTriggerName="t")


# --- Quota -----------------------------------------------------------------------------


def test_event_trigger_quota_is_50_per_domain(client, domain):
    for n in range(50):
        create(client, name=f"t{n}")
    with pytest.raises(ClientError) as exc:
        create(client, name="one-too-many")
    assert_bad_request(exc, "Exceeded the quota of event triggers per domain (50)")
    client.delete_event_trigger(DomainName="d", EventTriggerName="t0")
    assert create(client, name="one-too-many")["EventTriggerName"] == "one-too-many"


def test_event_trigger_quota_is_per_domain(client, domain):
    for n in range(50):
        create(client, name=f"t{n}")
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    put_object_type(client, domain="other")
    assert create(client, DomainName="other")["EventTriggerName"] == "t"


# --- GetEventTrigger -------------------------------------------------------------------


def test_get_event_trigger_returns_what_was_created(client, domain):
    create_segment(client)
    created = create(
        client,
        Description="big orders",
        SegmentFilter="s",
        EventTriggerLimits=LIMITS,
        Tags={"team": "a"},
    )
    got = client.get_event_trigger(DomainName="d", EventTriggerName="t")
    for member in (
        "EventTriggerName",
        "ObjectTypeName",
        "Description",
        "EventTriggerConditions",
        "SegmentFilter",
        "EventTriggerLimits",
        "CreatedAt",
        "LastUpdatedAt",
        "Tags",
    ):
        assert got[member] == created[member], member
    assert got["Tags"] == {"team": "a"}


def test_get_missing_event_trigger(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_event_trigger(DomainName="d", EventTriggerName="nope")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Event trigger nope does not exist in domain d.",
    )


def test_get_event_trigger_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.get_event_trigger(DomainName="nope", EventTriggerName="t")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_event_triggers_are_per_domain(client, domain):
    create(client)
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    with pytest.raises(ClientError) as exc:
        client.get_event_trigger(DomainName="other", EventTriggerName="t")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Event trigger t does not exist in domain other.",
    )


# --- UpdateEventTrigger ----------------------------------------------------------------


def test_update_event_trigger_keeps_created_at_and_moves_last_updated_at(
    client, domain
):
    created = create(client)
    time.sleep(0.01)
    updated = client.update_event_trigger(
        DomainName="d", EventTriggerName="t", Description="new"
    )
    assert updated["CreatedAt"] == created["CreatedAt"]
    assert updated["LastUpdatedAt"] > created["LastUpdatedAt"]
    got = client.get_event_trigger(DomainName="d", EventTriggerName="t")
    assert got["CreatedAt"] == created["CreatedAt"]
    assert got["LastUpdatedAt"] == updated["LastUpdatedAt"]


def test_update_event_trigger_changes_only_the_members_given(client, domain):
    create_segment(client)
    create(
        client,
        Description="old",
        SegmentFilter="s",
        EventTriggerLimits=LIMITS,
    )
    updated = client.update_event_trigger(
        DomainName="d", EventTriggerName="t", Description="new"
    )
    assert updated["Description"] == "new"
    assert updated["ObjectTypeName"] == "ot"
    assert updated["EventTriggerConditions"] == CONDITIONS
    assert updated["SegmentFilter"] == "s"
    assert updated["EventTriggerLimits"] == LIMITS


def test_update_event_trigger_replaces_every_member_given(client, domain):
    put_object_type(client, name="ot2")
    create_segment(client, name="s2")
    create(client, Description="old", EventTriggerLimits=LIMITS)
    new_conditions = conditions(attribute("ENDS_WITH", ["x"], field="name"))
    new_limits = {"Periods": [{"Unit": "HOURS", "Value": 3, "Unlimited": True}]}
    updated = client.update_event_trigger(
        DomainName="d",
        EventTriggerName="t",
        ObjectTypeName="ot2",
        Description="new",
        EventTriggerConditions=new_conditions,
        SegmentFilter="s2",
        EventTriggerLimits=new_limits,
    )
    assert updated["EventTriggerName"] == "t"
    assert updated["ObjectTypeName"] == "ot2"
    assert updated["Description"] == "new"
    assert updated["EventTriggerConditions"] == new_conditions
    assert updated["SegmentFilter"] == "s2"
    assert updated["EventTriggerLimits"] == new_limits
    got = client.get_event_trigger(DomainName="d", EventTriggerName="t")
    assert got["EventTriggerConditions"] == new_conditions
    assert got["EventTriggerLimits"] == new_limits


def test_update_event_trigger_returns_the_tags(client, domain):
    create(client, Tags={"team": "a"})
    updated = client.update_event_trigger(
        DomainName="d", EventTriggerName="t", Description="new"
    )
    assert updated["Tags"] == {"team": "a"}


def test_update_event_trigger_to_a_standard_object_type_is_refused(client, domain):
    create(client)
    with pytest.raises(ClientError) as exc:
        client.update_event_trigger(
            DomainName="d", EventTriggerName="t", ObjectTypeName="_profile"
        )
    assert_bad_request(
        exc,
        "ObjectTypeName _profile is a standard object type: event triggers support "
        "custom object types only",
    )


def test_update_missing_event_trigger(client, domain):
    with pytest.raises(ClientError) as exc:
        client.update_event_trigger(
            DomainName="d", EventTriggerName="nope", Description="x"
        )
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Event trigger nope does not exist in domain d.",
    )


def test_update_event_trigger_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.update_event_trigger(
            DomainName="nope", EventTriggerName="t", Description="x"
        )
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_update_event_trigger_request_has_no_tags_member(client):
    model = client.meta.service_model.operation_model("UpdateEventTrigger")
    assert "Tags" not in model.input_shape.members
    assert "Tags" in model.output_shape.members


# --- DeleteEventTrigger ----------------------------------------------------------------


def test_delete_event_trigger(client, domain):
    create(client)
    response = client.delete_event_trigger(DomainName="d", EventTriggerName="t")
    assert response["Message"] == "Event trigger t was deleted."
    with pytest.raises(ClientError) as exc:
        client.get_event_trigger(DomainName="d", EventTriggerName="t")
    assert_error(
        exc, "ResourceNotFoundException", "Event trigger t does not exist in domain d."
    )
    assert client.list_event_triggers(DomainName="d")["Items"] == []


def test_delete_missing_event_trigger(client, domain):
    with pytest.raises(ClientError) as exc:
        client.delete_event_trigger(DomainName="d", EventTriggerName="nope")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Event trigger nope does not exist in domain d.",
    )


def test_delete_event_trigger_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.delete_event_trigger(DomainName="nope", EventTriggerName="t")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_delete_event_trigger_is_refused_while_an_integration_names_it(client, domain):
    create(client)
    client.put_integration(DomainName="d", Uri="arn:campaign", EventTriggerNames=["t"])
    with pytest.raises(ClientError) as exc:
        client.delete_event_trigger(DomainName="d", EventTriggerName="t")
    assert_bad_request(
        exc, "Event trigger t cannot be deleted while integration arn:campaign uses it"
    )
    assert client.get_event_trigger(DomainName="d", EventTriggerName="t")
    client.delete_integration(DomainName="d", Uri="arn:campaign")
    response = client.delete_event_trigger(DomainName="d", EventTriggerName="t")
    assert response["Message"] == "Event trigger t was deleted."


def test_delete_event_trigger_forgets_its_tags(client, domain):
    create(client, Tags={"team": "a"})
    client.delete_event_trigger(DomainName="d", EventTriggerName="t")
    assert create(client)["Tags"] == {}


# --- Cascades --------------------------------------------------------------------------


def test_delete_domain_removes_its_event_triggers(client, domain):
    create(client, Tags={"team": "a"})
    client.put_integration(DomainName="d", Uri="campaign", EventTriggerNames=["t"])
    client.delete_domain(DomainName="d")
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    put_object_type(client)
    assert client.list_event_triggers(DomainName="d")["Items"] == []
    assert client.list_account_integrations(Uri="campaign")["Items"] == []
    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(resourceArn=trigger_arn("t"))
    assert_error(
        exc,
        "ResourceNotFoundException",
        f"Resource {trigger_arn('t')} does not exist.",
    )
    assert create(client)["Tags"] == {}


# --- ListEventTriggers -----------------------------------------------------------------


def test_list_event_triggers_items(client, domain):
    created = create(client, Description="big orders", Tags={"team": "a"})
    items = client.list_event_triggers(DomainName="d")["Items"]
    assert items == [
        {
            "ObjectTypeName": "ot",
            "EventTriggerName": "t",
            "Description": "big orders",
            "CreatedAt": created["CreatedAt"],
            "LastUpdatedAt": created["LastUpdatedAt"],
            "Tags": {"team": "a"},
        }
    ]


def test_list_event_triggers_of_an_empty_domain(client, domain):
    response = client.list_event_triggers(DomainName="d")
    assert response["Items"] == []
    assert "NextToken" not in response


def test_list_event_triggers_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.list_event_triggers(DomainName="nope")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_list_event_triggers_walks_pages_in_name_order(client, domain):
    names = ["e", "b", "d", "a", "c"]
    for name in names:
        create(client, name=name)
    pages = []
    kwargs = {"DomainName": "d", "MaxResults": 2}
    while True:
        response = client.list_event_triggers(**kwargs)
        pages.append([i["EventTriggerName"] for i in response["Items"]])
        if "NextToken" not in response:
            break
        kwargs["NextToken"] = response["NextToken"]
    assert pages == [["a", "b"], ["c", "d"], ["e"]]


def test_list_event_triggers_paginator(client, domain):
    for n in range(5):
        create(client, name=f"t{n}")
    paginator = client.get_paginator("list_event_triggers")
    pages = list(paginator.paginate(DomainName="d", PaginationConfig={"PageSize": 3}))
    assert [len(p["Items"]) for p in pages] == [3, 2]
    names = [i["EventTriggerName"] for p in pages for i in p["Items"]]
    assert names == [f"t{n}" for n in range(5)]


def test_list_event_triggers_walk_survives_deleting_the_next_item(client, domain):
    for name in ["a", "b", "c", "d"]:
        create(client, name=name)
    first = client.list_event_triggers(DomainName="d", MaxResults=2)
    assert [i["EventTriggerName"] for i in first["Items"]] == ["a", "b"]
    client.delete_event_trigger(DomainName="d", EventTriggerName="c")
    second = client.list_event_triggers(
        DomainName="d", MaxResults=2, NextToken=first["NextToken"]
    )
    assert [i["EventTriggerName"] for i in second["Items"]] == ["d"]


def test_list_event_triggers_token_is_tied_to_the_domain(client, domain):
    for name in ["a", "b", "c"]:
        create(client, name=name)
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    token = client.list_event_triggers(DomainName="d", MaxResults=2)["NextToken"]
    with pytest.raises(ClientError) as exc:
        client.list_event_triggers(DomainName="other", NextToken=token)
    assert_bad_request(exc, "The pagination token is invalid.")


def test_list_event_triggers_with_an_invalid_token(client, domain):
    with pytest.raises(ClientError) as exc:
        client.list_event_triggers(DomainName="d", NextToken="not-a-token")
    assert_bad_request(exc, "The pagination token is invalid.")


def test_list_event_triggers_max_results_must_be_at_least_1(client, domain, endpoint):
    response = raw_request(
        endpoint, "GET", "/domains/d/event-triggers", query="max-results=0"
    )
    assert raw_error(response) == (
        "BadRequestException",
        "1 validation error detected: Value '0' at 'MaxResults' failed to satisfy "
        "constraint: Member must have value greater than or equal to 1",
        400,
    )


# --- Tagging by ARN --------------------------------------------------------------------


def test_event_trigger_arn_takes_tags(client, domain):
    create(client, Tags={"team": "a"})
    arn = trigger_arn("t")
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"team": "a"}
    client.tag_resource(resourceArn=arn, tags={"env": "dev", "team": "b"})
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {
        "team": "b",
        "env": "dev",
    }
    client.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "dev"}
    got = client.get_event_trigger(DomainName="d", EventTriggerName="t")
    assert got["Tags"] == {"env": "dev"}
    items = client.list_event_triggers(DomainName="d")["Items"]
    assert items[0]["Tags"] == {"env": "dev"}


def test_tagging_a_missing_event_trigger(client, domain):
    with pytest.raises(ClientError) as exc:
        client.tag_resource(resourceArn=trigger_arn("nope"), tags={"a": "b"})
    assert_error(
        exc,
        "ResourceNotFoundException",
        f"Resource {trigger_arn('nope')} does not exist.",
    )
