"""Profile object types: how ingested objects map onto profiles."""

from __future__ import annotations

import copy
from typing import Any

from moto.utilities.tagging_service import TaggingService

from ..exceptions import BadRequestException
from .common import TaggableResource, check_quota, templates

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
        # An implicit type: a template ID used as an ObjectTypeName, never put.
        self.implicit = False

    @classmethod
    def from_template(
        cls,
        tagger: TaggingService,
        arn: str,
        template_id: str,
        expiration_days: int,
    ) -> ProfileObjectType:
        """The implicit object type named after a template (Description: its ID)."""
        template = templates()[template_id]
        object_type = cls(
            tagger=tagger,
            arn=arn,
            object_type_name=template_id,
            description=template_id,
            template_id=template_id,
            expiration_days=expiration_days,
            encryption_key=None,
            allow_profile_creation=bool(template.get("AllowProfileCreation")),
            source_last_updated_timestamp_format=template.get(
                "SourceLastUpdatedTimestampFormat"
            ),
            max_profile_object_count=None,
            source_priority=None,
            fields=template.get("Fields"),
            keys=template.get("Keys"),
        )
        object_type.implicit = True
        return object_type

    @property
    def max_available_profile_object_count(self) -> int | None:
        return self.max_profile_object_count


def check_definition(
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
