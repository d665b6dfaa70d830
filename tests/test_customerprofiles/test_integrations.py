"""PutIntegration, GetIntegration, DeleteIntegration, ListIntegrations and
ListAccountIntegrations, and the business rules the backend enforces on integrations."""

import time
from datetime import datetime

import pytest
from botocore.exceptions import ClientError

from .helpers import ACCOUNT_ID, REGION, client_error, raw_error, raw_request

URI = "arn:aws:connect:eu-west-2:123456789012:instance/abc"
ROLE_ARN = "arn:aws:iam::123456789012:role/integration"
FIELDS = {"name": {"Source": "_source.name", "Target": "_profile.FirstName"}}
KEYS = {"name": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["name"]}]}
CONDITIONS = [
    {
        "EventTriggerDimensions": [
            {
                "ObjectAttributes": [
                    {
                        "FieldName": "name",
                        "ComparisonOperator": "BEGINS_WITH",
                        "Values": ["A"],
                    }
                ]
            }
        ],
        "LogicalOperator": "ANY",
    }
]


def flow_definition(name="Flow1"):
    return {
        "FlowName": name,
        "KmsArn": f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/abc",
        "SourceFlowConfig": {
            "ConnectorType": "S3",
            "SourceConnectorProperties": {"S3": {"BucketName": "bucket"}},
        },
        "Tasks": [{"SourceFields": ["name"], "TaskType": "Map"}],
        "TriggerConfig": {"TriggerType": "OnDemand"},
    }


def flow_uri(name="Flow1"):
    return f"arn:aws:appflow:{REGION}:{ACCOUNT_ID}:flow/{name}"


def integration_arn(uri, domain="d"):
    return f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/{domain}/integrations/{uri}"


def make_domain(client, name="d", object_types=("ot", "ot2")):
    client.create_domain(DomainName=name, DefaultExpirationDays=30)
    for object_type in object_types:
        client.put_profile_object_type(
            DomainName=name,
            ObjectTypeName=object_type,
            Description="an object type",
            Fields=FIELDS,
            Keys=KEYS,
        )


@pytest.fixture
def domain(client):
    make_domain(client)
    return "d"


def put(client, **kwargs):
    kwargs.setdefault("DomainName", "d")
    if "FlowDefinition" not in kwargs:
        kwargs.setdefault("Uri", URI)
    if not {"ObjectTypeNames", "EventTriggerNames"} & kwargs.keys():
        kwargs.setdefault("ObjectTypeName", "ot")
    return client.put_integration(**kwargs)


def create_trigger(client, name="t", domain="d"):
    client.create_event_trigger(
        DomainName=domain,
        EventTriggerName=name,
        ObjectTypeName="ot",
        EventTriggerConditions=CONDITIONS,
    )


def assert_error(exc, code, message):
    status = 404 if code == "ResourceNotFoundException" else 400
    assert client_error(exc) == (code, message, status)


def assert_bad_request(exc, message):
    assert_error(exc, "BadRequestException", message)


def integration_members(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


# --- PutIntegration: create ------------------------------------------------------------


def test_put_integration_returns_the_integration(client, domain):
    response = put(client)
    assert response["DomainName"] == "d"
    assert response["Uri"] == URI
    assert response["ObjectTypeName"] == "ot"
    assert isinstance(response["CreatedAt"], datetime)
    assert response["LastUpdatedAt"] == response["CreatedAt"]
    assert response["Tags"] == {}
    assert response["IsUnstructured"] is False
    assert response["EventTriggerNames"] == []
    assert response["Scope"] == "PROFILE"
    for member in ("ObjectTypeNames", "RoleArn", "WorkflowId"):
        assert member not in response


def test_put_integration_returns_every_member_given(client, domain):
    create_trigger(client)
    response = put(
        client,
        RoleArn=ROLE_ARN,
        EventTriggerNames=["t"],
        Scope="DOMAIN",
        Tags={"team": "a"},
    )
    assert response["RoleArn"] == ROLE_ARN
    assert response["EventTriggerNames"] == ["t"]
    assert response["Scope"] == "DOMAIN"
    assert response["Tags"] == {"team": "a"}


def test_put_integration_with_object_type_names(client, domain):
    mapping = {"ShopifyCreateCustomers": "ot", "ShopifyUpdateCustomers": "ot2"}
    response = put(client, ObjectTypeNames=mapping)
    assert response["ObjectTypeNames"] == mapping
    assert "ObjectTypeName" not in response


def test_put_integration_with_only_event_trigger_names(client, domain):
    create_trigger(client)
    response = put(client, Uri="arn:campaign", EventTriggerNames=["t"])
    assert response["EventTriggerNames"] == ["t"]
    assert "ObjectTypeName" not in response
    assert "ObjectTypeNames" not in response


def test_put_integration_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        put(client, DomainName="nope")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_put_integration_with_a_missing_event_trigger(client, domain):
    with pytest.raises(ClientError) as exc:
        put(client, EventTriggerNames=["nope"])
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Event trigger nope does not exist in domain d.",
    )


