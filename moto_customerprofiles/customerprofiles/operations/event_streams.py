"""CreateEventStream, GetEventStream, DeleteEventStream and ListEventStreams."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..exceptions import BadRequestException
from ..resources.common import EVENT_STREAMS, paginated
from ..resources.event_streams import EventStream, kinesis_backend
from .base import BackendState

if TYPE_CHECKING:
    from moto.kinesis.models import KinesisBackend

_KINESIS_ARN = re.compile(
    r"^arn:(?P<partition>[^:]+):kinesis:(?P<region>[^:]+):(?P<account_id>\d{12}):"
    r"stream/(?P<name>[a-zA-Z0-9_.-]+)$"
)


class EventStreamsBackend(BackendState):
    def _kinesis_backend(self) -> KinesisBackend:
        return kinesis_backend(self.account_id, self.region_name)

    def create_event_stream(
        self,
        domain_name: str,
        uri: str,
        event_stream_name: str,
        tags: dict[str, str] | None = None,
    ) -> EventStream:
        """
        The Uri must be the ARN of a Kinesis data stream of the same account and
        region; until that stream exists in moto's kinesis backend the destination is
        UNHEALTHY and nothing is sent.
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
        event_stream.set_tags(tags)
        domain.event_streams[event_stream_name] = event_stream
        return event_stream

    def get_event_stream(self, domain_name: str, event_stream_name: str) -> EventStream:
        return self._get_domain(domain_name).event_stream(event_stream_name)

    def delete_event_stream(self, domain_name: str, event_stream_name: str) -> None:
        domain = self._get_domain(domain_name)
        domain.event_stream(event_stream_name)
        domain.event_streams.pop(event_stream_name).forget_tags()

    @paginated(lambda s: s.event_stream_name)
    def list_event_streams(self, domain_name: str) -> list[EventStream]:
        domain = self._get_domain(domain_name)
        return sorted(domain.event_streams.values(), key=lambda s: s.event_stream_name)
