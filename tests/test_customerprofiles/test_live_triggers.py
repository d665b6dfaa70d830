"""Live event triggers: every PutProfileObject evaluates the object type's triggers, and
each evaluation is recorded (read through ``customerprofiles_trigger_invocations``, the
``/moto-api/`` endpoint and ``moto_customerprofiles.trigger_invocations``)."""

import json
import re
from datetime import datetime, timedelta, timezone

import boto3
import pytest
import requests
from botocore.config import Config
from freezegun import freeze_time
from moto import settings

from .helpers import ACCOUNT_ID, REGION

DOMAIN = "d"
OBJECT_TYPE = "Order"
URI = f"arn:aws:connect-campaigns:{REGION}:{ACCOUNT_ID}:campaign/c1"
URI_2 = f"arn:aws:connect-campaigns:{REGION}:{ACCOUNT_ID}:campaign/c2"
FIELDS = {
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "id": {"Source": "_source.id"},
    "total": {"Source": "_source.total"},
    "when": {"Source": "_source.when"},
    "name": {"Source": "_source.name"},
    # A field whose name is not the path it reads: FieldName goes through Source.
    "city": {"Source": "_source.address.city"},
}
KEYS = {
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
}
MISSING = object()
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
FIRED = ("FIRED", None)
NOT_MET = ("SUPPRESSED", "CONDITIONS_NOT_MET")
LIMIT = ("SUPPRESSED", "LIMIT_REACHED")


# --- helpers --------------------------------------------------------------------------


def attr(operator, values, source="_source.v", field=None):
    """One ObjectAttribute: by Source (the default) or by FieldName."""
    result = {"ComparisonOperator": operator, "Values": list(values)}
    if field is not None:
        result["FieldName"] = field
    else:
        result["Source"] = source
    return result


def dim(*attributes):
    return {"ObjectAttributes": list(attributes)}


def cond(*dimensions, logical_operator="ANY"):
    return {
        "EventTriggerDimensions": list(dimensions),
        "LogicalOperator": logical_operator,
    }


BIG_TOTAL = [cond(dim(attr("GREATER_THAN", ["100"], field="total")))]


def setup(
    client,
    conditions=None,
    *,
    domain=DOMAIN,
    trigger="t",
    object_type=OBJECT_TYPE,
    uris=(URI,),
    allow_profile_creation=True,
    limits=None,
    segment_filter=None,
    create_domain=True,
):
    """A domain, an object type, a trigger and the integrations naming it."""
    if create_domain:
        client.create_domain(DomainName=domain, DefaultExpirationDays=30)
        client.put_profile_object_type(
            DomainName=domain,
            ObjectTypeName=object_type,
            Description="orders",
            AllowProfileCreation=allow_profile_creation,
            Fields=FIELDS,
            Keys=KEYS,
        )
    kwargs = {}
    if limits is not None:
        kwargs["EventTriggerLimits"] = limits
    if segment_filter is not None:
        kwargs["SegmentFilter"] = segment_filter
    client.create_event_trigger(
        DomainName=domain,
        EventTriggerName=trigger,
        ObjectTypeName=object_type,
        EventTriggerConditions=conditions or BIG_TOTAL,
        **kwargs,
    )
    for uri in uris:
        client.put_integration(DomainName=domain, Uri=uri, EventTriggerNames=[trigger])


_ids = iter(range(10**9))


def put(client, domain=DOMAIN, object_type=OBJECT_TYPE, **content):
    """PutProfileObject; email and a fresh unique id unless given. The unique key."""
    content.setdefault("email", "ann@example.com")
    content.setdefault("id", f"o{next(_ids)}")
    return client.put_profile_object(
        DomainName=domain, ObjectTypeName=object_type, Object=json.dumps(content)
    )["ProfileObjectUniqueKey"]


def outcomes(read, domain=DOMAIN):
    return [(i["Status"], i["Reason"]) for i in read(domain)]


