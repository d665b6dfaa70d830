"""The value of a calculated attribute for one profile, computed from its objects.

Pure functions: the caller passes the definition, the profile's objects and the time;
only the last section (``value_for_profile``) reads a domain, to feed them.

Sources cited below: [BC] the botocore model (customer-profiles 2020-08-15); [AG-CA-API]
the Connect admin guide "Calculated attributes APIs"; [AG-CA-DEF] "Create a custom ...
calculated attribute definition"; [AG-CA-FILTER] "Set up event filters"; [AG-CA-VAL]
"Validate calculated attribute values"; [AG-CA-DEFAULT] "Default calculated attributes".

The calculation, in order (documented parts cite a source, the rest is this mock's rule):

1. Objects of the Expression's object type only ([BC] "Each calculated attribute can only
   reference one ObjectType").
2. UseHistoricalData: unless true, only objects ingested at or after the definition's
   CreatedAt ([BC] "Whether historical data ingested before the Calculated Attribute was
   created should be included"; [AG-CA-API] "To use historical data as well, specify
   UseHistoricalData as true", so absent means false).
3. Filter: Include ALL/ANY/NONE over the Groups (an object is kept when it fits all / any /
   none of them); a group's Type ALL/ANY/NONE over its Dimensions; a dimension holds when
   every attribute in its map holds; an attribute holds when any of its Values does
   ([AG-CA-FILTER] "multiple values connected by OR"); values are case-sensitive
   ([AG-CA-FILTER]). Operator semantics are this mock's (AWS documents none for the API):
   INCLUSIVE the value is one of Values (a JSON array: holds all of them), EXCLUSIVE its
   negation; CONTAINS a substring (an array: an element); BEGINS_WITH / ENDS_WITH;
   number operators compare numerically with any of Values; BEFORE / AFTER / ON compare
   ISO 8601 timestamps (ON: the same UTC day); BETWEEN / NOT_BETWEEN take exactly two
   Values as inclusive bounds in either order, numbers or timestamps. A missing attribute
   satisfies no operator, EXCLUSIVE included; a value of the wrong kind satisfies none.
4. Range: an object's time is the value at TimestampSource, read per TimestampFormat,
   else its ingestion time. Value N keeps objects timed within the last N days up to now
   (objects timed in the future are left out); ValueRange {Start, End} keeps objects timed
   from Start days ago to End days ago, negative meaning in the future, and overrides
   Value ([BC] ValueRange). Days are exact 24-hour spans from ``now``; both ends are
   inclusive; the order of Start and End does not matter. A Range with neither Value nor
   ValueRange keeps everything. A ConditionOverrides.Range ({Start, End}; no End means
   now) passed to ``compute`` replaces Value / ValueRange and keeps TimestampSource.
5. ObjectCount N keeps the N newest objects by object time ([AG-CA-DEF] says only "how many
   objects the calculation should be based on"; "newest" is this mock's reading).
6. The Expression is evaluated per object; the Statistic aggregates the results.
7. Threshold turns the value into "true" or "false" ([AG-CA-API] "The comparison logic to
   generate a true/false calculated attribute").

Rules chosen where AWS is silent:

- Attribute lookup: an object type field of that name first, then the JSON content by
  dotted path (``a.b`` is content["a"]["b"]), then a content key spelled with the dots.
  ([AG-CA-FILTER] documents "field of the object type first" for event filters.)
- Operands: a JSON number, text written as a number, or an ISO 8601 timestamp (as epoch
  milliseconds, so ``{CTR.disconnectTimestamp} - {CTR.initiationTimestamp}`` of
  [AG-CA-DEFAULT] works). Booleans are not numbers. An object whose expression cannot be
  evaluated (a missing attribute, a non-numeric operand of arithmetic or of SUM / MINIMUM /
  MAXIMUM / AVERAGE, division by zero, a JSON object or array) is skipped: it does not
  count, does not contribute, and is not the LastObjectTimestamp.
- A bare reference (``{T.a}``) yields the attribute's own value, so FIRST_OCCURRENCE,
  LAST_OCCURRENCE and MAX_OCCURRENCE can return text.
- Numbers print as integers when integral ("3", not "3.0"), otherwise as Python's repr of
  the float ("2.5", "0.30000000000000004"). Arithmetic is in binary floating point.
- Booleans print as "true" / "false".
- No contributing object: COUNT is "0"; every other statistic has no value (None: the
  attribute is absent), and a Threshold is then not applied (None stays None).
- FIRST_OCCURRENCE / LAST_OCCURRENCE order by object time (ties: ingestion time, then the
  order given); the "earliest/latest ingested object" of [AG-CA-DEF] is the object time
  when there is no TimestampSource.
- MAX_OCCURRENCE compares values as text (case-sensitive); a tie goes to the value that
  occurred most recently.
- RECENT_OCCURRENCES (undocumented): a JSON array of the distinct values, newest first,
  cut from the oldest end so the text stays within the model's 255 characters.
- Threshold: both sides numbers compare numerically, otherwise as text (Python string
  order for GREATER_THAN / LESS_THAN).
- TimestampFormat (any letter case) EPOCHMILLI reads milliseconds; ISO_8601 reads ISO
  8601 extended-format text (YYYY-MM-DD, optionally a time; a zone-less value is UTC;
  offsets Z, +HH:MM and +HHMM). Without TimestampFormat a number is epoch milliseconds and
  text is ISO 8601. An object whose timestamp cannot be read is timed by its ingestion.
- IsDataPartial ([AG-CA-VAL]: "either the time range ... or object count have not been
  achieved"): true when the Range window starts before CreatedAt and UseHistoricalData is
  not true, or when fewer objects than ObjectCount remain after steps 1-4.
- LastObjectTimestamp ([BC] "the newest object included in the calculation"): the latest
  object time among the contributing objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, Protocol, TypeAlias

from ..exceptions import BadRequestException
from ..resources.calculated_attributes import (
    CalculatedAttributeDefinition as CalculatedAttributeDefinitionModel,
)
from ..resources.calculated_attributes import CalculatedAttributeValue
from ..resources.domains import Domain
from ..resources.profiles import PROFILE, Profile
from ..resources.timestamps import parse_iso8601

STATISTICS = (
    "FIRST_OCCURRENCE",
    "LAST_OCCURRENCE",
    "COUNT",
    "SUM",
    "MINIMUM",
    "MAXIMUM",
    "AVERAGE",
    "MAX_OCCURRENCE",
    "RECENT_OCCURRENCES",
)
TIMESTAMP_FORMATS = ("EPOCHMILLI", "ISO_8601")
MAX_VALUE_LENGTH = 255  # [BC] CalculatedAttributeValue.Value: string1To255
MAX_ATTRIBUTES = 2  # [BC] operation doc: "at most, two fields from that ObjectType"

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_DAY = timedelta(days=1)


# ---------------------------------------------------------------------------
# Objects, values and definitions


class SourceObject:
    """An object a profile owns.

    ``content`` is the JSON object as put; ``fields`` optionally holds the values of the
    object type's fields (name -> value), which take precedence over ``content``.
    """

    __slots__ = ("object_type_name", "content", "ingested_at", "fields")

    def __init__(
        self,
        object_type_name: str,
        content: Mapping[str, Any],
        ingested_at: datetime,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        self.object_type_name = object_type_name
        self.content = content
        self.ingested_at = ingested_at
        self.fields: Mapping[str, Any] = fields if fields is not None else {}


if TYPE_CHECKING:  # what the calculation reads; no cost at run time

    class ObjectLike(Protocol):
        """What the calculation reads of an object: a SourceObject or a stored object."""

        @property
        def object_type_name(self) -> str: ...

        @property
        def content(self) -> Mapping[str, Any]: ...

        @property
        def ingested_at(self) -> datetime: ...

        @property
        def fields(self) -> Mapping[str, Any]: ...

    class CalculatedAttributeDefinition(Protocol):
        @property
        def attribute_details(self) -> Mapping[str, Any]: ...

        @property
        def statistic(self) -> str: ...

        @property
        def conditions(self) -> Mapping[str, Any] | None: ...

        @property
        def filter(self) -> Mapping[str, Any] | None: ...

        @property
        def use_historical_data(self) -> bool | None: ...

        @property
        def created_at(self) -> datetime: ...


class CalculatedValue(NamedTuple):
    value: str | None
    is_data_partial: bool
    last_object_timestamp: datetime | None


def _as_utc(moment: datetime) -> datetime:
    """A datetime without a zone is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def lookup(obj: ObjectLike, name: str) -> Any:
    """The value of attribute ``name``: a field of the object type, else the content."""
    if name in obj.fields:
        return obj.fields[name]
    value: Any = obj.content
    for step in name.split("."):
        if not isinstance(value, Mapping) or step not in value:
            value = None
            break
        value = value[step]
    if value is None and name in obj.content:
        value = obj.content[name]
    return value


