"""Segment membership: which profiles a segment definition's SegmentGroups select."""

from __future__ import annotations

from typing import Any

from ..resources.domains import Domain
from ..resources.profiles import ADDRESS_FIELDS, Profile
from ..resources.segments import SegmentDefinition
from .conditions import combine, compare


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