def parse_timestamp(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


# --- 1. every comparison operator ------------------------------------------------------

DAY = "2026-01-02T00:00:00Z"
OPERATOR_CASES = [
    # INCLUSIVE: one of Values; a JSON array holds every one of them
    ("INCLUSIVE", ["gold", "silver"], "gold", True),
    ("INCLUSIVE", ["gold", "silver"], "bronze", False),
    ("INCLUSIVE", ["gold", "silver"], "Gold", False),
    ("INCLUSIVE", ["150"], 150, True),
    ("INCLUSIVE", ["true"], True, True),
    ("INCLUSIVE", ["gold", "silver"], ["silver", "gold", "vip"], True),
    ("INCLUSIVE", ["gold", "silver"], ["gold"], False),
    ("INCLUSIVE", ["gold"], MISSING, False),
    # EXCLUSIVE: the negation; a missing attribute satisfies nothing
    ("EXCLUSIVE", ["gold", "silver"], "bronze", True),
    ("EXCLUSIVE", ["gold", "silver"], "silver", False),
    ("EXCLUSIVE", ["gold", "silver"], ["bronze"], True),
    ("EXCLUSIVE", ["gold", "silver"], ["gold", "silver"], False),
    ("EXCLUSIVE", ["gold"], {"a": "gold"}, True),
    ("EXCLUSIVE", ["gold"], MISSING, False),
    # CONTAINS: a substring of the value, or an element of an array
    ("CONTAINS", ["gold"], "rose-gold-card", True),
    ("CONTAINS", ["x", "gold"], "golden", True),
    ("CONTAINS", ["gold"], "silver", False),
    ("CONTAINS", ["gold", "x"], ["vip", "gold"], True),
    ("CONTAINS", ["gold"], ["golden"], False),
    ("CONTAINS", ["234"], 12345, True),
    ("CONTAINS", ["gold"], MISSING, False),
    # BEGINS_WITH / ENDS_WITH: a JSON scalar as its text; anything else never
    ("BEGINS_WITH", ["gold"], "gold-card", True),
    ("BEGINS_WITH", ["gold"], "rose-gold", False),
    ("BEGINS_WITH", ["123"], 12345, True),
    ("BEGINS_WITH", ["9"], 12345, False),
    ("BEGINS_WITH", ["gold"], {"a": "gold"}, False),
    ("BEGINS_WITH", ["gold"], ["gold"], False),
    ("BEGINS_WITH", ["gold"], MISSING, False),
    ("ENDS_WITH", ["gold"], "rose-gold", True),
    ("ENDS_WITH", ["gold"], "gold-card", False),
    ("ENDS_WITH", ["45"], 12345, True),
    ("ENDS_WITH", ["gold"], MISSING, False),
    # number operators: numeric, text written as a number counts; other text never
    ("GREATER_THAN", ["100"], 150, True),
    ("GREATER_THAN", ["100"], 100, False),
    ("GREATER_THAN", ["100"], 100.5, True),
    ("GREATER_THAN", ["100"], 99.5, False),
    ("GREATER_THAN", ["100"], "150", True),
    ("GREATER_THAN", ["100"], "abc", False),
    ("GREATER_THAN", ["100"], True, False),
    ("GREATER_THAN", ["100"], MISSING, False),
    ("GREATER_THAN", ["-1.5"], -1, True),
    ("LESS_THAN", ["100"], 50, True),
    ("LESS_THAN", ["100"], 100, False),
    ("LESS_THAN", ["100"], 150, False),
    ("LESS_THAN", ["100"], "abc", False),
    ("GREATER_THAN_OR_EQUAL", ["100"], 100, True),
    ("GREATER_THAN_OR_EQUAL", ["100"], 100.0, True),
    ("GREATER_THAN_OR_EQUAL", ["100"], 99.99, False),
    ("GREATER_THAN_OR_EQUAL", ["100"], "x100", False),
    ("LESS_THAN_OR_EQUAL", ["100"], 100, True),
    ("LESS_THAN_OR_EQUAL", ["100"], 100.01, False),
    ("LESS_THAN_OR_EQUAL", ["100"], MISSING, False),
    ("EQUAL", ["100"], 100, True),
    ("EQUAL", ["100"], 100.0, True),
    ("EQUAL", ["100"], "1e2", True),
    ("EQUAL", ["100"], 101, False),
    ("EQUAL", ["100"], "100abc", False),
    ("EQUAL", ["100"], [100], False),
    # dates: instants; a timestamp without a zone is UTC
    ("BEFORE", [DAY], "2026-01-01T23:59:59Z", True),
    ("BEFORE", [DAY], DAY, False),
    ("BEFORE", [DAY], "2026-01-01T20:00:00-05:00", False),
    ("BEFORE", [DAY], "2026-01-02T00:30:00+01:00", True),
    ("BEFORE", [DAY], "2026-01-01T23:30:00", True),
    ("BEFORE", [DAY], "2026-01-01", True),
    ("BEFORE", [DAY], "not a date", False),
    ("BEFORE", [DAY], 20260101, False),
    ("BEFORE", [DAY], MISSING, False),
    ("AFTER", [DAY], "2026-01-01T23:30:00-05:00", True),
    ("AFTER", [DAY], "2026-01-02T00:00:00+01:00", False),
    ("AFTER", [DAY], "2026-01-02T00:00:01", True),
    ("AFTER", [DAY], "2026-01-02", False),
    ("AFTER", [DAY], DAY, False),
    ("AFTER", ["2026-01-02T00:00:00-05:00"], "2026-01-02T04:00:00Z", False),
    ("AFTER", ["2026-01-02T00:00:00-05:00"], "2026-01-02T05:00:01Z", True),
    # ON: the calendar day in the zone of the trigger's value
    ("ON", ["2026-01-02"], "2026-01-02T23:59:59Z", True),
    ("ON", ["2026-01-02"], "2026-01-02T10:00:00", True),
    ("ON", ["2026-01-02"], "2026-01-02", True),
    ("ON", ["2026-01-02"], "2026-01-03T00:00:00Z", False),
    ("ON", ["2026-01-02"], "2026-01-02T23:00:00-05:00", False),
    ("ON", ["2026-01-02T12:00:00+02:00"], "2026-01-01T22:30:00Z", True),
    ("ON", ["2026-01-02T12:00:00+02:00"], "2026-01-02T21:59:59Z", True),
    ("ON", ["2026-01-02T12:00:00+02:00"], "2026-01-02T22:30:00Z", False),
    ("ON", ["2026-01-02"], "yesterday", False),
    ("ON", ["2026-01-02"], MISSING, False),
    # BETWEEN / NOT_BETWEEN: inclusive bounds, numbers or dates
    ("BETWEEN", ["10", "20"], 10, True),
    ("BETWEEN", ["10", "20"], 20, True),
    ("BETWEEN", ["10", "20"], 15.5, True),
    ("BETWEEN", ["10", "20"], "15", True),
    ("BETWEEN", ["10", "20"], 9.99, False),
    ("BETWEEN", ["10", "20"], 20.01, False),
    ("BETWEEN", ["10", "20"], "abc", False),
    ("BETWEEN", ["10", "20"], MISSING, False),
    ("BETWEEN", ["2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z"], "2026-01-15", True),
    (
        "BETWEEN",
        ["2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z"],
        "2026-01-31T00:00:00Z",
        True,
    ),
    (
        "BETWEEN",
        ["2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z"],
        "2026-01-30T20:00:00-05:00",
        False,
    ),
    (
        "BETWEEN",
        ["2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z"],
        "2025-12-31T20:00:00-05:00",
        True,
    ),
    ("BETWEEN", ["2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z"], 15, False),
    ("NOT_BETWEEN", ["10", "20"], 5, True),
    ("NOT_BETWEEN", ["10", "20"], 25, True),
    ("NOT_BETWEEN", ["10", "20"], 10, False),
    ("NOT_BETWEEN", ["10", "20"], 20, False),
    ("NOT_BETWEEN", ["10", "20"], 15, False),
    ("NOT_BETWEEN", ["10", "20"], "abc", False),
    ("NOT_BETWEEN", ["10", "20"], MISSING, False),
    ("NOT_BETWEEN", ["2026-01-01", "2026-01-31"], "2026-02-01", True),
    ("NOT_BETWEEN", ["2026-01-01", "2026-01-31"], "2026-01-10", False),
]


def _case_id(case):
    operator, values, value, fired = case
    shown = "missing" if value is MISSING else json.dumps(value)
    return f"{operator}-{'|'.join(values)}-{shown}-{'fires' if fired else 'not'}"


def test_operator_table_covers_every_comparison_operator(client):
    operators = client.meta.service_model.shape_for("ComparisonOperator").enum
    assert {case[0] for case in OPERATOR_CASES} == set(operators)


@pytest.mark.parametrize(
    "operator, values, value, fired",
    OPERATOR_CASES,
    ids=[_case_id(c) for c in OPERATOR_CASES],
)
def test_comparison_operator(
    client, customerprofiles_trigger_invocations, operator, values, value, fired
):
    setup(client, [cond(dim(attr(operator, values)))])
    put(client, **({} if value is MISSING else {"v": value}))
    assert outcomes(customerprofiles_trigger_invocations) == [
        FIRED if fired else NOT_MET
    ]


# --- 2. logical operators, conditions, paths -----------------------------------------

BIG = dim(attr("GREATER_THAN", ["100"], field="total"))
VIP = dim(attr("INCLUSIVE", ["yes"], source="_source.vip"))


@pytest.mark.parametrize(
    "logical_operator, total, vip, fired",
    [
        ("ANY", 150, "yes", True),
        ("ANY", 150, "no", True),
        ("ANY", 50, "yes", True),
        ("ANY", 50, "no", False),
        ("ALL", 150, "yes", True),
        ("ALL", 150, "no", False),
        ("ALL", 50, "yes", False),
        ("ALL", 50, "no", False),
        ("NONE", 150, "yes", False),
        ("NONE", 150, "no", False),
        ("NONE", 50, "yes", False),
        ("NONE", 50, "no", True),
    ],
)
def test_logical_operator_over_two_dimensions(
    client, customerprofiles_trigger_invocations, logical_operator, total, vip, fired
):
    setup(client, [cond(BIG, VIP, logical_operator=logical_operator)])
    put(client, total=total, vip=vip)
    assert outcomes(customerprofiles_trigger_invocations) == [
        FIRED if fired else NOT_MET
    ]


@pytest.mark.parametrize("total, fired", [(150, True), (100, False), (250, False)])
def test_attributes_within_a_dimension_are_and_ed(
    client, customerprofiles_trigger_invocations, total, fired
):
    both = dim(
        attr("GREATER_THAN", ["100"], field="total"),
        attr("LESS_THAN", ["200"], source="_source.total"),
    )
    setup(client, [cond(both)])
    put(client, total=total)
    assert outcomes(customerprofiles_trigger_invocations) == [
        FIRED if fired else NOT_MET
    ]


@pytest.mark.parametrize(
    "total, vip, fired",
    [(150, "no", True), (50, "yes", True), (150, "yes", True), (50, "no", False)],
)
def test_conditions_are_or_ed(
    client, customerprofiles_trigger_invocations, total, vip, fired
):
    setup(
        client,
        [cond(BIG, logical_operator="ALL"), cond(VIP, logical_operator="ALL")],
    )
    put(client, total=total, vip=vip)
    assert outcomes(customerprofiles_trigger_invocations) == [
        FIRED if fired else NOT_MET
    ]


@pytest.mark.parametrize(
    "attribute",
    [
        attr("INCLUSIVE", ["Leeds"], source="_source.address.city"),
        attr("INCLUSIVE", ["Leeds"], source="address.city"),
        attr("INCLUSIVE", ["Leeds"], field="city"),
    ],
    ids=["_source.a.b", "a.b", "FieldName"],
)
@pytest.mark.parametrize(
    "content, fired",
    [
        ({"address": {"city": "Leeds"}}, True),
        # FieldName reads the field's Source, not a top-level member of its name
        ({"city": "Leeds", "address": {"city": "York"}}, False),
        ({"address": "Leeds"}, False),
        ({}, False),
    ],
    ids=["nested", "other-city", "not-an-object", "missing"],
)
def test_attribute_paths(
    client, customerprofiles_trigger_invocations, attribute, content, fired
):
    setup(client, [cond(dim(attribute))])
    put(client, **content)
    assert outcomes(customerprofiles_trigger_invocations) == [
        FIRED if fired else NOT_MET
    ]


# --- 3. limits ------------------------------------------------------------------------


def test_default_limit_is_10_per_profile_per_day(
    client, customerprofiles_trigger_invocations
):
    with freeze_time("2026-01-01T10:00:00Z"):
        setup(client)
        for _ in range(11):
            put(client, total=150)
    with freeze_time("2026-01-02T09:59:59Z"):
        put(client, total=150)
    with freeze_time("2026-01-02T10:00:01Z"):
        put(client, total=150)
    assert outcomes(customerprofiles_trigger_invocations) == [FIRED] * 10 + [
        LIMIT,
        LIMIT,
        FIRED,
    ]


def test_hours_period(client, customerprofiles_trigger_invocations):
    limits = {"Periods": [{"Unit": "HOURS", "Value": 1, "MaxInvocationsPerProfile": 2}]}
    with freeze_time("2026-01-01T10:00:00Z"):
        setup(client, limits=limits)
        for _ in range(3):
            put(client, total=150)
    with freeze_time("2026-01-01T10:59:59Z"):
        put(client, total=150)
    with freeze_time("2026-01-01T11:00:01Z"):
        put(client, total=150)
        put(client, total=150)
        put(client, total=150)
    assert outcomes(customerprofiles_trigger_invocations) == [
        FIRED,
        FIRED,
        LIMIT,
        LIMIT,
        FIRED,
        FIRED,
        LIMIT,
    ]


def test_two_periods_together(client, customerprofiles_trigger_invocations):
    limits = {
        "Periods": [
            {"Unit": "HOURS", "Value": 1, "MaxInvocationsPerProfile": 1},
            {"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 2},
        ]
    }
    with freeze_time("2026-01-01T10:00:00Z"):
        setup(client, limits=limits)
        put(client, total=150)  # fires
    with freeze_time("2026-01-01T10:30:00Z"):
        put(client, total=150)  # 1 in the hour
    with freeze_time("2026-01-01T11:01:00Z"):
        put(client, total=150)  # fires: 2nd of the day
    with freeze_time("2026-01-01T13:00:00Z"):
        put(client, total=150)  # hour free, 2 in the day
    with freeze_time("2026-01-02T10:00:01Z"):
        put(client, total=150)  # the first firing left the day window
    with freeze_time("2026-01-02T10:30:00Z"):
        put(client, total=150)  # 1 in the hour again
    assert outcomes(customerprofiles_trigger_invocations) == [
        FIRED,
        LIMIT,
        FIRED,
        LIMIT,
        FIRED,
        LIMIT,
    ]


def test_unlimited_period(client, customerprofiles_trigger_invocations):
    limits = {"Periods": [{"Unit": "DAYS", "Value": 1, "Unlimited": True}]}
    setup(client, limits=limits)
    for _ in range(12):
        put(client, total=150)
    assert outcomes(customerprofiles_trigger_invocations) == [FIRED] * 12


def test_limits_are_per_profile(client, customerprofiles_trigger_invocations):
    limits = {"Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 1}]}
    setup(client, limits=limits)
    put(client, email="ann@example.com", total=150)
    put(client, email="bob@example.com", total=150)
    put(client, email="ann@example.com", total=150)
    put(client, email="bob@example.com", total=150)
    records = customerprofiles_trigger_invocations(DOMAIN)
    assert [(r["Status"], r["Reason"]) for r in records] == [
        FIRED,
        FIRED,
        LIMIT,
        LIMIT,
    ]
    assert records[0]["ProfileId"] != records[1]["ProfileId"]
    assert [r["ProfileId"] for r in records[2:]] == [
        r["ProfileId"] for r in records[:2]
    ]


def test_conditions_not_met_do_not_use_up_the_limit(
    client, customerprofiles_trigger_invocations
):
    limits = {"Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 1}]}
    setup(client, limits=limits)
    put(client, total=5)
    put(client, total=150)
    put(client, total=150)
    assert outcomes(customerprofiles_trigger_invocations) == [NOT_MET, FIRED, LIMIT]


def test_event_expiration_sets_the_expiration_time_of_firings(
    client, customerprofiles_trigger_invocations
):
    limits = {
        "EventExpiration": 90500,
        "Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 1}],
    }
    with freeze_time("2026-01-01T10:00:00.250Z"):
        setup(client, limits=limits)
        put(client, total=150)
        put(client, total=5)
        put(client, total=150)
    fired, not_met, limited = customerprofiles_trigger_invocations(DOMAIN)
    assert fired["Timestamp"] == "2026-01-01T10:00:00.250Z"
    assert fired["ExpirationTime"] == "2026-01-01T10:01:30.750Z"
    assert parse_timestamp(fired["ExpirationTime"]) - parse_timestamp(
        fired["Timestamp"]
    ) == timedelta(milliseconds=90500)
    assert (not_met["Reason"], not_met["ExpirationTime"]) == (
        "CONDITIONS_NOT_MET",
        None,
    )
    assert (limited["Reason"], limited["ExpirationTime"]) == ("LIMIT_REACHED", None)


def test_no_event_expiration_gives_no_expiration_time(
    client, customerprofiles_trigger_invocations
):
    setup(client)
    put(client, total=150)
    assert [r["ExpirationTime"] for r in customerprofiles_trigger_invocations()] == [
        None
    ]


def test_minutes_period(customerprofiles_trigger_invocations):
    no_retry = boto3.client(
        "customer-profiles",
        region_name=REGION,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )
    limits = {
        "Periods": [{"Unit": "MINUTES", "Value": 5, "MaxInvocationsPerProfile": 1}]
    }
    with freeze_time("2026-01-01T10:00:00Z"):
        setup(no_retry, limits=limits)
        put(no_retry, total=150)
        put(no_retry, total=150)
    with freeze_time("2026-01-01T10:05:01Z"):
        put(no_retry, total=150)
    assert outcomes(customerprofiles_trigger_invocations) == [FIRED, LIMIT, FIRED]


# --- 4. reasons and record fields -----------------------------------------------------


def test_fired_record_fields(client, customerprofiles_trigger_invocations):
    with freeze_time("2026-03-04T05:06:07.089Z"):
        setup(client)
        key = put(client, email="ann@example.com", total=150)
    profile_id = client.search_profiles(
        DomainName=DOMAIN, KeyName="_email", Values=["ann@example.com"]
    )["Items"][0]["ProfileId"]
    (record,) = customerprofiles_trigger_invocations(DOMAIN)
    assert record == {
        "DomainName": DOMAIN,
        "EventTriggerName": "t",
        "IntegrationUri": URI,
        "ProfileId": profile_id,
        "ObjectTypeName": OBJECT_TYPE,
        "ProfileObjectUniqueKey": key,
        "Timestamp": "2026-03-04T05:06:07.089Z",
        "ExpirationTime": None,
        "Status": "FIRED",
        "Reason": None,
        "Detail": None,
        "AccountId": ACCOUNT_ID,
        "Region": REGION,
    }


def test_timestamp_format_follows_the_clock(
    client, customerprofiles_trigger_invocations
):
    setup(client)
    before = datetime.now(timezone.utc).replace(microsecond=0)
    put(client, total=150)
    after = datetime.now(timezone.utc)
    (record,) = customerprofiles_trigger_invocations(DOMAIN)
    assert TIMESTAMP.match(record["Timestamp"])
    assert before <= parse_timestamp(record["Timestamp"]) <= after


def test_suppressed_record_fields(client, customerprofiles_trigger_invocations):
    setup(client)
    key = put(client, total=5)
    (record,) = customerprofiles_trigger_invocations(DOMAIN)
    assert record["Status"] == "SUPPRESSED"
    assert record["Reason"] == "CONDITIONS_NOT_MET"
    assert record["IntegrationUri"] is None
    assert record["ProfileObjectUniqueKey"] == key
    assert record["ProfileId"] is not None
    assert (record["AccountId"], record["Region"]) == (ACCOUNT_ID, REGION)


def test_no_integration(client, customerprofiles_trigger_invocations):
    setup(client, uris=())
    put(client, total=150)
    (record,) = customerprofiles_trigger_invocations(DOMAIN)
    assert (record["Status"], record["Reason"], record["IntegrationUri"]) == (
        "SUPPRESSED",
        "NO_INTEGRATION",
        None,
    )


def test_an_integration_naming_another_trigger_does_not_fire_this_one(
    client, customerprofiles_trigger_invocations
):
    setup(client, trigger="a", uris=())
    setup(client, trigger="b", uris=(URI,), create_domain=False)
    put(client, total=150)
    records = customerprofiles_trigger_invocations(DOMAIN)
    assert [(r["EventTriggerName"], r["Status"], r["Reason"]) for r in records] == [
        ("a", "SUPPRESSED", "NO_INTEGRATION"),
        ("b", "FIRED", None),
    ]


def test_no_profile(client, customerprofiles_trigger_invocations):
    setup(client, allow_profile_creation=False)
    key = put(client, total=150)
    (record,) = customerprofiles_trigger_invocations(DOMAIN)
    assert (record["Status"], record["Reason"]) == ("SUPPRESSED", "NO_PROFILE")
    assert record["ProfileId"] is None
    assert record["ProfileObjectUniqueKey"] == key


def test_an_existing_profile_is_matched_without_profile_creation(
    client, customerprofiles_trigger_invocations
):
    setup(client, allow_profile_creation=False)
    profile_id = client.create_profile(
        DomainName=DOMAIN, EmailAddress="ann@example.com"
    )["ProfileId"]
    client.add_profile_key(
        DomainName=DOMAIN,
        ProfileId=profile_id,
        KeyName="email",
        Values=["ann@example.com"],
    )
    put(client, total=150)
    (record,) = customerprofiles_trigger_invocations(DOMAIN)
    assert (record["Status"], record["ProfileId"]) == ("FIRED", profile_id)


def test_conditions_are_checked_before_the_profile(
    client, customerprofiles_trigger_invocations
):
    setup(client, allow_profile_creation=False)
    put(client, total=5)
    assert outcomes(customerprofiles_trigger_invocations) == [NOT_MET]


@pytest.mark.parametrize(
    "email, outcome",
    [
        ("ann@example.com", FIRED),
        ("bob@other.org", ("SUPPRESSED", "SEGMENT_MISMATCH")),
    ],
)
def test_segment_filter(client, customerprofiles_trigger_invocations, email, outcome):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName=OBJECT_TYPE,
        Description="orders",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )
    client.create_segment_definition(
        DomainName=DOMAIN,
        SegmentDefinitionName="example-com",
        DisplayName="example.com",
        SegmentGroups={
            "Groups": [
                {
                    "Dimensions": [
                        {
                            "ProfileAttributes": {
                                "EmailAddress": {
                                    "DimensionType": "ENDS_WITH",
                                    "Values": ["@example.com"],
                                }
                            }
                        }
                    ]
                }
            ]
        },
    )
    setup(client, segment_filter="example-com", create_domain=False)
    put(client, email=email, total=150)
    assert outcomes(customerprofiles_trigger_invocations) == [outcome]


def test_a_segment_filter_in_a_cycle_is_a_mismatch_that_says_so(
    client, customerprofiles_trigger_invocations
):
    setup(client, segment_filter="a")

    def create(name, group):
        client.create_segment_definition(
            DomainName=DOMAIN,
            SegmentDefinitionName=name,
            DisplayName=name,
            SegmentGroups={"Groups": [group]},
        )

    create("a", {"Dimensions": [{"ProfileAttributes": {"EmailAddress": {"DimensionType": "ENDS_WITH", "Values": ["@example.com"]}}}]})  # fmt: skip
    create("b", {"SourceSegments": [{"SegmentDefinitionName": "a"}]})
    client.delete_segment_definition(DomainName=DOMAIN, SegmentDefinitionName="a")
    create("a", {"SourceSegments": [{"SegmentDefinitionName": "b"}]})
    put(client, total=150)
    (record,) = customerprofiles_trigger_invocations(DOMAIN)
    assert (record["Status"], record["Reason"], record["Detail"]) == (
        "SUPPRESSED",
        "SEGMENT_MISMATCH",
        "SourceSegments form a cycle: a -> b -> a",
    )


def test_two_integrations_naming_the_trigger_fire_twice(
    client, customerprofiles_trigger_invocations
):
    limits = {"Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 1}]}
    setup(client, uris=(URI_2, URI), limits=limits)
    key = put(client, total=150)
    put(client, total=150)
    records = customerprofiles_trigger_invocations(DOMAIN)
    assert [(r["Status"], r["IntegrationUri"]) for r in records] == [
        ("FIRED", URI),
        ("FIRED", URI_2),
        ("SUPPRESSED", None),
    ]
    assert {r["ProfileObjectUniqueKey"] for r in records[:2]} == {key}
    assert records[2]["Reason"] == "LIMIT_REACHED"


def test_triggers_of_other_object_types_are_not_evaluated(
    client, customerprofiles_trigger_invocations
):
    setup(client)
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName="Refund",
        Description="refunds",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )
    setup(client, trigger="refund-t", object_type="Refund", uris=(URI_2,),
          create_domain=False)  # fmt: skip
    put(client, total=150)
    put(client, object_type="Refund", total=5)
    records = customerprofiles_trigger_invocations(DOMAIN)
    assert [
        (r["EventTriggerName"], r["ObjectTypeName"], r["Status"]) for r in records
    ] == [("t", OBJECT_TYPE, "FIRED"), ("refund-t", "Refund", "SUPPRESSED")]


def test_every_trigger_of_the_type_is_evaluated_in_name_order(
    client, customerprofiles_trigger_invocations
):
    setup(client, trigger="b-small", uris=(URI,),
          conditions=[cond(dim(attr("LESS_THAN", ["10"], field="total")))])  # fmt: skip
    setup(client, trigger="a-big", uris=(URI_2,), create_domain=False)
    put(client, total=150)
    records = customerprofiles_trigger_invocations(DOMAIN)
    assert [(r["EventTriggerName"], r["Status"]) for r in records] == [
        ("a-big", "FIRED"),
        ("b-small", "SUPPRESSED"),
    ]


def test_an_updated_object_is_evaluated_again(
    client, customerprofiles_trigger_invocations
):
    setup(client)
    first = put(client, id="same", total=150)
    second = put(client, id="same", total=5)
    assert first == second
    records = customerprofiles_trigger_invocations(DOMAIN)
    assert [(r["Status"], r["ProfileObjectUniqueKey"]) for r in records] == [
        ("FIRED", first),
        ("SUPPRESSED", first),
    ]


def test_records_are_filtered_by_domain(client, customerprofiles_trigger_invocations):
    setup(client, domain="d")
    setup(client, domain="e", uris=(URI_2,))
    put(client, domain="d", total=150)
    put(client, domain="e", total=5)
    read = customerprofiles_trigger_invocations
    assert [(r["DomainName"], r["Status"]) for r in read("d")] == [("d", "FIRED")]
    assert [(r["DomainName"], r["Status"]) for r in read("e")] == [("e", "SUPPRESSED")]
    assert [r["DomainName"] for r in read()] == ["d", "e"]
    assert read("nope") == []


def test_records_start_empty_in_a_new_mock(
    client, customerprofiles_trigger_invocations
):
    # Earlier tests recorded invocations: each test's mock_aws starts without them.
    assert customerprofiles_trigger_invocations() == []
    setup(client)
    put(client, total=150)
    assert len(customerprofiles_trigger_invocations()) == 1


# --- 5. the HTTP endpoint and the Python function -------------------------------------


def _moto_api(endpoint):
    base = endpoint if settings.TEST_SERVER_MODE else "http://motoapi.amazonaws.com"
    return f"{base}/moto-api/customerprofiles/trigger-invocations"


def test_http_endpoint(client, customerprofiles_trigger_invocations, endpoint):
    setup(client, domain="d")
    setup(client, domain="e", uris=(URI_2,))
    put(client, domain="d", total=150)
    put(client, domain="e", total=150)
    url = _moto_api(endpoint)

    response = requests.get(url, params={"domain": "d"}, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["TriggerInvocations"]
    assert body["TriggerInvocations"] == customerprofiles_trigger_invocations("d")
    assert [r["DomainName"] for r in body["TriggerInvocations"]] == ["d"]

    everything = requests.get(url, timeout=30).json()["TriggerInvocations"]
    assert [r["DomainName"] for r in everything] == ["d", "e"]
    by_place = requests.get(
        url, params={"account": ACCOUNT_ID, "region": REGION}, timeout=30
    ).json()["TriggerInvocations"]
    assert by_place == everything
    for params in ({"region": "us-east-1"}, {"account": "111111111111"}):
        other = requests.get(url, params=params, timeout=30).json()
        assert other == {"TriggerInvocations": []}


def test_records_of_another_region(customerprofiles_trigger_invocations, endpoint):
    east = boto3.client("customer-profiles", region_name="us-east-1")
    setup(east)
    put(east, total=150)
    (record,) = customerprofiles_trigger_invocations(DOMAIN)
    assert record["Region"] == "us-east-1"
    url = _moto_api(endpoint)
    assert requests.get(url, params={"region": REGION}, timeout=30).json() == {
        "TriggerInvocations": []
    }


@pytest.mark.skipif(settings.TEST_SERVER_MODE, reason="reads the in-process backend")
def test_python_function(client):
    import moto_customerprofiles

    assert moto_customerprofiles.trigger_invocations() == []
    setup(client, domain="d")
    setup(client, domain="e", uris=(URI_2,))
    put(client, domain="d", total=150)
    put(client, domain="e", total=5)
    records = moto_customerprofiles.trigger_invocations()
    assert [(r["DomainName"], r["Status"]) for r in records] == [
        ("d", "FIRED"),
        ("e", "SUPPRESSED"),
    ]
    assert moto_customerprofiles.trigger_invocations("e") == records[1:]
    assert (
        moto_customerprofiles.trigger_invocations(
            account_id=ACCOUNT_ID, region_name=REGION
        )
        == records
    )
    assert moto_customerprofiles.trigger_invocations(region_name="us-east-1") == []
    assert moto_customerprofiles.trigger_invocations(account_id="111111111111") == []
