"""ARNs, pagination and timestamps: one helper each, used by every operation."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from moto.core.exceptions import InvalidToken
from moto.utilities.paginator import paginate

from .exceptions import BadRequestException

T = TypeVar("T")

ARN_PREFIX = "arn:{partition}:profile:{region}:{account_id}:domains/{domain_name}"

# Sub-resource kinds that appear in ARNs under a domain.
OBJECT_TYPES = "object-types"
INTEGRATIONS = "integrations"
EVENT_TRIGGERS = "event-triggers"
SEGMENT_DEFINITIONS = "segment-definitions"
EVENT_STREAMS = "event-streams"


def make_arn(
    partition: str,
    region: str,
    account_id: str,
    domain_name: str,
    kind: str | None = None,
    name: str | None = None,
) -> str:
    arn = ARN_PREFIX.format(
        partition=partition,
        region=region,
        account_id=account_id,
        domain_name=domain_name,
    )
    return f"{arn}/{kind}/{name}" if kind else arn


def _list_model(unique_attribute: str) -> dict[str, Any]:
    return {
        "input_token": "next_token",
        "limit_key": "max_results",
        "limit_default": 100,
        "unique_attribute": unique_attribute,
        "fail_on_invalid_token": BadRequestException,
    }


PAGINATION_MODEL = {
    "list_domains": _list_model("domain_name"),
    "list_profile_object_types": _list_model("object_type_name"),
    "list_integrations": _list_model("arn"),
    "list_account_integrations": _list_model("arn"),
    "list_event_triggers": _list_model("event_trigger_name"),
    "list_segment_definitions": _list_model("segment_definition_name"),
    "list_event_streams": _list_model("event_stream_name"),
    "search_profiles": _list_model("profile_id"),
    "list_profile_objects": _list_model("profile_object_unique_key"),
}


def paginated(
    func: Callable[..., list[T]],
) -> Callable[..., tuple[list[T], str | None]]:
    """moto's paginator, with every invalid token answered as a BadRequestException."""
    paginated_func = paginate(PAGINATION_MODEL)(func)

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> tuple[list[T], str | None]:
        try:
            return paginated_func(*args, **kwargs)
        except InvalidToken:
            raise BadRequestException("The pagination token is invalid.") from None

    return wrapper
