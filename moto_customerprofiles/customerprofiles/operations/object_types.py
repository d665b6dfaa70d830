"""PutProfileObjectType, GetProfileObjectType, DeleteProfileObjectType and
ListProfileObjectTypes."""

from __future__ import annotations

from typing import Any

from ..engine.changes import profiles_changed
from ..engine.export import UPDATED, export
from ..resources.common import OBJECT_TYPES, check_quota, paginated, templates
from ..resources.object_types import ProfileObjectType, check_definition
from ..resources.profiles import PROFILE
from .base import BackendState

MAX_OBJECT_TYPES_PER_DOMAIN = 100


class ObjectTypesBackend(BackendState):
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
        Creates or replaces the object type; a replaced type keeps its CreatedAt (an
        implicit one is replaced wholesale). A known TemplateId fills in the template's
        Fields, Keys and AllowProfileCreation; an unknown one is stored as given.
        """
        domain = self._get_domain(domain_name)
        check_definition(
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
        if existing is not None and existing.implicit:
            existing = None
        if existing is None:
            check_quota(
                sum(1 for o in domain.object_types.values() if not o.implicit),
                MAX_OBJECT_TYPES_PER_DOMAIN,
                "object types per domain",
            )
        template = templates().get(template_id or "")
        if template is not None:
            fields = template.get("Fields")
            keys = template.get("Keys")
            allow_profile_creation = template.get("AllowProfileCreation")
            source_last_updated_timestamp_format = template.get(
                "SourceLastUpdatedTimestampFormat"
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

    def get_profile_object_type(
        self, domain_name: str, object_type_name: str
    ) -> ProfileObjectType:
        """A template ID not yet used in the domain becomes its implicit type here."""
        domain = self._get_domain(domain_name)
        object_type = domain.object_type(object_type_name)
        domain.keep(object_type)
        return object_type

    def delete_profile_object_type(
        self, domain_name: str, object_type_name: str
    ) -> str:
        """
        Deletes the type's objects and scrubs the profile members they populated (each
        changed profile sends an UPDATED record to the event stream). Integrations and
        event triggers naming the type are kept. A template ID can be deleted too.
        """
        domain = self._get_domain(domain_name)
        domain.keep(domain.object_type(object_type_name))
        changed = domain.remove_object_type(object_type_name)
        for profile in changed:
            export(domain, PROFILE, UPDATED, profile.as_record())
        scrubbed = [profile.profile_id for profile in changed]
        profiles_changed(domain, scrubbed)
        if (
            domain.segment_subscriptions
        ):  # objects went: any profile may leave a segment
            others = set(scrubbed)
            rest = [p for p in domain.profiles if p not in others]
            profiles_changed(domain, rest, members_changed=False)
        return f"Object type {object_type_name} was deleted."

    @paginated(lambda o: o.object_type_name)
    def list_profile_object_types(self, domain_name: str) -> list[ProfileObjectType]:
        """Defined types and the implicit ones already used in the domain."""
        domain = self._get_domain(domain_name)
        return sorted(domain.object_types.values(), key=lambda o: o.object_type_name)
