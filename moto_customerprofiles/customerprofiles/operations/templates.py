"""ListProfileObjectTypeTemplates and GetProfileObjectTypeTemplate."""

from __future__ import annotations

import copy
from typing import Any

from ..exceptions import ResourceNotFoundException
from ..resources.common import paginated, templates
from .base import BackendState


class TemplatesBackend(BackendState):
    @paginated(lambda t: t["TemplateId"])
    def list_profile_object_type_templates(self) -> list[dict[str, Any]]:
        """The mock's catalogue (reconstructed; AWS lists more templates)."""
        return [
            {
                "TemplateId": template_id,
                "SourceName": template["SourceName"],
                "SourceObject": template["SourceObject"],
            }
            for template_id, template in sorted(templates().items())
        ]

    def get_profile_object_type_template(self, template_id: str) -> dict[str, Any]:
        template = templates().get(template_id)
        if template is None:
            raise ResourceNotFoundException(f"Template {template_id} does not exist.")
        return copy.deepcopy(template)
