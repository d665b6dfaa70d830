"""Model-driven robustness fuzzing of every implemented operation.

For each operation that ``CustomerProfilesResponse`` implements (found when the tests are
collected, so new operations are fuzzed without touching this file), hypothesis builds
requests from the operation's botocore input shape:

* valid requests (required members, types, enums, lengths, sizes, ranges and patterns
  respected), which sometimes name the pre-created domain ``fuzz`` and its object type;
* the same requests broken in one way the model constrains (a required member dropped, a
  wrong JSON type, an unknown enum value, a string, list or map too long or too short, a
  number out of range, a pattern violated), hostile sizes included (a string up to 64 KB
  made of its pattern's own pieces, thousands of invalid list items) and hostile
  patterns (a value of exactly the maximum length that a backtracking pattern would
  choke on);
* malformed bodies (not JSON, not an object, invalid UTF-8, deep nesting, huge strings,
  non-finite numbers, odd content types).

They are sent as raw SigV4-signed HTTP requests (botocore's client-side validation would
stop most of them). Every answer must be below 500; an error must be a modelled error
shape (JSON ``__type``/``Message`` and ``X-Amzn-ErrorType``) with its modelled status; a
request that breaks the model must be refused; a valid request must never be refused as
invalid; and a failed request must leave the whole backend state exactly as it was.

``FUZZ_EXAMPLES`` sets the number of examples per operation (default 150, which keeps
the suite quick for developers; CI runs 300 in both modes).
"""

from __future__ import annotations

import base64
import json
import math
import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import botocore.session
import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.model import OperationModel, Shape
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.utils import camelcase_to_underscores

import moto_customerprofiles  # noqa: F401  (registers the service before mock_aws)
from moto_customerprofiles.customerprofiles.models import customerprofiles_backends
from moto_customerprofiles.customerprofiles.resources.common import templates
from moto_customerprofiles.customerprofiles.responses import CustomerProfilesResponse

SERVER_MODE = os.environ.get("TEST_SERVER_MODE", "").lower() == "true"
REGION = "eu-west-2"
SIGNING_NAME = "profile"
CREDENTIALS = Credentials("AKIAFUZZFUZZFUZZFUZZ", "fuzz-secret-key")

SERVICE_MODEL = botocore.session.get_session().get_service_model("customer-profiles")
OPERATIONS = sorted(
    name
    for name in SERVICE_MODEL.operation_names
    if hasattr(CustomerProfilesResponse, camelcase_to_underscores(name))
)

settings.register_profile(
    "customerprofiles-fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    database=None,
    # A failure is reported as found: shrinking it took minutes per failing operation
    # when a dependency broke every request. FUZZ_SHRINK=1 shrinks for debugging.
    phases=[Phase.explicit, Phase.reuse, Phase.generate]
    + ([Phase.shrink] if os.environ.get("FUZZ_SHRINK") == "1" else []),
    report_multiple_bugs=False,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
FUZZ_SETTINGS = settings.get_profile("customerprofiles-fuzz")

ERROR_STATUS = {
    "BadRequestException": 400,
    "ResourceNotFoundException": 404,
    "AccessDeniedException": 403,
    "ThrottlingException": 429,
}

# Resources that exist at the start of every example.
DOMAIN = "fuzz"
OBJECT_TYPE = "fuzz_type"
SEGMENT = "fuzz_segment"  # subscribed, on the domain's segment stream
ARN_PREFIX = f"arn:aws:profile:{REGION}:{DEFAULT_ACCOUNT_ID}:domains"
DOMAIN_ARN = f"{ARN_PREFIX}/{DOMAIN}"
OBJECT_TYPE_ARN = f"{DOMAIN_ARN}/object-types/{OBJECT_TYPE}"
UPLOAD_JOB = "0123456789abcdef0123456789abcdef"  # fits every JobId pattern of the model
WORKFLOW_ID = "f0" * 16  # an integration workflow of the domain (reset_state)

# Values for top-level members that make a valid request hit (or just miss) a resource.
KNOWN_VALUES: dict[str, list[str]] = {
    "DomainName": [DOMAIN, DOMAIN, "fuzz-missing"],
    "SegmentDefinitionName": [SEGMENT, SEGMENT, "fuzz_missing"],
    # a template ID is an implicit object type: valid requests name one too
    "ObjectTypeName": [
        OBJECT_TYPE,
        OBJECT_TYPE,
        "fuzz_missing",
        "CTR",
        "Salesforce-Account",
    ],
    "JobId": [UPLOAD_JOB, UPLOAD_JOB, "f" * 32],
    "WorkflowId": [WORKFLOW_ID, WORKFLOW_ID, "0" * 32],
    "resourceArn": [
        DOMAIN_ARN,
        OBJECT_TYPE_ARN,
        f"{ARN_PREFIX}/fuzz-missing",
        f"{DOMAIN_ARN}/object-types/fuzz_missing",
        f"{DOMAIN_ARN}/integrations/x",
        f"arn:aws:profile:us-east-1:{DEFAULT_ACCOUNT_ID}:domains/{DOMAIN}",
        f"arn:aws:profile:{REGION}:000000000000:domains/{DOMAIN}",
    ],
}

MAX_DEPTH = 8  # optional members deeper than this are left out (recursive shapes)
SPAN = 16  # how far above its minimum a generated string, list or map may grow
TEXT_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
INT_BOUNDS = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}


