"""Our routes under ``/moto-api/``: recorded event-trigger invocations, the clock,
predicted intents, recommendations, detected object types, SQL segments' members, ML
match groups, workflow records."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlparse

from moto.core.common_types import TYPE_RESPONSE

from .models import customerprofiles_backends
from .resources.clock import parse_moment, server_clock, set_server_clock

TRIGGER_INVOCATIONS_PATH = "/moto-api/customerprofiles/trigger-invocations"
CLOCK_PATH = "/moto-api/customerprofiles/clock"
PREDICTED_INTENTS_PATH = "/moto-api/customerprofiles/predicted-intents"
DETECTED_OBJECT_TYPES_PATH = "/moto-api/customerprofiles/detected-object-types"
RECOMMENDATIONS_PATH = "/moto-api/customerprofiles/recommendations"
SEGMENT_MEMBERS_PATH = "/moto-api/customerprofiles/segment-members"
ML_MATCHES_PATH = "/moto-api/customerprofiles/ml-matches"
WORKFLOW_RECORDS_PATH = "/moto-api/customerprofiles/workflow-records"


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
    refused = _method_error(request, ("GET",))
    if refused is not None:
        return refused
    query = parse_qs(urlparse(full_url).query, keep_blank_values=True)
    for name, values in query.items():
        if name not in ("domain", "account", "region"):
            return _bad_request(
                f"Unknown query parameter {_shown(name)}: "
                "expected domain, account and region"
            )
        if len(values) > 1:
            return _bad_request(f"Query parameter {name} is given more than once")

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
    instant (until set again); ``{"Now": null}`` returns to moto's clock. The body is
    read as JSON whatever its Content-Type (``curl -d`` sends a form's). See
    ``resources/clock.py``.
    """
    refused = _method_error(request, ("GET", "POST"))
    if refused is not None:
        return refused
    if request.method == "POST":
        moment, problem = _read_clock_body(_raw_body(request))
        if problem is not None:
            return _bad_request(problem)
        set_server_clock(moment)
    current = server_clock()
    now_text = current.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if current else None
    return 200, _JSON, json.dumps({"Now": now_text})


_JSON = {"Content-Type": "application/json"}
_EXPECTED = 'Expected {"Now": "<ISO 8601 timestamp>"} or {"Now": null}'


def _read_clock_body(raw: bytes) -> tuple[datetime | None, str | None]:
    """The moment a clock POST sets, or why the body is refused."""
    try:
        body = json.loads(raw.decode("utf-8") or "{}")
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None, f"The body is not JSON. {_EXPECTED}"
    if not isinstance(body, dict) or "Now" not in body:
        return None, _EXPECTED
    extra = sorted(set(body) - {"Now"})
    if extra:
        return None, f"Unknown member {_shown(extra[0])}. {_EXPECTED}"
    now = body["Now"]
    if now is None:
        return None, None
    moment = parse_moment(now) if isinstance(now, str) else None
    if moment is None:
        shown = _shown(now if isinstance(now, str) else type(now).__name__)
        return None, (
            "Now must be an ISO 8601 timestamp within the years 1 to 9999 in UTC, "
            f"or null: {shown}"
        )
    return moment, None


def _raw_body(request: Any) -> bytes:
    """The body as sent: a werkzeug request (server mode) or a prepared request
    (decorator mode); a form body is not parsed into fields."""
    get_data = getattr(request, "get_data", None)
    if get_data is not None:
        data = get_data(parse_form_data=False)
    else:
        data = getattr(request, "body", None)
    if isinstance(data, str):
        return data.encode("utf-8", "surrogatepass")
    return bytes(data or b"")


def _shown(value: str) -> str:
    return value if len(value) <= 64 else value[:64] + "..."


def _method_error(request: Any, allowed: tuple[str, ...]) -> TYPE_RESPONSE | None:
    method = str(request.method).upper()
    if method in allowed or (method == "HEAD" and "GET" in allowed):
        return None
    body = {
        "__type": "MethodNotAllowedException",
        "Message": f"{_shown(method)} is not allowed here: use {' or '.join(allowed)}",
    }
    return 405, {**_JSON, "Allow": ", ".join(allowed)}, json.dumps(body)


def _bad_request(message: str) -> TYPE_RESPONSE:
    body = {"__type": "BadRequestException", "Message": message}
    return 400, _JSON, json.dumps(body)


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


