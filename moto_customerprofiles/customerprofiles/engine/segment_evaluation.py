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

    One evaluator serves one request: each segment's membership is computed once per
    profile (a segment that many others build on is not evaluated again for each), and
    SourceSegments chains are followed without recursion, at any depth. AWS documents
    no limit on how segments build on each other, so none is refused; a chain that
    comes back to a segment it started from (possible after a delete and a re-create)
    is a cycle, which ``cycle`` names: the segment then selects nobody, and the
    operations that evaluate it say why.
    """

    def __init__(self, domain: Domain, now: datetime | None = None) -> None:
        self.domain = domain
        self.now = now or clock.now()
        self._members: dict[tuple[str, str], bool] = {}
        self._evaluating: set[tuple[str, str]] = set()
        self._cycles: dict[str, str | None] = {}

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
            if "{{" not in value:
                resolved.append(value)
                continue
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

    def _group_holds(self, group: dict[str, Any], profile: Profile) -> bool:
        results = []
        dimensions = group.get("Dimensions", [])
        if dimensions:
            holds = (self._dimension_selects(d, profile) for d in dimensions)
            results.append(combine(group.get("Type", "ALL"), holds))
        sources = group.get("SourceSegments", [])
        if sources:
            members = (
                self.is_member_by_name(s.get("SegmentDefinitionName", ""), profile)
                for s in sources
            )
            results.append(combine(group.get("SourceType", "ANY"), members))
        return all(results)

    def holds(self, segment_groups: dict[str, Any], profile: Profile) -> bool:
        """Whether SegmentGroups (a segment's, or an estimate's query) select the
        profile."""
        for name in _sources(segment_groups):
            self.is_member_by_name(name, profile)  # resolved without recursion first
        groups = segment_groups.get("Groups", [])
        results = (self._group_holds(g, profile) for g in groups)
        return combine(segment_groups.get("Include", "ALL"), results)

    def is_member(self, segment: SegmentDefinition, profile: Profile) -> bool:
        return self.is_member_by_name(segment.segment_definition_name, profile)

    def is_member_by_name(self, name: str, profile: Profile) -> bool:
        """Membership in the named segment; a missing segment, a SQL segment and a
        segment reached again while it is being evaluated (a cycle) select nobody.

        The segments it builds on are resolved first, deepest first, with an explicit
        stack: each is evaluated once per profile, at any depth.
        """
        profile_id = profile.profile_id
        if (name, profile_id) in self._members:
            return self._members[(name, profile_id)]
        if (name, profile_id) in self._evaluating:
            return False  # a cycle
        stack = [name]
        while stack:
            current = stack[-1]
            key = (current, profile_id)
            if key in self._members:
                stack.pop()
                continue
            segment = self.domain.segment_definitions.get(current)
            groups = segment.segment_groups if segment is not None else None
            if groups is None:
                self._members[key] = False
                stack.pop()
                continue
            self._evaluating.add(key)
            waiting = [
                source
                for source in _sources(groups)
                if (source, profile_id) not in self._members
                and (source, profile_id) not in self._evaluating
            ]
            if waiting:
                stack.extend(waiting)
                continue
            groups_list = groups.get("Groups", [])
            results = (self._group_holds(g, profile) for g in groups_list)
            self._members[key] = combine(groups.get("Include", "ALL"), results)
            self._evaluating.discard(key)
            stack.pop()
        return self._members[(name, profile_id)]

    def cycle(self, name: str) -> str | None:
        """The cycle of SourceSegments reachable from the named segment (``a -> b ->
        a``), or None. Walked without recursion; once per segment and request."""
        if name in self._cycles:
            return self._cycles[name]
        found: str | None = None
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        path: list[str] = []
        stack: list[tuple[str, list[str]]] = [(name, self._source_names(name))]
        state[name] = 1
        path.append(name)
        while stack and found is None:
            current, pending = stack[-1]
            if not pending:
                state[current] = 2
                path.pop()
                stack.pop()
                continue
            source = pending.pop()
            if state.get(source) == 1:
                found = " -> ".join([*path[path.index(source) :], source])
            elif source not in state:
                state[source] = 1
                path.append(source)
                stack.append((source, self._source_names(source)))
        self._cycles[name] = found
        return found

    def _source_names(self, name: str) -> list[str]:
        segment = self.domain.segment_definitions.get(name)
        if segment is None or segment.segment_groups is None:
            return []
        return list(dict.fromkeys(_sources(segment.segment_groups)))


def _sources(segment_groups: dict[str, Any]) -> list[str]:
    """The segments SegmentGroups build on, in order."""
    return [
        str(source.get("SegmentDefinitionName", ""))
        for group in segment_groups.get("Groups", [])
        for source in group.get("SourceSegments", [])
    ]
