"""ML identity resolution: the match groups a test sets (AWS's model cannot be
reproduced), the weekly identity-resolution jobs, their S3 export, and auto-merging by
consolidation criteria.

A job starts when the service's clock reaches its JobStartTime (checked whenever a
request names the domain); its status then goes through moto's state manager. When it
completes it reviews the domain's profiles, takes the match groups set at that moment,
auto-merges when AutoMerging is enabled, writes the groups to S3 when an ExportingConfig
is set, and the next week's job is PENDING.

Consolidation, as the admin guide documents it: the attributes of a criterion are
AND-ed with exact comparison; criteria are applied in order, each to the profiles the
previous ones consolidated and the rest of the group (OR); groups scoring below
MinAllowedConfidenceScoreForMerging are not merged.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

from ..exceptions import BadRequestException
from ..moto_services import s3_bucket_exists, s3_put
from ..resources.clock import now
from ..resources.domains import Domain
from ..resources.matching import (
    COMPLETED,
    IdentityResolutionJob,
    JobProgress,
    MatchGroup,
)
from ..resources.profiles import (
    ADDRESS_FIELDS,
    ADDRESS_MEMBERS,
    SCALAR_FIELDS,
    Profile,
)
from .matching import field_sources, main_profile, profiles_changed
from .merging import merge

# The scalar profile members AWS's export file has a column for: AWS's own test data
# (below) has none for MiddleName, PartyTypeString, GenderString or ProfileType.
EXPORT_SCALARS = tuple(
    f
    for f in SCALAR_FIELDS
    if f not in ("MiddleName", "PartyTypeString", "GenderString", "ProfileType")
)
# The columns of AWS's export file, as AWS's own solution's test data shows it.
EXPORT_HEADER = (
    "MatchingGroupId",
    "ConfidenceScore",
    "ProfileId",
    *EXPORT_SCALARS,
    *(f"{a}.{m}" for a in ADDRESS_FIELDS for m in ADDRESS_MEMBERS),
    "Attributes",
)


def ml_groups(domain: Domain) -> list[MatchGroup]:
    """The groups set, without the profiles since deleted or merged away; a group left
    with fewer than two profiles is not shown."""
    shown = []
    for group in domain.identity_resolution.ml_groups:
        ids = [p for p in group.profile_ids if p in domain.profiles]
        if len(ids) >= 2:
            kept = MatchGroup(
                group.match_id, ids, confidence_score=group.confidence_score
            )
            kept.position = group.position
            shown.append(kept)
    return shown


def run_due_jobs(domain: Domain, account_id: str, partition: str) -> None:
    """Start the jobs whose JobStartTime has come; finish those now COMPLETED."""
    resolution = domain.identity_resolution
    if not resolution.jobs:
        return
    moment = now()
    for job in list(resolution.jobs.values()):
        if job.progress is None and not job.failed and job.job_start_time <= moment:
            auto = job.auto_merging or {}
            job.progress = JobProgress(bool(auto.get("Enabled")))
            job.last_updated_at = moment
        if job.progress is not None and not job.finished and job.status == COMPLETED:
            _finish(domain, job, account_id, partition)


def _finish(
    domain: Domain, job: IdentityResolutionJob, account_id: str, partition: str
) -> None:
    moment = now()
    job.finished = True
    reviewed = len(domain.profiles)
    groups = ml_groups(domain)
    merges = 0
    auto = job.auto_merging or {}
    if auto.get("Enabled"):
        merges = _auto_merge(domain, groups, auto)
    job.job_stats = {
        "NumberOfProfilesReviewed": reviewed,
        "NumberOfMatchesFound": len(groups),
        "NumberOfMergesDone": merges,
    }
    exporting = (job.matching.get("ExportingConfig") or {}).get("S3Exporting")
    if exporting:
        _export(domain, job, exporting, groups, account_id, partition)
    job.job_end_time = moment
    job.last_updated_at = moment
    job.job_expiration_time = moment + timedelta(days=domain.default_expiration_days)
    domain.identity_resolution.match_generation_date = moment
    matching = domain.identity_resolution.matching or {}
    if matching.get("Enabled"):
        domain.identity_resolution.set_matching(
            matching, domain.domain_name, max(moment, job.job_start_time)
        )


def consolidate(
    domain: Domain, group: MatchGroup, criteria: list[list[str]]
) -> list[list[Profile]]:
    """The sets of a group's profiles the criteria consolidate (two or more each)."""
    sets: list[list[Profile]] = [
        [domain.profiles[p]] for p in group.profile_ids if p in domain.profiles
    ]
    for criterion in criteria:
        merged: dict[tuple[str, ...], list[Profile]] = {}
        rest: list[list[Profile]] = []
        for members in sets:
            values = _criterion_values(members[0], criterion)
            if values is None:
                rest.append(members)
            else:
                merged.setdefault(values, []).extend(members)
        sets = rest + list(merged.values())
    return [s for s in sets if len(s) >= 2]


