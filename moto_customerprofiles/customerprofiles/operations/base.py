"""The state every operation module shares: the domains of one account and region."""

from __future__ import annotations

import threading

from moto.core.base_backend import BaseBackend
from moto.utilities.tagging_service import TaggingService

from ..engine.ml_matching import run_due_jobs
from ..engine.sources import read_sources
from ..exceptions import ResourceNotFoundException
from ..resources.common import make_arn
from ..resources.domains import Domain
from ..resources.event_triggers import TriggerInvocation


class BackendState(BaseBackend):
    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.domains: dict[str, Domain] = {}
        self.tagger = TaggingService()
        # Every event-trigger evaluation, oldest first (kept after its domain is gone).
        self.trigger_invocations: list[TriggerInvocation] = []
        # Held around every request to this backend (CustomerProfilesResponse.call_action)
        # and by the /moto-api/ reader: one request's effect is atomic to every other's.
        self.lock = threading.RLock()

    def _get_domain(self, domain_name: str) -> Domain:
        domain = self.domains.get(domain_name)
        if domain is None:
            raise ResourceNotFoundException(f"Domain {domain_name} does not exist.")
        read_sources(domain, self.account_id, self.region_name)
        run_due_jobs(domain, self.account_id, self.partition)
        return domain

    def domain_arn(
        self, domain_name: str, kind: str | None = None, name: str | None = None
    ) -> str:
        return make_arn(
            self.partition, self.region_name, self.account_id, domain_name, kind, name
        )
