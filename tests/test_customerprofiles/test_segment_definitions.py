"""CreateSegmentDefinition, GetSegmentDefinition, DeleteSegmentDefinition and
ListSegmentDefinitions, and the rules that tie segment definitions to event triggers."""

from datetime import datetime

import pytest
from botocore.exceptions import ClientError

from .helpers import ACCOUNT_ID, REGION, client_error

SQL = "SELECT * FROM profiles WHERE FirstName = 'Ann'"
GROUPS = {
    "Groups": [
        {
            "Dimensions": [
                {
                    "ProfileAttributes": {
                        "FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann"]}
                    }
                }
            ],
            "Type": "ALL",
        }
    ],
    "Include": "ALL",
}
SORT = {"Attributes": [{"Name": "FirstName", "Order": "ASC", "DataType": "STRING"}]}
FIELDS = {"name": {"Source": "_source.name", "Target": "_profile.FirstName"}}
KEYS = {"name": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["name"]}]}


def segment_arn(name, domain="d"):
    return (
        f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/{domain}"
        f"/segment-definitions/{name}"
    )


def groups_from(*sources):
    return {
        "Groups": [
            {
                "SourceSegments": [{"SegmentDefinitionName": s} for s in sources],
                "SourceType": "ANY",
            }
        ],
        "Include": "ALL",
    }


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


def create(client, name="s", **kwargs):
    kwargs.setdefault("DomainName", "d")
    kwargs.setdefault("DisplayName", "A segment")
    if "SegmentGroups" not in kwargs:
        kwargs.setdefault("SegmentSqlQuery", SQL)
    return client.create_segment_definition(SegmentDefinitionName=name, **kwargs)


def create_trigger(client, segment_filter, name="t"):
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="ot",
        Description="an object type",
        Fields=FIELDS,
        Keys=KEYS,
    )
    client.create_event_trigger(
        DomainName="d",
        EventTriggerName=name,
        ObjectTypeName="ot",
        SegmentFilter=segment_filter,
        EventTriggerConditions=[
            {
                "EventTriggerDimensions": [
                    {
                        "ObjectAttributes": [
                            {
                                "FieldName": "name",
                                "ComparisonOperator": "INCLUSIVE",
                                "Values": ["Ann"],
                            }
                        ]
                    }
                ],
                "LogicalOperator": "ALL",
            }
        ],
    )


def assert_error(exc, code, message):
    status = 404 if code == "ResourceNotFoundException" else 400
    assert client_error(exc) == (code, message, status)


def assert_bad_request(exc, message):
    assert_error(exc, "BadRequestException", message)


# --- CreateSegmentDefinition -----------------------------------------------------------


def test_create_segment_definition_returns_every_member(client, domain):
    response = create(client, Description="Anns", Tags={"team": "a"})
    assert response["SegmentDefinitionName"] == "s"
    assert response["DisplayName"] == "A segment"
    assert response["Description"] == "Anns"
    assert isinstance(response["CreatedAt"], datetime)
    assert response["SegmentDefinitionArn"] == segment_arn("s")
    assert response["Tags"] == {"team": "a"}


def test_create_segment_definition_leaves_out_members_not_given(client, domain):
    response = create(client)
    assert "Description" not in response
    assert response["Tags"] == {}


def test_create_segment_definition_twice_is_refused(client, domain):
    create(client)
    with pytest.raises(ClientError) as exc:
        create(client, SegmentGroups=GROUPS)
    assert_bad_request(exc, "Segment definition with name s already exists")


def test_create_segment_definition_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        create(client, DomainName="nope")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_create_segment_definition_with_neither_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        client.create_segment_definition(
            DomainName="d", SegmentDefinitionName="s", DisplayName="A segment"
        )
    assert_bad_request(
        exc, "One of SegmentGroups and SegmentSqlQuery must be specified"
    )


def test_create_segment_definition_with_existing_source_segments(client, domain):
    create(client, name="base1")
    create(client, name="base2", SegmentGroups=GROUPS)
    create(client, name="combined", SegmentGroups=groups_from("base1", "base2"))
    got = client.get_segment_definition(
        DomainName="d", SegmentDefinitionName="combined"
    )
    assert got["SegmentGroups"] == groups_from("base1", "base2")


# --- GetSegmentDefinition --------------------------------------------------------------


def test_get_classic_segment_definition(client, domain):
    created = create(
        client,
        SegmentGroups=GROUPS,
        SegmentSort=SORT,
        Description="Anns",
        Tags={"team": "a"},
    )
    got = client.get_segment_definition(DomainName="d", SegmentDefinitionName="s")
    assert got["SegmentDefinitionName"] == "s"
    assert got["DisplayName"] == "A segment"
    assert got["Description"] == "Anns"
    assert got["SegmentGroups"] == GROUPS
    assert got["SegmentSort"] == SORT
    assert got["SegmentType"] == "CLASSIC"
    assert got["SegmentDefinitionArn"] == segment_arn("s")
    assert got["CreatedAt"] == created["CreatedAt"]
    assert got["Tags"] == {"team": "a"}
    assert "SegmentSqlQuery" not in got


