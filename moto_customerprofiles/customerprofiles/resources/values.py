"""The one value module: JSON numbers, text and timestamps as the engine reads them.

Every consumer of an object's values (event triggers, segments, calculated attributes,
mapping, export) reads and writes them through these functions.

- **JSON in and out.** ``parse_json`` reads an object's JSON text; a number with a
  fraction or an exponent becomes a ``JsonNumber`` (a float that keeps the text it came
  with), so an object is stored, listed and exported with its numbers as written
  (``2.50`` stays ``2.50``, ``1e400`` stays ``1e400``). ``dumps`` writes strict JSON: no
  ``NaN`` or ``Infinity`` ever comes out. Python's ``json`` module would write
  ``Infinity`` for ``1e400`` and drop the zero of ``2.50``; that is why both are here.
  ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON (RFC 8259, section 6): an object
  holding them is not valid JSON, as any strict parser (AWS's is Java's) says.
- **Numbers.** ``parse_number`` reads a JSON number, or text written as one, as a finite
  float; anything that is not one (text, booleans, and numbers a double cannot hold, such
  as a 401-digit integer or ``1e400``) is "not a number" (None), never an error.
- **Dates.** ``parse_date`` reads ISO 8601 (``resources/timestamps.py``) as an aware
  datetime whose instant lies within the years 1 to 9999 in UTC; any other value
  (``9999-12-31T23:59:59-05:00`` is in the year 10000 in UTC) is "not a date" (None).
- **Text.** ``as_text`` writes a JSON scalar as text: a number as it was written,
  booleans as JSON writes them; objects, arrays and null have no text.
- **Paths.** ``path_value`` walks a dotted path into a JSON object: the one walker for
  ``_source.a.b`` sources, ``{_profile.a.b}`` references and calculated-attribute names.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from .timestamps import as_naive_utc, parse_iso8601

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_NUMBER_TEXT = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")
# Python refuses to turn longer digit strings into an int (sys.get_int_max_str_digits).
_MAX_INT_DIGITS = 4000


class JsonNumber(float):
    """A JSON number as written (``2.50``, ``1e400``); its float may be infinite, which
    ``parse_number`` reads as "not a number"."""

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> JsonNumber:
        number = super().__new__(cls, text)
        number.text = text
        return number

    def __reduce__(self) -> tuple[type[JsonNumber], tuple[str]]:
        return (JsonNumber, (self.text,))

    def __repr__(self) -> str:
        return self.text


def _parse_int(text: str) -> int | JsonNumber:
    return int(text) if len(text) <= _MAX_INT_DIGITS else JsonNumber(text)


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON")


def parse_json(text: str | bytes) -> Any:
    """Strict JSON (RFC 8259); raises ValueError for anything else. Numbers keep their
    text (see ``JsonNumber``); integers stay ``int``. Member names are shared: stored
    objects of one type hold one copy of each name, not one per object."""
    return json.loads(
        text,
        parse_float=JsonNumber,
        parse_int=_parse_int,
        parse_constant=_not_json,
        object_pairs_hook=_shared_names,
    )


# Member names seen, each held once, up to a bound: not ``sys.intern``, whose strings are
# immortal on Python 3.12 (objects with ever-new names would grow it for good).
_NAMES: dict[str, str] = {}
MAX_SHARED_NAMES = 10_000


def _shared_names(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, with the last of repeated names winning (as ``json`` does)."""
    names = _NAMES
    if len(names) + len(pairs) <= MAX_SHARED_NAMES:
        return {names.setdefault(name, name): value for name, value in pairs}
    return {names.get(name, name): value for name, value in pairs}


