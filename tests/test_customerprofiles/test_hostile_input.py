"""Hostile requests: each gets a modelled JSON 4xx (Code and Message), and changes nothing.

Sizes and patterns that used to freeze the validator, escapes from the pipeline
(recursion, lone surrogates, moto's own exceptions), and the /moto-api/ routes. Speed is
measured in benchmarks/bench_validation.py, not here.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moto_customerprofiles.customerprofiles.protocol.validation import (
    MAX_MESSAGES,
    SAFE_EQUIVALENTS,
    compiled_pattern,
)

from .helpers import raw_error, raw_request

CONSTRAINT = "failed to satisfy constraint: Member must"


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


def assert_bad_request(response, message):
    assert raw_error(response) == ("BadRequestException", message, 400)


# --- patterns: equivalents that do not backtrack ---------------------------------------

PATTERN_UNITS = ["arn:aws:iam:", "arn:aws:kms:", ":", "1", "12", "a", "-", "/", "\n"]
PATTERN_UNITS += ["2026-01-01T10-00-00Z", "x", " ", "T", "Z", "0"]


@pytest.mark.parametrize("pattern", sorted(SAFE_EQUIVALENTS))
@settings(max_examples=300, deadline=None, database=None)
@given(value=st.lists(st.sampled_from(PATTERN_UNITS), max_size=12).map("".join))
def test_safe_equivalent_matches_as_the_model_pattern(pattern, value):
    original = re.compile(pattern)
    safe = compiled_pattern(pattern)
    assert safe is not None
    assert (safe.search(value) is None) == (original.search(value) is None), value


@pytest.mark.parametrize(
    "pattern, value, matches",
    [
        (r".*arn:aws:iam:.*:[0-9]+:.*", "arn:aws:iam::123456789012:role/r", True),
        (r".*arn:aws:iam:.*:[0-9]+:.*", "x arn:aws:iam:arn:aws:iam::1:", True),
        (r".*arn:aws:iam:.*:[0-9]+:.*", "arn:aws:iam:\n:1:", False),
        (r".*arn:aws:iam:.*:[0-9]+:.*", "arn:aws:iam:x:1\narn:aws:iam::2:", True),
        (r"arn:aws:iam:.*:[0-9]+:.*", "arn:aws:iam:::", False),
        (r"arn:aws:kms:.*:[0-9]+:.*", "arn:aws:kms:eu-west-2:1:key/k", True),
        (r"arn:aws:kms:.*:[0-9]+:.*", "arn:aws:kms:eu-west-2:x:key/k", False),
        (
            r"[a-zA-Z0-9_-]+/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z",
            "!!abc/2026-01-01T10-00-00Z",
            True,
        ),
        (
            r"[a-zA-Z0-9_-]+/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z",
            "abc/2026-01-01T10-00-00",
            False,
        ),
    ],
)
def test_safe_equivalent_on_chosen_values(pattern, value, matches):
    assert (re.compile(pattern).search(value) is not None) is matches
    assert (compiled_pattern(pattern).search(value) is not None) is matches


# --- length before pattern; a bounded number of messages -------------------------------


def test_role_arn_too_long_is_refused_by_length_alone(client, domain, endpoint):
    """128 KB of "arn:aws:iam:" froze the server: the pattern ran after the length."""
    role_arn = "arn:aws:iam:" * (128 * 1024 // 12)
    body = {"Uri": "arn:aws:sqs:eu-west-2:123456789012:q", "RoleArn": role_arn}
    response = raw_request(endpoint, "PUT", "/domains/d/integrations", body)
    assert_bad_request(
        response,
        f"1 validation error detected: Value '{role_arn[:64]}...' at 'RoleArn' "
        f"{CONSTRAINT} have length less than or equal to 512",
    )
    assert client.list_integrations(DomainName="d")["Items"] == []


def test_kms_arn_too_long_is_refused_by_length_alone(client, domain, endpoint):
    kms_arn = "arn:aws:kms:" * (180 * 1024 // 12)
    body = {
        "FlowDefinition": {
            "FlowName": "flow",
            "KmsArn": kms_arn,
            "SourceFlowConfig": {
                "ConnectorType": "S3",
                "SourceConnectorProperties": {"S3": {"BucketName": "bucket"}},
            },
            "Tasks": [{"SourceFields": ["a"], "TaskType": "Map"}],
            "TriggerConfig": {"TriggerType": "OnDemand"},
        }
    }
    response = raw_request(endpoint, "PUT", "/domains/d/integrations", body)
    code, message, status = raw_error(response)
    assert (code, status) == ("BadRequestException", 400)
    assert message == (
        "1 validation error detected: Value '***' at 'FlowDefinition.KmsArn' "
        f"{CONSTRAINT} have length less than or equal to 2048"
    )
    assert client.list_integrations(DomainName="d")["Items"] == []


def test_role_arn_at_its_maximum_is_checked_against_the_pattern(
    client, domain, endpoint
):
    role_arn = ("arn:aws:iam:" * 43)[:512]
    body = {"Uri": "arn:aws:sqs:eu-west-2:123456789012:q", "RoleArn": role_arn}
    response = raw_request(endpoint, "PUT", "/domains/d/integrations", body)
    assert_bad_request(
        response,
        f"1 validation error detected: Value '{role_arn[:64]}...' at 'RoleArn' "
        f"{CONSTRAINT} satisfy regular expression pattern: arn:aws:iam:.*:[0-9]+:.*",
    )


def test_long_recommender_version_name_is_refused_by_length(client, domain, endpoint):
    name = "a" * (78 * 1024)
    response = raw_request(
        endpoint, "PATCH", "/domains/d/recommenders/r", {"RecommenderVersionName": name}
    )
    code, message, status = raw_error(response)
    assert (code, status) == ("BadRequestException", 400)
    assert message == (
        f"1 validation error detected: Value '{name[:64]}...' at "
        f"'RecommenderVersionName' {CONSTRAINT} have length less than or equal to 100"
    )


def test_long_destination_role_arn_is_refused_by_length(client, domain, endpoint):
    role_arn = "arn:aws:iam:" * (8 * 1024 // 12)
    body = {
        "DestinationArn": "arn:aws:kinesis:eu-west-2:123456789012:stream/s",
        "DestinationRoleArn": role_arn,
    }
    response = raw_request(endpoint, "POST", "/domains/d/segment-streams", body)
    code, message, status = raw_error(response)
    assert (code, status) == ("BadRequestException", 400)
    assert message == (
        f"1 validation error detected: Value '{role_arn[:64]}...' at "
        f"'DestinationRoleArn' {CONSTRAINT} have length less than or equal to 512"
    )


def test_a_million_bad_items_are_counted_and_ten_are_listed(client, domain, endpoint):
    count = 200_000
    body = {"KeyName": "k", "Values": [""] * count}
    response = raw_request(endpoint, "POST", "/domains/d/profiles/search", body)
    code, message, status = raw_error(response)
    assert (code, status) == ("BadRequestException", 400)
    assert message.startswith(f"{count} validation errors detected: ")
    listed = message.split(": ", 1)[1].split("; ")
    assert len(listed) == MAX_MESSAGES
    assert listed[-1] == (
        f"Value '' at 'Values[{MAX_MESSAGES - 1}]' {CONSTRAINT} have length "
        "greater than or equal to 1"
    )


@pytest.mark.parametrize("value", ["٥", "５", "5\n", "𝟓"])
def test_max_results_of_other_digits_is_refused(client, domain, endpoint, value):
    response = raw_request(
        endpoint, "GET", "/domains", query=f"max-results={quote(value)}"
    )
    assert_bad_request(
        response,
        f"1 validation error detected: Value '{value}' at 'MaxResults' "
        f"{CONSTRAINT} be of type integer",
    )
