"""Our routes under ``/moto-api/``: recorded event-trigger invocations, the clock."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlparse

from moto.core.common_types import TYPE_RESPONSE

from .models import customerprofiles_backends
from .resources.clock import parse_moment, server_clock, set_server_clock

TRIGGER_INVOCATIONS_PATH = "/moto-api/customerprofiles/trigger-invocations"
CLOCK_PATH = "/moto-api/customerprofiles/clock"


def trigger_invocations(
    domain_name: str | None = None,
    account_id: str | None = None,
    region_name: str | None = None,
) -> list[dict[str, Any]]:
    """Every recorded evaluation of an event trigger, oldest first, optionally filtered.

    Each item: DomainName, EventTriggerName, IntegrationUri, ProfileId, ObjectTypeName,
    ProfileObjectUniqueKey, Timestamp, ExpirationTime (capped at 15 minutes after
    Timestamp), Status (FIRED or SUPPRESSED), Reason (None, CONDITIONS_NOT_MET,
    NO_PROFILE, SEGMENT_MISMATCH, NO_INTEGRATION or LIMIT_REACHED), Detail (why the
    trigger's own input can never match, naming member paths, not values; else None),
    AccountId and Region.
    """
    found: list[dict[str, Any]] = []
    for account, account_backends in list(customerprofiles_backends.items()):
        if account_id is not None and account != account_id:
            continue
        for region, backend in list(account_backends.items()):
            if region_name is not None and region != region_name:
                continue
            with backend.lock:  # not while a request changes the backend
                invocations = list(backend.trigger_invocations)
            for invocation in invocations:
                if domain_name is None or invocation.domain_name == domain_name:
                    item = invocation.as_dict()
                    found.append({**item, "AccountId": account, "Region": region})
    return sorted(found, key=lambda i: i["Timestamp"])


def trigger_invocations_response(
    request: Any, full_url: str, headers: Any
) -> TYPE_RESPONSE:
    """GET /moto-api/customerprofiles/trigger-invocations[?domain=&account=&region=]"""
    query = parse_qs(urlparse(full_url).query)

    def first(name: str) -> str | None:
        return query.get(name, [None])[0]

    items = trigger_invocations(first("domain"), first("account"), first("region"))
    body = json.dumps({"TriggerInvocations": items})
    return 200, {"Content-Type": "application/json"}, body


def set_clock(moment: str | None) -> None:
    """Fix this process's Customer Profiles clock at an ISO 8601 moment (decorator mode
    or an in-process ``ThreadedMotoServer``); None returns to moto's clock."""
    parsed = parse_moment(moment)
    if moment is not None and parsed is None:
        raise ValueError(f"Not an ISO 8601 timestamp: {moment}")
    set_server_clock(parsed)


def clock_response(request: Any, full_url: str, headers: Any) -> TYPE_RESPONSE:
    """GET /moto-api/customerprofiles/clock: ``{"Now": <ISO 8601 or null>}``.

    POST with ``{"Now": "2026-01-01T10:00:00Z"}`` fixes the service's clock at that
    instant (until set again); ``{"Now": null}`` returns to moto's clock. See
    ``resources/clock.py``.
    """
    json_headers = {"Content-Type": "application/json"}
    if request.method == "POST":
        raw = request.data if hasattr(request, "data") else request.body
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = None
        if not isinstance(body, dict) or "Now" not in body:
            return 400, json_headers, json.dumps({"Message": 'Expected {"Now": ...}'})
        moment = parse_moment(body["Now"]) if isinstance(body["Now"], str) else None
        if body["Now"] is not None and moment is None:
            return (
                400,
                json_headers,
                json.dumps(
                    {
                        "Message": f"Now must be an ISO 8601 timestamp or null: {body['Now']}"
                    }
                ),
            )
        set_server_clock(moment)
    current = server_clock()
    now_text = current.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if current else None
    return 200, json_headers, json.dumps({"Now": now_text})
