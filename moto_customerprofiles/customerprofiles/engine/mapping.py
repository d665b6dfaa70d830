"""Mapping: what an object contributes to its profile, through its object type's fields
and keys."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from ..resources.object_types import ProfileObjectType
from ..resources.profiles import (
    ADDRESS_FIELDS,
    ADDRESS_MEMBERS,
    PROFILE,
    SCALAR_FIELDS,
    STANDARD_OBJECT_TYPES,
    ProfileObject,
)
from ..resources.values import as_text, dumps, source_value


def unique_key(domain_name: str, object_type_name: str, identity: str) -> str:
    text = f"{domain_name}/{object_type_name}/{identity}"
    # issue 18: a lone surrogate (JSON escape \ud800) in a key value is hashed, not a 500
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    return base64.b64encode(digest.digest()).decode()


def _mapped_text(value: Any, field_name: str) -> str:
    """A scalar as text; a JSON object or array as its compact JSON text."""
    text = as_text(value)
    if text is not None:
        return text
    return dumps(value, separators=(",", ":"))


def _scalar_members(value: Any, allowed: tuple[str, ...] | None) -> dict[str, str]:
    """The scalar entries of a JSON object (only ``allowed`` names, when given)."""
    if not isinstance(value, dict):
        return {}
    members = {}
    for name, item in value.items():
        text = as_text(item)
        if text is not None and (allowed is None or name in allowed):
            members[name] = text
    return members


class MappedObject:
    """What an ingested object contributes, through its object type."""

    def __init__(self, object_type: ProfileObjectType, content: dict[str, Any]) -> None:
        self.fields: dict[str, str] = {}
        # the fields' values as the object holds them (numbers stay numbers)
        self.values: dict[str, Any] = {}
        for name, field in object_type.fields.items():
            value = source_value(content, field.get("Source", ""))
            if value is not None:
                self.fields[name] = _mapped_text(value, name)
                self.values[name] = value
        self.profile_updates: dict[str, Any] = {}
        for name, field in object_type.fields.items():
            target = field.get("Target", "")
            if name in self.fields and target.startswith(f"{PROFILE}."):
                self._set_target(target.split(".")[1:], self.fields[name], name)
        self.keys: dict[str, tuple[str, set[str]]] = {}
        for key_name, definitions in object_type.keys.items():
            for definition in definitions:
                parts = [self.fields.get(f) for f in definition.get("FieldNames", [])]
                if parts and all(p is not None for p in parts):
                    value = "_".join(p for p in parts if p is not None)
                    identifiers = set(definition.get("StandardIdentifiers", []))
                    self.keys[key_name] = (value, identifiers)

    def _set_target(self, path: list[str], value: str, field_name: str) -> None:
        """Never refuses: what cannot go where the target names is left out (a JSON
        object fills the members of a whole address or of Attributes; an unknown
        ``_profile`` member, such as SourceLastUpdatedTimestamp, is not stored)."""
        member = path[0] if path else ""
        raw = self.values.get(field_name)
        scalar = as_text(raw) is not None
        updates = self.profile_updates
        if member == "Attributes" and len(path) == 2:
            updates.setdefault("Attributes", {})[path[1]] = value
        elif member == "Attributes" and len(path) == 1:
            updates.setdefault("Attributes", {}).update(_scalar_members(raw, None))
        elif member in ADDRESS_FIELDS and len(path) == 2:
            if scalar and path[1] in ADDRESS_MEMBERS:
                updates.setdefault(member, {})[path[1]] = value
        elif member in ADDRESS_FIELDS and len(path) == 1:
            filled = _scalar_members(raw, ADDRESS_MEMBERS)
            if filled:
                updates.setdefault(member, {}).update(filled)
        elif member in SCALAR_FIELDS and len(path) == 1 and scalar:
            updates[member] = value

    def with_identifier(self, identifier: str) -> list[tuple[str, str]]:
        return [
            (name, value)
            for name, (value, identifiers) in self.keys.items()
            if identifier in identifiers
        ]


def merge_into(data: dict[str, Any], updates: dict[str, Any]) -> bool:
    """Apply mapped values to a profile's members; True when something changed."""
    changed = False
    for member, value in updates.items():
        if isinstance(value, dict):
            current = data.setdefault(member, {})
            for key, item in value.items():
                if current.get(key) != item:
                    current[key] = item
                    changed = True
        elif data.get(member) != value:
            data[member] = value
            changed = True
    return changed


# --- standard objects: fields whose Target is a member of _asset, _order, _case, ... ---


def standard_object_contents(
    object_type: ProfileObjectType, fields: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """The standard objects an ingested object fills, by standard type name.

    ``_asset.Price`` sets the asset's Price, ``_asset.Attributes.color`` its
    Attributes["color"]; any deeper path nests the same way. Never raises: a target that
    cannot be set (a member already holding text) is left out.
    """
    contents: dict[str, dict[str, Any]] = {}
    for name, field in object_type.fields.items():
        type_name, _, member = str(field.get("Target", "")).partition(".")
        if type_name not in STANDARD_OBJECT_TYPES or not member or name not in fields:
            continue
        node = contents.setdefault(type_name, {})
        *parents, last = member.split(".")
        for step in parents:
            child = node.setdefault(step, {})
            if not isinstance(child, dict):
                break
            node = child
        else:
            node[last] = fields[name]
    return contents


def key_value(stored: ProfileObject, key_name: str) -> str | None:
    """A stored object's value of one of its object type's keys, mapped as it was at
    ingestion (the object holds its type's version, not the values)."""
    if stored.object_type is None:
        return None
    value = MappedObject(stored.object_type, stored.content).keys.get(key_name)
    return None if value is None else value[0]
