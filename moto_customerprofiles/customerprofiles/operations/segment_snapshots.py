"""CreateSegmentSnapshot and GetSegmentSnapshot."""

from __future__ import annotations

from ..engine.segment_snapshots import complete, member_records
from ..exceptions import BadRequestException, ResourceNotFoundException
from ..resources.segment_snapshots import SegmentSnapshot
from .base import BackendState


class SegmentSnapshotsBackend(BackendState):
    def create_segment_snapshot(
        self,
        domain_name: str,
        segment_definition_name: str,
        data_format: str,
        encryption_key: str | None = None,
        role_arn: str | None = None,
        destination_uri: str | None = None,
    ) -> SegmentSnapshot:
        """
        The members are the segment's at this moment (a SQL segment's: those a test set
        with ``set_segment_members``); they are written to moto's S3 when the snapshot
        completes (see the README for the file layout). A destination that is not an
        ``s3://`` URI of an existing bucket of the account leaves the snapshot FAILED
        with a StatusMessage. The role is not assumed; the key is recorded on the
        objects (SSE-KMS), nothing is encrypted. ORC is written with pyarrow, an
        optional dependency (``moto-customerprofiles[orc]``); without it the snapshot
        FAILS with a StatusMessage. The daily quota of 200 snapshots is not enforced.
        """
        domain = self._get_domain(domain_name)
        segment = domain.segment_definition(segment_definition_name)
        if destination_uri is None:
            raise BadRequestException(
                "DestinationUri must be provided when the request is not submitted "
                "from the Connect admin website"
            )
        records, failure = member_records(domain, segment)
        snapshot = SegmentSnapshot(
            segment_definition_name,
            data_format,
            encryption_key,
            role_arn,
            destination_uri,
            records,
            failure,
        )
        domain.segment_snapshots[snapshot.snapshot_id] = snapshot
        complete(snapshot, self.account_id, self.partition)
        return snapshot

    def get_segment_snapshot(
        self, domain_name: str, segment_definition_name: str, snapshot_id: str
    ) -> SegmentSnapshot:
        domain = self._get_domain(domain_name)
        domain.segment_definition(segment_definition_name)
        snapshot = domain.segment_snapshots.get(snapshot_id)
        if (
            snapshot is None
            or snapshot.segment_definition_name != segment_definition_name
        ):
            raise ResourceNotFoundException(
                f"Segment snapshot {snapshot_id} does not exist for segment definition "
                f"{segment_definition_name}."
            )
        snapshot.described()
        complete(snapshot, self.account_id, self.partition)
        return snapshot
