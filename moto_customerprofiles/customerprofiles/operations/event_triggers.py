"""CreateEventTrigger, GetEventTrigger, UpdateEventTrigger, DeleteEventTrigger and
ListEventTriggers, with the checks of a trigger's conditions and limits."""

from __future__ import annotations

import copy
from typing import Any

from ..engine.conditions import (
    DATE_OPERATORS,
    NUMBER_OPERATORS,
    RANGE_OPERATORS,
    SINGLE_STRING_OPERATORS,
    as_utc,
    parse_date,
    parse_number,
)
from ..exceptions import BadRequestException
from ..resources.common import EVENT_TRIGGERS, check_quota, paginated
from ..resources.event_triggers import EventTrigger
from ..resources.object_types import ProfileObjectType
from .base import BackendState

MAX_EVENT_TRIGGERS_PER_DOMAIN = 50


def _range_bounds(values: list[str]) -> tuple[float, float] | None:
    """BETWEEN's bounds as numbers, or as dates (in epoch seconds)."""
    numbers = [parse_number(v) for v in values]
    if numbers[0] is not None and numbers[1] is not None:
        return numbers[0], numbers[1]
    dates = [parse_date(v) for v in values]
    if dates[0] is not None and dates[1] is not None:
        return as_utc(dates[0]).timestamp(), as_utc(dates[1]).timestamp()
    return None


def _check_attribute(
    attribute: dict[str, Any], path: str, object_type: ProfileObjectType
) -> None:
    has_source = attribute.get("Source") is not None
    has_field = attribute.get("FieldName") is not None
    if has_source == has_field:
        raise BadRequestException(
            f"{path}: exactly one of Source and FieldName must be specified"
        )
    field_name = attribute.get("FieldName")
    if (
        field_name is not None
        and object_type.fields
        and field_name not in object_type.fields
    ):
        raise BadRequestException(
            f"{path}.FieldName is not a field of object type "
            f"{object_type.object_type_name}"
        )
    operator = attribute["ComparisonOperator"]
    values: list[str] = attribute["Values"]
    where = f"{path}.Values"
    if operator in RANGE_OPERATORS:
        if len(values) != 2:
            raise BadRequestException(
                f"{where}: {operator} takes exactly 2 values, got {len(values)}"
            )
        bounds = _range_bounds(values)
        if bounds is None:
            raise BadRequestException(
                f"{where}: {operator} takes two numbers or two dates"
            )
        if bounds[0] > bounds[1]:
            raise BadRequestException(
                f"{where}: the lower bound is greater than the upper bound"
            )
    elif operator in NUMBER_OPERATORS | DATE_OPERATORS | SINGLE_STRING_OPERATORS:
        if len(values) != 1:
            raise BadRequestException(
                f"{where}: {operator} takes exactly 1 value, got {len(values)}"
            )
        if operator in NUMBER_OPERATORS and parse_number(values[0]) is None:
            raise BadRequestException(f"{where}[0]: {operator} takes a number")
        if operator in DATE_OPERATORS and parse_date(values[0]) is None:
            raise BadRequestException(
                f"{where}[0]: {operator} takes an ISO 8601 date or timestamp"
            )


# EventTriggerConditions is a sensitive member: messages name the path, never the values
# (the count of values is not sensitive).


def check_conditions(
    conditions: list[dict[str, Any]], object_type: ProfileObjectType
) -> None:
    """The rules beyond the model: one attribute per entry, values per operator."""
    for c, condition in enumerate(conditions):
        for d, dimension in enumerate(condition["EventTriggerDimensions"]):
            for a, attribute in enumerate(dimension["ObjectAttributes"]):
                path = (
                    f"EventTriggerConditions[{c}].EventTriggerDimensions[{d}]"
                    f".ObjectAttributes[{a}]"
                )
                _check_attribute(attribute, path, object_type)


def check_limits(limits: dict[str, Any]) -> None:
    expiration = limits.get("EventExpiration")
    if expiration is not None and expiration < 1:
        raise BadRequestException(
            f"EventTriggerLimits.EventExpiration: must be a positive number of "
            f"milliseconds, got {expiration}"
        )
    units: set[str] = set()
    for p, period in enumerate(limits.get("Periods", [])):
        path = f"EventTriggerLimits.Periods[{p}]"
        unlimited = bool(period.get("Unlimited"))
        has_max = period.get("MaxInvocationsPerProfile") is not None
        if unlimited and has_max:
            raise BadRequestException(
                f"{path}: MaxInvocationsPerProfile cannot be specified when Unlimited "
                "is true"
            )
        if not unlimited and not has_max:
            raise BadRequestException(
                f"{path}: specify MaxInvocationsPerProfile, or set Unlimited to true"
            )
        if period["Unit"] in units:
            raise BadRequestException(f"{path}.Unit: {period['Unit']} is given twice")
        units.add(period["Unit"])


