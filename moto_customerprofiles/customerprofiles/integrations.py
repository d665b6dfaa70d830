"""Integrations: a data source (or, with event triggers, a destination) bound to a domain."""

from __future__ import annotations

import copy
from typing import Any

from moto.utilities.tagging_service import TaggingService

from .base import TaggableResource, check_quota, find_in_domain
from .event_triggers import EventTriggersBackend
from .exceptions import BadRequestException
from .utils import INTEGRATIONS, paginated

MAX_INTEGRATIONS_PER_DOMAIN = 50
UNSTRUCTURED = "_unstructured"


class Integration(TaggableResource):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        domain_name: str,
        uri: str,
    ) -> None:
        super().__init__(tagger, arn)
        self.domain_name = domain_name
        self.uri = uri
        self.object_type_name: str | None = None
        self.object_type_names: dict[str, str] | None = None
        self.role_arn: str | None = None
        self.event_trigger_names: list[str] = []
        self.scope = "PROFILE"
        self.flow_name: str | None = None
        self.is_unstructured = False
        self.workflow_id: str | None = None

    def define(
        self,
        object_type_name: str | None,
        object_type_names: dict[str, str] | None,
        role_arn: str | None,
        event_trigger_names: list[str] | None,
        scope: str | None,
        flow_name: str | None,
    ) -> None:
        """PutIntegration replaces the whole definition of an existing integration."""
        self.object_type_name = object_type_name
        self.object_type_names = copy.deepcopy(object_type_names)
        self.role_arn = role_arn
        self.event_trigger_names = list(event_trigger_names or [])
        self.scope = scope or "PROFILE"
        self.flow_name = flow_name
        self.is_unstructured = (
            flow_name is not None and object_type_name == UNSTRUCTURED
        )

    def object_types_used(self) -> set[str]:
        names = set((self.object_type_names or {}).values())
        if self.object_type_name is not None:
            names.add(self.object_type_name)
        return names

    def drop_object_type(self, name: str) -> bool:
        """Forget mappings to a deleted object type; True when nothing is left."""
        if self.object_type_name == name:
            return True
        if self.object_type_names and name in self.object_type_names.values():
            self.object_type_names = {
                k: v for k, v in self.object_type_names.items() if v != name
            }
            self.touch()
            return not self.object_type_names
        return False


class IntegrationsBackend(EventTriggersBackend):
    def _flow_uri(self, flow_name: str) -> str:
        return f"arn:{self.partition}:appflow:{self.region_name}:{self.account_id}:flow/{flow_name}"

    def _integration_holding(self, uri: str) -> Integration | None:
        for domain in self.domains.values():
            if uri in domain.integrations:
                return domain.integrations[uri]
        return None

    def _check_integration(
        self,
        domain_name: str,
        uri: str,
        object_type_name: str | None,
        object_type_names: dict[str, str] | None,
        flow_name: str | None,
        event_trigger_names: list[str] | None,
    ) -> None:
        if flow_name is not None:
            for domain in self.domains.values():
                for other in domain.integrations.values():
                    same = other.domain_name == domain_name and other.uri == uri
                    if other.flow_name == flow_name and not same:
                        raise BadRequestException(
                            f"Flow with name {flow_name} already exists."
                        )
        holder = self._integration_holding(uri)
        if holder is not None and holder.domain_name != domain_name:
            raise BadRequestException(
                f"Uri {uri} is already integrated with domain {holder.domain_name}"
            )
        if object_type_name is not None and object_type_names is not None:
            raise BadRequestException(
                "ObjectTypeName and ObjectTypeNames cannot both be specified"
            )
        if (
            object_type_name is None
            and object_type_names is None
            and not event_trigger_names
        ):
            raise BadRequestException(
                "One of ObjectTypeName and ObjectTypeNames must be specified"
            )
        if object_type_name == UNSTRUCTURED and flow_name is None:
            raise BadRequestException(
                f"ObjectTypeName {UNSTRUCTURED} can only be used with a FlowDefinition"
            )
        wanted = set((object_type_names or {}).values())
        if object_type_name is not None and object_type_name != UNSTRUCTURED:
            wanted.add(object_type_name)
        for name in sorted(wanted):
            self._get_object_type(domain_name, name)
        for trigger_name in event_trigger_names or []:
            self._get_event_trigger(domain_name, trigger_name)

    def put_integration(
        self,
        domain_name: str,
        uri: str | None = None,
        object_type_name: str | None = None,
        object_type_names: dict[str, str] | None = None,
        tags: dict[str, str] | None = None,
        flow_definition: dict[str, Any] | None = None,
        role_arn: str | None = None,
        event_trigger_names: list[str] | None = None,
        scope: str | None = None,
    ) -> Integration:
        """
        Creates the integration, or replaces the definition of the domain's integration
        with the same Uri. A FlowDefinition is checked and stored by name only: no AppFlow
        flow is created; without a Uri, the integration's Uri is the flow's ARN.
        IncludeHidden has no effect on the list operations: no integration is hidden.
        """
        domain = self._get_domain(domain_name)
        flow_name = flow_definition["FlowName"] if flow_definition else None
        if uri is None:
            if flow_name is None:
                raise BadRequestException(
                    "Uri is required when no FlowDefinition is given"
                )
            uri = self._flow_uri(flow_name)
        self._check_integration(
            domain_name,
            uri,
            object_type_name,
            object_type_names,
            flow_name,
            event_trigger_names,
        )
        integration = domain.integrations.get(uri)
        if integration is None:
            check_quota(
                len(domain.integrations),
                MAX_INTEGRATIONS_PER_DOMAIN,
                "integrations per domain",
            )
            integration = Integration(
                tagger=self.tagger,
                arn=self.domain_arn(domain_name, INTEGRATIONS, uri),
                domain_name=domain_name,
                uri=uri,
            )
            domain.integrations[uri] = integration
        else:
            integration.touch()
        integration.define(
            object_type_name,
            object_type_names,
            role_arn,
            event_trigger_names,
            scope,
            flow_name,
        )
        integration.set_tags(tags)
        return integration

    def _get_integration(self, domain_name: str, uri: str) -> Integration:
        domain = self._get_domain(domain_name)
        return find_in_domain(domain.integrations, "Integration", uri, domain_name)

    def get_integration(self, domain_name: str, uri: str) -> Integration:
        return self._get_integration(domain_name, uri)

    def delete_integration(self, domain_name: str, uri: str) -> str:
        self._get_integration(domain_name, uri)
        self.domains[domain_name].remove_integration(uri)
        return f"Integration {uri} was deleted."

    @paginated
    def list_integrations(
        self, domain_name: str, include_hidden: bool | None = None
    ) -> list[Integration]:
        domain = self._get_domain(domain_name)
        return sorted(domain.integrations.values(), key=lambda i: i.uri)

    @paginated
    def list_account_integrations(
        self, uri: str, include_hidden: bool | None = None
    ) -> list[Integration]:
        holder = self._integration_holding(uri)
        return [holder] if holder is not None else []
