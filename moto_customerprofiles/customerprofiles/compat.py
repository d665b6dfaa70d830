"""Every place this package relies on moto beyond what moto's own services use.

moto 5.2.6 renamed one private method and every request of this package failed. So each
touch of a moto name that is private, or whose signature changed within 5.2.x, lives here,
with why it is needed and the releases it was checked on. The rest of the package imports
only what moto's own services import (``tests/test_customerprofiles/test_compat.py``
checks it).

Checked on moto 5.2.0, 5.2.5 and 5.2.6 (boto3/botocore 1.44.18).
"""

from __future__ import annotations

import base64
import importlib.abc
import importlib.util
import inspect
import json
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any
from urllib.parse import unquote

from moto.core.common_types import TYPE_RESPONSE
from moto.core.exceptions import ServiceException
from moto.core.responses import BaseResponse
from werkzeug.exceptions import ClientDisconnected, HTTPException

from .exceptions import (
    AuthorizationError,
    BadRequestException,
    InternalServerException,
    ResourceNotFoundException,
)


class ResponseHooks(BaseResponse):
    """moto's request pipeline (router, parser, serializer), with the hooks it lacks.

    Subclasses override the public hooks ``validate``, ``iam_resource`` and
    ``call_action``; the private names of ``BaseResponse`` are touched only here.
    """

    def __init__(self, service_name: str) -> None:
        super().__init__(service_name=service_name)
        self.automated_parameter_parsing = True
        self.request_error: ServiceException | None = None
        self._authorized = False

    # --- routing: moto's router, read once per request --------------------------------

    def _get_action(self) -> str:
        """The operation moto's router picks from the method and path.

        Why: moto asks for it several times per request (routing again each time on
        5.2.6), and before 5.2.6 an ``Action`` query parameter or an ``X-Amz-Target``
        header picks the operation instead, which AWS ignores for a rest-json service.
        5.2.0-5.2.6: ``_get_action`` exists with this signature.
        """
        if not hasattr(self, "_operation_name"):
            name: str | None
            if self.querystring.get("Action") or self.headers.get("X-Amz-Target"):
                name = self._route_by_method_and_path()
            else:
                name = super()._get_action()
            self._operation_name: str = name if name and self._is_modelled(name) else ""
        return self._operation_name

    def _route_by_method_and_path(self) -> str | None:
        """moto's rest router without the Action / X-Amz-Target shortcut.

        Why: it has had three names and signatures within 5.2.x:
        ``_get_action_from_request(request)`` (5.2.6),
        ``_get_action_from_method_and_request_uri(request)`` (5.2.5) and
        ``(method, path)`` (5.2.0-5.2.4). Should a release rename it again, the
        request is not routed (a modelled 404), rather than failing.
        """
        route = getattr(self, "_get_action_from_request", None)
        if route is not None:
            return route(self.normalized_request)  # type: ignore[no-any-return]
        route = getattr(self, "_get_action_from_method_and_request_uri", None)
        if route is None:
            return None
        if "request" in inspect.signature(route).parameters:
            return route(self.normalized_request)  # type: ignore[no-any-return]
        return route(self.method, self.raw_path)  # type: ignore[no-any-return]

    def _is_modelled(self, name: str | None) -> bool:
        if not name:
            return False
        model = self.service_model()
        if name not in model.operation_names:
            return False
        return bool(model.operation_model(name).http["method"] == self.method)

    @property
    def operation_name(self) -> str:
        """The routed operation, or "" when no operation matches."""
        return self._get_action()

    def uri_labels(self) -> dict[str, str]:
        """The URI labels moto's router matched, decoded.

        Why: ``uri_match`` is a ``re.Match`` of the raw path on 5.2.0-5.2.4 and a dict of
        decoded values from 5.2.5 on.
        """
        match: Any = getattr(self, "uri_match", None)
        if match is None:
            return {}
        if isinstance(match, dict):
            return {k: str(v) for k, v in match.items()}
        return {k: unquote(v) for k, v in match.groupdict().items() if v is not None}

    def service_model(self) -> Any:
        from moto.core.utils import get_service_model

        return get_service_model(self.boto3_service_name)

    # --- request set-up ------------------------------------------------------------------

    def _dispatch(self, *args: Any, **kwargs: Any) -> TYPE_RESPONSE:
        """Why: ``setup_class`` reads and decodes the body before any error handling,
        so invalid UTF-8 (5.2.0-5.2.6), a malformed chunked body (werkzeug's OSError)
        or a client gone before its Content-Length was sent (both seen on 5.2.6)
        escape as raw exceptions, HTML pages in the server. The signature changed in
        5.2.5 (the request object), hence ``*args``."""
        try:
            return super()._dispatch(*args, **kwargs)
        except UnicodeDecodeError:
            return error_response(
                BadRequestException("The request is not valid UTF-8.")
            )
        except (OSError, ClientDisconnected):
            return error_response(
                BadRequestException(
                    "The request body could not be read (malformed chunked encoding, "
                    "or shorter than its Content-Length)."
                )
            )

    def setup_class(self, *args: Any, **kwargs: Any) -> None:
        """Why: its signature changed within 5.2.x (5.2.6 made ``full_url`` and
        ``headers`` optional), so arguments pass through unchanged. Two fixes follow:

        - moto's IAM check signs ``self.data`` as if it were a form body, so a bodiless
          GET or DELETE fails with SignatureDoesNotMatch (all 5.2.x): it is cleared;
          the parameters stay in ``params``.
        - moto < 5.2.5 signs the decoded path of ``self.uri`` in server mode: a
          percent-encoded ARN in the path must keep its encoding.
        """
        super().setup_class(*args, **kwargs)
        if self.method in ("GET", "DELETE"):
            self.data = {}
        raw_path = getattr(self, "raw_path", None)
        if raw_path and raw_path != self.parsed_url.path:
            self.uri = self.parsed_url._replace(path=raw_path).geturl()

    def parse_parameters(self, request: Any) -> None:
        """The raw request is validated first (moto's parser coerces, drops and crashes
        on what the model forbids); moto's parser then reads the valid request.

        The request object differs between 5.2.x releases; only ``self`` is read here.
        """
        self.params = {}
        try:
            self.validate()
            super().parse_parameters(request)
        except ServiceException as error:
            self.request_error = error
        except Exception:  # moto's parser gave up on input the model allows
            self.request_error = BadRequestException("The request could not be parsed.")

    def validate(self) -> None:
        """Raise a ServiceException for a request the model forbids."""

    def determine_response_protocol(self, service_model: Any) -> str:
        """Always rest-json. Why: moto picks the serializer from the request's
        Content-Type (5.2.0-5.2.6), so an x-amz-json-1.1 request would be answered
        in another protocol."""
        return "rest-json"

    # --- IAM -----------------------------------------------------------------------------

    def iam_resource(self) -> str:
        """The ARN IAM policies are checked against."""
        return "*"

    def _determine_resource(self) -> str:
        """Why: moto's IAM check reads the resource from this optional hook."""
        return self.iam_resource()

    def authorize(self) -> TYPE_RESPONSE | None:
        """moto's IAM check, answered in JSON with its headers; None when allowed.

        Why: moto answers a denial in XML, and its own call of the check keeps only the
        status of an HTTPException. Run first, the check is then not repeated.
        """
        self._authorized = True
        try:
            super()._authenticate_and_authorize_normal_action(self.iam_resource())
        except HTTPException as error:  # moto's IAM errors, in XML
            denial = AuthorizationError(
                error.code or 403,
                getattr(error, "error_type", "AccessDenied"),
                getattr(error, "message", str(error.description)),
            )
        except (KeyError, IndexError, ValueError, AttributeError):
            # moto reads the Authorization header without checking it (seen on
            # 5.2.6): no X-Amz-Date, or no SignedHeaders or Signature, is a KeyError.
            denial = AuthorizationError(
                403, "AccessDenied", incomplete_signature(self.headers)
            )
        else:
            return None
        headers = dict(denial.get_headers())
        headers["status"] = str(denial.code)
        return int(denial.code or 403), headers, denial.description or ""

    def _authenticate_and_authorize_normal_action(self, resource: str = "*") -> None:
        """Why: moto's ``call_action`` runs the check again; ``authorize`` already has.
        Signature unchanged in 5.2.0-5.2.6."""
        if not self._authorized:
            super()._authenticate_and_authorize_normal_action(resource)


