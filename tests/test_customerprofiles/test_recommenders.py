"""Recommenders (Create/Get/Update/Delete/List/Start/StopRecommender), recommender
filters and schemas, ListRecommenderRecipes, and the recommendations a test sets
(``moto_customerprofiles.set_recommendations`` and its ``/moto-api/`` route) read back
with GetProfileRecommendations and SearchRecommendations."""

from datetime import datetime, timezone

import boto3
import pytest
import requests
from botocore.exceptions import ClientError
from freezegun import freeze_time

import moto_customerprofiles
from moto_customerprofiles.customerprofiles.tagging_api import SUPPORTED as TAGGING_API

from .helpers import ACCOUNT_ID, REGION, client_error, transition

PREFIX = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/d"
ROUTE = "/moto-api/customerprofiles/recommendations"
T0 = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)
T1 = datetime(2026, 3, 2, 11, 30, 15, tzinfo=timezone.utc)
CONFIG = {
    "EventsConfig": {
        "EventParametersList": [
            {"EventType": "purchase", "EventValueThreshold": 5.0, "EventWeight": 0.8}
        ]
    },
    "TrainingFrequency": 7,
    "InferenceConfig": {"MinProvisionedTPS": 2},
    "IncludedColumns": {"_catalogItem": ["Category"]},
    "DiversityConfig": {
        "DiversityColumns": [{"Name": "Category", "CapType": "VALUE", "Target": "$cap"}]
    },
}
FIELDS = {
    "_catalogItem": [
        {
            "TargetFieldName": "Category",
            "ContentType": "STRING",
            "FeatureType": "CATEGORICAL",
        },
        {"TargetFieldName": "Price", "ContentType": "NUMBER"},
    ],
    "_webAnalytics": [{"TargetFieldName": "Attributes.Device"}],
}


def item(n, score=None):
    result = {"CatalogItem": {"Id": f"i{n}", "Name": f"Item {n}"}}
    if score is not None:
        result["Score"] = score
    return result


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


@pytest.fixture
def profile_id(client, domain):
    return client.create_profile(DomainName="d", EmailAddress="ann@example.com")[
        "ProfileId"
    ]


@pytest.fixture
def manual():
    """Recommender statuses advance one step per Get/List."""
    with transition(
        "customerprofiles::recommender", "customerprofiles::recommender_update"
    ):
        yield


def schema(client, name="s", fields=FIELDS, **kwargs):
    return client.create_recommender_schema(
        DomainName="d", RecommenderSchemaName=name, Fields=fields, **kwargs
    )


def create(client, name="r", recipe="recommended-for-you", **kwargs):
    return client.create_recommender(
        DomainName="d", RecommenderName=name, RecommenderRecipeName=recipe, **kwargs
    )


def get(client, name="r", **kwargs):
    return client.get_recommender(DomainName="d", RecommenderName=name, **kwargs)


def without_metadata(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def set_recommendations(moto_api, items, **extra):
    body = {
        "DomainName": "d",
        "RecommenderName": "r",
        "Recommendations": items,
        **extra,
    }
    response = requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)
    assert response.status_code == 200, response.text


def assert_error(exc, code, message):
    status = 404 if code == "ResourceNotFoundException" else 400
    assert client_error(exc) == (code, message, status)


# --- recommenders -----------------------------------------------------------------------


def test_create_recommender_returns_its_arn_and_tags(client, domain):
    response = create(client, Tags={"team": "cx"})
    assert without_metadata(response) == {
        "RecommenderArn": f"{PREFIX}/recommenders/r",
        "Tags": {"team": "cx"},
    }


def test_get_recommender_returns_every_member(client, domain):
    schema(client)
    with freeze_time(T0):
        create(
            client,
            RecommenderConfig=CONFIG,
            Description="For you",
            RecommenderSchemaName="s",
            Tags={"team": "cx"},
        )
    response = get(client)
    assert without_metadata(response) == {
        "RecommenderName": "r",
        "RecommenderRecipeName": "recommended-for-you",
        "RecommenderSchemaName": "s",
        "RecommenderConfig": CONFIG,
        "Description": "For you",
        "Status": "ACTIVE",
        "CreatedAt": T0,
        "LastUpdatedAt": T0,
        "ActiveRecommenderVersionName": "r/2026-03-01T10-00-00Z",
        "TrainingMetrics": [
            {
                "Time": T0,
                "Metrics": {},
                "RecommenderVersionName": "r/2026-03-01T10-00-00Z",
            }
        ],
        "Tags": {"team": "cx"},
    }


