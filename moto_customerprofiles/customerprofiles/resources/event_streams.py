"""Event streams: a domain's Kinesis data stream for real-time export."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any

from moto.utilities.tagging_service import TaggingService

from ..compat import kinesis_data
from .clock import now
from .common import TaggableResource
from .values import dumps

if TYPE_CHECKING:
    from moto.kinesis.models import KinesisBackend, Stream

# Every write this package makes to moto's Kinesis goes through send_record, under
# this lock: moto's KinesisBackend.put_record is not safe for concurrency (it numbers a record
# from the last one), whichever backend or thread the record comes from.
_KINESIS_WRITES = threading.Lock()


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
        return find_stream(self._kinesis, self.uri)

    @property
    def destination_details(self) -> dict[str, Any]:
        """HEALTHY while the Kinesis stream exists; UNHEALTHY once it is gone."""
        if self.stream() is not None:
            self._unhealthy_since = None
            return {"Uri": self.uri, "Status": "HEALTHY"}
        if self._unhealthy_since is None:
            self._unhealthy_since = now()
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
        send_record(self._kinesis, self.uri, record, partition_key)


def kinesis_backend(account_id: str, region_name: str) -> KinesisBackend:
    """moto's Kinesis backend of an account and region."""
    from moto.kinesis.models import kinesis_backends

    return kinesis_backends[account_id][region_name]


def find_stream(kinesis: KinesisBackend, arn: str) -> Stream | None:
    """The Kinesis stream with this ARN in moto's backend, or None."""
    for stream in kinesis.streams.values():
        if stream.arn == arn:
            return stream
    return None


def send_record(
    kinesis: KinesisBackend, arn: str, record: dict[str, Any], partition_key: str
) -> bool:
    """Put one JSON record on the Kinesis stream ``arn``: the one way this package
    writes to moto's Kinesis (event streams, segment membership events). False, and
    nothing sent, when the stream does not exist."""
    stream = find_stream(kinesis, arn)
    if stream is None:
        return False
    data = kinesis_data(dumps(record).encode())
    with _KINESIS_WRITES:
        kinesis.put_record(
            stream_arn=stream.arn,
            stream_name=stream.stream_name,
            partition_key=partition_key,
            explicit_hash_key=None,  # type: ignore[arg-type]
            data=data,  # type: ignore[arg-type]
        )
    return True
