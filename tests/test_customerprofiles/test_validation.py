"""Requests that break the botocore model are refused before they reach the backend.

boto3 checks required members, types and minimums itself, so those cases are sent as raw
(signed) requests; maximums, enums and patterns go through boto3.
"""

import re

import boto3
import pytest
from botocore.exceptions import ClientError
from moto.core.utils import camelcase_to_underscores, get_service_model

from moto_customerprofiles.customerprofiles.responses import CustomerProfilesResponse

from .helpers import client_error, raw_error, raw_request

CONSTRAINT = "failed to satisfy constraint: Member must"
FIELDS = {"email": {"Source": "_source.email", "Target": "_profile.EmailAddress"}}
KEYS = {"email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}]}


def one_error(value, path, constraint):
    return (
        f"1 validation error detected: Value {value} at '{path}' "
        f"{CONSTRAINT} {constraint}"
    )


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


def assert_bad_request(exc, message):
    assert client_error(exc) == ("BadRequestException", message, 400)


def assert_raw_bad_request(response, message):
    assert raw_error(response) == ("BadRequestException", message, 400)


# --- CreateDomain body: required members and types (raw requests) ---------------------


@pytest.mark.parametrize(
    "body, message",
    [
        pytest.param(
            {},
            one_error("null", "DefaultExpirationDays", "not be null"),
            id="missing-required",
        ),
        pytest.param(
            {"DefaultExpirationDays": None},
            one_error("null", "DefaultExpirationDays", "not be null"),
            id="null-required",
        ),
        pytest.param(
            {"DefaultExpirationDays": "7"},
            one_error("'7'", "DefaultExpirationDays", "be of type integer"),
            id="string-for-integer",
        ),
        pytest.param(
            {"DefaultExpirationDays": 7.5},
            one_error("'7.5'", "DefaultExpirationDays", "be of type integer"),
            id="float-for-integer",
        ),
        pytest.param(
            {"DefaultExpirationDays": True},
            one_error("'true'", "DefaultExpirationDays", "be of type integer"),
            id="boolean-for-integer",
        ),
        pytest.param(
            {"DefaultExpirationDays": 7, "DefaultEncryptionKey": 5},
            one_error("'5'", "DefaultEncryptionKey", "be of type string"),
            id="number-for-string",
        ),
        pytest.param(
            {"DefaultExpirationDays": 7, "Matching": "yes"},
            one_error("'yes'", "Matching", "be a structure"),
            id="string-for-structure",
        ),
        pytest.param(
            {"DefaultExpirationDays": 7, "Matching": {}},
            one_error("null", "Matching.Enabled", "not be null"),
            id="nested-missing-required",
        ),
        pytest.param(
            {"DefaultExpirationDays": 7, "Matching": {"Enabled": 1}},
            one_error("'1'", "Matching.Enabled", "be of type boolean"),
            id="number-for-boolean",
        ),
        pytest.param(
            {"DefaultExpirationDays": 7, "Tags": ["a"]},
            one_error("'[\"a\"]'", "Tags", "be a map"),
            id="list-for-map",
        ),
        pytest.param(
            {"DefaultExpirationDays": 7, "Tags": {"a": None}},
            one_error("null", "Tags[a]", "not be null"),
            id="null-map-value",
        ),
        pytest.param(
            {"DefaultExpirationDays": 7, "Tags": {}},
            one_error("'{}'", "Tags", "have size greater than or equal to 1"),
            id="empty-map",
        ),
        pytest.param(
            {
                "DefaultExpirationDays": 7,
                "RuleBasedMatching": {"Enabled": True, "MatchingRules": "abc"},
            },
            one_error("'abc'", "RuleBasedMatching.MatchingRules", "be a list"),
            id="string-for-list",
        ),
        pytest.param(
            {
                "DefaultExpirationDays": 7,
                "RuleBasedMatching": {"Enabled": True, "MatchingRules": []},
            },
            one_error(
                "'[]'",
                "RuleBasedMatching.MatchingRules",
                "have size greater than or equal to 1",
            ),
            id="empty-list",
        ),
        pytest.param(
            {"DefaultExpirationDays": 0},
            one_error(
                "'0'", "DefaultExpirationDays", "have value greater than or equal to 1"
            ),
            id="below-minimum",
        ),
    ],
)
def test_create_domain_body_breaking_the_model_is_refused(
    client, endpoint, body, message
):
    response = raw_request(endpoint, "POST", "/domains/new", body)
    assert_raw_bad_request(response, message)
    assert client.list_domains()["Items"] == []


def test_every_violation_is_listed(client, endpoint):
    body = {"DefaultExpirationDays": "7", "DefaultEncryptionKey": 5}
    response = raw_request(endpoint, "POST", "/domains/new", body)
    assert_raw_bad_request(
        response,
        "2 validation errors detected: "
        f"Value '7' at 'DefaultExpirationDays' {CONSTRAINT} be of type integer; "
        f"Value '5' at 'DefaultEncryptionKey' {CONSTRAINT} be of type string",
    )


def test_unknown_body_members_are_ignored(client, endpoint):
    body = {"DefaultExpirationDays": 7, "Unknown": "x"}
    response = raw_request(endpoint, "POST", "/domains/new", body)
    assert response.status_code == 200
    assert response.json()["DomainName"] == "new"


# --- constraints boto3 does not check (max, enum, pattern) -----------------------------


@pytest.mark.parametrize(
    "kwargs, message",
    [
        pytest.param(
            {"DomainName": "d" * 65},
            one_error(
                f"'{'d' * 64}...'", "DomainName", "have length less than or equal to 64"
            ),
            id="name-too-long",
        ),
        pytest.param(
            {"DomainName": "bad.name"},
            one_error(
                "'bad.name'",
                "DomainName",
                "satisfy regular expression pattern: ^[a-zA-Z0-9_-]+$",
            ),
            id="name-pattern",
        ),
        pytest.param(
            {"DefaultExpirationDays": 1099},
            one_error(
                "'1099'",
                "DefaultExpirationDays",
                "have value less than or equal to 1098",
            ),
            id="above-maximum",
        ),
        pytest.param(
            {"DefaultEncryptionKey": "k" * 256},
            one_error(
                f"'{'k' * 64}...'",
                "DefaultEncryptionKey",
                "have length less than or equal to 255",
            ),
            id="key-too-long",
        ),
        pytest.param(
            {
                "Matching": {
                    "Enabled": True,
                    "JobSchedule": {"DayOfTheWeek": "FUNDAY", "Time": "10:00"},
                }
            },
            one_error(
                "'FUNDAY'",
                "Matching.JobSchedule.DayOfTheWeek",
                "satisfy enum value set: "
                "[SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY]",
            ),
            id="enum",
        ),
        pytest.param(
            {
                "Matching": {
                    "Enabled": True,
                    "JobSchedule": {"DayOfTheWeek": "MONDAY", "Time": "25:00"},
                }
            },
            one_error(
                "'25:00'",
                "Matching.JobSchedule.Time",
                "satisfy regular expression pattern: "
                "^([0-9]|0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$",
            ),
            id="nested-pattern",
        ),
        pytest.param(
            {
                "Matching": {
                    "Enabled": True,
                    "AutoMerging": {
                        "Enabled": True,
                        "MinAllowedConfidenceScoreForMerging": 1.5,
                    },
                }
            },
            one_error(
                "'1.5'",
                "Matching.AutoMerging.MinAllowedConfidenceScoreForMerging",
                "have value less than or equal to 1.0",
            ),
            id="double-range",
        ),
        pytest.param(
            {
                "RuleBasedMatching": {
                    "Enabled": True,
                    "MaxAllowedRuleLevelForMerging": 16,
                }
            },
            one_error(
                "'16'",
                "RuleBasedMatching.MaxAllowedRuleLevelForMerging",
                "have value less than or equal to 15",
            ),
            id="nested-range",
        ),
        pytest.param(
            {
                "RuleBasedMatching": {
                    "Enabled": True,
                    "ConflictResolution": {"ConflictResolvingModel": "NEWEST"},
                }
            },
            one_error(
                "'NEWEST'",
                "RuleBasedMatching.ConflictResolution.ConflictResolvingModel",
                "satisfy enum value set: [RECENCY, SOURCE]",
            ),
            id="nested-enum",
        ),
        pytest.param(
            {"Tags": {f"k{i}": "v" for i in range(51)}},
            one_error(
                "'"
                + str({f"k{i}": "v" for i in range(51)}).replace("'", '"')[:64]
                + "...'",
                "Tags",
                "have size less than or equal to 50",
            ),
            id="map-too-big",
        ),
    ],
)
def test_create_domain_breaking_a_constraint_is_refused(client, kwargs, message):
    request = {"DomainName": "new", "DefaultExpirationDays": 7, **kwargs}
    with pytest.raises(ClientError) as exc:
        client.create_domain(**request)
    assert_bad_request(exc, message)
    assert client.list_domains()["Items"] == []


@pytest.mark.parametrize(
    "kwargs, message",
    [
        pytest.param(
            {"Fields": {"f": {"Source": "s", "Target": "t", "ContentType": "DATE"}}},
            one_error(
                "'***'",
                "Fields[f].ContentType",
                "satisfy enum value set: "
                "[STRING, NUMBER, PHONE_NUMBER, EMAIL_ADDRESS, NAME]",
            ),
            id="field-content-type",
        ),
        pytest.param(
            {
                "Keys": {
                    "k": [{"StandardIdentifiers": ["NOPE"], "FieldNames": ["email"]}]
                }
            },
            None,
            id="standard-identifier",
        ),
        pytest.param(
            {"Description": "x" * 1001},
            one_error("'***'", "Description", "have length less than or equal to 1000"),
            id="sensitive-description",
        ),
        pytest.param(
            {"ExpirationDays": 1099},
            one_error(
                "'1099'", "ExpirationDays", "have value less than or equal to 1098"
            ),
            id="expiration-days",
        ),
    ],
)
def test_put_object_type_breaking_a_constraint_is_refused(
    client, domain, kwargs, message
):
    request = {"Description": "desc", "Fields": FIELDS, "Keys": KEYS, **kwargs}
    with pytest.raises(ClientError) as exc:
        client.put_profile_object_type(DomainName="d", ObjectTypeName="t", **request)
    code, text, status = client_error(exc)
    assert (code, status) == ("BadRequestException", 400)
    if message is None:  # the enum list depends on the botocore version
        assert text.startswith(
            one_error(
                "'***'",
                "Keys[k][0].StandardIdentifiers[0]",
                "satisfy enum value set: [",
            )
        )
    else:
        assert text == message
    assert client.list_profile_object_types(DomainName="d")["Items"] == []


def test_object_type_name_pattern_is_checked(client, domain):
    with pytest.raises(ClientError) as exc:
        client.put_profile_object_type(
            DomainName="d",
            ObjectTypeName="9lives",
            Description="desc",
            Fields=FIELDS,
            Keys=KEYS,
        )
    assert_bad_request(
        exc,
        one_error(
            "'9lives'",
            "ObjectTypeName",
            "satisfy regular expression pattern: ^[a-zA-Z_][a-zA-Z_0-9-]*$",
        ),
    )


# --- query strings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/domains", "/domains/d/object-types"], ids=["domains", "object-types"]
)
@pytest.mark.parametrize(
    "value, constraint",
    [
        ("0", "have value greater than or equal to 1"),
        ("-1", "have value greater than or equal to 1"),
        ("101", "have value less than or equal to 100"),
        ("abc", "be of type integer"),
        ("1.5", "be of type integer"),
        ("", "be of type integer"),
    ],
)
def test_max_results_out_of_range_is_refused(
    client, domain, endpoint, path, value, constraint
):
    response = raw_request(endpoint, "GET", path, query=f"max-results={value}")
    assert_raw_bad_request(response, one_error(f"'{value}'", "MaxResults", constraint))


