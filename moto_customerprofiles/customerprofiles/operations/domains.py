"""CreateDomain, GetDomain, UpdateDomain, DeleteDomain and ListDomains."""

from __future__ import annotations

from typing import Any

from ..exceptions import BadRequestException
from ..resources.common import check_quota, paginated
from ..resources.domains import Domain, copy_request, with_matching_status
from .base import BackendState

MAX_DOMAINS_PER_REGION = 100


class DomainsBackend(BackendState):
    def create_domain(
        self,
        domain_name: str,
        default_expiration_days: int,
        default_encryption_key: str | None = None,
        dead_letter_queue_url: str | None = None,
        matching: dict[str, Any] | None = None,
        rule_based_matching: dict[str, Any] | None = None,
        data_store: dict[str, Any] | None = None,
        tags: dict[str, str] | None = None,
    ) -> Domain:
        """
        Matching, RuleBasedMatching and DataStore are stored and returned as given (left
        out when not given, as AWS does); identity resolution follows them (engine/matching.py,
        engine/ml_matching.py).
        """
        if domain_name in self.domains:
            raise BadRequestException(f"Domain {domain_name} already exists")
        check_quota(len(self.domains), MAX_DOMAINS_PER_REGION, "domains per region")
        domain = Domain(
            tagger=self.tagger,
            arn=self.domain_arn(domain_name),
            domain_name=domain_name,
            default_expiration_days=default_expiration_days,
            default_encryption_key=default_encryption_key,
            dead_letter_queue_url=dead_letter_queue_url,
            matching=matching,
            rule_based_matching=rule_based_matching,
            data_store=data_store,
        )
        domain.set_tags(tags)
        self.domains[domain_name] = domain
        return domain

    def get_domain(self, domain_name: str) -> Domain:
        """RuleBasedMatching.Status moves through moto's state manager (one step per
        GetDomain with a manual transition): see resources/matching.py."""
        domain = self._get_domain(domain_name)
        domain.identity_resolution.described()
        return domain

    def update_domain(
        self,
        domain_name: str,
        default_expiration_days: int | None = None,
        default_encryption_key: str | None = None,
        dead_letter_queue_url: str | None = None,
        matching: dict[str, Any] | None = None,
        rule_based_matching: dict[str, Any] | None = None,
        data_store: dict[str, Any] | None = None,
        tags: dict[str, str] | None = None,
    ) -> Domain:
        """
        Only the members given change. An empty DefaultEncryptionKey or
        DeadLetterQueueUrl clears the stored value, as AWS documents.
        """
        domain = self._get_domain(domain_name)
        domain.set_tags(tags)  # first: refused over the quota, before any change
        if default_expiration_days is not None:
            domain.default_expiration_days = default_expiration_days
        if default_encryption_key is not None:
            domain.default_encryption_key = default_encryption_key or None
        if dead_letter_queue_url is not None:
            domain.dead_letter_queue_url = dead_letter_queue_url or None
        if matching is not None:
            domain.matching = copy_request(matching)
        if rule_based_matching is not None:
            domain.rule_based_matching = with_matching_status(
                rule_based_matching, "PENDING"
            )
        if data_store is not None:
            domain.data_store = copy_request(data_store)
        domain.touch()
        return domain

    def delete_domain(self, domain_name: str) -> str:
        domain = self._get_domain(domain_name)
        for child in domain.children():
            child.forget_tags()
        domain.forget_tags()
        del self.domains[domain_name]
        return f"Domain {domain_name} was deleted."

    @paginated(lambda d: d.domain_name)
    def list_domains(self) -> list[Domain]:
        return sorted(self.domains.values(), key=lambda d: d.domain_name)
