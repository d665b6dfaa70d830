"""Values JSON allows but no double or datetime holds: every request succeeds (or is
refused with a 4xx), evaluation reads them as "not a number" / "not a date", objects keep
their numbers as written, and a refused object leaves nothing behind."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

import boto3
import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from moto_customerprofiles.customerprofiles.resources import values
from moto_customerprofiles.customerprofiles.resources.values import parse_json

from .helpers import ACCOUNT_ID, REGION, client_error

DOMAIN = "d"
URI = f"arn:aws:connect-campaigns:{REGION}:{ACCOUNT_ID}:campaign/c1"
HUGE = "1" + "0" * 400  # a 401-digit integer
FAR_FUTURE = "9999-12-31T23:59:59-05:00"  # the year 10000 in UTC
FAR_PAST = "0001-01-01T00:00:00+05:00"  # the year 0 in UTC
FIELDS = {
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "id": {"Source": "_source.id"},
    "total": {"Source": "_source.total", "Target": "_profile.Attributes.total"},
    "when": {"Source": "_source.when"},
    "birth": {"Source": "_source.birth", "Target": "_profile.BirthDate"},
}
KEYS = {
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
}

SEGMENT_GROUPS = {
    "Include": "ANY",
    "Groups": [
        {
            "Type": "ANY",
            "Dimensions": [
                {
                    "CalculatedAttributes": {
                        "spent": {
                            "DimensionType": "GREATER_THAN",
                            "Values": ["100"],
                        }
                    }
                },
                {
                    "ProfileAttributes": {
                        "Attributes": {
                            "total": {
                                "DimensionType": "LESS_THAN",
                                "Values": ["100"],
                            }
                        },
                        "BirthDate": {
                            "DimensionType": "BEFORE",
                            "Values": ["2000-01-01"],
                        },
                    }
                },
                {
                    "ProfileAttributes": {
                        "BirthDate": {
                            "DimensionType": "ON",
                            "Values": ["0001-01-01"],
                        }
                    }
                },
            ],
        }
    ],
}


def attribute(operator, values, source):
    return {"ComparisonOperator": operator, "Values": values, "Source": source}


def condition(*attributes):
    return {
        "EventTriggerDimensions": [{"ObjectAttributes": list(attributes)}],
        "LogicalOperator": "ANY",
    }


@pytest.fixture
def domain(client):
    """An object type, triggers on total and on when, a SUM calculated attribute and a
    segment reading the SUM, the total attribute and BirthDate."""
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )
    triggers = {
        "big": condition(attribute("GREATER_THAN", ["100"], "_source.total")),
        "old": condition(attribute("BEFORE", ["2030-01-01"], "_source.when")),
    }
    for name, cond in triggers.items():
        client.create_event_trigger(
            DomainName=DOMAIN,
            EventTriggerName=name,
            ObjectTypeName="Order",
            EventTriggerConditions=[cond],
            EventTriggerLimits={"EventExpiration": 60_000},
        )
    for name in triggers:
        uri = f"{URI}-{name}"
        client.put_integration(DomainName=DOMAIN, Uri=uri, EventTriggerNames=[name])
    client.create_calculated_attribute_definition(
        DomainName=DOMAIN,
        CalculatedAttributeName="spent",
        AttributeDetails={
            "Attributes": [{"Name": "total"}],
            "Expression": "{Order.total}",
        },
        Statistic="SUM",
        UseHistoricalData=True,
    )
    client.create_segment_definition(
        DomainName=DOMAIN,
        SegmentDefinitionName="s",
        DisplayName="s",
        SegmentGroups=SEGMENT_GROUPS,
    )
    return DOMAIN


def put(client, text):
    return client.put_profile_object(
        DomainName=DOMAIN, ObjectTypeName="Order", Object=text
    )["ProfileObjectUniqueKey"]


def the_profile(client):
    profiles = client.search_profiles(
        DomainName=DOMAIN, KeyName="_email", Values=["ann@example.com"]
    )["Items"]
    assert len(profiles) == 1
    return profiles[0]


def only_profile(client):
    return the_profile(client)["ProfileId"]


def reads_succeed(client, profile_id, members=0):
    """Every read that evaluates the profile answers; the segment selects nobody."""
    got = client.get_calculated_attribute_for_profile(
        DomainName=DOMAIN, CalculatedAttributeName="spent", ProfileId=profile_id
    )
    listed = client.list_calculated_attributes_for_profile(
        DomainName=DOMAIN, ProfileId=profile_id
    )["Items"]
    membership = client.get_segment_membership(
        DomainName=DOMAIN, SegmentDefinitionName="s", ProfileIds=[profile_id]
    )
    estimate_id = client.create_segment_estimate(
        DomainName=DOMAIN, SegmentQuery=SEGMENT_GROUPS
    )["EstimateId"]
    estimate = client.get_segment_estimate(DomainName=DOMAIN, EstimateId=estimate_id)
    assert estimate["Estimate"] == str(members)
    results = [p["QueryResult"] for p in membership["Profiles"]]
    return got.get("Value"), [i.get("Value") for i in listed], results


def stored_object(client, profile_id):
    items = client.list_profile_objects(
        DomainName=DOMAIN, ObjectTypeName="Order", ProfileId=profile_id
    )["Items"]
    assert len(items) == 1
    return items[0]["Object"]


def trigger_outcomes(read):
    return {
        i["EventTriggerName"]: (i["Status"], i["Reason"], i["Detail"])
        for i in read(DOMAIN)
    }


NOT_A_NUMBER = (
    "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]: "
    "the object's value is not a number"
)
NOT_A_DATE = (
    "EventTriggerConditions[0].EventTriggerDimensions[0].ObjectAttributes[0]: "
    "the object's value is not a date within the years 1 to 9999"
)


@pytest.mark.parametrize("number", [HUGE, "1e400", "-1e400"])
def test_a_number_no_double_holds_is_not_a_number(
    client, domain, customerprofiles_trigger_invocations, number
):
    text = f'{{"email": "ann@example.com", "id": "o1", "total": {number}}}'
    put(client, text)
    profile_id = only_profile(client)

    value, listed, membership = reads_succeed(client, profile_id)
    assert value is None and listed == [None]  # SUM of nothing has no value
    assert membership == ["ABSENT"]
    assert trigger_outcomes(customerprofiles_trigger_invocations)["big"] == (
        "SUPPRESSED",
        "CONDITIONS_NOT_MET",
        NOT_A_NUMBER,
    )
    # stored and listed with the text it came with
    assert stored_object(client, profile_id) == text.replace(" ", "")
    assert the_profile(client)["Attributes"] == {"total": number}


def test_a_huge_number_is_exported_as_written(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    kinesis.create_stream(StreamName="s", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="s")["StreamDescription"]["StreamARN"]
    client.create_event_stream(DomainName=DOMAIN, EventStreamName="es", Uri=arn)
    put(client, '{"email": "ann@example.com", "id": "o1", "total": 1e400, "x": 2.50}')

    shard = kinesis.describe_stream(StreamName="s")["StreamDescription"]["Shards"][0]
    iterator = kinesis.get_shard_iterator(
        StreamName="s", ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    data = [
        r["Data"].decode()
        for r in kinesis.get_records(ShardIterator=iterator)["Records"]
    ]
    objects = [d for d in data if '"ObjectTypeName": "Order"' in d]
    assert len(objects) == 1
    assert '"total": 1e400, "x": 2.50}' in objects[0]
    assert "Infinity" not in "".join(data)
    json.loads(objects[0], parse_constant=lambda c: pytest.fail(f"{c} in a record"))


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(client, domain, literal):
    with pytest.raises(ClientError) as exc:
        put(client, f'{{"email": "ann@example.com", "id": "o1", "total": {literal}}}')
    assert client_error(exc) == ("BadRequestException", "Object is not valid JSON", 400)
    stats = client.get_domain(DomainName=DOMAIN)["Stats"]
    assert (stats["ProfileCount"], stats["ObjectCount"]) == (0, 0)


@pytest.mark.parametrize("moment", [FAR_FUTURE, FAR_PAST])
def test_a_date_outside_the_years_1_to_9999_is_not_a_date(
    client, domain, customerprofiles_trigger_invocations, moment
):
    text = json.dumps(
        {"email": "ann@example.com", "id": "o1", "when": moment, "birth": moment}
    )
    put(client, text)
    profile_id = only_profile(client)

    assert the_profile(client)["BirthDate"] == moment
    _, _, membership = reads_succeed(client, profile_id)
    assert membership == ["ABSENT"]  # BirthDate is not a date
    assert trigger_outcomes(customerprofiles_trigger_invocations)["old"] == (
        "SUPPRESSED",
        "CONDITIONS_NOT_MET",
        NOT_A_DATE,
    )


@pytest.mark.parametrize("moment", [FAR_FUTURE, FAR_PAST])
def test_a_profile_birth_date_outside_the_years_1_to_9999(client, domain, moment):
    profile_id = client.create_profile(DomainName=DOMAIN, BirthDate=moment)["ProfileId"]
    _, _, membership = reads_succeed(client, profile_id)
    assert membership == ["ABSENT"]


def test_a_clock_at_the_end_of_year_9999_with_an_event_expiration(
    client, domain, customerprofiles_trigger_invocations
):
    with freeze_time("9999-12-31T23:59:59.999Z"):
        put(client, '{"email": "ann@example.com", "id": "o1", "total": 150}')

        invocations = customerprofiles_trigger_invocations(DOMAIN)
        fired = [i for i in invocations if i["EventTriggerName"] == "big"]
        assert [(i["Status"], i["ExpirationTime"]) for i in fired] == [("FIRED", None)]
        assert fired[0]["Detail"] == (
            "ExpirationTime would fall after the year 9999: none is set"
        )
        value, _, membership = reads_succeed(client, only_profile(client), members=1)
        assert (value, membership) == ("150", ["PRESENT"])


def test_the_largest_event_expiration_is_capped(
    client, domain, customerprofiles_trigger_invocations
):
    client.update_event_trigger(
        DomainName=DOMAIN,
        EventTriggerName="big",
        EventTriggerLimits={"EventExpiration": 2**63 - 1},
    )
    put(client, '{"email": "ann@example.com", "id": "o1", "total": 150}')
    (fired,) = [
        i
        for i in customerprofiles_trigger_invocations(DOMAIN)
        if i["EventTriggerName"] == "big"
    ]
    assert fired["Status"] == "FIRED" and fired["Detail"] is None
    stamp = datetime.strptime(fired["Timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ")
    expires = datetime.strptime(fired["ExpirationTime"], "%Y-%m-%dT%H:%M:%S.%fZ")
    assert expires - stamp == timedelta(minutes=15)


def test_parsed_objects_share_their_member_names():
    name = f"member-{uuid.uuid4().hex}"
    first, second = parse_json(f'{{"{name}": 1}}'), parse_json(f'{{"{name}": 2}}')
    assert (first, second) == ({name: 1}, {name: 2})
    assert next(iter(first)) is next(iter(second))


def test_the_shared_member_names_are_bounded(monkeypatch):
    monkeypatch.setattr(values, "MAX_SHARED_NAMES", len(values._NAMES) + 5)
    first, second = (
        {f"member-{uuid.uuid4().hex}": index for index in range(4)} for _ in range(2)
    )
    assert (parse_json(json.dumps(first)), parse_json(json.dumps(second))) == (
        first,
        second,
    )
    assert all(name in values._NAMES for name in first)
    assert not any(name in values._NAMES for name in second)
    assert len(values._NAMES) == values.MAX_SHARED_NAMES - 1
