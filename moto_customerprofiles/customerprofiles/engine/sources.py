"""Source integrations read by the mock: a Kinesis data stream named by PutIntegration's
Uri, and an AppFlow flow whose source connector is S3 (its bucket and prefix in moto's S3).
New records and files are ingested, through ``ingestion.ingest``, at the start of the next
request that names the domain (AWS reads the stream continuously and runs the flow on its
trigger; the mock reads both when asked, so a test sees the objects as soon as it calls
the service again)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from ..compat import kinesis_records_after
from ..exceptions import BadRequestException
from ..moto_services import s3_files_under, send_to_queue
from ..resources.domains import Domain
from ..resources.integrations import Integration
from ..resources.object_types import ProfileObjectType
from ..resources.values import dumps, parse_json
from .ingestion import ingest

KINESIS_STREAM_ARN = "arn:aws:kinesis:"
NOT_JSON = "Could not parse object string into JSON"  # AWS's words for such an object


def read_sources(domain: Domain, account_id: str, region_name: str) -> None:
    """Ingest what each source integration holds that it has not yet delivered."""
    for integration in list(domain.integrations.values()):
        type_name = integration.object_type_name
        object_type = domain.object_types.get(type_name) if type_name else None
        if object_type is None:
            continue
        source = _Source(domain, object_type, integration, account_id, region_name)
        if integration.uri.startswith(KINESIS_STREAM_ARN):
            _read_kinesis(source)
        elif integration.s3_source is not None:
            _read_s3(source)


class _Source:
    """One integration being read: where its objects go, and where its failures go (the
    domain's dead-letter queue, "used for reporting errors associated with ingesting
    data from third party applications", the model says)."""

    def __init__(
        self,
        domain: Domain,
        object_type: ProfileObjectType,
        integration: Integration,
        account_id: str,
        region_name: str,
    ) -> None:
        self.domain = domain
        self.object_type = object_type
        self.integration = integration
        self.account_id = account_id
        self.region_name = region_name

    def ingest(self, content: Any, data: str) -> None:
        """Ingests one record; a record that is not a JSON object, or that the pipeline
        refuses, is reported to the dead-letter queue instead."""
        if not isinstance(content, dict) or None in content:  # None: extra CSV cells
            self.fail(data, "The record is not an object of named fields")
            return
        try:
            ingest(self.domain, self.object_type, content)
        except BadRequestException as error:
            self.fail(data, error.message)

    def fail(self, data: str, message: str) -> None:
        """The mock's dead-letter message (AWS does not document its form): a JSON object
        with DomainName, Uri (the integration's), ObjectTypeName, Message and Data (the
        record as text, or the file's name)."""
        queue_url = self.domain.dead_letter_queue_url
        if queue_url is None:
            return
        body = {
            "DomainName": self.domain.domain_name,
            "Uri": self.integration.uri,
            "ObjectTypeName": self.object_type.object_type_name,
            "Message": message,
            "Data": data,
        }
        send_to_queue(queue_url, json.dumps(body), self.account_id, self.region_name)


def _read_kinesis(source: _Source) -> None:
    """A record is one object of the integration's ObjectTypeName, as PutProfileObject's
    ``Object`` (a JSON object); ObjectTypeNames names the object types of Segment and
    Shopify events (the model's words) and plays no part. A record that is not a JSON
    object, or that the pipeline refuses, goes to the dead-letter queue."""
    integration = source.integration
    for data in kinesis_records_after(
        source.account_id,
        source.region_name,
        integration.uri,
        integration.read_positions,
    ):
        text = data.decode("utf-8", "replace")
        try:
            content = parse_json(data)
        except ValueError:
            source.fail(text, NOT_JSON)
            continue
        source.ingest(content, text)


def _read_s3(source: _Source) -> None:
    """Each file under the flow's bucket and prefix that is new, or whose ETag changed
    since it was read, is read whole: JSON (one object, an array of objects, or one
    object per line) when it starts with ``{`` or ``[``, else CSV with a header row (every
    value a string). The flow's Map tasks of one source field rename fields (only mapped
    fields are kept); without Map tasks every field is kept. Other task types are not
    applied. Unreadable files, lines and rows go to the dead-letter queue."""
    integration = source.integration
    assert integration.s3_source is not None
    bucket, prefix = integration.s3_source
    partition = source.domain.arn.split(":")[1]
    files = s3_files_under(source.account_id, partition, bucket, prefix)
    for name, etag, content in files:
        if integration.files_read.get(name) == etag or name.endswith("/"):
            continue
        integration.files_read[name] = etag
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            source.fail(name, f"The file {name} is not UTF-8 text")
            continue
        for record, data, failure in _records(text):
            if failure is not None:
                source.fail(data, failure)
                continue
            if integration.field_map and isinstance(record, dict):
                record = {
                    integration.field_map[field]: value
                    for field, value in record.items()
                    if field in integration.field_map
                }
            source.ingest(record, data)


def _records(text: str) -> Iterator[tuple[Any, str, str | None]]:
    """The file's records, each with its text and, if it could not be read, why."""
    if text.lstrip()[:1] in ("{", "["):
        try:
            whole = parse_json(text)
        except ValueError:  # not one JSON document: one object per line
            for line in text.splitlines():
                if not line.strip():
                    continue
                try:
                    yield parse_json(line), line, None
                except ValueError:
                    yield None, line, NOT_JSON
            return
        for item in whole if isinstance(whole, list) else [whole]:
            yield item, dumps(item), None
        return
    try:
        for row in csv.DictReader(text.splitlines()):
            yield row, dumps({str(f): v for f, v in row.items()}), None
    except csv.Error as error:
        yield None, "", f"Could not parse the file as CSV: {error}"
