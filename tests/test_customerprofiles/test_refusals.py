"""Issue 10: the mock refuses only what AWS refuses.

One test per rule of the audit (shared/reference/rejections-audit.md, IDs in the test
names): each relaxed rule is accepted and reads back as given; each kept or new refusal
is refused with its Code and Message; templates are implicit object types.
"""

from __future__ import annotations

import json

import boto3
import pytest
from botocore.exceptions import ClientError

from moto_customerprofiles.customerprofiles.resources import profiles as profiles_module

from .helpers import ACCOUNT_ID, REGION, client_error

URI = f"arn:aws:connect-campaigns:{REGION}:{ACCOUNT_ID}:campaign/c1"
CONNECT = f"arn:aws:connect:{REGION}:{ACCOUNT_ID}:instance/i-1"
FIELDS = {
    "id": {"Source": "_source.id"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "amount": {"Source": "_source.amount"},
    "name": {"Source": "_source.name", "Target": "_profile.FirstName"},
}
KEYS = {
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


@pytest.fixture
def order_type(client, domain):
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )
    return "Order"


def attribute(operator="GREATER_THAN", values=("5",), **where):
    where = where or {"FieldName": "amount"}
    return {"ComparisonOperator": operator, "Values": list(values), **where}


def conditions(*attributes):
    return [
        {
            "EventTriggerDimensions": [{"ObjectAttributes": list(attributes)}],
            "LogicalOperator": "ANY",
        }
    ]


def trigger(client, name="t", object_type="Order", **kwargs):
    kwargs.setdefault("EventTriggerConditions", conditions(attribute()))
    return client.create_event_trigger(
        DomainName="d", EventTriggerName=name, ObjectTypeName=object_type, **kwargs
    )


def wire(client, *names):
    client.put_integration(DomainName="d", Uri=URI, EventTriggerNames=list(names))


def put(client, object_type="Order", **content):
    return client.put_profile_object(
        DomainName="d", ObjectTypeName=object_type, Object=json.dumps(content)
    )["ProfileObjectUniqueKey"]


def profile_by_email(client, email):
    items = client.search_profiles(DomainName="d", KeyName="_email", Values=[email])
    return items["Items"][0]


def records(read):
    return [(r["Status"], r["Reason"], r["Detail"]) for r in read("d")]


def refused(exc, code, message):
    assert client_error(exc)[:2] == (code, message)


def group(name="base"):
    return {
        "Groups": [
            {
                "Dimensions": [
                    {
                        "ProfileAttributes": {
                            "FirstName": {
                                "DimensionType": "INCLUSIVE",
                                "Values": ["Ann"],
                            }
                        }
                    }
                ]
            }
        ]
    }


def built_on(source):
    return {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": source}]}]}


# --- templates and implicit object types (O9, O9b, new-T1) -------------------------------


def test_list_profile_object_type_templates_lists_the_catalogue(client):
    items = client.list_profile_object_type_templates()["Items"]
    ids = [i["TemplateId"] for i in items]
    assert ids == sorted(ids) and len(ids) == 16
    assert {
        "TemplateId": "Salesforce-Account",
        "SourceName": "Salesforce",
        "SourceObject": "Account",
    } in items


def test_list_profile_object_type_templates_pages(client):
    first = client.list_profile_object_type_templates(MaxResults=10)
    rest = client.list_profile_object_type_templates(NextToken=first["NextToken"])
    assert len(first["Items"]) == 10 and len(rest["Items"]) == 6
    assert "NextToken" not in rest


def test_get_profile_object_type_template(client):
    got = client.get_profile_object_type_template(TemplateId="CTR-NoInferred")
    assert got["TemplateId"] == "CTR-NoInferred"
    assert got["Keys"]["_phone"][0]["StandardIdentifiers"] == ["SECONDARY"]


def test_t1_unknown_template_is_not_found(client):
    with pytest.raises(ClientError) as exc:
        client.get_profile_object_type_template(TemplateId="Nope")
    refused(exc, "ResourceNotFoundException", "Template Nope does not exist.")


def test_o9_get_profile_object_type_of_a_template_id(client, domain):
    got = client.get_profile_object_type(
        DomainName="d", ObjectTypeName="Salesforce-Account"
    )
    assert got["TemplateId"] == "Salesforce-Account"
    assert got["Description"] == "Salesforce-Account"
    assert "_salesforceAccountId" in got["Keys"]
    assert got["ExpirationDays"] == 30


def test_o9_fresh_domain_lists_no_object_types(client, domain):
    assert client.list_profile_object_types(DomainName="d")["Items"] == []


def test_o9_implicit_type_is_listed_once_used(client, domain):
    put(client, "Salesforce-Account", Id="001", Name="Acme")
    names = [
        i["ObjectTypeName"]
        for i in client.list_profile_object_types(DomainName="d")["Items"]
    ]
    assert names == ["Salesforce-Account"]


def test_o9_put_profile_object_of_a_template_maps_it(client, domain):
    put(client, "Salesforce-Account", Id="001", Name="Acme", Phone="+1555")
    found = client.search_profiles(
        DomainName="d", KeyName="_salesforceAccountId", Values=["001"]
    )["Items"]
    assert [p["BusinessName"] for p in found] == ["Acme"]


def test_o9_list_profile_objects_of_a_template(client, domain):
    key = put(client, "Salesforce-Account", Id="001", Name="Acme")
    profile_id = client.search_profiles(
        DomainName="d", KeyName="_salesforceAccountId", Values=["001"]
    )["Items"][0]["ProfileId"]
    items = client.list_profile_objects(
        DomainName="d", ObjectTypeName="Salesforce-Account", ProfileId=profile_id
    )["Items"]
    assert [i["ProfileObjectUniqueKey"] for i in items] == [key]


def test_o9_list_profile_objects_of_an_unused_template_is_empty(client, domain):
    profile_id = client.create_profile(DomainName="d")["ProfileId"]
    items = client.list_profile_objects(
        DomainName="d", ObjectTypeName="CTR", ProfileId=profile_id
    )["Items"]
    assert items == []


def test_o8_a_name_neither_defined_nor_a_template_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_profile_object_type(DomainName="d", ObjectTypeName="NoSuchType")
    refused(
        exc,
        "ResourceNotFoundException",
        "Object type NoSuchType does not exist in domain d.",
    )


def test_o9_delete_an_implicit_type(client, domain):
    response = client.delete_profile_object_type(DomainName="d", ObjectTypeName="CTR")
    assert response["Message"] == "Object type CTR was deleted."
    assert (
        client.get_profile_object_type(DomainName="d", ObjectTypeName="CTR")[
            "TemplateId"
        ]
        == "CTR"
    )


def test_o9_explicit_put_replaces_the_implicit_type(client, domain):
    client.get_profile_object_type(DomainName="d", ObjectTypeName="CTR")
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="CTR",
        Description="mine",
        Fields=FIELDS,
        Keys=KEYS,
    )
    got = client.get_profile_object_type(DomainName="d", ObjectTypeName="CTR")
    assert got["Description"] == "mine" and "TemplateId" not in got
    assert sorted(got["Keys"]) == ["email", "id"]


def test_o9b_template_id_fills_in_fields_and_keys(client, domain):
    put_response = client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="Calls",
        Description="d",
        TemplateId="CTR-NoInferred",
    )
    got = client.get_profile_object_type(DomainName="d", ObjectTypeName="Calls")
    for response in (put_response, got):
        assert response["TemplateId"] == "CTR-NoInferred"
        assert response["Keys"]["_phone"][0]["StandardIdentifiers"] == ["SECONDARY"]
        assert response["AllowProfileCreation"] is True


