"""The calculated-attribute engine: expressions, statistics, conditions, filters and the
definition checks. Expected values are worked out by hand in the comments."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from moto_customerprofiles.customerprofiles.engine.calculated_attributes import (
    CalculatedValue,
    SourceObject,
    check_definition,
    compute,
)
from moto_customerprofiles.customerprofiles.engine.expressions import Expression, lookup
from moto_customerprofiles.customerprofiles.exceptions import BadRequestException

UTC = timezone.utc
NOW = datetime(2025, 6, 30, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def ago(days: float) -> datetime:
    return NOW - days * DAY


def millis(moment: datetime) -> int:
    return int((moment - datetime(1970, 1, 1, tzinfo=UTC)) / timedelta(milliseconds=1))


@dataclass
class Definition:
    attribute_details: dict[str, Any]
    statistic: str = "SUM"
    conditions: dict[str, Any] | None = None
    filter: dict[str, Any] | None = None
    use_historical_data: bool | None = True
    created_at: datetime = NOW - 365 * DAY


def details(expression: str, *names: str) -> dict[str, Any]:
    return {"Attributes": [{"Name": n} for n in names], "Expression": expression}


def obj(type_name: str, days_ago: float, **content: Any) -> SourceObject:
    return SourceObject(type_name, content, ago(days_ago))


def order(days_ago: float, **content: Any) -> SourceObject:
    return obj("Order", days_ago, **content)


TOTAL = details("{Order.total}", "total")
CHANNEL = details("{Order.channel}", "channel")

# Oldest first: totals 5, 10, 2.5, 7; channels web, phone, web, phone.
ORDERS = [
    order(40, total=5, channel="web"),
    order(20, total=10, channel="phone"),
    order(10, total=2.5, channel="web"),
    order(1, total=7, channel="phone"),
]


def value_of(definition: Definition, objects: list[SourceObject]) -> str | None:
    return compute(definition, objects, NOW).value


# ---------------------------------------------------------------------------
# Expressions


@pytest.mark.parametrize(
    "expression,content,expected",
    [
        # 2 + 3 * 4 = 2 + 12 = 14 (* before +)
        ("{T.a} + {T.b} * 4", {"a": 2, "b": 3}, 14),
        # (2 + 3) * 4 = 20
        ("({T.a} + {T.b}) * 4", {"a": 2, "b": 3}, 20),
        # 10 - 4 - 3 = 3 (left to right)
        ("{T.a} - {T.b} - 3", {"a": 10, "b": 4}, 3),
        # 12 / 3 / 2 = 2 (left to right)
        ("{T.a} / {T.b} / 2", {"a": 12, "b": 3}, 2),
        # 7 / 2 = 3.5 (true division)
        ("{T.a} / {T.b}", {"a": 7, "b": 2}, 3.5),
        # 10 - 2 * 3 + 8 / 4 = 10 - 6 + 2 = 6
        ("{T.a} - {T.b} * 3 + 8 / 4", {"a": 10, "b": 2}, 6),
        # -(2) * 3 = -6 (unary minus)
        ("-{T.a} * 3", {"a": 2}, -6),
        # ((1 + 2) * (3 + 4)) = 21 (nested parentheses)
        ("(({T.a} + 2) * ({T.b} + 4))", {"a": 1, "b": 3}, 21),
        # numeric text is a number: "2.5" * 2 = 5
        ("{T.a} * 2", {"a": "2.5"}, 5),
        # dotted path: agent.hold 30 + queue.wait 12 = 42
        (
            "{T.agent.hold} + {T.queue.wait}",
            {"agent": {"hold": 30}, "queue": {"wait": 12}},
            42,
        ),
        # ISO timestamps are epoch milliseconds: 00:00:10 - 00:00:00 = 10000 ms
        (
            "{T.end} - {T.start}",
            {"end": "2025-01-01T00:00:10Z", "start": "2025-01-01T00:00:00Z"},
            10000,
        ),
        # no spaces needed: 1.5*2 = 3
        ("{T.a}*2", {"a": 1.5}, 3),
    ],
)
def test_expression_evaluates(expression, content, expected):
    assert Expression(expression).evaluate(SourceObject("T", content, NOW)) == expected


@pytest.mark.parametrize(
    "content,expected",
    [
        ({"a": "web"}, "web"),  # a bare reference keeps text
        ({"a": 3}, 3),  # and numbers as given
        ({"a": True}, True),
    ],
)
def test_bare_reference_yields_the_raw_value(content, expected):
    assert Expression("{T.a}").evaluate(SourceObject("T", content, NOW)) == expected


@pytest.mark.parametrize(
    "expression,content",
    [
        ("{T.a} / {T.b}", {"a": 1, "b": 0}),  # division by zero
        ("{T.a} + {T.b}", {"a": 1}),  # missing attribute
        ("{T.a} + 1", {"a": "web"}),  # text operand
        ("{T.a} + 1", {"a": True}),  # booleans are not numbers
        ("{T.a} + 1", {"a": None}),  # JSON null
        ("{T.a}", {"a": {"b": 1}}),  # a JSON object is not a value
        ("{T.a}", {"a": [1, 2]}),  # nor an array
        ("{T.a}", {}),  # missing
    ],
)
def test_expression_is_undefined(expression, content):
    assert Expression(expression).evaluate(SourceObject("T", content, NOW)) is None


@pytest.mark.parametrize(
    "expression,message",
    [
        ("{T.a} % 2", "only \\+ - \\* / are supported"),
        ("{T.a} ^ 2", "only \\+ - \\* / are supported"),
        ("{T.a} +", "ends too early"),
        ("({T.a} + 1", "ends too early"),
        ("{T.a} + 1)", "unexpected '\\)'"),
        ("{T.a} {T.b}", "unexpected"),
        ("* {T.a}", "unexpected '\\*'"),
        ("{a}", "must have the form"),
        ("{T.}", "must have the form"),
        ("{.a}", "must have the form"),
        ("{T.a", "unsupported '{'"),
    ],
)
def test_expression_refuses(expression, message):
    with pytest.raises(BadRequestException, match=message):
        Expression(expression)


@pytest.mark.parametrize(
    "expression,types",
    [
        ("{Order.total}", {"Order"}),
        ("{Order.total} * {Order.qty}", {"Order"}),
        ("{A.x} + {B.y}", {"A", "B"}),
        ("{_order.TotalPrice} / 2", {"_order"}),
    ],
)
def test_expression_object_types(expression, types):
    assert Expression(expression).object_types() == types


def test_expression_from_attribute_details():
    expression = Expression.from_attribute_details(
        details("{Order.total} * {Order.qty}", "total", "qty")
    )
    assert expression.attribute_names() == {"total", "qty"}


@pytest.mark.parametrize(
    "fields,content,name,expected",
    [
        # an object type field wins over the content of the same name
        ({"Status": "Open"}, {"Status": "Closed"}, "Status", "Open"),
        ({}, {"Status": "Closed"}, "Status", "Closed"),
        ({}, {"a": {"b": 1}}, "a.b", 1),  # dotted path
        ({}, {"a.b": 2}, "a.b", 2),  # a key spelled with the dot
        ({}, {"a": {"b": 1}, "a.b": 2}, "a.b", 1),  # the path first
        ({}, {"a": 1}, "a.b", None),  # a path through a scalar
        ({}, {}, "a", None),
    ],
)
def test_lookup(fields, content, name, expected):
    assert lookup(SourceObject("T", content, NOW, fields), name) == expected


# ---------------------------------------------------------------------------
# Statistics (ORDERS: totals 5, 10, 2.5, 7 oldest first; channels web, phone, web, phone)


@pytest.mark.parametrize(
    "statistic,attribute_details,expected",
    [
        ("COUNT", TOTAL, "4"),
        ("SUM", TOTAL, "24.5"),  # 5 + 10 + 2.5 + 7
        ("MINIMUM", TOTAL, "2.5"),
        ("MAXIMUM", TOTAL, "10"),
        ("AVERAGE", TOTAL, "6.125"),  # 24.5 / 4
        ("FIRST_OCCURRENCE", TOTAL, "5"),  # 40 days ago
        ("LAST_OCCURRENCE", TOTAL, "7"),  # 1 day ago
        ("FIRST_OCCURRENCE", CHANNEL, "web"),
        ("LAST_OCCURRENCE", CHANNEL, "phone"),
        # web 2, phone 2: the tie goes to phone, which occurred last (1 day ago)
        ("MAX_OCCURRENCE", CHANNEL, "phone"),
        # newest first, each value once: phone (1d), web (10d)
        ("RECENT_OCCURRENCES", CHANNEL, '["phone", "web"]'),
        ("RECENT_OCCURRENCES", TOTAL, '["7", "2.5", "10", "5"]'),
        # per object 2 * total: 10, 20, 5, 14 -> sum 49
        ("SUM", details("{Order.total} * 2", "total"), "49"),
    ],
)
def test_statistic(statistic, attribute_details, expected):
    assert value_of(Definition(attribute_details, statistic), ORDERS) == expected


@pytest.mark.parametrize(
    "statistic,expected",
    [
        ("COUNT", "0"),
        ("SUM", None),
        ("MINIMUM", None),
        ("MAXIMUM", None),
        ("AVERAGE", None),
        ("FIRST_OCCURRENCE", None),
        ("LAST_OCCURRENCE", None),
        ("MAX_OCCURRENCE", None),
        ("RECENT_OCCURRENCES", None),
    ],
)
def test_statistic_without_objects(statistic, expected):
    assert value_of(Definition(TOTAL, statistic), []) == expected


@pytest.mark.parametrize(
    "values,expected",
    [
        (["web", "phone", "web"], "web"),  # 2 against 1
        (["web", "phone"], "phone"),  # a tie: the most recent
        (["phone", "web"], "web"),
        ([3, 3.0, "3", 4], "3"),  # 3, 3.0 and "3" are the same text
        (["Web", "web", "web"], "web"),  # case-sensitive
    ],
)
def test_max_occurrence(values, expected):
    objects = [order(len(values) - i, channel=v) for i, v in enumerate(values)]
    assert value_of(Definition(CHANNEL, "MAX_OCCURRENCE"), objects) == expected


def test_recent_occurrences_stay_within_255_characters():
    # 30 values value-00 (oldest) .. value-29 (newest); n items print as 12n characters
    # ('"value-NN"' is 10, ", " between items, "[]" around), 12 * 21 = 252 <= 255.
    objects = [order(30 - i, channel=f"value-{i:02d}") for i in range(30)]
    value = value_of(Definition(CHANNEL, "RECENT_OCCURRENCES"), objects)
    assert json.loads(value) == [f"value-{i:02d}" for i in range(29, 8, -1)]


@pytest.mark.parametrize(
    "statistic,expected",
    [
        # values 5, "abc", true, "7", {"a": 1}, missing: the numbers are 5 and "7"
        ("SUM", "12"),
        ("AVERAGE", "6"),
        ("MINIMUM", "5"),
        # COUNT counts every scalar value: 5, "abc", true, "7"
        ("COUNT", "4"),
        # the newest object (missing total) and {"a": 1} do not contribute
        ("LAST_OCCURRENCE", "7"),
    ],
)
def test_objects_without_a_usable_value_are_skipped(statistic, expected):
    objects = [
        order(6, total=5),
        order(5, total="abc"),
        order(4, total=True),
        order(3, total="7"),
        order(2, total={"a": 1}),
        order(1),
    ]
    assert value_of(Definition(TOTAL, statistic), objects) == expected


@pytest.mark.parametrize(
    "statistic,totals,expected",
    [
        ("SUM", [1, 2], "3"),  # integral: no ".0"
        ("SUM", [1.5, 1.5], "3"),
        ("AVERAGE", [1, 2], "1.5"),
        ("SUM", [0.1, 0.2], "0.30000000000000004"),  # binary floating point
        ("AVERAGE", [1, 1, 2], "1.3333333333333333"),
        ("SUM", [-1.5, 1.5], "0"),
        ("SUM", [1e20], "100000000000000000000"),
        ("MINIMUM", [-3, 2], "-3"),
        # an ISO timestamp is epoch milliseconds: 2025-01-01T00:00:00Z = 1735689600000
        ("MAXIMUM", ["2024-12-31T00:00:00Z", "2025-01-01T00:00:00Z"], "1735689600000"),
    ],
)
def test_number_format(statistic, totals, expected):
    objects = [order(10 - i, total=t) for i, t in enumerate(totals)]
    assert value_of(Definition(TOTAL, statistic), objects) == expected


def test_objects_of_other_types_are_ignored():
    objects = [*ORDERS, obj("Case", 1, total=100)]
    assert value_of(Definition(TOTAL, "SUM"), objects) == "24.5"


# ---------------------------------------------------------------------------
# Conditions: Range (ORDERS are 40, 20, 10 and 1 days old)


@pytest.mark.parametrize(
    "range_,expected",
    [
        ({"Value": 15, "Unit": "DAYS"}, "2"),  # 10d, 1d
        ({"Value": 30, "Unit": "DAYS"}, "3"),  # 20d, 10d, 1d
        ({"Value": 10, "Unit": "DAYS"}, "2"),  # the start is inclusive: 10d, 1d
        ({"Value": 9, "Unit": "DAYS"}, "1"),  # 1d
        ({"Value": 0, "Unit": "DAYS"}, "0"),
        ({"ValueRange": {"Start": 25, "End": 5}, "Unit": "DAYS"}, "2"),  # 20d, 10d
        ({"ValueRange": {"Start": 5, "End": 25}, "Unit": "DAYS"}, "2"),  # either order
        ({"ValueRange": {"Start": 20, "End": 10}, "Unit": "DAYS"}, "2"),  # inclusive
        # ValueRange overrides Value: 15 days ago to now -> 10d, 1d
        ({"Value": 100, "ValueRange": {"Start": 15, "End": 0}, "Unit": "DAYS"}, "2"),
        ({"Unit": "DAYS"}, "4"),  # no Value, no ValueRange: everything
    ],
)
def test_range(range_, expected):
    definition = Definition(TOTAL, "COUNT", conditions={"Range": range_})
    assert value_of(definition, ORDERS) == expected


@pytest.mark.parametrize(
    "range_,expected",
    [
        # "at" is 2 days in the future for one object, 5 days ago for the other
        ({"Value": 30, "Unit": "DAYS"}, "1"),  # a future object is not "in the last"
        ({"ValueRange": {"Start": 0, "End": -3}, "Unit": "DAYS"}, "1"),  # future only
        ({"ValueRange": {"Start": 7, "End": -3}, "Unit": "DAYS"}, "2"),
    ],
)
def test_range_with_future_timestamps(range_, expected):
    objects = [
        order(1, total=1, at=(NOW + 2 * DAY).isoformat()),
        order(1, total=1, at=ago(5).isoformat()),
    ]
    range_ = {**range_, "TimestampSource": "{Order.at}"}
    definition = Definition(TOTAL, "COUNT", conditions={"Range": range_})
    assert value_of(definition, objects) == expected


@pytest.mark.parametrize(
    "timestamp_format,at,expected",
    [
        # every object was ingested 1 day ago; the window is the last 15 days
        ("EPOCHMILLI", millis(ago(20)), "0"),  # the object's own time: 20 days ago
        ("EPOCHMILLI", millis(ago(3)), "1"),
        ("EPOCHMILLI", str(millis(ago(20))), "0"),  # as text
        ("ISO_8601", "2025-06-01T00:00:00Z", "0"),  # 29.5 days before NOW
        ("ISO_8601", "2025-06-25T12:00:00.000Z", "1"),
        # 2025-06-15T05:00:00-0700 is 12:00 UTC, exactly 15 days ago: inclusive
        ("ISO_8601", "2025-06-15T05:00:00-0700", "1"),
        ("ISO_8601", "2025-06-15T04:59:59-07:00", "0"),  # one second earlier
        ("ISO_8601", "2025-06-20", "1"),  # a date is midnight UTC
        (None, millis(ago(20)), "0"),  # no format: a number is epoch milliseconds
        (None, "2025-06-01T00:00:00Z", "0"),  # and text ISO 8601
        # unreadable: the ingestion time (1 day ago) counts instead
        ("EPOCHMILLI", "yesterday", "1"),
        ("ISO_8601", millis(ago(20)), "1"),
        (None, None, "1"),  # missing field
    ],
)
def test_range_timestamp_source(timestamp_format, at, expected):
    content = {"total": 1, "meta": {"at": at}} if at is not None else {"total": 1}
    range_: dict[str, Any] = {
        "Value": 15,
        "Unit": "DAYS",
        "TimestampSource": "{Order.meta.at}",
    }
    if timestamp_format:
        range_["TimestampFormat"] = timestamp_format
    definition = Definition(TOTAL, "COUNT", conditions={"Range": range_})
    assert value_of(definition, [order(1, **content)]) == expected


def test_timestamp_source_orders_the_objects():
    # ingested first, but timed later by its own timestamp: it is the last occurrence
    objects = [
        order(2, total=1, at=ago(1).isoformat()),
        order(1, total=2, at=ago(5).isoformat()),
    ]
    conditions = {"Range": {"Value": 30, "TimestampSource": "{Order.at}"}}
    definition = Definition(TOTAL, "LAST_OCCURRENCE", conditions=conditions)
    assert value_of(definition, objects) == "1"


@pytest.mark.parametrize(
    "override,expected",
    [
        (None, "2"),  # the definition's 15 days: 10d, 1d
        ({"Start": 30, "Unit": "DAYS"}, "3"),  # 30 days ago to now: 20d, 10d, 1d
        ({"Start": 25, "End": 5, "Unit": "DAYS"}, "2"),  # 20d, 10d
    ],
)
def test_range_override(override, expected):
    definition = Definition(TOTAL, "COUNT", conditions={"Range": {"Value": 15}})
    assert compute(definition, ORDERS, NOW, override).value == expected


def test_range_override_without_a_range_in_the_definition():
    # 25 days ago to now: 20d, 10d, 1d
    override = {"Start": 25, "Unit": "DAYS"}
    assert compute(Definition(TOTAL, "COUNT"), ORDERS, NOW, override).value == "3"


# ---------------------------------------------------------------------------
# Conditions: ObjectCount


@pytest.mark.parametrize(
    "statistic,conditions,expected",
    [
        ("COUNT", {"ObjectCount": 2}, "2"),
        ("SUM", {"ObjectCount": 2}, "9.5"),  # the newest two: 2.5 + 7
        ("SUM", {"ObjectCount": 10}, "24.5"),  # fewer objects than asked: all
        ("FIRST_OCCURRENCE", {"ObjectCount": 2}, "2.5"),  # the older of the newest two
        ("SUM", {"ObjectCount": 1}, "7"),
        # the Range first (20d, 10d, 1d), then the newest two: 2.5 + 7
        ("SUM", {"ObjectCount": 2, "Range": {"Value": 30}}, "9.5"),
        # the Range keeps 1d only; the count cannot add older objects
        ("SUM", {"ObjectCount": 3, "Range": {"Value": 5}}, "7"),
    ],
)
def test_object_count(statistic, conditions, expected):
    definition = Definition(TOTAL, statistic, conditions=conditions)
    assert value_of(definition, ORDERS) == expected


# ---------------------------------------------------------------------------
# Conditions: Threshold (SUM of ORDERS is 24.5; LAST_OCCURRENCE of channel is "phone")


@pytest.mark.parametrize(
    "attribute_details,statistic,threshold,expected",
    [
        (TOTAL, "SUM", {"Value": "20", "Operator": "GREATER_THAN"}, "true"),
        (TOTAL, "SUM", {"Value": "30", "Operator": "GREATER_THAN"}, "false"),
        (TOTAL, "SUM", {"Value": "24.5", "Operator": "GREATER_THAN"}, "false"),
        (TOTAL, "SUM", {"Value": "30", "Operator": "LESS_THAN"}, "true"),
        (TOTAL, "SUM", {"Value": "24.5", "Operator": "LESS_THAN"}, "false"),
        (TOTAL, "SUM", {"Value": "24.5", "Operator": "EQUAL_TO"}, "true"),
        (TOTAL, "SUM", {"Value": "24.50", "Operator": "EQUAL_TO"}, "true"),  # numbers
        (TOTAL, "SUM", {"Value": "24", "Operator": "EQUAL_TO"}, "false"),
        (TOTAL, "SUM", {"Value": "24.5", "Operator": "NOT_EQUAL_TO"}, "false"),
        (TOTAL, "SUM", {"Value": "3", "Operator": "NOT_EQUAL_TO"}, "true"),
        # 24.5 > 3 numerically (as text "24.5" < "3")
        (TOTAL, "SUM", {"Value": "3", "Operator": "GREATER_THAN"}, "true"),
        # COUNT 4 > 3: the _frequent_caller pattern
        (TOTAL, "COUNT", {"Value": "3", "Operator": "GREATER_THAN"}, "true"),
        (
            CHANNEL,
            "LAST_OCCURRENCE",
            {"Value": "phone", "Operator": "EQUAL_TO"},
            "true",
        ),
        # case-sensitive
        (
            CHANNEL,
            "LAST_OCCURRENCE",
            {"Value": "Phone", "Operator": "EQUAL_TO"},
            "false",
        ),
        (
            CHANNEL,
            "LAST_OCCURRENCE",
            {"Value": "web", "Operator": "NOT_EQUAL_TO"},
            "true",
        ),
        # text order: "phone" > "apple", "phone" < "zebra"
        (
            CHANNEL,
            "LAST_OCCURRENCE",
            {"Value": "apple", "Operator": "GREATER_THAN"},
            "true",
        ),
        (
            CHANNEL,
            "LAST_OCCURRENCE",
            {"Value": "zebra", "Operator": "LESS_THAN"},
            "true",
        ),
        # a number against text compares as text: "phone" > "5"
        (
            CHANNEL,
            "LAST_OCCURRENCE",
            {"Value": "5", "Operator": "GREATER_THAN"},
            "true",
        ),
    ],
)
def test_threshold(attribute_details, statistic, threshold, expected):
    definition = Definition(attribute_details, statistic, {"Threshold": threshold})
    assert value_of(definition, ORDERS) == expected


@pytest.mark.parametrize(
    "statistic,expected",
    [
        ("SUM", None),  # no value: nothing to compare
        ("COUNT", "true"),  # COUNT is 0, and 0 < 1
    ],
)
def test_threshold_without_objects(statistic, expected):
    threshold = {"Value": "1", "Operator": "LESS_THAN"}
    definition = Definition(TOTAL, statistic, {"Threshold": threshold})
    assert value_of(definition, []) == expected


# ---------------------------------------------------------------------------
# Filter (RECENT_OCCURRENCES of the id lists the objects kept, newest first)

CASES = [
    obj("Case", 3, id="c1", Status="Open", priority=1, opened="2025-06-01T00:00:00Z"),
    obj("Case", 2, id="c2", Status="Closed", priority=5, opened="2025-06-10T00:00:00Z"),
    obj("Case", 1, id="c3", Status="Pending", priority="3"),
]
CASE_IDS = details("{Case.id}", "id")


def dim(**attributes: tuple[str, list[str]]) -> dict[str, Any]:
    return {
        "Attributes": {
            name: {"DimensionType": kind, "Values": values}
            for name, (kind, values) in attributes.items()
        }
    }


def group(kind: str, *dimensions: dict[str, Any]) -> dict[str, Any]:
    return {"Type": kind, "Dimensions": list(dimensions)}


def one(**attributes: tuple[str, list[str]]) -> dict[str, Any]:
    return {"Include": "ALL", "Groups": [group("ALL", dim(**attributes))]}


def kept(filter_: dict[str, Any]) -> list[str]:
    definition = Definition(CASE_IDS, "RECENT_OCCURRENCES", filter=filter_)
    value = value_of(definition, CASES)
    return json.loads(value) if value else []


@pytest.mark.parametrize(
    "filter_,expected",
    [
        (one(Status=("INCLUSIVE", ["Open", "Pending"])), ["c3", "c1"]),  # values OR
        (one(Status=("INCLUSIVE", ["open"])), []),  # case-sensitive
        (one(Status=("EXCLUSIVE", ["Open"])), ["c3", "c2"]),
        (one(Status=("CONTAINS", ["en"])), ["c3", "c1"]),  # Open, Pending
        (one(Status=("BEGINS_WITH", ["Cl"])), ["c2"]),
        (one(Status=("ENDS_WITH", ["ing"])), ["c3"]),
        (one(priority=("GREATER_THAN", ["2"])), ["c3", "c2"]),  # "3" is a number too
        (one(priority=("LESS_THAN", ["3"])), ["c1"]),
        (one(priority=("GREATER_THAN_OR_EQUAL", ["3"])), ["c3", "c2"]),
        (one(priority=("LESS_THAN_OR_EQUAL", ["3"])), ["c3", "c1"]),
        (one(priority=("EQUAL", ["5"])), ["c2"]),
        (one(priority=("BETWEEN", ["2", "4"])), ["c3"]),  # inclusive bounds
        (one(priority=("BETWEEN", ["1", "3"])), ["c3", "c1"]),
        (one(priority=("NOT_BETWEEN", ["2", "4"])), ["c2", "c1"]),
        (one(Status=("GREATER_THAN", ["2"])), []),  # text is not a number
        (one(opened=("BEFORE", ["2025-06-05T00:00:00Z"])), ["c1"]),
        (one(opened=("AFTER", ["2025-06-05T00:00:00Z"])), ["c2"]),
        (one(opened=("ON", ["2025-06-10T15:00:00Z"])), ["c2"]),  # the same UTC day
        (
            one(opened=("BETWEEN", ["2025-05-01T00:00:00Z", "2025-06-05T00:00:00Z"])),
            ["c1"],
        ),
        # c3 has no "opened": a missing attribute satisfies no operator, not even EXCLUSIVE
        (one(opened=("EXCLUSIVE", ["x"])), ["c2", "c1"]),
        (one(nothing=("INCLUSIVE", ["x"])), []),
    ],
)
def test_filter_dimension_type(filter_, expected):
    assert kept(filter_) == expected


OPEN_OR_CLOSED = dim(Status=("INCLUSIVE", ["Open", "Closed"]))
PRIORITY_ABOVE_2 = dim(priority=("GREATER_THAN", ["2"]))
STATUS_OPEN = dim(Status=("INCLUSIVE", ["Open"]))
STATUS_PENDING = dim(Status=("INCLUSIVE", ["Pending"]))
PRIORITY_ABOVE_4 = dim(priority=("GREATER_THAN", ["4"]))


@pytest.mark.parametrize(
    "filter_,expected",
    [
        # one dimension, two attributes: both must hold (Open|Closed and > 2) -> c2
        (
            {
                "Include": "ALL",
                "Groups": [
                    group(
                        "ALL",
                        dim(
                            Status=("INCLUSIVE", ["Open", "Closed"]),
                            priority=("GREATER_THAN", ["2"]),
                        ),
                    )
                ],
            },
            ["c2"],
        ),
        # group ALL: Open|Closed (c1, c2) and > 2 (c2, c3) -> c2
        (
            {
                "Include": "ALL",
                "Groups": [group("ALL", OPEN_OR_CLOSED, PRIORITY_ABOVE_2)],
            },
            ["c2"],
        ),
        # group ANY: Open (c1) or > 4 (c2) -> c2, c1
        (
            {"Include": "ALL", "Groups": [group("ANY", STATUS_OPEN, PRIORITY_ABOVE_4)]},
            ["c2", "c1"],
        ),
        # group NONE: neither Open nor > 4 -> c3
        (
            {
                "Include": "ALL",
                "Groups": [group("NONE", STATUS_OPEN, PRIORITY_ABOVE_4)],
            },
            ["c3"],
        ),
        # Include ANY: Open (c1) or Pending (c3)
        (
            {
                "Include": "ANY",
                "Groups": [group("ALL", STATUS_OPEN), group("ALL", STATUS_PENDING)],
            },
            ["c3", "c1"],
        ),
        # Include ALL: > 2 (c2, c3) and Open|Closed (c1, c2) -> c2
        (
            {
                "Include": "ALL",
                "Groups": [
                    group("ALL", PRIORITY_ABOVE_2),
                    group("ALL", OPEN_OR_CLOSED),
                ],
            },
            ["c2"],
        ),
        # Include NONE: objects fitting no group: not Open -> c3, c2
        ({"Include": "NONE", "Groups": [group("ALL", STATUS_OPEN)]}, ["c3", "c2"]),
        # Include NONE over two groups: neither Open nor Pending -> c2
        (
            {
                "Include": "NONE",
                "Groups": [group("ALL", STATUS_OPEN), group("ALL", STATUS_PENDING)],
            },
            ["c2"],
        ),
    ],
)
def test_filter_logic(filter_, expected):
    assert kept(filter_) == expected


def test_filter_reads_the_object_type_field_first():
    case = SourceObject(
        "Case", {"id": "c9", "Status": "Closed"}, ago(1), {"Status": "Open"}
    )
    definition = Definition(
        CASE_IDS, "COUNT", filter=one(Status=("INCLUSIVE", ["Open"]))
    )
    assert value_of(definition, [case]) == "1"


# ---------------------------------------------------------------------------
# UseHistoricalData (the definition was created 15 days ago; ORDERS are 40, 20, 10, 1d)


@pytest.mark.parametrize(
    "use_historical_data,expected",
    [
        (True, "4"),
        (False, "2"),  # ingested after creation: 10d, 1d
        (None, "2"),  # absent is false
    ],
)
def test_use_historical_data(use_historical_data, expected):
    definition = Definition(
        TOTAL, "COUNT", use_historical_data=use_historical_data, created_at=ago(15)
    )
    assert value_of(definition, ORDERS) == expected


def test_historical_data_is_judged_by_ingestion_time():
    # ingested after creation, though its own timestamp is older: it counts
    objects = [order(1, total=1, at=ago(20).isoformat())]
    conditions = {"Range": {"Value": 30, "TimestampSource": "{Order.at}"}}
    definition = Definition(
        TOTAL, "COUNT", conditions, use_historical_data=False, created_at=ago(15)
    )
    assert value_of(definition, objects) == "1"


def test_object_ingested_at_creation_counts():
    definition = Definition(
        TOTAL, "COUNT", use_historical_data=False, created_at=ago(10)
    )
    assert value_of(definition, ORDERS) == "2"  # 10d (at creation), 1d


# ---------------------------------------------------------------------------
# IsDataPartial (created 15 days ago)


@pytest.mark.parametrize(
    "conditions,use_historical_data,expected",
    [
        (None, False, False),
        ({"Range": {"Value": 30}}, False, True),  # 30 days have not elapsed
        ({"Range": {"Value": 15}}, False, False),  # the window starts at creation
        ({"Range": {"Value": 10}}, False, False),
        ({"Range": {"Value": 30}}, True, False),  # history fills the window
        ({"Range": {"ValueRange": {"Start": 20, "End": 5}}}, False, True),
        ({"Range": {"ValueRange": {"Start": 0, "End": -5}}}, False, False),
        ({"ObjectCount": 5}, True, True),  # 4 objects, 5 wanted
        ({"ObjectCount": 4}, True, False),
        ({"ObjectCount": 3}, False, True),  # 2 objects since creation, 3 wanted
        ({"ObjectCount": 1, "Range": {"Value": 30}}, True, False),
        # the Range leaves 3 objects (20d, 10d, 1d), 4 wanted
        ({"ObjectCount": 4, "Range": {"Value": 30}}, True, True),
    ],
)
def test_is_data_partial(conditions, use_historical_data, expected):
    definition = Definition(
        TOTAL,
        "SUM",
        conditions,
        use_historical_data=use_historical_data,
        created_at=ago(15),
    )
    assert compute(definition, ORDERS, NOW).is_data_partial is expected


# ---------------------------------------------------------------------------
# LastObjectTimestamp


@pytest.mark.parametrize(
    "conditions,objects,expected",
    [
        (None, ORDERS, ago(1)),
        ({"Range": {"ValueRange": {"Start": 25, "End": 5}}}, ORDERS, ago(10)),
        ({"Range": {"Value": 30}}, [], None),
        # the newest object has no total: it is not part of the calculation
        (None, [order(5, total=1), order(1)], ago(5)),
        # the object's own timestamp
        (
            {"Range": {"Value": 30, "TimestampSource": "{Order.at}"}},
            [order(1, total=1, at="2025-06-20T08:00:00Z")],
            datetime(2025, 6, 20, 8, tzinfo=UTC),
        ),
    ],
)
def test_last_object_timestamp(conditions, objects, expected):
    definition = Definition(TOTAL, "SUM", conditions)
    assert compute(definition, objects, NOW).last_object_timestamp == expected


def test_compute_returns_a_calculated_value():
    assert compute(Definition(TOTAL, "SUM"), ORDERS, NOW) == CalculatedValue(
        "24.5", False, ago(1)
    )


def test_naive_datetimes_are_utc():
    naive = SourceObject("Order", {"total": 1}, datetime(2025, 6, 29, 12))
    result = compute(Definition(TOTAL, "SUM", {"Range": {"Value": 2}}), [naive], NOW)
    assert result.last_object_timestamp == ago(1)


# ---------------------------------------------------------------------------
# check_definition


@pytest.mark.parametrize(
    "attribute_details,conditions,message",
    [
        (details("{A.x} + {B.y}", "x", "y"), None, "only reference one object type"),
        (details("{A.x}", "x", "y", "z"), None, "at most two attributes"),
        (details("{A.x} + {A.y} + {A.z}", "x", "y"), None, "at most two attributes"),
        (details("{A.x} + {A.y}", "x"), None, "y, which is not in Attributes"),
        (details("{A.x}", "x", "y"), None, "Attribute y is not used"),
        (details("2 * 3", "x"), None, "Attribute x is not used"),
        (details("{A.x} % 2", "x"), None, "only \\+ - \\* / are supported"),
        (details("{x}", "x"), None, "must have the form"),
        (details("({A.x} + 1", "x"), None, "ends too early"),
        (
            details("{A.x}", "x"),
            {"Range": {"Value": 1, "TimestampSource": "{generatedAt}"}},
            "TimestampSource element {generatedAt} must have the form",
        ),
        (
            details("{A.x}", "x"),
            {"Range": {"Value": 1, "TimestampSource": "{B.generatedAt}"}},
            "must read the expression's object type A",
        ),
        (
            details("{A.x}", "x"),
            {"Range": {"Value": 1, "TimestampFormat": "EPOCH_SECONDS"}},
            "must be one of EPOCHMILLI, ISO_8601",
        ),
    ],
)
def test_check_definition_refuses(attribute_details, conditions, message):
    with pytest.raises(BadRequestException, match=message):
        check_definition(attribute_details, "SUM", conditions, None)


@pytest.mark.parametrize(
    "attribute_details,statistic,conditions,filter_",
    [
        (details("{Order.total}", "total"), "SUM", None, None),
        (details("{Order.total}", "Order.total"), "SUM", None, None),  # typed name
        (details("{Order.total} * {Order.qty}", "total", "qty"), "SUM", None, None),
        (details("{Order.total} * {Order.total}", "total"), "SUM", None, None),
        (details("({Order.total} + 1) * 2", "total"), "AVERAGE", None, None),
        (
            details("{CTR.agent.hold} + {CTR.queue.wait}", "agent.hold", "queue.wait"),
            "AVERAGE",
            None,
            None,
        ),
        (details("{_order.TotalPrice}", "TotalPrice"), "SUM", None, None),  # standard
        (details("{Order.channel}", "channel"), "RECENT_OCCURRENCES", None, None),
        (
            details("{Order.total}", "total"),
            "SUM",
            {
                "Range": {
                    "Value": 30,
                    "ValueRange": {"Start": 30, "End": -5},
                    "Unit": "DAYS",
                    "TimestampSource": "{Order.meta.at}",
                    "TimestampFormat": "ISO_8601",
                },
                "ObjectCount": 300,
                "Threshold": {"Value": "anything", "Operator": "GREATER_THAN"},
            },
            None,
        ),
        (
            details("{Order.total}", "total"),
            "SUM",
            {"Range": {"Value": 1, "TimestampFormat": "epochmilli"}},
            None,
        ),
        (details("{Order.total}", "total"), "SUM", {"Range": {"Unit": "DAYS"}}, None),
        (
            details("{Order.total}", "total"),
            "COUNT",
            None,
            {
                "Include": "NONE",
                "Groups": [group("ANY", dim(Status=("BETWEEN", ["only one"])))],
            },
        ),
    ],
)
def test_check_definition_accepts(attribute_details, statistic, conditions, filter_):
    check_definition(attribute_details, statistic, conditions, filter_)
