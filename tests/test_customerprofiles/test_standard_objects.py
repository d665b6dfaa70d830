"""Standard objects (``_asset`` ... ``_loyalty``, the travel and hospitality ones) and AWS's
travel and hospitality sample mappings, loaded unchanged from ``../shared``."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

DOMAIN = "travel"
# The CI has ../shared beside the clone: resolve it from the repository, not a fixed path.
SAMPLES = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "reference"
    / "samples"
    / "travel-hospitality"
)
needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"AWS's travel sample is not at {SAMPLES}"
)
NOW = datetime.now(timezone.utc)


def sample(vertical: str, name: str) -> dict:
    return json.loads((SAMPLES / vertical / "mappings" / f"{name}.json").read_text())


def day(days_ago: int) -> str:
    return (NOW - timedelta(days=days_ago)).strftime("%Y-%m-%d")


def put(client, type_name: str, **content) -> None:
    client.put_profile_object(
        DomainName=DOMAIN, ObjectTypeName=type_name, Object=json.dumps(content)
    )


def the_profile_id(client, loyalty_id: str = "L1") -> str:
    found = client.search_profiles(
        DomainName=DOMAIN, KeyName="LoyaltyId", Values=[loyalty_id]
    )["Items"]
    assert len(found) == 1
    return found[0]["ProfileId"]


def objects(client, type_name: str, loyalty_id: str = "L1") -> list[dict]:
    items = client.list_profile_objects(
        DomainName=DOMAIN,
        ObjectTypeName=type_name,
        ProfileId=the_profile_id(client, loyalty_id),
    )["Items"]
    return [json.loads(i["Object"]) for i in items]


@pytest.fixture
def travel(client):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    return DOMAIN


@pytest.fixture
def airline(client, travel):
    for name in ("Loyalty", "Booking", "Preferences"):
        client.put_profile_object_type(DomainName=DOMAIN, **sample("airlines", name))
    return DOMAIN


@pytest.fixture
def hotel(client, travel):
    for name in ("Loyalty", "Booking", "Preferences", "StayRevenue"):
        client.put_profile_object_type(DomainName=DOMAIN, **sample("hotels", name))
    return DOMAIN


AIR_LOYALTY = {
    "LoyaltyId": "L1",
    "FirstName": "Ana",
    "LastName": "Silva",
    "Gender": "female",
    "Email": "ana@example.com",
    "AccountStatus": "ACTIVE",
    "AccountType": "individual",
    "ProgramName": "Miles",
    "PointsBalance": "1200",
    "CurrentStatusLevelDescription": "Gold",
}


def booking(booking_id: str, segment_id: str, departure: str, price: str) -> dict:
    return {
        "LoyaltyId": "L1",
        "BookingId": booking_id,
        "PNR": f"PNR{booking_id}",
        "SegmentId": segment_id,
        "From": "LIS",
        "To": "JFK",
        "DepartureDate": departure,
        "Price": price,
        "SeatNbr": "12A",
    }


@needs_samples
def test_the_airline_sample_fills_loyalty_air_booking_and_air_segment(client, airline):
    put(client, "Loyalty", **AIR_LOYALTY)
    put(client, "Booking", **booking("B1", "S1", day(10), "250"))
    put(client, "Preferences", LoyaltyId="L1", PreferenceId="P1", SeatCode="W")
    assert objects(client, "_loyalty") == [
        {
            "MembershipId": "L1",
            "Status": "ACTIVE",
            "Group": "individual",
            "ProgramName": "Miles",
            "Tier": {"CurrentTier": "Gold"},
            "Points": {"Balance": "1200"},
        }
    ]
    assert objects(client, "_airBooking") == [
        {
            "Loyalty": {"MembershipId": "L1"},
            "Attributes": {"BookingId": "B1", "PNR": "PNRB1"},
            "Price": {"TotalPrice": "250"},
        }
    ]
    assert objects(client, "_airSegment") == [
        {
            "BookingRef": "PNRB1",
            "Attributes": {"SegmentId": "S1"},
            "Origin": "LIS",
            "Dest": "JFK",
            "Departure": {"Date": day(10)},
            "Seat": {"SeatNumber": "12A"},
        }
    ]
    assert objects(client, "_airPreference") == [
        {"Attributes": {"AirPreferenceId": "P1"}}
    ]


@needs_samples
def test_a_standard_object_is_identified_by_its_standard_identifier_key(
    client, airline
):
    put(client, "Booking", **booking("B1", "S1", day(10), "250"))
    put(client, "Booking", **{**booking("B1", "S1", day(10), "300")})
    put(client, "Booking", **booking("B2", "S2", day(20), "100"))
    prices = [o["Price"]["TotalPrice"] for o in objects(client, "_airBooking")]
    assert sorted(prices) == ["100", "300"]
    assert len(objects(client, "_airSegment")) == 2


@needs_samples
def test_objects_naming_one_segment_by_its_air_segment_key_fill_one_segment(
    client, airline
):
    """ "If an air segment is found, then the object is assigned to that air segment"
    (Standard identifiers): two bookings, one segment key."""
    put(client, "Booking", **booking("B1", "S1", day(10), "250"))
    put(client, "Booking", **{**booking("B2", "S1", day(10), "80"), "To": "BOS"})
    segments = objects(client, "_airSegment")
    assert len(segments) == 1
    assert segments[0]["Dest"] == "BOS"
    assert segments[0]["BookingRef"] == "PNRB2"
    assert len(objects(client, "_airBooking")) == 2


def define_seat_sales(client) -> None:
    """The sample maps no seat price: a type of the user's own fills _airSegment.Seat.Price."""
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName="SeatSale",
        Description="seat prices",
        Fields={
            "LoyaltyId": {"Source": "_source.LoyaltyId"},
            "SaleId": {"Source": "_source.SaleId"},
            "Price": {"Source": "_source.Price", "Target": "_airSegment.Seat.Price"},
            "On": {"Source": "_source.On", "Target": "_airSegment.Departure.Date"},
        },
        Keys={
            "LoyaltyId": [
                {"FieldNames": ["LoyaltyId"], "StandardIdentifiers": ["PROFILE"]}
            ],
            "SaleId": [{"FieldNames": ["SaleId"], "StandardIdentifiers": ["UNIQUE"]}],
        },
    )


