"""ListRuleBasedMatches, GetSimilarProfiles, GetMatches, GetAutoMergingPreview,
GetIdentityResolutionJob and ListIdentityResolutionJobs."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from moto.moto_api._internal import mock_random

from ..engine.matching import group_of_profile, rule_groups
from ..engine.ml_matching import ml_groups, preview, run_due_jobs
from ..exceptions import ResourceNotFoundException
from ..resources.clock import now
from ..resources.common import paginated
from ..resources.domains import Domain
from ..resources.matching import (
    ML_BASED_MATCHING,
    IdentityResolutionJob,
    MatchGroup,
)
from .base import BackendState


@paginated(lambda profile_id: profile_id)
def _profile_ids(group_ids: list[str], **request: Any) -> list[str]:
    """One page of a group's profile ids (the token is tied to ``request``)."""
    return group_ids


class IdentityResolutionBackend(BackendState):
    @paginated(lambda match_id: match_id)
    def list_rule_based_matches(self, domain_name: str) -> list[str]:
        """The groups rule-based matching has formed (engine/matching.py), by
        MatchId."""
        domain = self._get_domain(domain_name)
        return [group.match_id for group in rule_groups(domain)]

    def get_similar_profiles(
        self,
        domain_name: str,
        match_type: str,
        search_key: str,
        search_value: str,
        next_token: str | None = None,
        max_results: int | None = None,
    ) -> dict[str, Any]:
        """SearchKey ``MatchId`` names a group; ``ProfileId`` (or ``_profileId``) a
        profile; any other search key (``_email``, ``_phone``, an object type's key)
        the profiles it finds, the first (by id) that is in a group. Key names are
        read case-insensitively. Nothing found: no ProfileIds, no MatchId (AWS
        documents no error)."""
        domain = self._get_domain(domain_name)
        group = self._similar_group(domain, match_type, search_key, search_value)
        ids, token = _profile_ids(
            sorted(group.profile_ids) if group is not None else [],
            domain_name=domain_name,
            match_type=match_type,
            search_key=search_key,
            search_value=search_value,
            next_token=next_token,
            max_results=max_results,
        )
        return {
            "ProfileIds": ids,
            "MatchId": group.match_id if group is not None else None,
            "MatchType": match_type,
            "RuleLevel": group.rule_level if group is not None else None,
            "ConfidenceScore": group.confidence_score if group is not None else None,
            "NextToken": token,
        }

    def _similar_group(
        self, domain: Domain, match_type: str, search_key: str, search_value: str
    ) -> MatchGroup | None:
        if match_type == ML_BASED_MATCHING:
            groups = ml_groups(domain)
            group_of = {p: g for g in groups for p in g.profile_ids}
        else:
            groups = rule_groups(domain)
            group_of = {}
        key = search_key.lower().lstrip("_")
        if key == "matchid":
            return next((g for g in groups if g.match_id == search_value), None)
        if key == "profileid":
            found = {search_value}
        else:
            found = domain.profile_index.find(search_key, [search_value])
        for profile_id in sorted(found):
            if match_type == ML_BASED_MATCHING:
                group = group_of.get(profile_id)
            else:
                group = group_of_profile(domain, profile_id)
            if group is not None:
                return group
        return None

    # --- ML matching -----------------------------------------------------------------

    def get_matches(
        self,
        domain_name: str,
        next_token: str | None = None,
        max_results: int | None = None,
    ) -> dict[str, Any]:
        """The match groups a test set (``moto_customerprofiles.set_ml_matches``), in
        the order set, without profiles deleted or merged since; none by default.
        MatchGenerationDate: when they were set, or the last job's end."""
        domain = self._get_domain(domain_name)
        groups = ml_groups(domain)
        page, token = _groups(
            groups,
            domain_name=domain_name,
            next_token=next_token,
            max_results=max_results,
        )
        return {
            "MatchGenerationDate": domain.identity_resolution.match_generation_date,
            "PotentialMatches": len(groups),
            "Matches": page,
            "NextToken": token,
        }

    def get_auto_merging_preview(
        self,
        domain_name: str,
        consolidation: dict[str, Any],
        conflict_resolution: dict[str, Any],
        min_allowed_confidence_score_for_merging: float | None = None,
    ) -> dict[str, Any]:
        """The sample is every match group set (AWS samples at random);
        NumberOfProfilesWillBeMerged counts every profile of a consolidated set (the
        one kept included). ConflictResolution does not change the counts."""
        domain = self._get_domain(domain_name)
        criteria = consolidation.get("MatchingAttributesList") or []
        matches, profiles, merged = preview(
            domain, criteria, min_allowed_confidence_score_for_merging
        )
        return {
            "DomainName": domain_name,
            "NumberOfMatchesInSample": matches,
            "NumberOfProfilesInSample": profiles,
            "NumberOfProfilesWillBeMerged": merged,
        }

    def get_identity_resolution_job(
        self, domain_name: str, job_id: str
    ) -> IdentityResolutionJob:
        """Jobs exist while Matching is enabled: see engine/ml_matching.py."""
        domain = self._get_domain(domain_name)
        job = domain.identity_resolution.jobs.get(job_id)
        if job is None:
            raise ResourceNotFoundException(
                f"Identity resolution job {job_id} does not exist in domain "
                f"{domain_name}."
            )
        job.described()
        run_due_jobs(domain, self.account_id, self.partition)
        return job

    @paginated(lambda job: [job.job_start_time.isoformat(), job.job_id])
    def list_identity_resolution_jobs(
        self, domain_name: str
    ) -> list[IdentityResolutionJob]:
        """Sorted by JobStartTime, oldest first (AWS does not say which way)."""
        domain = self._get_domain(domain_name)
        jobs = list(domain.identity_resolution.jobs.values())
        for job in jobs:
            job.described()
        run_due_jobs(domain, self.account_id, self.partition)
        return list(domain.identity_resolution.jobs.values())

    def set_ml_matches(
        self,
        domain_name: str,
        matches: list[Any],
        match_generation_date: datetime | None = None,
    ) -> None:
        """What AWS's ML model would have found (not an AWS operation: see
        ``moto_customerprofiles.set_ml_matches``)."""
        domain = self.domains.get(domain_name)
        if domain is None:
            raise ValueError(f"No domain {domain_name}")
        if not isinstance(matches, list):
            raise ValueError("Matches must be a list")
        groups = [
            _checked_match(domain, item, position)
            for position, item in enumerate(matches)
        ]
        domain.identity_resolution.ml_groups = groups
        domain.identity_resolution.match_generation_date = (
            match_generation_date or now()
        )


