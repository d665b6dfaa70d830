"""Reading recorded event-trigger invocations, from Python and under ``/moto-api/``."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlparse

from moto.core.common_types import TYPE_RESPONSE

from .models import customerprofiles_backends

TRIGGER_INVOCATIONS_PATH = "/moto-api/customerprofiles/trigger-invocations"


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
            for item in backend.list_trigger_invocations(domain_name):
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