def calculated_values(client) -> dict[str, str]:
    return {
        v["CalculatedAttributeName"]: v["Value"]
        for v in client.list_calculated_attributes_for_profile(
            DomainName=DOMAIN, ProfileId=the_profile_id(client)
        )["Items"]
    }


def define_sample_calculated_attributes(client) -> None:
    for name in ("CA_DayOfTravel", "CA_TotalDollarsSpentInAYear"):
        client.create_calculated_attribute_definition(
            DomainName=DOMAIN, **sample("airlines", name)
        )


@needs_samples
def test_the_airline_samples_calculated_attributes_are_computed(client, airline):
    define_sample_calculated_attributes(client)
    define_seat_sales(client)
    put(client, "Booking", **booking("B1", "S1", day(10), "250"))
    put(client, "Booking", **booking("B2", "S2", day(40), "100"))
    put(client, "SeatSale", LoyaltyId="L1", SaleId="x1", Price="100", On=day(10))
    put(client, "SeatSale", LoyaltyId="L1", SaleId="x2", Price="50.5", On=day(30))
    put(client, "SeatSale", LoyaltyId="L1", SaleId="x3", Price="999", On=day(400))
    values = calculated_values(client)
    # 100 + 50.5 within 366 days; 999 is older; the bookings' segments have no seat price
    assert values["TotalDollarsSpentInAYear"] == "150.5"
    # two bookings, each with a SegmentPNR
    assert values["DayOfTravel"] == "2"


@needs_samples
def test_the_hotel_sample_fills_its_standard_objects(client, hotel):
    put(client, "HotelLoyalty", **{**AIR_LOYALTY, "ProgramName": "Stays"})
    put(
        client,
        "HotelReservation",
        LoyaltyId="L1",
        ReservationId="R1",
        ConfirmationNumber="C1",
        HotelCode="H9",
        CheckInDate=day(3),
    )
    put(
        client,
        "HotelStayRevenue",
        GuestId="L1",
        StayRevenueId="V1",
        ReservationId="R1",
        RevenueAmount="99.90",
    )
    put(client, "HotelPreferences", LoyaltyId="L1", PreferenceId="P1", BedType="King")
    assert objects(client, "_loyalty")[0]["ProgramName"] == "Stays"
    reservation = objects(client, "_hotelReservation")
    assert len(reservation) == 1
    assert reservation[0]["HotelCode"] == "H9"
    assert reservation[0]["ConfirmationNumber"] == "C1"
    assert objects(client, "_hotelStayRevenue") == [
        {
            "Attributes": {"StayRevenueId": "V1"},
            "ReservationId": "R1",
            "GuestId": "L1",
            "Amount": "99.90",
        }
    ]
    assert objects(client, "_hotelPreference") == [
        {"Attributes": {"HotelPreferenceId": "P1"}, "Bedding": {"BedType": "King"}}
    ]


# --- Stats and search keys ----------------------------------------------------------------


@needs_samples
def test_standard_objects_are_counted_in_the_domains_stats(client, airline):
    put(client, "Loyalty", **AIR_LOYALTY)
    put(client, "Booking", **booking("B1", "S1", day(10), "250"))
    stats = client.get_domain(DomainName=DOMAIN)["Stats"]
    # Loyalty + _loyalty, Booking + _airBooking + _airSegment
    assert stats["ObjectCount"] == 5
    assert stats["TotalSize"] > 0


