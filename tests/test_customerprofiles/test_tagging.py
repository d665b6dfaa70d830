from urllib.parse import quote

import pytest
from botocore.exceptions import ClientError

from .helpers import ACCOUNT_ID, REGION, client_error, raw_error, raw_request

DOMAIN_ARN = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/d"
OBJECT_TYPE_ARN = f"{DOMAIN_ARN}/object-types/t"
FIELDS = {"email": {"Source": "_source.email", "Target": "_profile.EmailAddress"}}
KEYS = {"email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}]}


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30, Tags={"a": "1"})
    return DOMAIN_ARN


@pytest.fixture
def object_type(client, domain):
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="t",
        Description="desc",
        Fields=FIELDS,
        Keys=KEYS,
        Tags={"o": "1"},
    )
    return OBJECT_TYPE_ARN


def tags_of(client, arn):
    return client.list_tags_for_resource(resourceArn=arn)["tags"]


# --- ListTagsForResource agrees with the resources' Tags ------------------------------


def test_list_tags_returns_the_domains_tags_from_create(client, domain):
    assert tags_of(client, domain) == {"a": "1"}


def test_list_tags_returns_the_object_types_tags_from_put(client, object_type):
    assert tags_of(client, object_type) == {"o": "1"}


def test_list_tags_of_an_untagged_domain_is_empty(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    assert tags_of(client, DOMAIN_ARN) == {}


# --- TagResource -----------------------------------------------------------------------


def test_tag_domain_adds_and_overwrites_tags(client, domain):
    response = client.tag_resource(resourceArn=domain, tags={"a": "2", "b": "3"})
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert tags_of(client, domain) == {"a": "2", "b": "3"}


def test_tag_domain_shows_in_get_domain_and_list_domains(client, domain):
    client.tag_resource(resourceArn=domain, tags={"b": "2"})
    assert client.get_domain(DomainName="d")["Tags"] == {"a": "1", "b": "2"}
    assert client.list_domains()["Items"][0]["Tags"] == {"a": "1", "b": "2"}


def test_tag_object_type_shows_in_get_and_list_object_types(client, object_type):
    client.tag_resource(resourceArn=object_type, tags={"p": "2"})
    stored = client.get_profile_object_type(DomainName="d", ObjectTypeName="t")
    assert stored["Tags"] == {"o": "1", "p": "2"}
    items = client.list_profile_object_types(DomainName="d")["Items"]
    assert items[0]["Tags"] == {"o": "1", "p": "2"}


def test_tag_object_type_leaves_the_domains_tags(client, object_type):
    client.tag_resource(resourceArn=object_type, tags={"p": "2"})
    assert tags_of(client, DOMAIN_ARN) == {"a": "1"}


def test_tag_resource_up_to_50_tags_is_accepted(client, domain):
    client.tag_resource(resourceArn=domain, tags={f"k{i}": "v" for i in range(49)})
    assert len(tags_of(client, domain)) == 50


def test_tag_resource_beyond_50_tags_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        client.tag_resource(resourceArn=domain, tags={f"k{i}": "v" for i in range(50)})
    assert client_error(exc) == (
        "BadRequestException",
        "Exceeded the quota of tags per resource (50)",
        400,
    )
    assert tags_of(client, domain) == {"a": "1"}


# --- UntagResource ---------------------------------------------------------------------


def test_untag_domain_removes_the_keys_given(client, domain):
    client.tag_resource(resourceArn=domain, tags={"b": "2", "c": "3"})
    response = client.untag_resource(resourceArn=domain, tagKeys=["a", "c"])
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert tags_of(client, domain) == {"b": "2"}
    assert client.get_domain(DomainName="d")["Tags"] == {"b": "2"}


def test_untag_object_type_removes_the_keys_given(client, object_type):
    client.untag_resource(resourceArn=object_type, tagKeys=["o"])
    assert tags_of(client, object_type) == {}


def test_untag_unknown_keys_is_accepted(client, domain):
    client.untag_resource(resourceArn=domain, tagKeys=["nope"])
    assert tags_of(client, domain) == {"a": "1"}


# --- resources that do not exist, ARNs that are not ARNs -------------------------------

NOT_FOUND_ARNS = [
    pytest.param(f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/nope", id="domain"),
    pytest.param(f"{DOMAIN_ARN}/object-types/nope", id="object-type"),
    pytest.param(f"{DOMAIN_ARN}/unknown-kind/t", id="unknown-kind"),
    pytest.param(f"arn:aws:profile:us-east-1:{ACCOUNT_ID}:domains/d", id="region"),
    pytest.param(f"arn:aws:profile:{REGION}:111122223333:domains/d", id="account"),
]


@pytest.mark.parametrize("arn", NOT_FOUND_ARNS)
def test_list_tags_for_a_missing_resource_is_not_found(client, object_type, arn):
    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(resourceArn=arn)
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Resource {arn} does not exist.",
        404,
    )


@pytest.mark.parametrize("arn", NOT_FOUND_ARNS)
def test_tag_a_missing_resource_is_not_found(client, object_type, arn):
    with pytest.raises(ClientError) as exc:
        client.tag_resource(resourceArn=arn, tags={"x": "y"})
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Resource {arn} does not exist.",
        404,
    )