def test_o4_unknown_template_id_is_stored_as_given(client, domain):
    client.put_profile_object_type(
        DomainName="d", ObjectTypeName="Calls", Description="d", TemplateId="Nope-1"
    )
    got = client.get_profile_object_type(DomainName="d", ObjectTypeName="Calls")
    assert got["TemplateId"] == "Nope-1"
    assert "Keys" not in got or got["Keys"] == {}


# --- segments (S2a, S2b, S3, S4, S5, M3, M3a) ---------------------------------------------


def test_s2b_groups_and_sql_are_both_stored(client, domain):
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="s",
        DisplayName="s",
        SegmentGroups=group(),
        SegmentSqlQuery="SELECT * FROM profiles",
    )
    got = client.get_segment_definition(DomainName="d", SegmentDefinitionName="s")
    assert got["SegmentGroups"] == group()
    assert got["SegmentSqlQuery"] == "SELECT * FROM profiles"


def test_s2b_membership_of_a_both_segment_follows_the_groups(client, domain):
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="s",
        DisplayName="s",
        SegmentGroups=group(),
        SegmentSqlQuery="SELECT * FROM profiles",
    )
    ann = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    got = client.get_segment_membership(
        DomainName="d", SegmentDefinitionName="s", ProfileIds=[ann]
    )
    assert got["Profiles"][0]["QueryResult"] == "PRESENT"


def test_s3_missing_source_segment_is_stored_and_selects_nobody(client, domain):
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="b",
        DisplayName="b",
        SegmentGroups=built_on("ghost"),
    )
    got = client.get_segment_definition(DomainName="d", SegmentDefinitionName="b")
    assert got["SegmentGroups"] == built_on("ghost")
    ann = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    member = client.get_segment_membership(
        DomainName="d", SegmentDefinitionName="b", ProfileIds=[ann]
    )
    assert member["Profiles"][0]["QueryResult"] == "ABSENT"


