"""PutIntentDefinition, GetIntentDefinition, DeleteIntentDefinition, ListIntentTypes
and BatchGetIntentForProfile, with predicted intents set by the test
(``moto_customerprofiles.set_predicted_intents`` and its ``/moto-api/`` route)."""

from datetime import datetime, timezone

import pytest
import requests
from botocore.exceptions import ClientError
from freezegun import freeze_time

import moto_customerprofiles

from .helpers import ACCOUNT_ID, REGION, client_error, raw_error, raw_request

ARN = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/d/intents/DEFAULT"
ROUTE = "/moto-api/customerprofiles/predicted-intents"
T0 = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)
T1 = datetime(2026, 3, 2, 11, 30, tzinfo=timezone.utc)
ALL_TYPES = [
    "PRICE_SENSITIVITY",
    "WEB_SESSION_SUMMARY",
    "UPGRADE_UPSELL_PROPENSITY",
    "LAST_SEARCH_INTENT",
]


def enabled(**flags):
    """IntentConfig entries: enabled(Price=True) -> PriceSensitivityConfig."""
    names = {
        "Price": "PriceSensitivityConfig",
        "Web": "WebSessionSummaryConfig",
        "Upsell": "UpgradeUpsellPropensityConfig",
        "Search": "LastSearchIntentConfig",
    }
    return [{names[k]: {"Enabled": v}} for k, v in flags.items()]


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


@pytest.fixture
def profile_id(client, domain):
    return client.create_profile(DomainName="d", EmailAddress="ann@example.com")[
        "ProfileId"
    ]


def put(client, intents, **kwargs):
    return client.put_intent_definition(
        DomainName="d", IntentDomain="DEFAULT", Intents=intents, **kwargs
    )


def batch_get(client, intents=ALL_TYPES, key="_email", values=("ann@example.com",)):
    response = client.batch_get_intent_for_profile(
        DomainName="d",
        IntentDomain="DEFAULT",
        Intents=list(intents),
        KeyName=key,
        KeyValues=list(values),
    )
    return response["Intents"], response["Errors"]


def set_intents(moto_api, profile_id, intents, **extra):
    body = {"DomainName": "d", "ProfileId": profile_id, "Intents": intents, **extra}
    return requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)


