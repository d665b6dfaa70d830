"""CreateProfile, UpdateProfile, DeleteProfile, SearchProfiles, BatchGetProfile,
AddProfileKey, DeleteProfileKey and MergeProfiles."""

from __future__ import annotations

import copy
from typing import Any
from uuid import uuid4

from moto.core.utils import camelcase_to_underscores

from ..engine.export import CREATED, MERGED, UPDATED, export
from ..exceptions import BadRequestException, ResourceNotFoundException
from ..resources.common import not_found_message, paginated
from ..resources.profiles import (
    PROFILE,
    PROFILE_FIELDS,
    Profile,
    SearchResult,
    apply_update,
)
from .base import BackendState


class ProfilesBackend(BackendState):
    # --- profiles -----------------------------------------------------------------------

    def create_profile(self, domain_name: str, **members: Any) -> str:
        domain = self._get_domain(domain_name)
        data = {k: members[_snake(k)] for k in PROFILE_FIELDS if _snake(k) in members}
        profile = Profile(uuid4().hex, data)
        domain.add_profile(profile)
        export(domain, PROFILE, CREATED, profile.as_record())
        return profile.profile_id

    def update_profile(self, domain_name: str, profile_id: str, **members: Any) -> str:
        """An empty string removes a value, as AWS documents; what is not given is kept."""
        domain = self._get_domain(domain_name)
        profile = domain.profile(profile_id)
        updates = {
            k: members[_snake(k)] for k in PROFILE_FIELDS if _snake(k) in members
        }
        apply_update(profile.data, {k: v for k, v in updates.items() if v is not None})
        domain.profile_index.update(profile)
        export(domain, PROFILE, UPDATED, profile.as_record())
        return profile.profile_id

    def delete_profile(self, domain_name: str, profile_id: str) -> str:
        """Removes the profile with its objects; the event stream gets no record."""
        domain = self._get_domain(domain_name)
        domain.profile(profile_id)
        domain.remove_profile(profile_id)
        return "Profile deleted successfully."

    @paginated(lambda r: [r.profile.created_at.isoformat(), r.profile_id])
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
        matches = [domain.profile_index.find(name, vals) for name, vals in searches]
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
                        v
                        for v in vals
                        if profile_id in domain.profile_index.find(name, [v])
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
        profile = domain.profile(profile_id)
        profile.keys.setdefault(key_name, set()).update(values)
        domain.profile_index.update(profile)
        return key_name, values

    def delete_profile_key(
        self, domain_name: str, profile_id: str, key_name: str, values: list[str]
    ) -> str:
        domain = self._get_domain(domain_name)
        profile = domain.profile(profile_id)
        stored = profile.keys.get(key_name, set())
        missing = [v for v in values if v not in stored]
        if missing:
            raise ResourceNotFoundException(
                f"Profile {profile_id} has no key {key_name} with value {missing[0]}."
            )
        stored.difference_update(values)
        if not stored:
            profile.keys.pop(key_name, None)
        domain.profile_index.update(profile)
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
        main = domain.profile(main_profile_id)
        profile_ids_to_be_merged = list(dict.fromkeys(profile_ids_to_be_merged))
        if main_profile_id in profile_ids_to_be_merged:
            raise BadRequestException(
                f"ProfileIdsToBeMerged must not contain the main profile {main_profile_id}"
            )
        duplicates = [domain.profile(p) for p in profile_ids_to_be_merged]
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
            domain.profile_index.remove(duplicate)
            del domain.profiles[duplicate.profile_id]
        domain.profile_index.update(main)
        export(
            domain,
            PROFILE,
            MERGED,
            main.as_record(),
            extra={
                "MergeId": uuid4().hex,
                "DuplicateProfiles": [d.as_record() for d in duplicates],
            },
        )
        return "Successfully merged profiles."


def _snake(name: str) -> str:
    return camelcase_to_underscores(name)
