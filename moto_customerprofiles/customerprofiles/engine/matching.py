"""Rule-based identity resolution, computed from the domain's profiles as they change.

As AWS documents it ("How rule-based Identity Resolution works", "Set up matching
rules"):

- levels are tried in order, from 1 up to MaxAllowedRuleLevelForMatching; a profile
  joins the group of the first level at which it matches another profile;
- all attributes of a level must be identical (AND); the sub-types an
  AttributeTypesSelector names for PhoneNumber, EmailAddress and Address are OR-ed:
  ONE_TO_ONE compares a sub-type with the same sub-type, MANY_TO_MANY across them;
  ``Address.City`` (``.Address``, ``.Country``, ...) reads only the address types the
  selector names (``MaillingAddress``, AWS's spelling, is the profile's
  MailingAddress); ``Attributes.x`` is the custom attribute x;
- a group has at least two profiles;
- a level is skipped for a profile when every attribute of the level has only values
  that more than 500 profiles hold ("low cardinality attributes").

Choices where AWS is silent (README): values compare exactly; a profile lacking an
attribute of a level does not match at that level; without an AttributeTypesSelector
a rule's PhoneNumber, EmailAddress and Address.x read those members only; without
MatchingRules nothing matches (AWS's default rule is not published);
``Address.Address`` is Address1-4 joined by newlines; the groups of one connected set
of profiles are formed level by level among the profiles not yet grouped at a lower
level, so the result does not depend on the order of writes.

Kept as profiles change (``profiles_changed``, called by the profile operations and the
ingestion pipeline): an index of each level's values -> profiles, and each value ->
its holders; a change re-groups only the profiles connected to it, never the domain.
A new configuration in force (resources/matching.py) re-evaluates every profile once.

Merging follows when MaxAllowedRuleLevelForMerging is set, for the groups up to that
level, at once (AWS merges in its identity-resolution job), through
``engine/merging.merge`` (MergeProfiles' own code).
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

from moto.moto_api._internal import mock_random

from ..exceptions import BadRequestException
from ..moto_services import send_to_queue
from ..resources.domains import Domain
from ..resources.matching import (
    LOW_CARDINALITY,
    HeldValue,
    LevelKey,
    MatchGroup,
    RuleIndex,
)
from ..resources.profiles import PROFILE_FIELDS, Profile
from ..resources.values import dumps
from .merging import merge

# AttributeTypesSelector's address names -> the profile's members
ADDRESS_NAMES = {"MaillingAddress": "MailingAddress"}
STREET = ("Address1", "Address2", "Address3", "Address4")
# The mock's own bound: a profile's value combinations kept per level (a rule of many
# multi-valued attributes multiplies them).
MAX_KEYS_PER_LEVEL = 4096


def profiles_changed(domain: Domain, profile_ids: list[str]) -> None:
    """Re-match the profiles created, changed, merged or deleted (ids of deleted ones
    included), then merge what the configuration merges."""
    if refresh(domain):
        return
    if domain.identity_resolution.applied is None:
        return
    _update(domain, set(profile_ids))
    _merge_groups(domain)


def refresh(domain: Domain) -> bool:
    """Apply the configuration in force if it changed (a new one leaving PENDING):
    every profile is evaluated again. True when it did."""
    resolution = domain.identity_resolution
    config = resolution.in_force()
    if not (config or {}).get("Enabled"):
        config = None
    if config == resolution.applied:
        return False
    resolution.applied = copy.deepcopy(config)
    resolution.index = RuleIndex()
    if config is not None:
        _update(domain, set(domain.profiles))
        _merge_groups(domain)
    return True


def rule_groups(domain: Domain) -> list[MatchGroup]:
    refresh(domain)
    return list(domain.identity_resolution.index.groups.values())


def group_of_profile(domain: Domain, profile_id: str) -> MatchGroup | None:
    refresh(domain)
    return domain.identity_resolution.index.group_of.get(profile_id)


# --- the configuration ---------------------------------------------------------------


def _levels(config: dict[str, Any]) -> list[list[str]]:
    rules = [list(r.get("Rule") or []) for r in config.get("MatchingRules") or []]
    most = config.get("MaxAllowedRuleLevelForMatching")
    return rules[:most] if most else rules


def _values(profile: Profile, attribute: str, config: dict[str, Any]) -> set[str]:
    """A profile's values of one rule attribute, tagged "tag\\x00value"."""
    selector = config.get("AttributeTypesSelector") or {}
    across = selector.get("AttributeMatchingModel") == "MANY_TO_MANY"
    data = profile.data
    found: set[str] = set()

    def add(tag: str, value: Any) -> None:
        if isinstance(value, str) and value:
            found.add(f"{tag}\x00{value}")

    if attribute in ("PhoneNumber", "EmailAddress"):
        for member in selector.get(attribute) or [attribute]:
            add(attribute if across else member, data.get(member))
    elif attribute.startswith("Address."):
        part = attribute[len("Address.") :]
        for name in selector.get("Address") or ["Address"]:
            member = ADDRESS_NAMES.get(name, name)
            address = data.get(member)
            if not isinstance(address, dict):
                continue
            if part == "Address":
                lines = [address.get(s) for s in STREET]
                value: Any = "\n".join(v for v in lines if isinstance(v, str) and v)
            else:
                value = address.get(part)
            add(attribute if across else f"{member}.{part}", value)
    elif attribute.startswith("Attributes."):
        attributes = data.get("Attributes")
        if isinstance(attributes, dict):
            add(attribute, attributes.get(attribute[len("Attributes.") :]))
    elif attribute in PROFILE_FIELDS:
        add(attribute, data.get(attribute))
    return found


