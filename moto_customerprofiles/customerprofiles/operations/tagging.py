"""TagResource, UntagResource and ListTagsForResource for every taggable resource."""

from __future__ import annotations

import re

from ..exceptions import BadRequestException, ResourceNotFoundException
from ..resources.common import TaggableResource
from .base import BackendState

_ARN = re.compile(
    r"^arn:(?P<partition>[^:]+):profile:(?P<region>[^:]*):(?P<account_id>[^:]*):"
    r"domains/(?P<domain_name>[^/]+)(?:/(?P<kind>[a-z-]+)/(?P<name>.+))?$"
)


class TaggingBackend(BackendState):
    def _get_taggable(self, resource_arn: str) -> TaggableResource:
        match = _ARN.match(resource_arn)
        if match is None:
            raise BadRequestException(f"Invalid resourceArn {resource_arn}")
        not_found = ResourceNotFoundException(
            f"Resource {resource_arn} does not exist."
        )
        if (
            match["partition"] != self.partition
            or match["region"] != self.region_name
            or match["account_id"] != self.account_id
        ):
            raise not_found
        domain = self.domains.get(match["domain_name"])
        if domain is None:
            raise not_found
        if match["kind"] is None:
            return domain
        resource = domain.children_by_kind().get(match["kind"], {}).get(match["name"])
        if resource is None:
            raise not_found
        return resource

    def tag_resource(self, resource_arn: str, tags: dict[str, str]) -> None:
        """Also the Resource Groups Tagging API's hook (TagResources), which calls it
        outside this service's requests: hence the lock here too (it is reentrant)."""
        with self.lock:
            self._get_taggable(resource_arn).set_tags(tags)

    def untag_resource(self, resource_arn: str, tag_keys: list[str]) -> None:
        """Also the Tagging API's hook (UntagResources); see ``tag_resource``."""
        with self.lock:
            resource = self._get_taggable(resource_arn)
            self.tagger.untag_resource_using_names(resource.arn, tag_keys)

    def list_tags_for_resource(self, resource_arn: str) -> dict[str, str]:
        return self._get_taggable(resource_arn).tags
