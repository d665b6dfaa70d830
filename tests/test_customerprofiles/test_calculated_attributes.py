"""Calculated attributes: definitions, the values computed from a profile's objects,
standard objects, and segments that filter on calculated attributes.

Every expected value below is worked out by hand from the objects the test puts.
"""

import json
from datetime import datetime, timedelta, timezone

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from .helpers import ACCOUNT_ID, REGION, client_error, transition

DOMAIN = "d"
TYPE = "sale"
UNKNOWN_ID = "0" * 32
FIELDS = {
    "id": {"Source": "_source.id"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "amount": {"Source": "_source.amount"},
    "channel": {"Source": "_source.channel"},
    "status": {"Source": "_source.status"},
    "day": {"Source": "_source.day"},
    "at": {"Source": "_source.at"},
    "ms": {"Source": "_source.ms"},
}
KEYS = {
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}
NOW = datetime.now(timezone.utc)


@pytest.fixture
def domain(client):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName=TYPE,
        Description="sales",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )
    return DOMAIN


def details(expression, *names):
    return {"Attributes": [{"Name": n} for n in names], "Expression": expression}


def define(client, name="calc", expression="{sale.amount}", names=("amount",), **extra):
    extra.setdefault("Statistic", "SUM")
    extra.setdefault("UseHistoricalData", True)
    return client.create_calculated_attribute_definition(
        DomainName=DOMAIN,
        CalculatedAttributeName=name,
        AttributeDetails=details(expression, *names),
        **extra,
    )


def put(client, email="a@example.com", **content):
    content.setdefault("id", f"o{len(json.dumps(content))}{sorted(content.items())}")
    client.put_profile_object(
        DomainName=DOMAIN,
        ObjectTypeName=TYPE,
        Object=json.dumps({"email": email, **content}),
    )


def profile_id(client, email="a@example.com"):
    found = client.search_profiles(DomainName=DOMAIN, KeyName="_email", Values=[email])
    return found["Items"][0]["ProfileId"]


def value_of(client, name="calc", email="a@example.com"):
    response = client.get_calculated_attribute_for_profile(
        DomainName=DOMAIN,
        ProfileId=profile_id(client, email),
        CalculatedAttributeName=name,
    )
    return response.get("Value")


def days_ago(days):
    return (NOW - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- statistics -------------------------------------------------------------------------

# amounts 3, 5, 5, 10 on channels phone, chat, chat, email, put in that order.
SALES = [(3, "phone"), (5, "chat"), (5, "chat"), (10, "email")]


@pytest.mark.parametrize(
    "statistic, expression, names, expected",
    [
        ("FIRST_OCCURRENCE", "{sale.channel}", ("channel",), "phone"),
        ("LAST_OCCURRENCE", "{sale.channel}", ("channel",), "email"),
        ("COUNT", "{sale.amount}", ("amount",), "4"),
        ("SUM", "{sale.amount}", ("amount",), "23"),
        ("MINIMUM", "{sale.amount}", ("amount",), "3"),
        ("MAXIMUM", "{sale.amount}", ("amount",), "10"),
        ("AVERAGE", "{sale.amount}", ("amount",), "5.75"),  # 23 / 4
        ("MAX_OCCURRENCE", "{sale.channel}", ("channel",), "chat"),
        (
            "RECENT_OCCURRENCES",
            "{sale.channel}",
            ("channel",),
            '["email", "chat", "phone"]',
        ),
        ("SUM", "{sale.amount} * 2", ("amount",), "46"),
        ("SUM", "{sale.amount} / 2", ("amount",), "11.5"),
        ("MAXIMUM", "{sale.amount} - 1", ("amount",), "9"),
        ("MINIMUM", "{sale.amount} + 0.5", ("amount",), "3.5"),
    ],
)
def test_statistic_over_the_profiles_objects(
    client, domain, statistic, expression, names, expected
):
    define(client, expression=expression, names=names, Statistic=statistic)
    for i, (amount, channel) in enumerate(SALES):
        put(client, id=f"s{i}", amount=amount, channel=channel)
    response = client.get_calculated_attribute_for_profile(
        DomainName=DOMAIN, ProfileId=profile_id(client), CalculatedAttributeName="calc"
    )
    assert response["Value"] == expected
    assert response["IsDataPartial"] == "false"
    assert response["CalculatedAttributeName"] == "calc"


def test_expression_over_two_attributes(client, domain):
    define(
        client,
        expression="{sale.amount} - {sale.ms}",
        names=("amount", "ms"),
        Statistic="SUM",
    )
    put(client, id="a", amount=10, ms=4)
    put(client, id="b", amount=3, ms=1)
    assert value_of(client) == "8"  # (10 - 4) + (3 - 1)


def test_count_of_a_profile_without_objects_is_zero(client, domain):
    define(client, name="n", Statistic="COUNT")
    define(client, name="s", Statistic="SUM")
    pid = client.create_profile(DomainName=DOMAIN, FirstName="Ann")["ProfileId"]
    items = client.list_calculated_attributes_for_profile(
        DomainName=DOMAIN, ProfileId=pid
    )["Items"]
    assert items == [
        {"CalculatedAttributeName": "n", "IsDataPartial": "false", "Value": "0"},
        {"CalculatedAttributeName": "s", "IsDataPartial": "false"},
    ]


def test_only_the_expressions_object_type_counts(client, domain):
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName="other",
        Description="other",
        Fields=FIELDS,
        Keys=KEYS,
    )
    define(client, Statistic="COUNT")
    put(client, id="a", amount=1)
    client.put_profile_object(
        DomainName=DOMAIN,
        ObjectTypeName="other",
        Object=json.dumps({"id": "b", "email": "a@example.com", "amount": 2}),
    )
    assert value_of(client) == "1"


