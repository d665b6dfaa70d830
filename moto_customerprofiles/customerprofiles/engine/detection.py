"""DetectProfileObjectType's rule.

AWS detects a mapping with a large language model; the mock applies a deterministic
rule instead, so tests should not depend on the mapping it detects beyond what is
stated here (a test that needs a given answer sets it: ``set_detected_object_types``).

1. Every leaf of the sample objects (nested members counted; an array is one leaf) is
   a field named after its path (``customer.email`` -> ``customer_email``), with
   ``Source`` ``_source.<path>``, in the order first met.
2. ``ContentType``: NUMBER for a JSON number, EMAIL_ADDRESS for text with an ``@``,
   PHONE_NUMBER for a field whose name contains ``phone``, else STRING.
3. ``Target``: only for the obvious names (compared without case, ``_`` or ``-``):
   email/emailaddress, phone/phonenumber, firstname, lastname, accountnumber -> the
   ``_profile`` member.
4. Keys: UNIQUE on the first field named ``id`` or ending in ``id`` whose values differ
   across the samples; PROFILE on the first email field, else the first phone field.
   Without both no type is determined: the list is empty (AWS warns "We couldn't find a
   unique key ... We couldn't find a profile key").
"""

from __future__ import annotations

import re
from typing import Any

from ..resources.values import JsonNumber

MAX_ATTRIBUTES = 120  # [AG generative AI] "up to 120 attributes", nested ones counted
_TARGETS = {
    "email": "_profile.EmailAddress",
    "emailaddress": "_profile.EmailAddress",
    "phone": "_profile.PhoneNumber",
    "phonenumber": "_profile.PhoneNumber",
    "firstname": "_profile.FirstName",
    "lastname": "_profile.LastName",
    "accountnumber": "_profile.AccountNumber",
}
_NOT_NAME = re.compile(r"[^a-zA-Z0-9_-]")


def leaves(
    value: dict[str, Any], prefix: tuple[str, ...] = ()
) -> list[tuple[str, ...]]:
    """The paths of an object's leaves (a non-empty object is not a leaf)."""
    paths: list[tuple[str, ...]] = []
    for name, member in value.items():
        path = (*prefix, name)
        if isinstance(member, dict) and member:
            paths.extend(leaves(member, path))
        else:
            paths.append(path)
    return paths


def count_attributes(objects: list[dict[str, Any]]) -> int:
    return len({path for o in objects for path in leaves(o)})


def _at(value: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        if not isinstance(value, dict):
            return None
        value = value.get(step)
    return value


def _content_type(name: str, values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(
        isinstance(v, (int, float, JsonNumber)) and not isinstance(v, bool)
        for v in present
    ):
        return "NUMBER"
    if any(isinstance(v, str) and "@" in v for v in present):
        return "EMAIL_ADDRESS"
    if "phone" in name.lower():
        return "PHONE_NUMBER"
    return "STRING"


def detect(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The detected object type (at most one), or none."""
    paths: dict[tuple[str, ...], None] = {}
    for o in objects:
        paths.update(dict.fromkeys(leaves(o)))
    fields: dict[str, dict[str, str]] = {}
    unique = profile = phone = None
    for path in paths:
        name = _NOT_NAME.sub("_", "_".join(path))[:64]
        if name in fields:
            continue
        values = [_at(o, path) for o in objects]
        field = {"Source": "_source." + ".".join(path)}
        bare = re.sub(r"[_-]", "", path[-1]).lower()
        if bare in _TARGETS:
            field["Target"] = _TARGETS[bare]
        field["ContentType"] = _content_type(name, values)
        fields[name] = field
        texts = [repr(v) for v in values if v is not None]
        if (
            unique is None
            and bare.endswith("id")
            and len(texts) == len(objects)
            and len(set(texts)) == len(texts)
        ):
            unique = name
        if profile is None and field["ContentType"] == "EMAIL_ADDRESS":
            profile = name
        if phone is None and field["ContentType"] == "PHONE_NUMBER":
            phone = name
    profile = profile or phone
    if unique is None or profile is None or unique == profile:
        return []
    keys = {
        unique: [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": [unique]}],
        profile: [{"StandardIdentifiers": ["PROFILE"], "FieldNames": [profile]}],
    }
    return [{"Fields": fields, "Keys": keys}]
