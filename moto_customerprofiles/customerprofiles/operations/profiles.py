"""CreateProfile, UpdateProfile, DeleteProfile, SearchProfiles, BatchGetProfile,
AddProfileKey, DeleteProfileKey and MergeProfiles."""

from __future__ import annotations

import copy
from typing import Any

from moto.moto_api._internal import mock_random

from ..engine.changes import profiles_changed
from ..engine.export import CREATED, UPDATED, export
from ..engine.history import record
from ..engine.merging import merge
from ..resources import history
from ..resources.common import paginated
from ..resources.profiles import (
    PROFILE,
    PROFILE_FIELDS,
    Profile,
    SearchResult,
    apply_update,
    check_profile_size,
    missing_profile,
    with_values,
)
from .base import BackendState


class ProfilesBackend(BackendState):
    # --- profiles -----------------------------------------------------------------------

    def create_profile(self, domain_name: str, fields: dict[str, Any]) -> str:
        """``fields``: the standard profile members given, by their AWS names."""
        domain = self._get_domain(domain_name)
        data = {k: v for k, v in fields.items() if k in PROFILE_FIELDS}
        profile = Profile(mock_random.uuid4().hex, data)
        check_profile_size(profile.data, profile.keys)
        domain.add_profile(profile)
        record(
            domain, profile.profile_id, history.CREATED, PROFILE, profile.as_record()
        )
        export(domain, PROFILE, CREATED, profile.as_record())
        profiles_changed(domain, [profile.profile_id])
        return profile.profile_id

    def update_profile(
        self, domain_name: str, profile_id: str, fields: dict[str, Any]
    ) -> str:
        """An empty string removes a value, as AWS documents; what is not given is kept.
        ``fields``: the standard profile members given, by their AWS names."""
        domain = self._get_domain(domain_name)
        profile = domain.profile(profile_id)
        updates = {
            k: v for k, v in fields.items() if k in PROFILE_FIELDS and v is not None
        }
        data = copy.deepcopy(profile.data)
        apply_update(data, updates)
        check_profile_size(data, profile.keys)
        profile.data = data
        profile.forget_sources(updates)
        domain.profile_index.update(profile)
        record(
            domain, profile.profile_id, history.UPDATED, PROFILE, profile.as_record()
        )
        export(domain, PROFILE, UPDATED, profile.as_record())
        profiles_changed(domain, [profile.profile_id])
        return profile.profile_id

    def delete_profile(self, domain_name: str, profile_id: str) -> str:
        """Removes the profile with its objects; the event stream gets no record."""
        domain = self._get_domain(domain_name)
        profile = domain.profile(profile_id)
        content = profile.as_record()
        domain.remove_profile(profile_id)
        record(domain, profile_id, history.DELETED_BY_CUSTOMER, PROFILE, content)
        profiles_changed(domain, [profile_id])
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
                errors.append(missing_profile(domain_name, profile_id))
            else:
                profiles.append(profile)
        return profiles, errors

    def add_profile_key(
        self, domain_name: str, profile_id: str, key_name: str, values: list[str]
    ) -> tuple[str, list[str]]:
        domain = self._get_domain(domain_name)
        profile = domain.profile(profile_id)
        keys = {
            **profile.keys,
            key_name: with_values(profile.keys.get(key_name, ()), values),
        }
        check_profile_size(profile.data, keys)
        profile.keys = keys
        domain.profile_index.update(profile)
        content = {"KeyName": key_name, "Values": values}
        record(domain, profile_id, history.ADDED_PROFILE_KEY, PROFILE, content)
        return key_name, values

    def delete_profile_key(
        self, domain_name: str, profile_id: str, key_name: str, values: list[str]
    ) -> str:
        """Values the profile does not have are ignored."""
        domain = self._get_domain(domain_name)
        profile = domain.profile(profile_id)
        profile.remove_key_values(key_name, values)
        domain.profile_index.update(profile)
        content = {"KeyName": key_name, "Values": values}
        record(domain, profile_id, history.DELETED_PROFILE_KEY, PROFILE, content)
        return "Profile key deleted successfully."

    def merge_profiles(
        self,
        domain_name: str,
        main_profile_id: str,
        profile_ids_to_be_merged: list[str],
        field_source_profile_ids: dict[str, Any] | None = None,
    ) -> str:
        """
        Runs at once (AWS runs it as an asynchronous job), as ``engine/merging.py``
        documents. The main profile's id in ProfileIdsToBeMerged is ignored.
        """
        domain = self._get_domain(domain_name)
        main = domain.profile(main_profile_id)
        profile_ids_to_be_merged = [
            p for p in dict.fromkeys(profile_ids_to_be_merged) if p != main_profile_id
        ]
        duplicates = [domain.profile(p) for p in profile_ids_to_be_merged]
        merge(domain, main, duplicates, field_source_profile_ids)
        profiles_changed(domain, [main_profile_id, *profile_ids_to_be_merged])
        return "Success!"  # as AWS answers (its own solution's tests assert it)