def _documented_refusals() -> list[re.Pattern[str]]:
    """The messages of README's "What the mock refuses, and why" tables, as patterns."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    section = readme.split("### What the mock refuses, and why", 1)[1]
    section = section.split("### Choices where", 1)[0]
    patterns = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3:
            for message in re.findall(r"`([^`]+)`", cells[1]):
                parts = re.split(r"\{[^}]*\}", message)
                patterns.append(
                    re.compile(".+".join(re.escape(p) for p in parts), re.S)
                )
    return patterns


# A valid request may be refused only by a rule the README lists with its source: the
# rules relaxed in issue 10 (and every other invented one) can never answer it.
DOCUMENTED_REFUSALS = _documented_refusals()


# --- the model ------------------------------------------------------------------------


@cache
def operation_model(name: str) -> OperationModel:
    return SERVICE_MODEL.operation_model(name)


def bounds(shape: Shape) -> tuple[Any, Any]:
    return shape.metadata.get("min"), shape.metadata.get("max")


@cache
def python_regex(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None


def matches(shape: Shape, value: str) -> bool:
    pattern = shape.metadata.get("pattern")
    regex = python_regex(pattern) if pattern is not None else None
    return regex is None or regex.search(value) is not None


def location(shape: Shape) -> str | None:
    return shape.serialization.get("location")


# --- valid values -----------------------------------------------------------------------


def valid_value(shape: Shape, depth: int = 0, every_member: bool = False) -> Any:
    """A strategy for values that satisfy every constraint the model puts on ``shape``."""
    kind = shape.type_name
    if kind == "structure":
        return valid_structure(shape, depth, every_member)
    span = 2 if depth < 3 else 1  # nested lists multiply: keep them short
    if kind == "list":
        low, high = bounds(shape)
        low = low or 0
        high = low + span if high is None else min(high, low + span)
        return st.lists(
            valid_value(shape.member, depth + 1), min_size=low, max_size=high
        )
    if kind == "map":
        low, high = bounds(shape)
        low = low or 0
        high = low + span if high is None else min(high, low + span)
        return st.dictionaries(
            valid_string(shape.key),
            valid_value(shape.value, depth + 1),
            min_size=low,
            max_size=high,
        )
    if kind == "string":
        return valid_string(shape)
    if kind in INT_BOUNDS:
        low, high = bounds(shape)
        type_low, type_high = INT_BOUNDS[kind]
        low = type_low if low is None else int(low)
        high = type_high if high is None else int(high)
        return st.one_of(st.integers(low, min(high, low + 100)), st.integers(low, high))
    if kind in ("double", "float"):
        low, high = bounds(shape)
        return st.floats(
            min_value=low, max_value=high, allow_nan=False, allow_infinity=False
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "timestamp":
        return st.integers(0, 2**31)
    if kind == "blob":
        return st.binary(max_size=32).map(lambda b: base64.b64encode(b).decode())
    return st.none()  # pragma: no cover - no other shape types in the model


def valid_structure(shape: Shape, depth: int, every_member: bool) -> Any:
    members = shape.members
    if shape.metadata.get("union") and members:  # exactly one member set
        return st.one_of(
            [
                st.fixed_dictionaries({name: valid_value(member, depth + 1)})
                for name, member in members.items()
            ]
        )
    required = {
        name: valid_value(member, depth + 1)
        for name, member in members.items()
        if name in shape.required_members
    }
    optional = {}
    if depth <= MAX_DEPTH:
        optional = {
            name: valid_value(member, depth + 1)
            for name, member in members.items()
            if name not in shape.required_members
        }
    if every_member:
        return st.fixed_dictionaries({**required, **optional})
    return st.fixed_dictionaries(required, optional=optional)


@cache
def valid_string(shape: Shape) -> Any:
    if getattr(shape, "enum", None):
        return st.sampled_from(shape.enum)
    low, high = bounds(shape)
    low = low or 0
    cap = low + SPAN if high is None else min(high, low + SPAN)
    pattern = shape.metadata.get("pattern")

    def fits(value: str) -> bool:
        return low <= len(value) <= (high if high is not None else len(value)) and (
            matches(shape, value)
        )

    simple = st.text(TEXT_ALPHABET, min_size=low, max_size=cap)
    if pattern is None:
        return st.one_of(simple, st.text(min_size=low, max_size=cap))
    generated = st.from_regex(pattern, fullmatch=True)
    try:
        generated.validate()
    except Exception:  # a construct hypothesis cannot generate from: plain text
        return simple.filter(fits)
    return generated.filter(fits)


def valid_input(operation: OperationModel, every_member: bool = False) -> Any:
    """A valid input (member names as in botocore), known resources often named."""
    shape = operation.input_shape
    if shape is None:
        return st.just({})
    required, optional = {}, {}
    for name, member in shape.members.items():
        strategy = valid_value(member, 1)
        if name in KNOWN_VALUES and member.type_name == "string":
            known = [v for v in KNOWN_VALUES[name] if fits_shape(member, v)]
            if known:
                strategy = st.one_of(st.sampled_from(known), strategy)
        if name in shape.required_members or every_member:
            required[name] = strategy
        else:
            optional[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def fits_shape(shape: Shape, value: str) -> bool:
    low, high = bounds(shape)
    return (
        (low is None or len(value) >= low)
        and (high is None or len(value) <= high)
        and matches(shape, value)
    )


# --- broken values --------------------------------------------------------------------


@dataclass
class Site:
    """A place in a request where a constraint can be broken."""

    path: tuple[Any, ...]  # member names, list indexes and map keys from the input
    shape: Shape
    textual: bool  # a URI label, query or header value: only text can be sent
    is_label: bool = False
    map_key: bool = False  # the site is a map key rather than a value


@dataclass
class Mutation:
    description: str
    build: Callable[[Any], Any]  # the strategy of new values (or DROP), given the old
    strict: bool = True  # must be refused as a BadRequestException (else any 4xx)


DROP = object()


def sites(shape: Shape, value: Any, path: tuple[Any, ...] = ()) -> Iterator[Site]:
    """Every member of ``value`` (an input dict) with the shape that constrains it."""
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name not in value:
                continue
            where = location(member) if not path else None
            textual = where in ("uri", "querystring", "header")
            yield Site(path + (name,), member, textual, is_label=where == "uri")
            if not textual:
                yield from sites(member, value[name], path + (name,))
            elif member.type_name == "list":
                for index in range(len(value[name])):
                    yield Site(path + (name, index), member.member, True)
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            yield Site(path + (index,), shape.member, False)
            yield from sites(shape.member, item, path + (index,))
    elif shape.type_name == "map" and isinstance(value, dict):
        for key, item in value.items():
            yield Site(path + (key,), shape.key, False, map_key=True)
            yield Site(path + (key,), shape.value, False)
            yield from sites(shape.value, item, path + (key,))


def too_long(shape: Shape) -> Any:
    high = shape.metadata["max"]
    return st.integers(high + 1, high + 8).map(lambda n: "a" * n)


def too_short(shape: Shape) -> Any:
    low = shape.metadata["min"]
    return st.integers(0, low - 1).map(lambda n: "a" * n)


PATTERN_BREAKERS = [
    "",
    " ",
    "!",
    "a b",
    "\n",
    "é",
    "aws:x",
    "-",
    "a..",
    "%",
    "/",
    "a/b",
    "?",
    "#",
    "a" * 3 + "\u00ff",
    "99:99",
    "_x",
    "ARN",
]


# Hostile sizes stay bounded so the suite stays quick (the benchmark goes to 1 MB).
HOSTILE_SIZE = 64 * 1024
HOSTILE_ITEMS = (500, 3000)


def pattern_units(shape: Shape) -> list[str]:
    """The pattern's literal runs ("arn:aws:iam:"), repeated they make the values a
    backtracking pattern chokes on; "a" for a run of name characters."""
    pattern = shape.metadata.get("pattern") or ""
    return sorted(set(re.findall(r"[A-Za-z0-9:_/-]{2,}", pattern))) + ["a"]


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def hostile_long(shape: Shape) -> Any:
    """Far over the maximum, made of the pattern's own pieces (hostile size)."""
    high = shape.metadata["max"]
    return st.tuples(
        st.sampled_from(pattern_units(shape)),
        st.integers(high + 1, max(high + 1, min(high * 64, HOSTILE_SIZE))),
    ).map(lambda pair: repeated(*pair))


