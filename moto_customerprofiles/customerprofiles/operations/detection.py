"""DetectProfileObjectType."""

from __future__ import annotations

import copy
from typing import Any

from ..engine.detection import MAX_ATTRIBUTES, count_attributes, detect
from ..exceptions import BadRequestException
from ..resources.values import parse_json
from .base import BackendState


class DetectionBackend(BackendState):
    def detect_profile_object_type(
        self, domain_name: str, objects: list[str]
    ) -> dict[str, Any]:
        """
        AWS detects with a large language model; the mock applies the deterministic
        rule of ``engine.detection`` (documented there and in the README), unless a
        test set the answer for the domain (``set_detected_object_types``). The
        documented refusals hold either way: an object that is not a JSON object, more
        than 120 attributes (nested ones counted).
        """
        domain = self._get_domain(domain_name)
        parsed = []
        for text in objects:
            try:
                content = parse_json(text)
            except (ValueError, RecursionError):
                content = None
            if not isinstance(content, dict):
                raise BadRequestException("Could not parse object string into JSON")
            parsed.append(content)
        if count_attributes(parsed) > MAX_ATTRIBUTES:
            raise BadRequestException(f"Breached limit of {MAX_ATTRIBUTES} attributes")
        if domain.detected_object_types is not None:
            detected = copy.deepcopy(domain.detected_object_types)
        else:
            detected = detect(parsed)
        return {"DetectedProfileObjectTypes": detected}

    def set_detected_object_types(
        self, domain_name: str, detected: list[dict[str, Any]] | None
    ) -> None:
        """What DetectProfileObjectType answers in the domain from now on (not an AWS
        operation: see ``moto_customerprofiles.set_detected_object_types``); None
        returns to the mock's rule."""
        domain = self.domains.get(domain_name)
        if domain is None:
            raise ValueError(f"No domain {domain_name}")
        if detected is not None:
            if not isinstance(detected, list) or len(detected) > 1:
                raise ValueError(
                    "DetectedProfileObjectTypes must be a list of at most one mapping"
                )
            for item in detected:
                if not isinstance(item, dict) or set(item) - {
                    "SourceLastUpdatedTimestampFormat",
                    "Fields",
                    "Keys",
                }:
                    raise ValueError(
                        "Each detected object type is an object of "
                        "SourceLastUpdatedTimestampFormat, Fields and Keys"
                    )
        domain.detected_object_types = copy.deepcopy(detected)
