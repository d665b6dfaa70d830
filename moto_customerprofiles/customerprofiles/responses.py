"""Handles incoming customerprofiles requests, invokes methods, returns responses."""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlunparse

from botocore.model import OperationModel
from moto.core.common_models import BaseModel
from moto.core.common_types import TYPE_RESPONSE
from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult, BaseResponse, EmptyResult
from moto.core.utils import camelcase_to_underscores, get_service_model
from werkzeug.exceptions import HTTPException

from .exceptions import (
    AuthorizationError,
    BadRequestException,
    InternalServerException,
    ResourceNotFoundException,
)
from .models import CustomerProfilesBackend, customerprofiles_backends
from .protocol.routing import operation_for_path, uri_labels
from .protocol.validation import parse_body, validate_request
from .resources.clock import CLOCK_HEADER, now, parse_moment, request_clock
from .resources.common import Page

SERVICE_NAME = "customer-profiles"
OPERATIONS_PACKAGE = f"{__package__}.operations"
PAGINATION_PARAMETERS = frozenset({"next_token", "max_results"})
T = TypeVar("T")
log = logging.getLogger(__name__)


class CustomerProfilesResponse(BaseResponse):
    """Every request is checked against the botocore model before it reaches a method."""

    def __init__(self) -> None:
        super().__init__(service_name=SERVICE_NAME)
        self.automated_parameter_parsing = True
        self._request_error: ServiceException | None = None
        self._labels: dict[str, str] = {}
        self._authorized = False

    @property
    def backend(self) -> CustomerProfilesBackend:
        return customerprofiles_backends[self.current_account][self.region]

    # --- request handling shared by every operation -----------------------------------

    def _dispatch(self, *args: Any, **kwargs: Any) -> TYPE_RESPONSE:
        try:
            return super()._dispatch(*args, **kwargs)
        except UnicodeDecodeError:
            return _error_without_context(
                BadRequestException("The request is not valid UTF-8.")
            )

    def _get_action(self) -> str:
        """The operation, from the method and path alone (see operation_for_path).

        moto asks for it several times per request; one response object serves one request.
        """
        if not hasattr(self, "_action"):
            path = getattr(self, "raw_path", None) or self.parsed_url.path
            model = get_service_model(SERVICE_NAME)
            self._action: str = operation_for_path(model, self.method, path) or ""
            self._match_uri_labels_for_moto()
        return self._action

    def determine_response_protocol(self, service_model: Any) -> str:
        """Always rest-json: moto would pick another serializer from the Content-Type."""
        return "rest-json"

    def setup_class(self, *args: Any, **kwargs: Any) -> None:
        super().setup_class(*args, **kwargs)
        # moto's IAM check signs self.data as if it were a form body: a bodiless GET or
        # DELETE would then fail with SignatureDoesNotMatch. Its parameters stay in params.
        if self.method in ("GET", "DELETE"):
            self.data = {}
        # moto < 5.2.5 signs the decoded path of self.uri: a percent-encoded ARN in the
        # path (/tags/arn%3Aaws...) must keep its encoding for the signature to match.
        raw_path = getattr(self, "raw_path", None)
        if raw_path and raw_path != self.parsed_url.path:
            self.uri = urlunparse(self.parsed_url._replace(path=raw_path))

    def _authenticate_and_authorize_normal_action(self, resource: str = "*") -> None:
        """moto's IAM check, once per request: ``call_action`` runs it first, so that a
        denial is answered in JSON with its headers (moto's own step drops them)."""
        if self._authorized:
            return
        self._authorized = True
        try:
            super()._authenticate_and_authorize_normal_action(resource)
        except HTTPException as error:  # moto's IAM errors, in XML
            raise AuthorizationError(
                error.code or 403,
                getattr(error, "error_type", "AccessDenied"),
                getattr(error, "message", str(error.description)),
            ) from None

    def _determine_resource(self) -> str:
        """The ARN IAM policies are checked against: the tagged resource, or the domain."""
        labels = self._labels
        if "resourceArn" in labels:
            return labels["resourceArn"]
        if "DomainName" in labels:
            return self.backend.domain_arn(labels["DomainName"])
        return "*"

    def _match_uri_labels_for_moto(self) -> None:
        """Let moto's router set ``uri_match``, from which its parser reads URI labels
        (its signature differs between moto 5.2.x releases)."""
        route: Callable[..., Any] = self._get_action_from_method_and_request_uri
        if "request" in inspect.signature(route).parameters:
            route(self.normalized_request)
        else:
            route(self.method, self.raw_path)

    def _operation(self) -> OperationModel:
        return get_service_model(SERVICE_NAME).operation_model(self._get_action())

    def parse_parameters(self, request: Any) -> None:
        """Validate the raw request against the model, then let moto parse it."""
        self.params = {}
        try:
            operation = self._operation()
            body, problem = parse_body(self.body)
            if body is None:
                raise BadRequestException(problem)
            path = getattr(self, "raw_path", None) or self.parsed_url.path
            labels = self._labels = uri_labels(operation, path)
            query = parse_qs(self.parsed_url.query, keep_blank_values=True)
            validate_request(operation, body, labels, query)
            super().parse_parameters(request)
        except ServiceException as error:
            self._request_error = error
            return
        except Exception:  # moto's parser gave up on input the model allows
            self._request_error = BadRequestException(
                "The request could not be parsed."
            )
            return
        self.params.update(labels)

    def call_action(self) -> TYPE_RESPONSE:
        action = self._get_action()
        error = self._request_error
        if error is None and not action:
            error = ResourceNotFoundException(
                f"No Customer Profiles operation matches {self.method} {self.path}"
            )
        if error is None and not hasattr(self, camelcase_to_underscores(action)):
            error = BadRequestException(
                f"The {action} action has not been implemented in moto-customerprofiles"
            )
        if error is None:
            account_backends = customerprofiles_backends[self.current_account]
            try:
                account_backends[self.region]
            except KeyError:
                error = BadRequestException(
                    f"Customer Profiles is not available in region {self.region}. "
                    f"Supported regions: {', '.join(account_backends.regions)}"
                )
        if error is None:
            # One request at a time per backend (account and region), from the
            # authorization check to the serialized answer, which reads the models.
            clock = request_clock(parse_moment(self.headers.get(CLOCK_HEADER)))
            with self.backend.lock, clock:
                try:
                    self._authenticate_and_authorize_normal_action(
                        self._determine_resource()
                    )
                except AuthorizationError as denial:
                    headers = dict(denial.get_headers())
                    headers["status"] = str(denial.code)
                    return int(denial.code or 403), headers, denial.description or ""
                try:
                    return super().call_action()
                except Exception:  # a bug: answered as the model's error, in JSON
                    log.exception("%s failed", action)
                    error = InternalServerException("An internal error occurred.")
        status, headers, body = self.serialized(ActionResult(error))
        headers["status"] = str(status)
        return status, headers, body

    def _call(self, method: Callable[..., T]) -> T:
        """Call a backend method with the request's members as keyword arguments.

        Members the method does not take (added to the model by a newer botocore) are
        not passed on.
        """
        accepted = _parameters(method)
        kwargs = {
            name: value
            for name, value in (
                (camelcase_to_underscores(k), v) for k, v in self.params.items()
            )
            if accepted is None or name in accepted
        }
        return method(**kwargs)

    # --- responses that need shaping; every other operation is served by _respond ---

    def batch_get_profile(self) -> ActionResult:
        profiles, errors = self._call(self.backend.batch_get_profile)
        return ActionResult({"Profiles": profiles, "Errors": errors})

    def add_profile_key(self) -> ActionResult:
        key_name, values = self._call(self.backend.add_profile_key)
        return ActionResult({"KeyName": key_name, "Values": values})

    def batch_get_calculated_attribute_for_profile(self) -> ActionResult:
        errors, values, overrides = self._call(
            self.backend.batch_get_calculated_attribute_for_profile
        )
        return ActionResult(
            {
                "Errors": errors,
                "CalculatedAttributeValues": values,
                "ConditionOverrides": overrides,
            }
        )

    def get_segment_membership(self) -> ActionResult:
        name, profiles, failures = self._call(self.backend.get_segment_membership)
        return ActionResult(
            {
                "SegmentDefinitionName": name,
                "Profiles": profiles,
                "Failures": failures,
                "LastComputedAt": now(),
            }
        )

    def _respond(self, method_name: str) -> ActionResult:
        """The generic response: the backend method's result is the response.

        None is an empty response; a Page gives Items and NextToken; for an output
        shape of one member (Message, ProfileId, tags, ...) any other value is that
        member; otherwise the value (a model object or a dict) is the output shape.
        """
        result = self._call(getattr(self.backend, method_name))
        if result is None:
            return EmptyResult()
        if isinstance(result, Page):
            return ActionResult({"Items": result.items, "NextToken": result.next_token})
        output = self._operation().output_shape
        members = list(output.members) if output is not None else []
        if len(members) == 1 and not isinstance(result, BaseModel):
            return ActionResult({members[0]: result})
        return ActionResult(result)