def without_metadata(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


# --- definitions ----------------------------------------------------------------------


def test_put_intent_definition_returns_every_member(client, domain):
    with freeze_time(T0):
        response = put(client, enabled(Price=True, Web=False), Tags={"team": "cx"})
    assert without_metadata(response) == {
        "DomainName": "d",
        "IntentDomain": "DEFAULT",
        "IntentDefinitionArn": ARN,
        "Intents": enabled(Price=True, Web=False),
        "CreatedAt": T0,
        "LastUpdatedAt": T0,
        "Tags": {"team": "cx"},
    }


def test_get_intent_definition_returns_every_member(client, domain):
    with freeze_time(T0):
        put(client, enabled(Search=True))
    response = client.get_intent_definition(DomainName="d", IntentDomain="DEFAULT")
    assert without_metadata(response) == {
        "DomainName": "d",
        "IntentDomain": "DEFAULT",
        "Intents": enabled(Search=True),
        "CreatedAt": T0,
        "LastUpdatedAt": T0,
    }


def test_each_put_replaces_the_whole_list(client, domain):
    with freeze_time(T0):
        put(client, enabled(Price=True, Web=True, Upsell=False))
    with freeze_time(T1):
        response = put(client, enabled(Search=True))
    assert response["Intents"] == enabled(Search=True)
    assert (response["CreatedAt"], response["LastUpdatedAt"]) == (T0, T1)
    got = client.get_intent_definition(DomainName="d", IntentDomain="DEFAULT")
    assert got["Intents"] == enabled(Search=True)


def test_a_put_replacing_the_definition_keeps_its_tags(client, domain):
    put(client, enabled(Price=True), Tags={"team": "cx"})
    response = put(client, enabled(Web=True))
    assert response["Tags"] == {"team": "cx"}


def test_tags_on_a_put_that_updates_are_refused(client, domain):
    put(client, enabled(Price=True))
    with pytest.raises(ClientError) as exc:
        put(client, enabled(Web=True), Tags={"team": "cx"})
    assert client_error(exc) == (
        "BadRequestException",
        "Tags can be specified only when the intent definition is created: use "
        "TagResource to change them",
        400,
    )
    got = client.get_intent_definition(DomainName="d", IntentDomain="DEFAULT")
    assert got["Intents"] == enabled(Price=True)


def test_an_intent_type_given_twice_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        put(client, enabled(Price=True) + enabled(Price=False))
    assert client_error(exc) == (
        "BadRequestException",
        "Intent type PRICE_SENSITIVITY appears more than once in Intents",
        400,
    )


def test_a_definition_enabling_nothing_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        put(client, enabled(Price=False, Web=False))
    assert client_error(exc) == (
        "BadRequestException",
        "At least one intent type must be enabled",
        400,
    )
    with pytest.raises(ClientError) as missing:
        client.get_intent_definition(DomainName="d", IntentDomain="DEFAULT")
    assert client_error(missing)[0] == "ResourceNotFoundException"


def test_an_intent_config_with_two_members_is_refused(client, domain, endpoint):
    body = {
        "Intents": [
            {
                "PriceSensitivityConfig": {"Enabled": True},
                "WebSessionSummaryConfig": {"Enabled": True},
            }
        ]
    }
    response = raw_request(endpoint, "PUT", "/domains/d/intents/DEFAULT", body)
    assert raw_error(response) == (
        "BadRequestException",
        "Intents[0] must specify exactly one intent configuration",
        400,
    )


def test_put_intent_definition_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.put_intent_definition(
            DomainName="nope", IntentDomain="DEFAULT", Intents=enabled(Price=True)
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


def test_get_a_missing_intent_definition(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_intent_definition(DomainName="d", IntentDomain="DEFAULT")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Intent definition DEFAULT does not exist in domain d.",
        404,
    )


def test_delete_intent_definition(client, domain):
    put(client, enabled(Price=True), Tags={"team": "cx"})
    response = client.delete_intent_definition(DomainName="d", IntentDomain="DEFAULT")
    assert without_metadata(response) == {}
    with pytest.raises(ClientError) as exc:
        client.get_intent_definition(DomainName="d", IntentDomain="DEFAULT")
    assert client_error(exc)[0] == "ResourceNotFoundException"
    assert put(client, enabled(Price=True))["Tags"] == {}


def test_delete_a_missing_intent_definition(client, domain):
    with pytest.raises(ClientError) as exc:
        client.delete_intent_definition(DomainName="d", IntentDomain="DEFAULT")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Intent definition DEFAULT does not exist in domain d.",
        404,
    )


def test_intent_definition_tags_by_arn(client, domain):
    put(client, enabled(Price=True), Tags={"a": "1"})
    client.tag_resource(resourceArn=ARN, tags={"b": "2"})
    client.untag_resource(resourceArn=ARN, tagKeys=["a"])
    assert client.list_tags_for_resource(resourceArn=ARN)["tags"] == {"b": "2"}


# --- ListIntentTypes --------------------------------------------------------------------


def test_list_intent_types_lists_every_type_of_the_model(client):
    response = client.list_intent_types()
    assert [group["IntentDomain"] for group in response["Items"]] == ["DEFAULT"]
    types = response["Items"][0]["Types"]
    assert [t["IntentType"] for t in types] == ALL_TYPES
    assert all(1 <= len(t["Description"]) <= 1000 for t in types)
    assert "NextToken" not in response


def test_list_intent_types_of_one_intent_domain(client):
    response = client.list_intent_types(IntentDomain="DEFAULT", MaxResults=10)
    assert [group["IntentDomain"] for group in response["Items"]] == ["DEFAULT"]


def test_list_intent_types_needs_no_domain(client):
    # not domain-scoped: answered before any domain exists
    assert len(client.list_intent_types()["Items"][0]["Types"]) == 4


# --- BatchGetIntentForProfile -----------------------------------------------------------


def test_a_test_sets_predicted_intents_and_reads_them_back(
    client, profile_id, moto_api
):
    put(client, enabled(Price=True, Web=True, Upsell=True, Search=True))
    predicted = [
        {"IntentType": "PRICE_SENSITIVITY", "Value": "HIGH"},
        {"IntentType": "WEB_SESSION_SUMMARY", "Summary": "Browsed winter coats"},
    ]
    response = set_intents(moto_api, profile_id, predicted)
    assert response.status_code == 200, response.text
    intents, errors = batch_get(client)
    assert intents == predicted
    assert errors == [
        {
            "IntentType": "UPGRADE_UPSELL_PROPENSITY",
            "Code": "INSUFFICIENT_DATA",
            "Message": "The profile does not have enough recent activity to generate "
            "UPGRADE_UPSELL_PROPENSITY",
        },
        {
            "IntentType": "LAST_SEARCH_INTENT",
            "Code": "INSUFFICIENT_DATA",
            "Message": "The profile does not have enough recent activity to generate "
            "LAST_SEARCH_INTENT",
        },
    ]


def test_set_predicted_intents_from_python(client, profile_id):
    put(client, enabled(Search=True))
    moto_customerprofiles.set_predicted_intents(
        "d",
        profile_id,
        [{"IntentType": "LAST_SEARCH_INTENT", "Summary": "Searched for boots"}],
        account_id=ACCOUNT_ID,
        region_name=REGION,
    )
    intents, errors = batch_get(client, ["LAST_SEARCH_INTENT"])
    assert intents == [
        {"IntentType": "LAST_SEARCH_INTENT", "Summary": "Searched for boots"}
    ]
    assert errors == []


def test_no_predicted_intents_means_insufficient_data(client, profile_id):
    put(client, enabled(Price=True))
    intents, errors = batch_get(client, ["PRICE_SENSITIVITY"])
    assert intents == []
    assert [(e["IntentType"], e["Code"]) for e in errors] == [
        ("PRICE_SENSITIVITY", "INSUFFICIENT_DATA")
    ]


def test_types_not_enabled_are_errors(client, profile_id, moto_api):
    put(client, enabled(Price=True, Web=False))
    set_intents(
        moto_api,
        profile_id,
        [
            {"IntentType": "PRICE_SENSITIVITY", "Value": "LOW"},
            {"IntentType": "WEB_SESSION_SUMMARY", "Summary": "Read the FAQ"},
        ],
    )
    intents, errors = batch_get(client, ["WEB_SESSION_SUMMARY", "PRICE_SENSITIVITY"])
    assert intents == [{"IntentType": "PRICE_SENSITIVITY", "Value": "LOW"}]
    assert errors == [
        {
            "IntentType": "WEB_SESSION_SUMMARY",
            "Code": "INTENT_NOT_ENABLED",
            "Message": "Intent type WEB_SESSION_SUMMARY is not enabled in the intent "
            "definition DEFAULT",
        }
    ]


def test_without_a_definition_no_type_is_enabled(client, profile_id):
    intents, errors = batch_get(client, ["PRICE_SENSITIVITY", "LAST_SEARCH_INTENT"])
    assert intents == []
    assert [e["Code"] for e in errors] == ["INTENT_NOT_ENABLED"] * 2


def test_a_type_requested_twice_is_answered_once(client, profile_id):
    put(client, enabled(Price=True))
    intents, errors = batch_get(client, ["PRICE_SENSITIVITY", "PRICE_SENSITIVITY"])
    assert (intents, [e["IntentType"] for e in errors]) == ([], ["PRICE_SENSITIVITY"])


def test_setting_predicted_intents_again_replaces_them(client, profile_id, moto_api):
    put(client, enabled(Price=True, Upsell=True))
    set_intents(
        moto_api, profile_id, [{"IntentType": "PRICE_SENSITIVITY", "Value": "HIGH"}]
    )
    set_intents(
        moto_api,
        profile_id,
        [{"IntentType": "UPGRADE_UPSELL_PROPENSITY", "Value": "LOW"}],
    )
    intents, _ = batch_get(client, ["PRICE_SENSITIVITY", "UPGRADE_UPSELL_PROPENSITY"])
    assert intents == [{"IntentType": "UPGRADE_UPSELL_PROPENSITY", "Value": "LOW"}]


def test_the_profile_by_its_profile_id_key(client, profile_id, moto_api):
    put(client, enabled(Price=True))
    set_intents(
        moto_api, profile_id, [{"IntentType": "PRICE_SENSITIVITY", "Value": "HIGH"}]
    )
    intents, _ = batch_get(client, ["PRICE_SENSITIVITY"], "_profileId", [profile_id])
    assert intents == [{"IntentType": "PRICE_SENSITIVITY", "Value": "HIGH"}]


def test_no_matching_profile_is_not_found(client, profile_id):
    with pytest.raises(ClientError) as exc:
        batch_get(client, values=["nobody@example.com"])
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "No profile matches the search key _email in domain d.",
        404,
    )


