"""Profiles and profile objects: ingestion through object types, search keys, merging."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from uuid import uuid4

from moto.core.common_models import BaseModel
from moto.core.utils import camelcase_to_underscores, utcnow

from .base import find_in_domain, not_found_message
from .conditions import as_text
from .event_streams import EventStreamsBackend
from .exceptions import BadRequestException, ResourceNotFoundException
from .object_types import ProfileObjectType
from .utils import paginated

if TYPE_CHECKING:
    from .domains import Domain

PROFILE = "_profile"
ADDRESS_FIELDS = ("Address", "ShippingAddress", "MailingAddress", "BillingAddress")
PROFILE_FIELDS = (
    "AccountNumber",
    "AdditionalInformation",
    "PartyType",
    "BusinessName",
    "FirstName",
    "MiddleName",
    "LastName",
    "BirthDate",
    "Gender",
    "PhoneNumber",
    "MobilePhoneNumber",
    "HomePhoneNumber",
    "BusinessPhoneNumber",
    "EmailAddress",
    "PersonalEmailAddress",
    "BusinessEmailAddress",
    *ADDRESS_FIELDS,
    "Attributes",
    "PartyTypeString",
    "GenderString",
    "ProfileType",
    "EngagementPreferences",
)
PHONE_FIELDS = (
    "PhoneNumber",
    "MobilePhoneNumber",
    "HomePhoneNumber",
    "BusinessPhoneNumber",
)
EMAIL_FIELDS = ("EmailAddress", "PersonalEmailAddress", "BusinessEmailAddress")
STRUCTURED_FIELDS = (*ADDRESS_FIELDS, "Attributes", "EngagementPreferences")
SCALAR_FIELDS = tuple(f for f in PROFILE_FIELDS if f not in STRUCTURED_FIELDS)


class Profile(BaseModel):
    """A profile's standard members are held under their AWS names in ``data``."""

    def __init__(self, profile_id: str, data: dict[str, Any]) -> None:
        self.profile_id = profile_id
        self.data = {k: copy.deepcopy(v) for k, v in data.items() if v is not None}
        self.keys: dict[str, set[str]] = {}
        self.created_at = utcnow()

    def __getattr__(self, name: str) -> Any:
        if name in PROFILE_FIELDS:
            return self.data.get(name)
        raise AttributeError(name)

    def as_record(self) -> dict[str, Any]:
        """The profile as the event stream carries it."""
        return {"ProfileId": self.profile_id, **copy.deepcopy(self.data)}

    def standard_keys(self) -> dict[str, set[str]]:
        """The predefined search keys derived from the profile's members."""
        keys: dict[str, set[str]] = {"_profileId": {self.profile_id}}
        if self.data.get("AccountNumber"):
            keys["_account"] = {self.data["AccountNumber"]}
        names = [self.data.get(n) for n in ("FirstName", "MiddleName", "LastName")]
        full_name = " ".join(n for n in names if n)
        if full_name:
            keys["_fullName"] = {full_name}
        phones = {self.data[f] for f in PHONE_FIELDS if self.data.get(f)}
        if phones:
            keys["_phone"] = phones
        emails = {self.data[f] for f in EMAIL_FIELDS if self.data.get(f)}
        if emails:
            keys["_email"] = emails
        return keys

    def all_keys(self) -> dict[str, set[str]]:
        keys = self.standard_keys()
        for name, values in self.keys.items():
            keys.setdefault(name, set()).update(values)
        return keys


class SearchResult:
    """A profile as SearchProfiles returns it, with the keys it was found by."""

    def __init__(self, profile: Profile, found_by: list[dict[str, Any]]) -> None:
        self.profile = profile
        self.profile_id = profile.profile_id
        self.found_by_items = found_by

    def __getattr__(self, name: str) -> Any:
        return getattr(self.profile, name)


class ProfileObject(BaseModel):
    def __init__(
        self,
        object_type_name: str,
        profile_object_unique_key: str,
        content: dict[str, Any],
        profile_id: str | None,
        key_values: dict[str, str],
    ) -> None:
        self.object_type_name = object_type_name
        self.profile_object_unique_key = profile_object_unique_key
        self.content = content
        self.profile_id = profile_id
        self.key_values = key_values
        self.created_at = utcnow()

    @property
    def object(self) -> str:
        return json.dumps(self.content, separators=(",", ":"))


