"""Segment membership: which profiles a segment definition's SegmentGroups select."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from ..resources import clock
from ..resources.domains import Domain
from ..resources.profiles import ADDRESS_FIELDS, Profile
from ..resources.segments import SegmentDefinition
from ..resources.values import as_text, path_value
from .calculated_attributes import value_for_profile
from .operators import combine, compare

# "use handlebar notation: {{_profile.ProfileAttributeName}} or
# {{_calculated_attribute.CalculatedAttributeName}}" (botocore model, dimension Values).
_REFERENCE = re.compile(r"\{\{\s*(_profile|_calculated_attribute)\.([^{}\s]+)\s*\}\}")


class SegmentEvaluator:
    """Evaluates SegmentGroups over a domain's profiles, at one moment.

    CalculatedAttributes dimensions are computed for the profile (with their
    ConditionOverrides.Range); a dimension value may reference a profile member or a
    calculated attribute with ``{{_profile.X}}`` / ``{{_calculated_attribute.X}}``
    (a value whose reference has no value is left out). A segment defined by
    SegmentSqlQuery cannot be evaluated.
    """

    def __init__(self, domain: Domain, now: datetime | None = None) -> None:
        self.domain = domain
        self.now = now or clock.now()

    # --- values -----------------------------------------------------------------------

    def calculated_value(
        self, name: str, profile: Profile, range_override: Any = None
    ) -> str | None:
        definition = self.domain.calculated_attributes.get(name)
        if definition is None:
            return None
        return value_for_profile(
            self.domain, definition, profile, self.now, range_override
        ).value

    def _referenced(self, kind: str, name: str, profile: Profile) -> str | None:
        if kind == "_calculated_attribute":
            return self.calculated_value(name, profile)
        return as_text(path_value(profile.data, name))

    def _resolve(self, values: list[str], profile: Profile) -> list[str]:
        resolved = []
        for value in values:
            missing = False

            def substitute(match: re.Match[str]) -> str:
                nonlocal missing
                found = self._referenced(match.group(1), match.group(2), profile)
                missing = missing or found is None
                return found or ""

            text = _REFERENCE.sub(substitute, value)
            if not missing:
                resolved.append(text)
        return resolved

    def _dimension_holds(
        self, dimension: dict[str, Any], value: Any, profile: Profile
    ) -> bool:
        values = self._resolve(dimension["Values"], profile)
        return bool(values) and compare(dimension["DimensionType"], value, values)

    def _profile_attributes_hold(
        self, attributes: dict[str, Any], profile: Profile
    ) -> bool:
        for member, dimension in attributes.items():
            if member == "Attributes" or member in ADDRESS_FIELDS:
                nested = profile.data.get(member, {})
                if not all(
                    self._dimension_holds(d, nested.get(k), profile)
                    for k, d in dimension.items()
                ):
                    return False
            elif not self._dimension_holds(
                dimension, profile.data.get(member), profile
            ):
                return False
        return True

    def _calculated_attributes_hold(
        self, attributes: dict[str, Any], profile: Profile
    ) -> bool:
        for name, dimension in attributes.items():
            override = (dimension.get("ConditionOverrides") or {}).get("Range")
            value = self.calculated_value(name, profile, override)
            if not self._dimension_holds(dimension, value, profile):
                return False
        return True

    def _dimension_selects(self, dimension: dict[str, Any], profile: Profile) -> bool:
        return self._profile_attributes_hold(
            dimension.get("ProfileAttributes", {}), profile
        ) and self._calculated_attributes_hold(
            dimension.get("CalculatedAttributes", {}), profile
        )

    # --- groups -----------------------------------------------------------------------

    def _group_holds(
        self, group: dict[str, Any], profile: Profile, seen: set[str]
    ) -> bool:
        results = []
        dimensions = group.get("Dimensions", [])
        if dimensions:
            holds = [self._dimension_selects(d, profile) for d in dimensions]
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
