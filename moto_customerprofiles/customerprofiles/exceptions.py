"""Exceptions raised by the customerprofiles service."""

import json

from moto.core.exceptions import ServiceException
from werkzeug.exceptions import HTTPException


class CustomerProfilesException(ServiceException):
    # The model's httpStatusCode of the error shape (BatchPutProfileObject's per-item Code).
    http_status = 500


class BadRequestException(CustomerProfilesException):
    code = "BadRequestException"
    http_status = 400
    # Used by moto's paginator (fail_on_invalid_token) when it raises the class itself.
    message = "The pagination token is invalid."


class ResourceNotFoundException(CustomerProfilesException):
    code = "ResourceNotFoundException"
    http_status = 404


class AccessDeniedException(CustomerProfilesException):
    code = "AccessDeniedException"
    http_status = 403


class ThrottlingException(CustomerProfilesException):
    code = "ThrottlingException"
    http_status = 429


class InternalServerException(CustomerProfilesException):
    code = "InternalServerException"
    http_status = 500


class AuthorizationError(HTTPException):
    """moto's IAM check fails with XML errors; this service answers in JSON.

    moto lets only an HTTPException out of its authorization step, so this is one. A
    denied action is the model's AccessDeniedException.
    """

    def __init__(self, code: int, error_type: str, message: str) -> None:
        if error_type == "AccessDenied":
            error_type = AccessDeniedException.code
        super().__init__(json.dumps({"__type": error_type, "Message": message}))
        self.code = code
        self.error_type = error_type

    def get_headers(self, *args: object, **kwargs: object) -> list[tuple[str, str]]:
        return [
            ("Content-Type", "application/json"),
            ("X-Amzn-ErrorType", self.error_type),
        ]
