"""The Customer Profiles backend: one per account and region."""

from moto.core.base_backend import BackendDict

from .tagging import TaggingBackend


class CustomerProfilesBackend(TaggingBackend):
    """Implementation of Customer Profiles APIs.

    Each resource family lives in its own module (domains, object types, tagging); this
    class combines them, as moto's EC2 backend does.
    """


customerprofiles_backends = BackendDict(CustomerProfilesBackend, "customer-profiles")
