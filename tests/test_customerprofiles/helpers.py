"""Raw HTTP requests to the service, SigV4-signed so that moto routes them to it; and the
suite's shared set-up helpers."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ClientError
from moto.moto_api import state_manager

REGION = "eu-west-2"
ACCOUNT_ID = "123456789012"  # moto's default account
JSON = "application/json"


def raw_request(
    endpoint: str,
    method: str,
    path: str,
    body: Any = None,
    *,
    query: str = "",
    region: str = REGION,
    content_type: str = JSON,
    headers: dict[str, str] | None = None,
) -> requests.Response:
    """Send ``method path`` as an AWS client would, without any client-side validation.

    ``body`` is sent as is when it is ``str`` or ``bytes``, JSON-encoded otherwise.
    ``path`` and ``query`` are sent as given (percent-encode them yourself); ``headers``
    are added to the signed request.
    """
    if body is None or isinstance(body, (str, bytes)):
        data = body
    else:
        data = json.dumps(body)
    url = f"{endpoint}{path}" + (f"?{query}" if query else "")
    sent = {"Content-Type": content_type} if data is not None else {}
    sent.update(headers or {})
    request = AWSRequest(method=method, url=url, data=data, headers=sent)
    SigV4Auth(Credentials("testing", "testing"), "profile", region).add_auth(request)
    prepared = request.prepare()
    return requests.request(
        method, prepared.url, headers=dict(prepared.headers), data=prepared.body
    )


def raw_error(response: requests.Response) -> tuple[str, str, int]:
    """(error code, message, HTTP status) of a raw error response."""
    body = response.json()
    assert response.headers["X-Amzn-ErrorType"] == body["__type"]
    return body["__type"], body["Message"], response.status_code


def client_error(exc: pytest.ExceptionInfo[ClientError]) -> tuple[str, str, int]:
    """(error code, message, HTTP status) of a boto3 ClientError."""
    response = exc.value.response
    return (
        response["Error"]["Code"],
        response["Error"]["Message"],
        response["ResponseMetadata"]["HTTPStatusCode"],
    )


def clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment without the suite's server mode, with fake keys."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEST_SERVER_MODE")}
    env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", **extra)
    return env


def run_pytest(
    directory: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """pytest in a fresh process on ``directory``, as a user's project runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        + ["--rootdir", str(directory), str(directory), *args],
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=directory,
    )


def create_order_domain(
    client: Any, fields: dict[str, Any], keys: dict[str, Any], **domain_options: Any
) -> str:
    """Domain "d" with an object type "order" that may create profiles."""
    client.create_domain(DomainName="d", DefaultExpirationDays=30, **domain_options)
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=fields,
        Keys=keys,
    )
    return "d"


def first_name_segment(first_name: str) -> dict[str, Any]:
    """SegmentGroups selecting the profiles whose FirstName is ``first_name``."""
    return {
        "Groups": [
            {
                "Dimensions": [
                    {
                        "ProfileAttributes": {
                            "FirstName": {
                                "DimensionType": "INCLUSIVE",
                                "Values": [first_name],
                            }
                        }
                    }
                ]
            }
        ]
    }


@contextlib.contextmanager
def transition(
    *models: str, progression: str = "manual", times: int = 1
) -> Iterator[None]:
    """moto's state manager moves ``models`` as given for the block ("manual": one
    step per ``times`` reads; "immediate"), then back to their defaults."""
    config: dict[str, Any] = {"progression": progression}
    if progression == "manual":
        config["times"] = times
    for model in models:
        state_manager.set_transition(model, config)
    try:
        yield
    finally:
        for model in models:
            state_manager.unset_transition(model)
