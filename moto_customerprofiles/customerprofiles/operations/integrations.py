"""PutIntegration, GetIntegration, DeleteIntegration, ListIntegrations and
ListAccountIntegrations."""

from __future__ import annotations

from typing import Any

from ..exceptions import BadRequestException
from ..resources.common import INTEGRATIONS, check_quota, paginated
from ..resources.integrations import Integration
from .base import BackendState

MAX_INTEGRATIONS_PER_DOMAIN = 50


def flow_uri(state: BackendState, flow_name: str) -> str:
    """The Uri of the integration a FlowDefinition creates: the flow's ARN."""
    return f"arn:{state.partition}:appflow:{state.region_name}:{state.account_id}:flow/{flow_name}"


def _integration_holding(state: BackendState, uri: str) -> Integration | None:
    for domain in state.domains.values():
        if uri in domain.integrations:
            return domain.integrations[uri]
    return None


def _check_integration(
    state: BackendState,
    domain_name: str,
    uri: str,
    flow_name: str | None,
    event_trigger_names: list[str] | None,
) -> None:
    if flow_name is not None:
        for domain in state.domains.values():
            for other in domain.integrations.values():
                same = other.domain_name == domain_name and other.uri == uri
                if other.flow_name == flow_name and not same:
                    raise BadRequestException(
                        f"Flow with name {flow_name} already exists."
                    )
    holder = _integration_holding(state, uri)
    if holder is not None and holder.domain_name != domain_name:
        raise BadRequestException(
            f"Uri {uri} is already integrated with domain {holder.domain_name}"
        )
    domain = state.domains[domain_name]
    for trigger_name in event_trigger_names or []:
        domain.event_trigger(trigger_name)


def define_integration(
    state: BackendState,
    domain_name: str,
    uri: str,
    object_type_name: str | None,
    object_type_names: dict[str, str] | None,
    tags: dict[str, str] | None,
    flow_name: str | None,
    role_arn: str | None,
    event_trigger_names: list[str] | None,
    scope: str | None,
    flow_definition: dict[str, Any] | None = None,
) -> Integration:
    """PutIntegration's effect in an existing domain, and a completed workflow's (AWS
    documents the workflow's role calling PutIntegration): create the integration with
    ``uri`` or replace its definition. Refuses before anything changes. A
    ``flow_definition`` from S3 makes its bucket a source (``engine/sources``)."""
    domain = state.domains[domain_name]
    _check_integration(state, domain_name, uri, flow_name, event_trigger_names)
    integration = domain.integrations.get(uri)
    if integration is None:
        check_quota(
            len(domain.integrations),
            MAX_INTEGRATIONS_PER_DOMAIN,
            "integrations per domain",
        )
        integration = Integration(
            tagger=state.tagger,
            arn=state.domain_arn(domain_name, INTEGRATIONS, uri),
            domain_name=domain_name,
            uri=uri,
        )
        domain.integrations[uri] = integration
    else:
        integration.check_tags(tags)  # before the re-put changes anything
        integration.touch()
    integration.define(
        object_type_name,
        object_type_names,
        role_arn,
        event_trigger_names,
        scope,
        flow_name,
    )
    integration.set_flow_source(flow_definition)
    integration.set_tags(tags)
    for name in sorted(integration.object_types_used()):
        domain.materialize(name)
    return integration


class IntegrationsBackend(BackendState):
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
        Object type names need not be defined (a template ID names its implicit type,
        materialized here); ObjectTypeName and ObjectTypeNames may both be given, or
        neither. IsUnstructured is set by a FlowDefinition with ObjectTypeName
        ``_unstructured`` and kept by a later put without a FlowDefinition.
        """
        self._get_domain(domain_name)
        flow_name = flow_definition["FlowName"] if flow_definition else None
        if uri is None:
            if flow_name is None:
                raise BadRequestException(
                    "Uri is required when no FlowDefinition is given"
                )
            uri = flow_uri(self, flow_name)
        return define_integration(
            self,
            domain_name,
            uri,
            object_type_name,
            object_type_names,
            tags,
            flow_name,
            role_arn,
            event_trigger_names,
            scope,
            flow_definition,
        )

    def get_integration(self, domain_name: str, uri: str) -> Integration:
        return self._get_domain(domain_name).integration(uri)

    def delete_integration(self, domain_name: str, uri: str) -> str:
        domain = self._get_domain(domain_name)
        domain.integration(uri)
        domain.remove_integration(uri)
        return f"Integration {uri} was deleted."

    @paginated(lambda i: i.uri)
    def list_integrations(
        self, domain_name: str, include_hidden: bool | None = None
    ) -> list[Integration]:
        domain = self._get_domain(domain_name)
        return sorted(domain.integrations.values(), key=lambda i: i.uri)

    @paginated(lambda i: i.uri)
    def list_account_integrations(
        self, uri: str, include_hidden: bool | None = None
    ) -> list[Integration]:
        holder = _integration_holding(self, uri)
        return [holder] if holder is not None else []
