"""Recommenders, their filters and schemas, the recipe catalogue, and the
recommendations a test sets.

A recommender's Status goes through moto's state manager (model
``customerprofiles::recommender``): PENDING -> IN_PROGRESS -> ACTIVE when created
(training), STOPPING -> INACTIVE after StopRecommender, STARTING -> ACTIVE after
StartRecommender; at once by default, one step per Get/List of the recommender when a
test sets a manual transition. An UpdateRecommender that changes the configuration or
the version has its own status (``LatestRecommenderUpdate``, model
``customerprofiles::recommender_update``): PENDING -> IN_PROGRESS -> ACTIVE.

No model is trained: a finished training records a version
(``<name>/<YYYY-MM-DDTHH-MM-SSZ>`` of its start, the model's pattern) and a
TrainingMetrics entry with no metric values; recommendations are those a test sets
(``moto_customerprofiles.set_recommendations``).
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from moto.core.common_models import BaseModel
from moto.moto_api import state_manager
from moto.moto_api._internal.managed_state_model import ManagedState
from moto.utilities.tagging_service import TaggingService

from .clock import now
from .common import TaggableResource

RECOMMENDER_MODEL = "customerprofiles::recommender"
UPDATE_MODEL = "customerprofiles::recommender_update"
PENDING, IN_PROGRESS, ACTIVE = "PENDING", "IN_PROGRESS", "ACTIVE"
STOPPING, INACTIVE, STARTING = "STOPPING", "INACTIVE", "STARTING"
TRAINED = (ACTIVE, STOPPING, INACTIVE, STARTING)  # states after a finished training

for _model in (RECOMMENDER_MODEL, UPDATE_MODEL):
    state_manager.register_default_transition(_model, {"progression": "immediate"})

# The model's RecommenderRecipeName enum, with descriptions of the mock's own (AWS
# publishes none).
RECIPES = {
    "recommended-for-you": "Personalized recommendations for a profile, from its "
    "interactions and those of similar profiles.",
    "similar-items": "Items similar to a given item, from interactions and item "
    "metadata.",
    "frequently-paired-items": "Items often bought or viewed together with a given "
    "item.",
    "popular-items": "The items with the most interactions across all profiles.",
    "trending-now": "The items whose interactions are rising fastest.",
    "personalized-ranking": "A given list of candidate items, ranked for a profile.",
}
# "The _webAnalytics and _catalogItem keys are supported" (RecommenderSchema Fields,
# IncludedColumns, ExcludedColumns), and the columns always used in training.
DATASETS = ("_webAnalytics", "_catalogItem")
MANDATORY_COLUMNS = {
    "_webAnalytics": ("Item.Id", "EventTimestamp", "EventType"),
    "_catalogItem": ("Id",),
}


def version_name(recommender_name: str, moment: datetime) -> str:
    return f"{recommender_name}/{moment.strftime('%Y-%m-%dT%H-%M-%SZ')}"


class RecommenderSchema(TaggableResource):
    """Status is ACTIVE (DELETING is not modelled: a delete is immediate)."""

    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        recommender_schema_name: str,
        fields: dict[str, list[dict[str, Any]]],
    ) -> None:
        super().__init__(tagger, arn)
        self.recommender_schema_name = recommender_schema_name
        self.fields = copy.deepcopy(fields)
        self.status = ACTIVE

    @property
    def recommender_schema_arn(self) -> str:
        return self.arn

    def columns(self, dataset: str) -> set[str]:
        return {f["TargetFieldName"] for f in self.fields.get(dataset, [])}


class RecommenderFilter(TaggableResource):
    """Status is ACTIVE; the expression is stored as given (AWS publishes no grammar
    for it) and not applied to recommendations."""

    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        recommender_filter_name: str,
        recommender_filter_expression: str,
        recommender_schema_name: str | None,
        description: str | None,
    ) -> None:
        super().__init__(tagger, arn)
        self.recommender_filter_name = recommender_filter_name
        self.recommender_filter_expression = recommender_filter_expression
        self.recommender_schema_name = recommender_schema_name
        self.description = description
        self.status = ACTIVE
        self.failure_reason: str | None = None

    @property
    def recommender_filter_arn(self) -> str:
        return self.arn


class RecommenderRecipe:
    """The model's lower-case members ``name`` and ``description``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.description = RECIPES[name]

    class Meta:
        serialization_aliases = {"name": "name", "description": "description"}


class RecommenderUpdate(BaseModel, ManagedState):
    """An UpdateRecommender's training (a new configuration) or version activation."""

    def __init__(
        self,
        recommender_name: str,
        recommender_config: dict[str, Any] | None,
        recommender_version_name: str | None,
    ) -> None:
        ManagedState.__init__(
            self, UPDATE_MODEL, [(PENDING, IN_PROGRESS), (IN_PROGRESS, ACTIVE)]
        )
        self.recommender_config = copy.deepcopy(recommender_config)
        self.created_at = now()
        self.last_updated_at = self.created_at
        self.failure_reason: str | None = None
        # A new configuration trains a new version; otherwise the version named is
        # activated.
        self.recommender_version_name = recommender_version_name or version_name(
            recommender_name, self.created_at
        )
        self.trains = recommender_version_name is None


