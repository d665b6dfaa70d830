"""How the package plugs itself into moto: URL routing, backend lookup, server, reset,
and the pytest plugin."""

import importlib
import os
import subprocess
import sys
import warnings

import boto3
import pytest
import requests
from moto import mock_aws
from moto.backend_index import backend_url_patterns
from moto.backends import get_backend
from moto.server import ThreadedMotoServer

import moto_customerprofiles
from moto_customerprofiles import customerprofiles
from moto_customerprofiles._registration import SERVICE_KEY, register
from moto_customerprofiles.customerprofiles.models import customerprofiles_backends

from .helpers import REGION

pytest_plugins = ["pytester"]

SERVER_MODE = os.environ.get("TEST_SERVER_MODE", "").lower() == "true"


def our_patterns():
    return [pattern for key, pattern in backend_url_patterns if key == SERVICE_KEY]


# --- registration ----------------------------------------------------------------------


def test_the_url_pattern_is_registered_once():
    patterns = our_patterns()
    assert len(patterns) == 1
    assert patterns[0].match(f"https://profile.{REGION}.amazonaws.com/domains")


def test_registering_again_changes_nothing():
    before = list(backend_url_patterns)
    register()
    register()
    assert backend_url_patterns == before
    assert len(our_patterns()) == 1


def test_importing_again_changes_nothing():
    before = list(backend_url_patterns)
    importlib.import_module("moto_customerprofiles")
    importlib.reload(moto_customerprofiles)
    assert backend_url_patterns == before
    assert len(our_patterns()) == 1


def test_moto_customerprofiles_module_is_our_subpackage():
    assert sys.modules["moto.customerprofiles"] is customerprofiles


def test_moto_customerprofiles_submodules_are_ours():
    from moto.customerprofiles.models import (  # type: ignore[import-not-found]
        customerprofiles_backends as via_moto,
    )

    assert via_moto is customerprofiles_backends
    assert (
        sys.modules["moto.customerprofiles.models"]
        is (sys.modules["moto_customerprofiles.customerprofiles.models"])
    )


def test_moto_get_backend_finds_our_backends():
    assert get_backend("customer-profiles") is customerprofiles_backends  # type: ignore[call-overload]


def test_the_backend_serves_only_the_regions_botocore_lists():
    account = next(iter(customerprofiles_backends), "123456789012")
    regions = set(customerprofiles_backends[account].regions)
    assert {"us-east-1", "eu-west-2"} <= regions
    assert "eu-west-1" not in regions