# --- the index -----------------------------------------------------------------------


def _unindex(index: RuleIndex, profile_id: str, crossed: set[str]) -> None:
    for level, keys in index.keys_of.pop(profile_id, {}).items():
        for key in keys:
            holders = index.key_index.get((level, key))
            if holders is not None:
                holders.discard(profile_id)
                if not holders:
                    del index.key_index[(level, key)]
    for attribute, values in index.values_of.pop(profile_id, {}).items():
        for value in values:
            _hold(index, (attribute, value), profile_id, False, crossed)


def _hold(
    index: RuleIndex, tagged: HeldValue, profile_id: str, add: bool, crossed: set[str]
) -> None:
    holders = index.holders.setdefault(tagged, set())
    before = len(holders) > LOW_CARDINALITY
    if add:
        holders.add(profile_id)
    else:
        holders.discard(profile_id)
    if before != (len(holders) > LOW_CARDINALITY):
        crossed.update(holders)  # their levels are skipped, or no longer
    if not holders:
        del index.holders[tagged]


def _index(
    index: RuleIndex,
    profile: Profile,
    levels: list[list[str]],
    config: dict[str, Any],
    crossed: set[str],
) -> None:
    profile_id = profile.profile_id
    values: dict[str, set[str]] = {}
    keys: dict[int, set[tuple[str, ...]]] = {}  # level -> its value combinations
    for number, rule in enumerate(levels, 1):
        attributes = list(dict.fromkeys(rule))
        for attribute in attributes:
            if attribute not in values:
                values[attribute] = _values(profile, attribute, config)
        if not attributes or not all(values[a] for a in attributes):
            continue
        combinations = itertools.product(*(sorted(values[a]) for a in attributes))
        keys[number] = set(itertools.islice(combinations, MAX_KEYS_PER_LEVEL))
        for key in keys[number]:
            index.key_index.setdefault((number, key), set()).add(profile_id)
    index.keys_of[profile_id] = keys
    index.values_of[profile_id] = values
    for attribute, held in values.items():
        for value in held:
            _hold(index, (attribute, value), profile_id, True, crossed)