# ---------------------------------------------------------------------------
# Scalars: numbers, dates, text


_NUMBER = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")


_INFINITY = float("inf")


def _finite(number: float) -> float | None:
    return number if number == number and abs(number) != float("inf") else None


def parse_number(value: Any) -> float | None:
    """A JSON number or text written as one; booleans are not numbers."""
    kind = type(value)
    if kind is float or kind is int:  # the common case first
        number = float(value)
        return number if number == number and abs(number) != _INFINITY else None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _finite(float(value))
    if isinstance(value, str) and _NUMBER.match(value):
        return _finite(float(value))
    return None


def parse_timestamp(value: Any) -> datetime | None:
    """ISO 8601 text (see ``resources/timestamps.py``)."""
    return parse_iso8601(value)


def _epoch_millis(moment: datetime) -> float:
    return (_as_utc(moment) - _EPOCH) / timedelta(milliseconds=1)


def _from_epoch_millis(millis: float) -> datetime | None:
    try:
        return _EPOCH + timedelta(milliseconds=millis)
    except OverflowError:
        return None


def to_number(value: Any) -> float | None:
    """A number, or an ISO 8601 timestamp as epoch milliseconds."""
    number = parse_number(value)
    if number is not None:
        return number
    moment = parse_timestamp(value)
    return None if moment is None else _epoch_millis(moment)