def test_s4_delete_a_segment_another_builds_on(client, domain):
    for name, groups in (("base", group()), ("b", built_on("base"))):
        client.create_segment_definition(
            DomainName="d",
            SegmentDefinitionName=name,
            DisplayName=name,
            SegmentGroups=groups,
        )
    ann = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    client.delete_segment_definition(DomainName="d", SegmentDefinitionName="base")
    member = client.get_segment_membership(
        DomainName="d", SegmentDefinitionName="b", ProfileIds=[ann]
    )
    assert member["Profiles"][0]["QueryResult"] == "ABSENT"


def test_s5_delete_a_segment_a_trigger_filters_on(
    client, order_type, customerprofiles_trigger_invocations
):
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="base",
        DisplayName="b",
        SegmentGroups=group(),
    )
    trigger(client, SegmentFilter="base")
    wire(client, "t")
    client.delete_segment_definition(DomainName="d", SegmentDefinitionName="base")
    assert (
        client.get_event_trigger(DomainName="d", EventTriggerName="t")["SegmentFilter"]
        == "base"
    )
    put(client, id="1", email="a@x.org", amount=10)
    assert records(customerprofiles_trigger_invocations) == [
        (
            "SUPPRESSED",
            "SEGMENT_MISMATCH",
            "Segment definition base does not exist in domain d.",
        )
    ]


def test_s2a_segment_with_neither_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        client.create_segment_definition(
            DomainName="d", SegmentDefinitionName="s", DisplayName="s"
        )
    refused(
        exc,
        "BadRequestException",
        "One of SegmentGroups and SegmentSqlQuery must be specified",
    )


def test_m3_sql_estimate_is_created_and_fails(client, domain):
    estimate_id = client.create_segment_estimate(
        DomainName="d", SegmentSqlQuery="SELECT * FROM profiles"
    )["EstimateId"]
    got = client.get_segment_estimate(DomainName="d", EstimateId=estimate_id)
    assert got["Status"] == "FAILED"
    assert got["Message"] == "The mock does not evaluate SegmentSqlQuery"


def test_m3a_estimate_with_neither_query_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        client.create_segment_estimate(DomainName="d")
    refused(
        exc,
        "BadRequestException",
        "One of SegmentQuery and SegmentSqlQuery must be specified",
    )


# --- event triggers (E1-E15) ---------------------------------------------------------------


def stored_conditions(client):
    got = client.get_event_trigger(DomainName="d", EventTriggerName="t")
    return got["EventTriggerConditions"][0]["EventTriggerDimensions"][0][
        "ObjectAttributes"
    ]


def test_e1_source_and_field_name_are_both_stored_and_source_wins(
    client, order_type, customerprofiles_trigger_invocations
):
    both = attribute("INCLUSIVE", ["gold"], Source="_source.tier", FieldName="name")
    trigger(client, EventTriggerConditions=conditions(both))
    wire(client, "t")
    assert stored_conditions(client) == [both]
    put(client, id="1", email="a@x.org", tier="gold", name="Ann")
    assert records(customerprofiles_trigger_invocations) == [("FIRED", None, None)]


def test_e1a_neither_source_nor_field_name_is_refused(client, order_type):
    with pytest.raises(ClientError) as exc:
        trigger(
            client,
            EventTriggerConditions=conditions(
                {"ComparisonOperator": "EQUAL", "Values": ["1"]}
            ),
        )
    refused(
        exc,
        "BadRequestException",
        "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]: one "
        "of Source and FieldName must be specified",
    )


def test_e2_field_name_not_a_field_is_stored(client, order_type):
    trigger(client, EventTriggerConditions=conditions(attribute(FieldName="nope")))
    assert stored_conditions(client)[0]["FieldName"] == "nope"


def test_e2_update_after_the_field_is_gone(client, order_type):
    trigger(client)
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="Order",
        Description="orders",
        Fields={"id": FIELDS["id"]},
        Keys={"id": KEYS["id"]},
    )
    got = client.update_event_trigger(
        DomainName="d", EventTriggerName="t", Description="x"
    )
    assert got["Description"] == "x"
    assert got["EventTriggerConditions"] == conditions(attribute())


@pytest.mark.parametrize(
    "operator,values",
    [
        ("BETWEEN", ["1"]),  # E3
        ("BETWEEN", ["1", "2", "3"]),  # E3
        ("BETWEEN", ["a", "b"]),  # E4
        ("BETWEEN", ["10", "1"]),  # E5
        ("GREATER_THAN", ["1", "100"]),  # E6
        ("EQUAL", ["abc"]),  # E7
        ("BEFORE", ["1735689600000"]),  # E8
    ],
    ids=["E3-one", "E3-three", "E4", "E5", "E6", "E7", "E8"],
)
def test_e3_to_e8_values_are_stored_as_given(client, order_type, operator, values):
    trigger(client, EventTriggerConditions=conditions(attribute(operator, values)))
    assert stored_conditions(client) == [attribute(operator, values)]