# --- conditions -------------------------------------------------------------------------

# amounts 1, 2, 4, 8 timed (field "at") 1, 10, 40 and 100 days ago
TIMED = [(1, 1), (2, 10), (4, 40), (8, 100)]
AT = "{sale.at}"


@pytest.mark.parametrize(
    "conditions, expected, partial",
    [
        ({"Range": {"Value": 30, "Unit": "DAYS", "TimestampSource": AT}}, "3", "false"),
        ({"Range": {"Value": 60, "Unit": "DAYS", "TimestampSource": AT}}, "7", "false"),
        (
            {
                "Range": {
                    "ValueRange": {"Start": 50, "End": 5},
                    "Unit": "DAYS",
                    "TimestampSource": AT,
                }
            },
            "6",  # 10 and 40 days ago
            "false",
        ),
        (
            {
                "Range": {
                    "Value": 5,
                    "ValueRange": {"Start": 200, "End": 50},
                    "Unit": "DAYS",
                    "TimestampSource": AT,
                    "TimestampFormat": "ISO_8601",
                }
            },
            "8",  # ValueRange overrides Value
            "false",
        ),
        ({"Range": {"Value": 1, "Unit": "DAYS"}}, "15", "false"),  # ingestion time
        (
            {"Range": {"ValueRange": {"Start": -1, "End": -5}, "Unit": "DAYS"}},
            None,
            "false",
        ),
        (
            {"ObjectCount": 2, "Range": {"Value": 365, "TimestampSource": AT}},
            "3",
            "false",
        ),
        ({"ObjectCount": 10}, "15", "true"),  # fewer objects than asked for
        ({"Threshold": {"Value": "10", "Operator": "GREATER_THAN"}}, "true", "false"),
        ({"Threshold": {"Value": "10", "Operator": "LESS_THAN"}}, "false", "false"),
        ({"Threshold": {"Value": "15", "Operator": "EQUAL_TO"}}, "true", "false"),
        ({"Threshold": {"Value": "15", "Operator": "NOT_EQUAL_TO"}}, "false", "false"),
    ],
)
def test_conditions(client, domain, conditions, expected, partial):
    define(client, Conditions=conditions)
    for i, (amount, age) in enumerate(TIMED):
        put(client, id=f"t{i}", amount=amount, at=days_ago(age))
    response = client.get_calculated_attribute_for_profile(
        DomainName=DOMAIN, ProfileId=profile_id(client), CalculatedAttributeName="calc"
    )
    assert response.get("Value") == expected
    assert response["IsDataPartial"] == partial


def test_epoch_milli_timestamp_source(client, domain):
    define(
        client,
        Conditions={
            "Range": {
                "Value": 30,
                "Unit": "DAYS",
                "TimestampSource": "{sale.ms}",
                "TimestampFormat": "EPOCHMILLI",
            }
        },
    )
    for amount, age in TIMED:
        millis = int((NOW - timedelta(days=age)).timestamp() * 1000)
        put(client, id=f"m{amount}", amount=amount, ms=millis)
    assert value_of(client) == "3"  # 1 and 10 days ago


def test_last_object_timestamp_is_the_newest_objects_time(client, domain):
    define(client, Conditions={"Range": {"Value": 365, "TimestampSource": AT}})
    put(client, id="a", amount=1, at="2026-01-02T03:04:05Z")
    put(client, id="b", amount=1, at="2025-12-01T00:00:00Z")
    with freeze_time("2026-02-01T00:00:00Z"):
        response = client.get_calculated_attribute_for_profile(
            DomainName=DOMAIN,
            ProfileId=profile_id(client),
            CalculatedAttributeName="calc",
        )
    assert response["LastObjectTimestamp"] == datetime(
        2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc
    )


def test_a_range_follows_the_clock(client, domain):
    define(client, Conditions={"Range": {"Value": 30, "TimestampSource": AT}})
    put(client, id="a", amount=1, at="2026-01-01T00:00:00Z")
    put(client, id="b", amount=2, at="2026-01-20T00:00:00Z")
    with freeze_time("2026-01-25T00:00:00Z"):
        assert value_of(client) == "3"
    with freeze_time("2026-02-10T00:00:00Z"):
        assert value_of(client) == "2"  # the first is now 40 days old
    with freeze_time("2026-03-01T00:00:00Z"):
        assert value_of(client) is None


