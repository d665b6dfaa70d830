"""Event triggers, and the record of each time one is evaluated for an ingested object.

AWS invokes the destination of the integration that names a trigger (for Amazon Connect
outbound campaigns, PutProfileOutboundRequestBatch with the profile id and an expiration
time). No AWS API reads those invocations back, so the mock keeps a ``TriggerInvocation``
for every evaluation, read by ``moto_customerprofiles.trigger_invocations()``.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from typing import Any

from moto.core.common_models import BaseModel
from moto.core.utils import iso_8601_datetime_with_milliseconds
from moto.utilities.tagging_service import TaggingService

from .common import TaggableResource

FIRED = "FIRED"
SUPPRESSED = "SUPPRESSED"
CONDITIONS_NOT_MET = "CONDITIONS_NOT_MET"
NO_PROFILE = "NO_PROFILE"
SEGMENT_MISMATCH = "SEGMENT_MISMATCH"
NO_INTEGRATION = "NO_INTEGRATION"
LIMIT_REACHED = "LIMIT_REACHED"
# AWS: "When used to trigger a campaign, the maximum expiration time is capped at 15
# minutes" (the campaign is the only documented destination).
MAX_EXPIRATION = timedelta(minutes=15)


class EventTrigger(TaggableResource):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        event_trigger_name: str,
        object_type_name: str,
        description: str | None,
        event_trigger_conditions: list[dict[str, Any]],
        segment_filter: str | None,
        event_trigger_limits: dict[str, Any] | None,
        intent_filter_definition: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(tagger, arn)
        self.event_trigger_name = event_trigger_name
        self.object_type_name = object_type_name
        self.description = description
        self.event_trigger_conditions = copy.deepcopy(event_trigger_conditions)
        self.segment_filter = segment_filter
        self.event_trigger_limits = copy.deepcopy(event_trigger_limits)
        self.intent_filter_definition = copy.deepcopy(intent_filter_definition)


class TriggerInvocation(BaseModel):
    """One evaluation of a trigger for an ingested object: a firing, or why not."""

    def __init__(
        self,
        domain_name: str,
        trigger: EventTrigger,
        object_type_name: str,
        profile_object_unique_key: str,
        profile_id: str | None,
        status: str,
        reason: str | None,
        at: datetime,
        integration_uri: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.domain_name = domain_name
        self.event_trigger_name = trigger.event_trigger_name
        self.object_type_name = object_type_name
        self.profile_object_unique_key = profile_object_unique_key
        self.profile_id = profile_id
        self.integration_uri = integration_uri
        self.status = status
        self.reason = reason
        self.detail = detail
        self.at = at
        expiration = (trigger.event_trigger_limits or {}).get("EventExpiration")
        self.expiration_time: datetime | None = None
        if status == FIRED and expiration is not None and expiration > 0:
            cap_ms = MAX_EXPIRATION / timedelta(milliseconds=1)
            span = timedelta(milliseconds=min(expiration, cap_ms))
            try:
                self.expiration_time = at + span
            except OverflowError:  # the clock is within the expiration of year 9999
                self.detail = (
                    "ExpirationTime would fall after the year 9999: none is set"
                )

    def as_dict(self) -> dict[str, Any]:
        return {
            "DomainName": self.domain_name,
            "EventTriggerName": self.event_trigger_name,
            "IntegrationUri": self.integration_uri,
            "ProfileId": self.profile_id,
            "ObjectTypeName": self.object_type_name,
            "ProfileObjectUniqueKey": self.profile_object_unique_key,
            "Timestamp": iso_8601_datetime_with_milliseconds(self.at),
            "ExpirationTime": iso_8601_datetime_with_milliseconds(self.expiration_time)
            if self.expiration_time
            else None,
            "Status": self.status,
            "Reason": self.reason,
            "Detail": self.detail,
        }
