"""Issue 19: PutDomainObjectType, GetDomainObjectType, DeleteDomainObjectType and
ListDomainObjectTypes."""

from datetime import datetime, timezone

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from .helpers import ACCOUNT_ID, REGION, client_error

T0 = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)
T1 = datetime(2026, 3, 2, 11, 30, tzinfo=timezone.utc)
FIELDS = {
    "itemId": {
        "Source": "_source.id",
        "Target": "_catalogItem.Id",
        "ContentType": "STRING",
        "FeatureType": "CATEGORICAL",
    },
    "price": {"Source": "_source.price", "Target": "_catalogItem.Price"},
}


def arn(name, domain="d"):
    return (
        f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/{domain}"
        f"/domain-object-types/{name}"
    )


@pytest.fixture
def domain(client):
    client.create_domain(
        DomainName="d", DefaultExpirationDays=30, DataStore={"Enabled": True}
    )
    return "d"


def put(client, name="catalog", **kwargs):
    kwargs.setdefault("DomainName", "d")
    kwargs.setdefault("Fields", FIELDS)
    return client.put_domain_object_type(ObjectTypeName=name, **kwargs)


def without_metadata(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


EVERY_MEMBER = {
    "ObjectTypeName": "catalog",
    "Description": "The catalogue",
    "EncryptionKey": "arn:aws:kms:eu-west-2:123456789012:key/k1",
    "Fields": FIELDS,
    "CreatedAt": T0,
    "LastUpdatedAt": T0,
    "Tags": {"team": "cx"},
}


def test_put_returns_every_member(client, domain):
    with freeze_time(T0):
        response = put(
            client,
            Description="The catalogue",
            EncryptionKey="arn:aws:kms:eu-west-2:123456789012:key/k1",
            Tags={"team": "cx"},
        )
    assert without_metadata(response) == EVERY_MEMBER


def test_get_returns_every_member(client, domain):
    with freeze_time(T0):
        put(
            client,
            Description="The catalogue",
            EncryptionKey="arn:aws:kms:eu-west-2:123456789012:key/k1",
            Tags={"team": "cx"},
        )
    got = client.get_domain_object_type(DomainName="d", ObjectTypeName="catalog")
    assert without_metadata(got) == EVERY_MEMBER


def test_members_not_given_are_left_out(client, domain):
    got = without_metadata(put(client))
    assert set(got) == {
        "ObjectTypeName",
        "Fields",
        "CreatedAt",
        "LastUpdatedAt",
        "Tags",
    }
    assert got["Tags"] == {}


@pytest.mark.parametrize("data_store", [None, {"Enabled": False}])
def test_creating_one_needs_the_data_store(client, data_store):
    extra = {"DataStore": data_store} if data_store else {}
    client.create_domain(DomainName="plain", DefaultExpirationDays=30, **extra)
    with pytest.raises(ClientError) as exc:
        put(client, DomainName="plain")
    assert client_error(exc) == (
        "BadRequestException",
        "Data store must be enabled on domain plain to create a domain object type",
        400,
    )
    assert client.list_domain_object_types(DomainName="plain")["Items"] == []


def test_a_put_replaces_and_keeps_created_at(client, domain):
    with freeze_time(T0):
        put(client, Description="first", Tags={"a": "1"})
    with freeze_time(T1):
        response = put(client, Fields={"x": {"Source": "_source.x", "Target": "y"}})
    assert response["CreatedAt"] == T0
    assert response["LastUpdatedAt"] == T1
    assert response["Fields"] == {"x": {"Source": "_source.x", "Target": "y"}}
    assert "Description" not in response
    assert response["Tags"] == {"a": "1"}


def test_updating_does_not_need_the_data_store(client, domain):
    put(client)
    client.update_domain(DomainName="d", DataStore={"Enabled": False})
    response = put(client, Description="still here")
    assert response["Description"] == "still here"


def test_put_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        put(client, DomainName="nowhere")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nowhere does not exist.",
        404,
    )


def test_get_a_missing_one(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_domain_object_type(DomainName="d", ObjectTypeName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain object type nope does not exist in domain d.",
        404,
    )


def test_delete(client, domain):
    put(client)
    response = client.delete_domain_object_type(
        DomainName="d", ObjectTypeName="catalog"
    )
    assert without_metadata(response) == {}
    with pytest.raises(ClientError) as exc:
        client.get_domain_object_type(DomainName="d", ObjectTypeName="catalog")
    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_delete_a_missing_one(client, domain):
    with pytest.raises(ClientError) as exc:
        client.delete_domain_object_type(DomainName="d", ObjectTypeName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain object type nope does not exist in domain d.",
        404,
    )


def test_list_items_carry_the_models_members(client, domain):
    with freeze_time(T0):
        put(client, Description="The catalogue", Tags={"team": "cx"})
    assert client.list_domain_object_types(DomainName="d")["Items"] == [
        {
            "ObjectTypeName": "catalog",
            "Description": "The catalogue",
            "CreatedAt": T0,
            "LastUpdatedAt": T0,
            "Tags": {"team": "cx"},
        }
    ]


def test_list_pages_by_name(client, domain):
    for name in ("c", "a", "b"):
        put(client, name)
    first = client.list_domain_object_types(DomainName="d", MaxResults=2)
    assert [i["ObjectTypeName"] for i in first["Items"]] == ["a", "b"]
    second = client.list_domain_object_types(
        DomainName="d", MaxResults=2, NextToken=first["NextToken"]
    )
    assert [i["ObjectTypeName"] for i in second["Items"]] == ["c"]
    assert "NextToken" not in second


def test_list_of_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.list_domain_object_types(DomainName="nowhere")
    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_tags_by_arn(client, domain):
    put(client, Tags={"a": "1"})
    client.tag_resource(resourceArn=arn("catalog"), tags={"b": "2"})
    client.untag_resource(resourceArn=arn("catalog"), tagKeys=["a"])
    assert client.list_tags_for_resource(resourceArn=arn("catalog"))["tags"] == {
        "b": "2"
    }
    got = client.get_domain_object_type(DomainName="d", ObjectTypeName="catalog")
    assert got["Tags"] == {"b": "2"}


def test_a_deleted_one_leaves_no_tags(client, domain):
    put(client, Tags={"a": "1"})
    client.delete_domain_object_type(DomainName="d", ObjectTypeName="catalog")
    put(client)
    assert client.list_tags_for_resource(resourceArn=arn("catalog"))["tags"] == {}


def test_deleting_the_domain_deletes_them(client, domain):
    put(client, Tags={"a": "1"})
    client.delete_domain(DomainName="d")
    client.create_domain(
        DomainName="d", DefaultExpirationDays=30, DataStore={"Enabled": True}
    )
    assert client.list_domain_object_types(DomainName="d")["Items"] == []
    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(resourceArn=arn("catalog"))
    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_a_profile_object_type_of_the_same_name_is_another_resource(client, domain):
    put(client)
    with pytest.raises(ClientError) as exc:
        client.get_profile_object_type(DomainName="d", ObjectTypeName="catalog")
    assert client_error(exc)[0] == "ResourceNotFoundException"
