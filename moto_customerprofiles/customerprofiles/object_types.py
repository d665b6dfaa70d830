"""Profile object types: how ingested objects map onto profiles."""

from __future__ import annotations

import copy
from typing import Any

from moto.utilities.tagging_service import TaggingService

from .base import TaggableResource, check_quota, find_in_domain
from .domains import DomainsBackend
from .exceptions import BadRequestException
from .utils import OBJECT_TYPES, paginated

MAX_OBJECT_TYPES_PER_DOMAIN = 100
MAX_KEYS_PER_OBJECT_TYPE = 10
TEMPLATE_EXCLUSIVE_MEMBERS = (
    "AllowProfileCreation",
    "SourceLastUpdatedTimestampFormat",
    "Fields",
    "Keys",
)


class ProfileObjectType(TaggableResource):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        object_type_name: str,
        description: str,
        template_id: str | None,
        expiration_days: int | None,
        encryption_key: str | None,
        allow_profile_creation: bool,
        source_last_updated_timestamp_format: str | None,
        max_profile_object_count: int | None,
        source_priority: int | None,
        fields: dict[str, Any] | None,
        keys: dict[str, list[dict[str, Any]]] | None,
    ) -> None:
        super().__init__(tagger, arn)
        self.object_type_name = object_type_name
        self.description = description
        self.template_id = template_id
        self.expiration_days = expiration_days
        self.encryption_key = encryption_key
        self.allow_profile_creation = allow_profile_creation
        self.source_last_updated_timestamp_format = source_last_updated_timestamp_format
        self.max_profile_object_count = max_profile_object_count
        self.source_priority = source_priority
        self.fields = copy.deepcopy(fields) if fields else {}
        self.keys = copy.deepcopy(keys) if keys else {}

    @property
    def max_available_profile_object_count(self) -> int | None:
        return self.max_profile_object_count


def _check_definition(
    object_type_name: str,
    template_id: str | None,
    given: dict[str, Any],
    fields: dict[str, Any] | None,
    keys: dict[str, list[dict[str, Any]]] | None,
) -> None:
    if object_type_name.startswith("_"):
        raise BadRequestException(
            f"Invalid ObjectTypeName {object_type_name}: object type names cannot "
            "start with '_', which is reserved for standard object types"
        )
    if template_id is not None:
        clashing = [
            name for name in TEMPLATE_EXCLUSIVE_MEMBERS if given.get(name) is not None
        ]
        if clashing:
            raise BadRequestException(
                f"{', '.join(clashing)} cannot be specified together with TemplateId"
            )
        return
    if not keys:
        raise BadRequestException(
            f"Object type {object_type_name} must define at least one key in Keys"
        )
    check_quota(len(keys) - 1, MAX_KEYS_PER_OBJECT_TYPE, "keys per object type")
    unique_keys = [
        name
        for name, definitions in keys.items()
        for definition in definitions
        if "UNIQUE" in definition.get("StandardIdentifiers", [])
    ]
    if len(unique_keys) > 1:
        raise BadRequestException(
            f"Only one key can be UNIQUE, found: {', '.join(sorted(set(unique_keys)))}"
        )
    known_fields = fields or {}
    for key_name, definitions in keys.items():
        for definition in definitions:
            for field_name in definition.get("FieldNames", []):
                if field_name not in known_fields:
                    raise BadRequestException(
                        f"Keys[{key_name}] names field {field_name}, which is not defined in Fields"
                    )


class ObjectTypesBackend(DomainsBackend):
    def put_profile_object_type(
        self,
        domain_name: str,
        object_type_name: str,
        description: str,
        template_id: str | None = None,
        expiration_days: int | None = None,
        encryption_key: str | None = None,
        allow_profile_creation: bool | None = None,
        source_last_updated_timestamp_format: str | None = None,
        max_profile_object_count: int | None = None,
        source_priority: int | None = None,
        fields: dict[str, Any] | None = None,
        keys: dict[str, list[dict[str, Any]]] | None = None,
        tags: dict[str, str] | None = None,
    ) -> ProfileObjectType:
        """
        Creates or replaces the object type; a replaced type keeps its CreatedAt.
        A TemplateId is stored as given: the template's own Fields and Keys are not
        filled in.
        """
        domain = self._get_domain(domain_name)
        _check_definition(
            object_type_name,
            template_id,
            {
                "AllowProfileCreation": allow_profile_creation,
                "SourceLastUpdatedTimestampFormat": source_last_updated_timestamp_format,
                "Fields": fields,
                "Keys": keys,
            },
            fields,
            keys,
        )
        existing = domain.object_types.get(object_type_name)
        if existing is None:
            check_quota(
                len(domain.object_types),
                MAX_OBJECT_TYPES_PER_DOMAIN,
                "object types per domain",
            )
        object_type = ProfileObjectType(
            tagger=self.tagger,
            arn=self.domain_arn(domain_name, OBJECT_TYPES, object_type_name),
            object_type_name=object_type_name,
            description=description,
            template_id=template_id,
            expiration_days=expiration_days
            if expiration_days is not None
            else domain.default_expiration_days,
            encryption_key=encryption_key,
            allow_profile_creation=bool(allow_profile_creation),
            source_last_updated_timestamp_format=source_last_updated_timestamp_format,
            max_profile_object_count=max_profile_object_count,
            source_priority=source_priority,
            fields=fields,
            keys=keys,
        )
        if existing is not None:
            object_type.created_at = existing.created_at
        object_type.set_tags(tags)
        domain.object_types[object_type_name] = object_type
        return object_type

    def _get_object_type(
        self, domain_name: str, object_type_name: str
    ) -> ProfileObjectType:
        domain = self._get_domain(domain_name)
        return find_in_domain(
            domain.object_types, "Object type", object_type_name, domain_name
        )

    def get_profile_object_type(
        self, domain_name: str, object_type_name: str
    ) -> ProfileObjectType:
        return self._get_object_type(domain_name, object_type_name)

    def delete_profile_object_type(
        self, domain_name: str, object_type_name: str
    ) -> str:
        """
        Also deletes the event triggers on the type and disables the integrations that
        use it (see the README's limitations).
        """
        self._get_object_type(domain_name, object_type_name)
        self.domains[domain_name].remove_object_type(object_type_name)
        return f"Object type {object_type_name} was deleted."

    @paginated
    def list_profile_object_types(self, domain_name: str) -> list[ProfileObjectType]:
        domain = self._get_domain(domain_name)
        return sorted(domain.object_types.values(), key=lambda o: o.object_type_name)