def test_e6_number_operator_uses_the_first_value(
    client, order_type, customerprofiles_trigger_invocations
):
    trigger(
        client,
        EventTriggerConditions=conditions(attribute("GREATER_THAN", ["1", "100"])),
    )
    wire(client, "t")
    put(client, id="1", email="a@x.org", amount=50)
    assert records(customerprofiles_trigger_invocations) == [("FIRED", None, None)]


def test_e7_non_numeric_value_never_matches_and_says_why(
    client, order_type, customerprofiles_trigger_invocations
):
    trigger(client, EventTriggerConditions=conditions(attribute("EQUAL", ["abc"])))
    wire(client, "t")
    put(client, id="1", email="a@x.org", amount=5)
    assert records(customerprofiles_trigger_invocations) == [
        (
            "SUPPRESSED",
            "CONDITIONS_NOT_MET",
            "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]: "
            "EQUAL value is not a number",
        )
    ]


def test_e5_empty_range_never_fires_and_says_why(
    client, order_type, customerprofiles_trigger_invocations
):
    trigger(
        client, EventTriggerConditions=conditions(attribute("BETWEEN", ["10", "1"]))
    )
    wire(client, "t")
    put(client, id="1", email="a@x.org", amount=5)
    (record,) = customerprofiles_trigger_invocations("d")
    assert record["Reason"] == "CONDITIONS_NOT_MET"
    assert record["Detail"].endswith(
        "BETWEEN range is empty (lower bound above upper bound)"
    )


def test_ordinary_non_match_has_no_detail(
    client, order_type, customerprofiles_trigger_invocations
):
    trigger(client)
    wire(client, "t")
    put(client, id="1", email="a@x.org", amount=1)
    assert records(customerprofiles_trigger_invocations) == [
        ("SUPPRESSED", "CONDITIONS_NOT_MET", None)
    ]


def test_e2_detail_names_a_field_name_that_is_not_a_field(
    client, order_type, customerprofiles_trigger_invocations
):
    trigger(client, EventTriggerConditions=conditions(attribute(FieldName="nope")))
    wire(client, "t")
    put(client, id="1", email="a@x.org", amount=10)
    (record,) = customerprofiles_trigger_invocations("d")
    assert record["Detail"].endswith("FieldName is not a field of object type Order")


@pytest.mark.parametrize("expiration", [0, -5])
def test_e9_non_positive_expiration_is_stored_and_means_none(
    client, order_type, customerprofiles_trigger_invocations, expiration
):
    trigger(client, EventTriggerLimits={"EventExpiration": expiration})
    wire(client, "t")
    got = client.get_event_trigger(DomainName="d", EventTriggerName="t")
    assert got["EventTriggerLimits"] == {"EventExpiration": expiration}
    put(client, id="1", email="a@x.org", amount=10)
    (record,) = customerprofiles_trigger_invocations("d")
    assert (record["Status"], record["ExpirationTime"]) == ("FIRED", None)


@pytest.mark.parametrize(
    "expiration,expected",
    [(3_600_000, "10:15:00.000Z"), (60_000, "10:01:00.000Z")],
    ids=["capped", "under-the-cap"],
)
def test_expiration_is_capped_at_15_minutes(
    client, order_type, customerprofiles_trigger_invocations, expiration, expected
):
    from freezegun import freeze_time

    trigger(client, EventTriggerLimits={"EventExpiration": expiration})
    wire(client, "t")
    with freeze_time("2026-01-01T10:00:00Z"):
        put(client, id="1", email="a@x.org", amount=10)
    (record,) = customerprofiles_trigger_invocations("d")
    assert record["ExpirationTime"] == f"2026-01-01T{expected}"


def test_e10_unlimited_wins_over_a_maximum(
    client, order_type, customerprofiles_trigger_invocations
):
    period = {
        "Unit": "DAYS",
        "Value": 1,
        "MaxInvocationsPerProfile": 1,
        "Unlimited": True,
    }
    trigger(client, EventTriggerLimits={"Periods": [period]})
    wire(client, "t")
    assert client.get_event_trigger(DomainName="d", EventTriggerName="t")[
        "EventTriggerLimits"
    ] == {"Periods": [period]}
    for i in range(3):
        put(client, id=str(i), email="a@x.org", amount=10)
    assert [r[0] for r in records(customerprofiles_trigger_invocations)] == [
        "FIRED"
    ] * 3


