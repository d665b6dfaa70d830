"""The ingestion pipeline: what happens to an object of a type, top to bottom.

1. map it through the object type (fields, profile targets, keys);
2. identify it (its UNIQUE key) and find the object it replaces;
3. match its profile by key, or create one when the type allows it;
4. merge its values and keys into the profile;
5. store it (MaxProfileObjectCount keeps the profile's newest objects of the type);
6. store the standard objects its fields target (``_asset.*``, ``_order.*``, ``_case.*``,
   ``_communicationRecord.*``) for its profile;
7. then its consumers, in order: profile history (the profile's CREATED or UPDATED
   record, then the object's INGESTED record), event-stream export (the profile's
   record first, then the object's), event-trigger evaluation, then the profile's change
   (``changes.profiles_changed``: rule-based identity resolution, which may merge the
   profile, and segment membership events).

PutProfileObject calls ``ingest``; every later way in (BatchPutProfileObject, upload
jobs, AppFlow workflows) calls it too, and every new consumer (profile history,
calculated attributes, segment membership events) is added to ``_consume``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from moto.moto_api._internal import mock_random

from ..resources import history
from ..resources.clock import now, request_clock
from ..resources.domains import Domain
from ..resources.event_triggers import TriggerInvocation
from ..resources.object_types import ProfileObjectType
from ..resources.profiles import (
    PROFILE,
    STANDARD_OBJECT_TYPES,
    STANDARD_OBJECTS,
    Profile,
    ProfileObject,
    check_objects_per_profile,
    check_profile_size,
    with_values,
)
from ..resources.values import dumps, parse_json
from .changes import profiles_changed
from .export import CREATED, UPDATED, export
from .history import record
from .mapping import (
    MappedObject,
    merge_into,
    standard_object_contents,
    unique_key,
)
from .trigger_evaluation import evaluate_triggers

MATCH_ORDER = ("PROFILE", "LOOKUP_ONLY", "NEW_ONLY", "SECONDARY")


@dataclass
class Ingested:
    """What one ingestion did, for its consumers and its caller."""

    stored: ProfileObject
    replaced: ProfileObject | None
    profile: Profile | None
    profile_created: bool = False
    profile_changed: bool = False
    invocations: list[TriggerInvocation] = field(default_factory=list)
    standard_objects: list[ProfileObject] = field(default_factory=list)


def ingest(
    domain: Domain, object_type: ProfileObjectType, content: dict[str, Any]
) -> Ingested:
    """Ingest one object (a parsed JSON object) of ``object_type`` into ``domain``.

    A mapping never refuses; the documented quotas (objects per profile, profile
    size) refuse before anything is stored. One ingestion happens at one moment: its
    profile, object and history records share one timestamp (and its memory).
    """
    with request_clock(now()):
        return _ingest(domain, object_type, content)


def _ingest(
    domain: Domain, object_type: ProfileObjectType, content: dict[str, Any]
) -> Ingested:
    mapped = MappedObject(object_type, content)
    key = _identify(domain, object_type, mapped, content)
    replaced = domain.profile_objects.get((object_type.object_type_name, key))
    profile = _match_profile(domain, mapped, replaced)
    if profile is not None:
        _check_quotas(domain, object_type, profile, mapped, replaced)
    created = False
    if profile is None and object_type.allow_profile_creation:
        profile, created = Profile(mock_random.uuid4().hex, {}), True
        _check_quotas(domain, object_type, profile, mapped, replaced)
        domain.add_profile(profile)
    changed = _update_profile(domain, profile, mapped, created)
    if profile is not None:
        profile.note_sources(mapped.profile_updates, object_type.object_type_name)
    stored = _store(domain, object_type, key, content, mapped, profile)
    result = Ingested(stored, replaced, profile, created, changed)
    result.standard_objects = _store_standard_objects(
        domain, object_type, mapped, stored
    )
    _consume(domain, object_type, result)
    return result


def _identify(
    domain: Domain,
    object_type: ProfileObjectType,
    mapped: MappedObject,
    content: dict[str, Any],
) -> str:
    """The object's unique key: from its UNIQUE key's value, else from its content."""
    unique = mapped.with_identifier("UNIQUE")
    identity = unique[0][1] if unique else dumps(content, sort_keys=True)
    return unique_key(domain.domain_name, object_type.object_type_name, identity)


def _match_profile(
    domain: Domain, mapped: MappedObject, replaced: ProfileObject | None
) -> Profile | None:
    """The replaced object's profile, else the first found by key (or None)."""
    if replaced is not None and replaced.profile_id in domain.profiles:
        return domain.profiles[replaced.profile_id]
    for identifier in MATCH_ORDER:
        for name, value in mapped.with_identifier(identifier):
            ids = domain.profile_index.find(name, [value])
            if ids:
                return domain.profiles[min(ids)]
    return None


def _check_quotas(
    domain: Domain,
    object_type: ProfileObjectType,
    profile: Profile,
    mapped: MappedObject,
    replaced: ProfileObject | None,
) -> None:
    """Objects per profile (after MaxProfileObjectCount's eviction) and profile size."""
    if replaced is None or replaced.profile_id != profile.profile_id:
        owned = [
            o
            for o in domain.objects_of(profile.profile_id)
            if o.object_type_name not in STANDARD_OBJECT_TYPES
        ]
        limit = object_type.max_profile_object_count
        of_type = sum(
            1 for o in owned if o.object_type_name == object_type.object_type_name
        )
        evicted = 1 if limit is not None and of_type >= limit else 0
        check_objects_per_profile(len(owned) + 1 - evicted)
    data = copy.deepcopy(profile.data)
    merge_into(data, mapped.profile_updates)
    keys = dict(profile.keys)
    for name, (value, _) in mapped.keys.items():
        keys[name] = with_values(keys.get(name, ()), [value])
    check_profile_size(data, keys)