_STATUS = {"ResourceNotFoundException": 404, "InternalServerException": 500}


def incomplete_signature(headers: Any) -> str:
    """What an Authorization header lacks, in AWS's words for a signature it cannot
    read (AWS answers IncompleteSignatureException; the model has AccessDenied)."""
    authorization = str(headers.get("Authorization") or "")
    problems = [
        f"Authorization header requires '{part}' parameter."
        for part in ("Credential", "Signature", "SignedHeaders")
        if f"{part}=" not in authorization
    ]
    if not (headers.get("X-Amz-Date") or headers.get("Date")):
        problems.append(
            "Authorization header requires existence of either a 'X-Amz-Date' or "
            "a 'Date' header."
        )
    return " ".join(problems) or "The request signature could not be read."


def error_response(error: ServiceException) -> TYPE_RESPONSE:
    """An error answered before the request could be routed to an operation."""
    headers = {
        "status": str(_STATUS.get(error.code, 400)),
        "Content-Type": "application/json",
        "X-Amzn-ErrorType": error.code,
    }
    body = json.dumps({"__type": error.code, "Message": error.message})
    return int(headers["status"]), headers, body


# --- the server's Flask app ---------------------------------------------------------------

_SERVER_MODULES = (
    "moto.moto_server.werkzeug_app",
    "moto.moto_server.threaded_moto_server",
    "moto.server",
)