def test_a_recommender_trains_then_becomes_active(client, domain, manual):
    create(client)
    statuses = [get(client)["Status"] for _ in range(3)]
    assert statuses == ["IN_PROGRESS", "ACTIVE", "ACTIVE"]


def test_no_version_before_training_ends(client, domain, manual):
    create(client)
    training = get(client)
    assert "ActiveRecommenderVersionName" not in training
    assert training["TrainingMetrics"] == []
    assert "ActiveRecommenderVersionName" in get(client)


def test_stop_goes_through_stopping_to_inactive(client, domain, manual):
    create(client)
    get(client)
    get(client)
    client.stop_recommender(DomainName="d", RecommenderName="r")
    assert [get(client)["Status"] for _ in range(2)] == ["INACTIVE", "INACTIVE"]


def test_stop_then_start(client, domain):
    create(client)
    client.stop_recommender(DomainName="d", RecommenderName="r")
    assert get(client)["Status"] == "INACTIVE"
    client.start_recommender(DomainName="d", RecommenderName="r")
    assert get(client)["Status"] == "ACTIVE"


def test_start_goes_through_starting(client, domain, manual):
    create(client)
    get(client)
    get(client)
    client.stop_recommender(DomainName="d", RecommenderName="r")
    get(client)
    client.start_recommender(DomainName="d", RecommenderName="r")
    listed = client.list_recommenders(DomainName="d")["Recommenders"][0]["Status"]
    assert (listed, get(client)["Status"]) == ("ACTIVE", "ACTIVE")


def test_starting_an_active_recommender_changes_nothing(client, domain):
    create(client)
    client.start_recommender(DomainName="d", RecommenderName="r")
    assert get(client)["Status"] == "ACTIVE"


def test_training_metrics_no_more_than_asked(client, domain):
    with freeze_time(T0):
        create(client)
    with freeze_time(T1):
        client.update_recommender(
            DomainName="d",
            RecommenderName="r",
            RecommenderConfig={"TrainingFrequency": 1},
        )
    versions = ["r/2026-03-02T11-30-15Z", "r/2026-03-01T10-00-00Z"]
    every = get(client)["TrainingMetrics"]
    assert [m["RecommenderVersionName"] for m in every] == versions
    one = get(client, TrainingMetricsCount=1)["TrainingMetrics"]
    assert [m["RecommenderVersionName"] for m in one] == versions[:1]
    assert get(client, TrainingMetricsCount=0)["TrainingMetrics"] == []


def test_update_records_the_latest_update(client, domain):
    with freeze_time(T0):
        create(client, RecommenderConfig=CONFIG)
    with freeze_time(T1):
        response = client.update_recommender(
            DomainName="d",
            RecommenderName="r",
            Description="new",
            RecommenderConfig={"TrainingFrequency": 0},
        )
    assert without_metadata(response) == {"RecommenderName": "r"}
    got = get(client)
    assert got["LatestRecommenderUpdate"] == {
        "RecommenderConfig": {"TrainingFrequency": 0},
        "Status": "ACTIVE",
        "CreatedAt": T1,
        "LastUpdatedAt": T1,
        "RecommenderVersionName": "r/2026-03-02T11-30-15Z",
    }
    assert (got["RecommenderConfig"], got["Description"], got["LastUpdatedAt"]) == (
        {"TrainingFrequency": 0},
        "new",
        T1,
    )
    assert got["ActiveRecommenderVersionName"] == "r/2026-03-02T11-30-15Z"


def test_an_update_has_its_own_status(client, domain, manual):
    create(client)
    get(client)
    get(client)
    client.update_recommender(
        DomainName="d", RecommenderName="r", RecommenderConfig={"TrainingFrequency": 2}
    )
    steps = [get(client) for _ in range(3)]
    assert [s["Status"] for s in steps] == ["ACTIVE"] * 3
    assert [s["LatestRecommenderUpdate"]["Status"] for s in steps] == [
        "IN_PROGRESS",
        "ACTIVE",
        "ACTIVE",
    ]


