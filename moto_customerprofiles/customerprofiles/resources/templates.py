"""The profile object type templates: ListProfileObjectTypeTemplates,
GetProfileObjectTypeTemplate and the implicit object types named after them.

The templates are data, one JSON file per template in ``templates/`` beside this module
(each a GetProfileObjectTypeTemplate response, named after its TemplateId), shipped as
package data as moto ships its own services' ``resources/*.json``. Where each comes from
is in ``templates/README.md``: no AWS source publishes any template's Fields and Keys, so
every one is reconstructed from the admin guide.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

FOLDER = "templates"


@lru_cache(maxsize=1)
def load() -> dict[str, dict[str, Any]]:
    """The templates by TemplateId, read once from the package's JSON files."""
    folder = resources.files(__package__).joinpath(FOLDER)
    found: dict[str, dict[str, Any]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            template = json.loads(entry.read_text(encoding="utf-8"))
            found[template["TemplateId"]] = template
    return found
