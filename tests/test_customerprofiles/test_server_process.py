"""Against a separate server process (``moto-customerprofiles-server``) and pytest-xdist
workers: time set from the test process, and one server per worker.

These tests start their own processes, so they run once, in the decorator-mode run.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import boto3
import pytest
import requests

from .helpers import clean_environment, raw_request, run_pytest
from .test_readme_example import _example_source

pytestmark = pytest.mark.skipif(
    os.environ.get("TEST_SERVER_MODE", "").lower() == "true",
    reason="starts its own server processes: runs in the decorator-mode run",
)
CLOCK = "/moto-api/customerprofiles/clock"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(module: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``python -m module -H 127.0.0.1 -p <free port>``, its output in ``log``."""
    port = _free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", module, "-H", "127.0.0.1", "-p", str(port)],
            env=clean_environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            requests.get(endpoint + "/moto-api/data.json", timeout=5)
            return process, endpoint
        except requests.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"{module} did not start: {log.read_text()}")
            time.sleep(0.2)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server") / "server.log"


@pytest.fixture(scope="module")
def server(server_log: Path) -> Iterator[str]:
    process, endpoint = _start("moto_customerprofiles.server", server_log)
    yield endpoint
    _stop(process)


def test_readme_example_passes_against_the_server_process(
    server: str, tmp_path: Path
) -> None:
    (tmp_path / "test_example.py").write_text(_example_source())
    result = run_pytest(
        tmp_path, TEST_SERVER_MODE="true", TEST_SERVER_MODE_ENDPOINT=server
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_the_clock_route_fixes_the_server_clock(server: str) -> None:
    set_clock = requests.post(
        server + CLOCK, json={"Now": "2026-01-01T10:00:00Z"}, timeout=30
    )
    assert set_clock.json() == {"Now": "2026-01-01T10:00:00.000000Z"}
    client = boto3.client(
        "customer-profiles",
        region_name="us-east-1",
        endpoint_url=server,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    try:
        client.create_domain(DomainName="clocked", DefaultExpirationDays=1)
        created = client.get_domain(DomainName="clocked")["CreatedAt"]
    finally:
        requests.post(server + CLOCK, json={"Now": None}, timeout=30)
        client.delete_domain(DomainName="clocked")
    assert created == datetime(2026, 1, 1, 10, tzinfo=timezone.utc)
    assert requests.get(server + CLOCK, timeout=30).json() == {"Now": None}


def test_the_clock_route_refuses_a_time_that_is_not_iso_8601(server: str) -> None:
    response = requests.post(server + CLOCK, json={"Now": "tomorrow"}, timeout=30)
    assert response.status_code == 400
    assert response.json() == {
        "__type": "BadRequestException",
        "Message": "Now must be an ISO 8601 timestamp within the years 1 to 9999 in "
        "UTC, or null: tomorrow",
    }


WORKER_TESTS = textwrap.dedent(
    """
    import pytest

    @pytest.mark.parametrize("n", range(6))
    def test_domain_of_its_own(customerprofiles_client, n):
        client = customerprofiles_client
        client.create_domain(DomainName="shared-name", DefaultExpirationDays=1)
        client.put_profile_object_type(
            DomainName="shared-name", ObjectTypeName="t", Description="t",
            Keys={"k": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["k"]}]},
            Fields={"k": {"Source": "_source.k"}},
        )
        names = [d["DomainName"] for d in client.list_domains()["Items"]]
        assert names == ["shared-name"]
    """
)


def test_xdist_workers_each_get_a_server_three_runs_in_a_row(tmp_path: Path) -> None:
    (tmp_path / "test_workers.py").write_text(WORKER_TESTS)
    for _ in range(3):
        result = run_pytest(tmp_path, "-n", "2", "--customerprofiles-server")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "6 passed" in result.stdout


CLOCK_TESTS = textwrap.dedent(
    """
    from datetime import datetime, timezone

    from freezegun import freeze_time

    def test_clock(customerprofiles_client, customerprofiles_clock):
        customerprofiles_clock("2026-01-01T10:00:00Z")
        customerprofiles_client.create_domain(DomainName="d", DefaultExpirationDays=1)
        created = customerprofiles_client.get_domain(DomainName="d")["CreatedAt"]
        assert created == datetime(2026, 1, 1, 10, tzinfo=timezone.utc)

    def test_freeze_time(customerprofiles_client):
        with freeze_time("2030-06-01T00:00:00Z"):
            customerprofiles_client.create_domain(
                DomainName="d", DefaultExpirationDays=1
            )
        created = customerprofiles_client.get_domain(DomainName="d")["CreatedAt"]
        assert created == datetime(2030, 6, 1, tzinfo=timezone.utc)
    """
)


def test_the_clock_fixture_moves_the_client_with_customerprofiles_server(
    tmp_path: Path,
) -> None:
    (tmp_path / "test_clock.py").write_text(CLOCK_TESTS)
    result = run_pytest(tmp_path, "--customerprofiles-server")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


# --- Troubleshooting (README): the symptoms a new user meets ---------------------------


def test_the_server_says_at_start_what_it_serves_and_that_requests_are_signed(
    server: str, server_log: Path
) -> None:
    first_line = server_log.read_text().splitlines()[0]
    assert first_line.startswith(
        "moto-customerprofiles-server: serving Amazon Connect Customer Profiles"
    )
    assert "Requests must be SigV4-signed (any credentials will do" in first_line


def test_an_unsigned_request_reaches_moto_s3(server: str) -> None:
    response = requests.get(server + "/domains", timeout=30)
    assert response.status_code == 404
    assert "<Code>NoSuchBucket</Code>" in response.text
    assert "<BucketName>domains</BucketName>" in response.text
    posted = requests.post(
        server + "/domains/d", json={"DefaultExpirationDays": 1}, timeout=30
    )
    assert posted.status_code == 500  # moto's S3 fails on it
    assert "<title>500 Internal Server Error</title>" in posted.text


def test_a_signed_request_reaches_the_service(server: str) -> None:
    response = raw_request(server, "GET", "/domains", region="us-east-1")
    assert response.status_code == 200
    assert isinstance(response.json()["Items"], list)  # ListDomains answered


def test_plain_moto_server_answers_an_html_500(tmp_path: Path) -> None:
    log = tmp_path / "moto_server.log"
    process, endpoint = _start("moto.server", log)
    error = "AttributeError: 'NoneType' object has no attribute 'replace'"
    try:
        response = raw_request(endpoint, "GET", "/domains", region="us-east-1")
        deadline = time.monotonic() + 30  # the traceback is logged after the answer
        while error not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        _stop(process)
    assert response.status_code == 500
    assert "<title>500 Internal Server Error</title>" in response.text
    output = log.read_text()
    assert "Unable to find appropriate backend for profile.us-east-1.amazonaws.com" in (
        output
    )
    assert error in output


@pytest.mark.skipif(shutil.which("curl") is None, reason="no curl on this machine")
def test_curl_with_aws_sigv4_reaches_the_service(server: str) -> None:
    result = subprocess.run(
        ["curl", "-s", "--aws-sigv4", "aws:amz:us-east-1:profile"]
        + ["--user", "testing:testing", f"{server}/domains"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode == 2 and "aws-sigv4" in result.stderr:
        pytest.skip("this curl has no --aws-sigv4 (curl < 7.75)")
    assert isinstance(json.loads(result.stdout)["Items"], list)  # ListDomains