@pytest.mark.parametrize("value", ["1", "100"])
def test_max_results_at_the_limits_is_accepted(client, domain, endpoint, value):
    response = raw_request(endpoint, "GET", "/domains", query=f"max-results={value}")
    assert response.status_code == 200
    assert [item["DomainName"] for item in response.json()["Items"]] == ["d"]


def test_empty_next_token_is_refused(client, endpoint):
    response = raw_request(endpoint, "GET", "/domains", query="next-token=")
    assert_raw_bad_request(
        response, one_error("''", "NextToken", "have length greater than or equal to 1")
    )


# --- bodies that are not JSON objects --------------------------------------------------


@pytest.mark.parametrize(
    "body, message",
    [
        pytest.param(
            "{not json", "The request body is not valid JSON.", id="malformed"
        ),
        pytest.param(
            '{"DefaultExpirationDays": 7',
            "The request body is not valid JSON.",
            id="truncated",
        ),
        pytest.param("[1, 2]", "The request body must be a JSON object.", id="array"),
        pytest.param('"text"', "The request body must be a JSON object.", id="string"),
        pytest.param("7", "The request body must be a JSON object.", id="number"),
        pytest.param("null", "The request body must be a JSON object.", id="null"),
        pytest.param(
            b'{"DefaultExpirationDays": 7, "DefaultEncryptionKey": "\xff\xfe"}',
            "The request is not valid UTF-8.",
            id="invalid-utf-8",
        ),
    ],
)
def test_body_that_is_not_a_json_object_is_refused(client, endpoint, body, message):
    response = raw_request(endpoint, "POST", "/domains/new", body)
    assert_raw_bad_request(response, message)
    assert client.list_domains()["Items"] == []


