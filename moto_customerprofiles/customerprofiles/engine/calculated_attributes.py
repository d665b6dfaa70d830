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
   ([AG-CA-FILTER]). The operators are ``engine/operators.py``'s, the same as for event
   triggers and segments. A missing attribute satisfies no operator.
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

- The expression language (``engine/expressions.py``): operands, undefined values,
  bare references and the attribute lookup are documented there. An object whose
  expression is undefined is skipped: it does not count, does not contribute, and is not
  the LastObjectTimestamp.
- Computed numbers print as integers when integral ("3", not "3.0"), otherwise as
  Python's repr of the float ("2.5", "0.30000000000000004"); a value read as it is
  (FIRST_OCCURRENCE of a number, say) keeps the text it was written with. A result a
  double cannot hold (a SUM that overflows) is no value.
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

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..exceptions import BadRequestException
from ..resources.calculated_attributes import (
    CalculatedAttributeDefinition as CalculatedAttributeDefinitionModel,
)
from ..resources.calculated_attributes import CalculatedAttributeValue
from ..resources.domains import Domain
from ..resources.profiles import PROFILE, Profile
from ..resources.values import (
    as_text,
    as_utc,
    dumps,
    format_number,
    from_epoch_millis,
    parse_date,
    parse_number,
    to_number,
)
from .expressions import Expression, Reference, lookup, parse_reference
from .operators import combine, compare

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

_DAY = timedelta(days=1)
_TICK = timedelta(microseconds=1)  # the clock's resolution


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
    from .expressions import ObjectLike

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
# Filter (the operators are engine/operators.py's, as for triggers and segments)


def _attribute_holds(obj: ObjectLike, name: str, dimension: Mapping[str, Any]) -> bool:
    return compare(
        str(dimension.get("DimensionType", "")),
        lookup(obj, name),
        [str(v) for v in dimension.get("Values", [])],
    )


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
        return combine(str(group.get("Type", "")), map(dimension_holds, dimensions))

    return combine(
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
    return as_utc(obj.ingested_at)


def _read_time(value: Any, time_format: Any) -> datetime | None:
    kind = None if time_format is None else str(time_format).upper()
    if kind in (None, "EPOCHMILLI"):
        millis = parse_number(value)
        if millis is not None:
            return from_epoch_millis(millis)
    if kind in (None, "ISO_8601"):
        return parse_date(value)
    return None


def _offsets(range_: Mapping[str, Any]) -> tuple[timedelta, timedelta] | None:
    """How long ago a Range's window starts and ends, or None when it restricts
    nothing."""
    value_range = range_.get("ValueRange")
    try:
        if isinstance(value_range, Mapping):
            ago = [int(value_range["Start"]), int(value_range["End"])]
            return max(ago) * _DAY, min(ago) * _DAY
        if range_.get("Value") is not None:
            return int(range_["Value"]) * _DAY, timedelta(0)
    except (KeyError, OverflowError, TypeError, ValueError):
        return None
    return None


class Stability:
    """The clock readings over which a computed value stays the same: from ``start``
    (inclusive) to ``end`` (exclusive); None is unbounded."""

    __slots__ = ("now", "start", "end")

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.start: datetime | None = None
        self.end: datetime | None = None

    def changes_at(self, moment: datetime) -> None:
        """The value may differ before ``moment`` and from it on."""
        if moment <= self.now:
            if self.start is None or moment > self.start:
                self.start = moment
        elif self.end is None or moment < self.end:
            self.end = moment

    def holds_at(self, moment: datetime) -> bool:
        return (self.start is None or self.start <= moment) and (
            self.end is None or moment < self.end
        )


def _note_window_changes(
    stability: Stability, at: datetime, offsets: tuple[timedelta, timedelta]
) -> None:
    """An object timed ``at`` is in the window [now - a, now - b] from ``at + b`` to
    ``at + a`` inclusive (a moment past the year 9999 never comes)."""
    older, newer = offsets
    for moment, shift in ((at, newer), (at, older + _TICK)):
        try:
            stability.changes_at(moment + shift)
        except OverflowError:
            continue


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
    aggregate: Callable[[list[float]], float],
) -> Callable[[Sequence[_Contribution]], str | None]:
    def statistic(contributions: Sequence[_Contribution]) -> str | None:
        numbers = _numbers(contributions)
        if not numbers:
            return None
        result = aggregate(numbers)
        return format_number(result) if math.isfinite(result) else None

    return statistic


