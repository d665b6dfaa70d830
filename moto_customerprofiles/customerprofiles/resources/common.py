"""What every resource shares: tags, timestamps, ARNs, lookups, quotas and pagination."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import wraps
from typing import Any, TypeVar

from moto.core.common_models import BaseModel
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
LAYOUTS = "layouts"
INTENTS = "intents"
RECOMMENDERS = "recommenders"
RECOMMENDER_FILTERS = "recommender-filters"
RECOMMENDER_SCHEMAS = "recommender-schemas"
DOMAIN_OBJECT_TYPES = "domain-object-types"


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


def templates() -> dict[str, dict[str, Any]]:
    """The profile object type templates by ID, read from their JSON files on first use
    (data that most tests never need)."""
    from .templates import load

    return load()


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


# [BC] TagResource: "as many as 50 tags".
MAX_TAGS_PER_RESOURCE = 50


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

    def check_tags(self, tags: dict[str, str] | None) -> None:
        """Refuse tags that would take the resource over its quota (TagResource,
        UpdateDomain and every re-put that tags: one rule)."""
        if tags:
            count = len(self.tags.keys() | tags.keys())
            check_quota(count - 1, MAX_TAGS_PER_RESOURCE, "tags per resource")

    def set_tags(self, tags: dict[str, str] | None) -> None:
        """Add ``tags``, within the quota (nothing changes when it is exceeded)."""
        self.check_tags(tags)
        if tags:
            self._tagger.tag_resource(
                self.arn, [{"Key": k, "Value": v} for k, v in tags.items()]
            )

    def touch(self) -> None:
        self.last_updated_at = now()

    def forget_tags(self) -> None:
        self._tagger.delete_all_tags_for_resource(self.arn)


MAX_RESULTS_DEFAULT = 100


class Page(tuple[list[Any], str | None]):
    """One page of a List operation: its items and the token of the next page."""

    @property
    def items(self) -> list[Any]:
        return self[0]

    @property
    def next_token(self) -> str | None:
        return self[1]

    def result(self) -> dict[str, Any]:
        """The output of a List operation: Items and NextToken."""
        return {"Items": self.items, "NextToken": self.next_token}


def _scope(name: str, kwargs: dict[str, Any]) -> str:
    """What a token is tied to: the operation and its other request members."""
    text = json.dumps([name, kwargs], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def encode_token(scope: str, key: Any) -> str:
    text = json.dumps([scope, key], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode()


def decode_token(token: str, scope: str) -> Any:
    """The sort key of the last item returned; BadRequestException when not ours."""
    try:
        token_scope, key = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (ValueError, TypeError):
        raise BadRequestException("The pagination token is invalid.") from None
    if token_scope != scope:
        raise BadRequestException("The pagination token is invalid.")
    return key


def paginated(
    sort_key: Callable[[Any], Any],
) -> Callable[[Callable[..., list[T]]], Callable[..., Page]]:
    """MaxResults / NextToken over a List method's items, ordered by ``sort_key``.

    A token holds the sort key of the last item returned (with the operation and its
    other members): the next page starts at the first item whose key is greater, so a
    walk survives deleting the item it would have resumed from.
    """

    def decorate(func: Callable[..., list[T]]) -> Callable[..., Page]:
        @wraps(func)
        def wrapper(
            *args: Any,
            next_token: str | None = None,
            max_results: int | None = None,
            **kwargs: Any,
        ) -> Page:
            scope = _scope(func.__name__, kwargs)
            after = None if next_token is None else decode_token(next_token, scope)
            items = sorted(func(*args, **kwargs), key=sort_key)
            if after is not None:
                try:
                    items = [i for i in items if sort_key(i) > after]
                except TypeError:  # a key of another shape than ours
                    raise BadRequestException(
                        "The pagination token is invalid."
                    ) from None
            limit = max_results or MAX_RESULTS_DEFAULT
            page = items[:limit]
            token = (
                encode_token(scope, sort_key(page[-1])) if len(items) > limit else None
            )
            return Page((page, token))

        return wrapper

    return decorate