def _skipped(index: RuleIndex, profile_id: str, rule: list[str]) -> bool:
    """Every attribute of the level has only values held by more than 500 profiles."""
    values = index.values_of.get(profile_id, {})
    for attribute in rule:
        for value in values.get(attribute, ()):
            if len(index.holders.get((attribute, value), ())) <= LOW_CARDINALITY:
                return False
    return True


def _component(index: RuleIndex, levels: list[list[str]], seeds: set[str]) -> set[str]:
    """The indexed profiles connected to ``seeds`` at any level."""
    seen = {s for s in seeds if s in index.keys_of}
    todo = list(seen)
    visited: set[LevelKey] = set()
    while todo:
        profile_id = todo.pop()
        for level, keys in index.keys_of[profile_id].items():
            rule = levels[level - 1]
            if _skipped(index, profile_id, rule):
                continue
            for key in keys:
                level_key = (level, key)
                if level_key in visited:
                    continue
                visited.add(level_key)
                for other in index.key_index.get(level_key, ()):
                    if other not in seen and not _skipped(index, other, rule):
                        seen.add(other)
                        todo.append(other)
    return seen


def _dead_letters(
    domain: Domain, index: RuleIndex, levels: list[list[str]], changed: set[str]
) -> None:
    """The documented dead-letter message for each level skipped for a changed
    profile, when the domain has a DeadLetterQueueUrl naming a queue of moto's SQS."""
    url = domain.dead_letter_queue_url
    if not url:
        return
    for profile_id in sorted(changed):
        for number in sorted(index.keys_of.get(profile_id, {})):
            if _skipped(index, profile_id, levels[number - 1]):
                message = (
                    f"All attributes at rule level {number} are associated with more "
                    "than 500 records."
                )
                body = {
                    "DomainName": domain.domain_name,
                    "ProfileId": profile_id,
                    "Message": message,
                }
                account, region = domain.arn.split(":")[4], domain.arn.split(":")[3]
                send_to_queue(url, dumps(body), account, region)


def _update(domain: Domain, changed: set[str]) -> None:
    resolution = domain.identity_resolution
    config = resolution.applied
    assert config is not None
    index = resolution.index
    levels = _levels(config)
    crossed: set[str] = set()
    for profile_id in changed:
        _unindex(index, profile_id, crossed)
    for profile_id in changed:
        profile = domain.profiles.get(profile_id)
        if profile is not None:
            _index(index, profile, levels, config, crossed)
    _dead_letters(domain, index, levels, changed)
    seeds = changed | crossed
    for profile_id in list(seeds):
        group = index.group_of.get(profile_id)
        if group is not None:
            seeds.update(group.profile_ids)
    region = _component(index, levels, seeds)
    old: dict[frozenset[str], MatchGroup] = {}
    for profile_id in seeds | region:
        group = index.group_of.pop(profile_id, None)
        if group is not None and group.match_id in index.groups:
            del index.groups[group.match_id]
            index.mergeable.discard(group.match_id)
            old[frozenset(group.profile_ids)] = group
    merge_level = config.get("MaxAllowedRuleLevelForMerging")
    for number, members in _group(index, levels, region):
        kept = old.get(frozenset(members))
        match_id = (
            kept.match_id
            if kept is not None and kept.rule_level == number
            else mock_random.uuid4().hex
        )
        group = MatchGroup(match_id, members, rule_level=number)
        index.groups[match_id] = group
        for profile_id in members:
            index.group_of[profile_id] = group
        if merge_level and number <= merge_level:
            index.mergeable.add(match_id)