def test_e11_period_without_maximum_allows_ten(
    client, order_type, customerprofiles_trigger_invocations
):
    trigger(client, EventTriggerLimits={"Periods": [{"Unit": "HOURS", "Value": 1}]})
    wire(client, "t")
    for i in range(11):
        put(client, id=str(i), email="a@x.org", amount=10)
    reasons = [r[1] for r in records(customerprofiles_trigger_invocations)]
    assert reasons == [None] * 10 + ["LIMIT_REACHED"]


def test_e12_a_unit_twice_enforces_both(
    client, order_type, customerprofiles_trigger_invocations
):
    periods = [
        {"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 5},
        {"Unit": "DAYS", "Value": 2, "MaxInvocationsPerProfile": 2},
    ]
    trigger(client, EventTriggerLimits={"Periods": periods})
    wire(client, "t")
    for i in range(3):
        put(client, id=str(i), email="a@x.org", amount=10)
    reasons = [r[1] for r in records(customerprofiles_trigger_invocations)]
    assert reasons == [None, None, "LIMIT_REACHED"]


def test_e14_trigger_on_a_template_id_on_a_fresh_domain(
    client, domain, customerprofiles_trigger_invocations
):
    trigger(
        client,
        object_type="CTR",
        EventTriggerConditions=conditions(
            attribute("INCLUSIVE", ["c1"], Source="_source.ContactId")
        ),
    )
    wire(client, "t")
    assert (
        client.get_event_trigger(DomainName="d", EventTriggerName="t")["ObjectTypeName"]
        == "CTR"
    )
    put(client, "CTR", ContactId="c1", CustomerEndpoint={"Address": "+15550100"})
    assert [
        r["EventTriggerName"] for r in customerprofiles_trigger_invocations("d")
    ] == ["t"]


def test_e14_trigger_on_a_type_not_yet_defined(client, domain):
    trigger(client, object_type="Later")
    got = client.get_event_trigger(DomainName="d", EventTriggerName="t")
    assert got["ObjectTypeName"] == "Later"


def test_e15_missing_segment_filter_is_stored(client, order_type):
    trigger(client, SegmentFilter="ghost")
    got = client.get_event_trigger(DomainName="d", EventTriggerName="t")
    assert got["SegmentFilter"] == "ghost"


def test_e13_standard_object_type_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        trigger(client, object_type="_profile")
    refused(
        exc,
        "BadRequestException",
        "ObjectTypeName _profile is a standard object type: event triggers support "
        "custom object types only",
    )


# --- integrations (I3-I8) ---------------------------------------------------------------


def test_i3_both_object_type_members_are_stored(client, order_type):
    client.put_integration(
        DomainName="d",
        Uri=CONNECT,
        ObjectTypeName="Order",
        ObjectTypeNames={"k": "Order"},
    )
    got = client.get_integration(DomainName="d", Uri=CONNECT)
    assert (got["ObjectTypeName"], got["ObjectTypeNames"]) == ("Order", {"k": "Order"})


def test_i4_integration_with_no_object_type(client, domain):
    client.put_integration(DomainName="d", Uri=CONNECT)
    got = client.get_integration(DomainName="d", Uri=CONNECT)
    assert "ObjectTypeName" not in got and "ObjectTypeNames" not in got


def test_i5_unstructured_without_a_flow_definition(client, domain):
    client.put_integration(DomainName="d", Uri=CONNECT, ObjectTypeName="_unstructured")
    got = client.get_integration(DomainName="d", Uri=CONNECT)
    assert (got["ObjectTypeName"], got["IsUnstructured"]) == ("_unstructured", False)


def test_i5_re_put_without_flow_keeps_is_unstructured(client, domain):
    flow = {
        "FlowName": "f1",
        "KmsArn": f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/k",
        "SourceFlowConfig": {
            "ConnectorType": "Salesforce",
            "SourceConnectorProperties": {"Salesforce": {"Object": "Account"}},
        },
        "Tasks": [{"SourceFields": ["Id"], "TaskType": "Filter"}],
        "TriggerConfig": {"TriggerType": "OnDemand"},
    }
    uri = client.put_integration(
        DomainName="d", FlowDefinition=flow, ObjectTypeName="_unstructured"
    )["Uri"]
    client.put_integration(DomainName="d", Uri=uri, ObjectTypeName="_unstructured")
    assert client.get_integration(DomainName="d", Uri=uri)["IsUnstructured"] is True


def test_i6_integration_naming_a_template_on_a_fresh_domain(client, domain):
    client.put_integration(DomainName="d", Uri=CONNECT, ObjectTypeName="CTR")
    assert (
        client.get_integration(DomainName="d", Uri=CONNECT)["ObjectTypeName"] == "CTR"
    )
    names = [
        i["ObjectTypeName"]
        for i in client.list_profile_object_types(DomainName="d")["Items"]
    ]
    assert names == ["CTR"]


def test_i6_integration_naming_an_undefined_type(client, domain):
    client.put_integration(
        DomainName="d", Uri=CONNECT, ObjectTypeNames={"k": "Undefined"}
    )
    got = client.get_integration(DomainName="d", Uri=CONNECT)
    assert got["ObjectTypeNames"] == {"k": "Undefined"}


def test_i7_missing_event_trigger_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.put_integration(DomainName="d", Uri=CONNECT, EventTriggerNames=["nope"])
    refused(
        exc,
        "ResourceNotFoundException",
        "Event trigger nope does not exist in domain d.",
    )


def test_i8_neither_uri_nor_flow_definition_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        client.put_integration(DomainName="d", ObjectTypeName="CTR")
    refused(
        exc, "BadRequestException", "Uri is required when no FlowDefinition is given"
    )


# --- event streams (ES4) ----------------------------------------------------------------


def test_es4_event_stream_before_its_kinesis_stream(client, domain):
    arn = f"arn:aws:kinesis:{REGION}:{ACCOUNT_ID}:stream/later"
    client.create_event_stream(DomainName="d", EventStreamName="es", Uri=arn)
    got = client.get_event_stream(DomainName="d", EventStreamName="es")
    assert got["DestinationDetails"]["Status"] == "UNHEALTHY"
    boto3.client("kinesis", region_name=REGION).create_stream(
        StreamName="later", ShardCount=1
    )
    got = client.get_event_stream(DomainName="d", EventStreamName="es")
    assert got["DestinationDetails"] == {"Uri": arn, "Status": "HEALTHY"}


# --- profiles (P2, P3, P4) ----------------------------------------------------------------


def test_p2_delete_profile_key_values_the_profile_lacks(client, domain):
    profile_id = client.create_profile(DomainName="d")["ProfileId"]
    client.add_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="k", Values=["a"]
    )
    response = client.delete_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="k", Values=["a", "absent"]
    )
    assert response["Message"] == "Profile key deleted successfully."
    found = client.search_profiles(DomainName="d", KeyName="k", Values=["a"])
    assert found["Items"] == []