class EventTriggersBackend(BackendState):
    def _check_trigger_references(
        self,
        domain_name: str,
        object_type_name: str,
        conditions: list[dict[str, Any]],
        segment_filter: str | None,
        limits: dict[str, Any] | None,
    ) -> None:
        if object_type_name.startswith("_"):
            raise BadRequestException(
                f"ObjectTypeName {object_type_name} is a standard object type: event "
                "triggers support custom object types only"
            )
        domain = self._get_domain(domain_name)
        object_type = domain.object_type(object_type_name)
        check_conditions(conditions, object_type)
        if segment_filter is not None:
            domain.segment_definition(segment_filter)
        if limits is not None:
            check_limits(limits)

    def create_event_trigger(
        self,
        domain_name: str,
        event_trigger_name: str,
        object_type_name: str,
        event_trigger_conditions: list[dict[str, Any]],
        description: str | None = None,
        segment_filter: str | None = None,
        event_trigger_limits: dict[str, Any] | None = None,
        tags: dict[str, str] | None = None,
    ) -> EventTrigger:
        """
        EventTriggerLimits is returned as given; when it is left out, AWS's documented
        default (10 invocations per profile per day) applies when triggers are evaluated.
        """
        domain = self._get_domain(domain_name)
        if event_trigger_name in domain.event_triggers:
            raise BadRequestException(
                f"Event trigger with name {event_trigger_name} already exists"
            )
        check_quota(
            len(domain.event_triggers),
            MAX_EVENT_TRIGGERS_PER_DOMAIN,
            "event triggers per domain",
        )
        self._check_trigger_references(
            domain_name,
            object_type_name,
            event_trigger_conditions,
            segment_filter,
            event_trigger_limits,
        )
        trigger = EventTrigger(
            tagger=self.tagger,
            arn=self.domain_arn(domain_name, EVENT_TRIGGERS, event_trigger_name),
            event_trigger_name=event_trigger_name,
            object_type_name=object_type_name,
            description=description,
            event_trigger_conditions=event_trigger_conditions,
            segment_filter=segment_filter,
            event_trigger_limits=event_trigger_limits,
        )
        trigger.set_tags(tags)
        domain.event_triggers[event_trigger_name] = trigger
        return trigger

    def get_event_trigger(
        self, domain_name: str, event_trigger_name: str
    ) -> EventTrigger:
        return self._get_domain(domain_name).event_trigger(event_trigger_name)

    def update_event_trigger(
        self,
        domain_name: str,
        event_trigger_name: str,
        object_type_name: str | None = None,
        description: str | None = None,
        event_trigger_conditions: list[dict[str, Any]] | None = None,
        segment_filter: str | None = None,
        event_trigger_limits: dict[str, Any] | None = None,
    ) -> EventTrigger:
        """
        Only the members given change; the result is checked as a whole (the conditions
        against the new object type, for instance).
        """
        trigger = self._get_domain(domain_name).event_trigger(event_trigger_name)
        new_object_type = object_type_name or trigger.object_type_name
        new_conditions = event_trigger_conditions or trigger.event_trigger_conditions
        new_segment = segment_filter or trigger.segment_filter
        new_limits = (
            event_trigger_limits
            if event_trigger_limits is not None
            else trigger.event_trigger_limits
        )
        self._check_trigger_references(
            domain_name, new_object_type, new_conditions, new_segment, new_limits
        )
        trigger.object_type_name = new_object_type
        trigger.event_trigger_conditions = copy.deepcopy(new_conditions)
        trigger.segment_filter = new_segment
        trigger.event_trigger_limits = copy.deepcopy(new_limits)
        if description is not None:
            trigger.description = description
        trigger.touch()
        return trigger

    def delete_event_trigger(self, domain_name: str, event_trigger_name: str) -> str:
        """Refused while an integration names the trigger in its EventTriggerNames."""
        domain = self._get_domain(domain_name)
        domain.event_trigger(event_trigger_name)
        for integration in domain.integrations.values():
            if event_trigger_name in integration.event_trigger_names:
                raise BadRequestException(
                    f"Event trigger {event_trigger_name} cannot be deleted while "
                    f"integration {integration.uri} uses it"
                )
        domain.remove_event_trigger(event_trigger_name)
        return f"Event trigger {event_trigger_name} was deleted."

    @paginated(lambda t: t.event_trigger_name)
    def list_event_triggers(self, domain_name: str) -> list[EventTrigger]:
        domain = self._get_domain(domain_name)
        return sorted(
            domain.event_triggers.values(), key=lambda t: t.event_trigger_name
        )
