"""The service's clock: moto's ``utcnow()`` (which freezegun moves), unless a test sets it.

freezegun in a test process cannot move the clock of a server in another process, so
the clock can be set two ways, both read only by this service:

- per request, with the header ``x-moto-customerprofiles-now`` (ISO 8601): the pytest
  fixture ``customerprofiles_client`` sends the test process's own clock with every
  request in server mode, so ``freeze_time`` in a test moves the server too;
- for the whole server, with ``POST /moto-api/customerprofiles/clock`` and a body
  ``{"Now": "2026-01-01T10:00:00Z"}``; ``{"Now": null}`` returns to moto's clock.

A request's header wins over the server's clock. Times are naive UTC, as moto's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from moto.core.utils import utcnow

from .timestamps import as_naive_utc, parse_iso8601

CLOCK_HEADER = "x-moto-customerprofiles-now"

_request_now: ContextVar[datetime | None] = ContextVar("request_now", default=None)
_server_now: list[datetime | None] = [None]


def now() -> datetime:
    """The current time for this service."""
    return _request_now.get() or _server_now[0] or utcnow()


def parse_moment(text: str | None) -> datetime | None:
    """An ISO 8601 timestamp as naive UTC (no zone: UTC), or None if it is not one."""
    moment = parse_iso8601(text)
    return None if moment is None else as_naive_utc(moment)


def set_server_clock(moment: datetime | None) -> None:
    """Fix the server's clock at ``moment``; None returns to moto's clock."""
    _server_now[0] = moment


def server_clock() -> datetime | None:
    return _server_now[0]


@contextmanager
def request_clock(moment: datetime | None) -> Iterator[None]:
    """Within the block (one request), ``now()`` is ``moment`` when it is given."""
    token = _request_now.set(moment)
    try:
        yield
    finally:
        _request_now.reset(token)
