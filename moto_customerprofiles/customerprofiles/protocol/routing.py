"""Routing: which operation of the botocore model a method and path name, and its labels."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import unquote

from botocore.model import OperationModel, ServiceModel


@cache
def uri_template_regex(request_uri: str) -> re.Pattern[str]:
    """The regex for an operation's requestUri; the last label may span slashes."""
    path = request_uri.split("?")[0]
    parts = re.split(r"(\{[^}]+\})", path)
    labels = [p for p in parts if p.startswith("{")]
    regex = ""
    for part in parts:
        if part.startswith("{"):
            name = part.strip("{}+")
            greedy = part.endswith("+}") or part == labels[-1]
            regex += f"(?P<{name}>.+)" if greedy else f"(?P<{name}>[^/]+)"
        else:
            regex += re.escape(part)
    return re.compile(f"^{regex}/?$")


@cache
def _strict_uri_regex(request_uri: str) -> re.Pattern[str]:
    """Like ``uri_template_regex``, but only ``{Label+}`` may span slashes."""
    parts = re.split(r"(\{[^}]+\})", request_uri.split("?")[0])
    regex = ""
    for part in parts:
        if part.startswith("{"):
            pattern = ".+" if part.endswith("+}") else "[^/]+"
            regex += f"(?:{pattern})"
        else:
            regex += re.escape(part)
    return re.compile(f"^{regex}/?$")


@cache
def _routes(service_model: ServiceModel, method: str) -> list[tuple[str, str]]:
    """(operation, requestUri) for one HTTP method, the most literal URIs first."""
    routes = [
        (str(name), service_model.operation_model(name).http["requestUri"])
        for name in service_model.operation_names
        if service_model.operation_model(name).http["method"] == method
    ]
    return sorted(routes, key=lambda route: -_literal_length(route[1]))


def _literal_length(request_uri: str) -> int:
    return len(re.sub(r"\{[^}]+\}", "", request_uri.split("?")[0]))


def operation_for_path(
    service_model: ServiceModel, method: str, raw_path: str
) -> str | None:
    """The operation whose method and requestUri path match, ignoring the query string.

    Only the method and the path choose the operation, as in AWS: not moto's ``Action``
    query parameter or ``X-Amz-Target`` header, nor the required query members that moto
    5.2.5's router also asks for (``DELETE /tags/{resourceArn}`` without ``tagKeys`` is
    routed, then refused by validation). A label holds no ``/`` unless the template says
    ``{Label+}``; failing that, the last label may (a decoded ARN in the path).
    """
    routes = _routes(service_model, method.upper())
    for regex in (_strict_uri_regex, uri_template_regex):
        for name, request_uri in routes:
            if regex(request_uri).match(raw_path):
                return name
    return None


def uri_labels(operation: OperationModel, raw_path: str) -> dict[str, str]:
    match = uri_template_regex(operation.http["requestUri"]).match(raw_path)
    if match is None:
        return {}
    return {name: unquote(value) for name, value in match.groupdict().items()}
