import time
from datetime import datetime

import pytest
from botocore.exceptions import ClientError

from .helpers import client_error

FIELDS = {
    "email": {
        "Source": "_source.email",
        "Target": "_profile.EmailAddress",
        "ContentType": "EMAIL_ADDRESS",
    },
    "id": {"Source": "_source.id", "Target": "_profile.AccountNumber"},
}
KEYS = {
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    "id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}],
}


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


def put(client, name="t", **kwargs):
    definition = {"Description": "desc", "Fields": FIELDS, "Keys": KEYS}
    definition.update(kwargs)
    return client.put_profile_object_type(
        DomainName="d", ObjectTypeName=name, **definition
    )


def assert_bad_request(exc, message):
    assert client_error(exc) == ("BadRequestException", message, 400)


# --- PutProfileObjectType: create and replace ------------------------------------------


def test_put_object_type_returns_the_definition(client, domain):
    response = put(
        client,
        EncryptionKey="key-arn",
        AllowProfileCreation=True,
        SourceLastUpdatedTimestampFormat="yyyy-MM-dd",
        MaxProfileObjectCount=5,
        SourcePriority=2,
        ExpirationDays=7,
        Tags={"team": "a"},
    )
    assert response["ObjectTypeName"] == "t"
    assert response["Description"] == "desc"
    assert response["Fields"] == FIELDS
    assert response["Keys"] == KEYS
    assert response["EncryptionKey"] == "key-arn"
    assert response["AllowProfileCreation"] is True
    assert response["SourceLastUpdatedTimestampFormat"] == "yyyy-MM-dd"
    assert response["MaxProfileObjectCount"] == 5
    assert response["MaxAvailableProfileObjectCount"] == 5
    assert response["SourcePriority"] == 2
    assert response["ExpirationDays"] == 7
    assert response["Tags"] == {"team": "a"}
    assert isinstance(response["CreatedAt"], datetime)
    assert response["LastUpdatedAt"] == response["CreatedAt"]


def test_put_object_type_defaults_expiration_days_to_the_domains(client, domain):
    response = put(client)
    assert response["ExpirationDays"] == 30
    assert response["AllowProfileCreation"] is False


def test_put_object_type_leaves_out_members_not_given(client, domain):
    response = put(client)
    for member in (
        "TemplateId",
        "EncryptionKey",
        "SourceLastUpdatedTimestampFormat",
        "MaxProfileObjectCount",
        "SourcePriority",
    ):
        assert member not in response


def test_get_object_type_returns_what_put_stored(client, domain):
    created = put(client, Tags={"team": "a"})
    response = client.get_profile_object_type(DomainName="d", ObjectTypeName="t")
    for member in (
        "ObjectTypeName",
        "Description",
        "ExpirationDays",
        "AllowProfileCreation",
        "Fields",
        "Keys",
        "CreatedAt",
        "LastUpdatedAt",
        "Tags",
    ):
        assert response[member] == created[member]


def test_put_object_type_again_replaces_it_and_keeps_created_at(client, domain):
    created = put(client, SourcePriority=3)
    time.sleep(0.01)
    keys = {"email": KEYS["email"]}
    response = put(client, Description="new", Keys=keys)
    assert response["Description"] == "new"
    assert response["Keys"] == keys
    assert "SourcePriority" not in response
    assert response["CreatedAt"] == created["CreatedAt"]
    assert response["LastUpdatedAt"] > created["LastUpdatedAt"]
    stored = client.get_profile_object_type(DomainName="d", ObjectTypeName="t")
    assert stored["Description"] == "new"
    assert stored["CreatedAt"] == created["CreatedAt"]


def test_put_object_type_again_keeps_existing_tags(client, domain):
    put(client, Tags={"a": "1"})
    response = put(client, Tags={"b": "2"})
    assert response["Tags"] == {"a": "1", "b": "2"}


def test_put_object_type_with_a_template_id_stores_it(client, domain):
    response = client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="t",
        Description="desc",
        TemplateId="Salesforce-Account",
    )
    assert response["TemplateId"] == "Salesforce-Account"