@paginated(lambda group: group.position)
def _groups(groups: list[MatchGroup], **request: Any) -> list[MatchGroup]:
    return groups


def _checked_match(domain: Domain, item: Any, position: int) -> MatchGroup:
    where = f"Matches[{position}]"
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be an object")
    unknown = sorted(set(item) - {"MatchId", "ProfileIds", "ConfidenceScore"})
    if unknown:
        raise ValueError(f"{where} has unknown member {unknown[0]}")
    ids = item.get("ProfileIds")
    if (
        not isinstance(ids, list)
        or not all(isinstance(p, str) for p in ids)
        or len(set(ids)) < 2
    ):
        raise ValueError(f"{where}.ProfileIds must list two or more profile ids")
    for profile_id in ids:
        if profile_id not in domain.profiles:
            raise ValueError(
                f"{where}: no profile {profile_id[:64]} in domain {domain.domain_name}"
            )
    score = item.get("ConfidenceScore")
    if (
        isinstance(score, bool)
        or not isinstance(score, int | float)
        or not math.isfinite(score)
        or not 0 <= score <= 1
    ):
        raise ValueError(f"{where}.ConfidenceScore must be a number from 0 to 1")
    match_id = item.get("MatchId", mock_random.uuid4().hex)
    if not isinstance(match_id, str) or not 1 <= len(match_id) <= 255:
        raise ValueError(f"{where}.MatchId must be a string of 1 to 255 characters")
    group = MatchGroup(
        match_id, list(dict.fromkeys(ids)), confidence_score=float(score)
    )
    group.position = position
    return group
