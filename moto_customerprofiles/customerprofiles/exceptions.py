"""Exceptions raised by the customerprofiles service."""

from moto.core.exceptions import ServiceException


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
