"""Event-trigger evaluation: what an ingested object's triggers do.

Conditions are OR-ed; within a condition the dimensions are combined by LogicalOperator;
within a dimension the object attributes are AND-ed. A trigger fires when its conditions
hold, the object belongs to a profile, the profile is in the SegmentFilter segment, an
integration names the trigger, and EventTriggerLimits allow it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ..resources.common import not_found_message
from ..resources.domains import Domain
from ..resources.event_triggers import (
    CONDITIONS_NOT_MET,
    FIRED,
    LIMIT_REACHED,
    NO_INTEGRATION,
    NO_PROFILE,
    SEGMENT_MISMATCH,
    SUPPRESSED,
    EventTrigger,
    TriggerInvocation,
)
from ..resources.object_types import ProfileObjectType
from ..resources.profiles import ProfileObject
from ..resources.values import parse_date, parse_number, source_value
from .operators import (
    DATE_OPERATORS,
    NUMBER_OPERATORS,
    RANGE_OPERATORS,
    combine,
    compare,
    unmatchable,
)
from .segment_evaluation import SegmentEvaluator

# AWS: "Default limit of 10 invocations per day, per profile, per trigger."
DEFAULT_PERIODS: list[dict[str, Any]] = [
    {"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 10}
]
UNIT_LENGTHS = {
    "MINUTES": timedelta(minutes=1),
    "HOURS": timedelta(hours=1),
    "DAYS": timedelta(days=1),
    "WEEKS": timedelta(weeks=1),
    "MONTHS": timedelta(days=30),
}


def attribute_value(
    attribute: dict[str, Any], object_type: ProfileObjectType, content: dict[str, Any]
) -> Any:
    """``Source`` is a path into the object (``_source.`` optional); ``FieldName`` names
    a field of the object type, read through that field's own Source."""
    if attribute.get("Source") is not None:
        return source_value(content, attribute["Source"])
    field = object_type.fields.get(attribute.get("FieldName", ""))
    if field is None:
        return source_value(content, attribute.get("FieldName", ""))
    return source_value(content, field.get("Source", ""))


def conditions_hold(
    trigger: EventTrigger, object_type: ProfileObjectType, content: dict[str, Any]
) -> bool:
    for condition in trigger.event_trigger_conditions:
        dimensions = [
            all(
                compare(
                    attribute["ComparisonOperator"],
                    attribute_value(attribute, object_type, content),
                    attribute["Values"],
                )
                for attribute in dimension["ObjectAttributes"]
            )
            for dimension in condition["EventTriggerDimensions"]
        ]
        if combine(condition["LogicalOperator"], dimensions):
            return True
    return False


def why_unmatchable(
    trigger: EventTrigger, object_type: ProfileObjectType
) -> str | None:
    """What in the trigger's own conditions can never match, by path; None if nothing."""
    problems = []
    for c, condition in enumerate(trigger.event_trigger_conditions):
        for d, dimension in enumerate(condition["EventTriggerDimensions"]):
            for a, attribute in enumerate(dimension["ObjectAttributes"]):
                path = (
                    f"EventTriggerConditions[{c}].EventTriggerDimensions[{d}]"
                    f".ObjectAttributes[{a}]"
                )
                why = unmatchable(attribute["ComparisonOperator"], attribute["Values"])
                if why is not None:
                    problems.append(f"{path}: {why}")
                field_name = attribute.get("FieldName")
                if (
                    attribute.get("Source") is None
                    and field_name is not None
                    and object_type.fields
                    and field_name not in object_type.fields
                ):
                    problems.append(
                        f"{path}: FieldName is not a field of object type "
                        f"{object_type.object_type_name}"
                    )
    return "; ".join(problems) or None


def unusable_values(
    trigger: EventTrigger, object_type: ProfileObjectType, content: dict[str, Any]
) -> str | None:
    """Which of the object's values a number or date operator cannot read (a number a
    double cannot hold, a date outside the years 1 to 9999, text) where the operator's
    own Values could match, by path; None if none. Names no value (the conditions are a
    sensitive member)."""
    problems = []
    for c, condition in enumerate(trigger.event_trigger_conditions):
        for d, dimension in enumerate(condition["EventTriggerDimensions"]):
            for a, attribute in enumerate(dimension["ObjectAttributes"]):
                operator = attribute["ComparisonOperator"]
                value = attribute_value(attribute, object_type, content)
                if value is None or unmatchable(operator, attribute["Values"]):
                    continue  # nothing to read, or why_unmatchable says it already
                path = (
                    f"EventTriggerConditions[{c}].EventTriggerDimensions[{d}]"
                    f".ObjectAttributes[{a}]"
                )
                number, moment = parse_number(value), parse_date(value)
                if operator in NUMBER_OPERATORS and number is None:
                    problems.append(f"{path}: the object's value is not a number")
                elif operator in DATE_OPERATORS and moment is None:
                    problems.append(
                        f"{path}: the object's value is not a date within the years "
                        "1 to 9999"
                    )
                elif operator in RANGE_OPERATORS and number is None and moment is None:
                    problems.append(
                        f"{path}: the object's value is neither a number nor a date"
                    )
    return "; ".join(problems) or None