def test_a_range_follows_the_clock_back_and_forth(client, domain):
    """Values kept between requests hold only while the clock gives the same value."""
    define(client, Conditions={"Range": {"Value": 30, "TimestampSource": AT}})
    put(client, id="a", amount=1, at="2026-01-01T00:00:00Z")
    put(client, id="b", amount=2, at="2026-01-20T00:00:00Z")
    readings = [
        ("2026-01-25T00:00:00Z", "3"),
        ("2026-01-31T00:00:00Z", "3"),  # the first is 30 days old: still in
        ("2026-01-31T00:00:01Z", "2"),  # and now out
        ("2026-01-10T00:00:00Z", "1"),  # back: the second is in the future
        ("2026-01-20T00:00:00Z", "3"),  # the second arrives
        ("2026-02-20T00:00:00Z", None),
    ]
    seen = []
    for moment, _ in readings:
        with freeze_time(moment):
            seen.append((moment, value_of(client)))
    assert seen == readings


def test_a_kept_value_follows_objects_and_updates(client, domain):
    define(client)
    put(client, id="a", amount=5)
    values = [value_of(client)]
    put(client, id="b", amount=1)
    values.append(value_of(client))
    pid = profile_id(client)
    key = client.list_profile_objects(
        DomainName=DOMAIN, ObjectTypeName=TYPE, ProfileId=pid
    )["Items"][1]["ProfileObjectUniqueKey"]
    client.delete_profile_object(
        DomainName=DOMAIN,
        ProfileId=pid,
        ProfileObjectUniqueKey=key,
        ObjectTypeName=TYPE,
    )
    values.append(value_of(client))
    client.update_calculated_attribute_definition(
        DomainName=DOMAIN,
        CalculatedAttributeName="calc",
        Conditions={"Threshold": {"Value": "4", "Operator": "GREATER_THAN"}},
    )
    values.append(value_of(client))
    client.delete_calculated_attribute_definition(
        DomainName=DOMAIN, CalculatedAttributeName="calc"
    )
    define(client, Statistic="COUNT")
    values.append(value_of(client))
    assert values == ["5", "6", "5", "true", "1"]


def test_without_historical_data_objects_put_before_the_definition_do_not_count(
    client, domain
):
    with freeze_time("2026-01-01T00:00:00Z"):
        put(client, id="old", amount=5)
    with freeze_time("2026-01-02T00:00:00Z"):
        define(client, UseHistoricalData=False)
    with freeze_time("2026-01-03T00:00:00Z"):
        put(client, id="new", amount=7)
        assert value_of(client) == "7"


def test_a_range_reaching_before_the_definition_is_partial_without_history(
    client, domain
):
    with freeze_time("2026-01-01T00:00:00Z"):
        define(client, UseHistoricalData=False, Conditions={"Range": {"Value": 30}})
    with freeze_time("2026-01-02T00:00:00Z"):
        put(client, id="a", amount=7)
        pid = profile_id(client)
        response = client.get_calculated_attribute_for_profile(
            DomainName=DOMAIN, ProfileId=pid, CalculatedAttributeName="calc"
        )
    assert (response["Value"], response["IsDataPartial"]) == ("7", "true")
    with freeze_time("2026-02-15T00:00:00Z"):
        response = client.get_calculated_attribute_for_profile(
            DomainName=DOMAIN, ProfileId=pid, CalculatedAttributeName="calc"
        )
    assert (response.get("Value"), response["IsDataPartial"]) == (None, "false")


# --- filters ----------------------------------------------------------------------------

# channel, status, amount, day
FILTERED = [
    ("phone", "open", 1, "2024-01-10"),
    ("chat", "closed", 2, "2024-02-10"),
    ("email", "open", 4, "2024-03-10"),
]


def dim(attribute, dimension_type, *values):
    return {
        "Attributes": {
            attribute: {"DimensionType": dimension_type, "Values": list(values)}
        }
    }


def one_group(*dimensions, type_="ALL", include="ALL"):
    return {
        "Include": include,
        "Groups": [{"Type": type_, "Dimensions": list(dimensions)}],
    }


