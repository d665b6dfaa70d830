"""The acceptance test, written as a user of the package would write it: ingest orders
through an object type, find the customer with SearchProfiles, and read the real-time
export from Kinesis."""

import json
import re

import boto3
from moto import mock_aws

import moto_customerprofiles  # noqa: F401  (registers Customer Profiles with moto)

REGION = "eu-west-2"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")

ORDER_FIELDS = {
    "orderId": {"Source": "_source.OrderId", "Target": "_order.OrderId"},
    "email": {"Source": "_source.Customer.Email", "Target": "_profile.EmailAddress"},
    "firstName": {
        "Source": "_source.Customer.FirstName",
        "Target": "_profile.FirstName",
    },
    "lastName": {"Source": "_source.Customer.LastName", "Target": "_profile.LastName"},
    "city": {
        "Source": "_source.Customer.Address.City",
        "Target": "_profile.Address.City",
    },
    "loyaltyId": {
        "Source": "_source.Customer.LoyaltyId",
        "Target": "_profile.Attributes.loyaltyId",
    },
}
ORDER_KEYS = {
    "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}],
    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    "loyaltyId": [{"StandardIdentifiers": ["SECONDARY"], "FieldNames": ["loyaltyId"]}],
}
CUSTOMER = {
    "Email": "jane@example.com",
    "FirstName": "Jane",
    "LastName": "Doe",
    "Address": {"City": "London"},
    "LoyaltyId": "LOY-42",
}


def read_stream(kinesis, stream_name):
    shard_id = kinesis.describe_stream(StreamName=stream_name)["StreamDescription"][
        "Shards"
    ][0]["ShardId"]
    iterator = kinesis.get_shard_iterator(
        StreamName=stream_name, ShardId=shard_id, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    return [
        json.loads(record["Data"])
        for record in kinesis.get_records(ShardIterator=iterator)["Records"]
    ]


def run_acceptance_scenario(profiles, kinesis):
    # A domain with an object type for orders.
    profiles.create_domain(DomainName="retail", DefaultExpirationDays=365)
    profiles.put_profile_object_type(
        DomainName="retail",
        ObjectTypeName="Order",
        Description="Web shop orders",
        AllowProfileCreation=True,
        Fields=ORDER_FIELDS,
        Keys=ORDER_KEYS,
    )

    # Real-time export to a Kinesis data stream.
    kinesis.create_stream(StreamName="profile-events", ShardCount=1)
    stream_arn = kinesis.describe_stream(StreamName="profile-events")[
        "StreamDescription"
    ]["StreamARN"]
    profiles.create_event_stream(
        DomainName="retail", EventStreamName="export", Uri=stream_arn
    )
    assert (
        profiles.get_event_stream(DomainName="retail", EventStreamName="export")[
            "DestinationDetails"
        ]["Status"]
        == "HEALTHY"
    )

    # Two orders from one customer, then the first one ships.
    first = {"OrderId": "o-1", "Status": "PLACED", "Total": 25.5, "Customer": CUSTOMER}
    second = {"OrderId": "o-2", "Status": "PLACED", "Total": 10, "Customer": CUSTOMER}
    shipped = {**first, "Status": "SHIPPED"}
    keys = [
        profiles.put_profile_object(
            DomainName="retail", ObjectTypeName="Order", Object=json.dumps(order)
        )["ProfileObjectUniqueKey"]
        for order in (first, second, shipped)
    ]
    assert keys[0] == keys[2]
    assert keys[0] != keys[1]

    # SearchProfiles finds the one profile built from the orders.
    [profile] = profiles.search_profiles(
        DomainName="retail", KeyName="_email", Values=["jane@example.com"]
    )["Items"]
    profile_id = profile["ProfileId"]
    assert re.fullmatch(r"[0-9a-f]{32}", profile_id)
    assert {k: v for k, v in profile.items() if k != "FoundByItems"} == {
        "ProfileId": profile_id,
        "EmailAddress": "jane@example.com",
        "FirstName": "Jane",
        "LastName": "Doe",
        "Address": {"City": "London"},
        "Attributes": {"loyaltyId": "LOY-42"},
    }
    assert profile["FoundByItems"] == [
        {"KeyName": "_email", "Values": ["jane@example.com"]}
    ]
    by_loyalty = profiles.search_profiles(
        DomainName="retail", KeyName="loyaltyId", Values=["LOY-42"]
    )["Items"]
    assert [p["ProfileId"] for p in by_loyalty] == [profile_id]
    objects = profiles.list_profile_objects(
        DomainName="retail", ObjectTypeName="Order", ProfileId=profile_id
    )["Items"]
    assert sorted(json.loads(o["Object"])["Status"] for o in objects) == [
        "PLACED",
        "SHIPPED",
    ]
    stats = profiles.get_domain(DomainName="retail")["Stats"]
    # two Orders and the two standard _order objects they fill
    assert (stats["ProfileCount"], stats["ObjectCount"]) == (1, 4)

    # Kinesis holds the records AWS documents for real-time export.
    records = read_stream(kinesis, "profile-events")
    for record in records:
        assert record["SchemaVersion"] == 0
        assert record["DomainName"] == "retail"
        assert record["IsMessageRealTime"] is True
        assert TIMESTAMP.match(record["EventTimestamp"])
    assert len({r["EventId"] for r in records}) == len(records)
    timestamps = [r["EventTimestamp"] for r in records]
    assert timestamps == sorted(timestamps)
    stable = [
        {k: v for k, v in r.items() if k not in ("EventId", "EventTimestamp")}
        for r in records
    ]
    common = {"SchemaVersion": 0, "DomainName": "retail", "IsMessageRealTime": True}
    assert stable == [
        {
            **common,
            "EventType": "CREATED",
            "ObjectTypeName": "_profile",
            "Object": {
                "ProfileId": profile_id,
                "EmailAddress": "jane@example.com",
                "FirstName": "Jane",
                "LastName": "Doe",
                "Address": {"City": "London"},
                "Attributes": {"loyaltyId": "LOY-42"},
            },
        },
        {
            **common,
            "EventType": "CREATED",
            "ObjectTypeName": "Order",
            "AssociatedProfileId": profile_id,
            "ProfileObjectUniqueKey": keys[0],
            "Object": first,
        },
        {
            **common,
            "EventType": "CREATED",
            "ObjectTypeName": "Order",
            "AssociatedProfileId": profile_id,
            "ProfileObjectUniqueKey": keys[1],
            "Object": second,
        },
        {
            **common,
            "EventType": "UPDATED",
            "ObjectTypeName": "Order",
            "AssociatedProfileId": profile_id,
            "ProfileObjectUniqueKey": keys[0],
            "Object": shipped,
        },
    ]


def test_orders_become_a_searchable_profile_exported_to_kinesis(client):
    kinesis = boto3.client("kinesis", region_name=REGION)
    run_acceptance_scenario(client, kinesis)


@mock_aws
def test_acceptance_scenario_with_the_mock_aws_decorator():
    profiles = boto3.client("customer-profiles", region_name=REGION)
    kinesis = boto3.client("kinesis", region_name=REGION)
    run_acceptance_scenario(profiles, kinesis)
