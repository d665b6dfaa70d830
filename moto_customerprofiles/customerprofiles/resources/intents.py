"""Predictive Intents: intent definitions per intent domain, and the intents AWS
predicts for a profile.

AWS predicts intents from a profile's recent web clickstream; the mock predicts none.
A test sets a profile's predicted intents (``moto_customerprofiles.set_predicted_intents``
or ``POST /moto-api/customerprofiles/predicted-intents``); BatchGetIntentForProfile
returns those of the types the definition enables.
"""

from __future__ import annotations

import copy
from typing import Any

from moto.utilities.tagging_service import TaggingService

from .common import TaggableResource

# The model's IntentConfig members, by the IntentType each configures.
CONFIG_MEMBERS = {
    "PriceSensitivityConfig": "PRICE_SENSITIVITY",
    "WebSessionSummaryConfig": "WEB_SESSION_SUMMARY",
    "UpgradeUpsellPropensityConfig": "UPGRADE_UPSELL_PROPENSITY",
    "LastSearchIntentConfig": "LAST_SEARCH_INTENT",
}
INTENT_TYPES = tuple(CONFIG_MEMBERS.values())
INTENT_DOMAINS = ("DEFAULT",)
# ListIntentTypes' descriptions: AWS publishes none; these paraphrase the model's
# documentation of what each type returns (IntentResult.Summary and Value).
DESCRIPTIONS = {
    "PRICE_SENSITIVITY": "How sensitive the customer is to price, as a "
    "classification such as HIGH or LOW.",
    "WEB_SESSION_SUMMARY": "A natural language summary of the customer's recent "
    "web session.",
    "UPGRADE_UPSELL_PROPENSITY": "How likely the customer is to accept an upgrade "
    "or upsell, as a classification such as HIGH or LOW.",
    "LAST_SEARCH_INTENT": "A natural language summary of what the customer last "
    "searched for.",
}
# Which member of an IntentResult each type fills (IntentResult's documentation).
SUMMARY_TYPES = ("WEB_SESSION_SUMMARY", "LAST_SEARCH_INTENT")

INTENT_NOT_ENABLED = "INTENT_NOT_ENABLED"
INSUFFICIENT_DATA = "INSUFFICIENT_DATA"


def config_type(config: dict[str, Any]) -> str | None:
    """The IntentType an IntentConfig configures, or None unless exactly one member."""
    members = [name for name in config if name in CONFIG_MEMBERS]
    return CONFIG_MEMBERS[members[0]] if len(members) == 1 == len(config) else None


class IntentDefinition(TaggableResource):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        domain_name: str,
        intent_domain: str,
        intents: list[dict[str, Any]],
    ) -> None:
        super().__init__(tagger, arn)
        self.domain_name = domain_name
        self.intent_domain = intent_domain
        self.intents = copy.deepcopy(intents)

    @property
    def intent_definition_arn(self) -> str:
        return self.arn

    def replace(self, intents: list[dict[str, Any]]) -> None:
        self.intents = copy.deepcopy(intents)
        self.touch()

    def enabled_types(self) -> set[str]:
        return {
            intent_type
            for config in self.intents
            if (intent_type := config_type(config)) is not None
            and next(iter(config.values())).get("Enabled")
        }


class IntentTypeInfo:
    def __init__(self, intent_type: str) -> None:
        self.intent_type = intent_type
        self.description = DESCRIPTIONS[intent_type]


class IntentTypeGroup:
    def __init__(self, intent_domain: str) -> None:
        self.intent_domain = intent_domain
        self.types = [IntentTypeInfo(t) for t in INTENT_TYPES]


class IntentResult:
    """A predicted intent: Summary for the summary types, Value for the others."""

    def __init__(
        self, intent_type: str, summary: str | None = None, value: str | None = None
    ) -> None:
        self.intent_type = intent_type
        self.summary = summary
        self.value = value

    def as_dict(self) -> dict[str, str]:
        result = {"IntentType": self.intent_type}
        if self.summary is not None:
            result["Summary"] = self.summary
        if self.value is not None:
            result["Value"] = self.value
        return result


def check_predicted_intent(intent: Any) -> IntentResult:
    """One item given to ``set_predicted_intents``: the model's IntentResult, checked
    against the model (ValueError otherwise)."""
    if not isinstance(intent, dict):
        raise ValueError(f"An intent must be an object: {intent!r}")
    unknown = set(intent) - {"IntentType", "Summary", "Value"}
    if unknown:
        raise ValueError(f"Unknown intent members: {sorted(unknown)}")
    intent_type = intent.get("IntentType")
    if intent_type not in INTENT_TYPES:
        raise ValueError(f"IntentType must be one of {', '.join(INTENT_TYPES)}")
    for member, limit in (("Summary", 4000), ("Value", 255)):
        text = intent.get(member)
        if text is not None and (
            not isinstance(text, str) or not 1 <= len(text) <= limit
        ):
            raise ValueError(f"{member} must be a string of 1 to {limit} characters")
    return IntentResult(intent_type, intent.get("Summary"), intent.get("Value"))