def set_detected_object_types(
    domain_name: str,
    detected: list[dict[str, Any]] | None,
    account_id: str | None = None,
    region_name: str | None = None,
) -> None:
    """Set what DetectProfileObjectType answers in the domain (AWS detects with a
    large language model; the mock otherwise applies a deterministic rule).

    ``detected`` is the model's list of DetectedProfileObjectType (at most one):
    ``[{"Fields": {...}, "Keys": {...}, "SourceLastUpdatedTimestampFormat": ...}]``,
    ``[]`` for none; None returns to the mock's rule. The documented refusals (not
    JSON, over 120 attributes) still apply. Without ``account_id`` and ``region_name``
    the domain must exist in exactly one account and region. ValueError for anything
    else.
    """
    backend = _backend_of(domain_name, account_id, region_name)
    with backend.lock:
        backend.set_detected_object_types(domain_name=domain_name, detected=detected)


def detected_object_types_response(
    request: Any, full_url: str, headers: Any
) -> TYPE_RESPONSE:
    """POST /moto-api/customerprofiles/detected-object-types with ``{"DomainName":
    ..., "DetectedProfileObjectTypes": [...] or null}`` (optional ``AccountId``,
    ``Region``): see ``set_detected_object_types``. 400 with a ``Message`` when
    refused."""

    def apply(body: dict[str, Any]) -> None:
        set_detected_object_types(
            domain_name=str(body.get("DomainName")),
            detected=body.get("DetectedProfileObjectTypes"),
            account_id=body.get("AccountId"),
            region_name=body.get("Region"),
        )

    return _post_json(request, apply, "DetectedProfileObjectTypes")


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

    def apply(body: dict[str, Any]) -> None:
        set_predicted_intents(
            domain_name=str(body.get("DomainName")),
            profile_id=str(body.get("ProfileId")),
            intents=body.get("Intents"),  # type: ignore[arg-type]  # checked there
            intent_domain=body.get("IntentDomain", "DEFAULT"),
            account_id=body.get("AccountId"),
            region_name=body.get("Region"),
        )

    return _post_json(request, apply, "Intents")


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

    def apply(body: dict[str, Any]) -> None:
        set_recommendations(
            domain_name=str(body.get("DomainName")),
            recommender_name=str(body.get("RecommenderName")),
            recommendations=body.get("Recommendations"),  # type: ignore[arg-type]
            profile_id=body.get("ProfileId"),
            account_id=body.get("AccountId"),
            region_name=body.get("Region"),
        )

    return _post_json(request, apply, "Recommendations")


def set_segment_members(
    domain_name: str,
    segment_definition_name: str,
    profile_ids: list[str],
    account_id: str | None = None,
    region_name: str | None = None,
) -> None:
    """Set the members of a SQL segment (one with a SegmentSqlQuery: the mock runs no
    SQL), replacing those set before: what its query would select now.

    GetSegmentMembership, CreateSegmentSnapshot and the subscription's scheduled runs
    (SCHEDULE events; SQL segments get no LIVE events) read them; ids of profiles that
    do not exist (or no longer) are ignored there. Without ``account_id`` and
    ``region_name`` the domain must exist in exactly one account and region.
    ValueError for anything else (a classic segment included).
    """
    backend = _backend_of(domain_name, account_id, region_name)
    with backend.lock:
        backend.set_segment_members(
            domain_name=domain_name,
            segment_definition_name=segment_definition_name,
            profile_ids=profile_ids,
        )


def segment_members_response(
    request: Any, full_url: str, headers: Any
) -> TYPE_RESPONSE:
    """POST /moto-api/customerprofiles/segment-members with ``{"DomainName": ...,
    "SegmentDefinitionName": ..., "ProfileIds": [...]}`` (optional ``AccountId``,
    ``Region``): see ``set_segment_members``. 400 with a ``Message`` when refused."""

    def apply(body: dict[str, Any]) -> None:
        set_segment_members(
            domain_name=str(body.get("DomainName")),
            segment_definition_name=str(body.get("SegmentDefinitionName")),
            profile_ids=body.get("ProfileIds"),  # type: ignore[arg-type]  # checked there
            account_id=body.get("AccountId"),
            region_name=body.get("Region"),
        )

    return _post_json(request, apply, "ProfileIds")