def format_number(number: float) -> str:
    """Integral values without a fraction ("3"); others as Python's float repr."""
    if number.is_integer():
        return str(int(number))
    return repr(number)


def to_text(value: Any) -> str | None:
    """A JSON scalar as text; None for null, objects and arrays."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        number = _finite(float(value))
        return None if number is None else format_number(number)
    return None


# ---------------------------------------------------------------------------
# Expressions


class Reference(NamedTuple):
    object_type_name: str
    attribute_name: str


class _Number:
    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value


class _Negate:
    __slots__ = ("operand",)

    def __init__(self, operand: _Node) -> None:
        self.operand = operand


class _Binary:
    __slots__ = ("operator", "left", "right")

    def __init__(self, operator: str, left: _Node, right: _Node) -> None:
        self.operator = operator
        self.left = left
        self.right = right


_Node: TypeAlias = "Reference | _Number | _Negate | _Binary"

_TOKEN = re.compile(r"\s*(?:(\{[^{}]*\})|(\d+(?:\.\d*)?|\.\d+)|([-+*/()]))")


def parse_reference(text: str, what: str) -> Reference:
    """``{ObjectTypeName.AttributeName}``; the attribute name may hold further dots."""
    inner = text[1:-1] if text.startswith("{") and text.endswith("}") else ""
    type_name, _, attribute = inner.strip().partition(".")
    if not type_name or not attribute:
        # [BC] AttributeDetails.Expression: "Each element in the expression should follow
        # the structure of {ObjectTypeName.AttributeName}"; Range.TimestampSource: "should
        # follow the structure of {ObjectTypeName.<Location of timestamp field ...>}".
        raise BadRequestException(
            f"{what} element {text} must have the form ObjectTypeName.AttributeName, in braces"
        )
    return Reference(type_name, attribute)


class Expression:
    """An AttributeDetails.Expression: references, numbers, + - * / and parentheses."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens = self._tokenize(text)
        self._position = 0
        self.root = self._sum()
        if self._position != len(self._tokens):
            self._fail(f"unexpected '{self._tokens[self._position]}'")
        self.references: tuple[Reference, ...] = tuple(self._walk(self.root))

    @classmethod
    def from_attribute_details(cls, attribute_details: Mapping[str, Any]) -> Expression:
        return cls(str(attribute_details.get("Expression", "")))

    def object_types(self) -> set[str]:
        return {ref.object_type_name for ref in self.references}

    def attribute_names(self) -> set[str]:
        return {ref.attribute_name for ref in self.references}

    def evaluate(self, obj: ObjectLike) -> Any:
        """The raw value of a bare reference, else a number; None when undefined."""
        if isinstance(self.root, Reference):
            value = lookup(obj, self.root.attribute_name)
            if isinstance(value, (str, bool)):
                return value
            if isinstance(value, (int, float)):
                return value if _finite(float(value)) is not None else None
            return None
        return self._number(self.root, obj)

    # -- parsing

    def _fail(self, problem: str) -> NoReturn:
        # [BC] AttributeDetails.Expression: a "Mathematical expression"; [AG-CA-API]: "We
        # only support the following mathematical operations: + - * /".
        raise BadRequestException(
            f"Expression {self.text} is not a valid mathematical expression: {problem}"
        )

    def _tokenize(self, text: str) -> list[str]:
        tokens: list[str] = []
        position = 0
        while position < len(text):
            if text[position:].strip() == "":
                break
            match = _TOKEN.match(text, position)
            if match is None:
                rest = text[position:].strip()
                self._fail(f"unsupported '{rest[0]}' (only + - * / are supported)")
            token = next(group for group in match.groups() if group is not None)
            tokens.append(token)
            position = match.end()
        return tokens

    def _peek(self) -> str | None:
        if self._position < len(self._tokens):
            return self._tokens[self._position]
        return None

    def _take(self) -> str:
        token = self._peek()
        if token is None:
            self._fail("it ends too early")
        self._position += 1
        return token

    def _sum(self) -> _Node:
        node = self._product()
        while self._peek() in ("+", "-"):
            operator = self._take()
            node = _Binary(operator, node, self._product())
        return node

    def _product(self) -> _Node:
        node = self._factor()
        while self._peek() in ("*", "/"):
            operator = self._take()
            node = _Binary(operator, node, self._factor())
        return node

    def _factor(self) -> _Node:
        token = self._take()
        if token == "-":
            return _Negate(self._factor())
        if token == "+":
            return self._factor()
        if token == "(":
            node = self._sum()
            if self._take() != ")":
                self._fail("a '(' is not closed")
            return node
        if token.startswith("{"):
            return parse_reference(token, "Expression")
        if token[0].isdigit() or token[0] == ".":
            return _Number(float(token))
        self._fail(f"unexpected '{token}'")

    @staticmethod
    def _walk(node: _Node) -> Iterable[Reference]:
        if isinstance(node, Reference):
            yield node
        elif isinstance(node, _Negate):
            yield from Expression._walk(node.operand)
        elif isinstance(node, _Binary):
            yield from Expression._walk(node.left)
            yield from Expression._walk(node.right)

    # -- evaluation

    def _number(self, node: _Node, obj: ObjectLike) -> float | None:
        if isinstance(node, _Number):
            return node.value
        if isinstance(node, Reference):
            return to_number(lookup(obj, node.attribute_name))
        if isinstance(node, _Negate):
            operand = self._number(node.operand, obj)
            return None if operand is None else -operand
        left, right = self._number(node.left, obj), self._number(node.right, obj)
        if left is None or right is None:
            return None
        if node.operator == "+":
            return _finite(left + right)
        if node.operator == "-":
            return _finite(left - right)
        if node.operator == "*":
            return _finite(left * right)
        return None if right == 0 else _finite(left / right)


