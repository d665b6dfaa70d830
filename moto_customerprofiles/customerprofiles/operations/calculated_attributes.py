"""CreateCalculatedAttributeDefinition, GetCalculatedAttributeDefinition,
UpdateCalculatedAttributeDefinition, DeleteCalculatedAttributeDefinition,
ListCalculatedAttributeDefinitions, GetCalculatedAttributeForProfile,
ListCalculatedAttributesForProfile and BatchGetCalculatedAttributeForProfile."""

from __future__ import annotations

import copy
from typing import Any

from ..engine.calculated_attributes import check_definition, value_for_profile
from ..engine.expressions import Expression
from ..exceptions import BadRequestException
from ..resources import clock
from ..resources.calculated_attributes import (
    CalculatedAttributeDefinition,
    CalculatedAttributeValue,
)
from ..resources.common import (
    CALCULATED_ATTRIBUTES,
    Page,
    check_quota,
    paginated,
)
from ..resources.domains import Domain
from ..resources.profiles import PROFILE, STANDARD_OBJECT_TYPES, missing_profile
from .base import BackendState

# "Maximum number of calculated attributes per domain: 50" (Customer Profiles quotas).
MAX_CALCULATED_ATTRIBUTES_PER_DOMAIN = 50
# "TimestampSource and TimestampFormat cannot be updated after a calculated attribute
# definition has been created." (admin guide, "Calculated attributes APIs").
CREATE_ONLY_RANGE_MEMBERS = ("TimestampSource", "TimestampFormat")


def _check_object_types(domain: Domain, attribute_details: dict[str, Any]) -> None:
    """ "Create a new calculated attribute. This requires an existing object type in the
    domain." (admin guide); AWS's default definitions read standard object types."""
    expression = Expression.from_attribute_details(attribute_details)
    for name in sorted(expression.object_types()):
        if name != PROFILE and name not in STANDARD_OBJECT_TYPES:
            domain.object_type(name)


def _updated_conditions(
    current: dict[str, Any] | None, update: dict[str, Any]
) -> dict[str, Any]:
    """Conditions after a partial update: each member given replaces the current one;
    a Range keeps the current TimestampSource and TimestampFormat."""
    result = copy.deepcopy(current or {})
    for member, value in update.items():
        if member != "Range":
            result[member] = copy.deepcopy(value)
            continue
        old_range = result.get("Range") or {}
        new_range = copy.deepcopy(value)
        for name in CREATE_ONLY_RANGE_MEMBERS:
            if name in new_range and new_range[name] != old_range.get(name):
                raise BadRequestException(
                    f"Conditions.Range.{name} cannot be updated after a calculated "
                    "attribute definition has been created"
                )
            if name in old_range:
                new_range[name] = old_range[name]
        result["Range"] = new_range
    return result