@pytest.mark.parametrize(
    "filter_, expected",
    [
        (one_group(dim("status", "INCLUSIVE", "open")), "2"),
        (one_group(dim("status", "INCLUSIVE", "open", "closed")), "3"),  # values OR
        (one_group(dim("status", "EXCLUSIVE", "open")), "1"),
        (one_group(dim("channel", "CONTAINS", "a")), "2"),  # chat, email
        (one_group(dim("channel", "BEGINS_WITH", "ph")), "1"),
        (one_group(dim("channel", "ENDS_WITH", "il")), "1"),
        (one_group(dim("status", "INCLUSIVE", "Open")), "0"),  # case-sensitive
        (one_group(dim("amount", "GREATER_THAN", "1")), "2"),
        (one_group(dim("amount", "LESS_THAN", "4")), "2"),
        (one_group(dim("amount", "GREATER_THAN_OR_EQUAL", "2")), "2"),
        (one_group(dim("amount", "LESS_THAN_OR_EQUAL", "2")), "2"),
        (one_group(dim("amount", "EQUAL", "4")), "1"),
        (one_group(dim("amount", "BETWEEN", "1", "2")), "2"),
        (one_group(dim("amount", "NOT_BETWEEN", "1", "2")), "1"),
        (one_group(dim("day", "BEFORE", "2024-02-01")), "1"),
        (one_group(dim("day", "AFTER", "2024-02-01")), "2"),
        (one_group(dim("day", "ON", "2024-02-10")), "1"),
        (one_group(dim("day", "BETWEEN", "2024-02-01", "2024-03-31")), "2"),
        (one_group(dim("missing", "EXCLUSIVE", "x")), "0"),  # a missing attribute
        (
            one_group(
                dim("status", "INCLUSIVE", "open"), dim("amount", "GREATER_THAN", "1")
            ),
            "1",  # email only
        ),
        (
            one_group(
                dim("status", "INCLUSIVE", "open"),
                dim("amount", "GREATER_THAN", "1"),
                type_="ANY",
            ),
            "3",
        ),
        (
            one_group(
                dim("status", "INCLUSIVE", "open"),
                dim("amount", "GREATER_THAN", "1"),
                type_="NONE",
            ),
            "0",
        ),
        (one_group(dim("status", "INCLUSIVE", "open"), include="NONE"), "1"),
        (
            {
                "Include": "ANY",
                "Groups": [
                    {
                        "Type": "ALL",
                        "Dimensions": [dim("channel", "INCLUSIVE", "phone")],
                    },
                    {
                        "Type": "ALL",
                        "Dimensions": [dim("channel", "INCLUSIVE", "chat")],
                    },
                ],
            },
            "2",
        ),
        (
            {
                "Include": "ALL",
                "Groups": [
                    {"Type": "ALL", "Dimensions": [dim("status", "INCLUSIVE", "open")]},
                    {"Type": "ALL", "Dimensions": [dim("amount", "LESS_THAN", "2")]},
                ],
            },
            "1",
        ),
    ],
)
def test_filter(client, domain, filter_, expected):
    define(client, Statistic="COUNT", Filter=filter_)
    for i, (channel, status, amount, day) in enumerate(FILTERED):
        put(client, id=f"f{i}", channel=channel, status=status, amount=amount, day=day)
    assert value_of(client) == expected


# --- values follow the objects ----------------------------------------------------------


def test_value_follows_an_object_put_again(client, domain):
    define(client)
    put(client, id="a", amount=5)
    put(client, id="b", amount=1)
    put(client, id="a", amount=9)  # same unique key: replaces the first
    assert value_of(client) == "10"


def test_value_follows_a_deleted_object(client, domain):
    define(client)
    put(client, id="a", amount=5)
    put(client, id="b", amount=1)
    pid = profile_id(client)
    key = client.list_profile_objects(
        DomainName=DOMAIN, ObjectTypeName=TYPE, ProfileId=pid
    )["Items"][0]["ProfileObjectUniqueKey"]
    client.delete_profile_object(
        DomainName=DOMAIN,
        ProfileId=pid,
        ProfileObjectUniqueKey=key,
        ObjectTypeName=TYPE,
    )
    assert value_of(client) == "1"


def test_value_follows_a_merge(client, domain):
    define(client)
    put(client, email="a@example.com", id="a", amount=5)
    put(client, email="b@example.com", id="b", amount=2)
    main, duplicate = (
        profile_id(client, "a@example.com"),
        profile_id(client, "b@example.com"),
    )
    client.merge_profiles(
        DomainName=DOMAIN, MainProfileId=main, ProfileIdsToBeMerged=[duplicate]
    )
    response = client.get_calculated_attribute_for_profile(
        DomainName=DOMAIN, ProfileId=main, CalculatedAttributeName="calc"
    )
    assert response["Value"] == "7"


def test_a_deleted_profile_has_no_value(client, domain):
    define(client)
    put(client, id="a", amount=5)
    pid = profile_id(client)
    client.delete_profile(DomainName=DOMAIN, ProfileId=pid)
    with pytest.raises(ClientError) as exc:
        client.get_calculated_attribute_for_profile(
            DomainName=DOMAIN, ProfileId=pid, CalculatedAttributeName="calc"
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Profile {pid} does not exist in domain {DOMAIN}.",
        404,
    )


def test_max_profile_object_count_keeps_the_newest_objects(client, domain):
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName=TYPE,
        Description="sales",
        AllowProfileCreation=True,
        MaxProfileObjectCount=2,
        Fields=FIELDS,
        Keys=KEYS,
    )
    define(client)
    for i, amount in enumerate([1, 2, 4]):
        put(client, id=f"x{i}", amount=amount)
    assert value_of(client) == "6"