def set_ml_matches(
    domain_name: str,
    matches: list[dict[str, Any]],
    match_generation_date: str | None = None,
    account_id: str | None = None,
    region_name: str | None = None,
) -> None:
    """Set the match groups AWS's machine-learning identity resolution would find in a
    domain (the mock cannot reproduce its model), replacing those set before.

    Each item is the model's MatchItem: ``{"ProfileIds": [two or more profile ids of
    the domain], "ConfidenceScore": 0.0-1.0, "MatchId": optional, generated when left
    out}``; ``[]`` clears them. GetMatches pages them in this order (MatchGenerationDate:
    ``match_generation_date``, ISO 8601, else the service's clock now);
    GetSimilarProfiles with ML_BASED_MATCHING returns the group of a profile or MatchId
    with its ConfidenceScore; GetAutoMergingPreview and a completing
    identity-resolution job (auto-merging, the S3 export) read them. Without
    ``account_id`` and ``region_name`` the domain must exist in exactly one account
    and region. ValueError for anything else.
    """
    moment = parse_moment(match_generation_date)
    if match_generation_date is not None and moment is None:
        raise ValueError(f"Not an ISO 8601 timestamp: {match_generation_date}")
    backend = _backend_of(domain_name, account_id, region_name)
    with backend.lock:
        backend.set_ml_matches(
            domain_name=domain_name, matches=matches, match_generation_date=moment
        )


def ml_matches_response(request: Any, full_url: str, headers: Any) -> TYPE_RESPONSE:
    """POST /moto-api/customerprofiles/ml-matches with ``{"DomainName": ...,
    "Matches": [...]}`` (optional ``MatchGenerationDate``, ``AccountId``, ``Region``):
    see ``set_ml_matches``. 400 with a ``Message`` when refused."""

    def apply(body: dict[str, Any]) -> None:
        date = body.get("MatchGenerationDate")
        if date is not None and not isinstance(date, str):
            raise ValueError("MatchGenerationDate must be an ISO 8601 timestamp")
        set_ml_matches(
            domain_name=str(body.get("DomainName")),
            matches=body.get("Matches"),  # type: ignore[arg-type]  # checked there
            match_generation_date=date,
            account_id=body.get("AccountId"),
            region_name=body.get("Region"),
        )

    return _post_json(request, apply, "Matches")


def set_workflow_records(
    domain_name: str,
    flow_name: str,
    records: list[Any],
    account_id: str | None = None,
    region_name: str | None = None,
) -> None:
    """Set the records the source of an AppFlow flow holds (the mock runs no flow),
    replacing those set before: a workflow of CreateIntegrationWorkflow whose
    FlowDefinition has this FlowName ingests them, through PutProfileObject's pipeline
    into its ObjectTypeName, when it reaches COMPLETE (at once by default, so set them
    before creating the workflow; later for a workflow a test moves on step by step).

    Each record is a JSON object: a dict, or its JSON text as PutProfileObject's
    ``Object``. Without ``account_id`` and ``region_name`` the domain must exist in
    exactly one account and region. ValueError for anything else.
    """
    backend = _backend_of(domain_name, account_id, region_name)
    with backend.lock:
        backend.set_workflow_records(
            domain_name=domain_name, flow_name=flow_name, records=records
        )


def workflow_records_response(
    request: Any, full_url: str, headers: Any
) -> TYPE_RESPONSE:
    """POST /moto-api/customerprofiles/workflow-records with ``{"DomainName": ...,
    "FlowName": ..., "Records": [...]}`` (optional ``AccountId``, ``Region``): see
    ``set_workflow_records``. 400 with a ``Message`` when refused."""

    def apply(body: dict[str, Any]) -> None:
        set_workflow_records(
            domain_name=str(body.get("DomainName")),
            flow_name=body.get("FlowName"),  # type: ignore[arg-type]  # checked there
            records=body.get("Records"),  # type: ignore[arg-type]
            account_id=body.get("AccountId"),
            region_name=body.get("Region"),
        )

    return _post_json(request, apply, "Records")


def _post_json(
    request: Any, apply: Callable[[dict[str, Any]], None], echoed: str
) -> TYPE_RESPONSE:
    """A POST route whose JSON object body ``apply`` takes (ValueError: a 400); the
    answer repeats the body's member ``echoed``."""
    refused = _method_error(request, ("POST",))
    if refused is not None:
        return refused
    try:
        body = json.loads(_raw_body(request).decode("utf-8") or "{}")
        if not isinstance(body, dict):
            raise ValueError("Expected a JSON object")
        apply(body)
    except (ValueError, RecursionError) as error:
        return _bad_request(str(error))
    return 200, _JSON, json.dumps({echoed: body.get(echoed)})