def test_untag_a_missing_resource_is_not_found(client, domain):
    arn = f"{DOMAIN_ARN}/object-types/nope"
    with pytest.raises(ClientError) as exc:
        client.untag_resource(resourceArn=arn, tagKeys=["x"])
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Resource {arn} does not exist.",
        404,
    )


def test_tags_of_a_deleted_object_type_are_not_found(client, object_type):
    client.delete_profile_object_type(DomainName="d", ObjectTypeName="t")
    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(resourceArn=object_type)
    assert client_error(exc)[0] == "ResourceNotFoundException"


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:profile",
        "arn:aws:profile:eu-west-2:123456789012",
        f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domain/d",
        f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/",
    ],
)
def test_tag_a_malformed_arn_is_refused(client, domain, arn):
    with pytest.raises(ClientError) as exc:
        client.tag_resource(resourceArn=arn, tags={"x": "y"})
    assert client_error(exc) == (
        "BadRequestException",
        f"Invalid resourceArn {arn}",
        400,
    )


def test_list_tags_for_something_that_is_not_a_profile_arn_is_refused(client):
    arn = "arn:aws:s3:::bucket"
    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(resourceArn=arn)
    assert client_error(exc) == (
        "BadRequestException",
        f"1 validation error detected: Value '{arn}' at 'resourceArn' failed to "
        "satisfy constraint: Member must satisfy regular expression pattern: "
        "^arn:[a-z0-9]{1,10}:profile",
        400,
    )


# --- raw requests ----------------------------------------------------------------------


def test_tag_resource_with_an_empty_tag_map_is_refused(client, domain, endpoint):
    response = raw_request(
        endpoint, "POST", f"/tags/{quote(domain, safe='')}", {"tags": {}}
    )
    assert raw_error(response) == (
        "BadRequestException",
        "1 validation error detected: Value '{}' at 'tags' failed to satisfy "
        "constraint: Member must have size greater than or equal to 1",
        400,
    )


def test_list_tags_with_an_unencoded_arn_in_the_path_is_served(
    client, domain, endpoint
):
    response = raw_request(endpoint, "GET", f"/tags/{domain}")
    assert response.status_code == 200
    assert response.json() == {"tags": {"a": "1"}}


def test_untag_resource_without_tag_keys_is_refused(client, domain, endpoint):
    response = raw_request(endpoint, "DELETE", f"/tags/{quote(domain, safe='')}")
    assert raw_error(response) == (
        "BadRequestException",
        "1 validation error detected: Value null at 'tagKeys' failed to satisfy "
        "constraint: Member must not be null",
        400,
    )
    assert tags_of(client, domain) == {"a": "1"}


# --- every way of tagging keeps the 50-tag quota ------------------------------------------

QUOTA_MESSAGE = "Exceeded the quota of tags per resource (50)"


def test_update_domain_tags_over_the_quota_are_refused(client, domain):
    client.tag_resource(resourceArn=domain, tags={f"k{i}": "v" for i in range(49)})
    with pytest.raises(ClientError) as exc:
        client.update_domain(
            DomainName="d",
            DefaultExpirationDays=7,
            Tags={f"n{i}": "v" for i in range(50)},
        )
    assert client_error(exc) == ("BadRequestException", QUOTA_MESSAGE, 400)
    assert len(tags_of(client, domain)) == 50
    assert client.get_domain(DomainName="d")["DefaultExpirationDays"] == 30


def test_update_domain_tags_up_to_the_quota_are_added(client, domain):
    client.update_domain(DomainName="d", Tags={f"n{i}": "v" for i in range(49)})
    assert len(tags_of(client, domain)) == 50


def test_put_integration_again_with_tags_over_the_quota_is_refused(client, domain):
    uri = f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:q"
    client.put_integration(
        DomainName="d", Uri=uri, Tags={f"k{i}": "v" for i in range(50)}
    )
    with pytest.raises(ClientError) as exc:
        client.put_integration(
            DomainName="d", Uri=uri, ObjectTypeName="t", Tags={"more": "v"}
        )
    assert client_error(exc) == ("BadRequestException", QUOTA_MESSAGE, 400)
    integration = client.get_integration(DomainName="d", Uri=uri)
    assert "ObjectTypeName" not in integration
    assert len(integration["Tags"]) == 50