def test_update_of_the_description_only_starts_no_update(client, domain):
    create(client)
    client.update_recommender(DomainName="d", RecommenderName="r", Description="d2")
    got = get(client)
    assert "LatestRecommenderUpdate" not in got
    assert got["Description"] == "d2"


def test_update_rolls_back_to_a_trained_version(client, domain):
    with freeze_time(T0):
        create(client)
    with freeze_time(T1):
        client.update_recommender(
            DomainName="d",
            RecommenderName="r",
            RecommenderConfig={"TrainingFrequency": 1},
        )
    client.update_recommender(
        DomainName="d",
        RecommenderName="r",
        RecommenderVersionName="r/2026-03-01T10-00-00Z",
    )
    got = get(client)
    assert got["ActiveRecommenderVersionName"] == "r/2026-03-01T10-00-00Z"
    assert got["LatestRecommenderUpdate"]["RecommenderVersionName"] == (
        "r/2026-03-01T10-00-00Z"
    )
    assert len(got["TrainingMetrics"]) == 2  # activating a version trains nothing


def test_update_to_an_unknown_version_is_not_found(client, domain):
    create(client)
    with pytest.raises(ClientError) as exc:
        client.update_recommender(
            DomainName="d",
            RecommenderName="r",
            RecommenderVersionName="r/2020-01-01T00-00-00Z",
        )
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Recommender version r/2020-01-01T00-00-00Z does not exist for recommender r.",
    )


def test_create_recommender_twice_is_refused(client, domain):
    create(client)
    with pytest.raises(ClientError) as exc:
        create(client, recipe="popular-items")
    assert_error(exc, "BadRequestException", "Recommender with name r already exists")
    assert get(client)["RecommenderRecipeName"] == "recommended-for-you"


@pytest.mark.parametrize(
    "recipe",
    [
        "recommended-for-you",
        "similar-items",
        "frequently-paired-items",
        "popular-items",
        "trending-now",
        "personalized-ranking",
    ],
)
def test_every_recipe_of_the_model(client, domain, recipe):
    create(client, recipe=recipe)
    assert get(client)["RecommenderRecipeName"] == recipe


def test_included_with_excluded_columns_is_refused(client, domain):
    config = {
        "IncludedColumns": {"_catalogItem": ["Category"]},
        "ExcludedColumns": {"_webAnalytics": ["Attributes.Device"]},
    }
    with pytest.raises(ClientError) as exc:
        create(client, RecommenderConfig=config)
    assert_error(
        exc,
        "BadRequestException",
        "IncludedColumns and ExcludedColumns cannot both be specified",
    )


@pytest.mark.parametrize(
    ("dataset", "column"),
    [
        ("_webAnalytics", "Item.Id"),
        ("_webAnalytics", "EventTimestamp"),
        ("_webAnalytics", "EventType"),
        ("_catalogItem", "Id"),
    ],
)
def test_mandatory_columns_cannot_be_excluded(client, domain, dataset, column):
    with pytest.raises(ClientError) as exc:
        create(client, RecommenderConfig={"ExcludedColumns": {dataset: [column]}})
    assert_error(
        exc,
        "BadRequestException",
        f"Column {column} of {dataset} is always used in training and cannot be excluded",
    )


def test_mandatory_columns_may_be_included(client, domain):
    schema(client)
    config = {"IncludedColumns": {"_webAnalytics": ["Item.Id", "Attributes.Device"]}}
    create(client, RecommenderConfig=config, RecommenderSchemaName="s")
    assert get(client)["RecommenderConfig"] == config


def test_columns_must_be_in_the_named_schema(client, domain):
    schema(client)
    with pytest.raises(ClientError) as exc:
        create(
            client,
            RecommenderSchemaName="s",
            RecommenderConfig={"ExcludedColumns": {"_catalogItem": ["Colour"]}},
        )
    assert_error(
        exc,
        "BadRequestException",
        "Column Colour of _catalogItem is not defined in recommender schema s",
    )


def test_columns_are_not_checked_against_the_default_schema(client, domain):
    config = {"ExcludedColumns": {"_catalogItem": ["Colour"]}}
    create(client, RecommenderConfig=config)
    got = get(client)
    assert got["RecommenderConfig"] == config
    assert "RecommenderSchemaName" not in got


