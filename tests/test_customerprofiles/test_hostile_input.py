"""Hostile requests: each gets a modelled JSON 4xx (Code and Message), and changes nothing.

Sizes and patterns that used to freeze the validator, escapes from the pipeline
(recursion, lone surrogates, moto's own exceptions), and the /moto-api/ routes. Speed is
measured in benchmarks/bench_validation.py, not here.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from urllib.parse import quote

import boto3
import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from hypothesis import given, settings
from hypothesis import strategies as st
from moto import mock_aws
from moto.core import set_initial_no_auth_action_count

from moto_customerprofiles.customerprofiles.models import customerprofiles_backends
from moto_customerprofiles.customerprofiles.protocol.validation import (
    MAX_MESSAGES,
    SAFE_EQUIVALENTS,
    compiled_pattern,
)
from moto_customerprofiles.customerprofiles.resources.clock import CLOCK_HEADER

from .helpers import raw_error, raw_request

SERVER_MODE = os.environ.get("TEST_SERVER_MODE", "").lower() == "true"
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


# --- Object: nesting and lone surrogates -------------------------------------------------

ORDER_FIELDS = {
    "id": {"Source": "_source.id"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
}
ORDER_KEYS = {
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


@pytest.fixture
def order_type(client, domain):
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=ORDER_FIELDS,
        Keys=ORDER_KEYS,
    )
    return "Order"


def nested(depth):
    return (
        '{"id": "o1", "email": "a@example.com", "x": ' + "[" * depth + "]" * depth + "}"
    )


def profile_ids(client):
    found = client.search_profiles(
        DomainName="d", KeyName="_email", Values=["a@example.com"]
    )["Items"]
    return [p["ProfileId"] for p in found]


@pytest.mark.parametrize("depth", [500, 960, 961, 100_000])
def test_object_nested_deeper_than_the_mock_stores_is_refused(
    client, order_type, endpoint, depth
):
    body = {"ObjectTypeName": "Order", "Object": nested(depth)}
    response = raw_request(endpoint, "PUT", "/domains/d/profiles/objects", body)
    assert_bad_request(
        response,
        "Object is nested more than 500 levels deep, which the mock cannot store",
    )
    assert profile_ids(client) == []


def test_object_nested_as_deep_as_the_mock_stores_is_listed_again(client, order_type):
    text = nested(499)  # with the object itself: 500 levels
    client.put_profile_object(DomainName="d", ObjectTypeName="Order", Object=text)
    [profile_id] = profile_ids(client)
    items = client.list_profile_objects(
        DomainName="d", ObjectTypeName="Order", ProfileId=profile_id
    )["Items"]
    assert [json.loads(i["Object"]) for i in items] == [json.loads(text)]


def test_brackets_inside_strings_do_not_count_as_nesting(client, order_type):
    text = json.dumps({"id": "o1", "email": "a@example.com", "x": "[" * 2000})
    client.put_profile_object(DomainName="d", ObjectTypeName="Order", Object=text)
    assert len(profile_ids(client)) == 1


@pytest.mark.parametrize(
    "object_text",
    [
        # the Object's JSON escapes a lone surrogate, in a plain field and in the key
        '{"id": "o1", "email": "a@example.com", "note": "\\ud800"}',
        '{"id": "\\udfff", "email": "a@example.com"}',
    ],
    ids=["in-a-field", "in-the-unique-key"],
)
def test_lone_surrogate_in_an_object_is_stored_and_listed(
    client, order_type, endpoint, object_text
):
    body = {"ObjectTypeName": "Order", "Object": object_text}
    response = raw_request(endpoint, "PUT", "/domains/d/profiles/objects", body)
    assert response.status_code == 200, response.text
    [profile_id] = profile_ids(client)
    items = client.list_profile_objects(
        DomainName="d", ObjectTypeName="Order", ProfileId=profile_id
    )["Items"]
    assert [json.loads(i["Object"]) for i in items] == [json.loads(object_text)]


def test_lone_surrogate_in_the_object_member_itself_is_stored(
    client, order_type, endpoint
):
    # the request body's JSON escapes the surrogate: the Object text holds it raw
    body = (
        '{"ObjectTypeName": "Order", "Object": '
        '"{\\"id\\": \\"o1\\", \\"email\\": \\"a@example.com\\", \\"n\\": \\"\\ud800\\"}"}'
    )
    response = raw_request(endpoint, "PUT", "/domains/d/profiles/objects", body)
    assert response.status_code == 200, response.text
    [profile_id] = profile_ids(client)
    items = client.list_profile_objects(
        DomainName="d", ObjectTypeName="Order", ProfileId=profile_id
    )["Items"]
    assert json.loads(items[0]["Object"])["n"] == "\ud800"


# --- the clock header ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "garbage", ""],
)
def test_clock_header_that_is_not_a_moment_is_refused(client, endpoint, header):
    response = raw_request(
        endpoint,
        "POST",
        "/domains/new",
        {"DefaultExpirationDays": 7},
        headers={CLOCK_HEADER: header},
    )
    assert_bad_request(
        response,
        f"The header {CLOCK_HEADER} must be an ISO 8601 timestamp within the years "
        f"1 to 9999 in UTC: {header}",
    )
    assert client.list_domains()["Items"] == []


def test_clock_header_at_the_edge_of_the_range_is_used(client, endpoint):
    response = raw_request(
        endpoint,
        "POST",
        "/domains/new",
        {"DefaultExpirationDays": 7},
        headers={CLOCK_HEADER: "9999-12-31T23:59:59Z"},
    )
    assert response.status_code == 200, response.text
    created = client.get_domain(DomainName="new")["CreatedAt"]
    assert created.year == 9999


# --- /moto-api/customerprofiles/ -----------------------------------------------------------


def moto_api(endpoint, path):
    base = endpoint if SERVER_MODE else "http://motoapi.amazonaws.com"
    return f"{base}/moto-api/customerprofiles/{path}"


def api_error(response):
    body = response.json()
    return body["__type"], body["Message"], response.status_code


EXPECTED_CLOCK = 'Expected {"Now": "<ISO 8601 timestamp>"} or {"Now": null}'


@pytest.mark.parametrize(
    "body, message",
    [
        (
            '{"Now": "0001-01-01T00:00:00+01:00"}',
            "Now must be an ISO 8601 timestamp within the years 1 to 9999 in UTC, "
            "or null: 0001-01-01T00:00:00+01:00",
        ),
        (
            '{"Now": "9999-12-31T23:59:59-01:00"}',
            "Now must be an ISO 8601 timestamp within the years 1 to 9999 in UTC, "
            "or null: 9999-12-31T23:59:59-01:00",
        ),
        (
            '{"Now": 5}',
            "Now must be an ISO 8601 timestamp within the years 1 to 9999 in UTC, "
            "or null: int",
        ),
        ("[" * 100_000 + "]" * 100_000, f"The body is not JSON. {EXPECTED_CLOCK}"),
        (
            '{"Now": null, "X": ' + "[" * 100_000 + "]" * 100_000 + "}",
            f"The body is not JSON. {EXPECTED_CLOCK}",
        ),
        (
            '{"Now": null, "X": [[[[1]]]]}',
            f"Unknown member X. {EXPECTED_CLOCK}",
        ),
        ("{not json", f"The body is not JSON. {EXPECTED_CLOCK}"),
        ("[]", EXPECTED_CLOCK),
        ("{}", EXPECTED_CLOCK),
    ],
    ids=[
        "year-0",
        "year-10000",
        "number",
        "deep-body",
        "deep-member",
        "extra-member",
        "not-json",
        "array",
        "no-now",
    ],
)
def test_clock_route_refuses_a_bad_body(client, endpoint, body, message):
    response = requests.post(moto_api(endpoint, "clock"), data=body, timeout=30)
    assert api_error(response) == ("BadRequestException", message, 400)
    assert requests.get(moto_api(endpoint, "clock"), timeout=30).json() == {"Now": None}


def test_clock_route_reads_a_form_encoded_json_body(client, endpoint):
    """``curl -X POST -d '{"Now": ...}'`` sends the JSON as a form."""
    try:
        response = requests.post(
            moto_api(endpoint, "clock"),
            data='{"Now": "2026-01-01T10:00:00Z"}',
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        assert response.json() == {"Now": "2026-01-01T10:00:00.000000Z"}
    finally:
        requests.post(moto_api(endpoint, "clock"), json={"Now": None}, timeout=30)


@pytest.mark.parametrize(
    "path, method, allowed",
    [
        ("clock", "PUT", "GET or POST"),
        ("clock", "DELETE", "GET or POST"),
        ("clock", "PATCH", "GET or POST"),
        ("trigger-invocations", "POST", "GET"),
        ("trigger-invocations", "DELETE", "GET"),
    ],
)
def test_moto_api_route_refuses_other_methods(client, endpoint, path, method, allowed):
    response = requests.request(method, moto_api(endpoint, path), timeout=30)
    assert api_error(response) == (
        "MethodNotAllowedException",
        f"{method} is not allowed here: use {allowed}",
        405,
    )
    assert requests.get(moto_api(endpoint, "clock"), timeout=30).json() == {"Now": None}


@pytest.mark.parametrize(
    "query, message",
    [
        ("nope=1", "Unknown query parameter nope: expected domain, account and region"),
        ("domain=a&domain=b", "Query parameter domain is given more than once"),
    ],
)
def test_trigger_invocations_route_refuses_a_bad_query(
    client, endpoint, query, message
):
    response = requests.get(
        moto_api(endpoint, "trigger-invocations") + "?" + query, timeout=30
    )
    assert api_error(response) == ("BadRequestException", message, 400)


# --- IAM: an Authorization header moto cannot read ------------------------------------------


def _incomplete_authorization(endpoint, authorization, date=True):
    headers = {"Authorization": authorization, "Content-Type": "application/json"}
    if date:
        headers["X-Amz-Date"] = "20261205T120000Z"
    return requests.post(
        f"{endpoint}/domains/new",
        data='{"DefaultExpirationDays": 7}',
        headers=headers,
        timeout=30,
    )


CREDENTIAL = "Credential={key}/20261205/eu-west-2/profile/aws4_request"


def _access_key_id():
    iam = boto3.client("iam", region_name="us-east-1")
    iam.create_user(UserName="user")
    return iam.create_access_key(UserName="user")["AccessKey"]["AccessKeyId"]


@pytest.mark.parametrize(
    "authorization, date, message",
    [
        (
            f"AWS4-HMAC-SHA256 {CREDENTIAL}, SignedHeaders=host, Signature=abc",
            False,
            "Authorization header requires existence of either a 'X-Amz-Date' or a "
            "'Date' header.",
        ),
        (
            f"AWS4-HMAC-SHA256 {CREDENTIAL}",
            True,
            "Authorization header requires 'Signature' parameter. Authorization "
            "header requires 'SignedHeaders' parameter.",
        ),
        (
            f"AWS4-HMAC-SHA256 {CREDENTIAL}, Signature=abc",
            True,
            "Authorization header requires 'SignedHeaders' parameter.",
        ),
    ],
    ids=["no-date", "no-signed-headers-or-signature", "no-signed-headers"],
)
@set_initial_no_auth_action_count(2)
@mock_aws
def test_unreadable_authorization_is_a_json_denial(
    endpoint, authorization, date, message
):
    authorization = authorization.format(key=_access_key_id())
    response = _incomplete_authorization(endpoint, authorization, date)
    assert raw_error(response) == ("AccessDeniedException", message, 403)
    backend = customerprofiles_backends["123456789012"]
    if not SERVER_MODE:
        assert list(backend["eu-west-2"].domains) == []


# --- the HTTP layer (server mode) ------------------------------------------------------------


def _raw_http(endpoint, head, body=b"", half_close=False):
    host, port = endpoint.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head + body)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        received = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
    head_text, _, payload = received.partition(b"\r\n\r\n")
    status = int(head_text.split(b" ")[1])
    return status, head_text.decode("latin-1"), payload


def _signed_head(endpoint, extra):
    request = AWSRequest(
        method="POST",
        url=f"{endpoint}/domains/new",
        data=b'{"DefaultExpirationDays": 7}',
        headers={"Content-Type": "application/json"},
    )
    SigV4Auth(Credentials("testing", "testing"), "profile", "eu-west-2").add_auth(
        request
    )
    lines = ["POST /domains/new HTTP/1.1", f"Host: {endpoint.removeprefix('http://')}"]
    lines += [f"{k}: {v}" for k, v in request.headers.items()]
    lines += extra + ["Connection: close", "", ""]
    return "\r\n".join(lines).encode()


server_only = pytest.mark.skipif(not SERVER_MODE, reason="the HTTP layer of the server")


@server_only
def test_malformed_chunked_body_is_a_json_400(client, endpoint):
    head = _signed_head(endpoint, ["Transfer-Encoding: chunked"])
    status, head_text, payload = _raw_http(endpoint, head, b"zz\r\nabc\r\n0\r\n\r\n")
    assert status == 400
    assert json.loads(payload) == {
        "__type": "BadRequestException",
        "Message": "The request body could not be read (malformed chunked encoding, "
        "or shorter than its Content-Length).",
    }
    assert client.list_domains()["Items"] == []


@server_only
def test_body_shorter_than_its_content_length_is_a_json_400(client, endpoint):
    head = _signed_head(endpoint, ["Content-Length: 100"])
    status, head_text, payload = _raw_http(endpoint, head, b"{}", half_close=True)
    assert status == 400
    assert json.loads(payload)["__type"] == "BadRequestException"
    assert client.list_domains()["Items"] == []


@server_only
@pytest.mark.parametrize("method", ["TRACE", "FOO", "PROPFIND", "CONNECT"])
def test_method_no_route_allows_is_a_json_not_found(client, endpoint, method):
    response = raw_request(endpoint, method, "/domains")
    assert raw_error(response) == (
        "ResourceNotFoundException",
        f"No Customer Profiles operation matches {method} /domains",
        404,
    )
    assert client.list_domains()["Items"] == []


_SERVER_IMPORTED_AFTER = """
import json, sys
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

