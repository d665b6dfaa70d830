"""Our routes under ``/moto-api/``: recorded event-trigger invocations, the clock,
predicted intents, recommendations."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlparse

from moto.core.common_types import TYPE_RESPONSE

from .models import customerprofiles_backends
from .resources.clock import parse_moment, server_clock, set_server_clock

TRIGGER_INVOCATIONS_PATH = "/moto-api/customerprofiles/trigger-invocations"
CLOCK_PATH = "/moto-api/customerprofiles/clock"
PREDICTED_INTENTS_PATH = "/moto-api/customerprofiles/predicted-intents"
RECOMMENDATIONS_PATH = "/moto-api/customerprofiles/recommendations"


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


def set_predicted_intents(
    domain_name: str,
    profile_id: str,
    intents: list[dict[str, str]],
    intent_domain: str = "DEFAULT",
    account_id: str | None = None,
    region_name: str | None = None,
) -> None:
    """Set the intents AWS would predict for a profile (from its web clickstream, which
    the mock does not analyse), replacing those set before for the intent domain.

    Each intent is the model's IntentResult: ``{"IntentType": ..., "Summary": ...}``
    (WEB_SESSION_SUMMARY, LAST_SEARCH_INTENT) or ``{"IntentType": ..., "Value":
    "HIGH"}`` (PRICE_SENSITIVITY, UPGRADE_UPSELL_PROPENSITY); ``[]`` clears them.
    BatchGetIntentForProfile returns those of the types the intent definition enables.
    Without ``account_id`` and ``region_name`` the domain is looked up in every account
    and region, and must exist in exactly one. ValueError for anything else.
    """
    backend = _backend_of(domain_name, account_id, region_name)
    with backend.lock:  # not while a request reads or changes the backend
        backend.set_predicted_intents(
            domain_name=domain_name,
            profile_id=profile_id,
            intents=intents,
            intent_domain=intent_domain,
        )


def _backend_of(
    domain_name: str, account_id: str | None, region_name: str | None
) -> Any:
    found = []
    for account, account_backends in list(customerprofiles_backends.items()):
        if account_id is not None and account != account_id:
            continue
        for region, backend in list(account_backends.items()):
            if region_name is not None and region != region_name:
                continue
            if domain_name in backend.domains:
                found.append(backend)
    if len(found) != 1:
        where = "no" if not found else "more than one"
        raise ValueError(
            f"Domain {domain_name} exists in {where} account and region: "
            "give account_id and region_name"
        )
    return found[0]


def predicted_intents_response(
    request: Any, full_url: str, headers: Any
) -> TYPE_RESPONSE:
    """POST /moto-api/customerprofiles/predicted-intents with ``{"DomainName": ...,
    "ProfileId": ..., "Intents": [...]}`` (optional ``IntentDomain``, ``AccountId``,
    ``Region``): see ``set_predicted_intents``. 400 with a ``Message`` when refused."""
    json_headers = {"Content-Type": "application/json"}
    raw = request.data if hasattr(request, "data") else request.body
    try:
        body = json.loads(raw or b"{}")
        if not isinstance(body, dict):
            raise ValueError("Expected a JSON object")
        set_predicted_intents(
            domain_name=str(body.get("DomainName")),
            profile_id=str(body.get("ProfileId")),
            intents=body.get("Intents"),  # type: ignore[arg-type]  # checked there
            intent_domain=body.get("IntentDomain", "DEFAULT"),
            account_id=body.get("AccountId"),
            region_name=body.get("Region"),
        )
    except (ValueError, RecursionError) as error:
        return 400, json_headers, json.dumps({"Message": str(error)})
    return 200, json_headers, json.dumps({"Intents": body["Intents"]})


def set_recommendations(
    domain_name: str,
    recommender_name: str,
    recommendations: list[dict[str, Any]],
    profile_id: str | None = None,
    account_id: str | None = None,
    region_name: str | None = None,
) -> None:
    """Set what a recommender recommends: for one profile, or (``profile_id`` None) for
    every profile without its own; a new call replaces the list it names.

    Each item is the model's Recommendation: ``{"CatalogItem": {"Id": ..., "Name": ...,
    ...}, "Score": 0.9}`` (CatalogItem's CreatedAt and UpdatedAt as ISO 8601 text).
    GetProfileRecommendations and SearchRecommendations return them in this order, up
    to MaxResults / MaxRecommendations. Without ``account_id`` and ``region_name`` the
    domain is looked up in every account and region, and must exist in exactly one.
    ValueError for anything else.
    """
    backend = _backend_of(domain_name, account_id, region_name)
    with backend.lock:
        backend.set_recommendations(
            domain_name=domain_name,
            recommender_name=recommender_name,
            recommendations=recommendations,
            profile_id=profile_id,
        )


def recommendations_response(
    request: Any, full_url: str, headers: Any
) -> TYPE_RESPONSE:
    """POST /moto-api/customerprofiles/recommendations with ``{"DomainName": ...,
    "RecommenderName": ..., "Recommendations": [...]}`` (optional ``ProfileId``,
    ``AccountId``, ``Region``): see ``set_recommendations``. 400 with a ``Message``
    when refused."""
    json_headers = {"Content-Type": "application/json"}
    raw = request.data if hasattr(request, "data") else request.body
    try:
        body = json.loads(raw or b"{}")
        if not isinstance(body, dict):
            raise ValueError("Expected a JSON object")
        set_recommendations(
            domain_name=str(body.get("DomainName")),
            recommender_name=str(body.get("RecommenderName")),
            recommendations=body.get("Recommendations"),  # type: ignore[arg-type]
            profile_id=body.get("ProfileId"),
            account_id=body.get("AccountId"),
            region_name=body.get("Region"),
        )
    except (ValueError, RecursionError) as error:
        return 400, json_headers, json.dumps({"Message": str(error)})
    return 200, json_headers, json.dumps({"Recommendations": body["Recommendations"]})