def test_objects_of_other_profiles_do_not_count(client, domain):
    define(client)
    put(client, email="a@example.com", id="a", amount=5)
    put(client, email="b@example.com", id="b", amount=2)
    assert value_of(client, email="a@example.com") == "5"


# --- definitions ------------------------------------------------------------------------


def test_create_returns_the_definition(client, domain):
    response = define(
        client,
        DisplayName="Total",
        Description="sum of sales",
        Statistic="SUM",
        Conditions={"ObjectCount": 5},
        Filter=one_group(dim("status", "INCLUSIVE", "open")),
        Tags={"team": "x"},
    )
    response.pop("ResponseMetadata")
    assert response.pop("CreatedAt") == response.pop("LastUpdatedAt")
    assert response == {
        "CalculatedAttributeName": "calc",
        "DisplayName": "Total",
        "Description": "sum of sales",
        "AttributeDetails": details("{sale.amount}", "amount"),
        "Conditions": {"ObjectCount": 5},
        "Filter": one_group(dim("status", "INCLUSIVE", "open")),
        "Statistic": "SUM",
        "UseHistoricalData": True,
        "Status": "COMPLETED",
        "Readiness": {"ProgressPercentage": 100},
        "Tags": {"team": "x"},
    }


def test_get_returns_what_create_returned(client, domain):
    created = define(client, DisplayName="Total")
    got = client.get_calculated_attribute_definition(
        DomainName=DOMAIN, CalculatedAttributeName="calc"
    )
    created.pop("ResponseMetadata")
    got.pop("ResponseMetadata")
    assert got == created


def test_use_historical_data_defaults_to_false(client, domain):
    response = define(client, UseHistoricalData=False)
    assert response["UseHistoricalData"] is False


def test_status_progresses_through_the_state_manager(client, domain):
    model = "customerprofiles::calculated_attribute"
    with transition(model):
        created = define(client)
        steps = [
            client.get_calculated_attribute_definition(
                DomainName=DOMAIN, CalculatedAttributeName="calc"
            )
            for _ in range(3)
        ]
    assert (created["Status"], created["Readiness"]["ProgressPercentage"]) == (
        "PREPARING",
        0,
    )
    assert [(s["Status"], s["Readiness"]["ProgressPercentage"]) for s in steps] == [
        ("IN_PROGRESS", 50),
        ("COMPLETED", 100),
        ("COMPLETED", 100),
    ]


def test_historical_data_is_left_out_until_completed(client, domain):
    model = "customerprofiles::calculated_attribute"
    with freeze_time("2026-01-01T00:00:00Z"):
        put(client, id="old", amount=5)
    with transition(model):
        with freeze_time("2026-01-02T00:00:00Z"):
            define(client, UseHistoricalData=True)
            put(client, id="new", amount=7)
            pending = client.get_calculated_attribute_for_profile(
                DomainName=DOMAIN,
                ProfileId=profile_id(client),
                CalculatedAttributeName="calc",
            )
            for _ in range(2):
                client.get_calculated_attribute_definition(
                    DomainName=DOMAIN, CalculatedAttributeName="calc"
                )
            done = client.get_calculated_attribute_for_profile(
                DomainName=DOMAIN,
                ProfileId=profile_id(client),
                CalculatedAttributeName="calc",
            )
    assert (pending["Value"], pending["IsDataPartial"]) == ("7", "true")
    assert (done["Value"], done["IsDataPartial"]) == ("12", "false")


def test_update_changes_display_name_description_and_conditions(client, domain):
    define(client, Conditions={"Range": {"Value": 30, "TimestampSource": AT}})
    response = client.update_calculated_attribute_definition(
        DomainName=DOMAIN,
        CalculatedAttributeName="calc",
        DisplayName="New",
        Description="new description",
        Conditions={"Range": {"Value": 60}, "ObjectCount": 3},
    )
    assert response["DisplayName"] == "New"
    assert response["Description"] == "new description"
    assert response["Conditions"] == {
        "Range": {"Value": 60, "TimestampSource": AT},
        "ObjectCount": 3,
    }
    assert response["Statistic"] == "SUM"
    assert response["AttributeDetails"] == details("{sale.amount}", "amount")
    assert response["LastUpdatedAt"] >= response["CreatedAt"]


def test_update_keeps_the_conditions_not_given(client, domain):
    define(client, Conditions={"ObjectCount": 3})
    response = client.update_calculated_attribute_definition(
        DomainName=DOMAIN,
        CalculatedAttributeName="calc",
        Conditions={"Threshold": {"Value": "1", "Operator": "EQUAL_TO"}},
    )
    assert response["Conditions"] == {
        "ObjectCount": 3,
        "Threshold": {"Value": "1", "Operator": "EQUAL_TO"},
    }


