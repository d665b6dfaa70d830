"""Domain object types: named field mappings kept per domain (data store domains)."""

from __future__ import annotations

import copy
from typing import Any

from moto.utilities.tagging_service import TaggingService

from .common import TaggableResource


class DomainObjectType(TaggableResource):
    """A domain object type as given. AWS documents neither the syntax of a field's
    ``Source``/``Target`` nor how domain objects are ingested: they are stored and
    returned as given, and nothing is ingested through them."""

    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        object_type_name: str,
        description: str | None,
        encryption_key: str | None,
        fields: dict[str, Any],
    ) -> None:
        super().__init__(tagger, arn)
        self.object_type_name = object_type_name
        self.description = description
        self.encryption_key = encryption_key
        self.fields = copy.deepcopy(fields)
