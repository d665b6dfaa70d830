"""Issue 19: profile history records (GetProfileHistoryRecord,
ListProfileHistoryRecords), written by the ingestion pipeline and the profile
operations."""

import json
import re
from datetime import datetime, timezone

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from .helpers import ACCOUNT_ID, client_error, create_order_domain

T0 = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)
ROOT = f"arn:aws:iam::{ACCOUNT_ID}:root"
FIELDS = {
    "id": {"Source": "_source.id"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "name": {"Source": "_source.name", "Target": "_profile.FirstName"},
}
KEYS = {
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


@pytest.fixture
def domain(client):
    return create_order_domain(client, FIELDS, KEYS)


def history(client, profile_id, **kwargs):
    return client.list_profile_history_records(
        DomainName="d", ProfileId=profile_id, **kwargs
    )


def actions(client, profile_id):
    return [
        (r["ActionType"], r["ObjectTypeName"])
        for r in history(client, profile_id)["ProfileHistoryRecords"]
    ]


def get(client, profile_id, record_id):
    return client.get_profile_history_record(
        DomainName="d", ProfileId=profile_id, Id=record_id
    )


def profile_of(client, email):
    [profile] = client.search_profiles(DomainName="d", KeyName="email", Values=[email])[
        "Items"
    ]
    return profile["ProfileId"]


def put(client, **content):
    return client.put_profile_object(
        DomainName="d", ObjectTypeName="order", Object=json.dumps(content)
    )["ProfileObjectUniqueKey"]


def test_create_profile_is_recorded_with_every_member(client, domain):
    with freeze_time(T0):
        profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    [item] = history(client, profile_id)["ProfileHistoryRecords"]
    assert re.fullmatch(r"[a-f0-9]{32}", item["Id"])
    assert item == {
        "Id": item["Id"],
        "ObjectTypeName": "_profile",
        "CreatedAt": T0,
        "LastUpdatedAt": T0,
        "ActionType": "CREATED",
        "PerformedBy": ROOT,
    }
    got = get(client, profile_id, item["Id"])
    content = json.loads(got.pop("Content"))
    assert content == {"ProfileId": profile_id, "FirstName": "Ann"}
    got.pop("ResponseMetadata")
    assert got == item


def test_an_ingested_object_records_its_profile_and_itself(client, domain):
    key = put(client, id="1", email="a@x.org", name="Ann")
    profile_id = profile_of(client, "a@x.org")
    records = history(client, profile_id)["ProfileHistoryRecords"]
    assert [(r["ActionType"], r["ObjectTypeName"]) for r in records] == [
        ("CREATED", "_profile"),
        ("INGESTED", "order"),
    ]
    ingested = get(client, profile_id, records[1]["Id"])
    assert ingested["ProfileObjectUniqueKey"] == key
    assert json.loads(ingested["Content"]) == {
        "id": "1",
        "email": "a@x.org",
        "name": "Ann",
    }


def test_an_object_that_changes_the_profile_records_an_update(client, domain):
    put(client, id="1", email="a@x.org", name="Ann")
    put(client, id="2", email="a@x.org", name="Anna")
    put(client, id="3", email="a@x.org", name="Anna")  # changes nothing
    assert actions(client, profile_of(client, "a@x.org")) == [
        ("CREATED", "_profile"),
        ("INGESTED", "order"),
        ("UPDATED", "_profile"),
        ("INGESTED", "order"),
        ("INGESTED", "order"),
    ]


def test_batch_put_records_as_single_puts(client, domain):
    client.batch_put_profile_object(
        DomainName="d",
        ObjectTypeName="order",
        Items=[
            {"Id": "a", "Object": json.dumps({"id": "1", "email": "a@x.org"})},
            {"Id": "b", "Object": json.dumps({"id": "2", "email": "a@x.org"})},
        ],
    )
    assert actions(client, profile_of(client, "a@x.org")) == [
        ("CREATED", "_profile"),
        ("INGESTED", "order"),
        ("INGESTED", "order"),
    ]


def test_profile_operations_are_recorded(client, domain):
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    client.update_profile(DomainName="d", ProfileId=profile_id, LastName="Lee")
    client.add_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="email", Values=["a@x.org"]
    )
    client.delete_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="email", Values=["a@x.org"]
    )
    client.delete_profile(DomainName="d", ProfileId=profile_id)
    records = history(client, profile_id)["ProfileHistoryRecords"]
    assert [r["ActionType"] for r in records] == [
        "CREATED",
        "UPDATED",
        "ADDED_PROFILE_KEY",
        "DELETED_PROFILE_KEY",
        "DELETED_BY_CUSTOMER",
    ]
    added = get(client, profile_id, records[2]["Id"])
    assert json.loads(added["Content"]) == {"KeyName": "email", "Values": ["a@x.org"]}
    deleted = get(client, profile_id, records[4]["Id"])
    assert json.loads(deleted["Content"])["LastName"] == "Lee"