@pytest.mark.parametrize(
    "member, value",
    [("TimestampSource", "{sale.ms}"), ("TimestampFormat", "EPOCHMILLI")],
)
def test_update_refuses_a_new_timestamp_source_or_format(client, domain, member, value):
    define(client, Conditions={"Range": {"Value": 30, "TimestampSource": AT}})
    with pytest.raises(ClientError) as exc:
        client.update_calculated_attribute_definition(
            DomainName=DOMAIN,
            CalculatedAttributeName="calc",
            DisplayName="changed",
            Conditions={"Range": {"Value": 30, member: value}},
        )
    assert client_error(exc) == (
        "BadRequestException",
        f"Conditions.Range.{member} cannot be updated after a calculated attribute "
        "definition has been created",
        400,
    )
    got = client.get_calculated_attribute_definition(
        DomainName=DOMAIN, CalculatedAttributeName="calc"
    )
    assert "DisplayName" not in got


def test_create_refuses_a_duplicate_name(client, domain):
    define(client)
    with pytest.raises(ClientError) as exc:
        define(client)
    assert client_error(exc) == (
        "BadRequestException",
        "Calculated attribute definition with name calc already exists",
        400,
    )


def test_create_refuses_the_51st_definition(client, domain):
    for i in range(50):
        define(client, name=f"c{i}")
    with pytest.raises(ClientError) as exc:
        define(client, name="c50")
    assert client_error(exc) == (
        "BadRequestException",
        "Exceeded the quota of calculated attributes per domain (50)",
        400,
    )
    listed = client.list_calculated_attribute_definitions(
        DomainName=DOMAIN, MaxResults=100
    )["Items"]
    assert len(listed) == 50


def test_create_refuses_an_unknown_object_type(client, domain):
    with pytest.raises(ClientError) as exc:
        define(client, expression="{nope.amount}")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Object type nope does not exist in domain {DOMAIN}.",
        404,
    )


def test_create_refuses_two_object_types(client, domain):
    with pytest.raises(ClientError) as exc:
        define(client, expression="{sale.amount} + {other.amount}")
    assert client_error(exc) == (
        "BadRequestException",
        "A calculated attribute can only reference one object type; the expression "
        "references other, sale",
        400,
    )


def test_create_refuses_an_attribute_missing_from_attributes(client, domain):
    with pytest.raises(ClientError) as exc:
        define(client, expression="{sale.amount} + {sale.ms}", names=("amount",))
    assert client_error(exc) == (
        "BadRequestException",
        "Expression references ms, which is not in Attributes",
        400,
    )


def test_create_accepts_a_standard_object_type(client, domain):
    response = define(client, expression="{_asset.Price}", names=("Price",))
    assert response["AttributeDetails"]["Expression"] == "{_asset.Price}"


@pytest.mark.parametrize(
    "call",
    [
        "get_calculated_attribute_definition",
        "update_calculated_attribute_definition",
        "delete_calculated_attribute_definition",
    ],
)
def test_a_missing_definition_is_not_found(client, domain, call):
    with pytest.raises(ClientError) as exc:
        getattr(client, call)(DomainName=DOMAIN, CalculatedAttributeName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Calculated attribute definition nope does not exist in domain {DOMAIN}.",
        404,
    )


def test_delete_removes_the_definition_and_its_tags(client, domain):
    define(client, Tags={"a": "b"})
    arn = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/{DOMAIN}/calculated-attributes/calc"
    client.delete_calculated_attribute_definition(
        DomainName=DOMAIN, CalculatedAttributeName="calc"
    )
    assert (
        client.list_calculated_attribute_definitions(DomainName=DOMAIN)["Items"] == []
    )
    define(client)
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {}


def test_tag_resource_tags_a_definition_by_its_arn(client, domain):
    define(client)
    arn = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/{DOMAIN}/calculated-attributes/calc"
    client.tag_resource(resourceArn=arn, tags={"k": "v"})
    got = client.get_calculated_attribute_definition(
        DomainName=DOMAIN, CalculatedAttributeName="calc"
    )
    assert got["Tags"] == {"k": "v"}


def test_list_definitions_walks_pages_in_name_order(client, domain):
    for name in ["c", "a", "b"]:
        define(client, name=name, DisplayName=name.upper())
    first = client.list_calculated_attribute_definitions(
        DomainName=DOMAIN, MaxResults=2
    )
    second = client.list_calculated_attribute_definitions(
        DomainName=DOMAIN, MaxResults=2, NextToken=first["NextToken"]
    )
    assert [i["CalculatedAttributeName"] for i in first["Items"]] == ["a", "b"]
    assert [i["CalculatedAttributeName"] for i in second["Items"]] == ["c"]
    assert "NextToken" not in second
    item = first["Items"][0]
    assert set(item) == {
        "CalculatedAttributeName",
        "DisplayName",
        "CreatedAt",
        "LastUpdatedAt",
        "UseHistoricalData",
        "Status",
        "Tags",
    }


