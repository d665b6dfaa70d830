"""The domain's segment stream, segment subscriptions and their membership events.

A subscription's Status goes STARTING (its initial snapshot) -> RUNNING through moto's
state manager (model ``customerprofiles::segment_subscription``): at once by default,
one step per GetSegmentSubscription when a test sets a manual transition. It becomes
STOPPED when the domain's segment stream is disassociated (a re-put restarts it).
"""

from __future__ import annotations

import copy
import itertools
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from moto.core.common_models import BaseModel
from moto.moto_api import state_manager
from moto.moto_api._internal.managed_state_model import ManagedState

from .clock import now
from .event_streams import find_stream, send_record

if TYPE_CHECKING:
    from moto.kinesis.models import KinesisBackend

SUBSCRIPTION_MODEL = "customerprofiles::segment_subscription"
STARTING, RUNNING, STOPPED = "STARTING", "RUNNING", "STOPPED"
STREAM_RUNNING, STREAM_UNHEALTHY, STREAM_STOPPED = "RUNNING", "UNHEALTHY", "STOPPED"
LIVE, SCHEDULE = "LIVE", "SCHEDULE"
JOINED, LEFT = "JOINED", "LEFT"
# [AG segment membership events] "The interval defaults to 24 hours" (through the API).
DEFAULT_SCHEDULE = {"Interval": 24, "Unit": "HOURLY"}
# [AG segment membership events] "You can create a maximum of 10 segment subscriptions
# for each domain."
MAX_SUBSCRIPTIONS_PER_DOMAIN = 10

state_manager.register_default_transition(
    SUBSCRIPTION_MODEL, {"progression": "immediate"}
)


class SegmentStream(BaseModel):
    """The Kinesis data stream a domain's membership events go to (one per domain).

    State is RUNNING while the Kinesis stream exists in moto, UNHEALTHY (with a
    FailureReason) while it does not, STOPPED once disassociated.
    """

    def __init__(
        self,
        domain_name: str,
        destination_arn: str,
        destination_role_arn: str,
        kinesis: KinesisBackend,
        subscriptions: dict[str, SegmentSubscription],
    ) -> None:
        """``subscriptions``: the domain's (AssociatedSegments lists them)."""
        self.domain_name = domain_name
        self.destination_arn = destination_arn
        self.destination_role_arn = destination_role_arn
        self._kinesis = kinesis
        self._subscriptions = subscriptions
        self.associated_at = now()
        self.disassociated_at: datetime | None = None

    @property
    def associated(self) -> bool:
        return self.disassociated_at is None

    @property
    def associated_segments(self) -> list[dict[str, Any]]:
        return [s.associated_segment for s in self._subscriptions.values()]

    @property
    def state(self) -> str:
        if not self.associated:
            return STREAM_STOPPED
        if find_stream(self._kinesis, self.destination_arn) is None:
            return STREAM_UNHEALTHY
        return STREAM_RUNNING

    @property
    def failure_reason(self) -> str | None:
        if self.state != STREAM_UNHEALTHY:
            return None
        return f"The Kinesis stream {self.destination_arn} does not exist."

    def send(self, record: dict[str, Any], partition_key: str) -> None:
        if self.associated:
            send_record(self._kinesis, self.destination_arn, record, partition_key)


class SubscriptionEvent(BaseModel):
    """One membership change, as ListSegmentSubscriptionEvents lists it."""

    def __init__(
        self, sequence: int, profile_id: str, event: str, event_type: str, at: datetime
    ) -> None:
        self.sequence = sequence  # the order the events happened in
        self.profile_id = profile_id
        self.event = event
        self.event_type = event_type
        self.updated_at = at


class SegmentSubscription(BaseModel, ManagedState):
    def __init__(
        self, segment_definition_name: str, schedule: dict[str, Any] | None
    ) -> None:
        ManagedState.__init__(self, SUBSCRIPTION_MODEL, [(STARTING, RUNNING)])
        self.segment_definition_name = segment_definition_name
        self.schedule_configuration = _schedule(schedule)
        self.started_at = now()
        self.last_updated_at = self.started_at
        self.last_executed_at = self.started_at  # the initial snapshot is a run
        self.message: str | None = None
        # the members the last snapshot or event recorded, and when each profile's
        # membership last changed
        self.members: set[str] = set()
        self.changed_at: dict[str, datetime] = {}
        self.recorded_at = self.started_at  # when the initial snapshot was taken
        self.events: list[SubscriptionEvent] = []
        self._sequence = itertools.count()
        _ = self.status  # an immediate progression completes at creation, not on a read

    def restart(self, schedule: dict[str, Any] | None) -> None:
        """A re-put: StartedAt is kept; a stopped subscription starts again."""
        if schedule is not None:
            self.schedule_configuration = _schedule(schedule)
        self.last_updated_at = now()
        if self.status == STOPPED:
            ManagedState.__init__(self, SUBSCRIPTION_MODEL, [(STARTING, RUNNING)])
            self.message = None
            self.last_executed_at = self.last_updated_at
            _ = self.status

    def stop(self, message: str) -> None:
        self.status = STOPPED
        self.message = message
        self.last_updated_at = now()

    def described(self) -> None:
        """A GetSegmentSubscription: one tick of a manual progression."""
        if state_manager.get_transition(self.model_name)["progression"] == "manual":
            self.advance()

    @property
    def interval(self) -> timedelta:
        return timedelta(hours=int(self.schedule_configuration["Interval"]))

    @property
    def next_executed_at(self) -> datetime:
        return self.last_executed_at + self.interval

    @property
    def scheduled_executions(self) -> dict[str, Any] | None:
        if self.status == STOPPED:
            return {"LastExecutedAt": self.last_executed_at}
        return {
            "NextExecutedAt": self.next_executed_at,
            "LastExecutedAt": self.last_executed_at,
        }

    def add_event(
        self, profile_id: str, event: str, event_type: str, at: datetime
    ) -> SubscriptionEvent:
        added = SubscriptionEvent(
            next(self._sequence), profile_id, event, event_type, at
        )
        self.events.append(added)
        return added

    @property
    def associated_segment(self) -> dict[str, Any]:
        """GetStreamForSegments' AssociatedSegments entry."""
        entry: dict[str, Any] = {
            "SegmentName": self.segment_definition_name,
            "Status": self.status,
        }
        if self.message is not None:
            entry["Message"] = self.message
        return entry


def _schedule(schedule: dict[str, Any] | None) -> dict[str, Any]:
    """The given ScheduleConfiguration with its defaults (Unit HOURLY, the only unit)."""
    if schedule is None:
        return dict(DEFAULT_SCHEDULE)
    result = copy.deepcopy(schedule)
    result.setdefault("Unit", DEFAULT_SCHEDULE["Unit"])
    return result
