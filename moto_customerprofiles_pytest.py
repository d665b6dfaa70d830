"""pytest fixtures, loaded through the ``pytest11`` entry point: no import needed.

moto reads ``TEST_SERVER_MODE`` and its other settings when it is first imported, so this
module imports nothing from moto at load time: a project's ``conftest.py`` can still set
them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

DEFAULT_REGION = "us-east-1"
TRIGGER_INVOCATIONS_PATH = "/moto-api/customerprofiles/trigger-invocations"


@pytest.fixture
def customerprofiles_region() -> str:
    """The region of ``customerprofiles_client``; override this fixture to change it."""
    return os.environ.get("AWS_DEFAULT_REGION", DEFAULT_REGION)


@pytest.fixture
def customerprofiles_mock() -> Iterator[None]:
    """A started ``mock_aws`` with Customer Profiles registered, and fake credentials."""
    from moto import mock_aws

    import moto_customerprofiles  # noqa: F401  (registers before the mock starts)

    saved = {
        k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
    }
    os.environ["AWS_ACCESS_KEY_ID"] = "testing"
    os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"
    try:
        with mock_aws():
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def customerprofiles_client(
    customerprofiles_mock: None, customerprofiles_region: str
) -> Any:
    """A boto3 ``customer-profiles`` client inside ``customerprofiles_mock``."""
    import boto3

    return boto3.client("customer-profiles", region_name=customerprofiles_region)


@pytest.fixture
def customerprofiles_trigger_invocations(
    customerprofiles_mock: None,
) -> Callable[..., list[dict[str, Any]]]:
    """A function returning the recorded event-trigger invocations (see the README).

    In server mode (TEST_SERVER_MODE=true) it reads them over HTTP from the server.
    """
    from moto import settings

    import moto_customerprofiles

    def read(domain_name: str | None = None) -> list[dict[str, Any]]:
        if not settings.TEST_SERVER_MODE:
            return moto_customerprofiles.trigger_invocations(domain_name)
        import requests

        url = settings.test_server_mode_endpoint() + TRIGGER_INVOCATIONS_PATH
        params = {"domain": domain_name} if domain_name else {}
        response = requests.get(url, params=params, timeout=30)
        response.raise_for_status()
        items: list[dict[str, Any]] = response.json()["TriggerInvocations"]
        return items

    return read
