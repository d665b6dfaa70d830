"""ListObjectTypeAttributes, ListObjectTypeAttributeValues,
GetObjectTypeAttributeStatistics and ListProfileAttributeValues."""

from __future__ import annotations

from typing import Any

from ..engine.attribute_values import (
    attribute_statistics,
    last_calculation,
    object_type_attribute_values,
    object_type_attributes,
    profile_attribute_values,
)
from ..exceptions import BadRequestException
from ..resources.clock import now
from ..resources.common import paginated
from ..resources.domains import Domain
from ..resources.profiles import STANDARD_OBJECT_TYPES
from ..resources.values import epoch_millis
from .base import BackendState


def _check_object_type(domain: Domain, object_type_name: str) -> None:
    """A defined type, a template ID or a standard object type ("supporting both
    custom and standard object types")."""
    if object_type_name not in STANDARD_OBJECT_TYPES:
        domain.object_type(object_type_name)


class AttributesBackend(BackendState):
    @paginated(lambda item: item["AttributeName"])
    def list_object_type_attributes(
        self, domain_name: str, object_type_name: str
    ) -> list[dict[str, Any]]:
        """
        By name: each of the type's fields (a standard object type: each member) that
        has a value in one of the type's stored objects, with the last time such an
        object was stored. Computed from the stored objects.
        """
        domain = self._get_domain(domain_name)
        _check_object_type(domain, object_type_name)
        return object_type_attributes(domain, object_type_name)

    @paginated(lambda item: [-epoch_millis(item["LastUpdatedAt"]), item["Value"]])
    def list_object_type_attribute_values(
        self, domain_name: str, object_type_name: str, attribute_name: str
    ) -> list[dict[str, Any]]:
        """
        The distinct values of a field (a standard object type: a member path) in the
        type's stored objects, newest first, within the documented 350 KB.
        """
        domain = self._get_domain(domain_name)
        _check_object_type(domain, object_type_name)
        return object_type_attribute_values(domain, object_type_name, attribute_name)

    def get_object_type_attribute_statistics(
        self, domain_name: str, object_type_name: str, attribute_name: str
    ) -> dict[str, Any]:
        """
        Needs the domain's data store enabled (documented). The daily calculation is at
        00:00 UTC of the service's clock (CalculatedAt): it covers the objects stored
        before then, so an object stored today counts from tomorrow. Null members when
        no numeric value was there (the first period, or a text attribute).
        """
        domain = self._get_domain(domain_name)
        if not domain.data_store_enabled:
            raise BadRequestException(
                f"Data store must be enabled on domain {domain_name} "
                "to get attribute statistics"
            )
        _check_object_type(domain, object_type_name)
        calculated_at = last_calculation(now())
        return {
            "Statistics": attribute_statistics(
                domain, object_type_name, attribute_name, calculated_at
            ),
            "CalculatedAt": calculated_at,
        }

    def list_profile_attribute_values(
        self, domain_name: str, attribute_name: str
    ) -> dict[str, Any]:
        """
        The distinct values of a profile member path (``FirstName``, ``Address.City``,
        ``Attributes.tier``) across the domain's profiles, the newest profile's first,
        at most 1,000. A name no profile has gives no values.
        """
        domain = self._get_domain(domain_name)
        values = profile_attribute_values(domain, attribute_name)
        return {
            "DomainName": domain_name,
            "AttributeName": attribute_name,
            "Items": [{"Value": value} for value in values],
            "StatusCode": 200,
        }