# ---------------------------------------------------------------------------
# Definition checks


def _listed(reference: Reference, names: set[str]) -> bool:
    """An Attributes item names the attribute, with or without its object type."""
    return (
        reference.attribute_name in names
        or f"{reference.object_type_name}.{reference.attribute_name}" in names
    )


def check_definition(
    attribute_details: Mapping[str, Any],
    statistic: str,
    conditions: Mapping[str, Any] | None,
    filter: Mapping[str, Any] | None,
) -> None:
    """Refuse what AWS documents as unsupported; accept everything else.

    Shapes, lengths, patterns and enums are the request validation's job (the model).
    ``statistic`` and ``filter`` carry no documented rule beyond the model.
    """
    expression = Expression.from_attribute_details(attribute_details)
    object_types = expression.object_types()
    if len(object_types) > 1:
        # [BC] CreateCalculatedAttributeDefinition: "Each calculated attribute can only
        # reference one ObjectType".
        raise BadRequestException(
            "A calculated attribute can only reference one object type; the expression "
            f"references {', '.join(sorted(object_types))}"
        )
    items = [
        str(item.get("Name", ""))
        for item in attribute_details.get("Attributes", [])
        if isinstance(item, Mapping)
    ]
    names = set(items)
    if (
        len(names) > MAX_ATTRIBUTES
        or len(expression.attribute_names()) > MAX_ATTRIBUTES
    ):
        # [BC] CreateCalculatedAttributeDefinition: "at most, two fields from that
        # ObjectType"; [AG-CA-DEF]: "Two attributes being referenced in this list are
        # supported" (the CloudFormation schema caps Attributes at 2 items).
        raise BadRequestException(
            "A calculated attribute can reference at most two attributes"
        )
    for reference in expression.references:
        if not _listed(reference, names):
            # [BC] AttributeDetails.Expression: "performed on attribute items provided in
            # the attribute list".
            raise BadRequestException(
                f"Expression references {reference.attribute_name}, which is not in "
                "Attributes"
            )
    for name in items:
        if not any(_listed(reference, {name}) for reference in expression.references):
            # [BC] AttributeDetails.Attributes: "A list of attribute items specified in the
            # mathematical expression"; [AG-CA-DEF]: with two attributes "this field
            # should contain both attributes".
            raise BadRequestException(
                f"Attribute {name} is not used in the expression {expression.text}"
            )
    range_ = (conditions or {}).get("Range") or {}
    source = range_.get("TimestampSource")
    if source is not None:
        reference = parse_reference(str(source).strip(), "TimestampSource")
        if object_types and reference.object_type_name not in object_types:
            # [BC] "Each calculated attribute can only reference one ObjectType".
            raise BadRequestException(
                f"TimestampSource {source} must read the expression's object type "
                f"{next(iter(object_types))}"
            )
    time_format = range_.get("TimestampFormat")
    if time_format is not None and str(time_format).upper() not in TIMESTAMP_FORMATS:
        # [BC] Range.TimestampFormat: "This value should be one of EPOCHMILLI ... or
        # ISO_8601".
        raise BadRequestException(
            f"TimestampFormat {time_format} must be one of EPOCHMILLI, ISO_8601"
        )


