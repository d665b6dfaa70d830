"""Profiles, their search index, and the profile objects ingested for them."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from importlib import resources
from typing import Any

from ..exceptions import BadRequestException
from .clock import now
from .common import check_quota, not_found_message
from .object_types import ProfileObjectType
from .values import dumps, source_value

PROFILE = "_profile"
PROFILE_ID_KEY = "_profileId"  # the search key every profile has: its own id
# The standard objects AWS documents: one table, as data (standard_objects.json, with its
# sources): per type, the field identifying one object and the indexed search keys.
STANDARD_OBJECTS: dict[str, dict[str, Any]] = json.loads(
    resources.files(__package__).joinpath("standard_objects.json").read_text("utf-8")
)["types"]
# type name -> the field that identifies one object of it (AssetId, BookingId, ...)
STANDARD_OBJECT_TYPES: dict[str, str] = {
    name: spec["identifier"] for name, spec in STANDARD_OBJECTS.items()
}
# the string members beside the enum members: string form -> enum form
STRING_FORMS = {"GenderString": "Gender", "PartyTypeString": "PartyType"}
ADDRESS_FIELDS = ("Address", "ShippingAddress", "MailingAddress", "BillingAddress")
ADDRESS_MEMBERS = (
    "Address1",
    "Address2",
    "Address3",
    "Address4",
    "City",
    "County",
    "State",
    "Province",
    "Country",
    "PostalCode",
)
PROFILE_FIELDS = (
    "AccountNumber",
    "AdditionalInformation",
    "PartyType",
    "BusinessName",
    "FirstName",
    "MiddleName",
    "LastName",
    "BirthDate",
    "Gender",
    "PhoneNumber",
    "MobilePhoneNumber",
    "HomePhoneNumber",
    "BusinessPhoneNumber",
    "EmailAddress",
    "PersonalEmailAddress",
    "BusinessEmailAddress",
    *ADDRESS_FIELDS,
    "Attributes",
    "PartyTypeString",
    "GenderString",
    "ProfileType",
    "EngagementPreferences",
)
# AWS quotas (Connect admin guide, Customer Profiles): "Objects per profile | 1,000" and
# "Object and profile maximum size | 250 Kilobytes" (the model's Object maximum is
# 256,000 characters, 250 x 1,024). Read when checked, so tests can lower them.
MAX_OBJECTS_PER_PROFILE = 1000
MAX_OBJECT_BYTES = 256_000
MAX_PROFILE_BYTES = 256_000
PHONE_FIELDS = (
    "PhoneNumber",
    "MobilePhoneNumber",
    "HomePhoneNumber",
    "BusinessPhoneNumber",
)
EMAIL_FIELDS = ("EmailAddress", "PersonalEmailAddress", "BusinessEmailAddress")
STRUCTURED_FIELDS = (*ADDRESS_FIELDS, "Attributes", "EngagementPreferences")
SCALAR_FIELDS = tuple(f for f in PROFILE_FIELDS if f not in STRUCTURED_FIELDS)


class Profile:
    """A profile's standard members are held under their AWS names in ``data``. Not a
    moto ``BaseModel`` (which keeps every instance it makes): a deleted or merged
    profile must be freed."""

    __slots__ = (
        "profile_id",
        "data",
        "_keys",
        "created_at",
        "_field_sources",
        "objects_revision",
    )

    def __init__(self, profile_id: str, data: dict[str, Any]) -> None:
        self.profile_id = profile_id
        self.data = {k: copy.deepcopy(v) for k, v in data.items() if v is not None}
        self._keys: tuple[Any, ...] = ()
        self.created_at = now()
        self._field_sources: tuple[Any, ...] = ()
        # changes whenever the profile's objects change (Domain.store_object,
        # remove_object, move_objects): what cached calculated values are keyed by
        self.objects_revision = 0

    # Most profiles hold one or two search keys and field sources: each mapping is kept
    # as a flat tuple (``packed``), 56 bytes for one entry where a dict takes 184.

    @property
    def keys(self) -> dict[str, tuple[str, ...]]:
        """Search key name -> its values, each once, in the order given. A copy:
        assign a whole mapping, or use ``add_key_values`` / ``remove_key_values``."""
        return unpacked(self._keys)

    @keys.setter
    def keys(self, keys: Mapping[str, tuple[str, ...]]) -> None:
        self._keys = packed(keys)

    @property
    def field_sources(self) -> dict[str, str]:
        """Member path ("FirstName", "Address.City", "Attributes.x") -> the object type
        whose ingestion last wrote it (what DeleteProfileObjectType scrubs). A copy:
        assign a whole mapping, or use ``note_sources`` / ``forget_sources``."""
        return unpacked(self._field_sources)

    @field_sources.setter
    def field_sources(self, sources: Mapping[str, str]) -> None:
        self._field_sources = packed(sources)

    def add_key_values(self, name: str, values: Iterable[str]) -> None:
        keys = self.keys
        keys[name] = with_values(keys.get(name, ()), values)
        self.keys = keys

    def remove_key_values(self, name: str, values: Iterable[str]) -> None:
        removed = set(values)
        keys = self.keys
        kept = tuple(v for v in keys.get(name, ()) if v not in removed)
        if kept:
            keys[name] = kept
        else:
            keys.pop(name, None)
        self.keys = keys

    def note_sources(self, updates: dict[str, Any], object_type_name: str) -> None:
        sources = self.field_sources
        for path in member_paths(updates):
            sources[path] = object_type_name
        self.field_sources = sources

    def forget_sources(self, updates: dict[str, Any]) -> None:
        sources = self.field_sources
        for path in member_paths(updates):
            sources.pop(path, None)
        self.field_sources = sources

    def scrub(self, object_type_name: str) -> bool:
        """Remove the members the object type populated; True when one was removed."""
        sources = self.field_sources
        owned = [p for p, s in sources.items() if s == object_type_name]
        self.field_sources = {p: s for p, s in sources.items() if s != object_type_name}
        for path in owned:
            member, _, sub = path.partition(".")
            if sub:
                structured = self.data.get(member)
                if isinstance(structured, dict):
                    structured.pop(sub, None)
                    if not structured:
                        del self.data[member]
            else:
                self.data.pop(member, None)
        return bool(owned)

    def __getattr__(self, name: str) -> Any:
        if name in PROFILE_FIELDS:
            return self.member(name)
        raise AttributeError(name)

    def member(self, name: str) -> Any:
        """A standard member as AWS returns it: ``GenderString`` / ``PartyTypeString``
        ("an alternative to Gender which accepts any string") show the enum member's
        value when only the enum member was given (*inferred*: AWS's export records carry
        both); the string member given wins, and never sets the enum member."""
        value = self.data.get(name)
        if value is None and name in STRING_FORMS:
            return self.data.get(STRING_FORMS[name])
        return value

    def as_record(self) -> dict[str, Any]:
        """The profile as the event stream carries it."""
        record = {"ProfileId": self.profile_id, **copy.deepcopy(self.data)}
        for name in STRING_FORMS:
            if record.get(name) is None and self.member(name) is not None:
                record[name] = self.member(name)
        return record

    def standard_keys(self) -> dict[str, set[str]]:
        """The predefined search keys derived from the profile's members."""
        keys: dict[str, set[str]] = {PROFILE_ID_KEY: {self.profile_id}}
        if self.data.get("AccountNumber"):
            keys["_account"] = {self.data["AccountNumber"]}
        names = [self.data.get(n) for n in ("FirstName", "MiddleName", "LastName")]
        full_name = " ".join(n for n in names if n)
        if full_name:
            keys["_fullName"] = {full_name}
        phones = {self.data[f] for f in PHONE_FIELDS if self.data.get(f)}
        if phones:
            keys["_phone"] = phones
        emails = {self.data[f] for f in EMAIL_FIELDS if self.data.get(f)}
        if emails:
            keys["_email"] = emails
        return keys

    def all_keys(self) -> dict[str, set[str]]:
        keys = self.standard_keys()
        for name, values in self.keys.items():
            keys.setdefault(name, set()).update(values)
        return keys


