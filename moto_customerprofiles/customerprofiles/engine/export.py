"""Real-time export: a record in AWS's format on the domain's event stream."""

from __future__ import annotations

from typing import Any

from moto.core.utils import iso_8601_datetime_with_milliseconds
from moto.moto_api._internal import mock_random

from ..resources.clock import now
from ..resources.domains import Domain

SCHEMA_VERSION = 0
CREATED = "CREATED"
UPDATED = "UPDATED"
MERGED = "MERGED"


def export(
    domain: Domain,
    object_type_name: str,
    event_type: str,
    content: dict[str, Any],
    extra: dict[str, Any] | None = None,
) -> None:
    """Send one record to the domain's event stream, if it has one.

    The partition key is the profile id (the associated profile of an object).
    """
    if not domain.event_streams:
        return
    record: dict[str, Any] = {
        "SchemaVersion": SCHEMA_VERSION,
        "EventId": str(mock_random.uuid4()),
        "EventTimestamp": iso_8601_datetime_with_milliseconds(now()),
        "EventType": event_type,
        "DomainName": domain.domain_name,
        "ObjectTypeName": object_type_name,
    }
    record.update({k: v for k, v in (extra or {}).items() if v is not None})
    record["Object"] = content
    record["IsMessageRealTime"] = True
    partition_key = str(
        (extra or {}).get("AssociatedProfileId")
        or content.get("ProfileId")
        or record["EventId"]
    )
    for event_stream in domain.event_streams.values():
        event_stream.send(record, partition_key)
