"""The one notice that profiles were created, changed, merged or deleted.

Every writer of profiles calls ``profiles_changed`` (the ingestion pipeline, the profile
operations, DeleteProfileObject, DeleteProfileObjectType); it hands the change to each
consumer that follows profiles, in order: rule-based identity resolution (which may merge
them, through ``merging.merge``, which notifies segment membership of what it merged),
then the membership events of subscribed segments."""

from __future__ import annotations

from collections.abc import Iterable

from ..resources.domains import Domain
from . import matching, segment_events


def profiles_changed(
    domain: Domain, profile_ids: Iterable[str], *, members_changed: bool = True
) -> None:
    """``profile_ids`` were touched (ids of deleted profiles included).
    ``members_changed`` False: only their objects changed, which rule-based matching
    does not read (its rules compare profile members)."""
    ids = list(dict.fromkeys(profile_ids))
    if members_changed:
        matching.profiles_changed(domain, ids)
    segment_events.profiles_changed(domain, ids)