def _unique_key(domain_name: str, object_type_name: str, identity: str) -> str:
    digest = hashlib.sha256(f"{domain_name}/{object_type_name}/{identity}".encode())
    return base64.b64encode(digest.digest()).decode()


def source_value(content: dict[str, Any], source: str) -> Any:
    """``_source.a.b`` names content["a"]["b"]; a missing step gives None."""
    path = source.split(".")
    if path[0] == "_source":
        path = path[1:]
    value: Any = content
    for step in path:
        if not isinstance(value, dict) or step not in value:
            return None
        value = value[step]
    return value


def _as_text(value: Any, field_name: str) -> str:
    text = as_text(value)
    if text is not None:
        return text
    raise BadRequestException(
        f"Field {field_name} cannot be mapped: its source holds a "
        f"{type(value).__name__}, not a scalar value"
    )


class MappedObject:
    """What an ingested object contributes, through its object type."""

    def __init__(self, object_type: ProfileObjectType, content: dict[str, Any]) -> None:
        self.fields: dict[str, str] = {}
        for name, field in object_type.fields.items():
            value = source_value(content, field.get("Source", ""))
            if value is not None:
                self.fields[name] = _as_text(value, name)
        self.profile_updates: dict[str, Any] = {}
        for name, field in object_type.fields.items():
            target = field.get("Target", "")
            if name in self.fields and target.startswith(f"{PROFILE}."):
                self._set_target(target.split(".")[1:], self.fields[name], name)
        self.keys: dict[str, tuple[str, set[str]]] = {}
        for key_name, definitions in object_type.keys.items():
            for definition in definitions:
                parts = [self.fields.get(f) for f in definition.get("FieldNames", [])]
                if parts and all(p is not None for p in parts):
                    value = "_".join(p for p in parts if p is not None)
                    identifiers = set(definition.get("StandardIdentifiers", []))
                    self.keys[key_name] = (value, identifiers)

    def _set_target(self, path: list[str], value: str, field_name: str) -> None:
        member = path[0] if path else ""
        if member == "Attributes" and len(path) == 2:
            self.profile_updates.setdefault("Attributes", {})[path[1]] = value
        elif member in ADDRESS_FIELDS and len(path) == 2:
            self.profile_updates.setdefault(member, {})[path[1]] = value
        elif member in SCALAR_FIELDS and len(path) == 1:
            self.profile_updates[member] = value
        else:
            raise BadRequestException(
                f"Field {field_name} cannot be mapped: _profile.{'.'.join(path)} is not "
                "a profile member"
            )

    def with_identifier(self, identifier: str) -> list[tuple[str, str]]:
        return [
            (name, value)
            for name, (value, identifiers) in self.keys.items()
            if identifier in identifiers
        ]


def _merge_into(data: dict[str, Any], updates: dict[str, Any]) -> bool:
    """Apply mapped values to a profile's members; True when something changed."""
    changed = False
    for member, value in updates.items():
        if isinstance(value, dict):
            current = data.setdefault(member, {})
            for key, item in value.items():
                if current.get(key) != item:
                    current[key] = item
                    changed = True
        elif data.get(member) != value:
            data[member] = value
            changed = True
    return changed


def _apply_update(data: dict[str, Any], updates: dict[str, Any]) -> None:
    """UpdateProfile: an empty string removes a value; what is not given is kept."""
    for member, value in updates.items():
        if isinstance(value, dict) and member != "EngagementPreferences":
            current = data.setdefault(member, {})
            for key, item in value.items():
                if item == "":
                    current.pop(key, None)
                else:
                    current[key] = item
            if not current:
                del data[member]
        elif value == "":
            data.pop(member, None)
        else:
            data[member] = copy.deepcopy(value)


