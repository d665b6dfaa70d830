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

    One evaluator serves one request, over one batch of profiles: each segment's
    members among them are computed once (a segment that many others build on is not
    evaluated again for each), its SourceSegments combined as set operations, and
    chains are followed without recursion, at any depth. AWS documents
    no limit on how segments build on each other, so none is refused; a chain that
    comes back to a segment it started from (possible after a delete and a re-create)
    is a cycle, which ``cycle`` names: the segment then selects nobody, and the
    operations that evaluate it say why.
    """

    def __init__(self, domain: Domain, now: datetime | None = None) -> None:
        self.domain = domain
        self.now = now or clock.now()
        self._batch: tuple[str, ...] = ()
        self._sets: dict[str, set[str]] = {}  # segment name -> member ids in the batch
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

    # --- groups: evaluated over a batch of profiles, as sets of profile ids ----------

    def _group_selects(
        self, group: dict[str, Any], profiles: list[Profile]
    ) -> set[str]:
        """The ids of the profiles a group selects: its Dimensions (combined by Type)
        and its SourceSegments (combined by SourceType, as set operations) must both
        hold; a group with neither selects everyone."""
        everyone = {p.profile_id for p in profiles}
        selected = everyone
        dimensions = group.get("Dimensions", [])
        if dimensions:
            logic = group.get("Type", "ALL")
            selected = {
                p.profile_id
                for p in profiles
                if combine(logic, (self._dimension_selects(d, p) for d in dimensions))
            }
        sources = group.get("SourceSegments", [])
        if sources:
            sets = [
                self._sets.get(str(s.get("SegmentDefinitionName", "")), set())
                for s in sources
            ]
            selected = selected & _combine_sets(
                group.get("SourceType", "ANY"), sets, everyone
            )
        return selected

    def _groups_select(
        self, segment_groups: dict[str, Any], profiles: list[Profile]
    ) -> set[str]:
        everyone = {p.profile_id for p in profiles}
        sets = [
            self._group_selects(g, profiles) for g in segment_groups.get("Groups", [])
        ]
        return _combine_sets(segment_groups.get("Include", "ALL"), sets, everyone)

    def select(
        self, segment_groups: dict[str, Any], profiles: list[Profile]
    ) -> set[str]:
        """The ids of the profiles that SegmentGroups (a segment's, or an estimate's
        query) select among ``profiles``."""
        self._use_batch(profiles)
        for name in dict.fromkeys(_sources(segment_groups)):
            self.members_of(name, profiles)
        return self._groups_select(segment_groups, profiles)

    def holds(self, segment_groups: dict[str, Any], profile: Profile) -> bool:
        return profile.profile_id in self.select(segment_groups, [profile])

    def is_member(self, segment: SegmentDefinition, profile: Profile) -> bool:
        return profile.profile_id in self.members_of(
            segment.segment_definition_name, [profile]
        )

    def members_of(self, name: str, profiles: list[Profile]) -> set[str]:
        """The ids of the named segment's members among ``profiles``. A missing
        segment, a SQL segment and a segment reached again while it is being evaluated
        (a cycle) select nobody.

        The segments it builds on are resolved first, deepest first, with an explicit
        stack: each segment once for the whole batch, at any depth, and its sources
        combined as set operations (a fan-out costs a set operation per reference).
        """
        self._use_batch(profiles)
        if name in self._sets:
            return self._sets[name]
        stack = [name]
        evaluating: set[str] = set()
        while stack:
            current = stack[-1]
            if current in self._sets:
                stack.pop()
                continue
            segment = self.domain.segment_definitions.get(current)
            groups = segment.segment_groups if segment is not None else None
            if groups is None:
                self._sets[current] = set()
                stack.pop()
                continue
            evaluating.add(current)
            waiting = [
                source
                for source in dict.fromkeys(_sources(groups))
                if source not in self._sets and source not in evaluating
            ]
            if waiting:
                stack.extend(waiting)
                continue
            self._sets[current] = self._groups_select(groups, profiles)
            evaluating.discard(current)
            stack.pop()
        return self._sets[name]

    def _use_batch(self, profiles: list[Profile]) -> None:
        """Memberships are kept for one batch of profiles (one request's)."""
        batch = tuple(p.profile_id for p in profiles)
        if batch != self._batch:
            self._batch = batch
            self._sets = {}

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


def _combine_sets(logic: str, sets: list[set[str]], everyone: set[str]) -> set[str]:
    """ALL / ANY / NONE (``operators.combine``) over the members of each part."""
    if logic == "ALL":
        return set.intersection(everyone, *sets)
    union = set().union(*sets)
    return everyone - union if logic == "NONE" else union