class CalculatedAttributesBackend(BackendState):
    def create_calculated_attribute_definition(
        self,
        domain_name: str,
        calculated_attribute_name: str,
        attribute_details: dict[str, Any],
        statistic: str,
        display_name: str | None = None,
        description: str | None = None,
        conditions: dict[str, Any] | None = None,
        filter: dict[str, Any] | None = None,
        use_historical_data: bool | None = None,
        tags: dict[str, str] | None = None,
    ) -> CalculatedAttributeDefinition:
        """
        Status and Readiness come from moto's state manager (model
        ``customerprofiles::calculated_attribute``): COMPLETED at once by default.
        Values are computed when read, from the profile's objects of the Expression's
        object type (the README lists the rules chosen where AWS documents none).
        """
        domain = self._get_domain(domain_name)
        if calculated_attribute_name in domain.calculated_attributes:
            raise BadRequestException(
                f"Calculated attribute definition with name {calculated_attribute_name} "
                "already exists"
            )
        check_quota(
            len(domain.calculated_attributes),
            MAX_CALCULATED_ATTRIBUTES_PER_DOMAIN,
            "calculated attributes per domain",
        )
        check_definition(attribute_details, statistic, conditions, filter)
        _check_object_types(domain, attribute_details)
        definition = CalculatedAttributeDefinition(
            tagger=self.tagger,
            arn=self.domain_arn(
                domain_name, CALCULATED_ATTRIBUTES, calculated_attribute_name
            ),
            calculated_attribute_name=calculated_attribute_name,
            display_name=display_name,
            description=description,
            attribute_details=attribute_details,
            conditions=conditions,
            filter=filter,
            statistic=statistic,
            use_historical_data=use_historical_data,
        )
        definition.set_tags(tags)
        domain.calculated_attributes[calculated_attribute_name] = definition
        return definition

    def get_calculated_attribute_definition(
        self, domain_name: str, calculated_attribute_name: str
    ) -> CalculatedAttributeDefinition:
        domain = self._get_domain(domain_name)
        definition = domain.calculated_attribute(calculated_attribute_name)
        definition.described()
        return definition

    def update_calculated_attribute_definition(
        self,
        domain_name: str,
        calculated_attribute_name: str,
        display_name: str | None = None,
        description: str | None = None,
        conditions: dict[str, Any] | None = None,
    ) -> CalculatedAttributeDefinition:
        """
        Conditions are updated member by member (Range, ObjectCount, Threshold); the
        Range's TimestampSource and TimestampFormat cannot change. Widening the Range
        includes objects already stored (AWS does not reprocess historical data).
        """
        domain = self._get_domain(domain_name)
        definition = domain.calculated_attribute(calculated_attribute_name)
        new_conditions = definition.conditions
        if conditions is not None:
            new_conditions = _updated_conditions(definition.conditions, conditions)
            check_definition(
                definition.attribute_details,
                definition.statistic,
                new_conditions,
                definition.filter,
            )
        if display_name is not None:
            definition.display_name = display_name
        if description is not None:
            definition.description = description
        definition.conditions = new_conditions
        definition.touch()
        return definition

    def delete_calculated_attribute_definition(
        self, domain_name: str, calculated_attribute_name: str
    ) -> None:
        domain = self._get_domain(domain_name)
        domain.calculated_attribute(calculated_attribute_name)
        domain.calculated_attributes.pop(calculated_attribute_name).forget_tags()

    @paginated(lambda d: d.calculated_attribute_name)
    def list_calculated_attribute_definitions(
        self, domain_name: str
    ) -> list[CalculatedAttributeDefinition]:
        domain = self._get_domain(domain_name)
        definitions = sorted(
            domain.calculated_attributes.values(),
            key=lambda d: d.calculated_attribute_name,
        )
        for definition in definitions:
            definition.described()
        return definitions

    def get_calculated_attribute_for_profile(
        self, domain_name: str, profile_id: str, calculated_attribute_name: str
    ) -> CalculatedAttributeValue:
        """The value is computed when asked, at moto's current time."""
        domain = self._get_domain(domain_name)
        profile = domain.profile(profile_id)
        definition = domain.calculated_attribute(calculated_attribute_name)
        return value_for_profile(domain, definition, profile, clock.now())

    @paginated(lambda d: d.calculated_attribute_name)
    def _calculated_attributes_page(
        self, domain_name: str, profile_id: str
    ) -> list[CalculatedAttributeDefinition]:
        domain = self._get_domain(domain_name)
        domain.profile(profile_id)
        return sorted(
            domain.calculated_attributes.values(),
            key=lambda d: d.calculated_attribute_name,
        )

    def list_calculated_attributes_for_profile(
        self,
        domain_name: str,
        profile_id: str,
        next_token: str | None = None,
        max_results: int | None = None,
    ) -> Page:
        """Every definition of the domain, with or without a value for the profile."""
        page = self._calculated_attributes_page(
            domain_name=domain_name,
            profile_id=profile_id,
            next_token=next_token,
            max_results=max_results,
        )
        domain = self._get_domain(domain_name)
        profile = domain.profile(profile_id)
        now = clock.now()
        values = [value_for_profile(domain, d, profile, now) for d in page.items]
        return Page((values, page.next_token))

    def batch_get_calculated_attribute_for_profile(
        self,
        domain_name: str,
        calculated_attribute_name: str,
        profile_ids: list[str],
        condition_overrides: dict[str, Any] | None = None,
    ) -> tuple[
        list[dict[str, str]], list[CalculatedAttributeValue], dict[str, Any] | None
    ]:
        """ConditionOverrides.Range replaces the definition's Range window."""
        domain = self._get_domain(domain_name)
        definition = domain.calculated_attribute(calculated_attribute_name)
        range_override = (condition_overrides or {}).get("Range")
        now = clock.now()
        errors, values = [], []
        for profile_id in profile_ids:
            profile = domain.profiles.get(profile_id)
            if profile is None:
                errors.append(missing_profile(domain_name, profile_id))
            else:
                values.append(
                    value_for_profile(domain, definition, profile, now, range_override)
                )
        return errors, values, condition_overrides