def test_p3_main_profile_in_the_merge_list_is_ignored(client, domain):
    main = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    other = client.create_profile(DomainName="d", LastName="Lee")["ProfileId"]
    response = client.merge_profiles(
        DomainName="d", MainProfileId=main, ProfileIdsToBeMerged=[main, other]
    )
    assert response["Message"] == "Success!"
    ids = client.search_profiles(
        DomainName="d", KeyName="_profileId", Values=[main, other]
    )
    assert [(p["ProfileId"], p["LastName"]) for p in ids["Items"]] == [(main, "Lee")]


def test_p4_field_source_outside_the_merge(client, domain):
    main = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    other = client.create_profile(DomainName="d")["ProfileId"]
    outside = client.create_profile(DomainName="d", FirstName="Zoe")["ProfileId"]
    client.merge_profiles(
        DomainName="d",
        MainProfileId=main,
        ProfileIdsToBeMerged=[other],
        FieldSourceProfileIds={"FirstName": outside},
    )
    got = client.search_profiles(DomainName="d", KeyName="_profileId", Values=[main])
    assert got["Items"][0]["FirstName"] == "Zoe"


def test_p4_field_source_naming_no_profile_is_ignored(client, domain):
    main = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    other = client.create_profile(DomainName="d")["ProfileId"]
    response = client.merge_profiles(
        DomainName="d",
        MainProfileId=main,
        ProfileIdsToBeMerged=[other],
        FieldSourceProfileIds={"FirstName": "0" * 32},
    )
    assert response["Message"] == "Success!"
    got = client.search_profiles(DomainName="d", KeyName="_profileId", Values=[main])
    assert got["Items"][0]["FirstName"] == "Ann"


# --- ingestion never fails over a mapping (P7, P8) ----------------------------------------


def put_mapping_type(client, fields):
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="Contact",
        Description="c",
        AllowProfileCreation=True,
        Fields={"id": {"Source": "_source.id"}, **fields},
        Keys={
            "id": [{"StandardIdentifiers": ["UNIQUE", "PROFILE"], "FieldNames": ["id"]}]
        },
    )


def contact_profile(client, contact_id="c1"):
    return client.search_profiles(DomainName="d", KeyName="id", Values=[contact_id])[
        "Items"
    ][0]


def test_p7_object_onto_a_whole_address_fills_its_members(client, domain):
    put_mapping_type(
        client, {"addr": {"Source": "_source.Address", "Target": "_profile.Address"}}
    )
    address = {"Address1": "1 Main", "State": "WA", "Country": "US", "Geo": {"x": 1}}
    put(client, "Contact", id="c1", Address=address)
    assert contact_profile(client)["Address"] == {
        "Address1": "1 Main",
        "State": "WA",
        "Country": "US",
    }