def test_diversity_columns_must_be_in_the_named_schema(client, domain):
    schema(client)
    config = {
        "DiversityConfig": {
            "DiversityColumns": [
                {"Name": "Brand", "CapType": "PERCENTAGE", "Target": "25"}
            ]
        }
    }
    with pytest.raises(ClientError) as exc:
        create(client, RecommenderSchemaName="s", RecommenderConfig=config)
    assert_error(
        exc,
        "BadRequestException",
        "Diversity column Brand is not defined in recommender schema s",
    )


def test_an_unsupported_dataset_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        create(client, RecommenderConfig={"IncludedColumns": {"_order": ["Total"]}})
    assert_error(
        exc,
        "BadRequestException",
        "IncludedColumns key '_order' is not supported: use _webAnalytics or _catalogItem",
    )


def test_a_missing_schema_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        create(client, RecommenderSchemaName="nope")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Recommender schema nope does not exist in domain d.",
    )


def test_update_checks_the_columns_too(client, domain):
    create(client)
    config = {
        "IncludedColumns": {"_catalogItem": ["Category"]},
        "ExcludedColumns": {"_catalogItem": ["Price"]},
    }
    with pytest.raises(ClientError) as exc:
        client.update_recommender(
            DomainName="d", RecommenderName="r", RecommenderConfig=config
        )
    assert client_error(exc)[1] == (
        "IncludedColumns and ExcludedColumns cannot both be specified"
    )
    assert "LatestRecommenderUpdate" not in get(client)


def test_update_checks_columns_against_the_recommenders_schema(client, domain):
    schema(client)
    create(client, RecommenderSchemaName="s")
    config = {"IncludedColumns": {"_catalogItem": ["Colour"]}}
    with pytest.raises(ClientError) as exc:
        client.update_recommender(
            DomainName="d", RecommenderName="r", RecommenderConfig=config
        )
    assert client_error(exc)[1] == (
        "Column Colour of _catalogItem is not defined in recommender schema s"
    )
    client.delete_recommender_schema(DomainName="d", RecommenderSchemaName="s")
    client.update_recommender(
        DomainName="d", RecommenderName="r", RecommenderConfig=config
    )
    assert get(client)["RecommenderConfig"] == config


def test_get_a_missing_recommender(client, domain):
    with pytest.raises(ClientError) as exc:
        get(client, "nope")
    assert_error(
        exc, "ResourceNotFoundException", "Recommender nope does not exist in domain d."
    )


@pytest.mark.parametrize(
    "operation",
    [
        "update_recommender",
        "delete_recommender",
        "start_recommender",
        "stop_recommender",
    ],
)
def test_operations_on_a_missing_recommender(client, domain, operation):
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(DomainName="d", RecommenderName="nope")
    assert_error(
        exc, "ResourceNotFoundException", "Recommender nope does not exist in domain d."
    )


def test_delete_recommender(client, domain):
    create(client, Tags={"a": "1"})
    response = client.delete_recommender(DomainName="d", RecommenderName="r")
    assert without_metadata(response) == {}
    assert client.list_recommenders(DomainName="d")["Recommenders"] == []
    create(client)
    assert get(client)["Tags"] == {}


def test_list_recommenders_returns_summaries(client, domain):
    with freeze_time(T0):
        create(client, Description="d", RecommenderConfig={"TrainingFrequency": 3})
    response = client.list_recommenders(DomainName="d")
    assert response["Recommenders"] == [
        {
            "RecommenderName": "r",
            "RecipeName": "recommended-for-you",
            "RecommenderConfig": {"TrainingFrequency": 3},
            "CreatedAt": T0,
            "Description": "d",
            "Status": "ACTIVE",
            "LastUpdatedAt": T0,
            "Tags": {},
        }
    ]
    assert "NextToken" not in response


def test_list_recommenders_pages(client, domain):
    for name in ["c", "a", "b"]:
        create(client, name)
    first = client.list_recommenders(DomainName="d", MaxResults=2)
    second = client.list_recommenders(
        DomainName="d", MaxResults=2, NextToken=first["NextToken"]
    )
    assert [r["RecommenderName"] for r in first["Recommenders"]] == ["a", "b"]
    assert [r["RecommenderName"] for r in second["Recommenders"]] == ["c"]
    assert "NextToken" not in second