# ---------------------------------------------------------------------------
# Filter operators (FilterDimensionType)


def _inclusive(target: Any, values: Sequence[str]) -> bool:
    if isinstance(target, list):
        texts = {to_text(item) for item in target}
        return all(v in texts for v in values)
    return to_text(target) in values


def _contains(target: Any, values: Sequence[str]) -> bool:
    if isinstance(target, list):
        texts = {to_text(item) for item in target}
        return any(v in texts for v in values)
    text = to_text(target)
    return text is not None and any(v in text for v in values)


def _text_test(
    test: Callable[[str, str], bool],
) -> Callable[[Any, Sequence[str]], bool]:
    def check(target: Any, values: Sequence[str]) -> bool:
        text = to_text(target)
        return text is not None and any(test(text, v) for v in values)

    return check


def _number_test(
    test: Callable[[float, float], bool],
) -> Callable[[Any, Sequence[str]], bool]:
    def check(target: Any, values: Sequence[str]) -> bool:
        left = parse_number(target)
        return left is not None and any(
            right is not None and test(left, right)
            for right in (parse_number(v) for v in values)
        )

    return check


def _date_test(
    test: Callable[[datetime, datetime], bool],
) -> Callable[[Any, Sequence[str]], bool]:
    def check(target: Any, values: Sequence[str]) -> bool:
        left = parse_timestamp(target)
        return left is not None and any(
            right is not None and test(left, right)
            for right in (parse_timestamp(v) for v in values)
        )

    return check


def _utc_day(moment: datetime) -> date:
    return moment.astimezone(timezone.utc).date()


