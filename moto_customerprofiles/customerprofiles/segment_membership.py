"""Segment membership: which profiles a segment definition's SegmentGroups select."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import uuid4

from moto.core.common_models import BaseModel
from moto.core.utils import utcnow

from .base import find_in_domain
from .conditions import combine, compare
from .exceptions import BadRequestException
from .profiles import ADDRESS_FIELDS, Profile, ProfilesBackend
from .segments import SegmentDefinition

if TYPE_CHECKING:
    from .domains import Domain

MAX_PROFILE_IDS_PER_MEMBERSHIP = 100


def _dimension_holds(dimension: dict[str, Any], value: Any) -> bool:
    return compare(dimension["DimensionType"], value, dimension["Values"])


def _profile_attributes_hold(attributes: dict[str, Any], profile: Profile) -> bool:
    for member, dimension in attributes.items():
        if member == "Attributes":
            custom = profile.data.get("Attributes", {})
            if not all(
                _dimension_holds(d, custom.get(k)) for k, d in dimension.items()
            ):
                return False
        elif member in ADDRESS_FIELDS:
            address = profile.data.get(member, {})
            if not all(
                _dimension_holds(d, address.get(k)) for k, d in dimension.items()
            ):
                return False
        elif not _dimension_holds(dimension, profile.data.get(member)):
            return False
    return True


class SegmentEvaluator:
    """Evaluates SegmentGroups over a domain's profiles.

    CalculatedAttributes dimensions select no profile (calculated attributes are not
    computed), and a segment defined by SegmentSqlQuery cannot be evaluated.
    """

    def __init__(self, domain: Domain) -> None:
        self.domain = domain

    def _group_holds(
        self, group: dict[str, Any], profile: Profile, seen: set[str]
    ) -> bool:
        results = []
        dimensions = group.get("Dimensions", [])
        if dimensions:
            holds = [
                "CalculatedAttributes" not in d
                and _profile_attributes_hold(d.get("ProfileAttributes", {}), profile)
                for d in dimensions
            ]
            results.append(combine(group.get("Type", "ALL"), holds))
        sources = group.get("SourceSegments", [])
        if sources:
            members = [
                self._is_member_by_name(s["SegmentDefinitionName"], profile, seen)
                for s in sources
            ]
            results.append(combine(group.get("SourceType", "ANY"), members))
        return all(results)

    def _is_member_by_name(self, name: str, profile: Profile, seen: set[str]) -> bool:
        segment = self.domain.segment_definitions.get(name)
        if segment is None or name in seen:
            return False
        return self.holds(segment.segment_groups or {}, profile, seen | {name})

    def holds(
        self,
        segment_groups: dict[str, Any],
        profile: Profile,
        seen: set[str] | None = None,
    ) -> bool:
        groups = segment_groups.get("Groups", [])
        results = [self._group_holds(g, profile, seen or set()) for g in groups]
        return combine(segment_groups.get("Include", "ALL"), results)

    def is_member(self, segment: SegmentDefinition, profile: Profile) -> bool:
        if segment.segment_groups is None:
            return False
        return self.holds(
            segment.segment_groups, profile, {segment.segment_definition_name}
        )


class SegmentEstimate(BaseModel):
    def __init__(self, domain_name: str, estimate: int) -> None:
        self.domain_name = domain_name
        self.estimate_id = uuid4().hex
        self.status = "SUCCEEDED"
        self.estimate = str(estimate)
        self.status_code = 200
        self.created_at = utcnow()


class SegmentMembershipBackend(ProfilesBackend):
    def get_segment_membership(
        self, domain_name: str, segment_definition_name: str, profile_ids: list[str]
    ) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
        """
        Membership is computed when asked. Segments defined by SegmentSqlQuery are not
        evaluated: every profile is reported as a failure.
        """
        domain = self._get_domain(domain_name)
        segment = self._get_segment_definition(domain_name, segment_definition_name)
        if len(profile_ids) > MAX_PROFILE_IDS_PER_MEMBERSHIP:
            raise BadRequestException(
                f"ProfileIds holds at most {MAX_PROFILE_IDS_PER_MEMBERSHIP} profile ids"
            )
        evaluator = SegmentEvaluator(domain)
        profiles, failures = [], []
        for profile_id in profile_ids:
            profile = domain.profiles.get(profile_id)
            if profile is None:
                failures.append(
                    {
                        "ProfileId": profile_id,
                        "Message": "Profile not found",
                        "Status": 404,
                    }
                )
            elif segment.segment_groups is None:
                failures.append(
                    {
                        "ProfileId": profile_id,
                        "Message": "Segments defined by SegmentSqlQuery are not evaluated",
                        "Status": 400,
                    }
                )
            else:
                present = evaluator.is_member(segment, profile)
                entry: dict[str, Any] = {
                    "ProfileId": profile_id,
                    "QueryResult": "PRESENT" if present else "ABSENT",
                }
                if present:
                    entry["Profile"] = profile
                profiles.append(entry)
        return segment_definition_name, profiles, failures

    def create_segment_estimate(
        self,
        domain_name: str,
        segment_query: dict[str, Any] | None = None,
        segment_sql_query: str | None = None,
    ) -> SegmentEstimate:
        """The estimate is computed at once (Status SUCCEEDED); SQL queries are refused."""
        domain = self._get_domain(domain_name)
        if segment_query is None:
            raise BadRequestException(
                "SegmentQuery is required: SegmentSqlQuery estimates are not supported"
            )
        evaluator = SegmentEvaluator(domain)
        count = sum(
            1 for p in domain.profiles.values() if evaluator.holds(segment_query, p)
        )
        estimate = SegmentEstimate(domain_name, count)
        domain.segment_estimates[estimate.estimate_id] = estimate
        return estimate

    def get_segment_estimate(
        self, domain_name: str, estimate_id: str
    ) -> SegmentEstimate:
        domain = self._get_domain(domain_name)
        return find_in_domain(
            domain.segment_estimates, "Segment estimate", estimate_id, domain_name
        )
