import time
from datetime import datetime

import pytest
from botocore.exceptions import ClientError

from .helpers import ACCOUNT_ID, REGION, client_error

DOMAIN_ARN = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/d"
MATCHING = {
    "Enabled": True,
    "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "10:00"},
    "AutoMerging": {
        "Enabled": True,
        "Consolidation": {"MatchingAttributesList": [["EmailAddress"]]},
        "ConflictResolution": {"ConflictResolvingModel": "RECENCY"},
        "MinAllowedConfidenceScoreForMerging": 0.5,
    },
}
RULE_BASED_MATCHING = {
    "Enabled": True,
    "MatchingRules": [{"Rule": ["EmailAddress"]}],
    "MaxAllowedRuleLevelForMerging": 1,
    "MaxAllowedRuleLevelForMatching": 2,
    "ConflictResolution": {"ConflictResolvingModel": "RECENCY"},
}
KEYS = {"email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}]}
FIELDS = {"email": {"Source": "_source.email", "Target": "_profile.EmailAddress"}}


# --- CreateDomain ----------------------------------------------------------------------


def test_create_domain_returns_the_domain(client):
    response = client.create_domain(DomainName="d", DefaultExpirationDays=30)
    assert response["DomainName"] == "d"
    assert response["DefaultExpirationDays"] == 30
    assert isinstance(response["CreatedAt"], datetime)
    assert response["LastUpdatedAt"] == response["CreatedAt"]
    assert response["Tags"] == {}


def test_create_domain_twice_is_refused(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    with pytest.raises(ClientError) as exc:
        client.create_domain(DomainName="d", DefaultExpirationDays=30)
    err = exc.value.response["Error"]
    assert err["Code"] == "BadRequestException"
    assert err["Message"] == "Domain d already exists"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_create_domain_returns_every_member_given(client):
    response = client.create_domain(
        DomainName="d",
        DefaultExpirationDays=30,
        DefaultEncryptionKey="key-arn",
        DeadLetterQueueUrl="https://sqs.eu-west-2.amazonaws.com/123/q",
        Matching=MATCHING,
        DataStore={"Enabled": True},
        Tags={"team": "a"},
    )
    assert response["DefaultEncryptionKey"] == "key-arn"
    assert response["DeadLetterQueueUrl"] == "https://sqs.eu-west-2.amazonaws.com/123/q"
    assert response["Matching"] == MATCHING
    assert response["DataStore"] == {"Enabled": True}
    assert response["Tags"] == {"team": "a"}


def test_create_domain_leaves_out_members_not_given(client):
    response = client.create_domain(DomainName="d", DefaultExpirationDays=30)
    for member in (
        "DefaultEncryptionKey",
        "DeadLetterQueueUrl",
        "Matching",
        "RuleBasedMatching",
        "DataStore",
    ):
        assert member not in response


def test_get_domain_leaves_out_members_not_given(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    response = client.get_domain(DomainName="d")
    for member in ("Matching", "RuleBasedMatching", "DataStore"):
        assert member not in response


def test_create_domain_sets_rule_based_matching_status_active(client):
    response = client.create_domain(
        DomainName="d", DefaultExpirationDays=30, RuleBasedMatching=RULE_BASED_MATCHING
    )
    assert response["RuleBasedMatching"] == {**RULE_BASED_MATCHING, "Status": "ACTIVE"}


def test_create_domain_with_an_empty_encryption_key_stores_none(client):
    response = client.create_domain(
        DomainName="d", DefaultExpirationDays=30, DefaultEncryptionKey=""
    )
    assert "DefaultEncryptionKey" not in response


# --- GetDomain -------------------------------------------------------------------------


def test_get_domain_returns_zero_stats(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    response = client.get_domain(DomainName="d")
    assert response["Stats"] == {
        "ProfileCount": 0,
        "MeteringProfileCount": 0,
        "ObjectCount": 0,
        "TotalSize": 0,
    }


def test_get_domain_returns_what_create_domain_stored(client):
    created = client.create_domain(
        DomainName="d",
        DefaultExpirationDays=30,
        Matching=MATCHING,
        RuleBasedMatching=RULE_BASED_MATCHING,
        Tags={"team": "a"},
    )
    response = client.get_domain(DomainName="d")
    for member in (
        "DomainName",
        "DefaultExpirationDays",
        "Matching",
        "RuleBasedMatching",
        "CreatedAt",
        "LastUpdatedAt",
        "Tags",
    ):
        assert response[member] == created[member]


def test_get_domain_unknown_is_not_found(client):
    with pytest.raises(ClientError) as exc:
        client.get_domain(DomainName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


# --- UpdateDomain ----------------------------------------------------------------------


def test_update_domain_changes_only_the_members_given(client):
    client.create_domain(
        DomainName="d",
        DefaultExpirationDays=30,
        DefaultEncryptionKey="key-arn",
        DeadLetterQueueUrl="https://sqs/q",
        Matching=MATCHING,
    )
    response = client.update_domain(DomainName="d", DefaultExpirationDays=60)
    assert response["DefaultExpirationDays"] == 60
    assert response["DefaultEncryptionKey"] == "key-arn"
    assert response["DeadLetterQueueUrl"] == "https://sqs/q"
    assert response["Matching"] == MATCHING
    assert client.get_domain(DomainName="d")["DefaultExpirationDays"] == 60


@pytest.mark.parametrize("member", ["DefaultEncryptionKey", "DeadLetterQueueUrl"])
def test_update_domain_with_an_empty_string_clears_the_member(client, member):
    client.create_domain(
        DomainName="d",
        DefaultExpirationDays=30,
        DefaultEncryptionKey="key-arn",
        DeadLetterQueueUrl="https://sqs/q",
    )
    response = client.update_domain(DomainName="d", **{member: ""})
    assert member not in response
    assert member not in client.get_domain(DomainName="d")


def test_update_domain_sets_rule_based_matching_status_pending(client):
    client.create_domain(
        DomainName="d", DefaultExpirationDays=30, RuleBasedMatching=RULE_BASED_MATCHING
    )
    changed = {**RULE_BASED_MATCHING, "MaxAllowedRuleLevelForMatching": 3}
    response = client.update_domain(DomainName="d", RuleBasedMatching=changed)
    assert response["RuleBasedMatching"] == {**changed, "Status": "PENDING"}
    stored = client.get_domain(DomainName="d")["RuleBasedMatching"]
    assert stored["Status"] == "PENDING"


def test_update_domain_keeps_rule_based_matching_status_when_not_given(client):
    client.create_domain(
        DomainName="d", DefaultExpirationDays=30, RuleBasedMatching=RULE_BASED_MATCHING
    )
    response = client.update_domain(DomainName="d", DefaultExpirationDays=5)
    assert response["RuleBasedMatching"]["Status"] == "ACTIVE"


def test_update_domain_replaces_matching_and_data_store(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30, Matching=MATCHING)
    response = client.update_domain(
        DomainName="d", Matching={"Enabled": False}, DataStore={"Enabled": True}
    )
    assert response["Matching"] == {"Enabled": False}
    assert response["DataStore"] == {"Enabled": True}


def test_update_domain_moves_last_updated_at_and_keeps_created_at(client):
    created = client.create_domain(DomainName="d", DefaultExpirationDays=30)
    time.sleep(0.01)
    response = client.update_domain(DomainName="d", DefaultExpirationDays=60)
    assert response["CreatedAt"] == created["CreatedAt"]
    assert response["LastUpdatedAt"] > created["LastUpdatedAt"]
    assert (
        client.get_domain(DomainName="d")["LastUpdatedAt"]
        == (response["LastUpdatedAt"])
    )


def test_update_domain_adds_tags_and_keeps_existing_ones(client):
    client.create_domain(
        DomainName="d", DefaultExpirationDays=30, Tags={"a": "1", "b": "2"}
    )
    response = client.update_domain(DomainName="d", Tags={"b": "3", "c": "4"})
    assert response["Tags"] == {"a": "1", "b": "3", "c": "4"}


def test_update_domain_unknown_is_not_found(client):
    with pytest.raises(ClientError) as exc:
        client.update_domain(DomainName="nope", DefaultExpirationDays=1)
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


# --- DeleteDomain ----------------------------------------------------------------------


def test_delete_domain_returns_a_message_and_removes_it(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    response = client.delete_domain(DomainName="d")
    assert response["Message"] == "Domain d was deleted."
    assert client.list_domains()["Items"] == []
    with pytest.raises(ClientError) as exc:
        client.get_domain(DomainName="d")
    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_delete_domain_unknown_is_not_found(client):
    with pytest.raises(ClientError) as exc:
        client.delete_domain(DomainName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


def test_delete_domain_removes_its_object_types_and_their_tags(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30, Tags={"a": "1"})
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="t",
        Description="t",
        Fields=FIELDS,
        Keys=KEYS,
        Tags={"b": "2"},
    )
    client.delete_domain(DomainName="d")
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    assert client.list_profile_object_types(DomainName="d")["Items"] == []
    assert client.list_tags_for_resource(resourceArn=DOMAIN_ARN)["tags"] == {}
    with pytest.raises(ClientError) as exc:
        client.get_profile_object_type(DomainName="d", ObjectTypeName="t")
    assert client_error(exc)[0] == "ResourceNotFoundException"
    client.put_profile_object_type(
        DomainName="d", ObjectTypeName="t", Description="t", Fields=FIELDS, Keys=KEYS
    )
    object_type_arn = f"{DOMAIN_ARN}/object-types/t"
    assert client.list_tags_for_resource(resourceArn=object_type_arn)["tags"] == {}


# --- ListDomains -----------------------------------------------------------------------


def test_list_domains_is_empty_at_first(client):
    response = client.list_domains()
    assert response["Items"] == []
    assert "NextToken" not in response


def test_list_domains_returns_summaries_in_name_order(client):
    for name in ("b", "c", "a"):
        client.create_domain(
            DomainName=name, DefaultExpirationDays=30, Tags={"n": name}
        )
    items = client.list_domains()["Items"]
    assert [item["DomainName"] for item in items] == ["a", "b", "c"]
    assert set(items[0]) == {"DomainName", "CreatedAt", "LastUpdatedAt", "Tags"}
    assert items[0]["Tags"] == {"n": "a"}


def test_list_domains_walks_pages_with_max_results_and_next_token(client):
    names = [f"d{i:02d}" for i in (5, 2, 7, 1, 3, 6, 4)]
    for name in names:
        client.create_domain(DomainName=name, DefaultExpirationDays=30)
    pages, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        response = client.list_domains(MaxResults=3, **kwargs)
        pages.append([item["DomainName"] for item in response["Items"]])
        token = response.get("NextToken")
        if token is None:
            break
    assert pages == [["d01", "d02", "d03"], ["d04", "d05", "d06"], ["d07"]]


def test_list_domains_gives_no_token_when_everything_fits(client):
    client.create_domain(DomainName="a", DefaultExpirationDays=30)
    response = client.list_domains(MaxResults=1)
    assert [item["DomainName"] for item in response["Items"]] == ["a"]
    assert "NextToken" not in response


@pytest.mark.parametrize("token", ["garbage", "eyJhIjogMX0="])
def test_list_domains_with_an_invalid_token_is_refused(client, token):
    client.create_domain(DomainName="a", DefaultExpirationDays=30)
    with pytest.raises(ClientError) as exc:
        client.list_domains(NextToken=token)
    assert client_error(exc) == (
        "BadRequestException",
        "The pagination token is invalid.",
        400,
    )


# --- quotas and regions ----------------------------------------------------------------


def test_create_domain_beyond_100_per_region_is_refused(client):
    for index in range(100):
        client.create_domain(DomainName=f"d{index}", DefaultExpirationDays=1)
    with pytest.raises(ClientError) as exc:
        client.create_domain(DomainName="one-too-many", DefaultExpirationDays=1)
    assert client_error(exc) == (
        "BadRequestException",
        "Exceeded the quota of domains per region (100)",
        400,
    )


def test_domains_are_kept_per_region(client, customerprofiles_mock):
    import boto3

    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    other = boto3.client("customer-profiles", region_name="us-east-1")
    assert other.list_domains()["Items"] == []
    other.create_domain(DomainName="d", DefaultExpirationDays=7)
    assert client.get_domain(DomainName="d")["DefaultExpirationDays"] == 30
