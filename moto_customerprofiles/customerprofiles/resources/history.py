"""Profile history records: what happened to a profile, one record per change."""

from __future__ import annotations

from datetime import datetime

from .profiles import ProfileObject

# The model's ActionType values.
CREATED = "CREATED"
UPDATED = "UPDATED"
INGESTED = "INGESTED"
MERGED = "MERGED"
ADDED_PROFILE_KEY = "ADDED_PROFILE_KEY"
DELETED_PROFILE_KEY = "DELETED_PROFILE_KEY"
DELETED_BY_CUSTOMER = "DELETED_BY_CUSTOMER"
DELETED_BY_MERGE = "DELETED_BY_MERGE"

# A record's Id is 32 hexadecimal digits: its domain's random prefix, then its place
# in the domain's history (not a random id of its own: 81 bytes less per record).
HISTORY_ID_PREFIX_LENGTH = 24
HISTORY_ID_PLACE_DIGITS = 32 - HISTORY_ID_PREFIX_LENGTH


class ProfileHistoryRecord:
    """One record; ``content`` is the JSON text of the profile, object or key. An
    ingested object's record holds the stored object itself (never changed once stored:
    a later put stores a new one) and writes its text when read, not a second copy.
    Not a moto ``BaseModel`` (which keeps every instance it makes): a profile's records
    are many and small."""

    __slots__ = (
        "id_prefix",
        "profile_id",
        "object_type_name",
        "action_type",
        "_content",
        "performed_by",
        "created_at",
        "sequence",
        "profile_object_unique_key",
    )

    def __init__(
        self,
        id_prefix: str,
        profile_id: str,
        object_type_name: str,
        action_type: str,
        content: str | ProfileObject,
        performed_by: str,
        created_at: datetime,
        sequence: int,
        profile_object_unique_key: str | None = None,
    ) -> None:
        self.id_prefix = id_prefix
        self.profile_id = profile_id
        self.object_type_name = object_type_name
        self.action_type = action_type
        self._content = content
        self.performed_by = performed_by
        self.created_at = created_at
        self.sequence = sequence  # its place in the domain's history
        self.profile_object_unique_key = profile_object_unique_key

    @property
    def id(self) -> str:
        return f"{self.id_prefix}{self.sequence:0{HISTORY_ID_PLACE_DIGITS}x}"

    @property
    def last_updated_at(self) -> datetime:
        """A record is never changed once written."""
        return self.created_at

    @property
    def content(self) -> str:
        content = self._content
        return content if isinstance(content, str) else content.object