def test_several_matching_profiles_are_refused(client, profile_id):
    client.create_profile(DomainName="d", EmailAddress="ann@example.com")
    with pytest.raises(ClientError) as exc:
        batch_get(client)
    assert client_error(exc) == (
        "BadRequestException",
        "More than one profile matches the search key _email in domain d.",
        400,
    )


def test_batch_get_intent_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.batch_get_intent_for_profile(
            DomainName="nope",
            IntentDomain="DEFAULT",
            Intents=["PRICE_SENSITIVITY"],
            KeyName="_email",
            KeyValues=["a"],
        )
    assert client_error(exc)[:2] == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
    )


def test_a_deleted_profile_loses_its_predicted_intents(client, profile_id, moto_api):
    put(client, enabled(Price=True))
    set_intents(
        moto_api, profile_id, [{"IntentType": "PRICE_SENSITIVITY", "Value": "HIGH"}]
    )
    client.delete_profile(DomainName="d", ProfileId=profile_id)
    new_id = client.create_profile(DomainName="d", EmailAddress="ann@example.com")[
        "ProfileId"
    ]
    assert new_id != profile_id
    intents, _ = batch_get(client, ["PRICE_SENSITIVITY"])
    assert intents == []


# --- the /moto-api/ route refuses what is not an IntentResult --------------------------


@pytest.mark.parametrize(
    ("intents", "message"),
    [
        ([{"IntentType": "MOOD"}], "IntentType must be one of"),
        ([{"IntentType": "PRICE_SENSITIVITY", "Value": ""}], "Value must be a string"),
        ([{"IntentType": "PRICE_SENSITIVITY", "Score": 1}], "Unknown intent members"),
        ("PRICE_SENSITIVITY", "Intents must be a list"),
    ],
)
def test_the_route_refuses_what_is_not_an_intent_result(
    client, profile_id, moto_api, intents, message
):
    response = set_intents(moto_api, profile_id, intents)
    assert response.status_code == 400
    assert message in response.json()["Message"]


def test_the_route_refuses_a_missing_profile(client, domain, moto_api):
    response = set_intents(moto_api, "nope", [])
    assert response.status_code == 400
    assert response.json()["Message"] == "No profile nope in domain d"