def within_limits(fired: list[datetime], trigger: EventTrigger, now: datetime) -> bool:
    """Each period is a window ending now; MONTHS are 30 days."""
    limits = trigger.event_trigger_limits or {}
    for period in limits.get("Periods") or DEFAULT_PERIODS:
        if period.get("Unlimited"):
            continue
        unit = UNIT_LENGTHS.get(period["Unit"])
        if unit is None:  # a unit newer than this mock limits nothing
            continue
        window = unit * period["Value"]
        recent = sum(1 for at in fired if now - at < window)
        # A period with neither a maximum nor Unlimited allows AWS's default of 10.
        if recent >= period.get("MaxInvocationsPerProfile", 10):
            return False
    return True


def evaluate_trigger(
    domain: Domain,
    trigger: EventTrigger,
    object_type: ProfileObjectType,
    stored: ProfileObject,
    now: datetime,
) -> list[TriggerInvocation]:
    """One FIRED invocation per integration naming the trigger, or one SUPPRESSED."""

    def invocation(
        status: str,
        reason: str | None,
        uri: str | None = None,
        detail: str | None = None,
    ) -> TriggerInvocation:
        return TriggerInvocation(
            domain.domain_name,
            trigger,
            stored.object_type_name,
            stored.profile_object_unique_key,
            stored.profile_id,
            status,
            reason,
            now,
            uri,
            detail,
        )

    if not conditions_hold(trigger, object_type, stored.content):
        found = [
            why_unmatchable(trigger, object_type),
            unusable_values(trigger, object_type, stored.content),
        ]
        detail = "; ".join(f for f in found if f) or None
        return [invocation(SUPPRESSED, CONDITIONS_NOT_MET, detail=detail)]
    profile = domain.profiles.get(stored.profile_id or "")
    if profile is None:
        return [invocation(SUPPRESSED, NO_PROFILE)]
    if trigger.segment_filter is not None:
        segment = domain.segment_definitions.get(trigger.segment_filter)
        if segment is None:
            missing = not_found_message(
                "Segment definition", trigger.segment_filter, domain.domain_name
            )
            return [invocation(SUPPRESSED, SEGMENT_MISMATCH, detail=missing)]
        evaluator = SegmentEvaluator(domain)
        cycle = evaluator.cycle(segment.segment_definition_name)
        if cycle is not None:
            detail = f"SourceSegments form a cycle: {cycle}"
            return [invocation(SUPPRESSED, SEGMENT_MISMATCH, detail=detail)]
        if not evaluator.is_member(segment, profile):
            return [invocation(SUPPRESSED, SEGMENT_MISMATCH)]
    integrations = [
        i
        for i in domain.integrations.values()
        if trigger.event_trigger_name in i.event_trigger_names
    ]
    if not integrations:
        return [invocation(SUPPRESSED, NO_INTEGRATION)]
    fired = domain.trigger_firings.setdefault(
        (trigger.event_trigger_name, profile.profile_id), []
    )
    if not within_limits(fired, trigger, now):
        return [invocation(SUPPRESSED, LIMIT_REACHED)]
    fired.append(now)
    return [
        invocation(FIRED, None, integration.uri)
        for integration in sorted(integrations, key=lambda i: i.uri)
    ]


def evaluate_triggers(
    domain: Domain,
    object_type: ProfileObjectType,
    stored: ProfileObject,
    now: datetime,
) -> list[TriggerInvocation]:
    """Every event trigger of the object's type, in name order."""
    invocations: list[TriggerInvocation] = []
    for name in sorted(domain.event_triggers):
        trigger = domain.event_triggers[name]
        if trigger.object_type_name == object_type.object_type_name:
            invocations.extend(
                evaluate_trigger(domain, trigger, object_type, stored, now)
            )
    return invocations
