"""Identity resolution's state in a domain: the RuleBasedMatching status, the rule-based
match index and groups (computed by ``engine/matching.py``), the ML match groups a test
sets and the identity-resolution jobs.

``RuleBasedMatching.Status`` goes through moto's state manager (model
``customerprofiles::rule_based_matching``): a new domain's configuration is ACTIVE at
once; a configuration set by UpdateDomain is PENDING, then IN_PROGRESS, then ACTIVE. By
default each step takes an hour of wall-clock time, as AWS documents ("waits one hour");
a test moves it on with ``state_manager.set_transition`` (``immediate``, or ``manual``:
one step per GetDomain). While it is PENDING, the previous configuration (or none)
keeps matching.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from moto.core.common_models import BaseModel
from moto.moto_api import state_manager
from moto.moto_api._internal.managed_state_model import ManagedState

RULE_BASED_MATCHING_MODEL = "customerprofiles::rule_based_matching"
IDENTITY_RESOLUTION_JOB_MODEL = "customerprofiles::identity_resolution_job"
PENDING, IN_PROGRESS, ACTIVE = "PENDING", "IN_PROGRESS", "ACTIVE"
RULE_BASED_MATCHING, ML_BASED_MATCHING = "RULE_BASED_MATCHING", "ML_BASED_MATCHING"

state_manager.register_default_transition(
    RULE_BASED_MATCHING_MODEL, {"progression": "time", "seconds": 3600}
)

# A level is skipped for a profile whose every attribute of that level has only values
# held by more than this many profiles ("low cardinality attributes (the attribute that
# can belong to more than 500 different profiles)").
LOW_CARDINALITY = 500

# A value of a rule attribute, "tag\x00value": the tag is the sub-type (ONE_TO_ONE, or
# no selector) or the attribute type (MANY_TO_MANY)
# (level, one tagged value per attribute of the level) -> profile ids
LevelKey = tuple[int, tuple[str, ...]]
# (rule attribute, tagged value) -> the profiles holding it
HeldValue = tuple[str, str]


class RuleBasedMatchingStatus(BaseModel, ManagedState):
    def __init__(self, status: str) -> None:
        ManagedState.__init__(
            self,
            RULE_BASED_MATCHING_MODEL,
            [(PENDING, IN_PROGRESS), (IN_PROGRESS, ACTIVE)],
        )
        self.status = status

    def described(self) -> None:
        """A GetDomain: one tick of a manual progression."""
        transition = state_manager.get_transition(self.model_name)
        if transition["progression"] == "manual":
            self.advance()


class MatchGroup(BaseModel):
    """A rule-based match group (RuleLevel set) or an ML one (ConfidenceScore set)."""

    def __init__(
        self,
        match_id: str,
        profile_ids: list[str],
        rule_level: int | None = None,
        confidence_score: float | None = None,
    ) -> None:
        self.match_id = match_id
        self.profile_ids = profile_ids
        self.rule_level = rule_level
        self.confidence_score = confidence_score


class RuleIndex:
    """What rule-based matching knows of each profile, kept as profiles change: no
    request scans the domain's profiles."""

    def __init__(self) -> None:
        self.keys_of: dict[str, dict[int, set[tuple[str, ...]]]] = {}
        self.values_of: dict[str, dict[str, set[str]]] = {}
        self.key_index: dict[LevelKey, set[str]] = {}
        self.holders: dict[HeldValue, set[str]] = {}
        self.group_of: dict[str, MatchGroup] = {}
        self.groups: dict[str, MatchGroup] = {}
        # the match ids of the groups at a level up to MaxAllowedRuleLevelForMerging
        self.mergeable: set[str] = set()


class IdentityResolution:
    """A domain's identity resolution: configuration status, rule index, ML groups,
    jobs."""

    def __init__(self) -> None:
        self.rule_based_matching: dict[str, Any] | None = None
        self.status: RuleBasedMatchingStatus | None = None
        # the configuration the index was built with (None: no rule-based matching)
        self.applied: dict[str, Any] | None = None
        self.previous: dict[str, Any] | None = None
        self.index = RuleIndex()
        self.merging = False
        # ML matching: what a test set
        self.ml_groups: list[MatchGroup] = []
        self.match_generation_date: datetime | None = None
        self.jobs: dict[str, Any] = {}

    def configure(self, request: dict[str, Any] | None) -> None:
        """Store a RuleBasedMatching as CreateDomain/UpdateDomain give it, with the
        Status the domain layer chose (ACTIVE for a new domain, PENDING after)."""
        if request is None:
            return
        config = copy.deepcopy(request)
        status = config.pop("Status", ACTIVE)
        self.previous = self.in_force()
        self.rule_based_matching = config
        self.status = RuleBasedMatchingStatus(status)

    def described(self) -> None:
        if self.status is not None:
            self.status.described()

    def response(self) -> dict[str, Any] | None:
        if self.rule_based_matching is None or self.status is None:
            return None
        return {**copy.deepcopy(self.rule_based_matching), "Status": self.status.status}

    def in_force(self) -> dict[str, Any] | None:
        """The configuration matching follows now: the stored one unless it is still
        PENDING (then the one before it)."""
        if self.status is None:
            return None
        if self.status.status == PENDING:
            return self.previous
        return self.rule_based_matching
