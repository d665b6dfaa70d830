"""The README's Troubleshooting symptoms that depend on import order, each in a fresh
Python process (a process imports moto once): the symptom, then the fix.

The server's symptoms (unsigned requests, plain ``moto_server``) are in
``test_server_process.py``; the clock's in ``test_clock_fixture.py``; the region's in
``test_validation.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from .helpers import clean_environment

pytestmark = pytest.mark.skipif(
    os.environ.get("TEST_SERVER_MODE", "").lower() == "true",
    reason="runs its own decorator-mode processes: runs in the decorator-mode run",
)

CALL = textwrap.dedent(
    """
    def call(client):
        try:
            client.list_domains()
            return "served"
        except Exception as error:
            return f"{type(error).__name__}: {error}"
    """
)


def _run(script: str, *, credentials: bool = True) -> list[str]:
    env = clean_environment(AWS_EC2_METADATA_DISABLED="true")
    if not credentials:
        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            env.pop(name, None)
        env.pop("AWS_PROFILE", None)
        env["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
        env["AWS_CONFIG_FILE"] = os.devnull
    result = subprocess.run(
        [sys.executable, "-c", CALL + textwrap.dedent(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_without_the_import_moto_answers_not_yet_implemented():
    lines = _run(
        """
        import boto3
        from moto import mock_aws

        with mock_aws():
            print(call(boto3.client("customer-profiles", region_name="us-east-1")))
        """
    )
    assert lines == [
        "ClientError: An error occurred (404) when calling the ListDomains operation: "
        "Not yet implemented"
    ]


def test_with_the_import_the_service_is_served():
    lines = _run(
        """
        import boto3
        import moto_customerprofiles
        from moto import mock_aws

        with mock_aws():
            print(call(boto3.client("customer-profiles", region_name="us-east-1")))
        """
    )
    assert lines == ["served"]


def test_a_client_of_a_session_made_before_moto_was_imported_is_not_patched():
    lines = _run(
        """
        import boto3

        boto3.client("s3", region_name="us-east-1")  # makes boto3's default session
        import moto_customerprofiles
        from moto import mock_aws

        later = boto3.client("customer-profiles", region_name="us-east-1")
        with mock_aws():
            print(call(later))
        """
    )
    assert lines == [
        "EndpointConnectionError: Could not connect to the endpoint URL: "
        '"https://profile.us-east-1.amazonaws.com/domains"'
    ]


def test_a_client_made_after_the_import_before_mock_aws_starts_is_patched():
    lines = _run(
        """
        import boto3
        import moto_customerprofiles
        from moto import mock_aws

        early = boto3.client("customer-profiles", region_name="us-east-1")
        with mock_aws():
            print(call(early))
        """
    )
    assert lines == ["served"]


def test_the_fixes_for_a_session_made_before_moto_was_imported():
    lines = _run(
        """
        import boto3

        early = boto3.client("customer-profiles", region_name="us-east-1")
        import moto_customerprofiles
        from moto import mock_aws
        from moto.core import patch_client

        with mock_aws():
            patch_client(early)
            print(call(early))
            boto3.setup_default_session()
            print(call(boto3.client("customer-profiles", region_name="us-east-1")))
        """
    )
    assert lines == ["served", "served"]


def test_a_client_made_before_mock_aws_without_credentials_has_none():
    lines = _run(
        """
        import boto3
        import moto_customerprofiles
        from moto import mock_aws

        early = boto3.client("customer-profiles", region_name="us-east-1")
        with mock_aws():
            print(call(early))
            print(call(boto3.client("customer-profiles", region_name="us-east-1")))
        """,
        credentials=False,
    )
    assert lines == ["NoCredentialsError: Unable to locate credentials", "served"]