def _update_profile(
    domain: Domain, profile: Profile | None, mapped: MappedObject, created: bool
) -> bool:
    """Merge the mapped values and keys; True when a profile member changed."""
    if profile is None:
        return False
    changed = merge_into(profile.data, mapped.profile_updates)
    for identifier in ("PROFILE", "SECONDARY", "NEW_ONLY"):
        if identifier == "NEW_ONLY" and not created:
            continue
        for name, value in mapped.with_identifier(identifier):
            profile.add_key_values(name, [value])
    domain.profile_index.update(profile)
    return changed


def _store(
    domain: Domain,
    object_type: ProfileObjectType,
    key: str,
    content: dict[str, Any],
    mapped: MappedObject,
    profile: Profile | None,
) -> ProfileObject:
    name = object_type.object_type_name
    stored = ProfileObject(
        name,
        key,
        content,
        profile.profile_id if profile else None,
        object_type,
    )
    domain.store_object(stored)
    if profile is not None:
        _enforce_max_objects(domain, object_type, profile.profile_id)
    return stored


def _store_standard_objects(
    domain: Domain,
    object_type: ProfileObjectType,
    mapped: MappedObject,
    stored: ProfileObject,
) -> list[ProfileObject]:
    """Each standard object is found by its identifier (AssetId, BookingId, ...), else by
    the key carrying its standard identifier (AIR_BOOKING, LOYALTY, ...: "the object is
    assigned to that air booking"), else by the object it came from; an existing one is
    updated member by member, not replaced ("standard objects are not replaced"
    wholesale, unlike profile objects)."""
    if stored.profile_id is None:
        return []
    result = []
    contents = standard_object_contents(object_type, mapped.fields)
    for type_name, content in contents.items():
        spec = STANDARD_OBJECTS[type_name]
        identifier = content.get(spec["identifier"])
        if not isinstance(identifier, str):
            named = mapped.with_identifier(spec["standard_identifier"])
            identifier = (
                named[0][1]
                if named
                else f"{stored.object_type_name}/{stored.profile_object_unique_key}"
            )
        key = unique_key(domain.domain_name, type_name, identifier)
        existing = domain.profile_objects.get((type_name, key))
        merged = parse_json(existing.object) if existing is not None else {}
        merge_into(merged, content)
        standard = ProfileObject(type_name, key, merged, stored.profile_id)
        domain.store_object(standard)
        result.append(standard)
        _index_standard_object(domain, stored.profile_id, spec, merged)
    return result


def _index_standard_object(
    domain: Domain, profile_id: str, spec: dict[str, Any], content: dict[str, Any]
) -> None:
    """The standard object's indexed fields become search keys of its profile: each
    type's page names its index (``_caseId`` -> CaseId, ``_hotelPreferenceId`` ->
    PreferenceId) for SearchProfiles, whose KeyName lists ``_assetId``, ``_caseId`` and
    ``_orderId``. A key stays when the object later changes (as object keys do)."""
    profile = domain.profiles.get(profile_id)
    if profile is None:
        return
    for key_name, field_name in spec["search_keys"].items():
        value = content.get(field_name)
        if isinstance(value, str) and value:
            profile.add_key_values(key_name, [value])
    domain.profile_index.update(profile)


def _enforce_max_objects(
    domain: Domain, object_type: ProfileObjectType, profile_id: str
) -> None:
    limit = object_type.max_profile_object_count
    if limit is None:
        return
    owned = domain.objects_of(profile_id, object_type.object_type_name)
    for o in owned[: max(0, len(owned) - limit)]:
        domain.remove_object((o.object_type_name, o.profile_object_unique_key))


def _consume(domain: Domain, object_type: ProfileObjectType, result: Ingested) -> None:
    """Everything that follows a stored object, in the order AWS's effects are seen."""
    stored, profile = result.stored, result.profile
    if profile is not None:
        if result.profile_created or result.profile_changed:
            action = history.CREATED if result.profile_created else history.UPDATED
            record(domain, profile.profile_id, action, PROFILE, profile.as_record())
        record(
            domain,
            profile.profile_id,
            history.INGESTED,
            object_type.object_type_name,
            stored,
            stored.profile_object_unique_key,
        )
    if profile is not None and (result.profile_created or result.profile_changed):
        export(
            domain,
            PROFILE,
            CREATED if result.profile_created else UPDATED,
            profile.as_record(),
        )
    export(
        domain,
        object_type.object_type_name,
        UPDATED if result.replaced else CREATED,
        stored.content,
        extra={
            "AssociatedProfileId": stored.profile_id,
            "ProfileObjectUniqueKey": stored.profile_object_unique_key,
        },
    )
    result.invocations = evaluate_triggers(domain, object_type, stored, now())
    if profile is not None:
        profiles_changed(
            domain,
            [profile.profile_id],
            members_changed=result.profile_created or result.profile_changed,
        )
