"""Profile history: the one place a record of a change to a profile is written.

Called by the ingestion pipeline (``ingestion._consume``) and the profile operations.
"""

from __future__ import annotations

import functools
from typing import Any

from moto.moto_api._internal import mock_random

from ..resources.clock import now
from ..resources.domains import Domain
from ..resources.history import ProfileHistoryRecord
from ..resources.profiles import ProfileObject
from ..resources.values import dumps


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
        record_id=mock_random.uuid4().hex,
        profile_id=profile_id,
        object_type_name=object_type_name,
        action_type=action_type,
        content=text,
        performed_by=performed_by(domain),
        created_at=now(),
        sequence=len(domain.history_records),
        profile_object_unique_key=profile_object_unique_key,
    )
    domain.history_records[entry.id] = entry
    domain.history_by_profile.setdefault(profile_id, []).append(entry)
    return entry