def test_put_integration_without_uri_or_flow_definition_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        client.put_integration(DomainName="d", ObjectTypeName="ot")
    assert_bad_request(exc, "Uri is required when no FlowDefinition is given")


def test_a_refused_integration_is_not_stored(client, domain):
    with pytest.raises(ClientError):
        put(client, EventTriggerNames=["nope"])
    assert client.list_integrations(DomainName="d")["Items"] == []


@pytest.mark.parametrize("scope", ["PROFILE", "DOMAIN"])
def test_put_integration_scope(client, domain, scope):
    assert put(client, Scope=scope)["Scope"] == scope


# --- PutIntegration: FlowDefinition and _unstructured ----------------------------------


def test_flow_definition_without_uri_gets_the_flow_arn(client, domain):
    response = put(client, FlowDefinition=flow_definition("MyFlow_1"))
    assert response["Uri"] == flow_uri("MyFlow_1")
    assert response["ObjectTypeName"] == "ot"
    assert response["IsUnstructured"] is False
    assert "FlowDefinition" not in response
    got = client.get_integration(DomainName="d", Uri=flow_uri("MyFlow_1"))
    assert got["Uri"] == flow_uri("MyFlow_1")


def test_flow_definition_with_a_uri_keeps_the_uri(client, domain):
    response = put(client, Uri=URI, FlowDefinition=flow_definition())
    assert response["Uri"] == URI


def test_flow_name_in_use_by_another_integration_is_refused(client, domain):
    put(client, Uri="first", FlowDefinition=flow_definition())
    with pytest.raises(ClientError) as exc:
        put(client, Uri="second", FlowDefinition=flow_definition())
    # FlowDefinition is sensitive: the message does not repeat the flow name
    assert_bad_request(exc, "Flow with name *** already exists.")


def test_flow_name_in_use_in_another_domain_is_refused(client, domain):
    make_domain(client, "other")
    put(client, FlowDefinition=flow_definition())
    with pytest.raises(ClientError) as exc:
        put(
            client,
            DomainName="other",
            Uri="other-uri",
            FlowDefinition=flow_definition(),
        )
    # FlowDefinition is sensitive: the message does not repeat the flow name
    assert_bad_request(exc, "Flow with name *** already exists.")


def test_re_put_with_the_same_flow_name_is_an_update(client, domain):
    first = put(client, FlowDefinition=flow_definition())
    again = put(client, FlowDefinition=flow_definition(), ObjectTypeName="ot2")
    assert again["Uri"] == first["Uri"] == flow_uri()
    assert again["ObjectTypeName"] == "ot2"
    assert again["CreatedAt"] == first["CreatedAt"]


def test_flow_name_is_free_again_after_delete(client, domain):
    put(client, Uri="first", FlowDefinition=flow_definition())
    client.delete_integration(DomainName="d", Uri="first")
    assert put(client, Uri="second", FlowDefinition=flow_definition())["Uri"] == (
        "second"
    )


def test_unstructured_with_a_flow_definition(client, domain):
    response = put(
        client, ObjectTypeName="_unstructured", FlowDefinition=flow_definition()
    )
    assert response["ObjectTypeName"] == "_unstructured"
    assert response["IsUnstructured"] is True
    got = client.get_integration(DomainName="d", Uri=flow_uri())
    assert got["IsUnstructured"] is True


# --- PutIntegration: update -------------------------------------------------------------


def test_re_put_keeps_created_at_and_moves_last_updated_at(client, domain):
    first = put(client)
    time.sleep(0.01)
    again = put(client, ObjectTypeName="ot2")
    assert again["CreatedAt"] == first["CreatedAt"]
    assert again["LastUpdatedAt"] > first["LastUpdatedAt"]
    got = client.get_integration(DomainName="d", Uri=URI)
    assert got["CreatedAt"] == first["CreatedAt"]
    assert got["LastUpdatedAt"] == again["LastUpdatedAt"]


def test_re_put_replaces_the_whole_definition(client, domain):
    create_trigger(client)
    put(
        client,
        ObjectTypeName="ot",
        RoleArn=ROLE_ARN,
        EventTriggerNames=["t"],
        Scope="DOMAIN",
    )
    again = put(client, ObjectTypeNames={"SegmentIdentify": "ot2"})
    assert again["ObjectTypeNames"] == {"SegmentIdentify": "ot2"}
    assert "ObjectTypeName" not in again
    assert "RoleArn" not in again
    assert again["EventTriggerNames"] == []
    assert again["Scope"] == "PROFILE"
    got = client.get_integration(DomainName="d", Uri=URI)
    assert integration_members(got) == integration_members(again)


