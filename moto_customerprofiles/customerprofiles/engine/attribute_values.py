"""What AWS computes about attribute values: the attributes of an object type, their
distinct values, their statistics, and the distinct values of a profile member.

Everything is computed when read, from the objects and profiles stored in the domain
(nothing is kept on the side): an object or profile that is deleted no longer counts.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from typing import Any

from ..resources.domains import Domain
from ..resources.profiles import STANDARD_OBJECT_TYPES, ProfileObject
from ..resources.values import as_text, epoch_millis, parse_number, path_value

# [AG-API] "We store up to 350KB of attribute values per field, prioritizing the most
# recent values first. Once this limit is reached, older values will be ... removed".
MAX_VALUE_BYTES = 350 * 1024
# [AG segment builder] "We store up to 1000 most recent profile attributes".
MAX_PROFILE_VALUES = 1000
PERCENTILES = {"P5": 5, "P25": 25, "P50": 50, "P75": 75, "P95": 95}


def _objects(domain: Domain, object_type_name: str) -> Iterator[ProfileObject]:
    for (type_name, _), stored in domain.profile_objects.items():
        if type_name == object_type_name:
            yield stored


def _attributes(stored: ProfileObject) -> Mapping[str, Any]:
    """A custom type's mapped fields by name; a standard object's own members."""
    if stored.object_type_name in STANDARD_OBJECT_TYPES:
        return stored.content
    return stored.fields


def _value(stored: ProfileObject, attribute_name: str) -> Any:
    if stored.object_type_name in STANDARD_OBJECT_TYPES:
        return path_value(stored.content, attribute_name)
    return stored.fields.get(attribute_name)


def object_type_attributes(
    domain: Domain, object_type_name: str
) -> list[dict[str, Any]]:
    """Each attribute with a value in a stored object of the type, with the last time
    such an object was stored."""
    latest: dict[str, datetime] = {}
    for stored in _objects(domain, object_type_name):
        for name, value in _attributes(stored).items():
            if value is not None and stored.stored_at > latest.get(name, _NEVER):
                latest[name] = stored.stored_at
    return [{"AttributeName": n, "LastUpdatedAt": t} for n, t in latest.items()]


def object_type_attribute_values(
    domain: Domain, object_type_name: str, attribute_name: str
) -> list[dict[str, Any]]:
    """The distinct values (as text; objects and arrays as JSON are not values), newest
    first, within the documented 350 KB: older values beyond it are left out."""
    latest: dict[str, datetime] = {}
    for stored in _objects(domain, object_type_name):
        text = as_text(_value(stored, attribute_name))
        if text is not None and stored.stored_at > latest.get(text, _NEVER):
            latest[text] = stored.stored_at
    items = sorted(latest.items(), key=lambda item: (-epoch_millis(item[1]), item[0]))
    kept, size = [], 0
    for text, moment in items:
        size += len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_VALUE_BYTES:
            break
        kept.append({"Value": text, "LastUpdatedAt": moment})
    return kept


def last_calculation(moment: datetime) -> datetime:
    """The daily calculation's moment: 00:00 UTC of the day of ``moment``."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(
        hour=0, minute=0, second=0, microsecond=0
    )


def attribute_statistics(
    domain: Domain, object_type_name: str, attribute_name: str, calculated_at: datetime
) -> dict[str, Any]:
    """Statistics of the attribute's numeric values in the objects stored before the
    daily calculation at ``calculated_at``; every member None when there is none (the
    first period, or an attribute without numeric values). Population standard
    deviation; percentiles interpolated linearly between the closest ranks."""
    numbers = sorted(
        number
        for stored in _objects(domain, object_type_name)
        if stored.stored_at < calculated_at
        and (number := parse_number(_value(stored, attribute_name))) is not None
    )
    if not numbers:
        return {
            "Maximum": None,
            "Minimum": None,
            "Average": None,
            "StandardDeviation": None,
            "Percentiles": dict.fromkeys(PERCENTILES),
        }
    average = math.fsum(numbers) / len(numbers)
    variance = math.fsum((n - average) ** 2 for n in numbers) / len(numbers)
    return {
        "Maximum": numbers[-1],
        "Minimum": numbers[0],
        "Average": average,
        "StandardDeviation": math.sqrt(variance),
        "Percentiles": {
            name: _percentile(numbers, rank) for name, rank in PERCENTILES.items()
        },
    }


def _percentile(numbers: list[float], rank: int) -> float:
    position = (len(numbers) - 1) * rank / 100
    low = math.floor(position)
    high = min(low + 1, len(numbers) - 1)
    return numbers[low] + (numbers[high] - numbers[low]) * (position - low)


def profile_attribute_values(domain: Domain, attribute_name: str) -> list[str]:
    """The distinct values of a profile member (``FirstName``, ``Address.City``,
    ``Attributes.tier``) across the domain's profiles, the newest profile's first, at
    most 1,000."""
    profiles = sorted(
        domain.profiles.values(),
        key=lambda p: (p.created_at, p.profile_id),
        reverse=True,
    )
    values: dict[str, None] = {}
    for profile in profiles:
        text = as_text(path_value(profile.data, attribute_name))
        if text is not None:
            values.setdefault(text, None)
            if len(values) == MAX_PROFILE_VALUES:
                break
    return list(values)


_NEVER = datetime.min.replace(tzinfo=timezone.utc)