def _criterion_values(profile: Profile, criterion: list[str]) -> tuple[str, ...] | None:
    """A profile's values of a criterion's attributes (dotted paths), None when one is
    missing."""
    values = []
    for attribute in criterion:
        value: Any = profile.data
        for part in attribute.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or value == "":
            return None
        values.append(str(value))
    return tuple(values)


def preview(
    domain: Domain, criteria: list[list[str]], minimum: float | None
) -> tuple[int, int, int]:
    """(groups in the sample, their profiles, profiles that would be merged): every
    group set is the sample."""
    groups = ml_groups(domain)
    would_merge = 0
    for group in groups:
        if minimum is not None and (group.confidence_score or 0.0) < minimum:
            continue
        would_merge += sum(len(s) for s in consolidate(domain, group, criteria))
    return len(groups), sum(len(g.profile_ids) for g in groups), would_merge


def _auto_merge(domain: Domain, groups: list[MatchGroup], auto: dict[str, Any]) -> int:
    criteria = (auto.get("Consolidation") or {}).get("MatchingAttributesList") or []
    minimum = auto.get("MinAllowedConfidenceScoreForMerging")
    config = {"ConflictResolution": auto.get("ConflictResolution") or {}}
    merges = 0
    for group in groups:
        if minimum is not None and (group.confidence_score or 0.0) < minimum:
            continue
        for members in consolidate(domain, group, criteria):
            main = main_profile(domain, members)
            duplicates = [p for p in members if p is not main]
            sources = field_sources(domain, main, members, config)
            try:
                merge(domain, main, duplicates, sources)
            except BadRequestException:
                continue
            merges += len(duplicates)
            profiles_changed(domain, [p.profile_id for p in members])
    return merges


def export_rows(domain: Domain, groups: list[MatchGroup]) -> str:
    """The CSV AWS writes: one row per profile of a group."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_HEADER)
    for group in groups:
        for profile_id in group.profile_ids:
            profile = domain.profiles.get(profile_id)
            if profile is None:
                continue
            data = profile.data
            row: list[Any] = [group.match_id, group.confidence_score, profile_id]
            row += [data.get(name, "") for name in EXPORT_SCALARS]
            for address in ADDRESS_FIELDS:
                fields = data.get(address) or {}
                row += [fields.get(member, "") for member in ADDRESS_MEMBERS]
            attributes = data.get("Attributes") or {}
            row.append(
                "{" + ", ".join(f"{k}={v}" for k, v in attributes.items()) + "}"
                if attributes
                else ""
            )
            writer.writerow(row)
    return out.getvalue()


def _export(
    domain: Domain,
    job: IdentityResolutionJob,
    exporting: dict[str, Any],
    groups: list[MatchGroup],
    account_id: str,
    partition: str,
) -> None:
    bucket = exporting.get("S3BucketName", "")
    prefix = str(exporting.get("S3KeyName") or "").strip("/")
    name = (
        f"{job.job_id}/CustomerProfilesPendingMatches-{domain.domain_name}-part-0.csv"
    )
    key = f"{prefix}/{name}" if prefix else name
    if not s3_bucket_exists(account_id, partition, bucket):
        job.failed = True
        job.message = (
            f"Could not write the results to S3 bucket {bucket}: it does not exist "
            "or Customer Profiles may not write to it."
        )
        return
    s3_put(account_id, partition, bucket, key, export_rows(domain, groups).encode())
    job.exporting_location = {"S3Exporting": {"S3BucketName": bucket, "S3KeyName": key}}
