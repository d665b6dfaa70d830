"""The Customer Profiles backend: one per account and region."""

from moto.core.base_backend import BackendDict

from .operations.attributes import AttributesBackend
from .operations.calculated_attributes import CalculatedAttributesBackend
from .operations.detection import DetectionBackend
from .operations.domain_object_types import DomainObjectTypesBackend
from .operations.domains import DomainsBackend
from .operations.event_streams import EventStreamsBackend
from .operations.event_triggers import EventTriggersBackend
from .operations.history import ProfileHistoryBackend
from .operations.integrations import IntegrationsBackend
from .operations.intents import IntentsBackend
from .operations.layouts import DomainLayoutsBackend
from .operations.matching import IdentityResolutionBackend
from .operations.object_types import ObjectTypesBackend
from .operations.profile_objects import ProfileObjectsBackend
from .operations.profiles import ProfilesBackend
from .operations.recommenders import RecommendersBackend
from .operations.segment_membership import SegmentMembershipBackend
from .operations.segment_snapshots import SegmentSnapshotsBackend
from .operations.segment_subscriptions import SegmentSubscriptionsBackend
from .operations.segments import SegmentsBackend
from .operations.tagging import TaggingBackend
from .operations.templates import TemplatesBackend
from .operations.upload_jobs import UploadJobsBackend
from .operations.workflows import WorkflowsBackend
from .tagging_api import ResourceGroupsTaggingBackend


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
    CalculatedAttributesBackend,
    TaggingBackend,
    TemplatesBackend,
    DomainLayoutsBackend,
    IntentsBackend,
    RecommendersBackend,
    DomainObjectTypesBackend,
    AttributesBackend,
    DetectionBackend,
    ProfileHistoryBackend,
    UploadJobsBackend,
    SegmentSnapshotsBackend,
    SegmentSubscriptionsBackend,
    IdentityResolutionBackend,
    WorkflowsBackend,
    ResourceGroupsTaggingBackend,  # last: the Tagging API's hooks are ours above
):
    """Implementation of Customer Profiles APIs.

    Each resource family's operations come from its own module in ``operations``, side
    by side; they share only the domains of ``BackendState``. See ARCHITECTURE.md.
    """


customerprofiles_backends = BackendDict(CustomerProfilesBackend, "customer-profiles")
