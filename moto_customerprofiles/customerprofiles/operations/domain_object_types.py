"""PutDomainObjectType, GetDomainObjectType, DeleteDomainObjectType and
ListDomainObjectTypes."""

from __future__ import annotations

from ..exceptions import BadRequestException
from ..resources.common import DOMAIN_OBJECT_TYPES, paginated
from ..resources.domain_object_types import DomainObjectType
from .base import BackendState


class DomainObjectTypesBackend(BackendState):
    def put_domain_object_type(
        self,
        domain_name: str,
        object_type_name: str,
        fields: dict[str, dict[str, str]],
        description: str | None = None,
        encryption_key: str | None = None,
        tags: dict[str, str] | None = None,
    ) -> DomainObjectType:
        """
        Creates or replaces the type (Description, EncryptionKey and Fields as given; a
        replaced type keeps its CreatedAt, and its tags, to which Tags are added).
        Creating one needs the domain's data store enabled (AWS's documented rule);
        updating an existing one does not. Fields are stored as given: AWS documents no
        syntax for Source and Target, and nothing is ingested through them.
        """
        domain = self._get_domain(domain_name)
        existing = domain.domain_object_types.get(object_type_name)
        if existing is None and not domain.data_store_enabled:
            raise BadRequestException(
                f"Data store must be enabled on domain {domain_name} "
                "to create a domain object type"
            )
        arn = self.domain_arn(domain_name, DOMAIN_OBJECT_TYPES, object_type_name)
        domain_object_type = DomainObjectType(
            tagger=self.tagger,
            arn=arn,
            object_type_name=object_type_name,
            description=description,
            encryption_key=encryption_key,
            fields=fields,
        )
        domain_object_type.check_tags(tags)
        if existing is not None:
            domain_object_type.created_at = existing.created_at
        domain_object_type.set_tags(tags)
        domain.domain_object_types[object_type_name] = domain_object_type
        return domain_object_type

    def get_domain_object_type(
        self, domain_name: str, object_type_name: str
    ) -> DomainObjectType:
        return self._get_domain(domain_name).domain_object_type(object_type_name)

    def delete_domain_object_type(
        self, domain_name: str, object_type_name: str
    ) -> None:
        domain = self._get_domain(domain_name)
        domain.domain_object_type(object_type_name)
        domain.domain_object_types.pop(object_type_name).forget_tags()

    @paginated(lambda o: o.object_type_name)
    def list_domain_object_types(self, domain_name: str) -> list[DomainObjectType]:
        """By name; Items carry neither Fields nor EncryptionKey (the model's item)."""
        domain = self._get_domain(domain_name)
        return sorted(
            domain.domain_object_types.values(), key=lambda o: o.object_type_name
        )
