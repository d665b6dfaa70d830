"""CreateRecommender, GetRecommender, UpdateRecommender, DeleteRecommender,
ListRecommenders, StartRecommender, StopRecommender; CreateRecommenderFilter,
GetRecommenderFilter, DeleteRecommenderFilter, ListRecommenderFilters;
CreateRecommenderSchema, GetRecommenderSchema, DeleteRecommenderSchema,
ListRecommenderSchemas; ListRecommenderRecipes; GetProfileRecommendations and
SearchRecommendations."""

from __future__ import annotations

from typing import Any

from ..exceptions import BadRequestException, ResourceNotFoundException
from ..resources.common import (
    RECOMMENDER_FILTERS,
    RECOMMENDER_SCHEMAS,
    RECOMMENDERS,
    paginated,
)
from ..resources.domains import Domain
from ..resources.profiles import Profile
from ..resources.recommenders import (
    ACTIVE,
    DATASETS,
    MANDATORY_COLUMNS,
    RECIPES,
    Recommender,
    RecommenderDescription,
    RecommenderFilter,
    RecommenderRecipe,
    RecommenderSchema,
    RecommenderUpdate,
    check_recommendation,
)
from .base import BackendState

# GetProfileRecommendations: "The default value is 10."; SearchRecommendations: "The
# default value is 5." (the model)
DEFAULT_PROFILE_RECOMMENDATIONS = 10
DEFAULT_SEARCH_RECOMMENDATIONS = 5


def _check_datasets(member: str, datasets: dict[str, Any]) -> None:
    for dataset in datasets:
        if dataset not in DATASETS:
            raise BadRequestException(
                f"{member} key {dataset!r} is not supported: use _webAnalytics or "
                "_catalogItem"
            )


def _check_config(
    config: dict[str, Any] | None, schema: RecommenderSchema | None
) -> None:
    """The documented rules of RecommenderConfig's columns."""
    if not config:
        return
    included = config.get("IncludedColumns")
    excluded = config.get("ExcludedColumns")
    if included is not None and excluded is not None:
        raise BadRequestException(
            "IncludedColumns and ExcludedColumns cannot both be specified"
        )
    for member, columns in (
        ("IncludedColumns", included),
        ("ExcludedColumns", excluded),
    ):
        if columns is None:
            continue
        _check_datasets(member, columns)
        for dataset, names in columns.items():
            for name in names:
                mandatory = name in MANDATORY_COLUMNS[dataset]
                if member == "ExcludedColumns" and mandatory:
                    raise BadRequestException(
                        f"Column {name} of {dataset} is always used in training and "
                        "cannot be excluded"
                    )
                if (
                    schema is not None
                    and not mandatory
                    and name not in schema.columns(dataset)
                ):
                    raise BadRequestException(
                        f"Column {name} of {dataset} is not defined in recommender "
                        f"schema {schema.recommender_schema_name}"
                    )
    diversity = (config.get("DiversityConfig") or {}).get("DiversityColumns") or []
    for column in diversity:
        if schema is not None and column["Name"] not in schema.columns("_catalogItem"):
            raise BadRequestException(
                f"Diversity column {column['Name']} is not defined in recommender "
                f"schema {schema.recommender_schema_name}"
            )