class Recommender(TaggableResource, ManagedState):
    def __init__(
        self,
        tagger: TaggingService,
        arn: str,
        recommender_name: str,
        recommender_recipe_name: str,
        recommender_config: dict[str, Any] | None,
        description: str | None,
        recommender_schema_name: str | None,
    ) -> None:
        TaggableResource.__init__(self, tagger, arn)
        ManagedState.__init__(
            self,
            RECOMMENDER_MODEL,
            [
                (PENDING, IN_PROGRESS),
                (IN_PROGRESS, ACTIVE),
                (STOPPING, INACTIVE),
                (STARTING, ACTIVE),
            ],
        )
        self.recommender_name = recommender_name
        self.recommender_recipe_name = recommender_recipe_name
        self.recommender_config = copy.deepcopy(recommender_config)
        self.description = description
        self.recommender_schema_name = recommender_schema_name
        self.failure_reason: str | None = None
        self.latest_recommender_update: RecommenderUpdate | None = None
        self.active_recommender_version_name: str | None = None
        self.versions: list[str] = []  # trained, oldest first
        self.training_metrics: list[dict[str, Any]] = []  # newest first
        self._first_version = version_name(recommender_name, self.created_at)
        self._applied_update: RecommenderUpdate | None = None
        # profile id (None: every profile) -> the recommendations a test set
        self.recommendations: dict[str | None, list[dict[str, Any]]] = {}
        self.sync()  # an immediate progression completes at creation, not on a read

    @property
    def recipe_name(self) -> str:
        """ListRecommenders' RecommenderSummary names the recipe ``RecipeName``."""
        return self.recommender_recipe_name

    def described(self) -> None:
        """A Get or List of the recommender: one tick of a manual progression."""
        for model in (self, self.latest_recommender_update):
            if model is None:
                continue
            if (
                state_manager.get_transition(model.model_name)["progression"]
                == "manual"
            ):
                model.advance()
        self.sync()

    def sync(self) -> None:
        """Record what a finished training or update has produced."""
        if not self.versions and self.status in TRAINED:
            self._trained(self._first_version, self.created_at)
        update = self.latest_recommender_update
        if (
            update is not None
            and update is not self._applied_update
            and update.status == ACTIVE
        ):
            self._applied_update = update
            if update.trains:
                self._trained(update.recommender_version_name, update.created_at)
            self.active_recommender_version_name = update.recommender_version_name

    def _trained(self, version: str, started: datetime) -> None:
        if version not in self.versions:
            self.versions.append(version)
        self.training_metrics.insert(
            0, {"Time": started, "Metrics": {}, "RecommenderVersionName": version}
        )
        self.active_recommender_version_name = version

    def stop(self) -> None:
        if self.status not in (STOPPING, INACTIVE):
            self.status = STOPPING
            self.touch()
        self.sync()

    def start(self) -> None:
        if self.status in (STOPPING, INACTIVE):
            self.status = STARTING
            self.touch()
        self.sync()


class RecommenderDescription:
    """GetRecommender's answer: the recommender with no more TrainingMetrics than
    asked (newest first; all when TrainingMetricsCount is not given)."""

    def __init__(self, recommender: Recommender, training_metrics_count: int | None):
        self.recommender = recommender
        metrics = recommender.training_metrics
        self.training_metrics = (
            metrics
            if training_metrics_count is None
            else metrics[:training_metrics_count]
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self.recommender, name)


CATALOG_TEXT = {
    "Id": 255,
    "Name": 255,
    "Code": 255,
    "Type": 255,
    "Category": 255,
    "Description": 255,
    "AdditionalInformation": 1000,
    "ImageLink": 1000,
    "Link": 1000,
    "Price": 255,
}
CATALOG_TIMES = ("CreatedAt", "UpdatedAt")


def _text(value: Any, limit: int, what: str) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= limit:
        raise ValueError(f"{what} must be a string of 1 to {limit} characters")
    return value


def check_recommendation(item: Any) -> dict[str, Any]:
    """One item given to ``set_recommendations``: the model's Recommendation
    (``CatalogItem`` and ``Score``), checked against the model; ValueError otherwise.
    CatalogItem's CreatedAt and UpdatedAt are ISO 8601 text."""
    from .timestamps import as_naive_utc, parse_iso8601

    if not isinstance(item, dict) or set(item) - {"CatalogItem", "Score"}:
        raise ValueError(
            f"A recommendation is an object with CatalogItem and Score: {item!r}"
        )
    result: dict[str, Any] = {}
    if "Score" in item:
        score = item["Score"]
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            raise ValueError("Score must be a number from 0 to 1")
        if not 0 <= score <= 1:
            raise ValueError("Score must be a number from 0 to 1")
        result["Score"] = float(score)
    if "CatalogItem" in item:
        given = item["CatalogItem"]
        if not isinstance(given, dict):
            raise ValueError("CatalogItem must be an object")
        unknown = set(given) - set(CATALOG_TEXT) - set(CATALOG_TIMES) - {"Attributes"}
        if unknown:
            raise ValueError(f"Unknown CatalogItem members: {sorted(unknown)}")
        catalog: dict[str, Any] = {}
        for member, value in given.items():
            if member in CATALOG_TEXT:
                catalog[member] = _text(value, CATALOG_TEXT[member], member)
            elif member in CATALOG_TIMES:
                moment = parse_iso8601(value)
                naive = as_naive_utc(moment) if moment is not None else None
                if naive is None:
                    raise ValueError(f"{member} must be an ISO 8601 timestamp")
                catalog[member] = naive
            else:
                if not isinstance(value, dict):
                    raise ValueError("Attributes must be an object")
                catalog[member] = {
                    _text(k, 255, "An attribute name"): _text(
                        v, 255, "An attribute value"
                    )
                    for k, v in value.items()
                }
        result["CatalogItem"] = catalog
    return result