def _generic_response(method_name: str) -> Callable[[CustomerProfilesResponse], Any]:
    def respond(self: CustomerProfilesResponse) -> ActionResult:
        return self._respond(method_name)

    respond.__name__ = respond.__qualname__ = method_name
    return respond


def _serve_every_operation() -> None:
    """Give each backend operation without a response method the generic one.

    The operations are the public methods of the ``operations`` classes the backend
    combines (read from the classes, so that importing costs no model loading).
    """
    for family in CustomerProfilesBackend.__mro__:
        if not family.__module__.startswith(OPERATIONS_PACKAGE):
            continue
        for name, member in vars(family).items():
            if callable(member) and not name.startswith("_"):
                if not hasattr(CustomerProfilesResponse, name):
                    setattr(CustomerProfilesResponse, name, _generic_response(name))


_serve_every_operation()


@cache
def _signature_of(function: Callable[..., Any]) -> frozenset[str] | None:
    """The keyword parameters a backend method takes; None when it takes **kwargs."""
    parameters = inspect.signature(function).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return None
    return frozenset(p.name for p in parameters) | PAGINATION_PARAMETERS


def _parameters(method: Callable[..., Any]) -> frozenset[str] | None:
    return _signature_of(getattr(method, "__func__", method))


def _error_without_context(error: ServiceException) -> TYPE_RESPONSE:
    """An error answered before the request could be routed to an operation."""
    headers = {
        "status": "400",
        "Content-Type": "application/json",
        "X-Amzn-ErrorType": error.code,
    }
    body = json.dumps({"__type": error.code, "Message": error.message})
    return 400, headers, body