def test_empty_body_is_checked_for_required_members(client, endpoint):
    response = raw_request(endpoint, "POST", "/domains/new", "")
    assert_raw_bad_request(
        response, one_error("null", "DefaultExpirationDays", "not be null")
    )


@pytest.mark.parametrize(
    "content_type",
    ["application/x-amz-json-1.1", "application/x-www-form-urlencoded"],
)
def test_other_content_types_are_answered_with_a_json_error(
    client, endpoint, content_type
):
    response = raw_request(
        endpoint,
        "POST",
        "/domains/new",
        '{"DefaultExpirationDays": 7}',
        content_type=content_type,
    )
    assert 400 <= response.status_code < 500
    assert response.json()["__type"] in (
        "BadRequestException",
        "ResourceNotFoundException",
    )


# --- routing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/nope"),
        ("POST", "/domains"),
        ("PATCH", "/domains/d"),
    ],
)
def test_unknown_path_is_not_found(client, endpoint, method, path):
    response = raw_request(endpoint, method, path)
    assert raw_error(response) == (
        "ResourceNotFoundException",
        f"No Customer Profiles operation matches {method} {path}",
        404,
    )


def _unimplemented_operation() -> tuple[str, str, str] | None:
    """(name, method, path) of a modelled operation without a handler, if any is left.

    Only GET operations whose input is URI labels named like a domain qualify, so the
    request is valid with every label set to "d".
    """
    model = get_service_model("customer-profiles")
    for name in sorted(model.operation_names):
        operation = model.operation_model(name)
        if operation.http["method"] != "GET":
            continue
        if hasattr(CustomerProfilesResponse, camelcase_to_underscores(name)):
            continue
        shape = operation.input_shape
        members = shape.members if shape is not None else {}
        required = shape.required_members if shape is not None else []
        if all(
            members[m].serialization.get("location") == "uri"
            and members[m].name == "name"
            for m in required
        ):
            path = re.sub(r"\{[^}]+\}", "d", operation.http["requestUri"])
            return name, "GET", path.split("?")[0]
    return None


def test_unimplemented_operation_is_refused_by_name(client, domain, endpoint):
    found = _unimplemented_operation()
    if found is None:
        pytest.skip("every simple GET operation is implemented")
    name, method, path = found
    response = raw_request(endpoint, method, path)
    assert_raw_bad_request(
        response,
        f"The {name} action has not been implemented in moto-customerprofiles",
    )


def test_unimplemented_operation_is_validated_first(client, endpoint):
    response = raw_request(endpoint, "POST", "/domains/d/profiles", {"PartyType": "X"})
    assert_raw_bad_request(
        response,
        one_error(
            "'***'",
            "PartyType",
            "satisfy enum value set: [INDIVIDUAL, BUSINESS, OTHER]",
        ),
    )


def test_domain_name_is_read_from_the_percent_encoded_path(client, endpoint):
    client.create_domain(DomainName="a-b_c", DefaultExpirationDays=7)
    response = raw_request(endpoint, "GET", "/domains/a%2Db%5Fc")
    assert response.status_code == 200
    assert response.json()["DomainName"] == "a-b_c"


# --- regions ---------------------------------------------------------------------------

REGION_MESSAGE = (
    "Customer Profiles is not available in region {}. Supported regions: af-south-1, "
    "ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-2, ca-central-1, "
    "eu-central-1, eu-west-2, us-east-1, us-west-2"
)


