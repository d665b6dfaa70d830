"""State and lookups shared by every part of the Customer Profiles backend."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from moto.core.base_backend import BaseBackend
from moto.core.common_models import BaseModel
from moto.core.utils import utcnow
from moto.utilities.tagging_service import TaggingService

from .exceptions import BadRequestException, ResourceNotFoundException

if TYPE_CHECKING:
    from .domains import Domain


T = TypeVar("T")


def not_found_message(kind: str, name: str, domain_name: str) -> str:
    return f"{kind} {name} does not exist in domain {domain_name}."


def find_in_domain(
    resources: Mapping[str, T], kind: str, name: str, domain_name: str
) -> T:
    """One of a domain's resources, or the ResourceNotFoundException naming it."""
    resource = resources.get(name)
    if resource is None:
        raise ResourceNotFoundException(not_found_message(kind, name, domain_name))
    return resource


def check_quota(count: int, limit: int, what: str) -> None:
    """Refuse one more resource when ``count`` already reaches the documented quota."""
    if count >= limit:
        raise BadRequestException(f"Exceeded the quota of {what} ({limit})")


class TaggableResource(BaseModel):
    """A resource with an ARN whose tags live in the backend's TaggingService."""

    def __init__(self, tagger: TaggingService, arn: str) -> None:
        self._tagger = tagger
        self.arn = arn
        self.created_at: datetime = utcnow()
        self.last_updated_at: datetime = self.created_at

    @property
    def tags(self) -> dict[str, str]:
        return self._tagger.get_tag_dict_for_resource(self.arn)

    def set_tags(self, tags: dict[str, str] | None) -> None:
        if tags:
            self._tagger.tag_resource(
                self.arn, [{"Key": k, "Value": v} for k, v in tags.items()]
            )

    def touch(self) -> None:
        self.last_updated_at = utcnow()

    def forget_tags(self) -> None:
        self._tagger.delete_all_tags_for_resource(self.arn)


class CustomerProfilesBackendBase(BaseBackend):
    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.domains: dict[str, Domain] = {}
        self.tagger = TaggingService()

    def _get_domain(self, domain_name: str) -> Domain:
        domain = self.domains.get(domain_name)
        if domain is None:
            raise ResourceNotFoundException(f"Domain {domain_name} does not exist.")
        return domain
