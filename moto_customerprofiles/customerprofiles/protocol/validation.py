"""Request validation driven by the botocore service model.

moto's rest-json parser coerces or drops bad input (a string for an integer, a malformed
body, an unknown enum value), so every request is checked here against the raw JSON body,
the URI labels and the query string before the parser runs. A violation is reported the way
AWS's request validation reports it::

    1 validation error detected: Value 'x' at 'EventTriggerConditions[0].LogicalOperator'
    failed to satisfy constraint: Member must satisfy enum value set: [ANY, ALL, NONE]
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import unquote

from botocore.model import OperationModel, ServiceModel, Shape, StructureShape

from ..exceptions import BadRequestException

_MAX_SHOWN = 64
# AWS lists a bounded number of violations in "N validation errors detected: ..."; the
# count stays true, but no more messages than this are built (a request with a million
# bad items costs one message each otherwise).
MAX_MESSAGES = 10


class RequestValidationError(BadRequestException):
    def __init__(self, problems: list[str], count: int | None = None) -> None:
        count = len(problems) if count is None else count
        noun = "error" if count == 1 else "errors"
        super().__init__(
            f"{count} validation {noun} detected: " + "; ".join(problems[:MAX_MESSAGES])
        )


def _first_occurrence(literal: str, rest: str) -> str:
    """``literal + rest`` searched from the first ``literal`` of each line only.

    Equivalent under search semantics when ``rest`` starts with ``.*`` (a match from a
    later occurrence is also one from the first, whose ``.*`` reaches over it); a failing
    search then costs one pass per line instead of one per occurrence.
    """
    escaped = re.escape(literal)
    return f"(?m)^(?:(?!{escaped}).)*{escaped}{rest}"


# Model patterns that backtrack (catastrophically, or once per start position), each with
# an equivalent that does not. Patterns are searched, not anchored (a model pattern may
# match anywhere, as AWS's do); "." does not cross a line end, as in the model's regexes.
# tests/test_customerprofiles/test_hostile_input.py checks each equivalence.
SAFE_EQUIVALENTS = {
    # AssociateStreamForSegments DestinationRoleArn: O(n^3) as given. A leading or
    # trailing ".*" changes nothing in a search.
    r".*arn:aws:iam:.*:[0-9]+:.*": _first_occurrence("arn:aws:iam:", ".*:[0-9]+:"),
    # PutIntegration RoleArn (and others): O(n^2) as given.
    r"arn:aws:iam:.*:[0-9]+:.*": _first_occurrence("arn:aws:iam:", ".*:[0-9]+:"),
    # FlowDefinition.KmsArn and the domain's encryption keys: O(n^2) as given.
    r"arn:aws:kms:.*:[0-9]+:.*": _first_occurrence("arn:aws:kms:", ".*:[0-9]+:"),
    # UpdateRecommender RecommenderVersionName: O(n^2) as given. A match that starts
    # inside a run of name characters also starts at the run's first character.
    r"[a-zA-Z0-9_-]+/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z": (
        r"(?<![a-zA-Z0-9_-])[a-zA-Z0-9_-]+/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z"
    ),
}


@cache
def compiled_pattern(pattern: str) -> re.Pattern[str] | None:
    """The model's pattern compiled once, as its equivalent that does not backtrack
    when it has one."""
    try:
        return re.compile(SAFE_EQUIVALENTS.get(pattern, pattern))
    except re.error:  # a Java/ECMA construct Python cannot compile: not checked
        return None


def _show(value: Any) -> str:
    if isinstance(value, str):
        text = value[: _MAX_SHOWN + 1]
    else:
        try:
            text = json.dumps(value, default=str)
        except (RecursionError, ValueError):
            text = "..."
    if len(text) > _MAX_SHOWN:
        text = text[:_MAX_SHOWN] + "..."
    return text


# A member path, rendered only for the messages that are built: a name, or
# (parent, ".Name"), (parent, index) for a list item, (parent, "[key]") for a map value.
_Path = Any


def _render(path: _Path) -> str:
    parts: list[str] = []
    while isinstance(path, tuple):
        path, step = path
        parts.append(f"[{step}]" if isinstance(step, int) else step)
    parts.append(path)
    return "".join(reversed(parts))


def _join(path: _Path, name: str) -> _Path:
    return (path, f".{name}") if path != "" else name


@dataclass(frozen=True)
class _Rules:
    """What the model says of one shape, read once (botocore builds ``metadata`` anew
    at each access)."""

    low: Any
    high: Any
    pattern: str | None
    regex: re.Pattern[str] | None
    enum: frozenset[str]
    enum_text: str
    sensitive: bool
    # The shape or one it holds is sensitive: its value is never shown whole.
    holds_sensitive: bool


@cache
def _rules(shape: Shape) -> _Rules:
    metadata = shape.metadata
    pattern = metadata.get("pattern")
    enum = list(getattr(shape, "enum", None) or [])
    return _Rules(
        low=metadata.get("min"),
        high=metadata.get("max"),
        pattern=pattern,
        regex=compiled_pattern(pattern) if pattern is not None else None,
        enum=frozenset(enum),
        enum_text=", ".join(enum),
        sensitive=_is_sensitive(shape),
        holds_sensitive=_holds_sensitive(shape, set()),
    )


def _is_sensitive(shape: Shape) -> bool:
    return bool(shape.serialization.get("sensitive") or shape.metadata.get("sensitive"))


def _holds_sensitive(shape: Shape, seen: set[str]) -> bool:
    if _is_sensitive(shape):
        return True
    if shape.name in seen:  # a recursive shape: already being looked at
        return False
    seen.add(shape.name)
    if shape.type_name == "structure":
        inner = list(shape.members.values())
    elif shape.type_name == "list":
        inner = [shape.member]
    elif shape.type_name == "map":
        inner = [shape.key, shape.value]
    else:
        inner = []
    return any(_holds_sensitive(member, seen) for member in inner)


# A big list or map lets the server's other requests run every so many items: Python
# hands its interpreter lock over only every 5 ms otherwise, and a small request that
# waits for it at each of its own steps waits far longer than it runs.
_YIELD_EVERY = 256


def _let_others_run() -> None:
    time.sleep(0)  # releases the interpreter lock to any thread waiting for it


def _never(item: Any) -> bool:
    return False


class _Validator:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.count = 0  # every violation; at most MAX_MESSAGES are in ``problems``
        # Inside a sensitive structure, list or map every value is sensitive too.
        self._sensitive_depth = 0

    def fail(self, shape: Shape, path: _Path, value: Any, constraint: str) -> None:
        self.count += 1
        if len(self.problems) >= MAX_MESSAGES:
            return
        if value is None:
            shown = "null"
        elif self._sensitive_depth or _rules(shape).holds_sensitive:
            shown = "'***'"
        else:
            shown = f"'{_show(value)}'"
        self.problems.append(
            f"Value {shown} at '{_render(path)}' failed to satisfy constraint: "
            f"{constraint}"
        )

    def check(self, shape: Shape, value: Any, path: _Path) -> None:
        checker = _CHECKERS.get(shape.type_name)
        if checker is None:
            return
        if not _rules(shape).sensitive:
            checker(self, shape, value, path)
            return
        self._sensitive_depth += 1
        try:
            checker(self, shape, value, path)
        finally:
            self._sensitive_depth -= 1

    def _check_structure(self, shape: Shape, value: Any, path: _Path) -> None:
        if not isinstance(value, dict):
            self.fail(shape, path, value, "Member must be a structure")
            return
        assert isinstance(shape, StructureShape)
        for name in shape.required_members:
            if value.get(name) is None:
                self.fail(shape, _join(path, name), None, "Member must not be null")
        for name, member in shape.members.items():
            if name in value and value[name] is not None:
                self.check(member, value[name], _join(path, name))

    def _check_list(self, shape: Shape, value: Any, path: _Path) -> None:
        if not isinstance(value, list):
            self.fail(shape, path, value, "Member must be a list")
            return
        self._check_size(shape, value, path)
        member = shape.member
        plain = self._plain_string(member)
        for index, item in enumerate(value):
            if index and not index % _YIELD_EVERY:
                _let_others_run()
            if plain(item):
                continue
            if item is None:
                self.fail(member, (path, index), None, "Member must not be null")
            else:
                self.check(member, item, (path, index))

    def _check_map(self, shape: Shape, value: Any, path: _Path) -> None:
        if not isinstance(value, dict):
            self.fail(shape, path, value, "Member must be a map")
            return
        self._check_size(shape, value, path)
        key_shape, value_shape = shape.key, shape.value
        key_path = (path, ".key")
        plain_key, plain_value = (
            self._plain_string(key_shape),
            self._plain_string(value_shape),
        )
        for index, (key, item) in enumerate(value.items()):
            if index and not index % _YIELD_EVERY:
                _let_others_run()
            if not plain_key(key):
                self.check(key_shape, key, key_path)
            if plain_value(item):
                continue
            if item is None:
                self.fail(
                    value_shape, (path, f"[{key}]"), None, "Member must not be null"
                )
            else:
                self.check(value_shape, item, (path, f"[{key}]"))

    def _plain_string(self, shape: Shape) -> Callable[[Any], bool]:
        """For the items of a list or map: whether an item needs no further check.

        The fast way through a million items: a string item of a shape without enum or
        pattern is settled by its length; once the messages are all built, a violation
        is only counted.
        """
        rules = _rules(shape)
        if shape.type_name != "string" or rules.enum or rules.regex is not None:
            return _never
        low = 0 if rules.low is None else rules.low
        high = math.inf if rules.high is None else rules.high

        def plain(item: Any) -> bool:
            if type(item) is not str:
                return False
            if low <= len(item) <= high:
                return True
            if len(self.problems) < MAX_MESSAGES:
                return False  # the message is built by the full check
            self.count += 1
            return True

        return plain

    def _check_string(self, shape: Shape, value: Any, path: _Path) -> None:
        if not isinstance(value, str):
            self.fail(shape, path, value, "Member must be of type string")
            return
        rules = _rules(shape)
        if rules.enum and value not in rules.enum:
            self.fail(
                shape,
                path,
                value,
                f"Member must satisfy enum value set: [{rules.enum_text}]",
            )
            return
        # Length first: a pattern never runs on a value already refused, so it runs
        # only on values the model's maximum length bounds.
        if not self._check_size(shape, value, path):
            return
        if rules.regex is not None and rules.regex.search(value) is None:
            self.fail(
                shape,
                path,
                value,
                f"Member must satisfy regular expression pattern: {rules.pattern}",
            )

    def _check_integer(self, shape: Shape, value: Any, path: _Path) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(shape, path, value, f"Member must be of type {shape.type_name}")
            return
        low, high = _TYPE_RANGES[shape.type_name]  # an integer is 32 bits, a long 64
        if not low <= value <= high:
            self.fail(
                shape,
                path,
                value,
                f"Member must be of type {shape.type_name} (between {low} and {high})",
            )
            return
        self._check_range(shape, value, path)

    _check_long = _check_integer

    def _check_double(self, shape: Shape, value: Any, path: _Path) -> None:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.fail(shape, path, value, "Member must be of type double")
            return
        try:  # json.loads accepts NaN and Infinity; a huge integer overflows a double
            finite = math.isfinite(value)
        except OverflowError:
            finite = False
        if not finite:
            self.fail(shape, path, value, "Member must be a finite number")
            return
        self._check_range(shape, value, path)

    _check_float = _check_double

    def _check_boolean(self, shape: Shape, value: Any, path: _Path) -> None:
        if not isinstance(value, bool):
            self.fail(shape, path, value, "Member must be of type boolean")

    def _check_timestamp(self, shape: Shape, value: Any, path: _Path) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self.fail(shape, path, value, "Member must be of type timestamp")

    def _check_blob(self, shape: Shape, value: Any, path: _Path) -> None:
        if not isinstance(value, str):
            self.fail(shape, path, value, "Member must be of type blob")

    def _check_size(self, shape: Shape, value: Any, path: _Path) -> bool:
        """Whether the length (or size) is within the model's bounds."""
        rules = _rules(shape)
        low, high = rules.low, rules.high
        if low is not None and len(value) < low:
            unit = "length" if shape.type_name == "string" else "size"
            self.fail(
                shape,
                path,
                value,
                f"Member must have {unit} greater than or equal to {low}",
            )
            return False
        if high is not None and len(value) > high:
            unit = "length" if shape.type_name == "string" else "size"
            self.fail(
                shape,
                path,
                value,
                f"Member must have {unit} less than or equal to {high}",
            )
            return False
        return True

    def _check_range(self, shape: Shape, value: float, path: _Path) -> None:
        rules = _rules(shape)
        low, high = rules.low, rules.high
        if low is not None and value < low:
            self.fail(
                shape,
                path,
                value,
                f"Member must have value greater than or equal to {low}",
            )
        elif high is not None and value > high:
            self.fail(
                shape,
                path,
                value,
                f"Member must have value less than or equal to {high}",
            )


