"""pytest fixtures, loaded through the ``pytest11`` entry point: no import needed.

moto reads ``TEST_SERVER_MODE`` and its other settings when it is first imported, so this
module imports nothing from moto at load time: a project's ``conftest.py`` can still set
them.

``pytest --customerprofiles-server`` (or the ini option ``customerprofiles_server =
true``) runs the tests in server mode against an in-process server of this process's
own: with pytest-xdist, one per worker, so that workers never reset each other's state.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any

import pytest

DEFAULT_REGION = "us-east-1"
TRIGGER_INVOCATIONS_PATH = "/moto-api/customerprofiles/trigger-invocations"
CLOCK_PATH = "/moto-api/customerprofiles/clock"
CLOCK_HEADER = "x-moto-customerprofiles-now"
# Variables of a developer's own AWS set-up that would leak into a mocked client.
AWS_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": None,
    "AWS_SECURITY_TOKEN": None,
    "AWS_PROFILE": None,
    "AWS_DEFAULT_PROFILE": None,
}
_servers: list[Any] = []
# Whether customerprofiles_clock has fixed the service's clock (in this process's test).
_clock_is_set: list[bool] = [False]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--customerprofiles-server",
        action="store_true",
        default=None,
        help="server mode against an in-process server per process (per xdist worker)",
    )
    parser.addini(
        "customerprofiles_server",
        "true: as --customerprofiles-server",
        default="false",
    )


def pytest_configure(config: pytest.Config) -> None:
    wanted = config.getoption("customerprofiles_server") or (
        str(config.getini("customerprofiles_server")).lower() == "true"
    )
    is_xdist_controller = bool(getattr(config.option, "numprocesses", None)) and (
        not hasattr(config, "workerinput")
    )
    if not wanted or is_xdist_controller or _servers:
        return
    # Before moto is imported: it reads these once. mock_aws reads the endpoint when a
    # test is decorated (collection), so the server's port is chosen now.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    os.environ["TEST_SERVER_MODE"] = "true"
    os.environ["TEST_SERVER_MODE_ENDPOINT"] = f"http://127.0.0.1:{port}"
    from moto.server import ThreadedMotoServer

    import moto_customerprofiles  # noqa: F401  (registers before the server starts)

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    _servers.append(server)


def pytest_unconfigure(config: pytest.Config) -> None:
    while _servers:
        _servers.pop().stop()


@pytest.fixture
def customerprofiles_region() -> str:
    """The region of ``customerprofiles_client`` (us-east-1); override it to change it."""
    return DEFAULT_REGION


@pytest.fixture
def customerprofiles_mock() -> Iterator[None]:
    """A started ``mock_aws`` with Customer Profiles registered and fake credentials.

    A developer's AWS_PROFILE, session token and other credentials are hidden while it
    runs; the service's clock is back on moto's clock afterwards.
    """
    from moto import mock_aws

    import moto_customerprofiles  # noqa: F401  (registers before the mock starts)

    saved = {name: os.environ.get(name) for name in AWS_ENVIRONMENT}
    for name, value in AWS_ENVIRONMENT.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        with mock_aws():
            yield
            _set_clock(None)
    finally:
        for name, saved_value in saved.items():
            if saved_value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = saved_value


def _send_clock(request: Any, **kwargs: Any) -> None:
    """Every request carries the test process's clock, which freezegun moves, unless
    ``customerprofiles_clock`` has fixed the server's clock: that clock then wins, as it
    does over freezegun in decorator mode."""
    if _clock_is_set[0]:
        request.headers.pop(CLOCK_HEADER, None)
        return
    request.headers[CLOCK_HEADER] = datetime.now(timezone.utc).isoformat()


@pytest.fixture
def customerprofiles_client(
    customerprofiles_mock: None, customerprofiles_region: str
) -> Any:
    """A boto3 ``customer-profiles`` client inside ``customerprofiles_mock``.

    In server mode it sends the test's clock with each request, so that ``freeze_time``
    moves the server's time for this service too; not while ``customerprofiles_clock``
    has fixed the clock (which wins over ``freeze_time`` in both modes).
    """
    import boto3
    from moto import settings

    client = boto3.client("customer-profiles", region_name=customerprofiles_region)
    if settings.TEST_SERVER_MODE:
        client.meta.events.register("before-send.customer-profiles", _send_clock)
    return client


def _server_url(path: str) -> str:
    from moto import settings

    return settings.test_server_mode_endpoint() + path


def _set_clock(moment: datetime | str | None) -> None:
    from moto import settings

    import moto_customerprofiles

    if isinstance(moment, datetime):
        moment = moment.isoformat()
    if not settings.TEST_SERVER_MODE:
        moto_customerprofiles.set_clock(moment)
    else:
        import requests

        response = requests.post(
            _server_url(CLOCK_PATH), json={"Now": moment}, timeout=30
        )
        response.raise_for_status()
    _clock_is_set[0] = moment is not None


@pytest.fixture
def customerprofiles_clock(
    customerprofiles_mock: None,
) -> Callable[[datetime | str | None], None]:
    """A function fixing the service's clock at a moment (a datetime or ISO 8601 text),
    or returning it to moto's clock with None; in server mode, the server's clock.

    While it is fixed, ``freeze_time`` does not move the service's clock (in either
    mode); ``customerprofiles_clock(None)`` hands it back.
    """
    return _set_clock


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

        params = {"domain": domain_name} if domain_name else {}
        response = requests.get(
            _server_url(TRIGGER_INVOCATIONS_PATH), params=params, timeout=30
        )
        response.raise_for_status()
        items: list[dict[str, Any]] = response.json()["TriggerInvocations"]
        return items

    return read
