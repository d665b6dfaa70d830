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
from datetime import datetime, timedelta
from typing import Any

from moto.core.common_models import BaseModel
from moto.moto_api import state_manager
from moto.moto_api._internal import mock_random
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
        self.position = 0  # ML groups: their place in the order a test set them


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
        self.jobs: dict[str, IdentityResolutionJob] = {}
        self.matching: dict[str, Any] | None = None

    def set_matching(
        self, request: dict[str, Any] | None, domain_name: str, moment: datetime
    ) -> None:
        """Store Matching; enabled, a job is PENDING for the next JobSchedule time
        (rescheduled when it changes); disabled, the PENDING jobs are deleted."""
        self.matching = copy.deepcopy(request)
        pending = [j for j in self.jobs.values() if j.status == JOB_PENDING]
        if not (request or {}).get("Enabled"):
            for job in pending:
                del self.jobs[job.job_id]
            return
        assert request is not None
        start = next_run(request.get("JobSchedule"), moment)
        if pending:
            for job in pending:
                job.job_start_time = start
                job.matching = copy.deepcopy(request)
                job.last_updated_at = moment
            return
        job_id = mock_random.uuid4().hex
        self.jobs[job_id] = IdentityResolutionJob(
            domain_name, job_id, start, request, moment
        )

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


# --- ML matching: identity-resolution jobs ----------------------------------------------

JOB_PENDING = "PENDING"
PREPROCESSING, FIND_MATCHING, MERGING = "PREPROCESSING", "FIND_MATCHING", "MERGING"
COMPLETED, FAILED = "COMPLETED", "FAILED"
state_manager.register_default_transition(
    IDENTITY_RESOLUTION_JOB_MODEL, {"progression": "immediate"}
)
DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
# "by default it runs every Saturday at 12AM UTC"
DEFAULT_SCHEDULE = {"DayOfTheWeek": "SATURDAY", "Time": "00:00"}


def next_run(schedule: dict[str, Any] | None, after: datetime) -> datetime:
    """The first moment of the weekly JobSchedule strictly after ``after``."""
    schedule = {**DEFAULT_SCHEDULE, **(schedule or {})}
    hours, minutes = (int(p) for p in str(schedule["Time"]).split(":"))
    day = (
        DAYS.index(schedule["DayOfTheWeek"]) if schedule["DayOfTheWeek"] in DAYS else 5
    )
    moment = after.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    moment += timedelta(days=(day - after.weekday()) % 7)
    if moment <= after:
        moment += timedelta(days=7)
    return moment


class JobProgress(BaseModel, ManagedState):
    """A started job's status (model ``customerprofiles::identity_resolution_job``)."""

    def __init__(self, merges: bool) -> None:
        steps: list[tuple[str | None, str]] = [(PREPROCESSING, FIND_MATCHING)]
        if merges:
            steps += [(FIND_MATCHING, MERGING), (MERGING, COMPLETED)]
        else:
            steps += [(FIND_MATCHING, COMPLETED)]
        ManagedState.__init__(self, IDENTITY_RESOLUTION_JOB_MODEL, steps)


class IdentityResolutionJob(BaseModel):
    """PENDING until the service's clock reaches JobStartTime, then through moto's state
    manager to COMPLETED (FAILED when its export cannot be written)."""

    def __init__(
        self,
        domain_name: str,
        job_id: str,
        job_start_time: datetime,
        matching: dict[str, Any],
        created_at: datetime,
    ) -> None:
        self.domain_name = domain_name
        self.job_id = job_id
        self.job_start_time = job_start_time
        self.matching = copy.deepcopy(matching)
        self.progress: JobProgress | None = None
        self.job_end_time: datetime | None = None
        self.last_updated_at = created_at
        self.job_expiration_time: datetime | None = None
        self.message: str | None = None
        self.job_stats: dict[str, int] | None = None
        self.exporting_location: dict[str, Any] | None = None
        self.failed = False
        self.finished = False

    @property
    def auto_merging(self) -> dict[str, Any] | None:
        value = self.matching.get("AutoMerging")
        return copy.deepcopy(value) if isinstance(value, dict) else None

    @property
    def status(self) -> str:
        if self.failed:
            return FAILED
        if self.progress is None:
            return JOB_PENDING
        return str(self.progress.status)

    def described(self) -> None:
        transition = state_manager.get_transition(IDENTITY_RESOLUTION_JOB_MODEL)
        if self.progress is not None and transition["progression"] == "manual":
            self.progress.advance()