@cache
def hostile_at_max(shape: Shape) -> list[str]:
    """Values of exactly the maximum length, made of the pattern's pieces, that the
    pattern refuses (hostile pattern)."""
    low, high = bounds(shape)
    if shape.metadata.get("pattern") is None or high is None or high > HOSTILE_SIZE:
        return []
    values = [repeated(unit, int(high)) for unit in pattern_units(shape)]
    return [v for v in values if len(v) >= (low or 0) and not matches(shape, v)]


@cache
def pattern_breakers(shape: Shape) -> list[str]:
    """Strings of an allowed length that the pattern refuses."""
    if shape.metadata.get("pattern") is None:
        return []
    low, high = bounds(shape)
    low, high = low or 0, high if high is not None else 10_000
    found = []
    for text in PATTERN_BREAKERS:
        candidate = text + "!" * max(0, low - len(text))
        if len(candidate) <= high and not matches(shape, candidate):
            found.append(candidate)
    return found


WRONG_TYPES: dict[str, list[Any]] = {
    "structure": ["x", 1, [], True],
    "list": ["x", {"a": "b"}, 1, True],
    "map": ["x", [], 1, True],
    "string": [1, 1.5, True, [], {}],
    "integer": ["7", "x", 1.5, True, [], {}],
    "long": ["7", "x", 1.5, True, [], {}],
    "double": ["0.5", "x", True, [], {}],
    "float": ["0.5", "x", True, [], {}],
    "boolean": [1, 0, "true", "x", [], {}],
    "timestamp": [True, [], {}],
    "blob": [1, True, [], {}],
}
WRONG_TEXT: dict[str, list[str]] = {
    "integer": ["x", "1.5", "", "0x10", " 7", "1e3", "9" * 40],
    "long": ["x", "1.5", "", "0x10", " 7", "9" * 40],
    "boolean": ["yes", "1", "TRUE", ""],
    "double": ["x", ""],
    "float": ["x", ""],
}


