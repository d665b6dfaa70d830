"""PutIntentDefinition, GetIntentDefinition, DeleteIntentDefinition, ListIntentTypes
and BatchGetIntentForProfile."""

from __future__ import annotations

from typing import Any

from ..exceptions import BadRequestException
from ..resources.common import INTENTS, paginated
from ..resources.intents import (
    INSUFFICIENT_DATA,
    INTENT_DOMAINS,
    INTENT_NOT_ENABLED,
    IntentDefinition,
    IntentTypeGroup,
    check_predicted_intent,
    config_type,
)
from .base import BackendState


def check_intents(intents: list[dict[str, Any]]) -> None:
    """The rules of the model's documentation of Intents and IntentConfig."""
    seen: set[str] = set()
    for index, config in enumerate(intents):
        intent_type = config_type(config)
        if intent_type is None:
            raise BadRequestException(
                f"Intents[{index}] must specify exactly one intent configuration"
            )
        if intent_type in seen:
            raise BadRequestException(
                f"Intent type {intent_type} appears more than once in Intents"
            )
        seen.add(intent_type)
    if not any(next(iter(config.values())).get("Enabled") for config in intents):
        raise BadRequestException("At least one intent type must be enabled")


class IntentsBackend(BackendState):
    def put_intent_definition(
        self,
        domain_name: str,
        intent_domain: str,
        intents: list[dict[str, Any]],
        tags: dict[str, str] | None = None,
    ) -> IntentDefinition:
        """Creates the definition, or replaces its whole list of intent configurations
        (CreatedAt and tags are kept; tags may be given only at creation)."""
        domain = self._get_domain(domain_name)
        check_intents(intents)
        definition = domain.intent_definitions.get(intent_domain)
        if definition is not None:
            if tags:
                raise BadRequestException(
                    "Tags can be specified only when the intent definition is "
                    "created: use TagResource to change them"
                )
            definition.replace(intents)
            return definition
        definition = IntentDefinition(
            tagger=self.tagger,
            arn=self.domain_arn(domain_name, INTENTS, intent_domain),
            domain_name=domain_name,
            intent_domain=intent_domain,
            intents=intents,
        )
        definition.set_tags(tags)
        domain.intent_definitions[intent_domain] = definition
        return definition

    def get_intent_definition(
        self, domain_name: str, intent_domain: str
    ) -> IntentDefinition:
        return self._get_domain(domain_name).intent_definition(intent_domain)

    def delete_intent_definition(self, domain_name: str, intent_domain: str) -> None:
        """Predicted intents stay set; with no definition none is enabled."""
        domain = self._get_domain(domain_name)
        domain.intent_definition(intent_domain)
        domain.intent_definitions.pop(intent_domain).forget_tags()

    @paginated(lambda group: group.intent_domain)
    def list_intent_types(
        self, intent_domain: str | None = None
    ) -> list[IntentTypeGroup]:
        """Every IntentType of the model, in one group per intent domain; the
        descriptions are the mock's own (AWS publishes none)."""
        return [
            IntentTypeGroup(name)
            for name in INTENT_DOMAINS
            if intent_domain is None or name == intent_domain
        ]

    def batch_get_intent_for_profile(
        self,
        domain_name: str,
        intent_domain: str,
        intents: list[str],
        key_name: str,
        key_values: list[str],
    ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        """
        The intents a test set for the profile (``set_predicted_intents``); an enabled
        type with none set is an INSUFFICIENT_DATA error, a type the definition does not
        enable (or with no definition) INTENT_NOT_ENABLED. Each type requested is
        answered once, in the order requested.
        """
        domain = self._get_domain(domain_name)
        profile = domain.profile_by_key(key_name, key_values)
        definition = domain.intent_definitions.get(intent_domain)
        enabled = definition.enabled_types() if definition is not None else set()
        predicted = {
            result.intent_type: result
            for result in domain.predicted_intents.get(profile.profile_id, {}).get(
                intent_domain, []
            )
        }
        results: list[dict[str, str]] = []
        errors: list[dict[str, str]] = []
        for intent_type in dict.fromkeys(intents):
            if intent_type not in enabled:
                errors.append(
                    {
                        "IntentType": intent_type,
                        "Code": INTENT_NOT_ENABLED,
                        "Message": f"Intent type {intent_type} is not enabled in the "
                        f"intent definition {intent_domain}",
                    }
                )
            elif intent_type in predicted:
                results.append(predicted[intent_type].as_dict())
            else:
                errors.append(
                    {
                        "IntentType": intent_type,
                        "Code": INSUFFICIENT_DATA,
                        "Message": "The profile does not have enough recent activity "
                        f"to generate {intent_type}",
                    }
                )
        return results, errors

    def set_predicted_intents(
        self,
        domain_name: str,
        profile_id: str,
        intents: list[Any],
        intent_domain: str = "DEFAULT",
    ) -> None:
        """What AWS would predict for the profile, replacing what was set (not an AWS
        operation: see ``moto_customerprofiles.set_predicted_intents``)."""
        domain = self.domains.get(domain_name)
        if domain is None or profile_id not in domain.profiles:
            raise ValueError(f"No profile {profile_id} in domain {domain_name}")
        if intent_domain not in INTENT_DOMAINS:
            raise ValueError(f"IntentDomain must be one of {', '.join(INTENT_DOMAINS)}")
        if not isinstance(intents, list):
            raise ValueError("Intents must be a list")
        results = [check_predicted_intent(intent) for intent in intents]
        domain.predicted_intents.setdefault(profile_id, {})[intent_domain] = results
