"""What every resource shares: tags, timestamps, ARNs, lookups, quotas and pagination."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from functools import wraps
from typing import Any, TypeVar

from moto.core.common_models import BaseModel
from moto.core.exceptions import InvalidToken
from moto.utilities.paginator import paginate
from moto.utilities.tagging_service import TaggingService

from ..exceptions import BadRequestException, ResourceNotFoundException
from .clock import now

T = TypeVar("T")

ARN_PREFIX = "arn:{partition}:profile:{region}:{account_id}:domains/{domain_name}"

# Sub-resource kinds that appear in ARNs under a domain.
OBJECT_TYPES = "object-types"
INTEGRATIONS = "integrations"
EVENT_TRIGGERS = "event-triggers"
SEGMENT_DEFINITIONS = "segment-definitions"
EVENT_STREAMS = "event-streams"
CALCULATED_ATTRIBUTES = "calculated-attributes"


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


def event_timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds, as in AWS's sample event records."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def not_found_message(kind: str, name: str, domain_name: str) -> str:
    return f"{kind} {name} does not exist in domain {domain_name}."


def find_in_domain(
    resources: Mapping[str, T], kind: str, name: str, domain_name: str
) -> T:
    """One of a domain's resources, or the ResourceNotFoundException naming it."""
    resource = resources.get(name)
    if resource is None:
        raise ResourceNotFoundException(not_found_message(kind, name, domain_name))
    return resource


def check_quota(count: int, limit: int, what: str) -> None:
    """Refuse one more resource when ``count`` already reaches the documented quota."""
    if count >= limit:
        raise BadRequestException(f"Exceeded the quota of {what} ({limit})")


class TaggableResource(BaseModel):
    """A resource with an ARN whose tags live in the backend's TaggingService."""

    def __init__(self, tagger: TaggingService, arn: str) -> None:
        self._tagger = tagger
        self.arn = arn
        self.created_at: datetime = now()
        self.last_updated_at: datetime = self.created_at

    @property
    def tags(self) -> dict[str, str]:
        return self._tagger.get_tag_dict_for_resource(self.arn)

    def set_tags(self, tags: dict[str, str] | None) -> None:
        if tags:
            self._tagger.tag_resource(
                self.arn, [{"Key": k, "Value": v} for k, v in tags.items()]
            )

    def touch(self) -> None:
        self.last_updated_at = now()

    def forget_tags(self) -> None:
        self._tagger.delete_all_tags_for_resource(self.arn)


def _list_model(unique_attribute: str) -> dict[str, Any]:
    return {
        "input_token": "next_token",
        "limit_key": "max_results",
        "limit_default": 100,
        "unique_attribute": unique_attribute,
        "fail_on_invalid_token": BadRequestException,
    }


# Keyed by the backend method name, as moto's paginator wants.
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
    "list_calculated_attribute_definitions": _list_model("calculated_attribute_name"),
    "calculated_attributes_page": _list_model("calculated_attribute_name"),
}


class Page(tuple[list[Any], str | None]):
    """One page of a List operation: its items and the token of the next page."""

    @property
    def items(self) -> list[Any]:
        return self[0]

    @property
    def next_token(self) -> str | None:
        return self[1]


def paginated(func: Callable[..., list[T]]) -> Callable[..., Page]:
    """moto's paginator, with every invalid token answered as a BadRequestException."""
    paginated_func = paginate(PAGINATION_MODEL)(func)

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Page:
        try:
            items, next_token = paginated_func(*args, **kwargs)
        except InvalidToken:
            raise BadRequestException("The pagination token is invalid.") from None
        return Page((items, next_token))

    return wrapper
