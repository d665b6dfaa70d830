"""Domains: the container of every other Customer Profiles resource.

A domain holds its resources and the lookups and removals that reach across them, so
that no resource family needs another's operations.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from moto.moto_api._internal import mock_random
from moto.utilities.tagging_service import TaggingService

from ..exceptions import BadRequestException, ResourceNotFoundException
from .calculated_attributes import CalculatedAttributeDefinition
from .clock import now
from .common import (
    CALCULATED_ATTRIBUTES,
    DOMAIN_OBJECT_TYPES,
    EVENT_STREAMS,
    EVENT_TRIGGERS,
    INTEGRATIONS,
    INTENTS,
    LAYOUTS,
    OBJECT_TYPES,
    RECOMMENDER_FILTERS,
    RECOMMENDER_SCHEMAS,
    RECOMMENDERS,
    SEGMENT_DEFINITIONS,
    TaggableResource,
    find_in_domain,
    templates,
)
from .domain_object_types import DomainObjectType
from .event_streams import EventStream
from .event_triggers import EventTrigger
from .history import HISTORY_ID_PREFIX_LENGTH, ProfileHistoryRecord
from .integrations import Integration
from .intents import IntentDefinition, IntentResult
from .layouts import DomainLayout
from .matching import IdentityResolution
from .object_types import ProfileObjectType
from .profiles import Profile, ProfileIndex, ProfileObject
from .recommenders import Recommender, RecommenderFilter, RecommenderSchema
from .segment_snapshots import SegmentSnapshot
from .segment_subscriptions import SegmentStream, SegmentSubscription
from .segments import SegmentDefinition, SegmentEstimate
from .upload_jobs import UploadJob
from .workflows import Workflow

ObjectsByKey = dict[tuple[str, str], ProfileObject]


def copy_request(request: dict[str, Any] | None) -> dict[str, Any] | None:
    return copy.deepcopy(request) if request is not None else None


def with_matching_status(
    request: dict[str, Any] | None, status: str
) -> dict[str, Any] | None:
    """AWS adds the Status: ACTIVE on a new domain, PENDING when an existing one changes."""
    result = copy_request(request)
    if result is not None:
        result["Status"] = status
    return result


class Domain(TaggableResource):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        domain_name: str,
        default_expiration_days: int,
        default_encryption_key: str | None,
        dead_letter_queue_url: str | None,
        matching: dict[str, Any] | None,
        rule_based_matching: dict[str, Any] | None,
        data_store: dict[str, Any] | None,
    ) -> None:
        super().__init__(tagger, arn)
        self.domain_name = domain_name
        self.default_expiration_days = default_expiration_days
        self.default_encryption_key = default_encryption_key or None
        self.dead_letter_queue_url = dead_letter_queue_url or None
        # identity resolution (resources/matching.py, engine/matching.py)
        self.identity_resolution = IdentityResolution()
        self.matching = copy_request(matching)
        self.rule_based_matching = with_matching_status(rule_based_matching, "ACTIVE")
        self.data_store = copy_request(data_store)
        self.object_types: dict[str, ProfileObjectType] = {}
        self.integrations: dict[str, Integration] = {}
        self.event_triggers: dict[str, EventTrigger] = {}
        self.segment_definitions: dict[str, SegmentDefinition] = {}
        self.event_streams: dict[str, EventStream] = {}
        self.segment_estimates: dict[str, SegmentEstimate] = {}
        self.profiles: dict[str, Profile] = {}
        self.profile_index = ProfileIndex()
        # (object type, unique key) -> object, in the order MaxProfileObjectCount reads
        # (a re-put object is the newest). Changed only by store_object, remove_object
        # and move_objects, which keep the index by profile and the stats in step.
        self.profile_objects: dict[tuple[str, str], ProfileObject] = {}
        # profile id -> its objects (same keys and order): the object itself while the
        # profile has one (most have: no dict of 184 bytes each), else a dict by key
        self.objects_by_profile: dict[str, ProfileObject | ObjectsByKey] = {}
        # calculated values kept between requests (engine/calculated_attributes.py)
        self.calculated_values: dict[tuple[str, str, str], Any] = {}
        # every stored object, standard objects included ("The total number of objects
        # in domain": ListProfileObjects reads them as objects), and their sizes
        self.object_count = 0
        self.total_size = 0
        self._object_sequence = itertools.count()
        self.calculated_attributes: dict[str, CalculatedAttributeDefinition] = {}
        # (trigger, profile) -> when the trigger fired for the profile
        self.trigger_firings: dict[tuple[str, str], list[datetime]] = {}
        self.layouts: dict[str, DomainLayout] = {}
        self.intent_definitions: dict[str, IntentDefinition] = {}
        # profile id -> intent domain -> the intents a test set as predicted
        self.predicted_intents: dict[str, dict[str, list[IntentResult]]] = {}
        self.recommenders: dict[str, Recommender] = {}
        self.recommender_filters: dict[str, RecommenderFilter] = {}
        self.recommender_schemas: dict[str, RecommenderSchema] = {}
        self.domain_object_types: dict[str, DomainObjectType] = {}
        # what a test set DetectProfileObjectType to answer (None: the mock's rule)
        self.detected_object_types: list[dict[str, Any]] | None = None
        # profile history (engine/history.py): in the order written (a record's id
        # names its place), and by profile, oldest first; kept after the profile is
        # deleted or merged away
        self.history_records: list[ProfileHistoryRecord] = []
        self.history_id_prefix = mock_random.uuid4().hex[:HISTORY_ID_PREFIX_LENGTH]
        self.history_by_profile: dict[str, list[ProfileHistoryRecord]] = {}
        self.upload_jobs: dict[str, UploadJob] = {}
        # the object types upload jobs store their rows as (not listed with the
        # domain's object types; ListProfileObjects finds them by name)
        self.upload_object_types: dict[str, ProfileObjectType] = {}
        # segment membership events (engine/segment_events.py) and snapshots
        self.segment_stream: SegmentStream | None = None
        self.segment_subscriptions: dict[str, SegmentSubscription] = {}
        self.segment_snapshots: dict[str, SegmentSnapshot] = {}
        # SQL segment name -> the profile ids a test set as its members
        self.sql_segment_members: dict[str, list[str]] = {}

        # integration workflows by id, and the records a test set for each AppFlow flow
        # (by FlowName) for a workflow to ingest
        self.workflows: dict[str, Workflow] = {}
        self.flow_records: dict[str, list[str]] = {}

    @property
    def matching(self) -> dict[str, Any] | None:
        return copy_request(self.identity_resolution.matching)

    @matching.setter
    def matching(self, request: dict[str, Any] | None) -> None:
        """Schedules (or deletes) the PENDING identity-resolution job."""
        self.identity_resolution.set_matching(request, self.domain_name, now())

    @property
    def rule_based_matching(self) -> dict[str, Any] | None:
        """As stored, with the Status moto's state manager moves on."""
        return self.identity_resolution.response()

    @rule_based_matching.setter
    def rule_based_matching(self, request: dict[str, Any] | None) -> None:
        self.identity_resolution.configure(request)

    @property
    def stats(self) -> dict[str, int]:
        """Counters kept as objects and profiles change: no scan of the domain."""
        return {
            "ProfileCount": len(self.profiles),
            "MeteringProfileCount": len(self.profiles),
            "ObjectCount": self.object_count,
            "TotalSize": self.total_size,
        }

    def children_by_kind(self) -> dict[str, Mapping[str, TaggableResource]]:
        """The sub-resources the domain holds, by the kind their ARNs name."""
        return {
            OBJECT_TYPES: self.object_types,
            INTEGRATIONS: self.integrations,
            EVENT_TRIGGERS: self.event_triggers,
            SEGMENT_DEFINITIONS: self.segment_definitions,
            EVENT_STREAMS: self.event_streams,
            CALCULATED_ATTRIBUTES: self.calculated_attributes,
            LAYOUTS: self.layouts,
            INTENTS: self.intent_definitions,
            RECOMMENDERS: self.recommenders,
            RECOMMENDER_FILTERS: self.recommender_filters,
            RECOMMENDER_SCHEMAS: self.recommender_schemas,
            DOMAIN_OBJECT_TYPES: self.domain_object_types,
        }

    # --- lookups: each raises the ResourceNotFoundException naming what is missing ---

    def object_type(self, name: str) -> ProfileObjectType:
        """A defined type; for a template ID not yet used, its implicit type (not
        stored: ``keep`` stores it once the operation using it succeeds)."""
        if name not in self.object_types and name in self.upload_object_types:
            return self.upload_object_types[name]
        if name not in self.object_types and name in templates():
            return ProfileObjectType.from_template(
                self._tagger,
                f"{self.arn}/{OBJECT_TYPES}/{name}",
                name,
                self.default_expiration_days,
            )
        return find_in_domain(self.object_types, "Object type", name, self.domain_name)

    def upload_object_type(
        self, job: UploadJob, fields: dict[str, Any], keys: dict[str, Any]
    ) -> ProfileObjectType:
        """The object type an upload job's rows are stored as: its Fields, a
        PROFILE and UNIQUE key on its UniqueKey, profiles created as needed."""
        name = job.object_type_name
        object_type = ProfileObjectType(
            tagger=self._tagger,
            arn=f"{self.arn}/{OBJECT_TYPES}/{name}",
            object_type_name=name,
            description=f"Rows of upload job {job.job_id}",
            template_id=None,
            expiration_days=job.data_expiry,
            encryption_key=None,
            allow_profile_creation=True,
            source_last_updated_timestamp_format=None,
            max_profile_object_count=None,
            source_priority=None,
            fields=fields,
            keys=keys,
        )
        self.upload_object_types[name] = object_type
        return object_type

    def upload_job(self, job_id: str) -> UploadJob:
        job = self.upload_jobs.get(job_id)
        if job is None:
            raise ResourceNotFoundException(
                f"Upload job {job_id} does not exist in domain {self.domain_name}."
            )
        return job

    def keep(self, object_type: ProfileObjectType) -> None:
        """An implicit type is materialized in the domain on first use."""
        self.object_types.setdefault(object_type.object_type_name, object_type)

    def materialize(self, name: str) -> None:
        """A template ID named by an operation becomes the domain's implicit type."""
        if name in templates() and name not in self.object_types:
            self.keep(self.object_type(name))

    def segment_definition(self, name: str) -> SegmentDefinition:
        return find_in_domain(
            self.segment_definitions, "Segment definition", name, self.domain_name
        )

    def event_trigger(self, name: str) -> EventTrigger:
        return find_in_domain(
            self.event_triggers, "Event trigger", name, self.domain_name
        )

    def integration(self, uri: str) -> Integration:
        return find_in_domain(self.integrations, "Integration", uri, self.domain_name)

    def event_stream(self, name: str) -> EventStream:
        return find_in_domain(
            self.event_streams, "Event stream", name, self.domain_name
        )

    def calculated_attribute(self, name: str) -> CalculatedAttributeDefinition:
        return find_in_domain(
            self.calculated_attributes,
            "Calculated attribute definition",
            name,
            self.domain_name,
        )

    def domain_object_type(self, name: str) -> DomainObjectType:
        return find_in_domain(
            self.domain_object_types, "Domain object type", name, self.domain_name
        )

    @property
    def data_store_enabled(self) -> bool:
        return bool((self.data_store or {}).get("Enabled"))

    def layout(self, name: str) -> DomainLayout:
        return find_in_domain(self.layouts, "Layout", name, self.domain_name)

    def intent_definition(self, intent_domain: str) -> IntentDefinition:
        return find_in_domain(
            self.intent_definitions,
            "Intent definition",
            intent_domain,
            self.domain_name,
        )

    def recommender(self, name: str) -> Recommender:
        return find_in_domain(self.recommenders, "Recommender", name, self.domain_name)

    def recommender_filter(self, name: str) -> RecommenderFilter:
        return find_in_domain(
            self.recommender_filters, "Recommender filter", name, self.domain_name
        )

    def recommender_schema(self, name: str) -> RecommenderSchema:
        return find_in_domain(
            self.recommender_schemas, "Recommender schema", name, self.domain_name
        )

    def profile(self, profile_id: str) -> Profile:
        return find_in_domain(self.profiles, "Profile", profile_id, self.domain_name)

    def profile_by_key(self, key_name: str, key_values: list[str]) -> Profile:
        """The one profile a search key names: one value for each field of the key
        (several are joined with ``_``, as the fields of a composite key are).

        AWS: "The search key must match exactly one profile." KeyValues is a sensitive
        member: messages name the key, not its values.
        """
        ids = self.profile_index.find(key_name, ["_".join(key_values)])
        if not ids:
            raise ResourceNotFoundException(
                f"No profile matches the search key {key_name} in domain "
                f"{self.domain_name}."
            )
        if len(ids) > 1:
            raise BadRequestException(
                f"More than one profile matches the search key {key_name} in domain "
                f"{self.domain_name}."
            )
        return self.profiles[ids.pop()]

    def segment_estimate(self, estimate_id: str) -> SegmentEstimate:
        return find_in_domain(
            self.segment_estimates, "Segment estimate", estimate_id, self.domain_name
        )

    # --- changes that reach across the domain's resources ---

    def add_profile(self, profile: Profile) -> None:
        self.profiles[profile.profile_id] = profile
        self.profile_index.add(profile)

    def remove_profile(self, profile_id: str) -> Profile:
        """Removes the profile with its objects."""
        profile = self.profiles.pop(profile_id)
        self.profile_index.remove(profile)
        self.predicted_intents.pop(profile_id, None)
        for key in list(self._owned(profile_id)):
            self.remove_object(key)
        return profile

    # --- the domain's objects: the one place where they are stored, moved and removed ---

    def store_object(self, stored: ProfileObject) -> ProfileObject | None:
        """Store an object, replacing the one with its key (returned, or None).

        A replaced object keeps its creation sequence (the order lists follow) and
        CreatedAt, but counts as the newest for MaxProfileObjectCount.
        """
        key = (stored.object_type_name, stored.profile_object_unique_key)
        replaced = self.remove_object(key)
        if replaced is None:
            stored.sequence = next(self._object_sequence)
        else:
            stored.sequence = replaced.sequence
            stored.created_at = replaced.created_at
        self.profile_objects[key] = stored
        if stored.profile_id is not None:
            self._own(stored.profile_id, stored)
            self._objects_changed(stored.profile_id)
        self.object_count += 1
        self.total_size += stored.size
        return replaced

    def remove_object(self, key: tuple[str, str]) -> ProfileObject | None:
        removed = self.profile_objects.pop(key, None)
        if removed is None:
            return None
        if removed.profile_id is not None:
            self._disown(removed.profile_id, key)
            self._objects_changed(removed.profile_id)
        self.object_count -= 1
        self.total_size -= removed.size
        return removed

    def move_objects(self, from_profile_id: str, to_profile_id: str) -> None:
        """A merge: the duplicate's objects become the main profile's."""
        moved = self._owned(from_profile_id)
        self.objects_by_profile.pop(from_profile_id, None)
        for profile_id in (from_profile_id, to_profile_id):
            self._objects_changed(profile_id)
        for profile_object in moved.values():
            profile_object.profile_id = to_profile_id
            self._own(to_profile_id, profile_object)

    def objects_of(
        self, profile_id: str, object_type_name: str | None = None
    ) -> list[ProfileObject]:
        """A profile's objects (of one type), oldest stored first. No domain scan."""
        owned = self._owned(profile_id).values()
        if object_type_name is None:
            return list(owned)
        return [o for o in owned if o.object_type_name == object_type_name]

    def _objects_changed(self, profile_id: str) -> None:
        profile = self.profiles.get(profile_id)
        if profile is not None:
            profile.objects_revision += 1

    def _owned(self, profile_id: str) -> ObjectsByKey:
        held = self.objects_by_profile.get(profile_id)
        if held is None:
            return {}
        if isinstance(held, ProfileObject):
            return {held.key: held}
        return held

    def _own(self, profile_id: str, stored: ProfileObject) -> None:
        """The profile's newest object (after any it holds)."""
        held = self.objects_by_profile.get(profile_id)
        if held is None:
            self.objects_by_profile[profile_id] = stored
        elif isinstance(held, ProfileObject):
            self.objects_by_profile[profile_id] = {held.key: held, stored.key: stored}
        else:
            held[stored.key] = stored

    def _disown(self, profile_id: str, key: tuple[str, str]) -> None:
        held = self.objects_by_profile.get(profile_id)
        if isinstance(held, ProfileObject):
            if held.key == key:
                del self.objects_by_profile[profile_id]
        elif held is not None:
            held.pop(key, None)
            if len(held) == 1:
                self.objects_by_profile[profile_id] = next(iter(held.values()))
            elif not held:
                del self.objects_by_profile[profile_id]

    def children(self) -> list[TaggableResource]:
        return [r for kind in self.children_by_kind().values() for r in kind.values()]

    def remove_integration(self, uri: str) -> None:
        self.integrations.pop(uri).forget_tags()

    def remove_event_trigger(self, name: str) -> None:
        """Integrations that named the trigger are left with no trigger."""
        self.event_triggers.pop(name).forget_tags()
        for integration in self.integrations.values():
            if name in integration.event_trigger_names:
                integration.event_trigger_names.remove(name)
                integration.touch()

    def remove_object_type(self, name: str) -> list[Profile]:
        """
        Removes the type with its objects and scrubs the profile members it populated
        (AWS: "it scrubs all of the fields of the standard profile that were populated
        from this ProfileObjectType"); returns the profiles that changed. Integrations
        and event triggers naming the type are kept: no source says they go, and nothing
        is ingested into the type until it is defined again.
        """
        self.object_types.pop(name).forget_tags()
        for key in [k for k in self.profile_objects if k[0] == name]:
            self.remove_object(key)
        changed = [p for p in self.profiles.values() if p.scrub(name)]
        for profile in changed:
            self.profile_index.update(profile)
        return changed