def test_list_for_profile_walks_pages_with_values(client, domain):
    for name in ["b", "a", "c"]:
        define(client, name=name, DisplayName=name.upper(), Statistic="COUNT")
    put(client, id="x", amount=1)
    pid = profile_id(client)
    first = client.list_calculated_attributes_for_profile(
        DomainName=DOMAIN, ProfileId=pid, MaxResults=2
    )
    second = client.list_calculated_attributes_for_profile(
        DomainName=DOMAIN, ProfileId=pid, MaxResults=2, NextToken=first["NextToken"]
    )
    items = first["Items"] + second["Items"]
    assert [
        (i["CalculatedAttributeName"], i["DisplayName"], i["Value"]) for i in items
    ] == [("a", "A", "1"), ("b", "B", "1"), ("c", "C", "1")]
    assert "NextToken" not in second


def test_list_for_an_unknown_profile_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.list_calculated_attributes_for_profile(
            DomainName=DOMAIN, ProfileId=UNKNOWN_ID
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Profile {UNKNOWN_ID} does not exist in domain {DOMAIN}.",
        404,
    )


def test_batch_get_computes_each_profile_with_the_override(client, domain):
    define(client, Conditions={"Range": {"Value": 5, "TimestampSource": AT}})
    put(client, email="a@example.com", id="a1", amount=1, at=days_ago(2))
    put(client, email="a@example.com", id="a2", amount=2, at=days_ago(20))
    put(client, email="b@example.com", id="b1", amount=4, at=days_ago(3))
    a, b = profile_id(client, "a@example.com"), profile_id(client, "b@example.com")
    overrides = {"Range": {"Start": 30, "End": 0, "Unit": "DAYS"}}
    response = client.batch_get_calculated_attribute_for_profile(
        DomainName=DOMAIN,
        CalculatedAttributeName="calc",
        ProfileIds=[a, UNKNOWN_ID, b],
        ConditionOverrides=overrides,
    )
    assert [
        (v["ProfileId"], v["Value"], v["IsDataPartial"])
        for v in response["CalculatedAttributeValues"]
    ] == [(a, "3", "false"), (b, "4", "false")]
    assert response["Errors"] == [
        {
            "Code": "ResourceNotFoundException",
            "Message": f"Profile {UNKNOWN_ID} does not exist in domain {DOMAIN}.",
            "ProfileId": UNKNOWN_ID,
        }
    ]
    assert response["ConditionOverrides"] == overrides


def test_batch_get_without_override_uses_the_definitions_range(client, domain):
    define(client, Conditions={"Range": {"Value": 5, "TimestampSource": AT}})
    put(client, id="a1", amount=1, at=days_ago(2))
    put(client, id="a2", amount=2, at=days_ago(20))
    response = client.batch_get_calculated_attribute_for_profile(
        DomainName=DOMAIN,
        CalculatedAttributeName="calc",
        ProfileIds=[profile_id(client)],
    )
    assert response["CalculatedAttributeValues"][0]["Value"] == "1"
    assert "ConditionOverrides" not in response


# --- standard objects -------------------------------------------------------------------

ASSET_FIELDS = {
    **FIELDS,
    "assetId": {"Source": "_source.assetId", "Target": "_asset.AssetId"},
    "price": {"Source": "_source.price", "Target": "_asset.Price"},
    "color": {"Source": "_source.color", "Target": "_asset.Attributes.color"},
    "orderId": {"Source": "_source.id", "Target": "_order.OrderId"},
}


@pytest.fixture
def asset_domain(client, domain):
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName=TYPE,
        Description="sales",
        AllowProfileCreation=True,
        Fields=ASSET_FIELDS,
        Keys=KEYS,
    )
    return DOMAIN


def standard_objects(client, type_name):
    items = client.list_profile_objects(
        DomainName=DOMAIN, ObjectTypeName=type_name, ProfileId=profile_id(client)
    )["Items"]
    return [json.loads(i["Object"]) for i in items]


def test_fields_targeting_asset_create_standard_assets(client, asset_domain):
    put(client, id="o1", assetId="A1", price="10", color="red")
    put(client, id="o2", assetId="A2", price="5")
    assert standard_objects(client, "_asset") == [
        {"AssetId": "A1", "Price": "10", "Attributes": {"color": "red"}},
        {"AssetId": "A2", "Price": "5"},
    ]


def test_one_object_fills_several_standard_objects(client, asset_domain):
    put(client, id="o1", assetId="A1")
    assert standard_objects(client, "_order") == [{"OrderId": "o1"}]


def test_a_standard_asset_is_updated_by_its_asset_id(client, asset_domain):
    put(client, id="o1", assetId="A1", price="10", color="red")
    put(client, id="o2", assetId="A1", price="12")
    assert standard_objects(client, "_asset") == [
        {"AssetId": "A1", "Price": "12", "Attributes": {"color": "red"}}
    ]


def test_standard_objects_feed_calculated_attributes(client, asset_domain):
    define(
        client, name="assets_price_sum", expression="{_asset.Price}", names=("Price",)
    )
    put(client, id="o1", assetId="A1", price="10")
    put(client, id="o2", assetId="A2", price="5.5")
    assert value_of(client, "assets_price_sum") == "15.5"


