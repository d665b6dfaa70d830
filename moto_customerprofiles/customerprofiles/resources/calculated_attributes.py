"""Calculated attribute definitions, and the values computed from them for a profile.

A definition's Status goes PREPARING -> IN_PROGRESS -> COMPLETED through moto's state
manager (model ``customerprofiles::calculated_attribute``): at once by default, one step
per Get/List of the definition when a test sets a manual transition.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from moto.moto_api import state_manager
from moto.moto_api._internal.managed_state_model import ManagedState
from moto.utilities.tagging_service import TaggingService

from .common import TaggableResource

MODEL_NAME = "customerprofiles::calculated_attribute"
PREPARING, IN_PROGRESS, COMPLETED = "PREPARING", "IN_PROGRESS", "COMPLETED"
PROGRESS = {PREPARING: 0, IN_PROGRESS: 50, COMPLETED: 100}

state_manager.register_default_transition(MODEL_NAME, {"progression": "immediate"})


class CalculatedAttributeDefinition(TaggableResource, ManagedState):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        calculated_attribute_name: str,
        display_name: str | None,
        description: str | None,
        attribute_details: dict[str, Any],
        conditions: dict[str, Any] | None,
        filter: dict[str, Any] | None,
        statistic: str,
        use_historical_data: bool | None,
    ) -> None:
        TaggableResource.__init__(self, tagger, arn)
        ManagedState.__init__(
            self, MODEL_NAME, [(PREPARING, IN_PROGRESS), (IN_PROGRESS, COMPLETED)]
        )
        self.calculated_attribute_name = calculated_attribute_name
        self.display_name = display_name
        self.description = description
        self.attribute_details = copy.deepcopy(attribute_details)
        self.conditions = copy.deepcopy(conditions)
        self.filter = copy.deepcopy(filter)
        self.statistic = statistic
        self.use_historical_data = bool(use_historical_data)
        _ = self.status  # an immediate progression completes at creation, not on a read

    def described(self) -> None:
        """A Get or List of the definition: one tick of a manual progression."""
        if state_manager.get_transition(self.model_name)["progression"] == "manual":
            self.advance()

    @property
    def readiness(self) -> dict[str, Any]:
        status = self.status or PREPARING
        readiness: dict[str, Any] = {"ProgressPercentage": PROGRESS.get(status, 0)}
        if status != COMPLETED:
            readiness["Message"] = "Historical data is being processed"
        return readiness

    @property
    def historical_data_ready(self) -> bool:
        return self.status == COMPLETED


# [BC] CalculatedAttributeValue.Value: string1To255
MAX_VALUE_LENGTH = 255


class CalculatedAttributeValue:
    """One definition's value for one profile (None: the profile has no value)."""

    def __init__(
        self,
        definition: CalculatedAttributeDefinition,
        profile_id: str,
        value: str | None,
        is_data_partial: bool,
        last_object_timestamp: datetime | None,
    ) -> None:
        self.calculated_attribute_name = definition.calculated_attribute_name
        self.display_name = definition.display_name
        self.profile_id = profile_id
        # The model's maximum; a longer value (a long field's occurrence) is cut.
        self.value = value if value is None else value[:MAX_VALUE_LENGTH]
        self.is_data_partial = "true" if is_data_partial else "false"
        self.last_object_timestamp = last_object_timestamp
