"""One operator table for every consumer: the same value and Values give the same answer
in an event trigger's condition, a segment's profile dimension and a calculated
attribute's filter. The object is JSON text, read as PutProfileObject reads it."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from moto_customerprofiles.customerprofiles.engine import operators
from moto_customerprofiles.customerprofiles.engine.calculated_attributes import (
    SourceObject,
    passes_filter,
)
from moto_customerprofiles.customerprofiles.engine.segment_evaluation import (
    SegmentEvaluator,
)
from moto_customerprofiles.customerprofiles.engine.trigger_evaluation import (
    conditions_hold,
)
from moto_customerprofiles.customerprofiles.resources.profiles import Profile
from moto_customerprofiles.customerprofiles.resources.values import (
    as_text,
    parse_json,
)

NOW = datetime(2025, 6, 30, tzinfo=timezone.utc)
HUGE = "1" + "0" * 400  # a 401-digit integer: no double holds it

CASES = [
    # the four inputs on which the old trigger/segment and filter tables disagreed
    ("GREATER_THAN", "5", ["10", "1"], True),  # any of Values
    ("BETWEEN", "5", ["10", "1"], False),  # lower bound first: an empty range
    ("INCLUSIVE", "3.0", ["3"], False),  # the number's text as written
    ("ON", '"2024-01-15T23:30:00-05:00"', ["2024-01-15T00:00:00-05:00"], True),
    # the rest of the table
    ("BETWEEN", "5", ["1", "10"], True),
    ("NOT_BETWEEN", "11", ["1", "10"], True),
    ("INCLUSIVE", "3.0", ["3.0"], True),
    ("EXCLUSIVE", '"a"', ["b"], True),
    ("CONTAINS", '"abc"', ["x", "b"], True),
    ("BEGINS_WITH", '"abc"', ["x", "a"], True),
    ("ENDS_WITH", '"abc"', ["b"], False),
    ("LESS_THAN", '"2.5"', ["3"], True),  # text written as a number is a number
    ("EQUAL", "2.50", ["2.5"], True),
    ("EQUAL", "true", ["1"], False),  # a boolean is not a number
    ("INCLUSIVE", "true", ["true"], True),
    ("GREATER_THAN_OR_EQUAL", "-1", ["x", "-1"], True),
    ("BEFORE", '"2024-01-01"', ["not a date", "2025-01-01"], True),
    ("AFTER", '"2024-01-01T00:00:00+01:00"', ["2023-12-31T23:30:00Z"], False),
    ("ON", '"2024-01-16T04:30:00Z"', ["2024-01-15T00:00:00-05:00"], True),
    ("ON", '"2024-01-15T23:30:00-05:00"', ["2024-01-15"], False),  # UTC day 16
    # hostile values: not a number / not a date, never an error
    ("EQUAL", "1e400", ["1e400"], False),
    ("GREATER_THAN", HUGE, ["1"], False),
    ("EXCLUSIVE", HUGE, ["1"], True),
    ("BETWEEN", "1e400", ["1", "1e500"], False),
    ("BEFORE", '"9999-12-31T23:59:59-05:00"', ["2024-01-01"], False),
    ("AFTER", '"9999-12-31T23:59:59-05:00"', ["2024-01-01"], False),
    ("ON", '"0001-01-01T00:00:00+05:00"', ["0001-01-01"], False),
    ("NOT_BETWEEN", '"0001-01-01T00:00:00+05:00"', ["2024-01-01", "2025-01-01"], False),
    ("ON", '"9999-12-31T20:00:00Z"', ["9999-12-31T00:00:00+05:00"], False),
    ("ON", '"2024-01-15T10:00:00Z"', ["9999-12-31T23:59:59-05:00"], False),
]


def _trigger(operator: str, values: list[str]) -> Any:
    attribute = {"Source": "_source.x", "ComparisonOperator": operator}
    attribute["Values"] = values
    return SimpleNamespace(
        event_trigger_conditions=[
            {
                "EventTriggerDimensions": [{"ObjectAttributes": [attribute]}],
                "LogicalOperator": "ALL",
            }
        ]
    )


def through_trigger(operator: str, content: dict[str, Any], values: list[str]) -> bool:
    object_type = SimpleNamespace(fields={})
    return conditions_hold(_trigger(operator, values), object_type, content)  # type: ignore[arg-type]


def through_segment(operator: str, content: dict[str, Any], values: list[str]) -> bool:
    # what ingestion maps into a profile attribute is the value's text
    profile = Profile("p", {"Attributes": {"x": as_text(content["x"])}})
    groups = {
        "Groups": [
            {
                "Dimensions": [
                    {
                        "ProfileAttributes": {
                            "Attributes": {
                                "x": {"DimensionType": operator, "Values": values}
                            }
                        }
                    }
                ]
            }
        ]
    }
    evaluator = SegmentEvaluator(SimpleNamespace(), NOW)  # type: ignore[arg-type]
    return evaluator.holds(groups, profile)


def through_filter(operator: str, content: dict[str, Any], values: list[str]) -> bool:
    filter_ = {
        "Include": "ALL",
        "Groups": [
            {
                "Type": "ALL",
                "Dimensions": [
                    {"Attributes": {"x": {"DimensionType": operator, "Values": values}}}
                ],
            }
        ],
    }
    return passes_filter(SourceObject("T", content, NOW), filter_)


@pytest.mark.parametrize("operator, value, values, expected", CASES)
def test_every_consumer_gives_the_same_answer(operator, value, values, expected):
    content = parse_json(f'{{"x": {value}}}')
    answers = {
        "trigger": through_trigger(operator, content, values),
        "segment": through_segment(operator, content, values),
        "filter": through_filter(operator, content, values),
    }
    assert answers == dict.fromkeys(answers, expected)


def test_a_missing_value_satisfies_no_operator():
    for operator in operators.OPERATORS:
        assert not through_trigger(operator, {}, ["1"])
        assert not through_filter(operator, {}, ["1"])


def test_the_package_has_one_operator_table():
    package = Path(operators.__file__).parents[1]
    holders = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if '"GREATER_THAN_OR_EQUAL"' in path.read_text()
    ]
    assert holders == ["engine/operators.py"]
