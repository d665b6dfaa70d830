"""Writing a segment snapshot to moto's S3.

AWS documents the formats (CSV, JSONL, ORC) and that "the API outputs a test file in
addition to the exported segment in the bucket", not the layout; the mock's layout, for
``DestinationUri`` ``s3://<bucket>/<prefix>``:

- ``<prefix>/<SnapshotId>/part-00000.csv``, ``.jsonl`` or ``.orc``: every member, by
  ProfileId; JSONL has one profile per line as the event stream carries it
  (``ProfileId`` and the profile's members, nested as in GetProfile); CSV has a header
  row, ``ProfileId`` then every member path populated in any exported profile, sorted
  (``Address.City``, ``Attributes.tier``, ...), a list member as JSON text, an empty
  cell for no value; ORC has the CSV's columns, all strings, null for no value;
- ``<prefix>/<SnapshotId>/test-file.txt``: the test file, written first.

With an EncryptionKey both objects are stored with SSE-KMS under that key. ORC is
written with pyarrow (``pip install 'moto-customerprofiles[orc]'``); without it an ORC
snapshot is accepted and FAILS with a StatusMessage saying so.

moto's S3 is written through ``moto_services``.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
from types import ModuleType
from typing import Any

from ..moto_services import s3_bucket_exists, s3_put
from ..resources.domains import Domain
from ..resources.segment_snapshots import COMPLETED, SegmentSnapshot
from ..resources.segments import SegmentDefinition
from .segment_events import ENHANCED, segment_members

DATA_FILE = "part-00000"
TEST_FILE = "test-file.txt"
TEST_FILE_TEXT = b"Customer Profiles segment snapshot test file\n"
EXTENSIONS = {"CSV": "csv", "JSONL": "jsonl", "ORC": "orc"}
NO_ORC_WRITER = (
    "Writing ORC needs pyarrow, which is not installed: "
    "pip install 'moto-customerprofiles[orc]'"
)


def orc_writer() -> ModuleType | None:
    """pyarrow's ORC module, when pyarrow is installed (an optional dependency)."""
    try:
        return importlib.import_module("pyarrow.orc")
    except ImportError:
        return None


def member_records(
    domain: Domain, segment: SegmentDefinition
) -> tuple[list[dict[str, Any]] | None, str | None]:
    """The members' profiles to export (by ProfileId), or None and why not."""
    name = segment.segment_definition_name
    if (
        segment.segment_type == ENHANCED
        and segment.segment_groups is None
        and name not in domain.sql_segment_members
    ):
        return None, (
            "Segments defined by SegmentSqlQuery are not evaluated by the mock: set "
            "their members with set_segment_members"
        )
    members = sorted(segment_members(domain, segment))
    return [domain.profiles[p].as_record() for p in members], None


def complete(snapshot: SegmentSnapshot, account_id: str, partition: str) -> None:
    """Write a snapshot that has just COMPLETED (once); FAILED when it cannot be."""
    if snapshot.written or snapshot.status != COMPLETED:
        return
    if snapshot.records is None:
        snapshot.fail(snapshot.failure or "The segment could not be exported")
        return
    bucket, prefix, problem = _destination(snapshot.destination_uri)
    if problem is not None:
        snapshot.fail(problem)
        return
    if not s3_bucket_exists(account_id, partition, bucket):
        snapshot.fail(f"The S3 bucket {bucket} does not exist")
        return
    if snapshot.data_format == "ORC" and orc_writer() is None:
        snapshot.fail(NO_ORC_WRITER)
        return
    base = f"{prefix}/{snapshot.snapshot_id}" if prefix else snapshot.snapshot_id
    extension = EXTENSIONS[snapshot.data_format]
    files = [
        (f"{base}/{TEST_FILE}", TEST_FILE_TEXT),
        (f"{base}/{DATA_FILE}.{extension}", _encode(snapshot)),
    ]
    key_id = snapshot.encryption_key or None
    for key, body in files:
        s3_put(account_id, partition, bucket, key, body, kms_key_id=key_id)
        snapshot.written.append(key)
    snapshot.records = None  # written: the files are the snapshot now


def _destination(uri: str | None) -> tuple[str, str, str | None]:
    """(bucket, prefix, why the URI is not an S3 destination)."""
    if uri is None or not uri.startswith("s3://") or not uri[5:].split("/")[0]:
        return "", "", f"DestinationUri {uri} is not an S3 URI (s3://<bucket>/<prefix>)"
    bucket, _, prefix = uri[5:].partition("/")
    return bucket, prefix.strip("/"), None


def _encode(snapshot: SegmentSnapshot) -> bytes:
    records = snapshot.records or []
    if snapshot.data_format == "JSONL":
        lines = (json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records)
        return "".join(f"{line}\n" for line in lines).encode("utf-8")
    rows = [_flatten(record) for record in records]
    columns = sorted({c for row in rows for c in row} - {"ProfileId"})
    if snapshot.data_format == "ORC":
        return _orc(rows, ["ProfileId", *columns])
    out = io.StringIO()
    writer = csv.DictWriter(out, ["ProfileId", *columns], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _orc(rows: list[dict[str, str]], columns: list[str]) -> bytes:
    orc = orc_writer()
    assert orc is not None  # complete() fails the snapshot first
    pyarrow = importlib.import_module("pyarrow")
    table = pyarrow.table(
        {c: pyarrow.array([r.get(c) for r in rows], pyarrow.string()) for c in columns}
    )
    out = io.BytesIO()
    orc.write_table(table, out)
    return out.getvalue()


def _flatten(record: dict[str, Any]) -> dict[str, str]:
    row: dict[str, str] = {}
    for member, value in record.items():
        if isinstance(value, dict):
            for key, item in value.items():
                row[f"{member}.{key}"] = _cell(item)
        else:
            row[member] = _cell(value)
    return row


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