def answer_http_errors_in_json(service_key: str) -> None:
    """Make the server's Flask app for this service answer its own HTTP errors (a
    method no route allows, such as TRACE or PROPFIND: 405) in JSON.

    Why: moto's server builds one Flask app per service with ``create_backend_app``
    (read in 5.2.6 and in an older 5.x source: same function, same imports in
    ``moto.server`` and ``threaded_moto_server``), whose routes allow only GET, POST, PUT, DELETE, HEAD, PATCH and
    OPTIONS; Flask refuses other methods with an HTML page before our response class
    runs. The function is wrapped in the modules that hold it: at once where they are
    loaded, else right after ``moto.moto_server.werkzeug_app`` is imported (importing
    it here would load Flask for decorator-mode users too).
    """
    for name in _SERVER_MODULES:
        module = sys.modules.get(name)
        if module is not None:
            _answer_in_json(module, service_key)
    # Not loaded yet: wrapped as soon as it is, before moto.server and
    # threaded_moto_server copy the name.
    after_import(
        _SERVER_MODULES[0], lambda module: _answer_in_json(module, service_key)
    )


def _answer_in_json(module: ModuleType, service_key: str) -> None:
    original = getattr(module, "create_backend_app", None)
    if original is None or getattr(original, "_customerprofiles", False):
        return

    def create_backend_app(service: Any) -> Any:
        app = original(service)
        if service == service_key:
            app.register_error_handler(HTTPException, _json_http_error)
        return app

    create_backend_app._customerprofiles = True  # type: ignore[attr-defined]
    setattr(module, "create_backend_app", create_backend_app)  # noqa: B010


def _json_http_error(error: HTTPException) -> Any:
    """An HTTP error of the server, as the model's error in JSON."""
    from flask import request

    code = error.code or 500
    exception: ServiceException
    if code == 405:
        path = request.path if len(request.path) <= 200 else request.path[:200] + "..."
        exception = ResourceNotFoundException(
            f"No Customer Profiles operation matches {request.method[:32]} {path}"
        )
    elif code < 500:
        exception = BadRequestException(str(error.description or error.name))
    else:
        exception = InternalServerException("An internal error occurred.")
    status, headers, body = error_response(exception)
    headers.pop("status", None)
    status = 500 if isinstance(exception, InternalServerException) else status
    return body, status, headers


# --- the response class's methods -----------------------------------------------------------


