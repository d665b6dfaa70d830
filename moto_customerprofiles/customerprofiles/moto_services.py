"""moto's other services, as this package uses them: the one place that reads and writes
moto's S3 (upload jobs, segment snapshots, identity-resolution exports, S3 source
integrations) and sends to moto's SQS (dead-letter queues). Kinesis lives in
``resources/event_streams`` (writes) and ``compat`` (reads, which touch private names).

Only public names of moto's backends are used (``s3_backends``, ``get_bucket``,
``create_bucket``, ``put_object``, ``get_object``, ``list_objects``; ``sqs_backends``,
``send_message``), the same on 5.2.0 and 5.2.6. Each module is imported when first used:
importing the package loads no other moto service."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from moto.moto_api._internal import mock_random


def _s3(account_id: str, partition: str) -> Any:
    from moto.s3.models import s3_backends

    return s3_backends[account_id][partition]


def s3_bucket_exists(account_id: str, partition: str, bucket: str) -> bool:
    from moto.s3.exceptions import MissingBucket

    try:
        _s3(account_id, partition).get_bucket(bucket)
    except MissingBucket:
        return False
    return True


def s3_create_bucket(account_id: str, partition: str, region: str, bucket: str) -> None:
    """Creates the bucket unless it exists."""
    if not s3_bucket_exists(account_id, partition, bucket):
        _s3(account_id, partition).create_bucket(bucket, region)


def s3_put(
    account_id: str,
    partition: str,
    bucket: str,
    key: str,
    body: bytes,
    kms_key_id: str | None = None,
) -> None:
    """Writes one object (SSE-KMS under ``kms_key_id`` when given) in an existing
    bucket."""
    _s3(account_id, partition).put_object(
        bucket,
        key,
        body,
        encryption="aws:kms" if kms_key_id else None,
        kms_key_id=kms_key_id,
    )


def s3_get(account_id: str, partition: str, bucket: str, key: str) -> bytes | None:
    """The object's content, or None when it (or its bucket) does not exist."""
    from moto.s3.exceptions import MissingBucket

    try:
        found = _s3(account_id, partition).get_object(bucket, key)
    except MissingBucket:
        return None
    return None if found is None else bytes(found.value)


def s3_files_under(
    account_id: str, partition: str, bucket: str, prefix: str
) -> list[tuple[str, str, bytes]]:
    """The files (name, ETag, content) in the bucket whose names start with ``prefix``,
    in name order. No bucket: no files."""
    from moto.s3.exceptions import MissingBucket

    backend = _s3(account_id, partition)
    try:
        found = backend.list_objects(
            backend.get_bucket(bucket), prefix or None, None, None, None
        )[0]
    except MissingBucket:
        return []
    return [(key.name, key.etag, bytes(key.value)) for key in found]


def send_to_queue(queue_url: str, body: str, account_id: str, region_name: str) -> None:
    """Sends ``body`` to the queue of moto's SQS that ``queue_url`` names
    (``.../{account}/{name}``; the region from an ``sqs.{region}.`` host, else
    ``region_name``; a FIFO queue gets a group and a deduplication id). Nothing when the
    queue does not exist."""
    from moto.sqs.exceptions import QueueDoesNotExist
    from moto.sqs.models import sqs_backends

    parts = urlparse(queue_url)
    path = [p for p in parts.path.split("/") if p]
    if not path:
        return
    name = path[-1]
    if len(path) >= 2 and path[-2].isdigit():
        account_id = path[-2]
    host = (parts.hostname or "").split(".")
    if len(host) > 2 and host[0] == "sqs":
        region_name = host[1]
    if account_id not in sqs_backends or region_name not in sqs_backends[account_id]:
        return
    fifo = name.endswith(".fifo")
    try:
        sqs_backends[account_id][region_name].send_message(
            name,
            body,
            group_id="customer-profiles" if fifo else None,
            deduplication_id=mock_random.uuid4().hex if fifo else None,
        )
    except QueueDoesNotExist:
        return