def _between(target: Any, values: Sequence[str]) -> bool | None:
    """None when the value cannot be compared with two bounds."""
    if len(values) != 2:
        return None
    number, low, high = (parse_number(v) for v in (target, *values))
    if number is not None and low is not None and high is not None:
        return min(low, high) <= number <= max(low, high)
    moment, start, end = (parse_timestamp(v) for v in (target, *values))
    if moment is not None and start is not None and end is not None:
        return min(start, end) <= moment <= max(start, end)
    return None


_OPERATORS: dict[str, Callable[[Any, Sequence[str]], bool]] = {
    "INCLUSIVE": _inclusive,
    "EXCLUSIVE": lambda target, values: not _inclusive(target, values),
    "CONTAINS": _contains,
    "BEGINS_WITH": _text_test(str.startswith),
    "ENDS_WITH": _text_test(str.endswith),
    "BEFORE": _date_test(lambda a, b: a < b),
    "AFTER": _date_test(lambda a, b: a > b),
    "ON": _date_test(lambda a, b: _utc_day(a) == _utc_day(b)),
    "BETWEEN": lambda target, values: _between(target, values) is True,
    "NOT_BETWEEN": lambda target, values: _between(target, values) is False,
    "GREATER_THAN": _number_test(lambda a, b: a > b),
    "LESS_THAN": _number_test(lambda a, b: a < b),
    "GREATER_THAN_OR_EQUAL": _number_test(lambda a, b: a >= b),
    "LESS_THAN_OR_EQUAL": _number_test(lambda a, b: a <= b),
    "EQUAL": _number_test(lambda a, b: a == b),
}


def _combine(logic: str, results: Iterable[bool]) -> bool:
    """ALL / ANY / NONE."""
    if logic == "ALL":
        return all(results)
    if logic == "NONE":
        return not any(results)
    return any(results)


def _attribute_holds(obj: ObjectLike, name: str, dimension: Mapping[str, Any]) -> bool:
    target = lookup(obj, name)
    test = _OPERATORS.get(str(dimension.get("DimensionType", "")))
    if target is None or test is None:  # a missing attribute satisfies no operator
        return False
    return test(target, [str(v) for v in dimension.get("Values", [])])


def passes_filter(obj: ObjectLike, filter: Mapping[str, Any] | None) -> bool:
    """Whether the Filter keeps ``obj`` (no Filter keeps every object)."""
    if not filter:
        return True

    def dimension_holds(dimension: Mapping[str, Any]) -> bool:
        attributes: Mapping[str, Any] = dimension.get("Attributes", {})
        return all(
            _attribute_holds(obj, name, spec) for name, spec in attributes.items()
        )

    def group_holds(group: Mapping[str, Any]) -> bool:
        dimensions = group.get("Dimensions", [])
        return _combine(str(group.get("Type", "")), map(dimension_holds, dimensions))

    return _combine(
        str(filter.get("Include", "")), map(group_holds, filter.get("Groups", []))
    )


# ---------------------------------------------------------------------------
# Time


def object_time(obj: ObjectLike, range_: Mapping[str, Any]) -> datetime:
    """The time at Range.TimestampSource, read per TimestampFormat, else ingestion."""
    source = range_.get("TimestampSource")
    if source is not None:
        try:
            reference = parse_reference(str(source).strip(), "TimestampSource")
        except BadRequestException:
            reference = None
        if reference is not None:
            moment = _read_time(
                lookup(obj, reference.attribute_name), range_.get("TimestampFormat")
            )
            if moment is not None:
                return moment
    return _as_utc(obj.ingested_at)


def _read_time(value: Any, time_format: Any) -> datetime | None:
    kind = None if time_format is None else str(time_format).upper()
    if kind in (None, "EPOCHMILLI"):
        millis = parse_number(value)
        if millis is not None:
            return _from_epoch_millis(millis)
    if kind in (None, "ISO_8601"):
        return parse_timestamp(value)
    return None