def mutations(site: Site, parent_shape: Shape | None) -> list[Mutation]:
    """The ways to break the value at ``site``; strategies are built only when drawn."""
    shape, kind = site.shape, site.shape.type_name
    found: list[Mutation] = []
    low, high = bounds(shape)
    strict = not site.is_label  # a broken label can change which route matches
    if site.is_label:
        low = None  # an empty label is another route (GET /domains/ is ListDomains)

    def add(description: str, build: Callable[[Any], Any], refused: bool = strict):
        found.append(Mutation(description, build, refused))

    if site.map_key:
        if low:
            add("map key too short", lambda _: too_short(shape))
        if high is not None:
            add("map key too long", lambda _: too_long(shape))
        if pattern_breakers(shape):
            add(
                "map key breaks pattern",
                lambda _: st.sampled_from(pattern_breakers(shape)),
            )
        return found

    if site.textual:
        if kind in WRONG_TEXT:
            add(f"{kind} given junk text", lambda _: st.sampled_from(WRONG_TEXT[kind]))
    elif kind in WRONG_TYPES:
        add(
            f"{kind} given a wrong JSON type",
            lambda _: st.sampled_from(WRONG_TYPES[kind]),
        )

    if kind == "string":
        if getattr(shape, "enum", None):
            add(
                "unknown enum value",
                lambda _: st.text(TEXT_ALPHABET, min_size=1, max_size=12).filter(
                    lambda v: v not in shape.enum
                ),
            )
        else:
            if low:
                add("string too short", lambda _: too_short(shape))
            if high is not None:
                add("string too long", lambda _: too_long(shape))
                if not site.textual:
                    add(
                        "string far too long (hostile size)",
                        lambda _: hostile_long(shape),
                    )
            if hostile_at_max(shape):
                add(
                    "pattern-hostile string at its maximum",
                    lambda _: st.sampled_from(hostile_at_max(shape)),
                )
            # an empty label is another route (GET .../upload-jobs/ is ListUploadJobs)
            breakers = [b for b in pattern_breakers(shape) if b or not site.is_label]
            if breakers:
                add("string breaks pattern", lambda _: st.sampled_from(breakers))
    elif kind in INT_BOUNDS or kind in ("double", "float"):
        out_of_range = numbers_out_of_range(shape)
        if out_of_range is not None:
            add(
                f"{kind} out of range",
                lambda _: out_of_range.map(str) if site.textual else out_of_range,
            )
        if not site.textual:
            add(
                "non-finite number",
                lambda _: st.sampled_from([math.nan, math.inf, -math.inf]),
            )
    elif kind == "list":
        if high is not None:
            add(
                "list over its maximum size",
                lambda old: st.lists(
                    valid_value(shape.member, MAX_DEPTH),
                    min_size=max(0, high + 1 - len(old)),
                    max_size=high + 3 - len(old),
                ).map(lambda extra: list(old) + extra),
            )
        item = shape.member
        if not site.textual and item.type_name == "string" and bounds(item)[0]:
            add(
                "many invalid items (hostile size)",
                lambda _: st.integers(*HOSTILE_ITEMS).map(lambda n: [""] * n),
            )
        if not site.textual:
            if low:
                add("list under its minimum size", lambda old: st.just(old[: low - 1]))
            add("null list item", lambda old: st.just(list(old) + [None]))
    elif kind == "map":
        if high is not None:
            add(
                "map over its maximum size",
                lambda old: st.dictionaries(
                    valid_string(shape.key),
                    valid_value(shape.value, MAX_DEPTH),
                    min_size=high + 1,
                    max_size=high + 3,
                ).map(lambda extra: {**extra, **old}),
            )
        if low:
            add("map under its minimum size", lambda _: st.just({}))
        add("null map value", lambda old: st.just({**old, "null-value": None}))

    required = getattr(parent_shape, "required_members", ())
    if parent_shape is not None and site.path[-1] in required and not site.is_label:
        add("required member dropped", lambda _: st.just(DROP))
    return found


