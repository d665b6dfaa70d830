"""AWS::CustomerProfiles::* resource types in CloudFormation stacks."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from .helpers import ACCOUNT_ID, REGION

CAMPAIGN_URI = (
    f"arn:aws:connect-campaigns:{REGION}:{ACCOUNT_ID}:campaign/"
    "00000000-0000-0000-0000-000000000000"
)
CONDITIONS = [
    {
        "EventTriggerDimensions": [
            {
                "ObjectAttributes": [
                    {
                        "Source": "{{_source.amount}}",
                        "ComparisonOperator": "GREATER_THAN",
                        "Values": ["100"],
                    }
                ]
            }
        ],
        "LogicalOperator": "ANY",
    }
]


def domain_resource(**extra: Any) -> dict[str, Any]:
    return {
        "Type": "AWS::CustomerProfiles::Domain",
        "Properties": {
            "DomainName": "cfn-domain",
            "DefaultExpirationDays": 30,
            "Tags": [{"Key": "team", "Value": "crm"}],
            **extra,
        },
    }


def object_type_resource(**extra: Any) -> dict[str, Any]:
    return {
        "Type": "AWS::CustomerProfiles::ObjectType",
        "Properties": {
            "DomainName": {"Ref": "Domain"},
            "ObjectTypeName": "orders",
            "Description": "Orders",
            "AllowProfileCreation": True,
            "Fields": [
                {
                    "Name": "order_id",
                    "ObjectTypeField": {
                        "Source": "_source.order_id",
                        "Target": "_order.order_id",
                    },
                },
                {
                    "Name": "amount",
                    "ObjectTypeField": {
                        "Source": "_source.amount",
                        "Target": "_order.amount",
                        "ContentType": "NUMBER",
                    },
                },
            ],
            "Keys": [
                {
                    "Name": "order_id",
                    "ObjectTypeKeyList": [
                        {"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["order_id"]}
                    ],
                }
            ],
            **extra,
        },
    }


def template(
    *, domain: dict[str, Any] | None = None, object_type: dict[str, Any] | None = None
) -> str:
    return json.dumps(
        {
            "Resources": {
                "Domain": domain or domain_resource(),
                "Orders": object_type or object_type_resource(),
                "Trigger": {
                    "Type": "AWS::CustomerProfiles::EventTrigger",
                    "DependsOn": "Orders",
                    "Properties": {
                        "DomainName": {"Ref": "Domain"},
                        "EventTriggerName": "big-order",
                        "ObjectTypeName": "orders",
                        "EventTriggerConditions": CONDITIONS,
                    },
                },
                "Campaign": {
                    "Type": "AWS::CustomerProfiles::Integration",
                    "DependsOn": "Trigger",
                    "Properties": {
                        "DomainName": {"Ref": "Domain"},
                        "Uri": CAMPAIGN_URI,
                        "EventTriggerNames": ["big-order"],
                        "Tags": [{"Key": "kind", "Value": "campaign"}],
                    },
                },
            },
            "Outputs": {
                "DomainRef": {"Value": {"Ref": "Domain"}},
                "DomainCreatedAt": {"Value": {"Fn::GetAtt": ["Domain", "CreatedAt"]}},
                "ProfileCount": {
                    "Value": {"Fn::GetAtt": ["Domain", "Stats.ProfileCount"]}
                },
                "OrdersRef": {"Value": {"Ref": "Orders"}},
                "OrdersUpdatedAt": {
                    "Value": {"Fn::GetAtt": ["Orders", "LastUpdatedAt"]}
                },
                "IntegrationCreatedAt": {
                    "Value": {"Fn::GetAtt": ["Campaign", "CreatedAt"]}
                },
                "TriggerRef": {"Value": {"Ref": "Trigger"}},
            },
        }
    )


@pytest.fixture
def cfn(customerprofiles_mock: None) -> Any:
    return boto3.client("cloudformation", region_name=REGION)


def outputs(cfn: Any, stack: str = "profiles") -> dict[str, str]:
    described = cfn.describe_stacks(StackName=stack)["Stacks"][0]
    return {o["OutputKey"]: o["OutputValue"] for o in described.get("Outputs", [])}


@pytest.fixture
def stack(cfn: Any) -> Any:
    cfn.create_stack(StackName="profiles", TemplateBody=template())
    return cfn


# --- create -----------------------------------------------------------------------


def test_create_stack_creates_the_domain_with_its_properties_and_tags(stack, client):
    domain = client.get_domain(DomainName="cfn-domain")
    assert domain["DefaultExpirationDays"] == 30
    assert domain["Tags"] == {"team": "crm"}


def test_create_stack_converts_object_type_fields_and_keys_to_the_api_maps(
    stack, client
):
    object_type = client.get_profile_object_type(
        DomainName="cfn-domain", ObjectTypeName="orders"
    )
    assert object_type["Fields"]["amount"] == {
        "Source": "_source.amount",
        "Target": "_order.amount",
        "ContentType": "NUMBER",
    }
    assert object_type["Keys"] == {
        "order_id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["order_id"]}]
    }


def test_create_stack_creates_the_event_trigger(stack, client):
    trigger = client.get_event_trigger(
        DomainName="cfn-domain", EventTriggerName="big-order"
    )
    assert trigger["ObjectTypeName"] == "orders"
    assert trigger["EventTriggerConditions"] == CONDITIONS


def test_create_stack_creates_the_integration_naming_the_trigger(stack, client):
    integration = client.get_integration(DomainName="cfn-domain", Uri=CAMPAIGN_URI)
    assert integration["EventTriggerNames"] == ["big-order"]
    assert integration["Tags"] == {"kind": "campaign"}


def test_create_stack_completes(stack):
    described = stack.describe_stacks(StackName="profiles")["Stacks"][0]
    assert described["StackStatus"] == "CREATE_COMPLETE"


def test_ref_returns_the_primary_identifier_joined_by_a_bar(stack):
    values = outputs(stack)
    assert values["DomainRef"] == "cfn-domain"
    assert values["OrdersRef"] == "cfn-domain|orders"
    assert values["TriggerRef"] == "cfn-domain|big-order"


def test_get_att_reads_timestamps_and_stats_of_the_live_resources(stack, client):
    values = outputs(stack)
    created = client.get_domain(DomainName="cfn-domain")["CreatedAt"]
    assert (
        values["DomainCreatedAt"] == created.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    )
    assert values["ProfileCount"] == "0"
    assert values["OrdersUpdatedAt"].endswith("Z")
    assert values["IntegrationCreatedAt"].endswith("Z")


def test_stack_resources_name_the_physical_ids(stack):
    resources = stack.describe_stack_resources(StackName="profiles")["StackResources"]
    physical = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in resources}
    assert physical == {
        "Domain": "cfn-domain",
        "Orders": "cfn-domain|orders",
        "Trigger": "cfn-domain|big-order",
        "Campaign": f"cfn-domain|{CAMPAIGN_URI}",
    }


def test_get_att_of_an_attribute_the_type_does_not_have_is_refused(cfn, client):
    body = json.dumps(
        {
            "Resources": {"Domain": domain_resource()},
            "Outputs": {"Bad": {"Value": {"Fn::GetAtt": ["Domain", "Nope"]}}},
        }
    )
    with pytest.raises(ClientError) as exc:
        cfn.create_stack(StackName="bad-getatt", TemplateBody=body)
    err = exc.value.response["Error"]
    assert err["Code"] == "ValidationError"
    assert err["Message"] == (
        "Template error: resource Domain does not support attribute type Nope "
        "in Fn::GetAtt"
    )


# --- update -----------------------------------------------------------------------


def test_update_in_place_changes_the_domain_and_keeps_it(stack, client):
    created = client.get_domain(DomainName="cfn-domain")["CreatedAt"]
    stack.update_stack(
        StackName="profiles",
        TemplateBody=template(domain=domain_resource(DefaultExpirationDays=90)),
    )
    domain = client.get_domain(DomainName="cfn-domain")
    assert domain["DefaultExpirationDays"] == 90
    assert domain["CreatedAt"] == created


def test_update_of_tags_replaces_the_resources_tags(stack, client):
    changed = domain_resource()
    changed["Properties"]["Tags"] = [{"Key": "owner", "Value": "me"}]
    stack.update_stack(StackName="profiles", TemplateBody=template(domain=changed))
    assert client.get_domain(DomainName="cfn-domain")["Tags"] == {"owner": "me"}


def test_update_of_a_create_only_property_replaces_the_object_type(stack, client):
    renamed = object_type_resource(ObjectTypeName="purchases")
    stack.update_stack(StackName="profiles", TemplateBody=template(object_type=renamed))
    names = [
        item["ObjectTypeName"]
        for item in client.list_profile_object_types(DomainName="cfn-domain")["Items"]
    ]
    assert names == ["purchases"]
    assert outputs(stack)["OrdersRef"] == "cfn-domain|purchases"


def test_update_replacing_a_custom_named_resource_in_place_is_refused(cfn, client):
    cfn.create_stack(StackName="segments", TemplateBody=segment_template("VIP"))
    with pytest.raises(ClientError) as exc:
        cfn.update_stack(StackName="segments", TemplateBody=segment_template("Gold"))
    err = exc.value.response["Error"]
    assert err["Code"] == "ValidationError"
    assert err["Message"] == (
        "CloudFormation cannot update a stack when a custom-named resource requires "
        "replacing. Rename cfn-domain|vip and update the stack again."
    )
    segment = client.get_segment_definition(
        DomainName="cfn-domain", SegmentDefinitionName="vip"
    )
    assert segment["DisplayName"] == "VIP"


def test_update_with_an_invalid_property_is_refused_and_changes_nothing(stack, client):
    with pytest.raises(ClientError) as exc:
        stack.update_stack(
            StackName="profiles",
            TemplateBody=template(domain=domain_resource(DefaultExpirationDays=0)),
        )
    err = exc.value.response["Error"]
    assert err["Code"] == "ValidationError"
    assert err["Message"] == (
        'Resource handler returned message: "1 validation error detected: Value '
        "'0' at 'DefaultExpirationDays' failed to satisfy constraint: Member must "
        'have value greater than or equal to 1" (HandlerErrorCode: InvalidRequest)'
    )
    assert client.get_domain(DomainName="cfn-domain")["DefaultExpirationDays"] == 30


# --- delete -----------------------------------------------------------------------


def test_delete_stack_deletes_every_resource(stack, client):
    stack.delete_stack(StackName="profiles")
    assert client.list_domains()["Items"] == []


def test_delete_stack_leaves_no_tags_behind(stack, client):
    stack.delete_stack(StackName="profiles")
    client.create_domain(DomainName="cfn-domain", DefaultExpirationDays=1)
    assert client.get_domain(DomainName="cfn-domain")["Tags"] == {}


# --- failures roll back -------------------------------------------------------------


def failing_template() -> str:
    orders = object_type_resource()
    orders["DependsOn"] = "Domain"
    orders["Properties"]["DomainName"] = "no-such-domain"
    return json.dumps({"Resources": {"Domain": domain_resource(), "Orders": orders}})


def test_a_failing_resource_fails_create_stack_with_the_handlers_message(cfn):
    with pytest.raises(ClientError) as exc:
        cfn.create_stack(StackName="broken", TemplateBody=failing_template())
    err = exc.value.response["Error"]
    assert err["Code"] == "ValidationError"
    assert err["Message"] == (
        'Resource handler returned message: "Domain no-such-domain does not exist." '
        "(HandlerErrorCode: NotFound)"
    )


def test_a_failing_stack_rolls_back_the_resources_it_created(cfn, client):
    with pytest.raises(ClientError):
        cfn.create_stack(StackName="broken", TemplateBody=failing_template())
    assert client.list_domains()["Items"] == []


def test_a_failing_stack_ends_rolled_back(cfn):
    with pytest.raises(ClientError):
        cfn.create_stack(StackName="broken", TemplateBody=failing_template())
    described = cfn.describe_stacks(StackName="broken")["Stacks"][0]
    assert described["StackStatus"] == "ROLLBACK_COMPLETE"
    assert cfn.describe_stack_resources(StackName="broken")["StackResources"] == []


def test_an_invalid_property_fails_the_stack_without_a_server_error(cfn, client):
    body = json.dumps(
        {"Resources": {"Domain": domain_resource(Tags="not-a-list")}}  # type: ignore[arg-type]
    )
    with pytest.raises(ClientError) as exc:
        cfn.create_stack(StackName="broken", TemplateBody=body)
    err = exc.value.response["Error"]
    assert err["Code"] == "ValidationError"
    assert err["Message"] == (
        'Resource handler returned message: "1 validation error detected: Value '
        "'not-a-list' at 'Tags' failed to satisfy constraint: Member must be a map\" "
        "(HandlerErrorCode: InvalidRequest)"
    )
    assert client.list_domains()["Items"] == []


# --- the other types ----------------------------------------------------------------


def segment_template(display_name: str) -> str:
    return json.dumps(
        {
            "Resources": {
                "Domain": domain_resource(),
                "Segment": {
                    "Type": "AWS::CustomerProfiles::SegmentDefinition",
                    "Properties": {
                        "DomainName": {"Ref": "Domain"},
                        "SegmentDefinitionName": "vip",
                        "DisplayName": display_name,
                        "SegmentGroups": {
                            "Include": "ALL",
                            "Groups": [
                                {
                                    "Type": "ALL",
                                    "Dimensions": [
                                        {
                                            "ProfileAttributes": {
                                                "FirstName": {
                                                    "DimensionType": "INCLUSIVE",
                                                    "Values": ["Ann"],
                                                }
                                            }
                                        }
                                    ],
                                }
                            ],
                        },
                    },
                },
            },
            "Outputs": {
                "Arn": {"Value": {"Fn::GetAtt": ["Segment", "SegmentDefinitionArn"]}}
            },
        }
    )


def test_segment_definition_is_created_with_get_att_arn(cfn, client):
    cfn.create_stack(StackName="segments", TemplateBody=segment_template("VIP"))
    segment = client.get_segment_definition(
        DomainName="cfn-domain", SegmentDefinitionName="vip"
    )
    assert outputs(cfn, "segments")["Arn"] == segment["SegmentDefinitionArn"]


def test_event_stream_is_created_with_get_att_arn_and_state(cfn, client):
    kinesis = boto3.client("kinesis", region_name=REGION)
    kinesis.create_stream(StreamName="exports", ShardCount=1)
    stream_arn = kinesis.describe_stream_summary(StreamName="exports")[
        "StreamDescriptionSummary"
    ]["StreamARN"]
    body = json.dumps(
        {
            "Resources": {
                "Domain": domain_resource(),
                "Stream": {
                    "Type": "AWS::CustomerProfiles::EventStream",
                    "Properties": {
                        "DomainName": {"Ref": "Domain"},
                        "EventStreamName": "exports",
                        "Uri": stream_arn,
                    },
                },
            },
            "Outputs": {
                "Arn": {"Value": {"Fn::GetAtt": ["Stream", "EventStreamArn"]}},
                "State": {"Value": {"Fn::GetAtt": ["Stream", "State"]}},
                "Status": {
                    "Value": {"Fn::GetAtt": ["Stream", "DestinationDetails.Status"]}
                },
            },
        }
    )
    cfn.create_stack(StackName="streams", TemplateBody=body)
    stream = client.get_event_stream(DomainName="cfn-domain", EventStreamName="exports")
    assert outputs(cfn, "streams") == {
        "Arn": stream["EventStreamArn"],
        "State": "RUNNING",
        "Status": "HEALTHY",
    }


def calculated_attribute_template(display_name: str) -> str:
    return json.dumps(
        {
            "Resources": {
                "Domain": domain_resource(),
                "Orders": object_type_resource(),
                "Spend": {
                    "Type": "AWS::CustomerProfiles::CalculatedAttributeDefinition",
                    "DependsOn": "Orders",
                    "Properties": {
                        "DomainName": {"Ref": "Domain"},
                        "CalculatedAttributeName": "spend",
                        "DisplayName": display_name,
                        "AttributeDetails": {
                            "Attributes": [{"Name": "amount"}],
                            "Expression": "{orders.amount}",
                        },
                        "Statistic": "SUM",
                        "Tags": [{"Key": "team", "Value": "crm"}],
                    },
                },
            },
            "Outputs": {
                "Ref": {"Value": {"Ref": "Spend"}},
                "CreatedAt": {"Value": {"Fn::GetAtt": ["Spend", "CreatedAt"]}},
            },
        }
    )


def test_calculated_attribute_definition_is_created_with_ref_and_tags(cfn, client):
    cfn.create_stack(
        StackName="calculated", TemplateBody=calculated_attribute_template("Spend")
    )
    definition = client.get_calculated_attribute_definition(
        DomainName="cfn-domain", CalculatedAttributeName="spend"
    )
    assert (definition["DisplayName"], definition["Statistic"]) == ("Spend", "SUM")
    assert definition["Tags"] == {"team": "crm"}
    assert outputs(cfn, "calculated")["Ref"] == "cfn-domain|spend"


def test_calculated_attribute_definition_updates_in_place(cfn, client):
    cfn.create_stack(
        StackName="calculated", TemplateBody=calculated_attribute_template("Spend")
    )
    created = client.get_calculated_attribute_definition(
        DomainName="cfn-domain", CalculatedAttributeName="spend"
    )["CreatedAt"]
    cfn.update_stack(
        StackName="calculated", TemplateBody=calculated_attribute_template("Total")
    )
    updated = client.get_calculated_attribute_definition(
        DomainName="cfn-domain", CalculatedAttributeName="spend"
    )
    assert (updated["DisplayName"], updated["CreatedAt"]) == ("Total", created)
