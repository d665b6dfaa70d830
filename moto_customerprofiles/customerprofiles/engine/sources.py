"""Source integrations read by the mock: a Kinesis data stream named by PutIntegration's
Uri, and an AppFlow flow whose source connector is S3 (its bucket and prefix in moto's S3).
New records and files are ingested, through ``ingestion.ingest``, at the start of the next
request that names the domain (AWS reads the stream continuously and runs the flow on its
trigger; the mock reads both when asked, so a test sees the objects as soon as it calls
the service again)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from ..compat import kinesis_records_after, s3_files_under
from ..exceptions import BadRequestException
from ..resources.domains import Domain
from ..resources.integrations import Integration
from ..resources.object_types import ProfileObjectType
from ..resources.values import parse_json
from .ingestion import ingest

KINESIS_STREAM_ARN = "arn:aws:kinesis:"


def read_sources(domain: Domain, account_id: str, region_name: str) -> None:
    """Ingest what each source integration holds that it has not yet delivered."""
    for integration in list(domain.integrations.values()):
        type_name = integration.object_type_name
        object_type = domain.object_types.get(type_name) if type_name else None
        if object_type is None:
            continue
        if integration.uri.startswith(KINESIS_STREAM_ARN):
            _read_kinesis(domain, object_type, integration, account_id, region_name)
        elif integration.s3_source is not None:
            _read_s3(domain, object_type, integration, account_id, region_name)


def _read_kinesis(
    domain: Domain,
    object_type: ProfileObjectType,
    integration: Integration,
    account_id: str,
    region_name: str,
) -> None:
    """A record is one object of the integration's ObjectTypeName, as PutProfileObject's
    ``Object`` (a JSON object); ObjectTypeNames names the object types of Segment and
    Shopify events (the model's words) and plays no part. A record that is not a JSON
    object, or that a quota refuses, is skipped (AWS sends failures to the domain's
    dead-letter queue: not modelled)."""
    for data in kinesis_records_after(
        account_id, region_name, integration.uri, integration.read_positions
    ):
        try:
            content = parse_json(data)
        except ValueError:
            continue
        _ingest(domain, object_type, content)


def _read_s3(
    domain: Domain,
    object_type: ProfileObjectType,
    integration: Integration,
    account_id: str,
    region_name: str,
) -> None:
    """Each file under the flow's bucket and prefix that is new, or whose ETag changed
    since it was read, is read whole: JSON (one object, an array of objects, or one
    object per line) when it starts with ``{`` or ``[``, else CSV with a header row (every
    value a string). The flow's Map tasks of one source field rename fields (only mapped
    fields are kept); without Map tasks every field is kept. Other task types are not
    applied. Unreadable files, lines and rows are skipped."""
    assert integration.s3_source is not None
    bucket, prefix = integration.s3_source
    for name, etag, content in s3_files_under(account_id, region_name, bucket, prefix):
        if integration.files_read.get(name) == etag or name.endswith("/"):
            continue
        integration.files_read[name] = etag
        for record in _records(content):
            if integration.field_map:
                record = {
                    integration.field_map[field]: value
                    for field, value in record.items()
                    if field in integration.field_map
                }
            _ingest(domain, object_type, record)


def _records(content: bytes) -> Iterator[Any]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    if text.lstrip()[:1] in ("{", "["):
        try:
            whole = parse_json(text)
        except ValueError:  # not one JSON document: one object per line
            for line in text.splitlines():
                try:
                    yield parse_json(line)
                except ValueError:
                    continue
            return
        yield from whole if isinstance(whole, list) else [whole]
        return
    try:
        yield from csv.DictReader(io.StringIO(text))
    except csv.Error:
        return


def _ingest(domain: Domain, object_type: ProfileObjectType, content: Any) -> None:
    if not isinstance(content, dict) or None in content:  # a CSV row with extra cells
        return
    try:
        ingest(domain, object_type, content)
    except BadRequestException:
        return
