"""GetProfileHistoryRecord and ListProfileHistoryRecords."""

from __future__ import annotations

from ..engine.history import find_record
from ..exceptions import ResourceNotFoundException
from ..resources.common import paginated
from ..resources.history import ProfileHistoryRecord
from .base import BackendState


class ProfileHistoryBackend(BackendState):
    def get_profile_history_record(
        self, domain_name: str, profile_id: str, id: str
    ) -> ProfileHistoryRecord:
        """A profile's records stay readable after it is deleted or merged away."""
        domain = self._get_domain(domain_name)
        entry = find_record(domain, id)
        if entry is None or entry.profile_id != profile_id:
            raise ResourceNotFoundException(
                f"Profile history record {id} does not exist for profile {profile_id}."
            )
        return entry

    @paginated(lambda r: r.sequence)
    def list_profile_history_records(
        self,
        domain_name: str,
        profile_id: str,
        object_type_name: str | None = None,
        action_type: str | None = None,
        performed_by: str | None = None,
    ) -> list[ProfileHistoryRecord]:
        """
        Oldest first, filtered by the members given (exact match). A profile with no
        record (or none known) gives an empty list.
        """
        domain = self._get_domain(domain_name)
        return [
            r
            for r in domain.history_by_profile.get(profile_id, [])
            if (object_type_name is None or r.object_type_name == object_type_name)
            and (action_type is None or r.action_type == action_type)
            and (performed_by is None or r.performed_by == performed_by)
        ]