def test_recommender_tags_by_arn(client, domain):
    create(client)
    arn = f"{PREFIX}/recommenders/r"
    client.tag_resource(resourceArn=arn, tags={"b": "2"})
    assert get(client)["Tags"] == {"b": "2"}


# --- schemas ------------------------------------------------------------------------------


def test_create_recommender_schema_returns_every_member(client, domain):
    with freeze_time(T0):
        response = schema(client, Tags={"team": "cx"})
    assert without_metadata(response) == {
        "RecommenderSchemaArn": f"{PREFIX}/recommender-schemas/s",
        "RecommenderSchemaName": "s",
        "Fields": FIELDS,
        "CreatedAt": T0,
        "Status": "ACTIVE",
        "Tags": {"team": "cx"},
    }


def test_get_recommender_schema_has_no_tags(client, domain):
    with freeze_time(T0):
        schema(client, Tags={"team": "cx"})
    response = client.get_recommender_schema(DomainName="d", RecommenderSchemaName="s")
    assert without_metadata(response) == {
        "RecommenderSchemaName": "s",
        "Fields": FIELDS,
        "CreatedAt": T0,
        "Status": "ACTIVE",
    }


def test_create_recommender_schema_twice_is_refused(client, domain):
    schema(client)
    with pytest.raises(ClientError) as exc:
        schema(client)
    assert_error(
        exc, "BadRequestException", "Recommender schema with name s already exists"
    )


def test_a_schema_of_another_dataset_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        schema(client, fields={"_profile": [{"TargetFieldName": "FirstName"}]})
    assert_error(
        exc,
        "BadRequestException",
        "Fields key '_profile' is not supported: use _webAnalytics or _catalogItem",
    )


def test_delete_and_list_recommender_schemas(client, domain):
    schema(client, "b")
    schema(client, "a")
    names = [
        s["RecommenderSchemaName"]
        for s in client.list_recommender_schemas(DomainName="d")["RecommenderSchemas"]
    ]
    assert names == ["a", "b"]
    client.delete_recommender_schema(DomainName="d", RecommenderSchemaName="a")
    with pytest.raises(ClientError) as exc:
        client.get_recommender_schema(DomainName="d", RecommenderSchemaName="a")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Recommender schema a does not exist in domain d.",
    )


def test_deleting_a_schema_in_use_is_allowed(client, domain):
    schema(client)
    create(client, RecommenderSchemaName="s")
    client.delete_recommender_schema(DomainName="d", RecommenderSchemaName="s")
    assert get(client)["RecommenderSchemaName"] == "s"


# --- filters ------------------------------------------------------------------------------

EXPRESSION = "EXCLUDE ItemID WHERE Items.Category IN ($category)"


def test_create_and_get_recommender_filter(client, domain):
    schema(client)
    with freeze_time(T0):
        created = client.create_recommender_filter(
            DomainName="d",
            RecommenderFilterName="f",
            RecommenderFilterExpression=EXPRESSION,
            RecommenderSchemaName="s",
            Description="no shoes",
            Tags={"team": "cx"},
        )
    assert without_metadata(created) == {
        "RecommenderFilterArn": f"{PREFIX}/recommender-filters/f",
        "Tags": {"team": "cx"},
    }
    got = client.get_recommender_filter(DomainName="d", RecommenderFilterName="f")
    assert without_metadata(got) == {
        "RecommenderFilterName": "f",
        "RecommenderFilterExpression": EXPRESSION,
        "RecommenderSchemaName": "s",
        "CreatedAt": T0,
        "Status": "ACTIVE",
        "Description": "no shoes",
        "Tags": {"team": "cx"},
    }


def test_a_filter_without_tags_has_empty_tags(client, domain):
    client.create_recommender_filter(
        DomainName="d",
        RecommenderFilterName="f",
        RecommenderFilterExpression=EXPRESSION,
    )
    got = client.get_recommender_filter(DomainName="d", RecommenderFilterName="f")
    assert got["Tags"] == {}
    assert "RecommenderSchemaName" not in got


