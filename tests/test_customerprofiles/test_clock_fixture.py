"""The ``customerprofiles_clock`` fixture moves the service's clock for the fixture
client, in decorator and server mode alike, and wins over ``freeze_time`` while set."""

from __future__ import annotations

from datetime import datetime, timezone

from freezegun import freeze_time

NEW_YEAR = datetime(2026, 1, 1, 10, tzinfo=timezone.utc)


def _created_at(client, name: str) -> datetime:
    client.create_domain(DomainName=name, DefaultExpirationDays=1)
    created: datetime = client.get_domain(DomainName=name)["CreatedAt"]
    return created


def test_the_clock_fixture_moves_the_fixture_client(
    customerprofiles_client, customerprofiles_clock
):
    customerprofiles_clock("2026-01-01T10:00:00Z")
    assert _created_at(customerprofiles_client, "d") == NEW_YEAR


def test_the_clock_fixture_takes_a_datetime(
    customerprofiles_client, customerprofiles_clock
):
    customerprofiles_clock(NEW_YEAR)
    assert _created_at(customerprofiles_client, "d") == NEW_YEAR


def test_the_clock_fixture_wins_over_freeze_time(
    customerprofiles_client, customerprofiles_clock
):
    customerprofiles_clock("2026-01-01T10:00:00Z")
    with freeze_time("2030-06-01T00:00:00Z"):
        assert _created_at(customerprofiles_client, "d") == NEW_YEAR


def test_freeze_time_moves_the_clock_again_once_the_fixture_hands_it_back(
    customerprofiles_client, customerprofiles_clock
):
    customerprofiles_clock("2026-01-01T10:00:00Z")
    customerprofiles_clock(None)
    with freeze_time("2030-06-01T00:00:00Z"):
        created = _created_at(customerprofiles_client, "d")
    assert created == datetime(2030, 6, 1, tzinfo=timezone.utc)


def test_freeze_time_moves_the_fixture_client_without_the_clock_fixture(
    customerprofiles_client,
):
    with freeze_time("2030-06-01T00:00:00Z"):
        created = _created_at(customerprofiles_client, "d")
    assert created == datetime(2030, 6, 1, tzinfo=timezone.utc)