def test_p7_list_onto_a_scalar_member_is_left_out(client, domain):
    put_mapping_type(
        client,
        {
            "first": {"Source": "_source.names", "Target": "_profile.FirstName"},
            "last": {"Source": "_source.last", "Target": "_profile.LastName"},
        },
    )
    put(client, "Contact", id="c1", names=["Ann", "Bo"], last="Lee")
    profile = contact_profile(client)
    assert "FirstName" not in profile and profile["LastName"] == "Lee"


def test_p7_object_onto_an_attribute_is_its_json_text(client, domain):
    put_mapping_type(
        client,
        {"tier": {"Source": "_source.tier", "Target": "_profile.Attributes.tier"}},
    )
    put(client, "Contact", id="c1", tier={"level": 1})
    assert contact_profile(client)["Attributes"] == {"tier": '{"level":1}'}


def test_p8_source_last_updated_timestamp_target_is_accepted(client, domain):
    put_mapping_type(
        client,
        {
            "ts": {
                "Source": "_source.ts",
                "Target": "_profile.SourceLastUpdatedTimestamp",
            },
            "last": {"Source": "_source.last", "Target": "_profile.LastName"},
        },
    )
    put(client, "Contact", id="c1", ts="1735689600000", last="Lee")
    assert contact_profile(client)["LastName"] == "Lee"


def test_p8_unknown_non_profile_target_is_ignored(client, domain):
    put_mapping_type(
        client,
        {
            "x": {"Source": "_source.x", "Target": "_unknown.Thing"},
            "last": {"Source": "_source.last", "Target": "_profile.LastName"},
        },
    )
    put(client, "Contact", id="c1", x="1", last="Lee")
    assert contact_profile(client)["LastName"] == "Lee"


# --- quotas and documented behaviours (new-Q1, Q2, Q3; 3.3; 3.5) -----------------------------


def test_q1_objects_per_profile(client, order_type, monkeypatch):
    monkeypatch.setattr(profiles_module, "MAX_OBJECTS_PER_PROFILE", 3)
    for i in range(3):
        put(client, id=str(i), email="a@x.org")
    with pytest.raises(ClientError) as exc:
        put(client, id="3", email="a@x.org")
    refused(exc, "BadRequestException", "Exceeded the quota of objects per profile (3)")
    profile_id = profile_by_email(client, "a@x.org")["ProfileId"]
    items = client.list_profile_objects(
        DomainName="d", ObjectTypeName="Order", ProfileId=profile_id
    )["Items"]
    assert len(items) == 3


def test_q1_re_put_of_an_existing_object_is_not_a_new_one(
    client, order_type, monkeypatch
):
    monkeypatch.setattr(profiles_module, "MAX_OBJECTS_PER_PROFILE", 3)
    keys = [put(client, id=str(i), email="a@x.org") for i in range(3)]
    assert put(client, id="0", email="a@x.org", amount=1) == keys[0]


def test_q2_object_over_250_kb_in_utf8_is_refused(client, order_type):
    with pytest.raises(ClientError) as exc:
        client.put_profile_object(
            DomainName="d",
            ObjectTypeName="Order",
            Object=json.dumps({"id": "1", "note": "é" * 200_000}, ensure_ascii=False),
        )
    refused(exc, "BadRequestException", "Exceeded the quota of object size (250 KB)")


def test_q2_same_length_in_ascii_is_accepted(client, order_type):
    key = put(client, id="1", note="e" * 200_000)
    assert key


def test_q3_profile_over_250_kb_is_refused(client, domain):
    attributes = {f"a{i:04d}": "x" * 255 for i in range(1100)}
    with pytest.raises(ClientError) as exc:
        client.create_profile(DomainName="d", Attributes=attributes)
    refused(exc, "BadRequestException", "Exceeded the quota of profile size (250 KB)")
    assert client.get_domain(DomainName="d")["Stats"]["ProfileCount"] == 0


def test_delete_object_type_scrubs_the_fields_it_populated(client, order_type):
    put(client, id="1", email="a@x.org", name="Ann")
    profile_id = profile_by_email(client, "a@x.org")["ProfileId"]
    client.update_profile(DomainName="d", ProfileId=profile_id, LastName="Lee")
    client.delete_profile_object_type(DomainName="d", ObjectTypeName="Order")
    got = client.search_profiles(
        DomainName="d", KeyName="_profileId", Values=[profile_id]
    )
    profile = got["Items"][0]
    assert "FirstName" not in profile and "EmailAddress" not in profile
    assert profile["LastName"] == "Lee"
    old_name = client.search_profiles(
        DomainName="d", KeyName="_fullName", Values=["Ann"]
    )
    assert old_name["Items"] == []