@needs_samples
def test_search_by_a_standard_objects_index_key_finds_its_profile(client, hotel):
    put(client, "HotelLoyalty", **AIR_LOYALTY)
    put(
        client,
        "HotelPreferences",
        LoyaltyId="L1",
        PreferenceId="P1",
        ReferenceId="REF7",
    )
    found = client.search_profiles(
        DomainName=DOMAIN, KeyName="_hotelReferenceId", Values=["REF7"]
    )["Items"]
    assert [p["ProfileId"] for p in found] == [the_profile_id(client)]


def test_search_by_asset_id_finds_the_assets_profile(client, travel):
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName="purchase",
        Description="purchases",
        AllowProfileCreation=True,
        Fields={
            "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
            "asset": {"Source": "_source.asset", "Target": "_asset.AssetId"},
        },
        Keys={"email": [{"FieldNames": ["email"], "StandardIdentifiers": ["PROFILE"]}]},
    )
    put(client, "purchase", email="a@example.com", asset="A-1")
    put(client, "purchase", email="b@example.com", asset="A-2")
    found = client.search_profiles(
        DomainName=DOMAIN, KeyName="_assetId", Values=["A-2"]
    )["Items"]
    assert [p["EmailAddress"] for p in found] == ["b@example.com"]


# --- a Kinesis source integration ---------------------------------------------------------


@pytest.fixture
def kinesis_source(client, airline):
    import boto3

    from .helpers import REGION

    kinesis = boto3.client("kinesis", region_name=REGION)
    kinesis.create_stream(StreamName="bookings", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="bookings")["StreamDescription"][
        "StreamARN"
    ]
    client.put_integration(DomainName=DOMAIN, Uri=arn, ObjectTypeName="Booking")
    return kinesis


@needs_samples
def test_records_put_on_a_kinesis_source_become_objects(client, kinesis_source):
    for b in (booking("B1", "S1", day(10), "250"), booking("B2", "S2", day(5), "80")):
        kinesis_source.put_record(
            StreamName="bookings", Data=json.dumps(b).encode(), PartitionKey="k"
        )
    kept = objects(client, "Booking")
    assert sorted(o["BookingId"] for o in kept) == ["B1", "B2"]
    assert len(objects(client, "_airBooking")) == 2


@needs_samples
def test_a_kinesis_record_is_ingested_once(client, kinesis_source):
    kinesis_source.put_records(
        StreamName="bookings",
        Records=[
            {"Data": json.dumps(booking("B1", "S1", day(1), "9")), "PartitionKey": "k"},
            {"Data": b"not json", "PartitionKey": "k"},
        ],
    )
    assert len(objects(client, "Booking")) == 1
    stats = client.get_domain(DomainName=DOMAIN)["Stats"]
    # Booking, _airBooking, _airSegment: read once, the bad record skipped
    assert stats["ObjectCount"] == 3
    assert client.get_domain(DomainName=DOMAIN)["Stats"]["ObjectCount"] == 3


@needs_samples
def test_the_airline_sample_end_to_end_with_bookings_through_kinesis(
    client, kinesis_source
):
    """The sample's mappings unchanged, loyalty through PutProfileObject, bookings through
    the Kinesis integration, seat prices through a type of the user's own: the profile,
    every standard object and both calculated attributes, computed by hand."""
    define_sample_calculated_attributes(client)
    define_seat_sales(client)
    put(client, "Loyalty", **AIR_LOYALTY)
    put(client, "Preferences", LoyaltyId="L1", PreferenceId="P1", SeatCode="W")
    kinesis_source.put_records(
        StreamName="bookings",
        Records=[
            {"Data": json.dumps(b).encode(), "PartitionKey": "k"}
            for b in (
                booking("B1", "S1", day(10), "250"),
                booking("B2", "S2", day(40), "100"),
            )
        ],
    )
    put(client, "SeatSale", LoyaltyId="L1", SaleId="x1", Price="20", On=day(3))
    put(client, "SeatSale", LoyaltyId="L1", SaleId="x2", Price="400", On=day(500))
    [profile] = client.search_profiles(
        DomainName=DOMAIN, KeyName="LoyaltyId", Values=["L1"]
    )["Items"]
    assert (profile["FirstName"], profile["LastName"]) == ("Ana", "Silva")
    assert profile["EmailAddress"] == "ana@example.com"
    assert len(objects(client, "_loyalty")) == 1
    assert sorted(
        o["Attributes"]["BookingId"] for o in objects(client, "_airBooking")
    ) == [
        "B1",
        "B2",
    ]
    # S1, S2 from the bookings; x1, x2 from the seat sales
    assert len(objects(client, "_airSegment")) == 4
    assert objects(client, "_airPreference") == [
        {"Attributes": {"AirPreferenceId": "P1"}}
    ]
    values = calculated_values(client)
    assert values["TotalDollarsSpentInAYear"] == "20"  # 400 is older than a year
    assert values["DayOfTravel"] == "2"
