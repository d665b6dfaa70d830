"""Exceptions raised by the customerprofiles service."""

import json

from moto.core.exceptions import ServiceException
from werkzeug.exceptions import HTTPException


class CustomerProfilesException(ServiceException):
    pass


class BadRequestException(CustomerProfilesException):
    code = "BadRequestException"
    # Used by moto's paginator (fail_on_invalid_token) when it raises the class itself.
    message = "The pagination token is invalid."


class ResourceNotFoundException(CustomerProfilesException):
    code = "ResourceNotFoundException"


class AccessDeniedException(CustomerProfilesException):
    code = "AccessDeniedException"


class ThrottlingException(CustomerProfilesException):
    code = "ThrottlingException"


class InternalServerException(CustomerProfilesException):
    code = "InternalServerException"


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