def test_the_pytest_plugin_does_not_import_moto():
    code = (
        "import sys, moto_customerprofiles_pytest; "
        "print(any(m == 'moto' or m.startswith('moto.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --- reset -----------------------------------------------------------------------------


def test_mock_aws_start_and_stop_reset_state():
    with mock_aws():
        client = boto3.client("customer-profiles", region_name=REGION)
        client.create_domain(DomainName="d", DefaultExpirationDays=30)
        assert len(client.list_domains()["Items"]) == 1
    with mock_aws():
        client = boto3.client("customer-profiles", region_name=REGION)
        assert client.list_domains()["Items"] == []


@pytest.mark.skipif(
    SERVER_MODE, reason="backends are read in-process in decorator mode"
)
def test_mock_aws_stop_clears_the_backend():
    with mock_aws():
        client = boto3.client("customer-profiles", region_name=REGION)
        client.create_domain(DomainName="d", DefaultExpirationDays=30)
        account = next(iter(customerprofiles_backends))
        assert "d" in customerprofiles_backends[account][REGION].domains
    assert customerprofiles_backends[account][REGION].domains == {}


# --- the server ------------------------------------------------------------------------


@pytest.fixture
def server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    # The server shares this process's backends: start from a clean state.
    requests.post(f"{url}/moto-api/reset", timeout=10)
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture
def server_client(server):
    return boto3.client(
        "customer-profiles",
        region_name=REGION,
        endpoint_url=server,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def test_threaded_moto_server_serves_the_service(server_client):
    server_client.create_domain(DomainName="d", DefaultExpirationDays=30)
    names = [item["DomainName"] for item in server_client.list_domains()["Items"]]
    assert names == ["d"]


def test_moto_api_reset_clears_the_service(server, server_client):
    server_client.create_domain(DomainName="d", DefaultExpirationDays=30)
    response = requests.post(f"{server}/moto-api/reset", timeout=10)
    assert response.status_code == 200
    assert server_client.list_domains()["Items"] == []


def test_server_errors_are_json(server_client):
    with pytest.raises(server_client.exceptions.ResourceNotFoundException) as exc:
        server_client.get_domain(DomainName="nope")
    assert exc.value.response["Error"]["Message"] == "Domain nope does not exist."
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


# --- the pytest plugin -----------------------------------------------------------------

PLUGIN_TEST = """

def test_fixtures(customerprofiles_client, customerprofiles_region):
    customerprofiles_client.create_domain(DomainName="d", DefaultExpirationDays=3)
    items = customerprofiles_client.list_domains()["Items"]
    assert [item["DomainName"] for item in items] == ["d"]
    assert customerprofiles_client.meta.region_name == customerprofiles_region


def test_state_does_not_leak_between_tests(customerprofiles_client):
    assert customerprofiles_client.list_domains()["Items"] == []
"""


def run_inner_pytest(pytester, *args, autoload=True):
    env_before = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    if autoload:
        os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
    else:
        os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        return pytester.runpytest("-p", "no:cacheprovider", *args)
    finally:
        if env_before is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = env_before


def test_plugin_fixtures_load_from_the_entry_point(pytester):
    pytester.makepyfile(PLUGIN_TEST)
    result = run_inner_pytest(pytester)
    result.assert_outcomes(passed=2)


def test_plugin_fixtures_load_with_dash_p(pytester):
    pytester.makepyfile(PLUGIN_TEST)
    result = run_inner_pytest(pytester, "-p", "moto_customerprofiles", autoload=False)
    result.assert_outcomes(passed=2)


def test_plugin_region_fixture_can_be_overridden(pytester):
    pytester.makeconftest(
        """
import pytest


@pytest.fixture
def customerprofiles_region():
    return "ap-southeast-2"
"""
    )
    pytester.makepyfile(
        """
def test_region(customerprofiles_client):
    assert customerprofiles_client.meta.region_name == "ap-southeast-2"
    customerprofiles_client.create_domain(DomainName="d", DefaultExpirationDays=3)
"""
    )
    result = run_inner_pytest(pytester)
    result.assert_outcomes(passed=1)


def test_plugin_region_is_us_east_1_whatever_the_shell_says(pytester, monkeypatch):
    monkeypatch.setenv(
        "AWS_DEFAULT_REGION", "eu-west-1"
    )  # not a Customer Profiles region
    pytester.makepyfile(
        """
def test_region(customerprofiles_region, customerprofiles_client):
    assert customerprofiles_region == "us-east-1"
    assert customerprofiles_client.list_domains()["Items"] == []
"""
    )
    result = run_inner_pytest(pytester)
    result.assert_outcomes(passed=1)


def test_plugin_hides_a_developers_aws_profile(pytester, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "a-profile-that-does-not-exist")
    pytester.makepyfile(
        """
import os

def test_client(customerprofiles_client):
    assert "AWS_PROFILE" not in os.environ
    assert customerprofiles_client.list_domains()["Items"] == []

def test_restored_after():
    assert os.environ["AWS_PROFILE"] == "a-profile-that-does-not-exist"
"""
    )
    result = run_inner_pytest(pytester)
    result.assert_outcomes(passed=2)


# --- what a new user is told -----------------------------------------------------------


def test_the_server_says_at_start_that_requests_must_be_signed(monkeypatch, capsys):
    import moto.server

    from moto_customerprofiles import server

    started = []
    monkeypatch.setattr(moto.server, "main", started.append)
    server.main(["-p", "5999"])
    assert started == [["-p", "5999"]]
    err = capsys.readouterr().err
    assert "serving Amazon Connect Customer Profiles" in err
    assert "Requests must be SigV4-signed (any credentials will do" in err
    assert (
        "an unsigned request (aws --no-sign-request, a bare curl) reaches moto's S3"
        in err
    )


@pytest.fixture
def version_warning_not_given(monkeypatch):
    from moto_customerprofiles import _registration

    monkeypatch.setattr(_registration, "_version_warned", [False])
    return _registration


@pytest.mark.parametrize("version", ["5.3.0", "5.1.9", "6.0.0.dev1", "unknown"])
def test_an_untested_moto_is_named_in_a_warning_once(
    version_warning_not_given, monkeypatch, version
):
    import moto

    registration = version_warning_not_given
    monkeypatch.setattr(moto, "__version__", version)
    with pytest.warns(registration.UntestedMotoVersionWarning) as caught:
        registration.check_moto_version()
    assert [str(w.message) for w in caught] == [
        f"moto-customerprofiles is tested with moto>=5.2,<5.3, but moto {version} is "
        "installed: Customer Profiles requests may fail. Install a tested release: "
        "pip install 'moto[server]>=5.2,<5.3'"
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        registration.check_moto_version()
        register()  # importing again says nothing more


@pytest.mark.parametrize("version", ["5.2.0", "5.2.6", "5.2.7.dev3"])
def test_a_tested_moto_gives_no_warning(
    version_warning_not_given, monkeypatch, version
):
    import moto

    monkeypatch.setattr(moto, "__version__", version)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        version_warning_not_given.check_moto_version()
