"""Live event triggers: every ingested object is evaluated, and each firing is recorded.

AWS invokes the destination of the integration that names a trigger (for Amazon Connect
outbound campaigns, PutProfileOutboundRequestBatch with the profile id and an expiration
time). No AWS API reads those invocations back, so the mock records every evaluation in
the backend, where ``moto_customerprofiles.trigger_invocations()``, the pytest fixture
``customerprofiles_trigger_invocations`` and ``GET /moto-api/customerprofiles/
trigger-invocations`` read them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from moto.core.common_models import BaseModel
from moto.core.utils import utcnow

from .conditions import combine, compare
from .event_streams import event_timestamp
from .profiles import ProfileObject, source_value
from .segment_membership import SegmentEvaluator, SegmentMembershipBackend

if TYPE_CHECKING:
    from .domains import Domain
    from .event_triggers import EventTrigger
    from .object_types import ProfileObjectType

FIRED = "FIRED"
SUPPRESSED = "SUPPRESSED"
CONDITIONS_NOT_MET = "CONDITIONS_NOT_MET"
NO_PROFILE = "NO_PROFILE"
SEGMENT_MISMATCH = "SEGMENT_MISMATCH"
NO_INTEGRATION = "NO_INTEGRATION"
LIMIT_REACHED = "LIMIT_REACHED"

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


class TriggerInvocation(BaseModel):
    """One evaluation of a trigger for an ingested object: a firing, or why not."""

    def __init__(
        self,
        domain_name: str,
        trigger: EventTrigger,
        stored: ProfileObject,
        status: str,
        reason: str | None,
        at: datetime,
        integration_uri: str | None = None,
    ) -> None:
        self.domain_name = domain_name
        self.event_trigger_name = trigger.event_trigger_name
        self.object_type_name = stored.object_type_name
        self.profile_object_unique_key = stored.profile_object_unique_key
        self.profile_id = stored.profile_id
        self.integration_uri = integration_uri
        self.status = status
        self.reason = reason
        self.at = at
        expiration = (trigger.event_trigger_limits or {}).get("EventExpiration")
        self.expiration_time = (
            at + timedelta(milliseconds=expiration)
            if status == FIRED and expiration
            else None
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "DomainName": self.domain_name,
            "EventTriggerName": self.event_trigger_name,
            "IntegrationUri": self.integration_uri,
            "ProfileId": self.profile_id,
            "ObjectTypeName": self.object_type_name,
            "ProfileObjectUniqueKey": self.profile_object_unique_key,
            "Timestamp": event_timestamp(self.at),
            "ExpirationTime": event_timestamp(self.expiration_time)
            if self.expiration_time
            else None,
            "Status": self.status,
            "Reason": self.reason,
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
    """Conditions are OR-ed; dimensions combined by LogicalOperator; attributes AND-ed."""
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


class LiveTriggersBackend(SegmentMembershipBackend):
    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.trigger_invocations: list[TriggerInvocation] = []
        # (domain, trigger, profile) -> when the trigger fired for the profile
        self._firings: dict[tuple[str, str, str], list[datetime]] = {}

    def _within_limits(
        self, fired: list[datetime], trigger: EventTrigger, now: datetime
    ) -> bool:
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
            if recent >= period["MaxInvocationsPerProfile"]:
                return False
        return True

    def _evaluate(
        self,
        domain: Domain,
        trigger: EventTrigger,
        object_type: ProfileObjectType,
        stored: ProfileObject,
        now: datetime,
    ) -> list[TriggerInvocation]:
        def suppressed(reason: str) -> list[TriggerInvocation]:
            return [
                TriggerInvocation(
                    domain.domain_name, trigger, stored, SUPPRESSED, reason, now
                )
            ]

        if not conditions_hold(trigger, object_type, stored.content):
            return suppressed(CONDITIONS_NOT_MET)
        profile = domain.profiles.get(stored.profile_id or "")
        if profile is None:
            return suppressed(NO_PROFILE)
        if trigger.segment_filter is not None:
            segment = domain.segment_definitions.get(trigger.segment_filter)
            if segment is None or not SegmentEvaluator(domain).is_member(
                segment, profile
            ):
                return suppressed(SEGMENT_MISMATCH)
        integrations = [
            i
            for i in domain.integrations.values()
            if trigger.event_trigger_name in i.event_trigger_names
        ]
        if not integrations:
            return suppressed(NO_INTEGRATION)
        fired = self._firings.setdefault(
            (domain.domain_name, trigger.event_trigger_name, profile.profile_id), []
        )
        if not self._within_limits(fired, trigger, now):
            return suppressed(LIMIT_REACHED)
        fired.append(now)
        return [
            TriggerInvocation(
                domain.domain_name, trigger, stored, FIRED, None, now, integration.uri
            )
            for integration in sorted(integrations, key=lambda i: i.uri)
        ]

    def after_put_profile_object(
        self, domain: Domain, object_type: ProfileObjectType, stored: ProfileObject
    ) -> None:
        """Evaluate every event trigger of the object's type, in name order."""
        now = utcnow()
        for name in sorted(domain.event_triggers):
            trigger = domain.event_triggers[name]
            if trigger.object_type_name == object_type.object_type_name:
                self.trigger_invocations.extend(
                    self._evaluate(domain, trigger, object_type, stored, now)
                )

    def delete_domain(self, domain_name: str) -> str:
        message = super().delete_domain(domain_name)
        for key in [k for k in self._firings if k[0] == domain_name]:
            del self._firings[key]
        return message

    def list_trigger_invocations(
        self, domain_name: str | None = None
    ) -> list[dict[str, Any]]:
        return [
            i.as_dict()
            for i in self.trigger_invocations
            if domain_name is None or i.domain_name == domain_name
        ]
