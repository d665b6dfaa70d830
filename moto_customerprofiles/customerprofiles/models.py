"""The Customer Profiles backend: one per account and region."""

from moto.core.base_backend import BackendDict

from .tagging import TaggingBackend


class CustomerProfilesBackend(TaggingBackend):
    """Implementation of Customer Profiles APIs.

    Each resource family lives in its own module (domains, object types, segment
    definitions, event triggers, integrations, event streams, profiles, segment
    membership, live triggers, tagging), each building on the one before;
    this class is the last of the chain.
    """


customerprofiles_backends = BackendDict(CustomerProfilesBackend, "customer-profiles")
