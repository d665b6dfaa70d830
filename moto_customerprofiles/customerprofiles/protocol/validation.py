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
from functools import cache
from typing import Any
from urllib.parse import unquote

from botocore.model import OperationModel, ServiceModel, Shape, StructureShape

from ..exceptions import BadRequestException

_MAX_SHOWN = 64


class RequestValidationError(BadRequestException):
    def __init__(self, problems: list[str]) -> None:
        count = len(problems)
        noun = "error" if count == 1 else "errors"
        super().__init__(
            f"{count} validation {noun} detected: " + "; ".join(problems[:10])
        )


@cache
def _compiled(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:  # a Java/ECMA construct Python cannot compile: not checked
        return None


def _show(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    if len(text) > _MAX_SHOWN:
        text = text[:_MAX_SHOWN] + "..."
    return text


class _Validator:
    def __init__(self) -> None:
        self.problems: list[str] = []
        # Inside a sensitive structure, list or map every value is sensitive too.
        self._sensitive_depth = 0

    def fail(self, shape: Shape, path: str, value: Any, constraint: str) -> None:
        if value is None:
            shown = "null"
        elif self._sensitive_depth or _is_sensitive(shape):
            shown = "'***'"
        else:
            shown = f"'{_show(value)}'"
        self.problems.append(
            f"Value {shown} at '{path}' failed to satisfy constraint: {constraint}"
        )

    def check(self, shape: Shape, value: Any, path: str) -> None:
        kind = shape.type_name
        checker = getattr(self, f"_check_{kind}", None)
        if checker is None:
            return
        sensitive = _is_sensitive(shape)
        self._sensitive_depth += sensitive
        try:
            checker(shape, value, path)
        finally:
            self._sensitive_depth -= sensitive

    def _check_structure(self, shape: Shape, value: Any, path: str) -> None:
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

    def _check_list(self, shape: Shape, value: Any, path: str) -> None:
        if not isinstance(value, list):
            self.fail(shape, path, value, "Member must be a list")
            return
        self._check_size(shape, value, path)
        member = shape.member
        for index, item in enumerate(value):
            if item is None:
                self.fail(member, f"{path}[{index}]", None, "Member must not be null")
            else:
                self.check(member, item, f"{path}[{index}]")

    def _check_map(self, shape: Shape, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            self.fail(shape, path, value, "Member must be a map")
            return
        self._check_size(shape, value, path)
        key_shape, value_shape = shape.key, shape.value
        for key, item in value.items():
            self.check(key_shape, key, f"{path}.key")
            if item is None:
                self.fail(
                    value_shape, f"{path}[{key}]", None, "Member must not be null"
                )
            else:
                self.check(value_shape, item, f"{path}[{key}]")

    def _check_string(self, shape: Shape, value: Any, path: str) -> None:
        if not isinstance(value, str):
            self.fail(shape, path, value, "Member must be of type string")
            return
        enum = shape.enum
        if enum and value not in enum:
            self.fail(
                shape,
                path,
                value,
                f"Member must satisfy enum value set: [{', '.join(enum)}]",
            )
            return
        self._check_size(shape, value, path)
        pattern = shape.metadata.get("pattern")
        if pattern is not None:
            regex = _compiled(pattern)
            if regex is not None and regex.search(value) is None:
                self.fail(
                    shape,
                    path,
                    value,
                    f"Member must satisfy regular expression pattern: {pattern}",
                )

    def _check_integer(self, shape: Shape, value: Any, path: str) -> None:
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

    def _check_double(self, shape: Shape, value: Any, path: str) -> None:
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

    def _check_boolean(self, shape: Shape, value: Any, path: str) -> None:
        if not isinstance(value, bool):
            self.fail(shape, path, value, "Member must be of type boolean")

    def _check_timestamp(self, shape: Shape, value: Any, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self.fail(shape, path, value, "Member must be of type timestamp")

    def _check_blob(self, shape: Shape, value: Any, path: str) -> None:
        if not isinstance(value, str):
            self.fail(shape, path, value, "Member must be of type blob")

    def _check_size(self, shape: Shape, value: Any, path: str) -> None:
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        unit = "length" if shape.type_name == "string" else "size"
        if low is not None and len(value) < low:
            self.fail(
                shape,
                path,
                value,
                f"Member must have {unit} greater than or equal to {low}",
            )
        elif high is not None and len(value) > high:
            self.fail(
                shape,
                path,
                value,
                f"Member must have {unit} less than or equal to {high}",
            )

    def _check_range(self, shape: Shape, value: float, path: str) -> None:
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
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


def _is_sensitive(shape: Shape) -> bool:
    return bool(shape.serialization.get("sensitive") or shape.metadata.get("sensitive"))


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


_INTEGER = re.compile(r"^-?\d{1,20}$")  # out-of-range values are refused by type
_TYPE_RANGES = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}


def _from_text(shape: Shape, text: str) -> Any:
    """Convert a URI label or query value to the JSON type the model expects."""
    if shape.type_name in ("integer", "long") and _INTEGER.match(text):
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
    if validator.problems:
        raise RequestValidationError(validator.problems)


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
    last = max(i for i, part in enumerate(parts) if part.startswith("{"))
    regex = ""
    for i, part in enumerate(parts):
        if part.startswith("{"):
            greedy = part.endswith("+}") or i == last
            regex += f"(?P<{part.strip('{}+')}>{'.+' if greedy else '[^/]+'})"
        else:
            regex += re.escape(part)
    return re.compile(f"^{regex}/?$")