import moto_customerprofiles  # first: moto.server is not loaded yet
from moto.server import ThreadedMotoServer

server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
host, port = server.get_host_and_port()
request = AWSRequest(method="TRACE", url=f"http://{host}:{port}/domains")
SigV4Auth(Credentials("testing", "testing"), "profile", "eu-west-2").add_auth(request)
response = requests.request("TRACE", request.url, headers=dict(request.headers))
server.stop()
print(json.dumps([response.status_code, response.json()]))
"""


@pytest.mark.skipif(SERVER_MODE, reason="starts its own server: runs in decorator mode")
def test_method_no_route_allows_is_json_when_moto_server_is_imported_later():
    done = subprocess.run(
        [sys.executable, "-c", _SERVER_IMPORTED_AFTER],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [
        404,
        {
            "__type": "ResourceNotFoundException",
            "Message": "No Customer Profiles operation matches TRACE /domains",
        },
    ]


# --- business-rule messages and sensitive members -------------------------------------------


def test_business_rule_message_does_not_repeat_a_sensitive_expression(
    client, domain, endpoint
):
    expression = "{secret_type.salary} ** {secret_type.bonus}"
    body = {
        "AttributeDetails": {
            "Attributes": [{"Name": "salary"}, {"Name": "bonus"}],
            "Expression": expression,
        },
        "Statistic": "SUM",
    }
    response = raw_request(endpoint, "POST", "/domains/d/calculated-attributes/c", body)
    code, message, status = raw_error(response)
    assert (code, status) == ("BadRequestException", 400)
    assert message.startswith("Expression *** is not a valid mathematical expression")
    assert "secret_type" not in message
    assert client.list_calculated_attribute_definitions(DomainName="d")["Items"] == []


def test_business_rule_message_keeps_what_is_not_sensitive(client, domain, endpoint):
    body = {
        "AttributeDetails": {
            "Attributes": [{"Name": "amount"}],
            "Expression": "{sale.amount}",
        },
        "Statistic": "SUM",
    }
    response = raw_request(
        endpoint, "POST", "/domains/missing/calculated-attributes/c", body
    )
    assert raw_error(response) == (
        "ResourceNotFoundException",
        "Domain missing does not exist.",
        404,
    )


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8",
    ],
)
def test_form_content_type_gets_a_clear_message(client, endpoint, content_type):
    response = raw_request(
        endpoint,
        "POST",
        "/domains/new",
        '{"DefaultExpirationDays": 7}',
        content_type=content_type,
    )
    assert_bad_request(
        response,
        "Content-Type application/x-www-form-urlencoded is not supported: send the "
        "request body as JSON (application/json)",
    )
    assert client.list_domains()["Items"] == []