_CHECKERS: dict[str, Callable[[_Validator, Shape, Any, _Path], None]] = {
    kind: getattr(_Validator, f"_check_{kind}")
    for kind in (
        "structure",
        "list",
        "map",
        "string",
        "integer",
        "long",
        "double",
        "float",
        "boolean",
        "timestamp",
        "blob",
    )
}

# ASCII digits only: int() also reads other scripts' digits ("٥" is 5), AWS does not.
# Out-of-range values are refused by type.
_INTEGER = re.compile(r"-?[0-9]{1,20}")
_TYPE_RANGES = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}


def _from_text(shape: Shape, text: str) -> Any:
    """Convert a URI label or query value to the JSON type the model expects."""
    if shape.type_name in ("integer", "long") and _INTEGER.fullmatch(text):
        return int(text)
    if shape.type_name == "boolean" and text in ("true", "false"):
        return text == "true"
    return text


def parse_body(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """The request body as a JSON object, or the reason it is not one."""
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return None, "The request body is not valid UTF-8."
    if body is None or (isinstance(body, str) and not body.strip()):
        return {}, None
    try:
        document = json.loads(body)
    except ValueError:
        return None, "The request body is not valid JSON."
    except RecursionError:
        return None, "The request body is nested too deeply."
    if not isinstance(document, dict):
        return None, "The request body must be a JSON object."
    return document, None


def validate_request(
    operation: OperationModel,
    body: dict[str, Any],
    labels: dict[str, str],
    query: dict[str, list[str]],
) -> None:
    """Raise a BadRequestException listing every way the request breaks the model."""
    shape = operation.input_shape
    if shape is None:
        return
    assert isinstance(shape, StructureShape)
    request: dict[str, Any] = {}
    for name, member in shape.members.items():
        location = member.serialization.get("location")
        wire_name = member.serialization.get("name", name)
        if location == "uri":
            if wire_name in labels:
                request[name] = _from_text(member, labels[wire_name])
        elif location == "querystring":
            values = query.get(wire_name)
            if values is None:
                continue
            if member.type_name == "list":
                request[name] = [_from_text(member.member, v) for v in values]
            else:
                request[name] = _from_text(member, values[-1])
        elif location is None and name in body:
            request[name] = body[name]
    validator = _Validator()
    validator.check(shape, request, "")
    if validator.count:
        raise RequestValidationError(validator.problems, validator.count)


def operation_missing_required_query(
    service_model: ServiceModel, method: str, raw_path: str
) -> tuple[str, dict[str, str]] | None:
    """The operation (and its URI labels) whose method and path match a request that
    omits one of its required query members (UntagResource without ``tagKeys``).

    moto's router (5.2.5 on) routes such a request nowhere; AWS routes it by method and
    path alone and reports the missing member as a validation error.
    """
    for name, request_uri in _operations_with_required_query(service_model, method):
        match = _uri_regex(request_uri).match(raw_path)
        if match is not None:
            return name, {k: unquote(v) for k, v in match.groupdict().items()}
    return None


def sensitive_values(
    operation: OperationModel, body: dict[str, Any]
) -> tuple[set[str], set[str]]:
    """The free texts a request gives inside members the model marks sensitive (string
    values and map keys; not enum values, which the model publishes), and the texts it
    gives in string members that are not sensitive."""
    sensitive: set[str] = set()
    shown: set[str] = set()

    def walk(shape: Shape, value: Any, depth: int, inside: bool) -> None:
        if depth > 64 or value is None:
            return
        inside = inside or _rules(shape).sensitive
        kind = shape.type_name
        if kind == "string" and isinstance(value, str):
            if not inside:
                shown.add(value)
            elif not _rules(shape).enum:
                sensitive.add(value)
        elif kind == "structure" and isinstance(value, dict):
            assert isinstance(shape, StructureShape)
            for name, member in shape.members.items():
                walk(member, value.get(name), depth + 1, inside)
        elif kind == "list" and isinstance(value, list):
            for item in value:
                walk(shape.member, item, depth + 1, inside)
        elif kind == "map" and isinstance(value, dict):
            for key, item in value.items():
                walk(shape.key, key, depth + 1, inside)
                walk(shape.value, item, depth + 1, inside)

    if operation.input_shape is not None:
        walk(operation.input_shape, body, 0, False)
    return sensitive, shown


def without_sensitive_values(message: str, sensitive: set[str], shown: set[str]) -> str:
    """``message`` with each sensitive text replaced by ``***`` where it stands as a
    word of its own. Left alone: a text the request also gives in a member that is not
    sensitive (the domain's name...), and a word of five letters or fewer, which the
    message's own words could be ("name", "field", "key")."""
    for text in sorted(sensitive - shown, key=len, reverse=True):
        if len(text) <= 5 and text.isalpha():
            continue
        if text in message:
            message = re.sub(rf"(?<![\w.-]){re.escape(text)}(?![\w.-])", "***", message)
    return message


def operation_by_method_and_path(
    service_model: ServiceModel, method: str, raw_path: str
) -> str | None:
    """The operation whose method and requestUri match, by the model alone."""
    for name, request_uri in _operations_of_method(service_model, method):
        if _uri_regex(request_uri).match(raw_path) is not None:
            return name
    return None


@cache
def _operations_of_method(
    service_model: ServiceModel, method: str
) -> list[tuple[str, str]]:
    found = []
    for name in service_model.operation_names:
        operation = service_model.operation_model(name)
        if operation.http["method"] == method:
            found.append((str(name), str(operation.http["requestUri"])))
    # literal segments first: /domains/{d}/profiles/search before /domains/{d}/{x}
    return sorted(found, key=lambda item: item[1].count("{"))


@cache
def _operations_with_required_query(
    service_model: ServiceModel, method: str
) -> list[tuple[str, str]]:
    found = []
    for name in service_model.operation_names:
        operation = service_model.operation_model(name)
        shape = operation.input_shape
        if operation.http["method"] != method or shape is None:
            continue
        if any(
            shape.members[member].serialization.get("location") == "querystring"
            for member in shape.required_members
        ):
            found.append((str(name), str(operation.http["requestUri"])))
    return found


@cache
def _uri_regex(request_uri: str) -> re.Pattern[str]:
    """A requestUri's path as a regex; a label spans no ``/`` unless it is ``{x+}``
    or the last one (an ARN sent unencoded)."""
    parts = re.split(r"(\{[^}]+\})", request_uri.split("?")[0])
    last = max((i for i, part in enumerate(parts) if part.startswith("{")), default=-1)
    regex = ""
    for i, part in enumerate(parts):
        if part.startswith("{"):
            greedy = part.endswith("+}") or i == last
            regex += f"(?P<{part.strip('{}+')}>{'.+' if greedy else '[^/]+'})"
        else:
            regex += re.escape(part)
    return re.compile(f"^{regex}/?$")