def test_create_recommender_filter_twice_is_refused(client, domain):
    kwargs = {"DomainName": "d", "RecommenderFilterName": "f"}
    client.create_recommender_filter(RecommenderFilterExpression=EXPRESSION, **kwargs)
    with pytest.raises(ClientError) as exc:
        client.create_recommender_filter(RecommenderFilterExpression="x", **kwargs)
    assert_error(
        exc, "BadRequestException", "Recommender filter with name f already exists"
    )


def test_a_filter_of_a_missing_schema_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.create_recommender_filter(
            DomainName="d",
            RecommenderFilterName="f",
            RecommenderFilterExpression=EXPRESSION,
            RecommenderSchemaName="nope",
        )
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Recommender schema nope does not exist in domain d.",
    )


def test_delete_and_list_recommender_filters(client, domain):
    for name in ["g", "f"]:
        client.create_recommender_filter(
            DomainName="d",
            RecommenderFilterName=name,
            RecommenderFilterExpression=EXPRESSION,
        )
    listed = client.list_recommender_filters(DomainName="d")["RecommenderFilters"]
    assert [f["RecommenderFilterName"] for f in listed] == ["f", "g"]
    assert set(listed[0]) == {
        "RecommenderFilterName",
        "RecommenderFilterExpression",
        "CreatedAt",
        "Status",
        "Tags",
    }
    response = client.delete_recommender_filter(
        DomainName="d", RecommenderFilterName="f"
    )
    assert response["Message"] == "Recommender filter f was deleted."
    with pytest.raises(ClientError) as exc:
        client.delete_recommender_filter(DomainName="d", RecommenderFilterName="f")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Recommender filter f does not exist in domain d.",
    )


# --- recipes ------------------------------------------------------------------------------


def test_list_recommender_recipes_lists_the_models_recipes(client):
    recipes = client.list_recommender_recipes()["RecommenderRecipes"]
    assert [r["name"] for r in recipes] == [
        "recommended-for-you",
        "similar-items",
        "frequently-paired-items",
        "popular-items",
        "trending-now",
        "personalized-ranking",
    ]
    assert all(r["description"] for r in recipes)


def test_list_recommender_recipes_pages(client):
    first = client.list_recommender_recipes(MaxResults=10)
    assert len(first["RecommenderRecipes"]) == 6
    assert "NextToken" not in first


# --- recommendations ----------------------------------------------------------------------


def test_a_test_sets_recommendations_and_reads_them_back(client, profile_id, moto_api):
    create(client)
    items = [
        {
            "CatalogItem": {
                "Id": "i1",
                "Name": "Boots",
                "Code": "B-1",
                "Type": "shoe",
                "Category": "winter",
                "Description": "Warm boots",
                "AdditionalInformation": "Waterproof",
                "ImageLink": "https://example.com/b.png",
                "Link": "https://example.com/b",
                "CreatedAt": "2026-01-01T00:00:00Z",
                "UpdatedAt": "2026-02-01T12:00:00Z",
                "Price": "99.99",
                "Attributes": {"colour": "black"},
            },
            "Score": 0.9,
        },
        item(2, 0.5),
    ]
    set_recommendations(moto_api, items)
    got = client.get_profile_recommendations(
        DomainName="d", ProfileId=profile_id, RecommenderName="r"
    )["Recommendations"]
    expected_first = {
        **items[0]["CatalogItem"],
        "CreatedAt": datetime(2026, 1, 1, tzinfo=timezone.utc),
        "UpdatedAt": datetime(2026, 2, 1, 12, tzinfo=timezone.utc),
    }
    assert got == [{"CatalogItem": expected_first, "Score": 0.9}, item(2, 0.5)]


def test_search_recommendations_by_key(client, profile_id):
    create(client)
    moto_customerprofiles.set_recommendations(
        "d", "r", [item(1, 0.7)], account_id=ACCOUNT_ID, region_name=REGION
    )
    response = client.search_recommendations(
        DomainName="d",
        KeyName="_email",
        KeyValues=["ann@example.com"],
        Recommender={"Name": "r"},
    )
    assert without_metadata(response) == {
        "ProfileId": profile_id,
        "Recommendations": [item(1, 0.7)],
    }


def test_no_recommendations_by_default(client, profile_id):
    create(client)
    got = client.get_profile_recommendations(
        DomainName="d", ProfileId=profile_id, RecommenderName="r"
    )
    assert got["Recommendations"] == []


