"""Event streams: real-time export of profile and object changes to Kinesis."""

from __future__ import annotations

import base64
import json
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import uuid4

from moto.core.utils import utcnow
from moto.utilities.tagging_service import TaggingService

from .base import TaggableResource, find_in_domain
from .exceptions import BadRequestException
from .integrations import IntegrationsBackend
from .utils import EVENT_STREAMS, paginated

if TYPE_CHECKING:
    from moto.kinesis.models import KinesisBackend, Stream

    from .domains import Domain

SCHEMA_VERSION = 0
_KINESIS_ARN = re.compile(
    r"^arn:(?P<partition>[^:]+):kinesis:(?P<region>[^:]+):(?P<account_id>\d{12}):"
    r"stream/(?P<name>[a-zA-Z0-9_.-]+)$"
)


def event_timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds, as in AWS's sample records."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class EventStream(TaggableResource):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        domain_name: str,
        event_stream_name: str,
        uri: str,
        kinesis: KinesisBackend,
    ) -> None:
        super().__init__(tagger, arn)
        self.domain_name = domain_name
        self.event_stream_name = event_stream_name
        self.uri = uri
        self._kinesis = kinesis
        self.state = "RUNNING"
        self._unhealthy_since: datetime | None = None

    @property
    def event_stream_arn(self) -> str:
        return self.arn

    def stream(self) -> Stream | None:
        for stream in self._kinesis.streams.values():
            if stream.arn == self.uri:
                return stream
        return None

    @property
    def destination_details(self) -> dict[str, Any]:
        """HEALTHY while the Kinesis stream exists; UNHEALTHY once it is gone."""
        if self.stream() is not None:
            self._unhealthy_since = None
            return {"Uri": self.uri, "Status": "HEALTHY"}
        if self._unhealthy_since is None:
            self._unhealthy_since = utcnow()
        return {
            "Uri": self.uri,
            "Status": "UNHEALTHY",
            "UnhealthySince": self._unhealthy_since,
            "Message": f"The Kinesis stream {self.uri} does not exist.",
        }

    @property
    def destination_summary(self) -> dict[str, Any]:
        details = self.destination_details
        details.pop("Message", None)
        return details

    def send(self, record: dict[str, Any], partition_key: str) -> None:
        """Put one record on the stream; nothing is sent while it is gone."""
        stream = self.stream()
        if stream is None:
            return
        data = base64.b64encode(json.dumps(record).encode()).decode()
        stream.put_record(partition_key, None, data)  # type: ignore[arg-type]


class EventStreamsBackend(IntegrationsBackend):
    def _kinesis_backend(self) -> KinesisBackend:
        from moto.kinesis.models import kinesis_backends

        return kinesis_backends[self.account_id][self.region_name]

    def create_event_stream(
        self,
        domain_name: str,
        uri: str,
        event_stream_name: str,
        tags: dict[str, str] | None = None,
    ) -> EventStream:
        """
        The Uri must be the ARN of a Kinesis data stream that exists in moto's kinesis
        backend for the same account and region.
        """
        domain = self._get_domain(domain_name)
        if domain.event_streams:
            raise BadRequestException(
                f"The Customer Profiles Domain: {domain_name} is already associated with "
                "an active EventStream"
            )
        match = _KINESIS_ARN.match(uri)
        if match is None:
            raise BadRequestException(
                f"Uri {uri} is not the ARN of a Kinesis data stream"
            )
        if (
            match["region"] != self.region_name
            or match["account_id"] != self.account_id
        ):
            raise BadRequestException(
                f"The Kinesis stream {uri} must be in the same account and region as the "
                "domain"
            )
        event_stream = EventStream(
            tagger=self.tagger,
            arn=self.domain_arn(domain_name, EVENT_STREAMS, event_stream_name),
            domain_name=domain_name,
            event_stream_name=event_stream_name,
            uri=uri,
            kinesis=self._kinesis_backend(),
        )
        if event_stream.stream() is None:
            raise BadRequestException(f"The Kinesis stream {uri} does not exist")
        event_stream.set_tags(tags)
        domain.event_streams[event_stream_name] = event_stream
        return event_stream

    def _get_event_stream(
        self, domain_name: str, event_stream_name: str
    ) -> EventStream:
        domain = self._get_domain(domain_name)
        return find_in_domain(
            domain.event_streams, "Event stream", event_stream_name, domain_name
        )

    def get_event_stream(self, domain_name: str, event_stream_name: str) -> EventStream:
        return self._get_event_stream(domain_name, event_stream_name)

    def delete_event_stream(self, domain_name: str, event_stream_name: str) -> None:
        self._get_event_stream(domain_name, event_stream_name)
        self.domains[domain_name].event_streams.pop(event_stream_name).forget_tags()

    @paginated
    def list_event_streams(self, domain_name: str) -> list[EventStream]:
        domain = self._get_domain(domain_name)
        return sorted(domain.event_streams.values(), key=lambda s: s.event_stream_name)

    def export(
        self,
        domain: Domain,
        object_type_name: str,
        event_type: str,
        content: dict[str, Any],
        extra: dict[str, Any] | None = None,
    ) -> None:
        """Send one record, in AWS's real-time export format, to the domain's stream."""
        if not domain.event_streams:
            return
        record: dict[str, Any] = {
            "SchemaVersion": SCHEMA_VERSION,
            "EventId": str(uuid4()),
            "EventTimestamp": event_timestamp(utcnow()),
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