def _window(
    range_: Mapping[str, Any], now: datetime
) -> tuple[datetime, datetime] | None:
    """The [start, end] window of a Range, or None when it restricts nothing."""
    value_range = range_.get("ValueRange")
    try:
        if isinstance(value_range, Mapping):
            ago = [int(value_range["Start"]), int(value_range["End"])]
            return now - max(ago) * _DAY, now - min(ago) * _DAY
        if range_.get("Value") is not None:
            return now - int(range_["Value"]) * _DAY, now
    except (KeyError, OverflowError, TypeError, ValueError):
        return None
    return None


def override_range(
    range_: Mapping[str, Any], override: Mapping[str, Any] | None
) -> Mapping[str, Any]:
    """The definition's Range with a ConditionOverrides.Range (Start, End days ago)."""
    if not override:
        return range_
    start = override.get("Start", 0)
    end = override.get("End", 0)  # no End: up to now
    merged = {k: v for k, v in range_.items() if k not in ("Value", "ValueRange")}
    merged["ValueRange"] = {"Start": start, "End": end}
    return merged


# ---------------------------------------------------------------------------
# Statistics


class _Contribution:
    __slots__ = ("value", "at")

    def __init__(self, value: Any, at: datetime) -> None:
        self.value = value
        self.at = at


def _numbers(contributions: Sequence[_Contribution]) -> list[float]:
    numbers = (
        c.value if type(c.value) is float else to_number(c.value) for c in contributions
    )
    return [n for n in numbers if n is not None]


def _number_statistic(
    combine: Callable[[list[float]], float],
) -> Callable[[Sequence[_Contribution]], str | None]:
    def statistic(contributions: Sequence[_Contribution]) -> str | None:
        numbers = _numbers(contributions)
        if not numbers:
            return None
        result = _finite(combine(numbers))
        return None if result is None else format_number(result)

    return statistic


def _max_occurrence(contributions: Sequence[_Contribution]) -> str | None:
    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    for index, contribution in enumerate(contributions):  # oldest first
        text = to_text(contribution.value)
        if text is not None:
            counts[text] = counts.get(text, 0) + 1
            latest[text] = index
    if not counts:
        return None
    return max(counts, key=lambda text: (counts[text], latest[text]))


def _recent_occurrences(contributions: Sequence[_Contribution]) -> str | None:
    values: list[str] = []
    for contribution in reversed(contributions):  # newest first
        text = to_text(contribution.value)
        if text is not None and text not in values:
            values.append(text)
    while values and len(json.dumps(values)) > MAX_VALUE_LENGTH:
        values.pop()
    return json.dumps(values) if values else None


def _occurrence(index: int) -> Callable[[Sequence[_Contribution]], str | None]:
    def statistic(contributions: Sequence[_Contribution]) -> str | None:
        return to_text(contributions[index].value) if contributions else None

    return statistic


_STATISTICS: dict[str, Callable[[Sequence[_Contribution]], str | None]] = {
    "FIRST_OCCURRENCE": _occurrence(0),
    "LAST_OCCURRENCE": _occurrence(-1),
    "COUNT": lambda contributions: str(len(contributions)),
    "SUM": _number_statistic(sum),
    "MINIMUM": _number_statistic(min),
    "MAXIMUM": _number_statistic(max),
    "AVERAGE": _number_statistic(lambda numbers: sum(numbers) / len(numbers)),
    "MAX_OCCURRENCE": _max_occurrence,
    "RECENT_OCCURRENCES": _recent_occurrences,
}
_NUMERIC = {"SUM", "MINIMUM", "MAXIMUM", "AVERAGE"}


def apply_threshold(
    value: str | None, threshold: Mapping[str, Any] | None
) -> str | None:
    """ "true" / "false" for a Threshold; no value stays no value."""
    if value is None or not threshold:
        return value
    bound = str(threshold.get("Value", ""))
    operator = threshold.get("Operator")
    left, right = to_number(value), to_number(bound)
    if left is not None and right is not None:
        order = (left > right) - (left < right)
    else:
        order = (value > bound) - (value < bound)
    results = {
        "EQUAL_TO": order == 0,
        "NOT_EQUAL_TO": order != 0,
        "GREATER_THAN": order > 0,
        "LESS_THAN": order < 0,
    }
    return "true" if results.get(str(operator), False) else "false"


# ---------------------------------------------------------------------------
# The calculation