def test_delete_object_type_keeps_integrations_and_triggers(client, order_type):
    trigger(client)
    client.put_integration(
        DomainName="d", Uri=CONNECT, ObjectTypeName="Order", EventTriggerNames=["t"]
    )
    client.delete_profile_object_type(DomainName="d", ObjectTypeName="Order")
    assert (
        client.get_integration(DomainName="d", Uri=CONNECT)["ObjectTypeName"] == "Order"
    )
    assert (
        client.get_event_trigger(DomainName="d", EventTriggerName="t")["ObjectTypeName"]
        == "Order"
    )


def test_delete_profile_object_answers_ok(client, order_type):
    key = put(client, id="1", email="a@x.org")
    profile_id = profile_by_email(client, "a@x.org")["ProfileId"]
    response = client.delete_profile_object(
        DomainName="d",
        ProfileId=profile_id,
        ObjectTypeName="Order",
        ProfileObjectUniqueKey=key,
    )
    assert response["Message"] == "OK"


# --- pagination (X1, X2) ----------------------------------------------------------------------


def test_x2_domains_walk_survives_deleting_the_next_item(client):
    for name in ("a", "b", "c"):
        client.create_domain(DomainName=name, DefaultExpirationDays=30)
    first = client.list_domains(MaxResults=1)
    client.delete_domain(DomainName="b")
    rest = client.list_domains(MaxResults=5, NextToken=first["NextToken"])
    assert [d["DomainName"] for d in rest["Items"]] == ["c"]


def test_x2_profile_objects_walk_survives_deleting_the_next_item(client, order_type):
    keys = [put(client, id=str(i), email="a@x.org") for i in range(3)]
    profile_id = profile_by_email(client, "a@x.org")["ProfileId"]
    args = {"DomainName": "d", "ObjectTypeName": "Order", "ProfileId": profile_id}
    first = client.list_profile_objects(MaxResults=1, **args)
    client.delete_profile_object(ProfileObjectUniqueKey=keys[1], **args)
    rest = client.list_profile_objects(NextToken=first["NextToken"], **args)
    assert [i["ProfileObjectUniqueKey"] for i in rest["Items"]] == [keys[2]]


def test_x1_undecodable_token_is_refused(client):
    with pytest.raises(ClientError) as exc:
        client.list_domains(NextToken="%%%not-base64")
    refused(exc, "BadRequestException", "The pagination token is invalid.")


# --- an AWS CLI-like session against the server ------------------------------------------------


def test_cli_like_session(client, customerprofiles_trigger_invocations):
    """Domain, object type, a trigger using EQUAL on a string field, an integration
    naming it, lists, tags, deletes."""
    client.create_domain(DomainName="cli", DefaultExpirationDays=30)
    domain_arn = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/cli"
    client.put_profile_object_type(
        DomainName="cli",
        ObjectTypeName="Ticket",
        Description="tickets",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id"},
            "code": {"Source": "_source.code", "ContentType": "STRING"},
        },
        Keys={
            "id": [{"StandardIdentifiers": ["UNIQUE", "PROFILE"], "FieldNames": ["id"]}]
        },
    )
    client.create_event_trigger(
        DomainName="cli",
        EventTriggerName="vip",
        ObjectTypeName="Ticket",
        EventTriggerConditions=[
            {
                "EventTriggerDimensions": [
                    {
                        "ObjectAttributes": [
                            {
                                "FieldName": "code",
                                "ComparisonOperator": "EQUAL",
                                "Values": ["gold"],
                            }
                        ]
                    }
                ],
                "LogicalOperator": "ANY",
            }
        ],
    )
    client.put_integration(DomainName="cli", Uri=URI, EventTriggerNames=["vip"])
    client.tag_resource(resourceArn=domain_arn, tags={"team": "cli"})
    assert client.list_tags_for_resource(resourceArn=domain_arn)["tags"] == {
        "team": "cli"
    }
    assert [
        t["EventTriggerName"]
        for t in client.list_event_triggers(DomainName="cli")["Items"]
    ] == ["vip"]
    assert [i["Uri"] for i in client.list_integrations(DomainName="cli")["Items"]] == [
        URI
    ]
    client.put_profile_object(
        DomainName="cli", ObjectTypeName="Ticket", Object='{"id": "1", "code": "gold"}'
    )
    (record,) = customerprofiles_trigger_invocations("cli")
    assert (record["Reason"], record["Detail"]) == (
        "CONDITIONS_NOT_MET",
        "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]: "
        "EQUAL value is not a number",
    )
    client.untag_resource(resourceArn=domain_arn, tagKeys=["team"])
    client.delete_integration(DomainName="cli", Uri=URI)
    client.delete_event_trigger(DomainName="cli", EventTriggerName="vip")
    client.delete_profile_object_type(DomainName="cli", ObjectTypeName="Ticket")
    assert (
        client.delete_domain(DomainName="cli")["Message"] == "Domain cli was deleted."
    )
    assert client.list_domains()["Items"] == []
