"""Comparison operators shared by event trigger conditions and segment dimensions.

Semantics follow the Connect admin guide's operator table; where it is silent:
- INCLUSIVE: the value is one of ``Values`` (for a JSON array, it holds every one of them);
  EXCLUSIVE is its negation.
- CONTAINS: the value contains any of ``Values`` (as a substring, or as an array element).
- BEGINS_WITH / ENDS_WITH: the value starts / ends with any of ``Values``.
- Number operators compare numerically; BEFORE / AFTER / ON compare ISO 8601 dates and
  timestamps (a timestamp without a zone is UTC; ON compares calendar days in the zone of
  the given value). BETWEEN / NOT_BETWEEN take inclusive bounds, numbers or dates.
- LIST_CONTAINS / LIST_CONTAINS_ALL (segments): the value is a JSON array (or text holding
  one) that holds any / all of ``Values``.
- A missing value satisfies no operator; a value of the wrong type (text for a number
  operator, say) satisfies none but EXCLUSIVE.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from ..resources.timestamps import parse_iso8601

NUMBER_OPERATORS = {
    "GREATER_THAN",
    "LESS_THAN",
    "GREATER_THAN_OR_EQUAL",
    "LESS_THAN_OR_EQUAL",
    "EQUAL",
}
DATE_OPERATORS = {"BEFORE", "AFTER", "ON"}
RANGE_OPERATORS = {"BETWEEN", "NOT_BETWEEN"}
SINGLE_STRING_OPERATORS = {"BEGINS_WITH", "ENDS_WITH"}


_NUMBER = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")


def parse_number(value: Any) -> float | None:
    """A JSON number, or text written as one (no Python-only forms such as 1_000)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and _NUMBER.match(value):
        number = float(value)
    else:
        return None
    return number if number == number and abs(number) != float("inf") else None


def parse_date(value: Any) -> datetime | None:
    """ISO 8601 text (see ``resources/timestamps.py``)."""
    return parse_iso8601(value)


def as_utc(moment: datetime) -> datetime:
    """A timestamp without a zone is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _day_in_zone_of(moment: datetime, reference: datetime) -> date:
    zone = reference.tzinfo or timezone.utc
    return as_utc(moment).astimezone(zone).date()


def as_text(value: Any) -> str | None:
    """A JSON scalar as text (booleans as JSON writes them); None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return None


def _inclusive(target: Any, values: list[str]) -> bool:
    if isinstance(target, list):
        texts = {as_text(item) for item in target}
        return all(v in texts for v in values)
    return as_text(target) in values


def _contains(target: Any, values: list[str]) -> bool:
    if isinstance(target, list):
        texts = {as_text(item) for item in target}
        return any(v in texts for v in values)
    text = as_text(target)
    return text is not None and any(v in text for v in values)


def _as_list(target: Any) -> list[str | None] | None:
    """A JSON array, given as such or as text (profile attributes are text)."""
    if isinstance(target, str):
        try:
            target = json.loads(target)
        except ValueError:
            return None
    return [as_text(item) for item in target] if isinstance(target, list) else None


def _list_contains(every: bool) -> Callable[[Any, list[str]], bool]:
    def check(target: Any, values: list[str]) -> bool:
        items = _as_list(target)
        if items is None:
            return False
        test = all if every else any
        return test(v in items for v in values)

    return check


def _string_test(test: Callable[[str, str], bool]) -> Callable[[Any, list[str]], bool]:
    def check(target: Any, values: list[str]) -> bool:
        text = as_text(target)
        return text is not None and any(test(text, v) for v in values)

    return check


def _number_test(
    test: Callable[[float, float], bool],
) -> Callable[[Any, list[str]], bool]:
    def check(target: Any, values: list[str]) -> bool:
        left, right = parse_number(target), parse_number(values[0])
        return left is not None and right is not None and test(left, right)

    return check


def _date_test(
    on: Callable[[datetime, datetime], bool],
) -> Callable[[Any, list[str]], bool]:
    def check(target: Any, values: list[str]) -> bool:
        left, right = parse_date(target), parse_date(values[0])
        return left is not None and right is not None and on(left, right)

    return check


def _between(target: Any, values: list[str]) -> bool | None:
    """None when the value cannot be compared with the bounds."""
    if len(values) != 2:
        return None
    number = parse_number(target)
    low, high = parse_number(values[0]), parse_number(values[1])
    if number is not None and low is not None and high is not None:
        return low <= number <= high
    moment = parse_date(target)
    start, end = parse_date(values[0]), parse_date(values[1])
    if moment is not None and start is not None and end is not None:
        return as_utc(start) <= as_utc(moment) <= as_utc(end)
    return None


OPERATORS: dict[str, Callable[[Any, list[str]], bool]] = {
    "INCLUSIVE": _inclusive,
    "EXCLUSIVE": lambda target, values: not _inclusive(target, values),
    "CONTAINS": _contains,
    "BEGINS_WITH": _string_test(str.startswith),
    "ENDS_WITH": _string_test(str.endswith),
    "GREATER_THAN": _number_test(lambda a, b: a > b),
    "LESS_THAN": _number_test(lambda a, b: a < b),
    "GREATER_THAN_OR_EQUAL": _number_test(lambda a, b: a >= b),
    "LESS_THAN_OR_EQUAL": _number_test(lambda a, b: a <= b),
    "EQUAL": _number_test(lambda a, b: a == b),
    "BEFORE": _date_test(lambda a, b: as_utc(a) < as_utc(b)),
    "AFTER": _date_test(lambda a, b: as_utc(a) > as_utc(b)),
    "ON": _date_test(lambda a, b: _day_in_zone_of(a, b) == _day_in_zone_of(b, b)),
    "BETWEEN": lambda target, values: _between(target, values) is True,
    "NOT_BETWEEN": lambda target, values: _between(target, values) is False,
    "LIST_CONTAINS": _list_contains(every=False),
    "LIST_CONTAINS_ALL": _list_contains(every=True),
}


def unmatchable(operator: str, values: list[str]) -> str | None:
    """Why an operator over ``values`` can never match any value (None when it can).

    Names no value (event-trigger conditions are a sensitive member).
    """
    if operator in RANGE_OPERATORS:
        if len(values) != 2:
            return f"{operator} needs exactly 2 values, has {len(values)}"
        numbers = [parse_number(v) for v in values]
        dates = [parse_date(v) for v in values]
        if None not in numbers:
            low, high = numbers[0], numbers[1]
        elif None not in dates:
            low, high = (as_utc(d).timestamp() for d in dates if d is not None)
        else:
            return f"{operator} bounds are not two numbers or two dates"
        if (
            low is not None
            and high is not None
            and low > high
            and operator == "BETWEEN"
        ):
            return f"{operator} range is empty (lower bound above upper bound)"
        return None
    if operator in NUMBER_OPERATORS and parse_number(values[0]) is None:
        return f"{operator} value is not a number"
    if operator in DATE_OPERATORS and parse_date(values[0]) is None:
        return f"{operator} value is not an ISO 8601 date or timestamp"
    return None


def compare(operator: str, target: Any, values: list[str]) -> bool:
    """Whether ``target`` satisfies ``operator`` over ``values``; missing satisfies nothing."""
    test = OPERATORS.get(operator)
    if (
        target is None or test is None
    ):  # an operator newer than this mock selects nothing
        return False
    return test(target, values)


def combine(logical_operator: str, results: list[bool]) -> bool:
    """ANY / ALL / NONE (also the segment API's IncludeOptions)."""
    if logical_operator == "ALL":
        return all(results)
    if logical_operator == "NONE":
        return not any(results)
    return any(results)