def test_a_profiles_own_recommendations_win(client, profile_id, moto_api):
    create(client)
    other = client.create_profile(DomainName="d")["ProfileId"]
    set_recommendations(moto_api, [item(1)])
    set_recommendations(moto_api, [item(2)], ProfileId=profile_id)
    mine = client.get_profile_recommendations(
        DomainName="d", ProfileId=profile_id, RecommenderName="r"
    )["Recommendations"]
    theirs = client.get_profile_recommendations(
        DomainName="d", ProfileId=other, RecommenderName="r"
    )["Recommendations"]
    assert (mine, theirs) == ([item(2)], [item(1)])


def test_get_profile_recommendations_returns_10_by_default(
    client, profile_id, moto_api
):
    create(client)
    set_recommendations(moto_api, [item(n) for n in range(12)])
    got = client.get_profile_recommendations(
        DomainName="d", ProfileId=profile_id, RecommenderName="r"
    )["Recommendations"]
    assert got == [item(n) for n in range(10)]
    three = client.get_profile_recommendations(
        DomainName="d", ProfileId=profile_id, RecommenderName="r", MaxResults=3
    )["Recommendations"]
    assert three == [item(n) for n in range(3)]


def test_search_recommendations_returns_5_by_default(client, profile_id, moto_api):
    create(client)
    set_recommendations(moto_api, [item(n) for n in range(8)])
    kwargs = {
        "DomainName": "d",
        "KeyName": "_email",
        "KeyValues": ["ann@example.com"],
        "Recommender": {"Name": "r"},
    }
    assert client.search_recommendations(**kwargs)["Recommendations"] == [
        item(n) for n in range(5)
    ]
    seven = client.search_recommendations(MaxRecommendations=7, **kwargs)
    assert seven["Recommendations"] == [item(n) for n in range(7)]


def test_candidate_ids_keep_only_those_items(client, profile_id, moto_api):
    create(client, recipe="personalized-ranking")
    set_recommendations(moto_api, [item(n) for n in range(4)])
    got = client.get_profile_recommendations(
        DomainName="d",
        ProfileId=profile_id,
        RecommenderName="r",
        CandidateIds=["i3", "i1"],
    )["Recommendations"]
    assert got == [item(1), item(3)]


def test_search_recommendations_with_no_matching_profile(client, profile_id):
    create(client)
    with pytest.raises(ClientError) as exc:
        client.search_recommendations(
            DomainName="d",
            KeyName="_email",
            KeyValues=["x@example.com"],
            Recommender={"Name": "r"},
        )
    assert_error(
        exc,
        "ResourceNotFoundException",
        "No profile matches the search key _email in domain d.",
    )


def test_search_recommendations_with_several_matching_profiles(client, profile_id):
    create(client)
    client.create_profile(DomainName="d", EmailAddress="ann@example.com")
    with pytest.raises(ClientError) as exc:
        client.search_recommendations(
            DomainName="d",
            KeyName="_email",
            KeyValues=["ann@example.com"],
            Recommender={"Name": "r"},
        )
    assert_error(
        exc,
        "BadRequestException",
        "More than one profile matches the search key _email in domain d.",
    )


def test_recommendations_of_a_missing_profile(client, domain):
    create(client)
    with pytest.raises(ClientError) as exc:
        client.get_profile_recommendations(
            DomainName="d", ProfileId="0" * 32, RecommenderName="r"
        )
    assert_error(
        exc,
        "ResourceNotFoundException",
        f"Profile {'0' * 32} does not exist in domain d.",
    )


def test_recommendations_of_a_missing_recommender(client, profile_id):
    with pytest.raises(ClientError) as exc:
        client.get_profile_recommendations(
            DomainName="d", ProfileId=profile_id, RecommenderName="nope"
        )
    assert_error(
        exc, "ResourceNotFoundException", "Recommender nope does not exist in domain d."
    )


