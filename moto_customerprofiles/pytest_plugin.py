"""pytest fixtures, loaded through the ``pytest11`` entry point: no import needed.

moto reads ``TEST_SERVER_MODE`` and its other settings when it is first imported, so this
module imports nothing from moto at load time: a project's ``conftest.py`` can still set
them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

DEFAULT_REGION = "us-east-1"


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