def _max_occurrence(contributions: Sequence[_Contribution]) -> str | None:
    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    for index, contribution in enumerate(contributions):  # oldest first
        text = as_text(contribution.value)
        if text is not None:
            counts[text] = counts.get(text, 0) + 1
            latest[text] = index
    if not counts:
        return None
    return max(counts, key=lambda text: (counts[text], latest[text]))


def _recent_occurrences(contributions: Sequence[_Contribution]) -> str | None:
    values: list[str] = []
    for contribution in reversed(contributions):  # newest first
        text = as_text(contribution.value)
        if text is not None and text not in values:
            values.append(text)
    while values and len(dumps(values)) > MAX_VALUE_LENGTH:
        values.pop()
    return dumps(values) if values else None


def _occurrence(index: int) -> Callable[[Sequence[_Contribution]], str | None]:
    def statistic(contributions: Sequence[_Contribution]) -> str | None:
        return as_text(contributions[index].value) if contributions else None

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
    return compute_with_stability(definition, objects, now, range_override)[0]


def compute_with_stability(
    definition: CalculatedAttributeDefinition,
    objects: Iterable[ObjectLike],
    now: datetime,
    range_override: Mapping[str, Any] | None = None,
) -> tuple[CalculatedValue, Stability]:
    """``compute``, with the clock readings over which the same objects give the same
    value (a Range window moves with the clock; nothing else does)."""
    now = as_utc(now)
    stability = Stability(now)
    created_at = as_utc(definition.created_at)
    expression = Expression.from_attribute_details(definition.attribute_details)
    conditions = definition.conditions or {}
    range_ = override_range(conditions.get("Range") or {}, range_override)
    offsets = _offsets(range_)
    window: tuple[datetime, datetime] | None = None
    if offsets is not None:
        try:
            window = now - offsets[0], now - offsets[1]
        except OverflowError:  # a window beyond the years 1 to 9999 restricts nothing
            stability.start = stability.end = now  # (and is not kept)
        else:
            if not definition.use_historical_data:  # partial until created_at + a
                try:
                    stability.changes_at(created_at + offsets[0])
                except OverflowError:
                    pass
    types = expression.object_types()

    timed: list[tuple[datetime, datetime, int, ObjectLike]] = []
    for index, obj in enumerate(objects):
        if obj.object_type_name not in types:
            continue
        ingested_at = as_utc(obj.ingested_at)
        if not definition.use_historical_data and ingested_at < created_at:
            continue
        if not passes_filter(obj, definition.filter):
            continue
        at = object_time(obj, range_)
        if window is not None and offsets is not None:
            _note_window_changes(stability, at, offsets)
            if not window[0] <= at <= window[1]:
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
    return CalculatedValue(value, partial, last), stability


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
        created = as_utc(profile.created_at)
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

    A value is kept in ``domain.calculated_values`` and reused while the profile's
    objects, the definition and its status are the same and the clock stays within the
    readings that give the same value (``Stability``): a segment or a list of 50
    definitions over many profiles does not compute each again on every request.
    Values over ``_profile`` are not kept (they read the profile, not its objects).
    """
    pending = bool(definition.use_historical_data) and not (
        definition.historical_data_ready
    )
    moment = as_utc(now)
    expression = Expression.from_attribute_details(definition.attribute_details)
    types = sorted(expression.object_types())
    key = (
        definition.calculated_attribute_name,
        profile.profile_id,
        repr(sorted(range_override.items())) if range_override else "",
    )
    revision = profile.objects_revision
    kept = domain.calculated_values.get(key)
    if (
        kept is not None
        and kept[0] is definition
        and kept[1] is definition.conditions
        and kept[2] == (pending, revision)
        and kept[3].holds_at(moment)
    ):
        result: CalculatedValue = kept[4]
    else:
        calculation = _Calculation(
            definition.attribute_details,
            definition.statistic,
            definition.conditions,
            definition.filter,
            definition.use_historical_data and not pending,
            definition.created_at,
        )
        objects = [
            obj
            for type_name in types
            for obj in _source_objects(domain, profile, type_name)
        ]
        result, stability = compute_with_stability(
            calculation, objects, now, range_override
        )
        if PROFILE not in types:
            domain.calculated_values[key] = (
                definition,
                definition.conditions,
                (pending, revision),
                stability,
                result,
            )
    return CalculatedAttributeValue(
        definition,
        profile.profile_id,
        result.value,
        result.is_data_partial or pending,
        result.last_object_timestamp,
    )
