"""The segment stream, segment subscriptions and their membership events."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import boto3
import pytest
import requests
from botocore.exceptions import ClientError

from .helpers import ACCOUNT_ID, REGION, client_error, first_name_segment, transition

ROLE = f"arn:aws:iam::{ACCOUNT_ID}:role/segment-events"
ROUTE = "/moto-api/customerprofiles/segment-members"
T0 = datetime(2026, 3, 1, 9, 0, 0)
FIELDS = {
    "id": {"Source": "_source.id"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "name": {"Source": "_source.name", "Target": "_profile.FirstName"},
    "amount": {"Source": "_source.amount"},
}
KEYS = {
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}
RECORD_MEMBERS = {
    "AccountId",
    "DomainName",
    "SegmentDefinitionName",
    "SegmentType",
    "ProfileId",
    "OperationType",
    "MembershipCalculatedAt",
    "PreviousMembershipChangedAt",
    "EventType",
}


@pytest.fixture
def kinesis(client):
    return boto3.client("kinesis", region_name=REGION)


@pytest.fixture
def stream_arn(kinesis):
    kinesis.create_stream(StreamName="members", ShardCount=1)
    return kinesis.describe_stream(StreamName="members")["StreamDescription"][
        "StreamARN"
    ]


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="anns",
        DisplayName="Anns",
        SegmentGroups=first_name_segment("Ann"),
    )
    return "d"


@pytest.fixture
def associated(client, domain, stream_arn):
    client.associate_stream_for_segments(
        DomainName="d", DestinationArn=stream_arn, DestinationRoleArn=ROLE
    )
    return stream_arn


@pytest.fixture
def subscribed(client, associated):
    client.put_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    return "anns"


@pytest.fixture
def manual():
    model = "customerprofiles::segment_subscription"
    with transition(model):
        yield


def put(client, **content):
    return client.put_profile_object(
        DomainName="d", ObjectTypeName="Order", Object=json.dumps(content)
    )


def profile_of(client, email):
    found = client.search_profiles(DomainName="d", KeyName="_email", Values=[email])
    return found["Items"][0]["ProfileId"]


def records(kinesis):
    shard = kinesis.describe_stream(StreamName="members")["StreamDescription"][
        "Shards"
    ][0]["ShardId"]
    iterator = kinesis.get_shard_iterator(
        StreamName="members", ShardId=shard, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    found = kinesis.get_records(ShardIterator=iterator)["Records"]
    return [json.loads(r["Data"]) for r in found]


def events(client, name="anns", **kwargs):
    return client.list_segment_subscription_events(
        DomainName="d", SegmentDefinitionName=name, **kwargs
    )["Events"]


def changes(client, name="anns"):
    return [(e["ProfileId"], e["Event"], e["EventType"]) for e in events(client, name)]


def streamed(kinesis):
    return [
        (r["ProfileId"], r["OperationType"], r["EventType"]) for r in records(kinesis)
    ]


def without_metadata(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def assert_error(exc, code, message):
    status = 404 if code == "ResourceNotFoundException" else 400
    assert client_error(exc) == (code, message, status)


def utc(moment):
    return moment.replace(tzinfo=timezone.utc)


# --- the "done when" ------------------------------------------------------------


def test_a_profile_entering_and_leaving_is_read_from_kinesis_and_the_list(
    client, kinesis, subscribed
):
    put(client, id="1", email="ann@example.com", name="Ann")  # enters
    profile_id = profile_of(client, "ann@example.com")
    client.update_profile(DomainName="d", ProfileId=profile_id, FirstName="Annie")
    client.update_profile(DomainName="d", ProfileId=profile_id, FirstName="Ann")
    put(client, id="2", email="ann@example.com", name="Bob")  # leaves
    expected = [
        (profile_id, "JOINED", "LIVE"),
        (profile_id, "LEFT", "LIVE"),
        (profile_id, "JOINED", "LIVE"),
        (profile_id, "LEFT", "LIVE"),
    ]
    assert streamed(kinesis) == expected
    assert changes(client) == expected


def test_the_kinesis_record_has_the_published_format(client, kinesis, subscribed):
    put(client, id="1", email="ann@example.com", name="Ann")
    profile_id = profile_of(client, "ann@example.com")
    client.update_profile(DomainName="d", ProfileId=profile_id, FirstName="Bob")
    joined, left = records(kinesis)
    assert set(joined) == RECORD_MEMBERS
    assert {k: v for k, v in joined.items() if "At" not in k} == {
        "AccountId": ACCOUNT_ID,
        "DomainName": "d",
        "SegmentDefinitionName": "anns",
        "SegmentType": "CLASSIC",
        "ProfileId": profile_id,
        "OperationType": "JOINED",
        "EventType": "LIVE",
    }
    assert isinstance(joined["MembershipCalculatedAt"], int)
    assert left["PreviousMembershipChangedAt"] == joined["MembershipCalculatedAt"]
    listed = events(client)
    assert int(listed[1]["UpdatedAt"].timestamp()) == left["MembershipCalculatedAt"]


def test_times_are_epoch_seconds_of_the_service_clock(
    client, kinesis, subscribed, customerprofiles_clock
):
    customerprofiles_clock(T0)
    client.create_profile(DomainName="d", FirstName="Ann")
    (record,) = records(kinesis)
    assert record["MembershipCalculatedAt"] == int(utc(T0).timestamp())
    assert events(client)[0]["UpdatedAt"] == utc(T0)


def test_previous_change_is_the_initial_snapshot_before_any_change(
    client, kinesis, associated, customerprofiles_clock
):
    customerprofiles_clock(T0)
    client.put_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    customerprofiles_clock(T0 + timedelta(minutes=5))
    client.create_profile(DomainName="d", FirstName="Ann")
    (record,) = records(kinesis)
    assert record["PreviousMembershipChangedAt"] == int(utc(T0).timestamp())


# --- which changes make events ----------------------------------------------------------


def test_members_before_the_subscription_produce_no_events(client, kinesis, associated):
    client.create_profile(DomainName="d", FirstName="Ann")
    client.put_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    assert records(kinesis) == []
    assert events(client) == []


def test_an_existing_member_leaving_is_an_event(client, kinesis, associated):
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    client.put_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    client.update_profile(DomainName="d", ProfileId=profile_id, FirstName="Bob")
    assert changes(client) == [(profile_id, "LEFT", "LIVE")]


def test_a_change_that_keeps_membership_is_no_event(client, kinesis, subscribed):
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    client.update_profile(DomainName="d", ProfileId=profile_id, LastName="Lee")
    assert changes(client) == [(profile_id, "JOINED", "LIVE")]


def test_deleting_a_member_is_a_left_event(client, kinesis, subscribed):
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    client.delete_profile(DomainName="d", ProfileId=profile_id)
    assert streamed(kinesis) == [
        (profile_id, "JOINED", "LIVE"),
        (profile_id, "LEFT", "LIVE"),
    ]


def test_a_merge_moves_membership_to_the_main_profile(client, subscribed):
    duplicate = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    main = client.create_profile(DomainName="d", LastName="Lee")["ProfileId"]
    client.merge_profiles(
        DomainName="d",
        MainProfileId=main,
        ProfileIdsToBeMerged=[duplicate],
    )
    assert changes(client) == [
        (duplicate, "JOINED", "LIVE"),
        (duplicate, "LEFT", "LIVE"),
        (main, "JOINED", "LIVE"),
    ]


def test_deleting_an_object_can_make_a_profile_leave(client, associated):
    client.create_calculated_attribute_definition(
        DomainName="d",
        CalculatedAttributeName="spent",
        AttributeDetails={
            "Attributes": [{"Name": "Order.amount"}],
            "Expression": "{Order.amount}",
        },
        Statistic="SUM",
    )
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="big",
        DisplayName="Big spenders",
        SegmentGroups={
            "Groups": [
                {
                    "Dimensions": [
                        {
                            "CalculatedAttributes": {
                                "spent": {
                                    "DimensionType": "GREATER_THAN",
                                    "Values": ["100"],
                                }
                            }
                        }
                    ]
                }
            ]
        },
    )
    client.put_segment_subscription(DomainName="d", SegmentDefinitionName="big")
    put(client, id="1", email="ann@example.com", amount=60)
    key = put(client, id="2", email="ann@example.com", amount=60)
    profile_id = profile_of(client, "ann@example.com")
    assert changes(client, "big") == [(profile_id, "JOINED", "LIVE")]
    client.delete_profile_object(
        DomainName="d",
        ProfileId=profile_id,
        ObjectTypeName="Order",
        ProfileObjectUniqueKey=key["ProfileObjectUniqueKey"],
    )
    assert changes(client, "big")[1:] == [(profile_id, "LEFT", "LIVE")]


def test_every_subscribed_segment_gets_its_own_events(client, associated):
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="bobs",
        DisplayName="Bobs",
        SegmentGroups=first_name_segment("Bob"),
    )
    for name in ("anns", "bobs"):
        client.put_segment_subscription(DomainName="d", SegmentDefinitionName=name)
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    client.update_profile(DomainName="d", ProfileId=profile_id, FirstName="Bob")
    assert changes(client, "anns") == [
        (profile_id, "JOINED", "LIVE"),
        (profile_id, "LEFT", "LIVE"),
    ]
    assert changes(client, "bobs") == [(profile_id, "JOINED", "LIVE")]


def test_an_unsubscribed_segment_makes_no_events(client, kinesis, associated):
    client.create_profile(DomainName="d", FirstName="Ann")
    assert records(kinesis) == []


def test_events_page_through_max_results(client, subscribed):
    ids = [
        client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
        for _ in range(3)
    ]
    seen, token = [], None
    while True:
        extra = {"NextToken": token} if token else {}
        page = client.list_segment_subscription_events(
            DomainName="d", SegmentDefinitionName="anns", MaxResults=2, **extra
        )
        assert len(page["Events"]) <= 2
        seen += [e["ProfileId"] for e in page["Events"]]
        token = page.get("NextToken")
        if token is None:
            break
    assert seen == ids


# --- scheduled runs and SQL segments ----------------------------------------------------


def test_a_scheduled_run_reports_time_driven_changes(
    client, associated, customerprofiles_clock
):
    customerprofiles_clock(T0)
    client.create_calculated_attribute_definition(
        DomainName="d",
        CalculatedAttributeName="recent",
        AttributeDetails={
            "Attributes": [{"Name": "Order.amount"}],
            "Expression": "{Order.amount}",
        },
        Conditions={"Range": {"Value": 1, "Unit": "DAYS"}},
        Statistic="COUNT",
        UseHistoricalData=True,
    )
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="active",
        DisplayName="Active",
        SegmentGroups={
            "Groups": [
                {
                    "Dimensions": [
                        {
                            "CalculatedAttributes": {
                                "recent": {
                                    "DimensionType": "GREATER_THAN",
                                    "Values": ["0"],
                                }
                            }
                        }
                    ]
                }
            ]
        },
    )
    client.put_segment_subscription(
        DomainName="d",
        SegmentDefinitionName="active",
        ScheduleConfiguration={"Interval": 6},
    )
    put(client, id="1", email="ann@example.com", amount=5)
    profile_id = profile_of(client, "ann@example.com")
    assert changes(client, "active") == [(profile_id, "JOINED", "LIVE")]
    customerprofiles_clock(T0 + timedelta(days=2))
    assert changes(client, "active")[1:] == [(profile_id, "LEFT", "SCHEDULE")]
    got = client.get_segment_subscription(
        DomainName="d", SegmentDefinitionName="active"
    )
    # one run for the eight intervals that passed, on the schedule's slots
    assert got["ScheduledExecutions"] == {
        "LastExecutedAt": utc(T0 + timedelta(days=2)),
        "NextExecutedAt": utc(T0 + timedelta(days=2, hours=6)),
    }


def sql_segment(client, name="sql"):
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName=name,
        DisplayName="SQL",
        SegmentSqlQuery="SELECT profile_id FROM profiles WHERE tier = 'gold'",
    )


def set_members(moto_api, profile_ids, name="sql"):
    body = {"DomainName": "d", "SegmentDefinitionName": name, "ProfileIds": profile_ids}
    return requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)


def test_sql_segments_get_schedule_events_only(
    client, kinesis, associated, moto_api, customerprofiles_clock
):
    customerprofiles_clock(T0)
    sql_segment(client)
    client.put_segment_subscription(
        DomainName="d",
        SegmentDefinitionName="sql",
        ScheduleConfiguration={"Interval": 1, "Unit": "HOURLY"},
    )
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    assert set_members(moto_api, [profile_id]).status_code == 200
    client.update_profile(DomainName="d", ProfileId=profile_id, LastName="Lee")
    assert events(client, "sql") == []
    customerprofiles_clock(T0 + timedelta(hours=1))
    assert changes(client, "sql") == [(profile_id, "JOINED", "SCHEDULE")]
    (record,) = records(kinesis)
    assert (record["SegmentType"], record["EventType"]) == ("ENHANCED", "SCHEDULE")


def test_setting_members_of_a_classic_segment_is_refused(client, domain, moto_api):
    response = set_members(moto_api, [], name="anns")
    assert response.status_code == 400
    assert response.json() == {
        "__type": "BadRequestException",
        "Message": "Segment definition anns has no SegmentSqlQuery: the mock "
        "evaluates its SegmentGroups",
    }


def test_setting_members_of_a_missing_segment_is_refused(client, domain, moto_api):
    response = set_members(moto_api, [], name="nope")
    assert response.status_code == 400
    assert response.json()["Message"] == "No segment definition nope in domain d"


def test_sql_members_answer_get_segment_membership(client, domain, moto_api):
    sql_segment(client)
    ann = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    bob = client.create_profile(DomainName="d", FirstName="Bob")["ProfileId"]
    set_members(moto_api, [ann])
    got = client.get_segment_membership(
        DomainName="d", SegmentDefinitionName="sql", ProfileIds=[ann, bob]
    )
    assert [(p["ProfileId"], p["QueryResult"]) for p in got["Profiles"]] == [
        (ann, "PRESENT"),
        (bob, "ABSENT"),
    ]


def test_a_sql_segment_is_stored_byte_for_byte_as_enhanced(client, domain):
    query = "SELECT p.profile_id\n  FROM profiles p -- ünïcode\tWHERE x = 'a''b'"
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="sql",
        DisplayName="SQL",
        SegmentSqlQuery=query,
    )
    got = client.get_segment_definition(DomainName="d", SegmentDefinitionName="sql")
    assert (got["SegmentSqlQuery"], got["SegmentType"]) == (query, "ENHANCED")
    listed = client.list_segment_definitions(DomainName="d")["Items"]
    assert [i["SegmentType"] for i in listed] == ["CLASSIC", "ENHANCED"]


# --- PutSegmentSubscription / GetSegmentSubscription ------------------------------------


def test_put_returns_status_schedule_and_start(
    client, associated, customerprofiles_clock
):
    customerprofiles_clock(T0)
    response = client.put_segment_subscription(
        DomainName="d", SegmentDefinitionName="anns"
    )
    assert without_metadata(response) == {
        "Status": "RUNNING",
        "ScheduleConfiguration": {"Interval": 24, "Unit": "HOURLY"},
        "StartedAt": utc(T0),
    }


def test_get_returns_every_member(client, associated, customerprofiles_clock):
    customerprofiles_clock(T0)
    client.put_segment_subscription(
        DomainName="d",
        SegmentDefinitionName="anns",
        ScheduleConfiguration={"Interval": 3},
    )
    got = client.get_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    assert without_metadata(got) == {
        "Status": "RUNNING",
        "ScheduleConfiguration": {"Interval": 3, "Unit": "HOURLY"},
        "ScheduledExecutions": {
            "LastExecutedAt": utc(T0),
            "NextExecutedAt": utc(T0 + timedelta(hours=3)),
        },
        "StartedAt": utc(T0),
        "LastUpdatedAt": utc(T0),
    }


def test_a_re_put_keeps_started_at_and_moves_last_updated_at(
    client, associated, customerprofiles_clock
):
    customerprofiles_clock(T0)
    client.put_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    customerprofiles_clock(T0 + timedelta(minutes=10))
    response = client.put_segment_subscription(
        DomainName="d",
        SegmentDefinitionName="anns",
        ScheduleConfiguration={"Interval": 2},
    )
    assert response["StartedAt"] == utc(T0)
    got = client.get_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    assert got["LastUpdatedAt"] == utc(T0 + timedelta(minutes=10))
    assert got["ScheduleConfiguration"] == {"Interval": 2, "Unit": "HOURLY"}


def test_a_re_put_without_a_schedule_keeps_it(client, associated):
    client.put_segment_subscription(
        DomainName="d",
        SegmentDefinitionName="anns",
        ScheduleConfiguration={"Interval": 5},
    )
    response = client.put_segment_subscription(
        DomainName="d", SegmentDefinitionName="anns"
    )
    assert response["ScheduleConfiguration"] == {"Interval": 5, "Unit": "HOURLY"}


def test_starting_during_the_initial_snapshot_then_running(
    client, kinesis, associated, manual
):
    response = client.put_segment_subscription(
        DomainName="d", SegmentDefinitionName="anns"
    )
    assert response["Status"] == "STARTING"
    client.create_profile(DomainName="d", FirstName="Ann")  # taken into the snapshot
    got = client.get_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    assert got["Status"] == "RUNNING"
    assert records(kinesis) == []
    assert events(client) == []


def test_the_eleventh_subscription_is_refused(client, associated):
    for n in range(10):
        name = f"s{n}"
        client.create_segment_definition(
            DomainName="d",
            SegmentDefinitionName=name,
            DisplayName=name,
            SegmentGroups=first_name_segment(name),
        )
        client.put_segment_subscription(DomainName="d", SegmentDefinitionName=name)
    with pytest.raises(ClientError) as exc:
        client.put_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    assert_error(
        exc,
        "BadRequestException",
        "Exceeded the quota of segment subscriptions per domain (10)",
    )
    # a re-put of an existing one is an update, not an eleventh
    client.put_segment_subscription(DomainName="d", SegmentDefinitionName="s0")


def test_a_subscription_needs_the_stream(client, domain):
    with pytest.raises(ClientError) as exc:
        client.put_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    assert_error(
        exc,
        "BadRequestException",
        "Domain d has no segment stream: associate one with AssociateStreamForSegments "
        "before subscribing to membership events",
    )


def test_a_subscription_needs_the_segment(client, associated):
    with pytest.raises(ClientError) as exc:
        client.put_segment_subscription(DomainName="d", SegmentDefinitionName="nope")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Segment definition nope does not exist in domain d.",
    )


@pytest.mark.parametrize(
    "operation", ["get_segment_subscription", "list_segment_subscription_events"]
)
def test_reading_a_missing_subscription_is_not_found(client, associated, operation):
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(DomainName="d", SegmentDefinitionName="anns")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Segment subscription anns does not exist in domain d.",
    )


# --- DeleteSegmentSubscription ----------------------------------------------------------


def test_delete_stops_the_events(client, kinesis, subscribed):
    response = client.delete_segment_subscription(
        DomainName="d", SegmentDefinitionName="anns"
    )
    assert response["Message"] == "Segment subscription for anns was deleted."
    client.create_profile(DomainName="d", FirstName="Ann")
    assert records(kinesis) == []
    with pytest.raises(ClientError) as exc:
        client.get_segment_subscription(DomainName="d", SegmentDefinitionName="anns")
    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_deleting_a_missing_subscription_succeeds(client, associated):
    response = client.delete_segment_subscription(
        DomainName="d", SegmentDefinitionName="anns"
    )
    assert response["Message"] == "Segment subscription for anns was deleted."


def test_deleting_the_segment_deletes_its_subscription(client, subscribed):
    client.delete_segment_definition(DomainName="d", SegmentDefinitionName="anns")
    got = client.get_stream_for_segments(DomainName="d")
    assert got["AssociatedSegments"] == []


# --- the segment stream -----------------------------------------------------------------


def test_get_stream_returns_every_member(
    client, associated, customerprofiles_clock, subscribed
):
    got = client.get_stream_for_segments(DomainName="d")
    assert set(got) - {"ResponseMetadata"} == {
        "AssociatedAt",
        "AssociatedSegments",
        "DomainName",
        "DestinationArn",
        "DestinationRoleArn",
        "State",
    }
    assert got["DomainName"] == "d"
    assert got["DestinationArn"] == associated
    assert got["DestinationRoleArn"] == ROLE
    assert got["State"] == "RUNNING"
    assert got["AssociatedSegments"] == [{"SegmentName": "anns", "Status": "RUNNING"}]


def test_associate_returns_nothing(client, domain, stream_arn):
    response = client.associate_stream_for_segments(
        DomainName="d", DestinationArn=stream_arn, DestinationRoleArn=ROLE
    )
    assert without_metadata(response) == {}


def test_a_missing_kinesis_stream_is_unhealthy(client, domain):
    arn = f"arn:aws:kinesis:{REGION}:{ACCOUNT_ID}:stream/gone"
    client.associate_stream_for_segments(
        DomainName="d", DestinationArn=arn, DestinationRoleArn=ROLE
    )
    got = client.get_stream_for_segments(DomainName="d")
    assert got["State"] == "UNHEALTHY"
    assert got["FailureReason"] == f"The Kinesis stream {arn} does not exist."


def test_get_stream_before_any_association_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_stream_for_segments(DomainName="d")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "No segment stream is associated with domain d.",
    )


def test_a_second_stream_is_refused(client, associated):
    other = f"arn:aws:kinesis:{REGION}:{ACCOUNT_ID}:stream/other"
    with pytest.raises(ClientError) as exc:
        client.associate_stream_for_segments(
            DomainName="d", DestinationArn=other, DestinationRoleArn=ROLE
        )
    assert_error(
        exc,
        "BadRequestException",
        f"Domain d already has an associated segment stream: {associated}",
    )


def test_associating_the_same_stream_again_updates_the_role(
    client, associated, customerprofiles_clock
):
    before = client.get_stream_for_segments(DomainName="d")["AssociatedAt"]
    customerprofiles_clock(datetime.now(timezone.utc) + timedelta(hours=1))
    role = f"arn:aws:iam::{ACCOUNT_ID}:role/other"
    client.associate_stream_for_segments(
        DomainName="d", DestinationArn=associated, DestinationRoleArn=role
    )
    got = client.get_stream_for_segments(DomainName="d")
    assert (got["DestinationRoleArn"], got["AssociatedAt"]) == (role, before)


def test_disassociate_stops_the_stream_and_its_subscriptions(
    client, kinesis, subscribed, customerprofiles_clock
):
    customerprofiles_clock(T0)
    response = client.disassociate_stream_for_segments(DomainName="d")
    assert response["Message"] == "The segment stream was disassociated from domain d."
    got = client.get_stream_for_segments(DomainName="d")
    assert (got["State"], got["DisassociatedAt"]) == ("STOPPED", utc(T0))
    message = "The segment stream was disassociated from the domain"
    assert got["AssociatedSegments"] == [
        {"SegmentName": "anns", "Status": "STOPPED", "Message": message}
    ]
    subscription = client.get_segment_subscription(
        DomainName="d", SegmentDefinitionName="anns"
    )
    assert (subscription["Status"], subscription["Message"]) == ("STOPPED", message)
    client.create_profile(DomainName="d", FirstName="Ann")
    assert records(kinesis) == []
    assert events(client) == []


def test_a_re_put_after_a_new_association_restarts(client, kinesis, subscribed):
    stream_arn = client.get_stream_for_segments(DomainName="d")["DestinationArn"]
    client.disassociate_stream_for_segments(DomainName="d")
    client.associate_stream_for_segments(
        DomainName="d", DestinationArn=stream_arn, DestinationRoleArn=ROLE
    )
    response = client.put_segment_subscription(
        DomainName="d", SegmentDefinitionName="anns"
    )
    assert response["Status"] == "RUNNING"
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    assert streamed(kinesis) == [(profile_id, "JOINED", "LIVE")]


def test_disassociating_with_no_stream_succeeds(client, domain):
    response = client.disassociate_stream_for_segments(DomainName="d")
    assert response["Message"] == "The segment stream was disassociated from domain d."


def test_set_segment_members_is_exported_and_refuses_a_missing_domain(client, domain):
    import moto_customerprofiles

    with pytest.raises(ValueError) as exc:
        moto_customerprofiles.set_segment_members("nope", "sql", [])
    assert str(exc.value) == (
        "Domain nope exists in no account and region: give account_id and region_name"
    )


def test_deleting_an_object_type_makes_its_profiles_leave(client, subscribed):
    put(client, id="1", email="ann@example.com", name="Ann")
    profile_id = profile_of(client, "ann@example.com")
    client.delete_profile_object_type(DomainName="d", ObjectTypeName="Order")
    assert changes(client) == [
        (profile_id, "JOINED", "LIVE"),
        (profile_id, "LEFT", "LIVE"),  # FirstName came from the type: scrubbed
    ]


def test_batch_put_profile_object_is_a_way_in(client, subscribed):
    client.batch_put_profile_object(
        DomainName="d",
        ObjectTypeName="Order",
        Items=[
            {
                "Id": "1",
                "Object": json.dumps({"id": "1", "email": "a@x.org", "name": "Ann"}),
            }
        ],
    )
    profile_id = profile_of(client, "a@x.org")
    assert changes(client) == [(profile_id, "JOINED", "LIVE")]