def test_re_put_frees_the_event_trigger(client, domain):
    create_trigger(client)
    put(client, EventTriggerNames=["t"])
    put(client)
    response = client.delete_event_trigger(DomainName="d", EventTriggerName="t")
    assert response["Message"] == "Event trigger t was deleted."


def test_re_put_adds_tags_to_the_ones_it_has(client, domain):
    put(client, Tags={"a": "1"})
    again = put(client, Tags={"b": "2"})
    assert again["Tags"] == {"a": "1", "b": "2"}


def test_a_refused_re_put_leaves_the_integration_unchanged(client, domain):
    first = put(client)
    with pytest.raises(ClientError):
        put(client, EventTriggerNames=["nope"])
    got = client.get_integration(DomainName="d", Uri=URI)
    assert integration_members(got) == integration_members(first)


def test_uri_held_by_another_domain_is_refused(client, domain):
    make_domain(client, "other")
    put(client)
    with pytest.raises(ClientError) as exc:
        put(client, DomainName="other")
    assert_bad_request(exc, f"Uri {URI} is already integrated with domain d")


def test_uri_is_free_for_another_domain_after_delete(client, domain):
    make_domain(client, "other")
    put(client)
    client.delete_integration(DomainName="d", Uri=URI)
    assert put(client, DomainName="other")["DomainName"] == "other"


# --- Quota ------------------------------------------------------------------------------


def test_integration_quota_is_50_per_domain(client, domain):
    for n in range(50):
        put(client, Uri=f"uri-{n}")
    with pytest.raises(ClientError) as exc:
        put(client, Uri="one-too-many")
    assert_bad_request(exc, "Exceeded the quota of integrations per domain (50)")
    # Updating an existing integration is not a new one.
    assert put(client, Uri="uri-0", ObjectTypeName="ot2")["ObjectTypeName"] == "ot2"


# --- GetIntegration ---------------------------------------------------------------------


def test_get_integration_returns_what_was_put(client, domain):
    create_trigger(client)
    put_response = put(
        client, RoleArn=ROLE_ARN, EventTriggerNames=["t"], Tags={"team": "a"}
    )
    got = client.get_integration(DomainName="d", Uri=URI)
    assert integration_members(got) == integration_members(put_response)


