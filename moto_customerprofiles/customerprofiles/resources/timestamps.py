"""The one ISO 8601 reader of the package: request headers, the clock route, object
fields that conditions and calculated attributes compare."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

_OFFSET_WITHOUT_COLON = re.compile(r"([+-]\d{2})(\d{2})$")
_FRACTION = re.compile(r"\.(\d+)")


def parse_iso8601(value: Any) -> datetime | None:
    """ISO 8601 text in the extended format, as an aware datetime; None for anything else.

    A date, or a date and time with an optional fraction (any number of digits) and
    an optional zone: Z, ±HH:MM or ±HHMM. Without a zone the time is UTC.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) < 10 or not text[:4].isdigit() or text[4] != "-":
        return None
    if text[-1] in "Zz":
        text = text[:-1] + "+00:00"
    if "T" in text or "t" in text or " " in text:
        text = _OFFSET_WITHOUT_COLON.sub(r"\1:\2", text)
        # Python 3.10 reads only 3 or 6 fraction digits.
        text = _FRACTION.sub(lambda m: "." + (m.group(1) + "000000")[:6], text, 1)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def as_naive_utc(moment: datetime) -> datetime | None:
    """The moment as naive UTC (moto's convention); None when it falls outside the
    years 1 to 9999 in UTC."""
    try:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    except OverflowError:
        return None
