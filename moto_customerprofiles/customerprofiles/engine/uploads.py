"""An upload job's file: a CSV read with Python's ``csv`` module, each row ingested through
the one ingestion pipeline (``ingestion.ingest``) as an object of the job's object type.

- The file must be UTF-8, without a byte order mark (the admin guide: "UTF-8 with BOM
  ... is not supported ... fails with a missing header error"), and valid CSV (quotes
  closed); its first non-empty line is the header: column names, none empty or repeated.
  Otherwise the whole job FAILS and nothing is ingested.
- Each later non-empty line is a row: an object ``{column: value}`` of its non-empty
  cells (so an empty cell never blanks a profile member), mapped through the job's
  Fields (``Source`` ``_source.<column>``; a column whose name has a dot is read as a
  path, as an object type's Source is). A column name is text: values stay text.
- The UniqueKey names a field of Fields, else a column of the file; it is the object
  type's PROFILE and UNIQUE key, named after that field (or column). Rows that share its
  value are one profile and one object (a later row replaces the earlier object); a
  later job's rows find the profile by the key and update it.
- A row fails (counted in FailedRecords, its reason kept on the job) when its number of
  cells differs from the header's, when it has no value for the UniqueKey, or when the
  pipeline refuses it (a quota).
"""

from __future__ import annotations

import csv
import io

from ..exceptions import CustomerProfilesException
from ..resources.domains import Domain
from ..resources.event_triggers import TriggerInvocation
from ..resources.object_types import ProfileObjectType
from ..resources.upload_jobs import UploadJob
from ..resources.values import source_value
from .ingestion import Ingested, ingest

SOURCE_PREFIX = "_source."


class RowFailure(Exception):
    """A row that cannot be ingested: counted as failed, never a refusal."""


def process_upload(
    domain: Domain, job: UploadJob, data: bytes | None
) -> list[TriggerInvocation]:
    """Ingest the job's file; record the outcome on the job. Returns the event-trigger
    invocations of the ingested rows."""
    if data is None:
        job.fail("No file was uploaded to the job's Url before the job was started")
        return []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        job.fail(f"The file is not UTF-8 ({error.reason} at byte {error.start})")
        return []
    if text.startswith("\ufeff"):
        job.fail("Missing header: the file starts with a byte order mark (UTF-8 BOM)")
        return []
    try:
        lines = [
            row for row in csv.reader(io.StringIO(text, newline=""), strict=True) if row
        ]
    except csv.Error as error:
        job.fail(f"The file is not valid CSV: {error}", _data_lines(text))
        return []
    if not lines:
        job.fail("Missing header: the file is empty")
        return []
    header, rows = lines[0], lines[1:]
    problem = _header_problem(header)
    if problem is not None:
        job.fail(problem, len(rows))
        return []
    fields = dict(job.fields)
    key_field = job.unique_key
    if key_field not in fields:
        if key_field not in header:
            job.fail(
                f"UniqueKey {job.unique_key} names neither a field of Fields nor a "
                "column of the file",
                len(rows),
            )
            return []
        fields[key_field] = {"Source": f"{SOURCE_PREFIX}{key_field}"}
    keys = {
        key_field: [
            {"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": [key_field]}
        ]
    }
    object_type = domain.upload_object_type(job, fields, keys)
    key_source = str(fields[key_field].get("Source", ""))
    created = updated = 0
    invocations: list[TriggerInvocation] = []
    for number, row in enumerate(rows, start=1):
        try:
            result = _ingest_row(domain, object_type, header, row, key_source, job)
        except RowFailure as error:
            job.failures.append(f"Row {number}: {error}")
            continue
        except CustomerProfilesException as error:  # a quota of the pipeline
            job.failures.append(f"Row {number}: {error.message}")
            continue
        invocations.extend(result.invocations)
        if result.profile_created:
            created += 1
        else:
            updated += 1
    job.finish(created, updated, len(rows) - created - updated)
    return invocations


def _ingest_row(
    domain: Domain,
    object_type: ProfileObjectType,
    header: list[str],
    row: list[str],
    key_source: str,
    job: UploadJob,
) -> Ingested:
    if len(row) != len(header):
        raise RowFailure(f"{len(row)} values, but the header has {len(header)} columns")
    content = {name: value for name, value in zip(header, row, strict=True) if value}
    if source_value(content, key_source) is None:
        raise RowFailure(f"No value for the UniqueKey {job.unique_key}")
    return ingest(domain, object_type, content)


def _header_problem(header: list[str]) -> str | None:
    seen: set[str] = set()
    for number, name in enumerate(header, start=1):
        if not name.strip():
            return f"Column {number} of the header has no name"
        if name in seen:
            return f"The header names column {name} more than once"
        seen.add(name)
    return None


def _data_lines(text: str) -> int:
    """How many rows a file that is not valid CSV seems to have (its non-empty lines
    after the first)."""
    return max(0, sum(1 for line in text.splitlines() if line.strip()) - 1)
