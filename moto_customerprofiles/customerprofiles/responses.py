"""Handles incoming customerprofiles requests, invokes methods, returns responses."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from botocore.model import OperationModel
from moto.core.common_types import TYPE_RESPONSE
from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult, BaseResponse, EmptyResult
from moto.core.utils import camelcase_to_underscores, get_service_model

from .exceptions import BadRequestException, ResourceNotFoundException
from .models import CustomerProfilesBackend, customerprofiles_backends
from .validation import parse_body, uri_labels, validate_request

SERVICE_NAME = "customer-profiles"


class CustomerProfilesResponse(BaseResponse):
    """Every request is checked against the botocore model before it reaches a method."""

    def __init__(self) -> None:
        super().__init__(service_name=SERVICE_NAME)
        self.automated_parameter_parsing = True
        self._request_error: ServiceException | None = None

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
            labels = uri_labels(operation, path)
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
        if error is not None:
            status, headers, body = self.serialized(ActionResult(error))
            headers["status"] = str(status)
            return status, headers, body
        return super().call_action()

    def _kwargs(self) -> dict[str, Any]:
        """The request's members, named as the backend methods' parameters."""
        return {camelcase_to_underscores(k): v for k, v in self.params.items()}

    def _list(self, items_and_token: tuple[list[Any], str | None]) -> ActionResult:
        items, next_token = items_and_token
        return ActionResult({"Items": items, "NextToken": next_token})

    # --- domains ----------------------------------------------------------------------

    def create_domain(self) -> ActionResult:
        return ActionResult(self.backend.create_domain(**self._kwargs()))

    def get_domain(self) -> ActionResult:
        return ActionResult(self.backend.get_domain(**self._kwargs()))

    def update_domain(self) -> ActionResult:
        return ActionResult(self.backend.update_domain(**self._kwargs()))

    def delete_domain(self) -> ActionResult:
        return ActionResult({"Message": self.backend.delete_domain(**self._kwargs())})

    def list_domains(self) -> ActionResult:
        return self._list(self.backend.list_domains(**self._kwargs()))

    # --- profile object types ---------------------------------------------------------

    def put_profile_object_type(self) -> ActionResult:
        return ActionResult(self.backend.put_profile_object_type(**self._kwargs()))

    def get_profile_object_type(self) -> ActionResult:
        return ActionResult(self.backend.get_profile_object_type(**self._kwargs()))

    def delete_profile_object_type(self) -> ActionResult:
        message = self.backend.delete_profile_object_type(**self._kwargs())
        return ActionResult({"Message": message})

    def list_profile_object_types(self) -> ActionResult:
        return self._list(self.backend.list_profile_object_types(**self._kwargs()))

    # --- tagging ----------------------------------------------------------------------

    def tag_resource(self) -> ActionResult:
        self.backend.tag_resource(**self._kwargs())
        return EmptyResult()

    def untag_resource(self) -> ActionResult:
        self.backend.untag_resource(**self._kwargs())
        return EmptyResult()

    def list_tags_for_resource(self) -> ActionResult:
        return ActionResult(
            {"tags": self.backend.list_tags_for_resource(**self._kwargs())}
        )


def _error_without_context(error: ServiceException) -> TYPE_RESPONSE:
    """An error answered before the request could be routed to an operation."""
    headers = {
        "status": "400",
        "Content-Type": "application/json",
        "X-Amzn-ErrorType": error.code,
    }
    body = json.dumps({"__type": error.code, "Message": error.message})
    return 400, headers, body
