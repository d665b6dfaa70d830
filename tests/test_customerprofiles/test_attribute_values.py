"""Issue 19: ListObjectTypeAttributes, ListObjectTypeAttributeValues,
GetObjectTypeAttributeStatistics and ListProfileAttributeValues, from stored data."""

import json
import statistics
from datetime import datetime, timezone

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from .helpers import client_error, create_order_domain

DAY1 = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)
DAY1_LATER = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
DAY2 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
MIDNIGHT2 = datetime(2026, 3, 2, 0, 0, tzinfo=timezone.utc)
FIELDS = {
    "orderId": {"Source": "_source.id"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "city": {"Source": "_source.city", "Target": "_profile.Address.City"},
    "amount": {"Source": "_source.amount"},
    "note": {"Source": "_source.note"},
}
KEYS = {
    "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}],
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


@pytest.fixture
def domain(client):
    return create_order_domain(client, FIELDS, KEYS, DataStore={"Enabled": True})


def put(client, **content):
    client.put_profile_object(
        DomainName="d", ObjectTypeName="order", Object=json.dumps(content)
    )


def values(client, attribute, **kwargs):
    return client.list_object_type_attribute_values(
        DomainName="d", ObjectTypeName="order", AttributeName=attribute, **kwargs
    )


def stats(client, attribute):
    return client.get_object_type_attribute_statistics(
        DomainName="d", ObjectTypeName="order", AttributeName=attribute
    )


# --- ListObjectTypeAttributes -------------------------------------------------------


def test_attributes_are_the_fields_objects_have_with_their_last_store(client, domain):
    with freeze_time(DAY1):
        put(client, id="1", email="a@x.org", amount=5)
    with freeze_time(DAY1_LATER):
        put(client, id="2", email="b@x.org")
    items = client.list_object_type_attributes(DomainName="d", ObjectTypeName="order")
    assert items["Items"] == [
        {"AttributeName": "amount", "LastUpdatedAt": DAY1},
        {"AttributeName": "email", "LastUpdatedAt": DAY1_LATER},
        {"AttributeName": "orderId", "LastUpdatedAt": DAY1_LATER},
    ]


def test_attributes_page_by_name(client, domain):
    put(client, id="1", email="a@x.org", amount=5, note="n")
    first = client.list_object_type_attributes(
        DomainName="d", ObjectTypeName="order", MaxResults=3
    )
    assert [i["AttributeName"] for i in first["Items"]] == ["amount", "email", "note"]
    second = client.list_object_type_attributes(
        DomainName="d", ObjectTypeName="order", NextToken=first["NextToken"]
    )
    assert [i["AttributeName"] for i in second["Items"]] == ["orderId"]
    assert "NextToken" not in second


def test_attributes_of_a_type_without_objects(client, domain):
    items = client.list_object_type_attributes(DomainName="d", ObjectTypeName="order")
    assert items["Items"] == []


def test_attributes_of_a_missing_type(client, domain):
    with pytest.raises(ClientError) as exc:
        client.list_object_type_attributes(DomainName="d", ObjectTypeName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Object type nope does not exist in domain d.",
        404,
    )


# --- ListObjectTypeAttributeValues --------------------------------------------------


def test_values_are_distinct_and_newest_first(client, domain):
    with freeze_time(DAY1):
        put(client, id="1", email="a@x.org", city="Leeds")
        put(client, id="2", email="b@x.org", city="York")
    with freeze_time(DAY1_LATER):
        put(client, id="3", email="c@x.org", city="Leeds")
    assert values(client, "city")["Items"] == [
        {"Value": "Leeds", "LastUpdatedAt": DAY1_LATER},
        {"Value": "York", "LastUpdatedAt": DAY1},
    ]


def test_numbers_are_values_as_written(client, domain):
    client.put_profile_object(
        DomainName="d",
        ObjectTypeName="order",
        Object='{"id": "1", "email": "a@x.org", "amount": 1.50}',
    )
    assert [i["Value"] for i in values(client, "amount")["Items"]] == ["1.50"]


def test_values_page(client, domain):
    for n in range(3):
        with freeze_time(datetime(2026, 3, 1, n, tzinfo=timezone.utc)):
            put(client, id=str(n), email="a@x.org", note=f"n{n}")
    first = values(client, "note", MaxResults=2)
    assert [i["Value"] for i in first["Items"]] == ["n2", "n1"]
    second = values(client, "note", NextToken=first["NextToken"])
    assert [i["Value"] for i in second["Items"]] == ["n0"]


def test_values_of_a_standard_object_type(client, domain):
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="asset",
        Description="assets",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id", "Target": "_asset.AssetId"},
            "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
            "name": {"Source": "_source.name", "Target": "_asset.AssetName"},
        },
        Keys={
            "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    client.put_profile_object(
        DomainName="d",
        ObjectTypeName="asset",
        Object=json.dumps({"id": "a1", "email": "a@x.org", "name": "Router"}),
    )
    items = client.list_object_type_attribute_values(
        DomainName="d", ObjectTypeName="_asset", AttributeName="AssetName"
    )["Items"]
    assert [i["Value"] for i in items] == ["Router"]


def test_values_of_an_attribute_no_object_has(client, domain):
    put(client, id="1", email="a@x.org")
    assert values(client, "nothing")["Items"] == []


def test_a_deleted_object_no_longer_gives_values(client, domain):
    put(client, id="1", email="a@x.org", city="Leeds")
    [profile] = client.search_profiles(
        DomainName="d", KeyName="email", Values=["a@x.org"]
    )["Items"]
    [stored] = client.list_profile_objects(
        DomainName="d", ObjectTypeName="order", ProfileId=profile["ProfileId"]
    )["Items"]
    client.delete_profile_object(
        DomainName="d",
        ProfileId=profile["ProfileId"],
        ProfileObjectUniqueKey=stored["ProfileObjectUniqueKey"],
        ObjectTypeName="order",
    )
    assert values(client, "city")["Items"] == []


# --- GetObjectTypeAttributeStatistics -----------------------------------------------


def test_statistics_of_yesterdays_objects(client, domain):
    amounts = [1, 2, 3, 4, 10]
    with freeze_time(DAY1):
        for n, amount in enumerate(amounts):
            put(client, id=str(n), email="a@x.org", amount=amount)
    with freeze_time(DAY2):
        put(client, id="today", email="a@x.org", amount=1000)  # counts tomorrow
        result = stats(client, "amount")
    assert result["CalculatedAt"] == MIDNIGHT2
    assert result["Statistics"] == {
        "Maximum": 10.0,
        "Minimum": 1.0,
        "Average": 4.0,
        "StandardDeviation": pytest.approx(statistics.pstdev(amounts)),
        "Percentiles": pytest.approx(
            {"P5": 1.2, "P25": 2.0, "P50": 3.0, "P75": 4.0, "P95": 8.8}
        ),
    }


def test_statistics_are_null_in_the_first_period(client, domain):
    with freeze_time(DAY1):
        put(client, id="1", email="a@x.org", amount=5)
        result = stats(client, "amount")
    assert result["CalculatedAt"] == datetime(2026, 3, 1, tzinfo=timezone.utc)
    assert result["Statistics"] == {"Percentiles": {}}


def test_statistics_are_null_for_text(client, domain):
    with freeze_time(DAY1):
        put(client, id="1", email="a@x.org", note="hello")
    with freeze_time(DAY2):
        result = stats(client, "note")
    assert result["Statistics"] == {"Percentiles": {}}


def test_statistics_need_the_data_store(client):
    client.create_domain(DomainName="plain", DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName="plain",
        ObjectTypeName="order",
        Description="orders",
        Fields=FIELDS,
        Keys=KEYS,
    )
    with pytest.raises(ClientError) as exc:
        client.get_object_type_attribute_statistics(
            DomainName="plain", ObjectTypeName="order", AttributeName="amount"
        )
    assert client_error(exc) == (
        "BadRequestException",
        "Data store must be enabled on domain plain to get attribute statistics",
        400,
    )


def test_statistics_of_a_missing_type(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_object_type_attribute_statistics(
            DomainName="d", ObjectTypeName="nope", AttributeName="amount"
        )
    assert client_error(exc)[0] == "ResourceNotFoundException"


# --- ListProfileAttributeValues -----------------------------------------------------


def test_profile_attribute_values_are_distinct(client, domain):
    with freeze_time(DAY1):
        put(client, id="1", email="a@x.org", city="Leeds")
    with freeze_time(DAY1_LATER):
        put(client, id="2", email="b@x.org", city="York")
        put(client, id="3", email="c@x.org", city="Leeds")
    result = client.list_profile_attribute_values(
        DomainName="d", AttributeName="Address.City"
    )
    assert result["DomainName"] == "d"
    assert result["AttributeName"] == "Address.City"
    assert result["StatusCode"] == 200
    assert sorted(i["Value"] for i in result["Items"]) == ["Leeds", "York"]


def test_profile_attribute_values_of_a_standard_member(client, domain):
    client.create_profile(DomainName="d", FirstName="Ann")
    client.create_profile(DomainName="d", FirstName="Bob", Attributes={"tier": "gold"})
    names = client.list_profile_attribute_values(
        DomainName="d", AttributeName="FirstName"
    )["Items"]
    assert sorted(i["Value"] for i in names) == ["Ann", "Bob"]
    tiers = client.list_profile_attribute_values(
        DomainName="d", AttributeName="Attributes.tier"
    )["Items"]
    assert tiers == [{"Value": "gold"}]


def test_profile_attribute_values_of_a_name_no_profile_has(client, domain):
    client.create_profile(DomainName="d", FirstName="Ann")
    result = client.list_profile_attribute_values(DomainName="d", AttributeName="Nope")
    assert result["Items"] == []


def test_profile_attribute_values_of_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.list_profile_attribute_values(DomainName="nowhere", AttributeName="x")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nowhere does not exist.",
        404,
    )