def test_a_stopped_recommender_recommends_nothing(client, profile_id, moto_api):
    create(client)
    set_recommendations(moto_api, [item(1)])
    client.stop_recommender(DomainName="d", RecommenderName="r")
    with pytest.raises(ClientError) as exc:
        client.get_profile_recommendations(
            DomainName="d", ProfileId=profile_id, RecommenderName="r"
        )
    assert_error(
        exc,
        "BadRequestException",
        "Recommender r is not active: its status is INACTIVE",
    )
    client.start_recommender(DomainName="d", RecommenderName="r")
    got = client.get_profile_recommendations(
        DomainName="d", ProfileId=profile_id, RecommenderName="r"
    )
    assert got["Recommendations"] == [item(1)]


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"Score": 2}], "Score must be a number from 0 to 1"),
        ([{"CatalogItem": {"Id": ""}}], "Id must be a string of 1 to 255 characters"),
        ([{"CatalogItem": {"Colour": "red"}}], "Unknown CatalogItem members"),
        (
            [{"CatalogItem": {"CreatedAt": "yesterday"}}],
            "CreatedAt must be an ISO 8601",
        ),
        ("i1", "Recommendations must be a list"),
    ],
)
def test_the_route_refuses_what_is_not_a_recommendation(
    client, profile_id, moto_api, items, message
):
    create(client)
    body = {"DomainName": "d", "RecommenderName": "r", "Recommendations": items}
    response = requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)
    assert response.status_code == 400
    assert message in response.json()["Message"]


@pytest.mark.parametrize("profile", ["0" * 32, ["a"], {"a": 1}])
def test_the_route_refuses_a_missing_profile(client, domain, moto_api, profile):
    create(client)
    body = {
        "DomainName": "d",
        "RecommenderName": "r",
        "ProfileId": profile,
        "Recommendations": [],
    }
    response = requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)
    assert response.status_code == 400
    assert response.json()["Message"].startswith("No profile ")


def test_the_route_refuses_a_missing_recommender(client, domain, moto_api):
    body = {"DomainName": "d", "RecommenderName": "nope", "Recommendations": []}
    response = requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)
    assert response.status_code == 400
    assert response.json()["Message"] == "No recommender nope in domain d"


def test_deleting_the_domain_deletes_its_recommenders(client, domain):
    schema(client)
    create(client, RecommenderSchemaName="s", Tags={"a": "1"})
    client.delete_domain(DomainName="d")
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    assert client.list_recommenders(DomainName="d")["Recommenders"] == []
    assert client.list_recommender_schemas(DomainName="d")["RecommenderSchemas"] == []


@pytest.mark.skipif(not TAGGING_API, reason="moto < 5.2.2 has no Tagging API hook")
def test_the_tagging_api_lists_the_new_resource_kinds(client, domain):
    schema(client, Tags={"k": "schema"})
    create(client, Tags={"k": "recommender"})
    client.create_recommender_filter(
        DomainName="d",
        RecommenderFilterName="f",
        RecommenderFilterExpression=EXPRESSION,
        Tags={"k": "filter"},
    )
    client.create_domain_layout(
        DomainName="d",
        LayoutDefinitionName="l",
        Description="d",
        DisplayName="D",
        LayoutType="PROFILE_EXPLORER",
        Layout="{}",
        Tags={"k": "layout"},
    )
    client.put_intent_definition(
        DomainName="d",
        IntentDomain="DEFAULT",
        Intents=[{"PriceSensitivityConfig": {"Enabled": True}}],
        Tags={"k": "intents"},
    )
    tagging = boto3.client("resourcegroupstaggingapi", region_name=REGION)
    found = {
        r["ResourceARN"]: r["Tags"]
        for r in tagging.get_resources(TagFilters=[{"Key": "k"}])[
            "ResourceTagMappingList"
        ]
    }
    assert found == {
        f"{PREFIX}/recommender-schemas/s": [{"Key": "k", "Value": "schema"}],
        f"{PREFIX}/recommenders/r": [{"Key": "k", "Value": "recommender"}],
        f"{PREFIX}/recommender-filters/f": [{"Key": "k", "Value": "filter"}],
        f"{PREFIX}/layouts/l": [{"Key": "k", "Value": "layout"}],
        f"{PREFIX}/intents/DEFAULT": [{"Key": "k", "Value": "intents"}],
    }
    layouts = tagging.get_resources(ResourceTypeFilters=["profile:layouts"])
    assert [r["ResourceARN"] for r in layouts["ResourceTagMappingList"]] == [
        f"{PREFIX}/layouts/l"
    ]
