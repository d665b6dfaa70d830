"""The Customer Profiles backend: one per account and region."""

from typing import Any

from moto.core.base_backend import BackendDict

from .operations.domains import DomainsBackend
from .operations.event_streams import EventStreamsBackend
from .operations.event_triggers import EventTriggersBackend
from .operations.integrations import IntegrationsBackend
from .operations.object_types import ObjectTypesBackend
from .operations.profile_objects import ProfileObjectsBackend
from .operations.profiles import ProfilesBackend
from .operations.segment_membership import SegmentMembershipBackend
from .operations.segments import SegmentsBackend
from .operations.tagging import TaggingBackend
from .operations.templates import TemplatesBackend


class CustomerProfilesBackend(
    DomainsBackend,
    ObjectTypesBackend,
    SegmentsBackend,
    EventTriggersBackend,
    IntegrationsBackend,
    EventStreamsBackend,
    ProfilesBackend,
    ProfileObjectsBackend,
    SegmentMembershipBackend,
    TaggingBackend,
    TemplatesBackend,
):
    """Implementation of Customer Profiles APIs.

    Each resource family's operations come from its own module in ``operations``, side
    by side; they share only the domains of ``BackendState``. See ARCHITECTURE.md.
    """

    def list_trigger_invocations(
        self, domain_name: str | None = None
    ) -> list[dict[str, Any]]:
        return [
            i.as_dict()
            for i in self.trigger_invocations
            if domain_name is None or i.domain_name == domain_name
        ]


customerprofiles_backends = BackendDict(CustomerProfilesBackend, "customer-profiles")