def test_a_merge_is_recorded_on_both_profiles(client, domain):
    main = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    other = client.create_profile(DomainName="d", LastName="Lee")["ProfileId"]
    client.merge_profiles(
        DomainName="d", MainProfileId=main, ProfileIdsToBeMerged=[other]
    )
    assert actions(client, main) == [("CREATED", "_profile"), ("MERGED", "_profile")]
    assert actions(client, other) == [
        ("CREATED", "_profile"),
        ("DELETED_BY_MERGE", "_profile"),
    ]
    merged = history(client, main)["ProfileHistoryRecords"][1]
    assert json.loads(get(client, main, merged["Id"])["Content"]) == {
        "ProfileId": main,
        "FirstName": "Ann",
        "LastName": "Lee",
    }


def test_the_filters(client, domain):
    put(client, id="1", email="a@x.org", name="Ann")
    profile_id = profile_of(client, "a@x.org")
    by_type = history(client, profile_id, ObjectTypeName="order")
    assert [r["ActionType"] for r in by_type["ProfileHistoryRecords"]] == ["INGESTED"]
    by_action = history(client, profile_id, ActionType="CREATED")
    assert [r["ObjectTypeName"] for r in by_action["ProfileHistoryRecords"]] == [
        "_profile"
    ]
    assert (
        len(history(client, profile_id, PerformedBy=ROOT)["ProfileHistoryRecords"]) == 2
    )
    other = history(client, profile_id, PerformedBy="arn:aws:iam::1:user/x")
    assert other["ProfileHistoryRecords"] == []


def test_pages(client, domain):
    for n in range(5):
        put(client, id=str(n), email="a@x.org")
    profile_id = profile_of(client, "a@x.org")
    first = history(client, profile_id, MaxResults=4)
    second = history(client, profile_id, MaxResults=4, NextToken=first["NextToken"])
    assert len(first["ProfileHistoryRecords"]) == 4
    assert len(second["ProfileHistoryRecords"]) == 2
    assert "NextToken" not in second
    everything = history(client, profile_id)["ProfileHistoryRecords"]
    assert (
        first["ProfileHistoryRecords"] + second["ProfileHistoryRecords"] == everything
    )


def test_a_profile_without_records_lists_none(client, domain):
    assert history(client, "0" * 32)["ProfileHistoryRecords"] == []


def test_get_a_missing_record(client, domain):
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    with pytest.raises(ClientError) as exc:
        get(client, profile_id, "f" * 32)
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Profile history record {'f' * 32} does not exist for profile {profile_id}.",
        404,
    )


def test_get_a_record_of_another_profile(client, domain):
    first = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    second = client.create_profile(DomainName="d", FirstName="Bob")["ProfileId"]
    [item] = history(client, first)["ProfileHistoryRecords"]
    with pytest.raises(ClientError) as exc:
        get(client, second, item["Id"])
    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_each_record_has_its_own_id(client, domain):
    put(client, id="o1", email="a@example.com", name="Ann")
    put(client, id="o2", email="a@example.com", name="Anne")
    profile_id = profile_of(client, "a@example.com")
    items = history(client, profile_id)["ProfileHistoryRecords"]
    ids = [item["Id"] for item in items]
    assert len(ids) == 4 and len(set(ids)) == 4
    assert all(re.fullmatch(r"[a-f0-9]{32}", i) for i in ids)
    assert [get(client, profile_id, i)["ActionType"] for i in ids] == [
        item["ActionType"] for item in items
    ]


def test_an_id_past_the_newest_record_is_missing(client, domain):
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    [item] = history(client, profile_id)["ProfileHistoryRecords"]
    later = f"{int(item['Id'], 16) + 1:032x}"
    with pytest.raises(ClientError) as exc:
        get(client, profile_id, later)
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Profile history record {later} does not exist for profile {profile_id}.",
        404,
    )


def test_a_record_of_another_domain_is_missing(client, domain):
    client.create_domain(DomainName="other", DefaultExpirationDays=30)
    profile_id = client.create_profile(DomainName="other", FirstName="Ann")["ProfileId"]
    [item] = client.list_profile_history_records(
        DomainName="other", ProfileId=profile_id
    )["ProfileHistoryRecords"]
    client.create_profile(DomainName="d", FirstName="Bob")  # a record at place 0 in d
    with pytest.raises(ClientError) as exc:
        get(client, profile_id, item["Id"])
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Profile history record {item['Id']} does not exist for profile {profile_id}.",
        404,
    )


def test_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.list_profile_history_records(DomainName="nowhere", ProfileId="0" * 32)
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nowhere does not exist.",
        404,
    )