class RecommendersBackend(BackendState):
    # --- schemas -------------------------------------------------------------------

    def create_recommender_schema(
        self,
        domain_name: str,
        recommender_schema_name: str,
        fields: dict[str, list[dict[str, Any]]],
        tags: dict[str, str] | None = None,
    ) -> RecommenderSchema:
        """Fields are returned as given (ContentType's documented default, STRING, is
        not filled in)."""
        domain = self._get_domain(domain_name)
        if recommender_schema_name in domain.recommender_schemas:
            raise BadRequestException(
                f"Recommender schema with name {recommender_schema_name} already exists"
            )
        _check_datasets("Fields", fields)
        schema = RecommenderSchema(
            tagger=self.tagger,
            arn=self.domain_arn(
                domain_name, RECOMMENDER_SCHEMAS, recommender_schema_name
            ),
            recommender_schema_name=recommender_schema_name,
            fields=fields,
        )
        schema.set_tags(tags)
        domain.recommender_schemas[recommender_schema_name] = schema
        return schema

    def get_recommender_schema(
        self, domain_name: str, recommender_schema_name: str
    ) -> RecommenderSchema:
        return self._get_domain(domain_name).recommender_schema(recommender_schema_name)

    def delete_recommender_schema(
        self, domain_name: str, recommender_schema_name: str
    ) -> None:
        """Recommenders and filters naming the schema keep its name (AWS documents no
        refusal)."""
        domain = self._get_domain(domain_name)
        domain.recommender_schema(recommender_schema_name)
        domain.recommender_schemas.pop(recommender_schema_name).forget_tags()

    @paginated(lambda schema: schema.recommender_schema_name)
    def list_recommender_schemas(self, domain_name: str) -> list[RecommenderSchema]:
        return list(self._get_domain(domain_name).recommender_schemas.values())

    # --- filters -------------------------------------------------------------------

    def create_recommender_filter(
        self,
        domain_name: str,
        recommender_filter_name: str,
        recommender_filter_expression: str,
        recommender_schema_name: str | None = None,
        description: str | None = None,
        tags: dict[str, str] | None = None,
    ) -> RecommenderFilter:
        """The expression is stored as given and not evaluated (AWS publishes no
        grammar for it); the filter is ACTIVE at once."""
        domain = self._get_domain(domain_name)
        if recommender_filter_name in domain.recommender_filters:
            raise BadRequestException(
                f"Recommender filter with name {recommender_filter_name} already exists"
            )
        if recommender_schema_name is not None:
            domain.recommender_schema(recommender_schema_name)
        recommender_filter = RecommenderFilter(
            tagger=self.tagger,
            arn=self.domain_arn(
                domain_name, RECOMMENDER_FILTERS, recommender_filter_name
            ),
            recommender_filter_name=recommender_filter_name,
            recommender_filter_expression=recommender_filter_expression,
            recommender_schema_name=recommender_schema_name,
            description=description,
        )
        recommender_filter.set_tags(tags)
        domain.recommender_filters[recommender_filter_name] = recommender_filter
        return recommender_filter

    def get_recommender_filter(
        self, domain_name: str, recommender_filter_name: str
    ) -> RecommenderFilter:
        return self._get_domain(domain_name).recommender_filter(recommender_filter_name)

    def delete_recommender_filter(
        self, domain_name: str, recommender_filter_name: str
    ) -> str:
        domain = self._get_domain(domain_name)
        domain.recommender_filter(recommender_filter_name)
        domain.recommender_filters.pop(recommender_filter_name).forget_tags()
        return f"Recommender filter {recommender_filter_name} was deleted."

    @paginated(lambda f: f.recommender_filter_name)
    def list_recommender_filters(self, domain_name: str) -> list[RecommenderFilter]:
        return list(self._get_domain(domain_name).recommender_filters.values())

    # --- recipes -------------------------------------------------------------------

    @paginated(lambda recipe: list(RECIPES).index(recipe.name))
    def list_recommender_recipes(self) -> list[RecommenderRecipe]:
        """The model's six recipes, in its order; the descriptions are the mock's own
        (AWS publishes none)."""
        return [RecommenderRecipe(name) for name in RECIPES]

    # --- recommenders --------------------------------------------------------------

    def _schema_of(self, domain: Domain, name: str | None) -> RecommenderSchema | None:
        return None if name is None else domain.recommender_schema(name)

    def create_recommender(
        self,
        domain_name: str,
        recommender_name: str,
        recommender_recipe_name: str,
        recommender_config: dict[str, Any] | None = None,
        description: str | None = None,
        recommender_schema_name: str | None = None,
        tags: dict[str, str] | None = None,
    ) -> Recommender:
        """
        Status comes from moto's state manager (model ``customerprofiles::recommender``):
        ACTIVE at once by default. Column names are checked against the named schema
        (the default schema's columns are not known, so without one they are not).
        """
        domain = self._get_domain(domain_name)
        if recommender_name in domain.recommenders:
            raise BadRequestException(
                f"Recommender with name {recommender_name} already exists"
            )
        _check_config(
            recommender_config, self._schema_of(domain, recommender_schema_name)
        )
        recommender = Recommender(
            tagger=self.tagger,
            arn=self.domain_arn(domain_name, RECOMMENDERS, recommender_name),
            recommender_name=recommender_name,
            recommender_recipe_name=recommender_recipe_name,
            recommender_config=recommender_config,
            description=description,
            recommender_schema_name=recommender_schema_name,
        )
        recommender.set_tags(tags)
        domain.recommenders[recommender_name] = recommender
        return recommender

    def get_recommender(
        self,
        domain_name: str,
        recommender_name: str,
        training_metrics_count: int | None = None,
    ) -> RecommenderDescription:
        """No metric values: the mock trains no model (each TrainingMetrics entry has the
        time and version of a finished training and an empty Metrics map)."""
        recommender = self._get_domain(domain_name).recommender(recommender_name)
        recommender.described()
        return RecommenderDescription(recommender, training_metrics_count)

    def update_recommender(
        self,
        domain_name: str,
        recommender_name: str,
        description: str | None = None,
        recommender_config: dict[str, Any] | None = None,
        recommender_version_name: str | None = None,
    ) -> Recommender:
        """
        A new RecommenderConfig replaces the recommender's at once and trains a new
        version; a RecommenderVersionName activates a version trained before. Either
        starts a LatestRecommenderUpdate (model ``customerprofiles::recommender_update``,
        ACTIVE at once by default).
        """
        domain = self._get_domain(domain_name)
        recommender = domain.recommender(recommender_name)
        if recommender_config is not None:
            # a schema deleted since the recommender was created checks nothing
            schema = domain.recommender_schemas.get(
                recommender.recommender_schema_name or ""
            )
            _check_config(recommender_config, schema)
        recommender.sync()
        if (
            recommender_version_name is not None
            and recommender_version_name not in recommender.versions
        ):
            raise ResourceNotFoundException(
                f"Recommender version {recommender_version_name} does not exist for "
                f"recommender {recommender_name}."
            )
        if description is not None:
            recommender.description = description
        if recommender_config is not None or recommender_version_name is not None:
            if recommender_config is not None:
                recommender.recommender_config = recommender_config
            recommender.latest_recommender_update = RecommenderUpdate(
                recommender_name,
                recommender_config
                if recommender_config is not None
                else recommender.recommender_config,
                recommender_version_name,
            )
        recommender.touch()
        recommender.sync()
        return recommender

    def delete_recommender(self, domain_name: str, recommender_name: str) -> None:
        domain = self._get_domain(domain_name)
        domain.recommender(recommender_name)
        domain.recommenders.pop(recommender_name).forget_tags()

    @paginated(lambda recommender: recommender.recommender_name)
    def list_recommenders(self, domain_name: str) -> list[Recommender]:
        recommenders = list(self._get_domain(domain_name).recommenders.values())
        for recommender in recommenders:
            recommender.described()
        return recommenders

    def start_recommender(self, domain_name: str, recommender_name: str) -> None:
        """STARTING, then ACTIVE, from STOPPING or INACTIVE; otherwise no change."""
        self._get_domain(domain_name).recommender(recommender_name).start()

    def stop_recommender(self, domain_name: str, recommender_name: str) -> None:
        """STOPPING, then INACTIVE, unless already stopping or stopped."""
        self._get_domain(domain_name).recommender(recommender_name).stop()

    # --- recommendations -----------------------------------------------------------

    def _recommendations(
        self,
        domain: Domain,
        recommender_name: str,
        profile: Profile,
        candidate_ids: list[str] | None,
        limit: int,
    ) -> list[dict[str, Any]]:
        recommender = domain.recommender(recommender_name)
        recommender.sync()
        status = recommender.status
        if status != ACTIVE:
            raise BadRequestException(
                f"Recommender {recommender_name} is not active: its status is {status}"
            )
        items = recommender.recommendations.get(
            profile.profile_id, recommender.recommendations.get(None, [])
        )
        if candidate_ids is not None:
            wanted = set(candidate_ids)
            items = [i for i in items if i.get("CatalogItem", {}).get("Id") in wanted]
        return items[:limit]

    def get_profile_recommendations(
        self,
        domain_name: str,
        profile_id: str,
        recommender_name: str,
        context: dict[str, str] | None = None,
        recommender_filters: list[dict[str, Any]] | None = None,
        recommender_promotional_filters: list[dict[str, Any]] | None = None,
        candidate_ids: list[str] | None = None,
        max_results: int | None = None,
        metadata_config: dict[str, Any] | None = None,
        diversity_config: dict[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """
        The recommendations a test set for the profile (or for every profile) with
        ``set_recommendations``, in the order set; none by default. CandidateIds keeps
        only the items with those Ids. Context, filters, promotional filters,
        MetadataConfig and DiversityConfig are accepted and not applied.
        """
        domain = self._get_domain(domain_name)
        profile = domain.profile(profile_id)
        return self._recommendations(
            domain,
            recommender_name,
            profile,
            candidate_ids,
            max_results or DEFAULT_PROFILE_RECOMMENDATIONS,
        )

    def search_recommendations(
        self,
        domain_name: str,
        key_name: str,
        key_values: list[str],
        recommender: dict[str, Any],
        candidate_ids: list[str] | None = None,
        context: dict[str, str] | None = None,
        diversity: dict[str, Any] | None = None,
        metadata: dict[str, Any] | None = None,
        max_recommendations: int | None = None,
    ) -> tuple[str, list[dict[str, Any]]]:
        """As GetProfileRecommendations, for the one profile the search key names."""
        domain = self._get_domain(domain_name)
        profile = domain.profile_by_key(key_name, key_values)
        items = self._recommendations(
            domain,
            recommender["Name"],
            profile,
            candidate_ids,
            max_recommendations or DEFAULT_SEARCH_RECOMMENDATIONS,
        )
        return profile.profile_id, items

    def set_recommendations(
        self,
        domain_name: str,
        recommender_name: str,
        recommendations: list[Any],
        profile_id: str | None = None,
    ) -> None:
        """What the recommender would recommend (not an AWS operation: see
        ``moto_customerprofiles.set_recommendations``)."""
        domain = self.domains.get(domain_name)
        if domain is None or recommender_name not in domain.recommenders:
            raise ValueError(
                f"No recommender {recommender_name} in domain {domain_name}"
            )
        if profile_id is not None and (
            not isinstance(profile_id, str) or profile_id not in domain.profiles
        ):
            raise ValueError(f"No profile {profile_id} in domain {domain_name}")
        if not isinstance(recommendations, list):
            raise ValueError("Recommendations must be a list")
        checked = [check_recommendation(item) for item in recommendations]
        domain.recommenders[recommender_name].recommendations[profile_id] = checked
