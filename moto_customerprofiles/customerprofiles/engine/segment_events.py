"""Segment membership events: who joins and leaves a subscribed segment, and when.

Each subscription keeps its segment's members. Two ways change them, as AWS documents:

- LIVE (classic segments only): a profile that a request touched (created, updated,
  merged, deleted, or given, changed or relieved of an object) is evaluated again for
  every subscribed segment; a change of membership is an event. Only that profile is
  evaluated: its calculated attributes are computed at that moment (the service's
  clock), so a value that changed only because time passed shows then.
- SCHEDULE: a scheduled run evaluates the whole segment (for a SQL segment: the members
  a test set) and compares it with the kept members. A run falls due every Interval
  hours after the last; the mock runs a due run when the subscription is read
  (GetSegmentSubscription, ListSegmentSubscriptionEvents, GetStreamForSegments) or when
  a profile of the domain is next touched: one run, however many intervals passed
  (AWS: runs "might be delayed or skipped"). Time-driven changes (a calculated
  attribute's window moving on) and changed definitions appear there.

A RUNNING subscription records each event (ListSegmentSubscriptionEvents, oldest first)
and sends it to the domain's segment stream in AWS's published format, partition key the
profile id. While STARTING (the initial snapshot) the kept members follow the changes
without events; a STOPPED subscription keeps nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from ..resources.clock import now
from ..resources.domains import Domain
from ..resources.segment_subscriptions import (
    JOINED,
    LEFT,
    LIVE,
    RUNNING,
    SCHEDULE,
    STOPPED,
    SegmentSubscription,
)
from ..resources.segments import SegmentDefinition
from .segment_evaluation import SegmentEvaluator

ENHANCED = "ENHANCED"


def segment_members(domain: Domain, segment: SegmentDefinition) -> set[str]:
    """Every member of the segment now: a SQL segment's are the existing profiles a test
    set (``set_segment_members``); otherwise its SegmentGroups are evaluated over the
    domain (none: nobody)."""
    name = segment.segment_definition_name
    if segment.segment_type == ENHANCED and name in domain.sql_segment_members:
        return {p for p in domain.sql_segment_members[name] if p in domain.profiles}
    evaluator = SegmentEvaluator(domain)
    if evaluator.cycle(name) is not None:
        return set()
    return set(evaluator.members_of(name, list(domain.profiles.values())))


def subscribe(domain: Domain, subscription: SegmentSubscription) -> None:
    """The initial snapshot: the current members, recorded without events."""
    segment = domain.segment_definition(subscription.segment_definition_name)
    subscription.members = segment_members(domain, segment)
    subscription.changed_at = {}
    subscription.recorded_at = now()


def profiles_changed(domain: Domain, profile_ids: Iterable[str]) -> None:
    """The consumer: ``profile_ids`` were touched by a request (a profile no longer in
    the domain has left every segment). Then any scheduled run that fell due."""
    if not domain.segment_subscriptions:
        return
    ids = list(dict.fromkeys(profile_ids))
    evaluator: SegmentEvaluator | None = None
    for subscription in list(domain.segment_subscriptions.values()):
        status = subscription.status
        segment = domain.segment_definitions.get(subscription.segment_definition_name)
        if status == STOPPED or segment is None or segment.segment_type == ENHANCED:
            continue
        for profile_id in ids:
            profile = domain.profiles.get(profile_id)
            if profile is None:
                member = False
            else:
                evaluator = evaluator or SegmentEvaluator(domain)
                member = evaluator.is_member(segment, profile)
            if member != (profile_id in subscription.members):
                _change(
                    domain,
                    subscription,
                    segment,
                    profile_id,
                    JOINED if member else LEFT,
                    LIVE,
                    emit=status == RUNNING,
                )
    run_due_schedules(domain)


def run_due_schedules(domain: Domain) -> None:
    """The scheduled runs that fell due at the service's clock, one per subscription."""
    moment = now()
    for subscription in list(domain.segment_subscriptions.values()):
        if moment < subscription.next_executed_at or subscription.status != RUNNING:
            continue
        segment = domain.segment_definitions.get(subscription.segment_definition_name)
        if segment is None:
            continue
        elapsed = moment - subscription.last_executed_at
        subscription.last_executed_at += subscription.interval * (
            elapsed // subscription.interval
        )
        members = segment_members(domain, segment)
        for profile_id in sorted(members - subscription.members):
            _change(domain, subscription, segment, profile_id, JOINED, SCHEDULE)
        for profile_id in sorted(subscription.members - members):
            _change(domain, subscription, segment, profile_id, LEFT, SCHEDULE)


def _change(
    domain: Domain,
    subscription: SegmentSubscription,
    segment: SegmentDefinition,
    profile_id: str,
    operation: str,
    event_type: str,
    emit: bool = True,
) -> None:
    moment = now()
    previous = subscription.changed_at.get(profile_id, subscription.recorded_at)
    if operation == JOINED:
        subscription.members.add(profile_id)
        subscription.changed_at[profile_id] = moment
    else:
        subscription.members.discard(profile_id)
        if profile_id in domain.profiles:
            subscription.changed_at[profile_id] = moment
        else:
            subscription.changed_at.pop(profile_id, None)
    if not emit:
        return
    subscription.add_event(profile_id, operation, event_type, moment)
    stream = domain.segment_stream
    if stream is not None:
        stream.send(
            membership_record(
                domain, segment, profile_id, operation, event_type, moment, previous
            ),
            profile_id,
        )


def membership_record(
    domain: Domain,
    segment: SegmentDefinition,
    profile_id: str,
    operation: str,
    event_type: str,
    calculated_at: datetime,
    previous: datetime,
) -> dict[str, Any]:
    """AWS's published sample record: times in epoch seconds. PreviousMembershipChangedAt
    is when the profile's membership of the segment last changed; before any change,
    when the subscription's initial snapshot recorded it."""
    return {
        "AccountId": domain.arn.split(":")[4],
        "DomainName": domain.domain_name,
        "SegmentDefinitionName": segment.segment_definition_name,
        "SegmentType": segment.segment_type,
        "ProfileId": profile_id,
        "OperationType": operation,
        "MembershipCalculatedAt": _epoch_seconds(calculated_at),
        "PreviousMembershipChangedAt": _epoch_seconds(previous),
        "EventType": event_type,
    }


def _epoch_seconds(moment: datetime) -> int:
    return int(moment.replace(tzinfo=timezone.utc).timestamp())
