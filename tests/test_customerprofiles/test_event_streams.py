import json
import re
import time
from datetime import datetime, timezone

import boto3
import pytest
from botocore.exceptions import ClientError

from .helpers import ACCOUNT_ID, REGION, client_error

EVENT_STREAM_ARN = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/d/event-streams/es"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
RECORD_MEMBERS = {
    "SchemaVersion",
    "EventId",
    "EventTimestamp",
    "EventType",
    "DomainName",
    "ObjectTypeName",
    "Object",
    "IsMessageRealTime",
}
FIELDS = {
    "orderId": {"Source": "_source.orderId", "Target": "_order.orderId"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "name": {"Source": "_source.name", "Target": "_profile.FirstName"},
}
KEYS = {
    "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}],
    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


def create_stream(kinesis, name="s"):
    kinesis.create_stream(StreamName=name, ShardCount=1)
    return kinesis.describe_stream(StreamName=name)["StreamDescription"]["StreamARN"]


def records(kinesis, name="s"):
    """Every record on the stream's single shard, decoded."""
    shard_id = kinesis.describe_stream(StreamName=name)["StreamDescription"]["Shards"][
        0
    ]["ShardId"]
    iterator = kinesis.get_shard_iterator(
        StreamName=name, ShardId=shard_id, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    found = kinesis.get_records(ShardIterator=iterator)["Records"]
    return [json.loads(record["Data"]) for record in found]


def streamed(client, kinesis):
    """A Kinesis stream s with the domain's event stream es on it."""
    arn = create_stream(kinesis)
    client.create_event_stream(DomainName="d", EventStreamName="es", Uri=arn)
    return arn


def put_object_type(client, **kwargs):
    kwargs.setdefault("AllowProfileCreation", True)
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="order",
        Description="orders",
        Fields=FIELDS,
        Keys=KEYS,
        **kwargs,
    )


def put(client, content):
    return client.put_profile_object(
        DomainName="d", ObjectTypeName="order", Object=json.dumps(content)
    )["ProfileObjectUniqueKey"]


def assert_bad_request(exc, message):
    assert client_error(exc) == ("BadRequestException", message, 400)


def assert_not_found(exc, message):
    assert client_error(exc) == ("ResourceNotFoundException", message, 404)


# --- CreateEventStream -----------------------------------------------------------------


def test_create_event_stream_returns_its_arn(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = create_stream(kinesis)
    response = client.create_event_stream(DomainName="d", EventStreamName="es", Uri=arn)
    assert response["EventStreamArn"] == EVENT_STREAM_ARN
    assert response["Tags"] == {}


def test_create_event_stream_returns_its_tags(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = create_stream(kinesis)
    response = client.create_event_stream(
        DomainName="d", EventStreamName="es", Uri=arn, Tags={"team": "a"}
    )
    assert response["Tags"] == {"team": "a"}


def test_create_event_stream_to_a_stream_in_another_region_is_refused(client, domain):
    kinesis = boto3.client("kinesis", region_name="us-east-1")
    uri = create_stream(kinesis)
    with pytest.raises(ClientError) as exc:
        client.create_event_stream(DomainName="d", EventStreamName="es", Uri=uri)
    assert_bad_request(
        exc,
        f"The Kinesis stream {uri} must be in the same account and region as the domain",
    )


def test_create_event_stream_to_a_stream_in_another_account_is_refused(client, domain):
    uri = f"arn:aws:kinesis:{REGION}:111122223333:stream/s"
    with pytest.raises(ClientError) as exc:
        client.create_event_stream(DomainName="d", EventStreamName="es", Uri=uri)
    assert_bad_request(
        exc,
        f"The Kinesis stream {uri} must be in the same account and region as the domain",
    )


def test_create_event_stream_to_a_non_kinesis_uri_is_refused(client, domain):
    uri = f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:queue"
    with pytest.raises(ClientError) as exc:
        client.create_event_stream(DomainName="d", EventStreamName="es", Uri=uri)
    assert_bad_request(exc, f"Uri {uri} is not the ARN of a Kinesis data stream")


def test_create_a_second_event_stream_in_a_domain_is_refused(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    other = create_stream(kinesis, "s2")
    with pytest.raises(ClientError) as exc:
        client.create_event_stream(DomainName="d", EventStreamName="es2", Uri=other)
    assert_bad_request(
        exc,
        "The Customer Profiles Domain: d is already associated with an active EventStream",
    )


def test_create_event_stream_in_an_unknown_domain_is_not_found(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = create_stream(kinesis)
    with pytest.raises(ClientError) as exc:
        client.create_event_stream(DomainName="other", EventStreamName="es", Uri=arn)
    assert_not_found(exc, "Domain other does not exist.")


def test_event_streams_of_two_domains_can_share_a_kinesis_stream(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = streamed(client, kinesis)
    client.create_domain(DomainName="d2", DefaultExpirationDays=30)
    client.create_event_stream(DomainName="d2", EventStreamName="es", Uri=arn)
    client.create_profile(DomainName="d2", FirstName="Jane")
    assert [r["DomainName"] for r in records(kinesis)] == ["d2"]


# --- GetEventStream --------------------------------------------------------------------


def test_get_event_stream_returns_it_running_and_healthy(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = streamed(client, kinesis)
    response = client.get_event_stream(DomainName="d", EventStreamName="es")
    assert response["DomainName"] == "d"
    assert response["EventStreamArn"] == EVENT_STREAM_ARN
    assert isinstance(response["CreatedAt"], datetime)
    assert response["State"] == "RUNNING"
    assert "StoppedSince" not in response
    assert response["DestinationDetails"] == {"Uri": arn, "Status": "HEALTHY"}
    assert response["Tags"] == {}


def test_get_event_stream_after_its_kinesis_stream_is_deleted_is_unhealthy(
    client, domain
):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = streamed(client, kinesis)
    before = datetime.now(timezone.utc)
    kinesis.delete_stream(StreamName="s")
    details = client.get_event_stream(DomainName="d", EventStreamName="es")[
        "DestinationDetails"
    ]
    assert details["Uri"] == arn
    assert details["Status"] == "UNHEALTHY"
    assert isinstance(details["UnhealthySince"], datetime)
    assert details["UnhealthySince"].timestamp() >= before.timestamp() - 1
    assert details["Message"] == f"The Kinesis stream {arn} does not exist."


def test_get_event_stream_unhealthy_since_stays_the_same(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    kinesis.delete_stream(StreamName="s")
    first = client.get_event_stream(DomainName="d", EventStreamName="es")
    time.sleep(0.01)
    second = client.get_event_stream(DomainName="d", EventStreamName="es")
    assert (
        first["DestinationDetails"]["UnhealthySince"]
        == second["DestinationDetails"]["UnhealthySince"]
    )


def test_get_event_stream_unknown_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_event_stream(DomainName="d", EventStreamName="nope")
    assert_not_found(exc, "Event stream nope does not exist in domain d.")


# --- ListEventStreams ------------------------------------------------------------------


def test_list_event_streams_returns_summaries(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = create_stream(kinesis)
    client.create_event_stream(
        DomainName="d", EventStreamName="es", Uri=arn, Tags={"team": "a"}
    )
    assert client.list_event_streams(DomainName="d")["Items"] == [
        {
            "DomainName": "d",
            "EventStreamName": "es",
            "EventStreamArn": EVENT_STREAM_ARN,
            "State": "RUNNING",
            "DestinationSummary": {"Uri": arn, "Status": "HEALTHY"},
            "Tags": {"team": "a"},
        }
    ]


def test_list_event_streams_shows_an_unhealthy_destination(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    kinesis.delete_stream(StreamName="s")
    [item] = client.list_event_streams(DomainName="d")["Items"]
    assert item["DestinationSummary"]["Status"] == "UNHEALTHY"
    assert isinstance(item["DestinationSummary"]["UnhealthySince"], datetime)


def test_list_event_streams_of_an_empty_domain_returns_no_items(client, domain):
    response = client.list_event_streams(DomainName="d")
    assert response["Items"] == []
    assert "NextToken" not in response


def test_list_event_streams_in_an_unknown_domain_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.list_event_streams(DomainName="other")
    assert_not_found(exc, "Domain other does not exist.")


# --- DeleteEventStream -----------------------------------------------------------------


def test_delete_event_stream_removes_it(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    response = client.delete_event_stream(DomainName="d", EventStreamName="es")
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert set(response) == {"ResponseMetadata"}
    assert client.list_event_streams(DomainName="d")["Items"] == []


def test_delete_event_stream_allows_another_one(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    client.delete_event_stream(DomainName="d", EventStreamName="es")
    arn = create_stream(kinesis, "s2")
    client.create_event_stream(DomainName="d", EventStreamName="es2", Uri=arn)
    items = client.list_event_streams(DomainName="d")["Items"]
    assert [i["EventStreamName"] for i in items] == ["es2"]


def test_delete_event_stream_unknown_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.delete_event_stream(DomainName="d", EventStreamName="nope")
    assert_not_found(exc, "Event stream nope does not exist in domain d.")


def test_exported_profile_records_carry_the_string_members(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    client.create_profile(DomainName="d", Gender="FEMALE", PartyType="INDIVIDUAL")
    [record] = records(kinesis)
    assert {
        k: record["Object"][k]
        for k in ("Gender", "GenderString", "PartyType", "PartyTypeString")
    } == {
        "Gender": "FEMALE",
        "GenderString": "FEMALE",
        "PartyType": "INDIVIDUAL",
        "PartyTypeString": "INDIVIDUAL",
    }


def test_delete_event_stream_stops_the_export(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    client.create_profile(DomainName="d", FirstName="Jane")
    client.delete_event_stream(DomainName="d", EventStreamName="es")
    client.create_profile(DomainName="d", FirstName="John")
    assert [r["Object"]["FirstName"] for r in records(kinesis)] == ["Jane"]


# --- Tagging ---------------------------------------------------------------------------


def test_tag_resource_tags_an_event_stream(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    client.tag_resource(resourceArn=EVENT_STREAM_ARN, tags={"team": "a", "env": "t"})
    tags = client.list_tags_for_resource(resourceArn=EVENT_STREAM_ARN)["tags"]
    assert tags == {"team": "a", "env": "t"}
    got = client.get_event_stream(DomainName="d", EventStreamName="es")
    assert got["Tags"] == {"team": "a", "env": "t"}


def test_untag_resource_untags_an_event_stream(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = create_stream(kinesis)
    client.create_event_stream(
        DomainName="d", EventStreamName="es", Uri=arn, Tags={"team": "a", "env": "t"}
    )
    client.untag_resource(resourceArn=EVENT_STREAM_ARN, tagKeys=["env"])
    tags = client.list_tags_for_resource(resourceArn=EVENT_STREAM_ARN)["tags"]
    assert tags == {"team": "a"}


def test_event_stream_tags_are_not_the_domains(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = create_stream(kinesis)
    client.create_event_stream(
        DomainName="d", EventStreamName="es", Uri=arn, Tags={"team": "a"}
    )
    domain_arn = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/d"
    assert client.list_tags_for_resource(resourceArn=domain_arn)["tags"] == {}


def test_deleted_event_streams_tags_are_gone(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    arn = create_stream(kinesis)
    client.create_event_stream(
        DomainName="d", EventStreamName="es", Uri=arn, Tags={"team": "a"}
    )
    client.delete_event_stream(DomainName="d", EventStreamName="es")
    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(resourceArn=EVENT_STREAM_ARN)
    assert_not_found(exc, f"Resource {EVENT_STREAM_ARN} does not exist.")
    client.create_event_stream(DomainName="d", EventStreamName="es", Uri=arn)
    assert client.list_tags_for_resource(resourceArn=EVENT_STREAM_ARN)["tags"] == {}


# --- Real-time export: record format ---------------------------------------------------


def test_export_profile_created_record_has_the_documented_format(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    profile_id = client.create_profile(
        DomainName="d", FirstName="Jane", Attributes={"tier": "gold"}
    )["ProfileId"]
    [record] = records(kinesis)
    assert set(record) == RECORD_MEMBERS
    assert record["SchemaVersion"] == 0
    assert record["EventType"] == "CREATED"
    assert record["DomainName"] == "d"
    assert record["ObjectTypeName"] == "_profile"
    assert record["IsMessageRealTime"] is True
    assert record["Object"] == {
        "ProfileId": profile_id,
        "FirstName": "Jane",
        "Attributes": {"tier": "gold"},
    }


def test_export_event_timestamp_is_iso_8601_utc(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    before = datetime.now(timezone.utc)
    client.create_profile(DomainName="d", FirstName="Jane")
    [record] = records(kinesis)
    assert TIMESTAMP.match(record["EventTimestamp"])
    moment = datetime.fromisoformat(record["EventTimestamp"].replace("Z", "+00:00"))
    assert abs((moment - before).total_seconds()) < 60


def test_export_event_ids_are_unique(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    for _ in range(3):
        client.create_profile(DomainName="d")
    event_ids = [r["EventId"] for r in records(kinesis)]
    assert len(event_ids) == 3
    assert len(set(event_ids)) == 3
    assert all(isinstance(e, str) and e for e in event_ids)


def test_export_profile_updated_record_carries_the_whole_profile(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    profile_id = client.create_profile(DomainName="d", FirstName="Jane")["ProfileId"]
    client.update_profile(DomainName="d", ProfileId=profile_id, LastName="Doe")
    created, updated = records(kinesis)
    assert updated["EventType"] == "UPDATED"
    assert updated["ObjectTypeName"] == "_profile"
    assert updated["Object"] == {
        "ProfileId": profile_id,
        "FirstName": "Jane",
        "LastName": "Doe",
    }


def test_export_put_object_creating_a_profile_sends_profile_then_object(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    put_object_type(client)
    content = {"orderId": "o1", "email": "jane@example.com", "name": "Jane"}
    unique_key = put(client, content)
    profile_record, object_record = records(kinesis)
    profile_id = profile_record["Object"]["ProfileId"]
    assert profile_record["EventType"] == "CREATED"
    assert profile_record["ObjectTypeName"] == "_profile"
    assert profile_record["Object"] == {
        "ProfileId": profile_id,
        "EmailAddress": "jane@example.com",
        "FirstName": "Jane",
    }
    assert set(object_record) == RECORD_MEMBERS | {
        "AssociatedProfileId",
        "ProfileObjectUniqueKey",
    }
    assert object_record["EventType"] == "CREATED"
    assert object_record["ObjectTypeName"] == "order"
    assert object_record["AssociatedProfileId"] == profile_id
    assert object_record["ProfileObjectUniqueKey"] == unique_key
    assert object_record["Object"] == content
    assert object_record["SchemaVersion"] == 0
    assert object_record["IsMessageRealTime"] is True


def test_export_put_object_again_sends_an_updated_object_record(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    put_object_type(client)
    put(client, {"orderId": "o1", "email": "jane@example.com"})
    unique_key = put(
        client, {"orderId": "o1", "email": "jane@example.com", "status": "shipped"}
    )
    last = records(kinesis)[-1]
    assert last["EventType"] == "UPDATED"
    assert last["ObjectTypeName"] == "order"
    assert last["ProfileObjectUniqueKey"] == unique_key
    assert last["Object"]["status"] == "shipped"


def test_export_put_object_changing_a_profile_sends_profile_updated(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    put_object_type(client, AllowProfileCreation=False)
    profile_id = client.create_profile(DomainName="d", EmailAddress="jane@example.com")[
        "ProfileId"
    ]
    put(client, {"orderId": "o1", "email": "jane@example.com", "name": "Jane"})
    _, profile_record, object_record = records(kinesis)
    assert profile_record["EventType"] == "UPDATED"
    assert profile_record["ObjectTypeName"] == "_profile"
    assert profile_record["Object"]["FirstName"] == "Jane"
    assert object_record["EventType"] == "CREATED"
    assert object_record["AssociatedProfileId"] == profile_id


def test_export_unassociated_object_record_has_no_associated_profile(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    put_object_type(client, AllowProfileCreation=False)
    unique_key = put(client, {"orderId": "o1", "email": "jane@example.com"})
    [record] = records(kinesis)
    assert record["ObjectTypeName"] == "order"
    assert record["ProfileObjectUniqueKey"] == unique_key
    assert "AssociatedProfileId" not in record


def test_export_merge_sends_a_merged_record(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    main = client.create_profile(DomainName="d", FirstName="Jane")["ProfileId"]
    duplicate = client.create_profile(DomainName="d", LastName="Doe")["ProfileId"]
    client.merge_profiles(
        DomainName="d", MainProfileId=main, ProfileIdsToBeMerged=[duplicate]
    )
    merged = records(kinesis)[-1]
    assert set(merged) == RECORD_MEMBERS | {"MergeId", "DuplicateProfiles"}
    assert merged["EventType"] == "MERGED"
    assert merged["ObjectTypeName"] == "_profile"
    assert merged["Object"] == {
        "ProfileId": main,
        "FirstName": "Jane",
        "LastName": "Doe",
    }
    assert isinstance(merged["MergeId"], str)
    assert merged["MergeId"]
    assert merged["DuplicateProfiles"] == [{"ProfileId": duplicate, "LastName": "Doe"}]


def test_export_delete_profile_sends_nothing(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    profile_id = client.create_profile(DomainName="d")["ProfileId"]
    client.delete_profile(DomainName="d", ProfileId=profile_id)
    assert [r["EventType"] for r in records(kinesis)] == ["CREATED"]


def test_export_delete_profile_object_sends_nothing(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    put_object_type(client)
    unique_key = put(client, {"orderId": "o1", "email": "jane@example.com"})
    sent = records(kinesis)
    client.delete_profile_object(
        DomainName="d",
        ProfileId=sent[0]["Object"]["ProfileId"],
        ObjectTypeName="order",
        ProfileObjectUniqueKey=unique_key,
    )
    assert records(kinesis) == sent


def test_export_without_an_event_stream_sends_nothing(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    create_stream(kinesis)
    put_object_type(client)
    client.create_profile(DomainName="d", FirstName="Jane")
    put(client, {"orderId": "o1", "email": "jane@example.com"})
    assert records(kinesis) == []


def test_export_sends_nothing_for_changes_before_the_event_stream(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    client.create_profile(DomainName="d", FirstName="Jane")
    streamed(client, kinesis)
    client.create_profile(DomainName="d", FirstName="John")
    assert [r["Object"]["FirstName"] for r in records(kinesis)] == ["John"]


def test_export_sends_only_the_domains_own_changes(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    client.create_domain(DomainName="d2", DefaultExpirationDays=30)
    client.create_profile(DomainName="d2", FirstName="John")
    client.create_profile(DomainName="d", FirstName="Jane")
    assert [r["Object"]["FirstName"] for r in records(kinesis)] == ["Jane"]


def test_export_to_a_deleted_kinesis_stream_does_not_fail_the_request(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    streamed(client, kinesis)
    kinesis.delete_stream(StreamName="s")
    response = client.create_profile(DomainName="d", FirstName="Jane")
    assert re.fullmatch(r"[0-9a-f]{32}", response["ProfileId"])