def _encode(
    value: Any, out: list[str], separators: tuple[str, str], sort: bool
) -> None:
    if isinstance(value, str):
        out.append(json.dumps(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, JsonNumber):
        out.append(value.text)
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(format_number(value) if math.isfinite(value) else "null")
    elif isinstance(value, Mapping):
        out.append("{")
        items: Iterable[tuple[Any, Any]] = (
            sorted(value.items(), key=lambda item: str(item[0]))
            if sort
            else value.items()
        )
        for index, (key, item) in enumerate(items):
            if index:
                out.append(separators[0])
            out.append(json.dumps(str(key)))
            out.append(separators[1])
            _encode(item, out, separators, sort)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(separators[0])
            _encode(item, out, separators, sort)
        out.append("]")
    else:
        out.append(json.dumps(str(value)))


def dumps(
    value: Any,
    *,
    separators: tuple[str, str] = (", ", ": "),
    sort_keys: bool = False,
) -> str:
    """Strict JSON text: numbers as they were written, never NaN or Infinity (a float
    that is not finite, which no parsed object holds, is written as null)."""
    out: list[str] = []
    _encode(value, out, separators, sort_keys)
    return "".join(out)


# --- numbers -----------------------------------------------------------------------------


def parse_number(value: Any) -> float | None:
    """A JSON number, or text written as one (no Python-only forms such as ``1_000`` or
    ``inf``), as a finite float; None when it is not one a double can hold."""
    kind = type(value)
    if kind is float or kind is JsonNumber:
        return value if math.isfinite(value) else None
    if kind is int:
        try:
            return float(value)
        except OverflowError:
            return None
    if kind is str and _NUMBER_TEXT.match(value):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, float) and not isinstance(value, bool):
        return float(value) if math.isfinite(value) else None
    return None


def format_number(number: float) -> str:
    """A computed number as text: integral values without a fraction ("3"), others as
    Python's shortest float text ("2.5", "0.30000000000000004")."""
    if number.is_integer():
        return str(int(number))
    return repr(float(number))


def to_number(value: Any) -> float | None:
    """A number, or an ISO 8601 timestamp as epoch milliseconds (so two timestamps can
    be subtracted); None for anything else."""
    number = parse_number(value)
    if number is not None:
        return number
    moment = parse_date(value)
    return None if moment is None else epoch_millis(moment)


def epoch_millis(moment: datetime) -> float:
    return (as_utc(moment) - _EPOCH) / timedelta(milliseconds=1)


def from_epoch_millis(millis: float) -> datetime | None:
    """The moment ``millis`` after the epoch; None outside the years 1 to 9999."""
    try:
        return _EPOCH + timedelta(milliseconds=millis)
    except (OverflowError, ValueError):
        return None


# --- dates -------------------------------------------------------------------------------


def parse_date(value: Any) -> datetime | None:
    """ISO 8601 text whose instant lies within the years 1 to 9999 in UTC, as an aware
    datetime in its own zone (a value without a zone is UTC); None for anything else."""
    moment = parse_iso8601(value)
    if moment is None or as_naive_utc(moment) is None:
        return None
    return moment


def as_utc(moment: datetime) -> datetime:
    """A datetime without a zone is UTC. Only for moments known to be within range
    (``parse_date``'s results, the service clock)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


# --- text --------------------------------------------------------------------------------


def as_text(value: Any) -> str | None:
    """A JSON scalar as text (numbers as written, booleans as JSON writes them); None
    for null, objects and arrays."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, JsonNumber):
        return value.text
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return format_number(value) if math.isfinite(value) else None
    return None


# --- paths -------------------------------------------------------------------------------


def source_value(content: Mapping[str, Any], source: str) -> Any:
    """A field's ``Source``: ``_source.a.b`` names content["a"]["b"]; a missing step
    gives None."""
    path = source.split(".")
    return path_value(content, path[1:] if path[0] == "_source" else path)


def path_value(value: Any, path: str | Iterable[str]) -> Any:
    """The value at a dotted path (``a.b`` is value["a"]["b"]); None when a step is
    missing or is not a JSON object."""
    steps = path.split(".") if isinstance(path, str) else path
    for step in steps:
        if not isinstance(value, Mapping) or step not in value:
            return None
        value = value[step]
    return value