def list_response_methods_once() -> None:
    """List our response class's methods once per class, not on every request.

    Why: moto's ``BaseResponse.call_action`` calls
    ``moto.core.responses.method_names_from_class(self.__class__)``
    (``inspect.getmembers``) on every request (5.2.0-5.2.6): with one method per
    operation that was about a fifth of a request's dispatch. The module's name is
    wrapped: our classes' lists are kept, every other class is listed as before.
    """
    from moto.core import responses

    original: Callable[[Any], list[str]] = responses.method_names_from_class  # type: ignore[attr-defined]
    if getattr(original, "_customerprofiles", False):
        return
    listed: dict[type, list[str]] = {}

    def method_names_from_class(clazz: Any) -> list[str]:
        if not (isinstance(clazz, type) and issubclass(clazz, ResponseHooks)):
            return original(clazz)
        names = listed.get(clazz)
        if names is None:
            names = listed[clazz] = original(clazz)
        return names

    method_names_from_class._customerprofiles = True  # type: ignore[attr-defined]
    setattr(responses, "method_names_from_class", method_names_from_class)  # noqa: B010


# --- Kinesis -------------------------------------------------------------------------------


def _kinesis_wants_base64_text() -> bool:
    """Whether moto's Kinesis model stores record data as base64 text.

    Why: 5.2.0-5.2.5 store the base64 text a client sends (``Record.to_json`` decodes
    it); 5.2.6 stores raw bytes and encodes on output. Told from the model's behaviour,
    not its version number.
    """
    from moto.kinesis.models import Record

    probe = Record("k", "eA==", 1, "")  # type: ignore[arg-type]
    return bool(probe.to_json()["Data"] == b"x")


def kinesis_data(payload: bytes) -> bytes | str:
    """The record data as this moto's ``KinesisBackend.put_record`` takes it."""
    if _KINESIS_BASE64[0] is None:
        _KINESIS_BASE64[0] = _kinesis_wants_base64_text()
    return base64.b64encode(payload).decode() if _KINESIS_BASE64[0] else payload


_KINESIS_BASE64: list[bool | None] = [None]


# --- /moto-api/ ----------------------------------------------------------------------------


def add_moto_api_routes(routes: dict[str, Any]) -> None:
    """Serve our handlers under moto's ``/moto-api/``.

    Why: moto has no public way to add a route; its ``/moto-api/`` URL table is
    ``moto.moto_api._internal.urls.url_paths`` (5.2.0-5.2.6).
    """
    from moto.moto_api._internal import urls

    for path, handler in routes.items():
        urls.url_paths.setdefault("{0}" + path + "$", handler)


# --- CloudFormation ------------------------------------------------------------------------


