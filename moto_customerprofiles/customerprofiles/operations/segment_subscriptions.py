"""AssociateStreamForSegments, DisassociateStreamForSegments, GetStreamForSegments,
PutSegmentSubscription, GetSegmentSubscription, DeleteSegmentSubscription and
ListSegmentSubscriptionEvents; the members of SQL segments a test sets."""

from __future__ import annotations

from typing import Any

from ..engine.segment_events import ENHANCED, run_due_schedules, subscribe
from ..exceptions import BadRequestException, ResourceNotFoundException
from ..resources.clock import now
from ..resources.common import check_quota, find_in_domain, paginated
from ..resources.domains import Domain
from ..resources.event_streams import kinesis_backend
from ..resources.segment_subscriptions import (
    MAX_SUBSCRIPTIONS_PER_DOMAIN,
    SegmentStream,
    SegmentSubscription,
    SubscriptionEvent,
)
from .base import BackendState


class SegmentSubscriptionsBackend(BackendState):
    # --- the segment stream -----------------------------------------------------------

    def associate_stream_for_segments(
        self, domain_name: str, destination_arn: str, destination_role_arn: str
    ) -> None:
        """
        The DestinationArn is stored as given; while no Kinesis stream of moto's has
        that ARN (same account and region) the stream's State is UNHEALTHY and events
        are not sent. Associating the same ARN again updates the role (AssociatedAt is
        kept); the role is not assumed.
        """
        domain = self._get_domain(domain_name)
        current = domain.segment_stream
        if current is not None and current.associated:
            if current.destination_arn != destination_arn:
                raise BadRequestException(
                    f"Domain {domain_name} already has an associated segment stream: "
                    f"{current.destination_arn}"
                )
            current.destination_role_arn = destination_role_arn
            return
        domain.segment_stream = SegmentStream(
            domain_name,
            destination_arn,
            destination_role_arn,
            kinesis_backend(self.account_id, self.region_name),
            domain.segment_subscriptions,
        )

    def disassociate_stream_for_segments(self, domain_name: str) -> str:
        """
        Every subscription is STOPPED (AWS: they are "eventually stopped"); a re-put
        starts one again. The stream is kept, State STOPPED, with its DisassociatedAt.
        Disassociating when no stream is associated succeeds (the model marks the
        operation idempotent).
        """
        domain = self._get_domain(domain_name)
        stream = domain.segment_stream
        if stream is not None and stream.associated:
            stream.disassociated_at = now()
            for subscription in domain.segment_subscriptions.values():
                subscription.stop(
                    "The segment stream was disassociated from the domain"
                )
        return f"The segment stream was disassociated from domain {domain_name}."

    def get_stream_for_segments(self, domain_name: str) -> SegmentStream:
        domain = self._get_domain(domain_name)
        stream = _stream(domain)
        run_due_schedules(domain)
        return stream

    # --- subscriptions ------------------------------------------------------------------

    def put_segment_subscription(
        self,
        domain_name: str,
        segment_definition_name: str,
        schedule_configuration: dict[str, Any] | None = None,
    ) -> SegmentSubscription:
        """
        ScheduleConfiguration defaults to every 24 hours (Unit HOURLY, the only unit,
        is added when left out). A re-put keeps StartedAt, moves LastUpdatedAt, replaces
        the schedule when one is given, and restarts a STOPPED subscription (a new
        initial snapshot).
        """
        domain = self._get_domain(domain_name)
        domain.segment_definition(segment_definition_name)
        stream = domain.segment_stream
        if stream is None or not stream.associated:
            raise BadRequestException(
                f"Domain {domain_name} has no segment stream: associate one with "
                "AssociateStreamForSegments before subscribing to membership events"
            )
        existing = domain.segment_subscriptions.get(segment_definition_name)
        if existing is not None:
            was_stopped = existing.status == "STOPPED"
            existing.restart(schedule_configuration)
            if was_stopped:
                subscribe(domain, existing)
            return existing
        check_quota(
            len(domain.segment_subscriptions),
            MAX_SUBSCRIPTIONS_PER_DOMAIN,
            "segment subscriptions per domain",
        )
        subscription = SegmentSubscription(
            segment_definition_name, schedule_configuration
        )
        subscribe(domain, subscription)
        domain.segment_subscriptions[segment_definition_name] = subscription
        return subscription

    def get_segment_subscription(
        self, domain_name: str, segment_definition_name: str
    ) -> SegmentSubscription:
        domain = self._get_domain(domain_name)
        subscription = _subscription(domain, segment_definition_name)
        subscription.described()
        run_due_schedules(domain)
        return subscription

    def delete_segment_subscription(
        self, domain_name: str, segment_definition_name: str
    ) -> str:
        """Deleting a subscription that does not exist succeeds (the model marks the
        operation idempotent); its events are gone with it."""
        domain = self._get_domain(domain_name)
        domain.segment_definition(segment_definition_name)
        domain.segment_subscriptions.pop(segment_definition_name, None)
        return f"Segment subscription for {segment_definition_name} was deleted."

    @paginated(lambda e: e.sequence)
    def list_segment_subscription_events(
        self, domain_name: str, segment_definition_name: str
    ) -> list[SubscriptionEvent]:
        """Every event of the subscription, oldest first (the mock keeps them all)."""
        domain = self._get_domain(domain_name)
        subscription = _subscription(domain, segment_definition_name)
        run_due_schedules(domain)
        return list(subscription.events)

    # --- SQL segments: what a test sets (moto_api.set_segment_members) ----------------

    def set_segment_members(
        self, domain_name: str, segment_definition_name: str, profile_ids: list[str]
    ) -> None:
        """The members of a SQL segment (not an AWS operation: see
        ``moto_customerprofiles.set_segment_members``)."""
        domain = self.domains.get(domain_name)
        segment = (
            domain.segment_definitions.get(segment_definition_name) if domain else None
        )
        if domain is None or segment is None:
            raise ValueError(
                f"No segment definition {segment_definition_name} in domain "
                f"{domain_name}"
            )
        if segment.segment_type != ENHANCED:
            raise ValueError(
                f"Segment definition {segment_definition_name} has no SegmentSqlQuery: "
                "the mock evaluates its SegmentGroups"
            )
        if not isinstance(profile_ids, list) or not all(
            isinstance(p, str) for p in profile_ids
        ):
            raise ValueError("ProfileIds must be a list of profile ids")
        domain.sql_segment_members[segment_definition_name] = list(
            dict.fromkeys(profile_ids)
        )


def _stream(domain: Domain) -> SegmentStream:
    if domain.segment_stream is None:
        raise ResourceNotFoundException(
            f"No segment stream is associated with domain {domain.domain_name}."
        )
    return domain.segment_stream


def _subscription(domain: Domain, segment_definition_name: str) -> SegmentSubscription:
    domain.segment_definition(segment_definition_name)
    return find_in_domain(
        domain.segment_subscriptions,
        "Segment subscription",
        segment_definition_name,
        domain.domain_name,
    )
