"""Against a separate server process (``moto-customerprofiles-server``) and pytest-xdist
workers: time set from the test process, and one server per worker.

These tests start their own processes, so they run once, in the decorator-mode run.
"""

from __future__ import annotations

import os
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


def _clean_environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEST_SERVER_MODE")}
    env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", **extra)
    return env


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto_customerprofiles.server", "-H", "127.0.0.1"]
        + ["-p", str(port)],
        env=_clean_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            requests.get(endpoint + CLOCK, timeout=5)
            break
        except requests.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("moto-customerprofiles-server did not start")
            time.sleep(0.2)
    yield endpoint
    process.terminate()
    process.wait(timeout=30)


def _pytest(
    directory: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        + ["--rootdir", str(directory), str(directory), *args],
        env=_clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=directory,
    )


def test_readme_example_passes_against_the_server_process(
    server: str, tmp_path: Path
) -> None:
    (tmp_path / "test_example.py").write_text(_example_source())
    result = _pytest(
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
        result = _pytest(tmp_path, "-n", "2", "--customerprofiles-server")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "6 passed" in result.stdout
