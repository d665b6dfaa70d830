"""Domains: the container of every other Customer Profiles resource."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from moto.utilities.tagging_service import TaggingService

from .base import CustomerProfilesBackendBase, TaggableResource, check_quota
from .exceptions import BadRequestException
from .utils import (
    EVENT_STREAMS,
    EVENT_TRIGGERS,
    INTEGRATIONS,
    OBJECT_TYPES,
    SEGMENT_DEFINITIONS,
    make_arn,
    paginated,
)

if TYPE_CHECKING:
    from .event_streams import EventStream
    from .event_triggers import EventTrigger
    from .integrations import Integration
    from .object_types import ProfileObjectType
    from .profiles import Profile, ProfileObject
    from .segment_membership import SegmentEstimate
    from .segments import SegmentDefinition

MAX_DOMAINS_PER_REGION = 100


def _copy(request: dict[str, Any] | None) -> dict[str, Any] | None:
    return copy.deepcopy(request) if request is not None else None


def _rule_based_matching(
    request: dict[str, Any] | None, status: str
) -> dict[str, Any] | None:
    """AWS adds the Status: ACTIVE on a new domain, PENDING when an existing one changes."""
    result = _copy(request)
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
        self.matching = _copy(matching)
        self.rule_based_matching = _rule_based_matching(rule_based_matching, "ACTIVE")
        self.data_store = _copy(data_store)
        self.object_types: dict[str, ProfileObjectType] = {}
        self.integrations: dict[str, Integration] = {}
        self.event_triggers: dict[str, EventTrigger] = {}
        self.segment_definitions: dict[str, SegmentDefinition] = {}
        self.event_streams: dict[str, EventStream] = {}
        self.segment_estimates: dict[str, SegmentEstimate] = {}
        self.profiles: dict[str, Profile] = {}
        # (object type, unique key) -> object; (key name, value) -> profile ids
        self.profile_objects: dict[tuple[str, str], ProfileObject] = {}
        self.profile_index: dict[tuple[str, str], set[str]] = {}
        self.indexed_keys: dict[str, dict[str, set[str]]] = {}

    @property
    def stats(self) -> dict[str, int]:
        objects = self.profile_objects.values()
        return {
            "ProfileCount": len(self.profiles),
            "MeteringProfileCount": len(self.profiles),
            "ObjectCount": len(objects),
            "TotalSize": sum(len(o.object.encode()) for o in objects),
        }

    def children_by_kind(self) -> dict[str, Mapping[str, TaggableResource]]:
        """The sub-resources the domain holds, by the kind their ARNs name."""
        return {
            OBJECT_TYPES: self.object_types,
            INTEGRATIONS: self.integrations,
            EVENT_TRIGGERS: self.event_triggers,
            SEGMENT_DEFINITIONS: self.segment_definitions,
            EVENT_STREAMS: self.event_streams,
        }

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

    def remove_object_type(self, name: str) -> None:
        """
        Removes the type's objects and event triggers, and disables the integrations that use it: an
        integration mapping only this type is removed, one mapping several types loses
        the mappings to this one.
        """
        self.object_types.pop(name).forget_tags()
        for key in [k for k in self.profile_objects if k[0] == name]:
            del self.profile_objects[key]
        for trigger in list(self.event_triggers.values()):
            if trigger.object_type_name == name:
                self.remove_event_trigger(trigger.event_trigger_name)
        for integration in list(self.integrations.values()):
            if integration.drop_object_type(name):
                self.remove_integration(integration.uri)


class DomainsBackend(CustomerProfilesBackendBase):
    def domain_arn(
        self, domain_name: str, kind: str | None = None, name: str | None = None
    ) -> str:
        return make_arn(
            self.partition, self.region_name, self.account_id, domain_name, kind, name
        )

    def create_domain(
        self,
        domain_name: str,
        default_expiration_days: int,
        default_encryption_key: str | None = None,
        dead_letter_queue_url: str | None = None,
        matching: dict[str, Any] | None = None,
        rule_based_matching: dict[str, Any] | None = None,
        data_store: dict[str, Any] | None = None,
        tags: dict[str, str] | None = None,
    ) -> Domain:
        """
        Matching, RuleBasedMatching and DataStore are stored and returned as given (left
        out when not given, as AWS does); no identity resolution job runs.
        """
        if domain_name in self.domains:
            raise BadRequestException(f"Domain {domain_name} already exists")
        check_quota(len(self.domains), MAX_DOMAINS_PER_REGION, "domains per region")
        domain = Domain(
            tagger=self.tagger,
            arn=self.domain_arn(domain_name),
            domain_name=domain_name,
            default_expiration_days=default_expiration_days,
            default_encryption_key=default_encryption_key,
            dead_letter_queue_url=dead_letter_queue_url,
            matching=matching,
            rule_based_matching=rule_based_matching,
            data_store=data_store,
        )
        domain.set_tags(tags)
        self.domains[domain_name] = domain
        return domain

    def get_domain(self, domain_name: str) -> Domain:
        return self._get_domain(domain_name)

    def update_domain(
        self,
        domain_name: str,
        default_expiration_days: int | None = None,
        default_encryption_key: str | None = None,
        dead_letter_queue_url: str | None = None,
        matching: dict[str, Any] | None = None,
        rule_based_matching: dict[str, Any] | None = None,
        data_store: dict[str, Any] | None = None,
        tags: dict[str, str] | None = None,
    ) -> Domain:
        """
        Only the members given change. An empty DefaultEncryptionKey or
        DeadLetterQueueUrl clears the stored value, as AWS documents.
        """
        domain = self._get_domain(domain_name)
        if default_expiration_days is not None:
            domain.default_expiration_days = default_expiration_days
        if default_encryption_key is not None:
            domain.default_encryption_key = default_encryption_key or None
        if dead_letter_queue_url is not None:
            domain.dead_letter_queue_url = dead_letter_queue_url or None
        if matching is not None:
            domain.matching = _copy(matching)
        if rule_based_matching is not None:
            domain.rule_based_matching = _rule_based_matching(
                rule_based_matching, "PENDING"
            )
        if data_store is not None:
            domain.data_store = _copy(data_store)
        domain.set_tags(tags)
        domain.touch()
        return domain

    def delete_domain(self, domain_name: str) -> str:
        domain = self._get_domain(domain_name)
        for child in domain.children():
            child.forget_tags()
        domain.forget_tags()
        del self.domains[domain_name]
        return f"Domain {domain_name} was deleted."

    @paginated
    def list_domains(self) -> list[Domain]:
        return sorted(self.domains.values(), key=lambda d: d.domain_name)