def compute(
    definition: CalculatedAttributeDefinition,
    objects: Iterable[ObjectLike],
    now: datetime,
    range_override: Mapping[str, Any] | None = None,
) -> CalculatedValue:
    """The value of ``definition`` for a profile owning ``objects`` (in ingestion order).

    ``range_override`` is a ConditionOverrides.Range ({Start, End, Unit}) replacing the
    definition's Range window (BatchGetCalculatedAttributeForProfile, segments).
    """
    now = _as_utc(now)
    created_at = _as_utc(definition.created_at)
    expression = Expression.from_attribute_details(definition.attribute_details)
    conditions = definition.conditions or {}
    range_ = override_range(conditions.get("Range") or {}, range_override)
    window = _window(range_, now)
    types = expression.object_types()

    timed: list[tuple[datetime, datetime, int, ObjectLike]] = []
    for index, obj in enumerate(objects):
        if obj.object_type_name not in types:
            continue
        ingested_at = _as_utc(obj.ingested_at)
        if not definition.use_historical_data and ingested_at < created_at:
            continue
        if not passes_filter(obj, definition.filter):
            continue
        at = object_time(obj, range_)
        if window is not None and not window[0] <= at <= window[1]:
            continue
        timed.append((at, ingested_at, index, obj))
    timed.sort(key=lambda entry: entry[:3])

    object_count = conditions.get("ObjectCount")
    partial = False
    if isinstance(object_count, int) and not isinstance(object_count, bool):
        partial = len(timed) < object_count
        timed = timed[-object_count:] if object_count > 0 else []
    if window is not None and not definition.use_historical_data:
        partial = partial or window[0] < created_at

    contributions = []
    numeric = definition.statistic in _NUMERIC
    for at, _, _, obj in timed:
        value = expression.evaluate(obj)
        if value is None:
            continue
        if numeric:
            value = to_number(value)  # once: the statistic reads the number
            if value is None:
                continue
        contributions.append(_Contribution(value, at))

    statistic = _STATISTICS.get(definition.statistic)
    value = statistic(contributions) if statistic else None
    value = apply_threshold(value, conditions.get("Threshold"))
    last = max((c.at for c in contributions), default=None)
    return CalculatedValue(value, partial, last)


# ---------------------------------------------------------------------------
# Feeding the calculation from a domain (the only part that reads resources)


class _Calculation(NamedTuple):
    """A definition as the calculation sees it at one moment."""

    attribute_details: Mapping[str, Any]
    statistic: str
    conditions: Mapping[str, Any] | None
    filter: Mapping[str, Any] | None
    use_historical_data: bool | None
    created_at: datetime


def _source_objects(
    domain: Domain, profile: Profile, object_type_name: str
) -> list[ObjectLike]:
    """The profile's objects of the type (stored objects carry the values their fields
    were mapped to at ingestion); ``_profile`` is the profile itself."""
    if object_type_name == PROFILE:
        created = _as_utc(profile.created_at)
        return [SourceObject(PROFILE, profile.as_record(), created)]
    return list(domain.objects_of(profile.profile_id, object_type_name))


def value_for_profile(
    domain: Domain,
    definition: CalculatedAttributeDefinitionModel,
    profile: Profile,
    now: datetime,
    range_override: Mapping[str, Any] | None = None,
) -> CalculatedAttributeValue:
    """The definition's value for the profile, from the profile's objects only.

    While the definition's Status is not COMPLETED, UseHistoricalData has no effect yet
    (the historical data is still being processed) and the value is partial.
    """
    pending = bool(definition.use_historical_data) and not (
        definition.historical_data_ready
    )
    calculation = _Calculation(
        definition.attribute_details,
        definition.statistic,
        definition.conditions,
        definition.filter,
        definition.use_historical_data and not pending,
        definition.created_at,
    )
    expression = Expression.from_attribute_details(definition.attribute_details)
    objects = [
        obj
        for type_name in sorted(expression.object_types())
        for obj in _source_objects(domain, profile, type_name)
    ]
    result = compute(calculation, objects, now, range_override)
    return CalculatedAttributeValue(
        definition,
        profile.profile_id,
        result.value,
        result.is_data_partial or pending,
        result.last_object_timestamp,
    )