def test_get_enhanced_segment_definition(client, domain):
    create(client, SegmentSqlQuery=SQL)
    got = client.get_segment_definition(DomainName="d", SegmentDefinitionName="s")
    assert got["SegmentSqlQuery"] == SQL
    assert got["SegmentType"] == "ENHANCED"
    assert "SegmentGroups" not in got
    assert "SegmentSort" not in got


def test_get_missing_segment_definition(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_segment_definition(DomainName="d", SegmentDefinitionName="nope")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Segment definition nope does not exist in domain d.",
    )


def test_get_segment_definition_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.get_segment_definition(DomainName="nope", SegmentDefinitionName="s")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


# --- DeleteSegmentDefinition ------------------------------------------------------------


def test_delete_segment_definition(client, domain):
    create(client)
    response = client.delete_segment_definition(
        DomainName="d", SegmentDefinitionName="s"
    )
    assert response["Message"] == "Segment definition s was deleted."
    with pytest.raises(ClientError) as exc:
        client.get_segment_definition(DomainName="d", SegmentDefinitionName="s")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Segment definition s does not exist in domain d.",
    )


def test_delete_missing_segment_definition(client, domain):
    with pytest.raises(ClientError) as exc:
        client.delete_segment_definition(DomainName="d", SegmentDefinitionName="nope")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Segment definition nope does not exist in domain d.",
    )


def test_delete_segment_definition_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.delete_segment_definition(DomainName="nope", SegmentDefinitionName="s")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_delete_segment_definition_forgets_its_tags(client, domain):
    create(client, Tags={"team": "a"})
    client.delete_segment_definition(DomainName="d", SegmentDefinitionName="s")
    assert create(client)["Tags"] == {}


def test_delete_domain_removes_its_segment_definitions(client, domain):
    create(client, Tags={"team": "a"})
    client.delete_domain(DomainName="d")
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    assert client.list_segment_definitions(DomainName="d")["Items"] == []
    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(resourceArn=segment_arn("s"))
    assert_error(
        exc,
        "ResourceNotFoundException",
        f"Resource {segment_arn('s')} does not exist.",
    )
    assert create(client)["Tags"] == {}


# --- ListSegmentDefinitions -------------------------------------------------------------


def test_list_segment_definitions_items(client, domain):
    created = create(client, Description="Anns", Tags={"team": "a"})
    create(client, name="t", SegmentGroups=GROUPS)
    items = client.list_segment_definitions(DomainName="d")["Items"]
    assert items[0] == {
        "SegmentDefinitionName": "s",
        "DisplayName": "A segment",
        "Description": "Anns",
        "SegmentDefinitionArn": segment_arn("s"),
        "CreatedAt": created["CreatedAt"],
        "Tags": {"team": "a"},
        "SegmentType": "ENHANCED",
    }
    assert items[1]["SegmentType"] == "CLASSIC"
    assert "SegmentGroups" not in items[1]


def test_list_segment_definitions_of_an_empty_domain(client, domain):
    response = client.list_segment_definitions(DomainName="d")
    assert response["Items"] == []
    assert "NextToken" not in response


def test_list_segment_definitions_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.list_segment_definitions(DomainName="nope")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_list_segment_definitions_walks_pages_in_name_order(client, domain):
    for name in ["e", "b", "d", "a", "c"]:
        create(client, name=name)
    pages = []
    kwargs = {"DomainName": "d", "MaxResults": 2}
    while True:
        response = client.list_segment_definitions(**kwargs)
        pages.append([i["SegmentDefinitionName"] for i in response["Items"]])
        if "NextToken" not in response:
            break
        kwargs["NextToken"] = response["NextToken"]
    assert pages == [["a", "b"], ["c", "d"], ["e"]]


def test_list_segment_definitions_with_an_invalid_token(client, domain):
    with pytest.raises(ClientError) as exc:
        client.list_segment_definitions(DomainName="d", NextToken="not-a-token")
    assert_bad_request(exc, "The pagination token is invalid.")


# --- Tagging by ARN ---------------------------------------------------------------------


def test_segment_definition_arn_takes_tags(client, domain):
    arn = create(client, Tags={"team": "a"})["SegmentDefinitionArn"]
    client.tag_resource(resourceArn=arn, tags={"env": "dev"})
    client.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "dev"}
    got = client.get_segment_definition(DomainName="d", SegmentDefinitionName="s")
    assert got["Tags"] == {"env": "dev"}


def test_tagging_a_missing_segment_definition(client, domain):
    arn = segment_arn("nope")
    with pytest.raises(ClientError) as exc:
        client.tag_resource(resourceArn=arn, tags={"a": "b"})
    assert_error(exc, "ResourceNotFoundException", f"Resource {arn} does not exist.")
