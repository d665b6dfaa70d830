"""The one merge of profiles: MergeProfiles and the merges that follow rule-based
matching both call ``merge``, so profile history, the event stream and segment
membership events see them alike."""

from __future__ import annotations

import copy
from typing import Any

from moto.moto_api._internal import mock_random

from ..resources import history
from ..resources.domains import Domain
from ..resources.profiles import PROFILE, PROFILE_ID_KEY, Profile, check_profile_size
from . import segment_events
from .export import MERGED, export
from .history import record


def merge(
    domain: Domain,
    main: Profile,
    duplicates: list[Profile],
    field_source_profile_ids: dict[str, Any] | None = None,
) -> None:
    """Fields are merged as AWS documents: union, the main profile winning conflicts
    unless FieldSourceProfileIds names another profile (of the merge, or any other
    profile of the domain; an id that names no profile is ignored)."""
    profiles = domain.profiles
    sources: dict[str, Any] = {}
    for field, source in (field_source_profile_ids or {}).items():
        if field == "Attributes":
            picks = {a: p for a, p in source.items() if p in profiles}
            if picks:
                sources[field] = picks
        elif source in profiles:
            sources[field] = source
    field_owners: dict[str, str] = {}
    for duplicate in reversed(duplicates):
        field_owners.update(duplicate.field_sources)
    field_owners.update(main.field_sources)
    merged = copy.deepcopy(main.data)
    for duplicate in duplicates:
        for member, value in duplicate.data.items():
            if isinstance(value, dict) and member != "EngagementPreferences":
                target = merged.setdefault(member, {})
                for key, item in value.items():
                    target.setdefault(key, copy.deepcopy(item))
            else:
                merged.setdefault(member, copy.deepcopy(value))
    for field, source in sources.items():
        if field == "Attributes":
            for attribute, pick in source.items():
                value = profiles[pick].data.get("Attributes", {}).get(attribute)
                attributes = merged.setdefault("Attributes", {})
                if value is None:
                    attributes.pop(attribute, None)
                else:
                    attributes[attribute] = value
        else:
            value = profiles[source].data.get(field)
            if value is None:
                merged.pop(field, None)
            else:
                merged[field] = copy.deepcopy(value)
    check_profile_size(merged, main.keys)
    main.data = merged
    main.field_sources = field_owners
    main.forget_sources(sources)
    for duplicate in duplicates:
        for name, values in duplicate.all_keys().items():
            if name != PROFILE_ID_KEY:
                main.add_key_values(name, sorted(values))
        domain.move_objects(duplicate.profile_id, main.profile_id)
        domain.profile_index.remove(duplicate)
        del domain.profiles[duplicate.profile_id]
    domain.profile_index.update(main)
    record(domain, main.profile_id, history.MERGED, PROFILE, main.as_record())
    for duplicate in duplicates:
        record(
            domain,
            duplicate.profile_id,
            history.DELETED_BY_MERGE,
            PROFILE,
            duplicate.as_record(),
        )
    export(
        domain,
        PROFILE,
        MERGED,
        main.as_record(),
        extra={
            "MergeId": mock_random.uuid4().hex,
            "DuplicateProfiles": [d.as_record() for d in duplicates],
        },
    )
    # the merged-away profiles leave their segments, then the merged one may join
    segment_events.profiles_changed(
        domain, [*(d.profile_id for d in duplicates), main.profile_id]
    )
