"""The Resource Groups Tagging API's view of the backend (moto >= 5.2.2).

moto 5.2.2 added ``moto.core.resource_tagging.TaggableResourcesMixin``: a backend that
mixes it in is listed by GetResources and tagged by TagResources and UntagResources.
Older moto lacks the module; the backend then simply does not take part.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

from .exceptions import CustomerProfilesException
from .operations.base import BackendState

try:
    _resource_tagging: Any = importlib.import_module("moto.core.resource_tagging")
except ImportError:  # moto 5.2.0 and 5.2.1
    _resource_tagging = None

SERVICE_NAMESPACE = "profile"
DOMAINS = "domains"
SUPPORTED = _resource_tagging is not None


def failure_info(error: CustomerProfilesException) -> dict[str, Any]:
    """An ARN this service refuses, as TagResources/UntagResources report it in
    ``FailedResourcesMap`` (AWS's FailureInfo): a missing resource or a quota is an
    ``InvalidParameterException`` ("The target ID is invalid, unsupported, or doesn't
    exist"; "an out-of-range value"), with this service's message."""
    return {
        "StatusCode": 400,
        "ErrorCode": "InvalidParameterException",
        "ErrorMessage": error.message,
    }


if _resource_tagging is not None:
    _Mixin: Any = _resource_tagging.TaggableResourcesMixin

    class ResourceGroupsTaggingBackend(BackendState, _Mixin):  # type: ignore[misc]
        """Every domain and every resource it holds, with its tags.

        Resource types are ``profile:domains`` and ``profile:<kind>`` for a domain's
        resources, named as in their ARNs (``profile:object-types``,
        ``profile:integrations``, ``profile:event-triggers``,
        ``profile:segment-definitions``, ``profile:event-streams``, ...). TagResources and
        UntagResources go through this service's own TagResource and UntagResource
        (``tag_resource``/``untag_resource`` of the tagging operations).
        """

        SERVICE_NAMESPACE = SERVICE_NAMESPACE

        def iter_tagged_resources(self) -> Iterator[Any]:
            tagged = _resource_tagging.TaggedResource
            with self.lock:  # a snapshot: requests may change the domains meanwhile
                found = []
                for domain in list(self.domains.values()):
                    found.append(
                        tagged(
                            domain.arn, domain.tags, f"{SERVICE_NAMESPACE}:{DOMAINS}"
                        )
                    )
                    for kind, resources in domain.children_by_kind().items():
                        for resource in resources.values():
                            found.append(
                                tagged(
                                    resource.arn,
                                    resource.tags,
                                    f"{SERVICE_NAMESPACE}:{kind}",
                                )
                            )
            return iter(found)

else:

    class ResourceGroupsTaggingBackend(BackendState):  # type: ignore[no-redef]
        """moto < 5.2.2 has no Resource Groups Tagging hook: nothing to add."""