def test_standard_objects_are_counted_in_domain_stats(client, asset_domain):
    put(client, id="o1", assetId="A1", price="10")
    stats = client.get_domain(DomainName=DOMAIN)["Stats"]
    assert stats["ObjectCount"] == 3  # the sale, its _asset and its _order


# --- segments ---------------------------------------------------------------------------


def calc_dim(name, dimension_type, *values, overrides=None):
    spec = {"DimensionType": dimension_type, "Values": list(values)}
    if overrides:
        spec["ConditionOverrides"] = overrides
    return {"CalculatedAttributes": {name: spec}}


def segment(client, name, *dimensions):
    client.create_segment_definition(
        DomainName=DOMAIN,
        SegmentDefinitionName=name,
        DisplayName=name,
        SegmentGroups={
            "Include": "ALL",
            "Groups": [{"Type": "ALL", "Dimensions": list(dimensions)}],
        },
    )


def members(client, name, *emails):
    ids = [profile_id(client, e) for e in emails]
    response = client.get_segment_membership(
        DomainName=DOMAIN, SegmentDefinitionName=name, ProfileIds=ids
    )
    by_id = {p["ProfileId"]: p["QueryResult"] for p in response["Profiles"]}
    return [e for e, i in zip(emails, ids, strict=True) if by_id[i] == "PRESENT"]


@pytest.fixture
def spenders(client, domain):
    define(client, Conditions={"Range": {"Value": 30, "TimestampSource": AT}})
    put(client, email="a@example.com", id="a1", amount=50, at=days_ago(1))
    put(client, email="a@example.com", id="a2", amount=100, at=days_ago(45))
    put(client, email="b@example.com", id="b1", amount=20, at=days_ago(2))
    put(client, email="c@example.com", id="c1", amount=500, at=days_ago(90))
    return ("a@example.com", "b@example.com", "c@example.com")


def test_segment_on_a_calculated_attribute(client, spenders):
    segment(client, "big", calc_dim("calc", "GREATER_THAN", "30"))
    assert members(client, "big", *spenders) == ["a@example.com"]  # 50, 20, none


def test_segment_condition_overrides_replace_the_range(client, spenders):
    overrides = {"Range": {"Start": 60, "End": 0, "Unit": "DAYS"}}
    segment(
        client, "big60", calc_dim("calc", "GREATER_THAN", "100", overrides=overrides)
    )
    assert members(client, "big60", *spenders) == ["a@example.com"]  # 150, 20, none


def test_segment_on_an_unknown_calculated_attribute_selects_nobody(client, spenders):
    segment(client, "none", calc_dim("nope", "EXCLUSIVE", "x"))
    assert members(client, "none", *spenders) == []


def test_segment_values_may_reference_a_profile_member(client, spenders):
    for email, score in [("a@example.com", "60"), ("b@example.com", "10")]:
        client.update_profile(
            DomainName=DOMAIN,
            ProfileId=profile_id(client, email),
            Attributes={"budget": score},
        )
    segment(
        client, "over", calc_dim("calc", "LESS_THAN", "{{_profile.Attributes.budget}}")
    )
    assert members(client, "over", *spenders) == ["a@example.com"]  # 50 < 60; 20 > 10


def test_segment_values_may_reference_a_calculated_attribute(client, spenders):
    define(client, name="count", Statistic="COUNT")
    segment(
        client,
        "ref",
        {
            "ProfileAttributes": {
                "Attributes": {
                    "n": {
                        "DimensionType": "INCLUSIVE",
                        "Values": ["{{_calculated_attribute.count}}"],
                    }
                }
            }
        },
    )
    client.update_profile(
        DomainName=DOMAIN,
        ProfileId=profile_id(client, "a@example.com"),
        Attributes={"n": "2"},
    )
    client.update_profile(
        DomainName=DOMAIN,
        ProfileId=profile_id(client, "b@example.com"),
        Attributes={"n": "2"},
    )
    assert members(client, "ref", *spenders) == ["a@example.com"]  # counts 2, 1, 1


def test_segment_estimate_counts_calculated_attribute_members(client, spenders):
    estimate = client.create_segment_estimate(
        DomainName=DOMAIN,
        SegmentQuery={
            "Include": "ALL",
            "Groups": [
                {"Type": "ALL", "Dimensions": [calc_dim("calc", "GREATER_THAN", "10")]}
            ],
        },
    )
    got = client.get_segment_estimate(
        DomainName=DOMAIN, EstimateId=estimate["EstimateId"]
    )
    assert got["Estimate"] == "2"  # a (50) and b (20)


def test_a_value_longer_than_the_model_allows_is_cut_to_255_characters(client, domain):
    define(client, Statistic="LAST_OCCURRENCE")
    put(client, amount="x" * 309)
    assert value_of(client) == "x" * 255