def packed(mapping: Mapping[str, Any]) -> tuple[Any, ...]:
    """A small mapping as one flat tuple: (name, value, name, value, ...)."""
    return tuple(item for pair in mapping.items() for item in pair)


def unpacked(flat: tuple[Any, ...]) -> dict[str, Any]:
    return dict(zip(flat[::2], flat[1::2], strict=True))


def with_values(held: tuple[str, ...], values: Iterable[str]) -> tuple[str, ...]:
    """A search key's values with ``values`` added, each once."""
    return tuple(dict.fromkeys((*held, *values)))


def check_object_size(text: str) -> None:
    # A lone surrogate (a JSON escape such as \ud800) counts its 3 bytes, not a crash.
    if len(text.encode("utf-8", "surrogatepass")) > MAX_OBJECT_BYTES:
        raise BadRequestException("Exceeded the quota of object size (250 KB)")


# The mock's own limit, not AWS's: Python reads and writes JSON recursively, within a
# recursion limit of 1,000 frames shared with the request's own stack. Deeper objects
# could be stored but not listed again (ListProfileObjects writes them back as JSON).
MAX_OBJECT_NESTING = 500
# A JSON string, or the rest of the text after an unterminated one: always a match from
# its first quote, so one pass over the text.
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\\?\Z)', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