def numbers_out_of_range(shape: Shape) -> Any:
    """Numbers outside the model's range, or the type's (32 bits for an integer)."""
    kind = shape.type_name
    low, high = bounds(shape)
    type_low, type_high = INT_BOUNDS.get(kind, (None, None))
    out: list[Any] = []
    if low is not None:
        out.append(st.integers(int(low) - 1000, math.ceil(low) - 1))
    if type_low is not None:
        out.append(st.integers(type_low * 4, type_low - 1))
    if high is not None:
        out.append(st.integers(math.floor(high) + 1, int(high) + 1000))
    if type_high is not None:
        out.append(st.integers(type_high + 1, type_high * 4))
    if kind in ("double", "float"):
        if low is not None:
            out.append(st.just(low - 0.5))
        if high is not None:
            out.append(st.just(high + 0.5))
    return st.one_of(out) if out else None


def get_in(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def shape_at(shape: Shape, path: tuple[Any, ...]) -> Shape | None:
    """The shape of the structure holding the last step of ``path`` (if a structure)."""
    for step in path[:-1]:
        if shape.type_name == "structure":
            shape = shape.members[step]
        elif shape.type_name == "list":
            shape = shape.member
        else:
            shape = shape.value
    return shape if shape.type_name == "structure" else None


def set_in(value: Any, site: Site, new: Any) -> Any:
    """A copy of ``value`` with the member (or map key) at ``site.path`` replaced."""
    value = json.loads(json.dumps(value))  # plain deep copy
    *parents, last = site.path
    container = get_in(value, tuple(parents))
    if site.map_key:
        container[new] = container.pop(last)
    elif new is DROP:
        del container[last]
    else:
        container[last] = new
    return value


# --- requests -------------------------------------------------------------------------


@dataclass
class Request:
    method: str
    path: str
    query: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | None = None
    content_type: str | None = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        body = self.body
        if body is not None and len(body) > 300:
            body = body[:300] + b"...(%d bytes)" % len(body)
        query = f"?{urlencode(self.query)}" if self.query else ""
        return (
            f"{self.method} {self.path}{query} [{self.content_type}] "
            f"{self.headers or ''}{body!r}"
        )


def as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def serialize(operation: OperationModel, params: dict[str, Any]) -> Request:
    """The HTTP request for ``params``, as botocore's rest-json serializer builds it."""
    uri = operation.http["requestUri"]
    path, _, static_query = uri.partition("?")
    query = [
        tuple(p.split("=", 1)) + ("",) * ("=" not in p)
        for p in static_query.split("&")
        if p
    ]
    query = [(k, v) for k, v, *_ in query]
    body: dict[str, Any] = {}
    headers: dict[str, str] = {}
    shape = operation.input_shape
    payload = shape.serialization.get("payload") if shape is not None else None
    members = shape.members if shape is not None else {}
    for name, member in members.items():
        where, wire = location(member), member.serialization.get("name", name)
        if where == "uri":
            value = as_text(params.get(name, ""))
            greedy = "{" + wire + "+}" in path
            encoded = quote(value, safe="/~" if greedy else "")
            path = path.replace("{" + wire + "+}", encoded).replace(
                "{" + wire + "}", encoded
            )
        elif name not in params:
            continue
        elif where == "querystring":
            value = params[name]
            if isinstance(value, list):
                query.extend((wire, as_text(v)) for v in value)
            elif isinstance(value, dict):
                query.extend((k, as_text(v)) for k, v in value.items())
            else:
                query.append((wire, as_text(value)))
        elif where == "header":
            headers[wire] = as_text(params[name])
        elif where is None:
            body[name] = params[name]
    if payload is not None:
        content = params.get(payload)
        data = json.dumps(content).encode() if content is not None else None
    else:
        data = json.dumps(body).encode() if body else None
    return Request(operation.http["method"], path, query, data, headers=headers)


def send(
    session: requests.Session, endpoint: str, request: Request
) -> requests.Response:
    url = endpoint + request.path
    if request.query:
        url += "?" + urlencode(request.query, quote_via=quote)
    headers = dict(request.headers)
    if request.content_type:
        headers["Content-Type"] = request.content_type
    signed = AWSRequest(
        method=request.method, url=url, data=request.body, headers=headers
    )
    SigV4Auth(CREDENTIALS, SIGNING_NAME, REGION).add_auth(signed)
    return session.request(
        request.method,
        url,
        data=request.body,
        headers=dict(signed.headers.items()),
        timeout=60,
    )


# --- backend state ----------------------------------------------------------------------


def reset_state() -> None:
    """Every account and region empty, then the domain and object type the fuzz targets."""
    for account in list(customerprofiles_backends.values()):
        for backend in list(dict.values(account)):
            backend.reset()
    backend = customerprofiles_backends[DEFAULT_ACCOUNT_ID][REGION]
    backend.create_domain(
        domain_name=DOMAIN, default_expiration_days=30, tags={"team": "fuzz"}
    )
    backend.put_profile_object_type(
        domain_name=DOMAIN,
        object_type_name=OBJECT_TYPE,
        description="fuzz object type",
        fields={
            "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"}
        },
        keys={"email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}]},
        tags={"team": "fuzz"},
    )
    job = backend.create_upload_job(
        domain_name=DOMAIN,
        display_name="fuzz.csv",
        fields={"email": {"Source": "_source.email"}},
        unique_key="email",
    )
    jobs = backend.domains[DOMAIN].upload_jobs
    jobs.pop(job.job_id)
    job.job_id = UPLOAD_JOB
    jobs[UPLOAD_JOB] = job
    backend.create_segment_definition(
        domain_name=DOMAIN,
        segment_definition_name=SEGMENT,
        display_name="fuzz segment",
        segment_groups={"Groups": [{"Dimensions": []}]},
    )
    backend.associate_stream_for_segments(
        domain_name=DOMAIN,
        destination_arn=f"arn:aws:kinesis:{REGION}:{DEFAULT_ACCOUNT_ID}:stream/fuzz",
        destination_role_arn=f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:role/fuzz",
    )
    backend.put_segment_subscription(
        domain_name=DOMAIN, segment_definition_name=SEGMENT
    )
    created = backend.create_integration_workflow(
        domain_name=DOMAIN,
        workflow_type="APPFLOW_INTEGRATION",
        integration_config={
            "AppflowIntegration": {
                "FlowDefinition": {
                    "FlowName": "fuzz-flow",
                    "KmsArn": f"arn:aws:kms:{REGION}:{DEFAULT_ACCOUNT_ID}:key/k",
                    "SourceFlowConfig": {
                        "ConnectorType": "Salesforce",
                        "SourceConnectorProperties": {"Salesforce": {"Object": "C"}},
                    },
                    "Tasks": [{"SourceFields": ["Id"], "TaskType": "Map"}],
                    "TriggerConfig": {"TriggerType": "OnDemand"},
                }
            }
        },
        object_type_name=OBJECT_TYPE,
        role_arn=f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:role/fuzz",
    )
    # a known id, so that generated requests name it
    workflows = backend.domains[DOMAIN].workflows
    workflow = workflows.pop(created["WorkflowId"])
    workflow.workflow_id = WORKFLOW_ID
    workflows[WORKFLOW_ID] = workflow
    backend.domains[DOMAIN].integrations[
        f"arn:aws:appflow:{REGION}:{DEFAULT_ACCOUNT_ID}:flow/fuzz-flow"
    ].workflow_id = WORKFLOW_ID


LOCK_TYPES = (type(threading.Lock()), type(threading.RLock()))


def plain(value: Any, ancestors: frozenset[int] = frozenset()) -> Any:
    """``value`` as comparable plain data: every attribute of every object, recursively."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return ("float", repr(value))  # NaN compares equal to itself this way
    if isinstance(value, (datetime, date, Decimal, bytes, Enum)):
        return (type(value).__name__, repr(value))
    if isinstance(value, LOCK_TYPES):  # held only during a request: not state
        return ("lock",)
    if id(value) in ancestors:
        return ("cycle", type(value).__name__)
    ancestors = ancestors | {id(value)}
    if isinstance(value, dict):
        return (
            type(value).__name__,
            {repr(plain(k)): plain(v, ancestors) for k, v in dict.items(value)},
        )
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [plain(v, ancestors) for v in value])
    if isinstance(value, (set, frozenset)):
        return ("set", sorted(repr(plain(v, ancestors)) for v in value))
    if hasattr(value, "__dict__") and not callable(value):
        attributes = {
            name: plain(attribute, ancestors)
            for name, attribute in vars(value).items()
            if name != "_tagger"  # the backend's TaggingService, walked there
        }
        return (type(value).__qualname__, attributes)
    return (type(value).__qualname__, repr(value))


def snapshot() -> Any:
    """The state of every backend that holds anything.

    moto creates backends lazily (its request stubber looks up the default account's
    us-east-1 backend on every request): an empty backend counts as no backend.
    """
    state = {}
    for account_id, account in dict.items(customerprofiles_backends):
        for region, backend in dict.items(account):
            walked = plain(backend)
            if walked != empty_backend(type(backend), region, account_id):
                state[(account_id, region)] = walked
    return state


@cache
def empty_backend(backend_class: type, region: str, account_id: str) -> Any:
    return plain(backend_class(region, account_id))


# --- checks -----------------------------------------------------------------------------


def log(text: str) -> None:
    """``note`` inside a hypothesis example; nothing outside one."""
    try:
        note(text)
    except Exception:
        pass


def no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def check_response(
    response: requests.Response,
    before: Any,
    *,
    must_fail: bool = False,
    strict: bool = True,
    valid: bool = False,
    read_only: bool = False,
) -> None:
    status = response.status_code
    log(
        f"answer: {status} {response.headers.get('X-Amzn-ErrorType')} {response.text[:500]!r}"
    )
    assert status < 500, f"server error {status}: {response.text[:500]}"
    if status < 400:
        assert not must_fail, f"a request breaking the model was accepted ({status})"
        if read_only:
            assert snapshot() == before, "a GET request changed the backend state"
        if response.content:
            document = json.loads(response.content, parse_constant=no_constants)
            assert isinstance(document, dict)
        return
    header = response.headers.get("X-Amzn-ErrorType", "").split(":")[0] or None
    try:
        document = json.loads(response.content, parse_constant=no_constants)
    except ValueError:
        raise AssertionError(
            f"error body is not JSON: {response.content[:300]!r}"
        ) from None
    assert isinstance(document, dict), document
    error_type = (document.get("__type") or header or "").split("#")[-1]
    assert error_type in ERROR_STATUS, f"unmodelled error {error_type!r}: {document}"
    if header is not None:
        assert header.split("#")[-1] == error_type
    assert status == ERROR_STATUS[error_type], (status, error_type)
    message = document.get("Message", document.get("message"))
    assert isinstance(message, str) and message, document
    if must_fail and strict:
        assert error_type == "BadRequestException", document
    if valid:
        for refusal in ("validation error", "could not be parsed"):
            assert refusal not in message, f"valid request refused: {message}"
        assert any(p.fullmatch(message) for p in DOCUMENTED_REFUSALS), (
            f"valid request refused by a rule the README does not list: {message}"
        )
    assert snapshot() == before, "a failed request changed the backend state"


# --- malformed bodies -------------------------------------------------------------------


def number_members(operation: OperationModel) -> list[str]:
    shape = operation.input_shape
    if shape is None:
        return []
    return [
        name
        for name, member in shape.members.items()
        if location(member) is None
        and member.type_name in ("integer", "long", "double", "float")
    ]


def body_members(operation: OperationModel) -> list[str]:
    shape = operation.input_shape
    if shape is None:
        return []
    return [n for n, m in shape.members.items() if location(m) is None] or ["x"]


def malformed_bodies(operation: OperationModel) -> list[bytes]:
    first = body_members(operation)[0]
    deep = 3000
    bodies = [
        b"{not json",
        b"{",
        b"[]",
        b"[1, 2]",
        b'"a string"',
        b"null",
        b"true",
        b"123",
        b"\xff\xfe\xfd",
        b'{"' + first.encode() + b'": "\xff\xfe"}',
        b"\xef\xbb\xbf{}",  # UTF-8 byte order mark
        '{"x": 1}'.encode("utf-16"),
        b"[" * deep + b"]" * deep,
        b'{"a":' * deep + b"1" + b"}" * deep,
        b'{"' + first.encode() + b'": ' + b"[" * 900 + b"]" * 900 + b"}",
        b'{"' + first.encode() + b'": "' + b"x" * 1_000_000 + b'"}',
        b'{"' + first.encode() + b'": ' + b"9" * 5000 + b"}",
        b'{"' + first.encode() + b'": 1, "' + first.encode() + b'": "dup"}',
    ]
    for name in number_members(operation):
        for token in (b"NaN", b"Infinity", b"-Infinity", b"1e400", b"-1e400"):
            bodies.append(b'{"' + name.encode() + b'": ' + token + b"}")
    return bodies


CONTENT_TYPES = [
    "application/json",
    "application/json; charset=utf-8",
    "application/x-amz-json-1.1",
    "application/x-www-form-urlencoded",
    "text/plain",
    "application/octet-stream",
    None,
]
# moto would read the operation from these; only the method and the URI may choose it
# (test_only_method_and_uri_choose_the_operation), so they are fuzzed too.
ROUTING_OVERRIDES = ["Action"]  # query parameter
ROUTING_HEADERS = ["X-Amz-Target"]  # header

junk_name = st.text(TEXT_ALPHABET, min_size=1, max_size=12)
junk_query = st.lists(
    st.tuples(
        st.one_of(
            junk_name,
            st.sampled_from(
                ["next-token", "max-results", "tagKeys", *ROUTING_OVERRIDES]
            ),
        ),
        st.one_of(st.text(max_size=12), st.sampled_from(OPERATIONS)),
    ),
    max_size=3,
)
junk_headers = st.dictionaries(
    st.sampled_from(
        ["X-Amz-Fuzz", "X-Amzn-Trace-Id", "Accept", "X-Amz-Content-Sha256"]
        + ROUTING_HEADERS
    ),
    st.text(TEXT_ALPHABET, max_size=12),
    max_size=2,
)

json_junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


# --- the tests --------------------------------------------------------------------------


@pytest.mark.parametrize("operation_name", OPERATIONS)
def test_fuzz_operation(operation_name: str, endpoint: str) -> None:
    operation = operation_model(operation_name)
    shape = operation.input_shape
    valid_inputs = valid_input(operation)
    full_inputs = valid_input(operation, every_member=True)
    bodies = malformed_bodies(operation)
    names = body_members(operation)

    with mock_aws(), requests.Session() as session:

        @FUZZ_SETTINGS
        @given(data=st.data())
        def fuzz(data: st.DataObject) -> None:
            reset_state()
            case = data.draw(
                st.sampled_from(["valid", "broken", "broken", "malformed"])
            )
            must_fail, strict, valid = False, True, False
            if case == "valid" or shape is None:
                params = data.draw(valid_inputs, label="valid input")
                request = serialize(operation, params)
                valid = True
            elif case == "broken":
                params = data.draw(full_inputs, label="base input")
                candidates = [
                    (site, mutation)
                    for site in sites(shape, params)
                    for mutation in mutations(site, shape_at(shape, site.path))
                ]
                if not candidates:
                    request = serialize(operation, params)
                    valid = True
                else:
                    site, mutation = data.draw(st.sampled_from(candidates))
                    old = get_in(params, site.path)
                    new = data.draw(mutation.build(old), label=mutation.description)
                    note(f"broken: {mutation.description} at {site.path}")
                    params = set_in(params, site, new)
                    request = serialize(operation, params)
                    must_fail, strict = True, mutation.strict
            else:
                params = data.draw(valid_inputs, label="valid input")
                request = serialize(operation, params)
                request.body = data.draw(
                    st.one_of(
                        st.sampled_from(bodies),
                        st.binary(max_size=64),
                        st.fixed_dictionaries(
                            {}, optional=dict.fromkeys(names, json_junk)
                        ).map(lambda d: json.dumps(d).encode()),
                    ),
                    label="body",
                )
                request.content_type = data.draw(st.sampled_from(CONTENT_TYPES))
                request.query += data.draw(junk_query, label="extra query")
                request.headers.update(data.draw(junk_headers, label="extra headers"))
            note(f"request: {request}")
            before = snapshot()
            response = send(session, endpoint, request)
            # GetProfileObjectType materializes a template's implicit type (README).
            materializes = (
                operation_name == "GetProfileObjectType"
                and params.get("ObjectTypeName") in templates()
            )
            check_response(
                response,
                before,
                must_fail=must_fail,
                strict=strict,
                valid=valid,
                read_only=operation.http["method"] == "GET" and not materializes,
            )

        fuzz()


@pytest.mark.parametrize("operation_name", OPERATIONS)
def test_every_malformed_body(operation_name: str, endpoint: str) -> None:
    """Each fixed malformed body, once, against every operation (no sampling)."""
    operation = operation_model(operation_name)
    params = {
        name: KNOWN_VALUES.get(name, ["x"])[0]
        for name, member in (
            operation.input_shape.members.items() if operation.input_shape else []
        )
        if location(member) == "uri"
    }
    with mock_aws(), requests.Session() as session:
        for body in malformed_bodies(operation):
            for content_type in CONTENT_TYPES:
                reset_state()
                request = serialize(operation, params)
                request.body, request.content_type = body, content_type
                before = snapshot()
                response = send(session, endpoint, request)
                try:
                    check_response(
                        response, before, read_only=operation.http["method"] == "GET"
                    )
                except AssertionError as error:
                    raise AssertionError(f"{request}: {error}") from error


# --- known bugs in responses.py (strict xfail: they fail the suite once fixed) -----------


def uri_params(operation: OperationModel) -> dict[str, Any]:
    shape = operation.input_shape
    members = shape.members.items() if shape is not None else []
    return {
        name: KNOWN_VALUES.get(name, ["x"])[0]
        for name, member in members
        if location(member) == "uri"
    }


@pytest.mark.parametrize("where", ROUTING_OVERRIDES + ROUTING_HEADERS)
def test_only_method_and_uri_choose_the_operation(where: str, endpoint: str) -> None:
    operation = operation_model("GetDomain")
    with mock_aws(), requests.Session() as session:
        reset_state()
        request = serialize(operation, uri_params(operation))
        if where in ROUTING_OVERRIDES:
            request.query.append((where, "DeleteDomain"))
        else:
            request.headers[where] = "CustomerProfiles_20200815.DeleteDomain"
        before = snapshot()
        response = send(session, endpoint, request)
        check_response(response, before, read_only=True)
        assert response.json()["DomainName"] == DOMAIN


def test_newline_in_a_label_is_answered(endpoint: str) -> None:
    operation = operation_model("GetDomain")
    with mock_aws(), requests.Session() as session:
        reset_state()
        request = serialize(operation, {})
        request.path = "/domains/%0A"
        before = snapshot()
        check_response(send(session, endpoint, request), before, must_fail=True)