def test_get_missing_integration(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_integration(DomainName="d", Uri="nope")
    assert_error(
        exc, "ResourceNotFoundException", "Integration nope does not exist in domain d."
    )


def test_get_integration_of_another_domain(client, domain):
    make_domain(client, "other")
    put(client)
    with pytest.raises(ClientError) as exc:
        client.get_integration(DomainName="other", Uri=URI)
    assert_error(
        exc,
        "ResourceNotFoundException",
        f"Integration {URI} does not exist in domain other.",
    )


def test_get_integration_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.get_integration(DomainName="nope", Uri=URI)
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_get_integration_without_uri_is_refused(client, domain, endpoint):
    response = raw_request(endpoint, "POST", "/domains/d/integrations", {})
    assert raw_error(response) == (
        "BadRequestException",
        "1 validation error detected: Value null at 'Uri' failed to satisfy "
        "constraint: Member must not be null",
        400,
    )


# --- DeleteIntegration ------------------------------------------------------------------


def test_delete_integration(client, domain):
    put(client)
    response = client.delete_integration(DomainName="d", Uri=URI)
    assert response["Message"] == f"Integration {URI} was deleted."
    with pytest.raises(ClientError) as exc:
        client.get_integration(DomainName="d", Uri=URI)
    assert_error(
        exc,
        "ResourceNotFoundException",
        f"Integration {URI} does not exist in domain d.",
    )
    assert client.list_account_integrations(Uri=URI)["Items"] == []


def test_delete_missing_integration(client, domain):
    with pytest.raises(ClientError) as exc:
        client.delete_integration(DomainName="d", Uri="nope")
    assert_error(
        exc, "ResourceNotFoundException", "Integration nope does not exist in domain d."
    )


def test_delete_integration_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.delete_integration(DomainName="nope", Uri=URI)
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_delete_integration_forgets_its_tags(client, domain):
    put(client, Tags={"team": "a"})
    client.delete_integration(DomainName="d", Uri=URI)
    assert put(client)["Tags"] == {}


# --- Object type and domain deletion -----------------------------------------------------


def test_delete_domain_removes_its_integrations(client, domain):
    put(client, Tags={"team": "a"})
    client.delete_domain(DomainName="d")
    assert client.list_account_integrations(Uri=URI)["Items"] == []
    make_domain(client, "other")
    assert put(client, DomainName="other")["Tags"] == {}
    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(resourceArn=integration_arn(URI))
    assert_error(
        exc,
        "ResourceNotFoundException",
        f"Resource {integration_arn(URI)} does not exist.",
    )


# --- ListIntegrations -------------------------------------------------------------------


def test_list_integrations_items(client, domain):
    response = put(client, Tags={"team": "a"})
    items = client.list_integrations(DomainName="d")["Items"]
    assert items == [integration_members(response)]


def test_list_integrations_of_an_empty_domain(client, domain):
    response = client.list_integrations(DomainName="d")
    assert response["Items"] == []
    assert "NextToken" not in response


def test_list_integrations_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.list_integrations(DomainName="nope")
    assert_error(exc, "ResourceNotFoundException", "Domain nope does not exist.")


def test_list_integrations_lists_only_the_domain(client, domain):
    make_domain(client, "other")
    put(client, Uri="mine")
    put(client, DomainName="other", Uri="theirs")
    uris = [i["Uri"] for i in client.list_integrations(DomainName="d")["Items"]]
    assert uris == ["mine"]


def test_list_integrations_walks_pages_in_uri_order(client, domain):
    for uri in ["uri-e", "uri-b", "uri-d", "uri-a", "uri-c"]:
        put(client, Uri=uri)
    pages = []
    kwargs = {"DomainName": "d", "MaxResults": 2}
    while True:
        response = client.list_integrations(**kwargs)
        pages.append([i["Uri"] for i in response["Items"]])
        if "NextToken" not in response:
            break
        kwargs["NextToken"] = response["NextToken"]
    assert pages == [["uri-a", "uri-b"], ["uri-c", "uri-d"], ["uri-e"]]


@pytest.mark.parametrize("include_hidden", [True, False])
def test_list_integrations_accepts_include_hidden(client, domain, include_hidden):
    put(client)
    response = client.list_integrations(DomainName="d", IncludeHidden=include_hidden)
    assert [i["Uri"] for i in response["Items"]] == [URI]


def test_list_integrations_with_an_invalid_token(client, domain):
    with pytest.raises(ClientError) as exc:
        client.list_integrations(DomainName="d", NextToken="not-a-token")
    assert_bad_request(exc, "The pagination token is invalid.")


# --- ListAccountIntegrations -------------------------------------------------------------


def test_list_account_integrations_finds_the_domain(client, domain):
    make_domain(client, "other")
    response = put(client, DomainName="other", Tags={"team": "a"})
    items = client.list_account_integrations(Uri=URI)["Items"]
    assert items == [integration_members(response)]
    assert items[0]["DomainName"] == "other"


def test_list_account_integrations_for_an_unknown_uri(client, domain):
    response = client.list_account_integrations(Uri="unknown")
    assert response["Items"] == []
    assert "NextToken" not in response


def test_list_account_integrations_accepts_include_hidden(client, domain):
    put(client)
    items = client.list_account_integrations(Uri=URI, IncludeHidden=True)["Items"]
    assert [i["Uri"] for i in items] == [URI]


def test_list_account_integrations_with_an_invalid_token(client, domain):
    with pytest.raises(ClientError) as exc:
        client.list_account_integrations(Uri=URI, NextToken="not-a-token")
    assert_bad_request(exc, "The pagination token is invalid.")


# --- Tagging by ARN ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "uri",
    [
        "arn:aws:connect:eu-west-2:123456789012:instance/abc/def",
        "arn:aws:app-integrations:eu-west-2:123456789012:event-integration/EI",
        "s3://bucket/prefix with space+plus",
        "a%2Fb",
        "q?x=1#frag%41",
    ],
)
def test_integration_arn_takes_tags(client, domain, uri):
    put(client, Uri=uri, Tags={"team": "a"})
    arn = integration_arn(uri)
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"team": "a"}
    client.tag_resource(resourceArn=arn, tags={"env": "dev"})
    client.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "dev"}
    assert client.get_integration(DomainName="d", Uri=uri)["Tags"] == {"env": "dev"}


def test_flow_integration_arn_takes_tags(client, domain):
    put(client, FlowDefinition=flow_definition())
    arn = integration_arn(flow_uri())
    client.tag_resource(resourceArn=arn, tags={"env": "dev"})
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "dev"}


def test_tagging_a_missing_integration(client, domain):
    arn = integration_arn("nope")
    with pytest.raises(ClientError) as exc:
        client.tag_resource(resourceArn=arn, tags={"a": "b"})
    assert_error(exc, "ResourceNotFoundException", f"Resource {arn} does not exist.")
