"""The one operator table: the model's 15-value comparison enum (event trigger
ComparisonOperator, segment DimensionType, calculated-attribute FilterDimensionType) and
the segment-only list operators, for every consumer.

Sources: the Connect admin guide's event-trigger operator table [AG-ET] ("INCLUSIVE:
target includes all the specified values", "CONTAINS: contain any of the specified
values", number operators on Numbers, "BETWEEN: within specific value range or
timestamp", BEFORE / AFTER / ON on Dates) and the calculated-attribute event filters
[AG-CA-FILTER] ("multiple values connected by OR", "values are case-sensitive"). AWS
documents no difference between the three contexts, so there is one meaning each.

Choices where AWS's documentation is silent (README, "Choices where AWS's documentation
is silent"):
- Several Values: every operator but INCLUSIVE / EXCLUSIVE and the ranges holds when it
  holds for any of them ([AG-CA-FILTER]'s OR, applied everywhere):
  GREATER_THAN 5 over ["10", "1"] holds.
- INCLUSIVE: the value's text is one of Values (a JSON array: holds every one of them);
  EXCLUSIVE is its negation. Text is the number as written: 3.0 is "3.0", not "3"
  (INCLUSIVE is a String operator [AG-ET]).
- BETWEEN / NOT_BETWEEN: exactly two Values, lower bound first, inclusive, both numbers
  or both dates; BETWEEN 5 over ["10", "1"] is an empty range and never holds.
- BEFORE / AFTER compare instants; ON compares calendar days in the zone of the given
  Value (a Value without a zone is UTC): 23:30-05:00 is ON 00:00-05:00 of the same day.
- LIST_CONTAINS / LIST_CONTAINS_ALL (segments): the value is a JSON array (or text
  holding one) that holds any / all of Values.
- A missing value satisfies no operator, EXCLUSIVE included; a value of the wrong kind
  (text for a number operator, a number a double cannot hold, a date outside the years
  1 to 9999) satisfies none but EXCLUSIVE.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timezone
from typing import Any

from ..resources.values import as_text, parse_date, parse_json, parse_number

NUMBER_OPERATORS = {
    "GREATER_THAN",
    "LESS_THAN",
    "GREATER_THAN_OR_EQUAL",
    "LESS_THAN_OR_EQUAL",
    "EQUAL",
}
DATE_OPERATORS = {"BEFORE", "AFTER", "ON"}
RANGE_OPERATORS = {"BETWEEN", "NOT_BETWEEN"}

Test = Callable[[Any, Sequence[str]], bool]


def _texts(target: list[Any]) -> set[str | None]:
    return {as_text(item) for item in target}


def _inclusive(target: Any, values: Sequence[str]) -> bool:
    if isinstance(target, list):
        texts = _texts(target)
        return all(v in texts for v in values)
    return as_text(target) in values


def _contains(target: Any, values: Sequence[str]) -> bool:
    if isinstance(target, list):
        texts = _texts(target)
        return any(v in texts for v in values)
    text = as_text(target)
    return text is not None and any(v in text for v in values)


def _as_list(target: Any) -> list[str | None] | None:
    """A JSON array, given as such or as text (profile attributes are text)."""
    if isinstance(target, str):
        try:
            target = parse_json(target)
        except ValueError:
            return None
    return [as_text(item) for item in target] if isinstance(target, list) else None


def _list_contains(every: bool) -> Test:
    def check(target: Any, values: Sequence[str]) -> bool:
        items = _as_list(target)
        if items is None:
            return False
        test = all if every else any
        return test(v in items for v in values)

    return check


def _text_test(test: Callable[[str, str], bool]) -> Test:
    def check(target: Any, values: Sequence[str]) -> bool:
        text = as_text(target)
        return text is not None and any(test(text, v) for v in values)

    return check


def _number_test(test: Callable[[float, float], bool]) -> Test:
    def check(target: Any, values: Sequence[str]) -> bool:
        left = parse_number(target)
        if left is None:
            return False
        return any(
            right is not None and test(left, right)
            for right in map(parse_number, values)
        )

    return check


def _date_test(test: Callable[[datetime, datetime], bool]) -> Test:
    def check(target: Any, values: Sequence[str]) -> bool:
        left = parse_date(target)
        if left is None:
            return False
        return any(
            right is not None and test(left, right) for right in map(parse_date, values)
        )

    return check


def _day_in_zone_of(moment: datetime, reference: datetime) -> date | None:
    """The calendar day of ``moment`` in ``reference``'s zone; None when that day falls
    outside the years 1 to 9999."""
    try:
        return moment.astimezone(reference.tzinfo or timezone.utc).date()
    except OverflowError:
        return None


def _on(moment: datetime, reference: datetime) -> bool:
    day = _day_in_zone_of(moment, reference)
    return day is not None and day == reference.date()


def _between(target: Any, values: Sequence[str]) -> bool | None:
    """Whether the value lies within [Values[0], Values[1]]; None when it cannot be
    compared with two bounds."""
    if len(values) != 2:
        return None
    number, low, high = (parse_number(v) for v in (target, *values))
    if number is not None and low is not None and high is not None:
        return low <= number <= high
    moment, start, end = (parse_date(v) for v in (target, *values))
    if moment is not None and start is not None and end is not None:
        return start <= moment <= end
    return None


OPERATORS: dict[str, Test] = {
    "INCLUSIVE": _inclusive,
    "EXCLUSIVE": lambda target, values: not _inclusive(target, values),
    "CONTAINS": _contains,
    "BEGINS_WITH": _text_test(str.startswith),
    "ENDS_WITH": _text_test(str.endswith),
    "GREATER_THAN": _number_test(lambda a, b: a > b),
    "LESS_THAN": _number_test(lambda a, b: a < b),
    "GREATER_THAN_OR_EQUAL": _number_test(lambda a, b: a >= b),
    "LESS_THAN_OR_EQUAL": _number_test(lambda a, b: a <= b),
    "EQUAL": _number_test(lambda a, b: a == b),
    "BEFORE": _date_test(lambda a, b: a < b),
    "AFTER": _date_test(lambda a, b: a > b),
    "ON": _date_test(_on),
    "BETWEEN": lambda target, values: _between(target, values) is True,
    "NOT_BETWEEN": lambda target, values: _between(target, values) is False,
    "LIST_CONTAINS": _list_contains(every=False),
    "LIST_CONTAINS_ALL": _list_contains(every=True),
}


def compare(operator: str, target: Any, values: Sequence[str]) -> bool:
    """Whether ``target`` satisfies ``operator`` over ``values``; a missing value
    satisfies nothing, and an operator newer than this mock selects nothing."""
    test = OPERATORS.get(operator)
    if target is None or test is None:
        return False
    return test(target, values)


def combine(logical_operator: str, results: Iterable[bool]) -> bool:
    """ANY / ALL / NONE (trigger LogicalOperator, segment Include / Type / SourceType,
    filter Include / Type); anything else is ANY."""
    if logical_operator == "ALL":
        return all(results)
    if logical_operator == "NONE":
        return not any(results)
    return any(results)


def unmatchable(operator: str, values: Sequence[str]) -> str | None:
    """Why an operator over ``values`` can never match any value (None when it can).

    Names no value (event-trigger conditions are a sensitive member).
    """
    if operator in RANGE_OPERATORS:
        if len(values) != 2:
            return f"{operator} needs exactly 2 values, has {len(values)}"
        numbers = [parse_number(v) for v in values]
        dates = [parse_date(v) for v in values]
        if numbers[0] is not None and numbers[1] is not None:
            empty = numbers[0] > numbers[1]
        elif dates[0] is not None and dates[1] is not None:
            empty = dates[0] > dates[1]
        else:
            return f"{operator} bounds are not two numbers or two dates"
        if empty and operator == "BETWEEN":
            return f"{operator} range is empty (lower bound above upper bound)"
        return None
    if operator in NUMBER_OPERATORS and all(parse_number(v) is None for v in values):
        return f"{operator} value is not a number"
    if operator in DATE_OPERATORS and all(parse_date(v) is None for v in values):
        return f"{operator} value is not an ISO 8601 date or timestamp"
    return None
