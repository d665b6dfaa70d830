"""Runs the suite in decorator mode, or with TEST_SERVER_MODE=true against a server that
this conftest starts in-process on a free port."""

from __future__ import annotations

import os
import socket
from typing import Any

import pytest

SERVER_MODE = os.environ.get("TEST_SERVER_MODE", "").lower() == "true"
REGION = "eu-west-2"
_server: Any = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pytest_configure(config: pytest.Config) -> None:
    global _server
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    if SERVER_MODE and _server is None:
        # mock_aws reads the endpoint when a test is decorated: set it before collection.
        port = _free_port()
        os.environ["TEST_SERVER_MODE_ENDPOINT"] = f"http://127.0.0.1:{port}"
        from moto.server import ThreadedMotoServer

        import moto_customerprofiles  # noqa: F401

        _server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        _server.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _server is not None:
        _server.stop()


@pytest.fixture
def customerprofiles_region() -> str:
    return REGION


@pytest.fixture
def client(customerprofiles_client: Any) -> Any:
    return customerprofiles_client


@pytest.fixture
def endpoint() -> str:
    """Where raw HTTP requests go: the test server, or moto's patched AWS endpoint."""
    if SERVER_MODE:
        return os.environ["TEST_SERVER_MODE_ENDPOINT"]
    return f"https://profile.{REGION}.amazonaws.com"


@pytest.fixture
def moto_api() -> str:
    """Where moto's /moto-api/ routes are: the test server, or moto's patched host."""
    if SERVER_MODE:
        return os.environ["TEST_SERVER_MODE_ENDPOINT"]
    return "http://motoapi.amazonaws.com"