def test_put_object_type_in_an_unknown_domain_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.put_profile_object_type(
            DomainName="nope",
            ObjectTypeName="t",
            Description="d",
            Fields=FIELDS,
            Keys=KEYS,
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


# --- PutProfileObjectType: business rules ----------------------------------------------


def test_put_object_type_name_starting_with_underscore_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        put(client, name="_profile")
    assert_bad_request(
        exc,
        "Invalid ObjectTypeName _profile: object type names cannot start with '_', "
        "which is reserved for standard object types",
    )


@pytest.mark.parametrize(
    "extra, clashing",
    [
        ({"Fields": FIELDS}, "Fields"),
        ({"Keys": KEYS}, "Keys"),
        ({"Fields": FIELDS, "Keys": KEYS}, "Fields, Keys"),
        ({"AllowProfileCreation": False}, "AllowProfileCreation"),
        ({"SourceLastUpdatedTimestampFormat": "x"}, "SourceLastUpdatedTimestampFormat"),
    ],
)
def test_put_object_type_with_template_id_and_its_own_definition_is_refused(
    client, domain, extra, clashing
):
    with pytest.raises(ClientError) as exc:
        client.put_profile_object_type(
            DomainName="d",
            ObjectTypeName="t",
            Description="desc",
            TemplateId="Salesforce-Account",
            **extra,
        )
    assert_bad_request(exc, f"{clashing} cannot be specified together with TemplateId")


@pytest.mark.parametrize("keys", [None, {}])
def test_put_object_type_without_keys_is_refused(client, domain, keys):
    definition = {"Fields": FIELDS} if keys is None else {"Fields": FIELDS, "Keys": {}}
    with pytest.raises(ClientError) as exc:
        client.put_profile_object_type(
            DomainName="d", ObjectTypeName="t", Description="desc", **definition
        )
    assert_bad_request(exc, "Object type t must define at least one key in Keys")


def test_put_object_type_key_naming_an_undefined_field_is_refused(client, domain):
    keys = {"k": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["missing"]}]}
    with pytest.raises(ClientError) as exc:
        put(client, Keys=keys)
    assert_bad_request(
        exc,
        "Keys[k] names field ***, which is not defined in Fields",  # sensitive
    )


def test_put_object_type_key_without_fields_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        client.put_profile_object_type(
            DomainName="d", ObjectTypeName="t", Description="desc", Keys=KEYS
        )
    assert_bad_request(
        exc, "Keys[email] names field email, which is not defined in Fields"
    )


def test_put_object_type_with_two_unique_keys_is_refused(client, domain):
    keys = {
        "email": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["email"]}],
        "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
    }
    with pytest.raises(ClientError) as exc:
        put(client, Keys=keys)
    assert_bad_request(exc, "Only one key can be UNIQUE, found: email, id")


def test_put_object_type_with_ten_keys_is_accepted(client, domain):
    fields = {f"f{i}": {"Source": f"_source.f{i}", "Target": "t"} for i in range(10)}
    keys = {f"k{i}": [{"FieldNames": [f"f{i}"]}] for i in range(10)}
    response = put(client, Fields=fields, Keys=keys)
    assert len(response["Keys"]) == 10


def test_put_object_type_with_eleven_keys_is_refused(client, domain):
    fields = {f"f{i}": {"Source": f"_source.f{i}", "Target": "t"} for i in range(11)}
    keys = {f"k{i}": [{"FieldNames": [f"f{i}"]}] for i in range(11)}
    with pytest.raises(ClientError) as exc:
        put(client, Fields=fields, Keys=keys)
    assert_bad_request(exc, "Exceeded the quota of keys per object type (10)")


def test_put_object_type_beyond_100_per_domain_is_refused(client, domain):
    for index in range(100):
        put(client, name=f"t{index}")
    with pytest.raises(ClientError) as exc:
        put(client, name="one-too-many")
    assert_bad_request(exc, "Exceeded the quota of object types per domain (100)")