def check_object_nesting(text: str) -> None:
    """Refuse an Object nested deeper than MAX_OBJECT_NESTING arrays and objects,
    before it is parsed."""
    depth = 0
    for bracket in _BRACKET.findall(_JSON_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            if depth > MAX_OBJECT_NESTING:
                raise BadRequestException(
                    f"Object is nested more than {MAX_OBJECT_NESTING} levels deep, "
                    "which the mock cannot store"
                )
        else:
            depth -= 1


def check_profile_size(data: dict[str, Any], keys: Mapping[str, Iterable[str]]) -> None:
    """The profile as GetProfile would return it, with its keys, in UTF-8 JSON."""
    document = {"Profile": data, "Keys": {k: sorted(v) for k, v in keys.items()}}
    if len(json.dumps(document).encode("utf-8")) > MAX_PROFILE_BYTES:
        raise BadRequestException("Exceeded the quota of profile size (250 KB)")


def check_objects_per_profile(count_after: int) -> None:
    check_quota(count_after - 1, MAX_OBJECTS_PER_PROFILE, "objects per profile")


def member_paths(updates: dict[str, Any]) -> list[str]:
    """The member paths a set of profile updates names."""
    paths: list[str] = []
    for member, value in updates.items():
        if isinstance(value, dict) and member != "EngagementPreferences":
            paths.extend(f"{member}.{key}" for key in value)
        else:
            paths.append(member)
    return paths


class SearchResult:
    """A profile as SearchProfiles returns it, with the keys it was found by."""

    def __init__(self, profile: Profile, found_by: list[dict[str, Any]]) -> None:
        self.profile = profile
        self.profile_id = profile.profile_id
        self.found_by_items = found_by

    def __getattr__(self, name: str) -> Any:
        return getattr(self.profile, name)


class MappedFields(Mapping[str, Any]):
    """An object's fields by name: each field's ``Source`` read from the content (a
    field whose source is missing or null has no value)."""

    __slots__ = ("_content", "_definitions")

    def __init__(
        self, content: dict[str, Any], definitions: Mapping[str, Mapping[str, Any]]
    ) -> None:
        self._content = content
        self._definitions = definitions

    def __getitem__(self, name: str) -> Any:
        definition = self._definitions.get(name)
        value = None if definition is None else self._value(definition)
        if value is None:
            raise KeyError(name)
        return value

    def __iter__(self) -> Iterator[str]:
        for name, definition in self._definitions.items():
            if self._value(definition) is not None:
                yield name

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def _value(self, definition: Mapping[str, Any]) -> Any:
        return source_value(self._content, definition.get("Source", ""))


class ProfileObject:
    """One stored object. Never changed once stored (a later put stores a new one).
    Not a moto ``BaseModel``, which keeps every instance it makes: objects are many,
    and a replaced or deleted one must be freed."""

    __slots__ = (
        "object_type_name",
        "profile_object_unique_key",
        "content",
        "profile_id",
        "object_type",
        "_stored_at",
        "created_at",
        "sequence",
    )

    def __init__(
        self,
        object_type_name: str,
        profile_object_unique_key: str,
        content: dict[str, Any],
        profile_id: str | None,
        object_type: ProfileObjectType | None = None,
    ) -> None:
        self.object_type_name = object_type_name
        self.profile_object_unique_key = profile_object_unique_key
        self.content = content
        self.profile_id = profile_id
        # The object type it was ingested as (None for a standard object): its Fields
        # and Keys, never changed in place (a later put defines a new type), are read
        # with the content when asked, not kept beside it.
        self.object_type = object_type
        # When this version was stored; a replace keeps the first version's CreatedAt,
        # not this (naive UTC, as moto's times: the ingestion's one moment, shared).
        self._stored_at = now()
        self.created_at = self._stored_at
        self.sequence = 0  # its place in creation order, set by Domain.store_object

    @property
    def fields(self) -> Mapping[str, Any]:
        """The object type's fields as they were mapped at ingestion (raw JSON values)."""
        definitions = {} if self.object_type is None else self.object_type.fields
        return MappedFields(self.content, definitions)

    @property
    def size(self) -> int:
        """What it adds to the domain's TotalSize: its JSON text in bytes."""
        return len(self.object.encode())

    @property
    def stored_at(self) -> datetime:
        """When this version was stored, with its zone (the engines compare aware
        times)."""
        return self._stored_at.replace(tzinfo=timezone.utc)

    @property
    def created_at_utc(self) -> datetime:
        return self.created_at.replace(tzinfo=timezone.utc)

    @property
    def ingested_at(self) -> datetime:
        return self.created_at_utc

    @property
    def object(self) -> str:
        return dumps(self.content, separators=(",", ":"))

    @property
    def key(self) -> tuple[str, str]:
        """Its key among the domain's objects."""
        return (self.object_type_name, self.profile_object_unique_key)


def apply_update(data: dict[str, Any], updates: dict[str, Any]) -> None:
    """UpdateProfile: an empty string removes a value; what is not given is kept."""
    for member, value in updates.items():
        if isinstance(value, dict) and member != "EngagementPreferences":
            current = data.setdefault(member, {})
            for key, item in value.items():
                if item == "":
                    current.pop(key, None)
                else:
                    current[key] = item
            if not current:
                del data[member]
        elif value == "":
            data.pop(member, None)
        else:
            data[member] = copy.deepcopy(value)


class ProfileIndex:
    """The domain's search keys: key name -> value -> profile ids. No search scans.

    Most values name one profile: such an entry holds the id itself, and a set only
    once a second profile shares the value. Each profile's entries are kept as one flat
    tuple (name, value, name, value, ...), to remove them when the profile changes.
    A profile's own ``_profileId`` is not held: every profile is found by its id."""

    def __init__(self) -> None:
        self._ids: dict[str, dict[str, str | set[str]]] = {}
        self._keys_of: dict[str, tuple[str, ...]] = {}

    def add(self, profile: Profile) -> None:
        profile_id = profile.profile_id
        flat: list[str] = []
        for name, values in profile.all_keys().items():
            if name == PROFILE_ID_KEY:  # found by its id; other values are indexed
                values = {v for v in values if v != profile_id}
            if not values:
                continue
            by_value = self._ids.setdefault(name, {})
            for value in values:
                flat += (name, value)
                held = by_value.get(value)
                if held is None:
                    by_value[value] = profile_id
                elif isinstance(held, str):
                    if held != profile_id:
                        by_value[value] = {held, profile_id}
                else:
                    held.add(profile_id)
        self._keys_of[profile_id] = tuple(flat)

    def remove(self, profile: Profile) -> None:
        profile_id = profile.profile_id
        flat = self._keys_of.pop(profile_id, ())
        for name, value in zip(flat[::2], flat[1::2], strict=True):
            by_value = self._ids.get(name, {})
            held = by_value.get(value)
            if held is None:
                continue
            if isinstance(held, str):
                if held == profile_id:
                    del by_value[value]
                continue
            held.discard(profile_id)
            if len(held) == 1:
                by_value[value] = next(iter(held))
            elif not held:
                del by_value[value]

    def update(self, profile: Profile) -> None:
        self.remove(profile)
        self.add(profile)

    def find(self, key_name: str, values: Iterable[str]) -> set[str]:
        by_value = self._ids.get(key_name, {})
        found: set[str] = set()
        for value in values:
            if key_name == PROFILE_ID_KEY and value in self._keys_of:
                found.add(value)
            held = by_value.get(value)
            if isinstance(held, str):
                found.add(held)
            elif held is not None:
                found |= held
        return found


def missing_profile(domain_name: str, profile_id: str) -> dict[str, str]:
    """A batch operation's error item for a profile that does not exist."""
    return {
        "Code": "ResourceNotFoundException",
        "Message": not_found_message("Profile", profile_id, domain_name),
        "ProfileId": profile_id,
    }