def forget_cloudformation_lookups() -> None:
    """Clear CloudFormation's cached resource-type lookups, in case a stack was parsed
    before this package registered its types.

    Why: moto finds resource types with ``lru_cache``d functions of
    ``moto.cloudformation.parsing`` (5.2.0-5.2.6). Only when it is already loaded:
    importing it loads most of moto, and before it is loaded its caches are empty.
    """
    import sys

    parsing = sys.modules.get("moto.cloudformation.parsing")
    if parsing is None:
        return
    for name in ("get_model_list", "get_model_map", "get_name_type_map"):
        cached = getattr(parsing, name, None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()


# --- Resource Groups Tagging API ----------------------------------------------------------

TAGGING_API_MODULE = "moto.resourcegroupstaggingapi.models"
_WRAPPED = "_customerprofiles_per_arn"


def report_tagging_api_failures_per_arn(
    failure_info: Callable[[ServiceException], dict[str, Any]],
) -> None:
    """The Tagging API's TagResources and UntagResources report an ARN this service
    refuses in ``FailedResourcesMap`` (as ``failure_info(error)``) and go on with the
    other ARNs, as AWS does.

    Why: moto's ``ResourceGroupsTaggingAPIBackend.tag_resources`` and
    ``untag_resources`` (5.2.2-5.2.6) loop over the ARNs and catch only
    ``NotImplementedError`` from a backend's ``tag_resource``/``untag_resource``
    (reported as "Service not yet supported"); any other error fails the whole call,
    after the ARNs before it were tagged. moto has no per-ARN error hook, so both
    methods are wrapped: moto's own method runs one ARN at a time, and only this
    service's errors are caught (other services behave as before). Importing that
    module loads another moto service, so it is wrapped once it is imported.
    """
    from .exceptions import CustomerProfilesException

    def wrap(module: ModuleType) -> None:
        backend = module.ResourceGroupsTaggingAPIBackend
        if getattr(backend.tag_resources, _WRAPPED, False):
            return
        tag_resources = backend.tag_resources
        untag_resources = backend.untag_resources

        def per_arn(
            arns: list[str], call: Callable[[list[str]], dict[str, Any]]
        ) -> dict[str, Any]:
            failed: dict[str, Any] = {}
            for arn in arns:
                try:
                    failed.update(call([arn]))
                except CustomerProfilesException as error:
                    failed[arn] = failure_info(error)
            return failed

        def tag_each(
            self: Any, resource_arns: list[str], tags: dict[str, str]
        ) -> dict[str, Any]:
            return per_arn(
                resource_arns,
                lambda one: tag_resources(self, resource_arns=one, tags=tags),
            )

        def untag_each(
            self: Any, resource_arn_list: list[str], tag_keys: list[str]
        ) -> dict[str, Any]:
            return per_arn(
                resource_arn_list,
                lambda one: untag_resources(
                    self, resource_arn_list=one, tag_keys=tag_keys
                ),
            )

        for function in (tag_each, untag_each):
            setattr(function, _WRAPPED, True)
        backend.tag_resources = tag_each
        backend.untag_resources = untag_each

    after_import(TAGGING_API_MODULE, wrap)


def after_import(name: str, then: Callable[[ModuleType], None]) -> None:
    """Call ``then(module)`` once the module ``name`` is imported: now if it is, else
    right after its import (a post-import hook on ``sys.meta_path``, once)."""
    module = sys.modules.get(name)
    if module is not None:
        then(module)
    elif not any(isinstance(f, _AfterImport) and f.name == name for f in sys.meta_path):
        sys.meta_path.insert(0, _AfterImport(name, then))


class _AfterImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: wraps the loader the other finders find for ``name``."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self.name = name
        self.then = then
        self._finding = False

    def find_spec(
        self, fullname: str, path: Any = None, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name or self._finding:
            return None
        self._finding = True
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            self._finding = False
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _ThenLoader(spec.loader, self)
        return spec

    def done(self, module: ModuleType) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        self.then(module)


class _ThenLoader(importlib.abc.Loader):
    """The found loader, and the hook once the module has run."""

    def __init__(self, loader: Any, finder: _AfterImport) -> None:
        self._loader = loader
        self._finder = finder

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self._loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        self._finder.done(module)

    def __getattr__(self, name: str) -> Any:  # get_source, is_package, ...
        return getattr(self._loader, name)


def kinesis_records_after(
    account_id: str, region_name: str, stream_arn: str, positions: dict[str, int]
) -> list[bytes]:
    """The data of the records on moto's stream ``stream_arn`` after ``positions``
    (shard id -> last sequence number read), oldest first per shard; ``positions``
    moves past them. No stream: no records.

    Why: moto's Kinesis backend has no public read that does not go through shard
    iterators (whose signature and encoding changed within 5.2.x); ``Stream.shards``
    and ``Shard.records`` (sequence number -> ``Record``, ``Record.data``) are read
    directly. Checked on 5.2.0 and 5.2.6; the data's encoding is told as ``kinesis_data``
    tells it.
    """
    from moto.kinesis.models import kinesis_backends

    try:
        backend = kinesis_backends[account_id][region_name]
        stream = backend.describe_stream(stream_arn=stream_arn, stream_name=None)
    except Exception:  # noqa: BLE001 - a missing stream (moto's own error) or region
        return []
    if _KINESIS_BASE64[0] is None:
        _KINESIS_BASE64[0] = _kinesis_wants_base64_text()
    found: list[bytes] = []
    for shard_id, shard in stream.shards.items():
        last = positions.get(shard_id, -1)
        new = []
        for sequence in reversed(shard.records):  # newest first: stop at the last read
            if int(sequence) <= last:
                break
            new.append(sequence)
        for sequence in reversed(new):
            data: Any = shard.records[sequence].data  # bytes on 5.2.6, base64 before
            if isinstance(data, str):
                data = base64.b64decode(data) if _KINESIS_BASE64[0] else data.encode()
            found.append(data)
            positions[shard_id] = int(sequence)
    return found