def test_put_object_type_replacing_one_at_the_quota_is_accepted(client, domain):
    for index in range(100):
        put(client, name=f"t{index}")
    response = put(client, name="t0", Description="replaced")
    assert response["Description"] == "replaced"


def test_put_object_type_refused_leaves_the_existing_one(client, domain):
    put(client)
    with pytest.raises(ClientError):
        put(client, Description="new", Keys={})
    stored = client.get_profile_object_type(DomainName="d", ObjectTypeName="t")
    assert stored["Description"] == "desc"
    assert stored["Keys"] == KEYS


# --- Get / Delete ----------------------------------------------------------------------


def test_get_object_type_unknown_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_profile_object_type(DomainName="d", ObjectTypeName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Object type nope does not exist in domain d.",
        404,
    )


def test_get_object_type_in_an_unknown_domain_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_profile_object_type(DomainName="nope", ObjectTypeName="t")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


def test_delete_object_type_returns_a_message_and_removes_it(client, domain):
    put(client)
    response = client.delete_profile_object_type(DomainName="d", ObjectTypeName="t")
    assert response["Message"] == "Object type t was deleted."
    assert client.list_profile_object_types(DomainName="d")["Items"] == []


def test_delete_object_type_unknown_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.delete_profile_object_type(DomainName="d", ObjectTypeName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Object type nope does not exist in domain d.",
        404,
    )


def test_delete_object_type_forgets_its_tags(client, domain):
    put(client, Tags={"a": "1"})
    client.delete_profile_object_type(DomainName="d", ObjectTypeName="t")
    response = put(client)
    assert response["Tags"] == {}


def test_object_types_are_kept_per_domain(client, domain):
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    put(client)
    assert client.list_profile_object_types(DomainName="other")["Items"] == []


# --- ListProfileObjectTypes ------------------------------------------------------------


def test_list_object_types_returns_summaries_in_name_order(client, domain):
    for name in ("b", "c", "a"):
        put(client, name=name, MaxProfileObjectCount=4, Tags={"n": name})
    items = client.list_profile_object_types(DomainName="d")["Items"]
    assert [item["ObjectTypeName"] for item in items] == ["a", "b", "c"]
    assert set(items[0]) == {
        "ObjectTypeName",
        "Description",
        "CreatedAt",
        "LastUpdatedAt",
        "MaxProfileObjectCount",
        "MaxAvailableProfileObjectCount",
        "Tags",
    }
    assert items[0]["Tags"] == {"n": "a"}


def test_list_object_types_walks_pages_with_max_results_and_next_token(client, domain):
    for index in (4, 1, 5, 3, 2):
        put(client, name=f"t{index}")
    pages, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        response = client.list_profile_object_types(
            DomainName="d", MaxResults=2, **kwargs
        )
        pages.append([item["ObjectTypeName"] for item in response["Items"]])
        token = response.get("NextToken")
        if token is None:
            break
    assert pages == [["t1", "t2"], ["t3", "t4"], ["t5"]]


def test_list_object_types_with_an_invalid_token_is_refused(client, domain):
    put(client)
    with pytest.raises(ClientError) as exc:
        client.list_profile_object_types(DomainName="d", NextToken="garbage")
    assert_bad_request(exc, "The pagination token is invalid.")


def test_list_object_types_with_another_domains_token_is_refused(client, domain):
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    for name in ("a", "b"):
        put(client, name=name)
        client.put_profile_object_type(
            DomainName="other",
            ObjectTypeName=name,
            Description="desc",
            Fields=FIELDS,
            Keys=KEYS,
        )
    token = client.list_profile_object_types(DomainName="d", MaxResults=1)["NextToken"]
    with pytest.raises(ClientError) as exc:
        client.list_profile_object_types(
            DomainName="other", MaxResults=1, NextToken=token
        )
    assert_bad_request(exc, "The pagination token is invalid.")


def test_list_object_types_in_an_unknown_domain_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.list_profile_object_types(DomainName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )
