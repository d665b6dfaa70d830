"""Issue 19: DetectProfileObjectType (a deterministic rule; a test can set the answer)."""

import json

import pytest
import requests
from botocore.exceptions import ClientError

import moto_customerprofiles

from .helpers import client_error

ROUTE = "/moto-api/customerprofiles/detected-object-types"
SAMPLES = [
    {"orderId": "o1", "customer": {"email": "a@x.org", "firstName": "Ann"}, "total": 5},
    {"orderId": "o2", "customer": {"email": "b@x.org", "firstName": "Bob"}, "total": 7},
]
SET = [
    {
        "SourceLastUpdatedTimestampFormat": "yyyy-MM-dd",
        "Fields": {"id": {"Source": "_source.id", "ContentType": "STRING"}},
        "Keys": {"id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}]},
    }
]


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


def detect(client, *objects):
    return client.detect_profile_object_type(
        DomainName="d",
        Objects=[o if isinstance(o, str) else json.dumps(o) for o in objects],
    )["DetectedProfileObjectTypes"]


def test_the_rule_maps_every_leaf_and_finds_the_keys(client, domain):
    assert detect(client, *SAMPLES) == [
        {
            "Fields": {
                "orderId": {"Source": "_source.orderId", "ContentType": "STRING"},
                "customer_email": {
                    "Source": "_source.customer.email",
                    "Target": "_profile.EmailAddress",
                    "ContentType": "EMAIL_ADDRESS",
                },
                "customer_firstName": {
                    "Source": "_source.customer.firstName",
                    "Target": "_profile.FirstName",
                    "ContentType": "STRING",
                },
                "total": {"Source": "_source.total", "ContentType": "NUMBER"},
            },
            "Keys": {
                "orderId": [
                    {"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}
                ],
                "customer_email": [
                    {
                        "StandardIdentifiers": ["PROFILE"],
                        "FieldNames": ["customer_email"],
                    }
                ],
            },
        }
    ]


def test_the_detected_mapping_can_be_put_and_ingests_the_samples(client, domain):
    [detected] = detect(client, *SAMPLES)
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="order",
        Description="detected",
        AllowProfileCreation=True,
        **detected,
    )
    for sample in SAMPLES:
        client.put_profile_object(
            DomainName="d", ObjectTypeName="order", Object=json.dumps(sample)
        )
    [profile] = client.search_profiles(
        DomainName="d", KeyName="customer_email", Values=["b@x.org"]
    )["Items"]
    assert profile["FirstName"] == "Bob"


def test_without_a_profile_key_nothing_is_detected(client, domain):
    assert detect(client, {"orderId": "o1", "total": 3}) == []


def test_an_object_that_is_not_json_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        detect(client, SAMPLES[0], "{nope")
    assert client_error(exc) == (
        "BadRequestException",
        "Could not parse object string into JSON",
        400,
    )


def test_more_than_120_attributes_nested_ones_counted(client, domain):
    nested = {"n": {f"a{i}": i for i in range(120)}, "id": "1"}
    with pytest.raises(ClientError) as exc:
        detect(client, nested)
    assert client_error(exc) == (
        "BadRequestException",
        "Breached limit of 120 attributes",
        400,
    )


def test_120_attributes_are_accepted(client, domain):
    assert detect(client, {f"a{i}": i for i in range(120)}) == []


def test_more_than_5_objects_are_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        detect(client, *(SAMPLES * 3))
    code, message, status = client_error(exc)
    assert (code, status) == ("BadRequestException", 400)
    assert message == (
        "1 validation error detected: Value '***' at 'Objects' failed to satisfy "
        "constraint: Member must have size less than or equal to 5"
    )


def test_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.detect_profile_object_type(DomainName="nowhere", Objects=["{}"])
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nowhere does not exist.",
        404,
    )


def test_a_test_sets_the_answer_through_the_moto_api(client, domain, moto_api):
    response = requests.post(
        f"{moto_api}{ROUTE}",
        json={"DomainName": "d", "DetectedProfileObjectTypes": SET},
        timeout=30,
    )
    assert response.status_code == 200
    assert detect(client, *SAMPLES) == SET
    requests.post(
        f"{moto_api}{ROUTE}",
        json={"DomainName": "d", "DetectedProfileObjectTypes": None},
        timeout=30,
    )
    assert detect(client, *SAMPLES)[0]["Keys"].keys() == {"orderId", "customer_email"}


def test_the_set_answer_still_refuses_what_aws_refuses(client, domain, moto_api):
    requests.post(
        f"{moto_api}{ROUTE}",
        json={"DomainName": "d", "DetectedProfileObjectTypes": SET},
        timeout=30,
    )
    with pytest.raises(ClientError) as exc:
        detect(client, "[1]")
    assert client_error(exc)[1] == "Could not parse object string into JSON"


def test_the_route_refuses_more_than_one_mapping(client, domain, moto_api):
    response = requests.post(
        f"{moto_api}{ROUTE}",
        json={"DomainName": "d", "DetectedProfileObjectTypes": SET * 2},
        timeout=30,
    )
    assert response.status_code == 400
    assert response.json()["Message"] == (
        "DetectedProfileObjectTypes must be a list of at most one mapping"
    )


def test_the_python_function_sets_the_answer(client, domain):
    moto_customerprofiles.set_detected_object_types("d", [])
    assert detect(client, *SAMPLES) == []