@pytest.mark.parametrize("region", ["eu-west-1", "sa-east-1"])
def test_unsupported_region_is_refused_by_name(customerprofiles_mock, region):
    other = boto3.client("customer-profiles", region_name=region)
    with pytest.raises(ClientError) as exc:
        other.list_domains()
    assert_bad_request(exc, REGION_MESSAGE.format(region))


def test_unsupported_region_creates_nothing(client, customerprofiles_mock):
    other = boto3.client("customer-profiles", region_name="eu-west-1")
    with pytest.raises(ClientError) as exc:
        other.create_domain(DomainName="d", DefaultExpirationDays=7)
    assert_bad_request(exc, REGION_MESSAGE.format("eu-west-1"))
    assert client.list_domains()["Items"] == []


@pytest.mark.parametrize("region", ["us-east-1", "ap-southeast-2"])
def test_supported_regions_are_served(customerprofiles_mock, region):
    other = boto3.client("customer-profiles", region_name=region)
    assert other.list_domains()["Items"] == []


# --- a refused request changes nothing -------------------------------------------------


def test_refused_update_domain_leaves_the_domain_unchanged(client, domain, endpoint):
    before = client.get_domain(DomainName="d")
    body = {"DefaultEncryptionKey": "new-key", "DefaultExpirationDays": 0}
    response = raw_request(endpoint, "PUT", "/domains/d", body)
    assert response.status_code == 400
    after = client.get_domain(DomainName="d")
    assert "DefaultEncryptionKey" not in after
    assert after["DefaultExpirationDays"] == 30
    assert after["LastUpdatedAt"] == before["LastUpdatedAt"]


def test_refused_update_domain_adds_no_tags(client, domain):
    with pytest.raises(ClientError):
        client.update_domain(
            DomainName="d", Tags={"a": "1"}, DefaultEncryptionKey="k" * 256
        )
    assert client.get_domain(DomainName="d")["Tags"] == {}


def test_refused_put_object_type_leaves_the_existing_one(client, domain):
    client.put_profile_object_type(
        DomainName="d", ObjectTypeName="t", Description="old", Fields=FIELDS, Keys=KEYS
    )
    with pytest.raises(ClientError):
        client.put_profile_object_type(
            DomainName="d",
            ObjectTypeName="t",
            Description="new",
            Fields=FIELDS,
            Keys=KEYS,
            ExpirationDays=5000,
        )
    stored = client.get_profile_object_type(DomainName="d", ObjectTypeName="t")
    assert stored["Description"] == "old"
    assert stored["ExpirationDays"] == 30


def test_refused_tag_resource_adds_no_tags(client, domain):
    arn = "arn:aws:profile:eu-west-2:123456789012:domains/d"
    with pytest.raises(ClientError):
        client.tag_resource(resourceArn=arn, tags={"a": "1", "b" * 129: "x"})
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {}
