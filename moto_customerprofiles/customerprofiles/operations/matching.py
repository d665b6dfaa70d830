"""ListRuleBasedMatches, GetSimilarProfiles, GetMatches, GetAutoMergingPreview,
GetIdentityResolutionJob and ListIdentityResolutionJobs."""

from __future__ import annotations

from typing import Any

from ..engine.matching import group_of_profile, rule_groups
from ..resources.common import paginated
from ..resources.domains import Domain
from ..resources.matching import ML_BASED_MATCHING, MatchGroup
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
            groups = list(domain.identity_resolution.ml_groups)
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