class ProfilesBackend(EventStreamsBackend):
    # --- indexes ------------------------------------------------------------------------

    def _index(self, domain: Domain, profile: Profile) -> None:
        keys = profile.all_keys()
        for name, values in keys.items():
            for value in values:
                domain.profile_index.setdefault((name, value), set()).add(
                    profile.profile_id
                )
        domain.indexed_keys[profile.profile_id] = keys

    def _unindex(self, domain: Domain, profile: Profile) -> None:
        for name, values in domain.indexed_keys.pop(profile.profile_id, {}).items():
            for value in values:
                ids = domain.profile_index.get((name, value))
                if ids is not None:
                    ids.discard(profile.profile_id)
                    if not ids:
                        del domain.profile_index[(name, value)]

    def _reindex(self, domain: Domain, profile: Profile) -> None:
        self._unindex(domain, profile)
        self._index(domain, profile)

    def _find(self, domain: Domain, key_name: str, values: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for value in values:
            found |= domain.profile_index.get((key_name, value), set())
        return found

    def _get_profile(self, domain_name: str, profile_id: str) -> Profile:
        domain = self._get_domain(domain_name)
        return find_in_domain(domain.profiles, "Profile", profile_id, domain_name)

    def _add_profile(self, domain: Domain, data: dict[str, Any]) -> Profile:
        profile = Profile(uuid4().hex, data)
        domain.profiles[profile.profile_id] = profile
        self._index(domain, profile)
        return profile

    # --- profiles -----------------------------------------------------------------------

    def create_profile(self, domain_name: str, **members: Any) -> str:
        domain = self._get_domain(domain_name)
        data = {k: members[_snake(k)] for k in PROFILE_FIELDS if _snake(k) in members}
        profile = self._add_profile(domain, data)
        self.export(domain, PROFILE, "CREATED", profile.as_record())
        return profile.profile_id

    def update_profile(self, domain_name: str, profile_id: str, **members: Any) -> str:
        """An empty string removes a value, as AWS documents; what is not given is kept."""
        domain = self._get_domain(domain_name)
        profile = self._get_profile(domain_name, profile_id)
        updates = {
            k: members[_snake(k)] for k in PROFILE_FIELDS if _snake(k) in members
        }
        _apply_update(profile.data, {k: v for k, v in updates.items() if v is not None})
        self._reindex(domain, profile)
        self.export(domain, PROFILE, "UPDATED", profile.as_record())
        return profile.profile_id

    def delete_profile(self, domain_name: str, profile_id: str) -> str:
        """Removes the profile with its objects; the event stream gets no record."""
        domain = self._get_domain(domain_name)
        profile = self._get_profile(domain_name, profile_id)
        self._unindex(domain, profile)
        del domain.profiles[profile_id]
        for key in [
            k for k, o in domain.profile_objects.items() if o.profile_id == profile_id
        ]:
            del domain.profile_objects[key]
        return "Profile deleted successfully."

    @paginated
    def search_profiles(
        self,
        domain_name: str,
        key_name: str,
        values: list[str],
        additional_search_keys: list[dict[str, Any]] | None = None,
        logical_operator: str | None = None,
    ) -> list[SearchResult]:
        """Keys are looked up in an index: a search does not scan the domain's profiles."""
        domain = self._get_domain(domain_name)
        searches = [(key_name, values)] + [
            (k["KeyName"], k["Values"]) for k in additional_search_keys or []
        ]
        matches = [self._find(domain, name, vals) for name, vals in searches]
        if (logical_operator or "OR") == "AND":
            ids = set.intersection(*matches)
        else:
            ids = set.union(*matches)
        results = []
        for profile_id in ids:
            profile = domain.profiles[profile_id]
            found_by = [
                {
                    "KeyName": name,
                    "Values": [
                        v for v in vals if profile_id in self._find(domain, name, [v])
                    ],
                }
                for (name, vals), match in zip(searches, matches, strict=True)
                if profile_id in match
            ]
            results.append(SearchResult(profile, found_by))
        return sorted(results, key=lambda r: (r.profile.created_at, r.profile_id))

    def batch_get_profile(
        self, domain_name: str, profile_ids: list[str]
    ) -> tuple[list[Profile], list[dict[str, str]]]:
        domain = self._get_domain(domain_name)
        profiles, errors = [], []
        for profile_id in profile_ids:
            profile = domain.profiles.get(profile_id)
            if profile is None:
                errors.append(
                    {
                        "Code": "ResourceNotFoundException",
                        "Message": not_found_message(
                            "Profile", profile_id, domain_name
                        ),
                        "ProfileId": profile_id,
                    }
                )
            else:
                profiles.append(profile)
        return profiles, errors

    def add_profile_key(
        self, domain_name: str, profile_id: str, key_name: str, values: list[str]
    ) -> tuple[str, list[str]]:
        domain = self._get_domain(domain_name)
        profile = self._get_profile(domain_name, profile_id)
        profile.keys.setdefault(key_name, set()).update(values)
        self._reindex(domain, profile)
        return key_name, values

    def delete_profile_key(
        self, domain_name: str, profile_id: str, key_name: str, values: list[str]
    ) -> str:
        domain = self._get_domain(domain_name)
        profile = self._get_profile(domain_name, profile_id)
        stored = profile.keys.get(key_name, set())
        missing = [v for v in values if v not in stored]
        if missing:
            raise ResourceNotFoundException(
                f"Profile {profile_id} has no key {key_name} with value {missing[0]}."
            )
        stored.difference_update(values)
        if not stored:
            profile.keys.pop(key_name, None)
        self._reindex(domain, profile)
        return "Profile key deleted successfully."

    def merge_profiles(
        self,
        domain_name: str,
        main_profile_id: str,
        profile_ids_to_be_merged: list[str],
        field_source_profile_ids: dict[str, Any] | None = None,
    ) -> str:
        """
        Runs at once (AWS runs it as an asynchronous job). Fields are merged as AWS
        documents: union, the main profile winning conflicts unless FieldSourceProfileIds
        names another profile of the merge.
        """
        domain = self._get_domain(domain_name)
        main = self._get_profile(domain_name, main_profile_id)
        profile_ids_to_be_merged = list(dict.fromkeys(profile_ids_to_be_merged))
        if main_profile_id in profile_ids_to_be_merged:
            raise BadRequestException(
                f"ProfileIdsToBeMerged must not contain the main profile {main_profile_id}"
            )
        duplicates = [
            self._get_profile(domain_name, p) for p in profile_ids_to_be_merged
        ]
        involved = {p.profile_id: p for p in [main, *duplicates]}
        sources = field_source_profile_ids or {}
        for field, source in sources.items():
            picks = source.values() if field == "Attributes" else [source]
            for pick in picks:
                if pick not in involved:
                    raise BadRequestException(
                        f"FieldSourceProfileIds.{field}: profile {pick} is not part of "
                        "this merge"
                    )
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
                    value = involved[pick].data.get("Attributes", {}).get(attribute)
                    attributes = merged.setdefault("Attributes", {})
                    if value is None:
                        attributes.pop(attribute, None)
                    else:
                        attributes[attribute] = value
            else:
                value = involved[source].data.get(field)
                if value is None:
                    merged.pop(field, None)
                else:
                    merged[field] = copy.deepcopy(value)
        main.data = merged
        for duplicate in duplicates:
            for name, values in duplicate.all_keys().items():
                if name != "_profileId":
                    main.keys.setdefault(name, set()).update(values)
            for profile_object in domain.profile_objects.values():
                if profile_object.profile_id == duplicate.profile_id:
                    profile_object.profile_id = main.profile_id
            self._unindex(domain, duplicate)
            del domain.profiles[duplicate.profile_id]
        self._reindex(domain, main)
        self.export(
            domain,
            PROFILE,
            "MERGED",
            main.as_record(),
            extra={
                "MergeId": uuid4().hex,
                "DuplicateProfiles": [d.as_record() for d in duplicates],
            },
        )
        return "Successfully merged profiles."

    # --- profile objects ----------------------------------------------------------------

    def put_profile_object(
        self, domain_name: str, object_type_name: str, object: str
    ) -> str:
        """
        The object is mapped through its object type: ``Source`` paths of the form
        ``_source.a.b``, ``Target`` members of ``_profile`` (standard members, addresses,
        ``Attributes.<name>``), and keys made of the named fields joined by ``_``.
        MaxProfileObjectCount removes a profile's oldest objects of the type.
        """
        domain = self._get_domain(domain_name)
        object_type = self._get_object_type(domain_name, object_type_name)
        try:
            content = json.loads(object)
        except ValueError:
            raise BadRequestException("Object is not valid JSON") from None
        if not isinstance(content, dict):
            raise BadRequestException("Object must be a JSON object")
        mapped = MappedObject(object_type, content)
        unique = mapped.with_identifier("UNIQUE")
        identity = unique[0][1] if unique else json.dumps(content, sort_keys=True)
        unique_key = _unique_key(domain_name, object_type_name, identity)
        existing = domain.profile_objects.get((object_type_name, unique_key))

        profile = (
            domain.profiles.get(existing.profile_id)
            if existing and existing.profile_id
            else None
        )
        profile = profile or self._match_profile(domain, mapped)
        profile_created = False
        if profile is None and object_type.allow_profile_creation:
            profile = self._add_profile(domain, {})
            profile_created = True
        profile_changed = False
        if profile is not None:
            profile_changed = _merge_into(profile.data, mapped.profile_updates)
            for identifier in ("PROFILE", "SECONDARY", "NEW_ONLY"):
                if identifier == "NEW_ONLY" and not profile_created:
                    continue
                for name, value in mapped.with_identifier(identifier):
                    profile.keys.setdefault(name, set()).add(value)
            self._reindex(domain, profile)

        stored = ProfileObject(
            object_type_name,
            unique_key,
            content,
            profile.profile_id if profile else None,
            {name: value for name, (value, _) in mapped.keys.items()},
        )
        if existing is not None:
            stored.created_at = existing.created_at
            # An updated object counts as the newest for MaxProfileObjectCount.
            del domain.profile_objects[(object_type_name, unique_key)]
        domain.profile_objects[(object_type_name, unique_key)] = stored
        if profile is not None:
            self._enforce_max_objects(domain, object_type, profile.profile_id)

        if profile is not None and (profile_created or profile_changed):
            self.export(
                domain,
                PROFILE,
                "CREATED" if profile_created else "UPDATED",
                profile.as_record(),
            )
        self.export(
            domain,
            object_type_name,
            "UPDATED" if existing else "CREATED",
            content,
            extra={
                "AssociatedProfileId": stored.profile_id,
                "ProfileObjectUniqueKey": unique_key,
            },
        )
        self.after_put_profile_object(domain, object_type, stored)
        return unique_key

    def after_put_profile_object(
        self, domain: Domain, object_type: ProfileObjectType, stored: ProfileObject
    ) -> None:
        """A hook for what runs on ingestion after the object is stored."""

    def _match_profile(self, domain: Domain, mapped: MappedObject) -> Profile | None:
        for identifier in ("PROFILE", "LOOKUP_ONLY", "NEW_ONLY", "SECONDARY"):
            for name, value in mapped.with_identifier(identifier):
                ids = domain.profile_index.get((name, value))
                if ids:
                    return domain.profiles[min(ids)]
        return None

    def _enforce_max_objects(
        self, domain: Domain, object_type: ProfileObjectType, profile_id: str
    ) -> None:
        limit = object_type.max_profile_object_count
        if limit is None:
            return
        owned = [
            key
            for key, o in domain.profile_objects.items()
            if o.profile_id == profile_id
            and o.object_type_name == object_type.object_type_name
        ]
        for key in owned[: max(0, len(owned) - limit)]:
            del domain.profile_objects[key]

    @paginated
    def list_profile_objects(
        self,
        domain_name: str,
        object_type_name: str,
        profile_id: str,
        object_filter: dict[str, Any] | None = None,
    ) -> list[ProfileObject]:
        domain = self._get_domain(domain_name)
        self._get_object_type(domain_name, object_type_name)
        self._get_profile(domain_name, profile_id)
        objects = [
            o
            for o in domain.profile_objects.values()
            if o.profile_id == profile_id and o.object_type_name == object_type_name
        ]
        if object_filter:
            wanted = set(object_filter["Values"])
            objects = [
                o
                for o in objects
                if o.key_values.get(object_filter["KeyName"]) in wanted
            ]
        return objects

    def delete_profile_object(
        self,
        domain_name: str,
        profile_id: str,
        profile_object_unique_key: str,
        object_type_name: str,
    ) -> str:
        domain = self._get_domain(domain_name)
        self._get_profile(domain_name, profile_id)
        stored = domain.profile_objects.get(
            (object_type_name, profile_object_unique_key)
        )
        if stored is None or stored.profile_id != profile_id:
            raise ResourceNotFoundException(
                f"Profile object {profile_object_unique_key} of type {object_type_name} "
                f"does not exist for profile {profile_id}."
            )
        del domain.profile_objects[(object_type_name, profile_object_unique_key)]
        return "Profile object deleted successfully."


def _snake(name: str) -> str:
    return camelcase_to_underscores(name)