def _group(
    index: RuleIndex, levels: list[list[str]], region: set[str]
) -> list[tuple[int, list[str]]]:
    """The groups of a connected region, level by level among the profiles not yet
    grouped."""
    assigned: set[str] = set()
    found: list[tuple[int, list[str]]] = []
    for number, rule in enumerate(levels, 1):
        parent: dict[str, str] = {}
        open_ids = sorted(p for p in region - assigned if not _skipped(index, p, rule))
        for profile_id in open_ids:
            parent[profile_id] = profile_id
        visited: set[LevelKey] = set()
        for profile_id in open_ids:
            for key in index.keys_of[profile_id].get(number, ()):
                level_key = (number, key)
                if level_key in visited:
                    continue
                visited.add(level_key)
                for other in index.key_index.get(level_key, ()):
                    if other in parent:
                        parent[_root(parent, other)] = _root(parent, profile_id)
        components: dict[str, list[str]] = {}
        for profile_id in open_ids:
            components.setdefault(_root(parent, profile_id), []).append(profile_id)
        for members in components.values():
            if len(members) >= 2:
                found.append((number, members))
                assigned.update(members)
    return found


def _root(parent: dict[str, str], node: str) -> str:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


# --- merging -------------------------------------------------------------------------


def _merge_groups(domain: Domain) -> None:
    resolution = domain.identity_resolution
    if resolution.merging or resolution.applied is None:
        return
    resolution.merging = True
    try:
        index = resolution.index
        while index.mergeable:
            match_id = min(index.mergeable)
            index.mergeable.discard(match_id)
            group = index.groups[match_id]
            profiles = [domain.profiles[p] for p in group.profile_ids]
            main = main_profile(domain, profiles)
            duplicates = [p for p in profiles if p is not main]
            sources = field_sources(domain, main, profiles, resolution.applied)
            try:
                merge(domain, main, duplicates, sources)
            except BadRequestException:
                continue  # over the profile size quota: the group stays unmerged
            _update(domain, {p.profile_id for p in profiles})
    finally:
        resolution.merging = False


def main_profile(domain: Domain, profiles: list[Profile]) -> Profile:
    """The profile a group merges into: the oldest (first created)."""

    def created(profile: Profile) -> tuple[Any, int, str]:
        records = domain.history_by_profile.get(profile.profile_id)
        return (
            profile.created_at,
            records[0].sequence if records else -1,
            profile.profile_id,
        )

    return min(profiles, key=created)


def field_sources(
    domain: Domain, main: Profile, profiles: list[Profile], config: dict[str, Any]
) -> dict[str, Any]:
    """MergeProfiles' FieldSourceProfileIds for ConflictResolution: a value entered
    through the API is never overwritten by an ingested one; then SOURCE prefers the
    value the named object type wrote; then RECENCY, the most recently changed profile
    (its latest history record)."""
    conflict = config.get("ConflictResolution") or {}
    source = (
        conflict.get("SourceName")
        if conflict.get("ConflictResolvingModel") == "SOURCE"
        else None
    )

    def recency(profile: Profile) -> int:
        records = domain.history_by_profile.get(profile.profile_id)
        return records[-1].sequence if records else -1

    def rank(profile: Profile, member: str) -> tuple[bool, bool, int]:
        if "." in member:  # Attributes.x
            paths = [member]
        else:
            value = profile.data[member]
            structured = isinstance(value, dict) and member != "EngagementPreferences"
            paths = [f"{member}.{k}" for k in value] if structured else [member]
        owner_of = profile.field_sources
        owners = [owner_of.get(p) for p in paths]
        entered = any(o is None for o in owners)
        from_source = source is not None and source in owners
        return entered, from_source, recency(profile)

    chosen: dict[str, Any] = {}
    members = sorted({m for p in profiles for m in p.data if m != "Attributes"})
    for member in members:
        having = [p for p in profiles if member in p.data]
        best = max(having, key=lambda p: rank(p, member))
        if best is not main:
            chosen[member] = best.profile_id
    attribute_names = sorted(
        {a for p in profiles for a in (p.data.get("Attributes") or {})}
    )
    picks: dict[str, str] = {}
    for name in attribute_names:
        having = [p for p in profiles if name in (p.data.get("Attributes") or {})]
        best = max(having, key=lambda p: rank(p, f"Attributes.{name}"))
        if best is not main:
            picks[name] = best.profile_id
    if picks:
        chosen["Attributes"] = picks
    return chosen
