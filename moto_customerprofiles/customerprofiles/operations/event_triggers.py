"""CreateEventTrigger, GetEventTrigger, UpdateEventTrigger, DeleteEventTrigger and
ListEventTriggers, with the checks of a trigger's conditions and limits."""

from __future__ import annotations

import copy
from typing import Any

from ..exceptions import BadRequestException
from ..resources.common import EVENT_TRIGGERS, check_quota, paginated
from ..resources.event_triggers import EventTrigger
from .base import BackendState

MAX_EVENT_TRIGGERS_PER_DOMAIN = 50


# EventTriggerConditions is a sensitive member: messages name the path, never the values.


def check_conditions(conditions: list[dict[str, Any]]) -> None:
    """The one rule beyond the model: an attribute names what it compares.

    Everything else is accepted and stored as given; values that can never match are
    explained on the evaluation record (``Detail``), not refused.
    """
    for c, condition in enumerate(conditions):
        for d, dimension in enumerate(condition["EventTriggerDimensions"]):
            for a, attribute in enumerate(dimension["ObjectAttributes"]):
                if (
                    attribute.get("Source") is None
                    and attribute.get("FieldName") is None
                ):
                    raise BadRequestException(
                        f"EventTriggerConditions[{c}].EventTriggerDimensions[{d}]"
                        f".ObjectAttributes[{a}]: one of Source and FieldName must be "
                        "specified"
                    )


class EventTriggersBackend(BackendState):
    def _check_trigger(
        self, domain_name: str, object_type_name: str, conditions: list[dict[str, Any]]
    ) -> None:
        """The object type and the segment need not exist (a template ID, or a type
        defined later); a standard (``_``) type is refused."""
        if object_type_name.startswith("_"):
            raise BadRequestException(
                f"ObjectTypeName {object_type_name} is a standard object type: event "
                "triggers support custom object types only"
            )
        check_conditions(conditions)

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
        intent_filter_definition: dict[str, Any] | None = None,
    ) -> EventTrigger:
        """
        EventTriggerLimits is returned as given; when it is left out, AWS's documented
        default (10 invocations per profile per day) applies when triggers are evaluated.
        IntentFilterDefinition is stored and returned; it is not evaluated (no intents
        are detected).
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
        self._check_trigger(domain_name, object_type_name, event_trigger_conditions)
        domain.materialize(object_type_name)
        trigger = EventTrigger(
            tagger=self.tagger,
            arn=self.domain_arn(domain_name, EVENT_TRIGGERS, event_trigger_name),
            event_trigger_name=event_trigger_name,
            object_type_name=object_type_name,
            description=description,
            event_trigger_conditions=event_trigger_conditions,
            segment_filter=segment_filter,
            event_trigger_limits=event_trigger_limits,
            intent_filter_definition=intent_filter_definition,
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
        intent_filter_definition: dict[str, Any] | None = None,
    ) -> EventTrigger:
        """
        Only the members given change. IntentFilterDefinition is stored and returned;
        it is not evaluated.
        """
        domain = self._get_domain(domain_name)
        trigger = domain.event_trigger(event_trigger_name)
        new_object_type = object_type_name or trigger.object_type_name
        new_conditions = event_trigger_conditions or trigger.event_trigger_conditions
        new_segment = segment_filter or trigger.segment_filter
        new_limits = (
            event_trigger_limits
            if event_trigger_limits is not None
            else trigger.event_trigger_limits
        )
        self._check_trigger(domain_name, new_object_type, new_conditions)
        domain.materialize(new_object_type)
        trigger.object_type_name = new_object_type
        trigger.event_trigger_conditions = copy.deepcopy(new_conditions)
        trigger.segment_filter = new_segment
        trigger.event_trigger_limits = copy.deepcopy(new_limits)
        if description is not None:
            trigger.description = description
        if intent_filter_definition is not None:
            trigger.intent_filter_definition = copy.deepcopy(intent_filter_definition)
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
