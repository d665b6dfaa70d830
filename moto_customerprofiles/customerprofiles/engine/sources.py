"""Source integrations read by the mock: a Kinesis data stream named by PutIntegration's
Uri. Its records are ingested, through ``ingestion.ingest``, at the start of the next
request that names the domain (AWS reads the stream continuously; the mock reads it when
asked, so a test sees the objects as soon as it calls the service again)."""

from __future__ import annotations

from ..compat import kinesis_records_after
from ..exceptions import BadRequestException
from ..resources.domains import Domain
from ..resources.values import parse_json
from .ingestion import ingest

KINESIS_STREAM_ARN = "arn:aws:kinesis:"


def read_sources(domain: Domain, account_id: str, region_name: str) -> None:
    """Ingest the records put on each Kinesis source since it was last read.

    A record is one object of the integration's ObjectTypeName, as PutProfileObject's
    ``Object`` (a JSON object). A record that is not a JSON object, or that a quota
    refuses, is skipped (AWS sends failures to the domain's dead-letter queue: not
    modelled)."""
    for integration in list(domain.integrations.values()):
        if not integration.uri.startswith(KINESIS_STREAM_ARN):
            continue
        type_name = integration.object_type_name
        object_type = domain.object_types.get(type_name) if type_name else None
        if object_type is None:
            continue
        for data in kinesis_records_after(
            account_id, region_name, integration.uri, integration.read_positions
        ):
            try:
                content = parse_json(data)
            except ValueError:
                continue
            if not isinstance(content, dict):
                continue
            try:
                ingest(domain, object_type, content)
            except BadRequestException:
                continue
