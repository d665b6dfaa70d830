"""Profile history: the one place a record of a change to a profile is written.

Called by the ingestion pipeline (``ingestion._consume``) and the profile operations.
"""

from __future__ import annotations

import functools
from typing import Any

from ..resources.clock import now
from ..resources.domains import Domain
from ..resources.history import (
    HISTORY_ID_PLACE_DIGITS,
    HISTORY_ID_PREFIX_LENGTH,
    ProfileHistoryRecord,
)
from ..resources.profiles import ProfileObject
from ..resources.values import dumps

HEX_DIGITS = frozenset("0123456789abcdef")


def performed_by(domain: Domain) -> str:
    """The account's root ARN: the mock does not tell one caller from another."""
    return _root_arn(domain.arn)


@functools.lru_cache(maxsize=64)
def _root_arn(domain_arn: str) -> str:
    """One string for all of a domain's records, not a copy in each."""
    partition, account = domain_arn.split(":")[1], domain_arn.split(":")[4]
    return f"arn:{partition}:iam::{account}:root"


def record(
    domain: Domain,
    profile_id: str,
    action_type: str,
    object_type_name: str,
    content: Any,
    profile_object_unique_key: str | None = None,
) -> ProfileHistoryRecord:
    """Record one change; ``content`` (a JSON value) is kept as JSON text, a stored
    object as itself (its text is written when the record is read)."""
    text = content if isinstance(content, (str, ProfileObject)) else dumps(content)
    entry = ProfileHistoryRecord(
        id_prefix=domain.history_id_prefix,
        profile_id=profile_id,
        object_type_name=object_type_name,
        action_type=action_type,
        content=text,
        performed_by=performed_by(domain),
        created_at=now(),
        sequence=len(domain.history_records),
        profile_object_unique_key=profile_object_unique_key,
    )
    domain.history_records.append(entry)
    domain.history_by_profile.setdefault(profile_id, []).append(entry)
    return entry


def find_record(domain: Domain, record_id: str) -> ProfileHistoryRecord | None:
    """The domain's record with this Id, read from its place (no index by Id)."""
    prefix, place = (
        record_id[:HISTORY_ID_PREFIX_LENGTH],
        record_id[HISTORY_ID_PREFIX_LENGTH:],
    )
    if prefix != domain.history_id_prefix or len(place) != HISTORY_ID_PLACE_DIGITS:
        return None
    if not all(c in HEX_DIGITS for c in place):
        return None
    sequence = int(place, 16)
    records = domain.history_records
    return records[sequence] if sequence < len(records) else None
