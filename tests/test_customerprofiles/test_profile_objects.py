import json

import boto3
import pytest
from botocore.exceptions import ClientError

from .helpers import REGION, client_error

FIELDS = {
    "orderId": {"Source": "_source.order.id"},
    "email": {"Source": "_source.customer.email", "Target": "_profile.EmailAddress"},
    "firstName": {"Source": "_source.customer.name", "Target": "_profile.FirstName"},
    "city": {
        "Source": "_source.customer.address.city",
        "Target": "_profile.Address.City",
    },
    "tier": {"Source": "_source.tier", "Target": "_profile.Attributes.tier"},
}
KEYS = {
    "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}],
    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


def put_object_type(client, name="order", **kwargs):
    kwargs.setdefault("AllowProfileCreation", True)
    kwargs.setdefault("Fields", FIELDS)
    kwargs.setdefault("Keys", KEYS)
    client.put_profile_object_type(
        DomainName="d", ObjectTypeName=name, Description="orders", **kwargs
    )


def order(order_id, email="jane@example.com", **extra):
    return {"order": {"id": order_id}, "customer": {"email": email}, **extra}


def put(client, content, object_type="order"):
    return client.put_profile_object(
        DomainName="d", ObjectTypeName=object_type, Object=json.dumps(content)
    )["ProfileObjectUniqueKey"]


def profile_by_email(client, email):
    [profile] = client.search_profiles(
        DomainName="d", KeyName="_email", Values=[email]
    )["Items"]
    return profile


def list_objects(client, profile_id, **kwargs):
    return client.list_profile_objects(
        DomainName="d", ObjectTypeName="order", ProfileId=profile_id, **kwargs
    )["Items"]


def stats(client):
    return client.get_domain(DomainName="d")["Stats"]


def assert_not_found(exc, message):
    assert client_error(exc) == ("ResourceNotFoundException", message, 404)


# --- PutProfileObject: field mapping ---------------------------------------------------


def test_put_profile_object_returns_a_unique_key(client, domain):
    put_object_type(client)
    unique_key = put(client, order("o1"))
    assert isinstance(unique_key, str)
    assert unique_key


def test_put_profile_object_maps_source_paths_onto_profile_members(client, domain):
    put_object_type(client)
    put(
        client,
        {
            "order": {"id": "o1"},
            "customer": {
                "email": "jane@example.com",
                "name": "Jane",
                "address": {"city": "London"},
            },
            "tier": "gold",
        },
    )
    profile = profile_by_email(client, "jane@example.com")
    assert profile["FirstName"] == "Jane"
    assert profile["EmailAddress"] == "jane@example.com"
    assert profile["Address"] == {"City": "London"}
    assert profile["Attributes"] == {"tier": "gold"}


def test_put_profile_object_maps_a_number_as_text(client, domain):
    put_object_type(client)
    put(client, order("o1", tier=3))
    assert profile_by_email(client, "jane@example.com")["Attributes"] == {"tier": "3"}


def test_put_profile_object_skips_missing_source_values(client, domain):
    put_object_type(client)
    put(client, order("o1"))
    profile = profile_by_email(client, "jane@example.com")
    assert "FirstName" not in profile
    assert "Address" not in profile
    assert "Attributes" not in profile


def test_put_profile_object_keeps_the_object_as_given(client, domain):
    put_object_type(client)
    content = order("o1", extra={"nested": [1, 2, {"x": None}]})
    put(client, content)
    profile = profile_by_email(client, "jane@example.com")
    [stored] = list_objects(client, profile["ProfileId"])
    assert json.loads(stored["Object"]) == content


# --- PutProfileObject: associating with profiles ---------------------------------------


def test_put_profile_object_with_a_matching_profile_key_associates_it(client, domain):
    put_object_type(client, AllowProfileCreation=False)
    profile_id = client.create_profile(DomainName="d", EmailAddress="jane@example.com")[
        "ProfileId"
    ]
    unique_key = put(client, order("o1", customer={"email": "jane@example.com"}))
    [stored] = list_objects(client, profile_id)
    assert stored["ProfileObjectUniqueKey"] == unique_key
    assert stored["ObjectTypeName"] == "order"
    assert stats(client)["ProfileCount"] == 1


def test_put_profile_object_updates_the_matched_profile(client, domain):
    put_object_type(client, AllowProfileCreation=False)
    profile_id = client.create_profile(
        DomainName="d", EmailAddress="jane@example.com", LastName="Doe"
    )["ProfileId"]
    put(
        client,
        {
            "order": {"id": "o1"},
            "customer": {"email": "jane@example.com", "name": "Jane"},
        },
    )
    profile = profile_by_email(client, "jane@example.com")
    assert profile["ProfileId"] == profile_id
    assert profile["FirstName"] == "Jane"
    assert profile["LastName"] == "Doe"


def test_put_profile_object_without_a_match_creates_no_profile(client, domain):
    put_object_type(client, AllowProfileCreation=False)
    put(client, order("o1"))
    assert stats(client)["ProfileCount"] == 0
    response = client.search_profiles(
        DomainName="d", KeyName="_email", Values=["jane@example.com"]
    )
    assert response["Items"] == []


def test_put_profile_object_without_a_match_leaves_other_profiles_alone(client, domain):
    put_object_type(client, AllowProfileCreation=False)
    other = client.create_profile(DomainName="d", EmailAddress="other@example.com")[
        "ProfileId"
    ]
    put(client, order("o1"))
    assert list_objects(client, other) == []


def test_put_profile_object_with_profile_creation_creates_a_profile(client, domain):
    put_object_type(client, AllowProfileCreation=True)
    unique_key = put(client, order("o1"))
    assert stats(client)["ProfileCount"] == 1
    profile = profile_by_email(client, "jane@example.com")
    [stored] = list_objects(client, profile["ProfileId"])
    assert stored["ProfileObjectUniqueKey"] == unique_key


def test_put_profile_objects_with_the_same_profile_key_share_one_profile(
    client, domain
):
    put_object_type(client)
    put(client, order("o1"))
    put(client, order("o2"))
    assert stats(client)["ProfileCount"] == 1
    profile = profile_by_email(client, "jane@example.com")
    assert len(list_objects(client, profile["ProfileId"])) == 2


# --- PutProfileObject: UNIQUE key and MaxProfileObjectCount ----------------------------


def test_put_profile_object_again_with_the_same_unique_key_updates_it(client, domain):
    put_object_type(client)
    first = put(client, order("o1", status="new"))
    second = put(client, order("o1", status="shipped"))
    assert second == first
    profile = profile_by_email(client, "jane@example.com")
    [stored] = list_objects(client, profile["ProfileId"])
    assert json.loads(stored["Object"])["status"] == "shipped"
    assert stats(client)["ObjectCount"] == 1


def test_put_profile_objects_with_different_unique_keys_are_kept_apart(client, domain):
    put_object_type(client)
    assert put(client, order("o1")) != put(client, order("o2"))
    assert stats(client)["ObjectCount"] == 2


def test_put_profile_object_max_count_keeps_only_the_newest(client, domain):
    put_object_type(client, MaxProfileObjectCount=2)
    put(client, order("o1"))
    put(client, order("o2"))
    put(client, order("o3"))
    profile = profile_by_email(client, "jane@example.com")
    kept = list_objects(client, profile["ProfileId"])
    assert sorted(json.loads(o["Object"])["order"]["id"] for o in kept) == ["o2", "o3"]
    assert stats(client)["ObjectCount"] == 2


def test_put_profile_object_max_count_treats_an_updated_object_as_newest(
    client, domain
):
    put_object_type(client, MaxProfileObjectCount=2)
    put(client, order("o1"))
    put(client, order("o2"))
    put(client, order("o1", note="updated"))
    put(client, order("o3"))
    profile = profile_by_email(client, "jane@example.com")
    kept = list_objects(client, profile["ProfileId"])
    assert sorted(json.loads(o["Object"])["order"]["id"] for o in kept) == ["o1", "o3"]


def test_put_profile_object_max_count_counts_per_profile(client, domain):
    put_object_type(client, MaxProfileObjectCount=1)
    put(client, order("o1", email="a@example.com"))
    put(client, order("o2", email="b@example.com"))
    assert stats(client)["ObjectCount"] == 2


# --- PutProfileObject: errors store nothing --------------------------------------------


def kinesis_records(kinesis, stream_name="s"):
    shard_id = kinesis.describe_stream(StreamName=stream_name)["StreamDescription"][
        "Shards"
    ][0]["ShardId"]
    iterator = kinesis.get_shard_iterator(
        StreamName=stream_name, ShardId=shard_id, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    records = kinesis.get_records(ShardIterator=iterator)["Records"]
    return [json.loads(record["Data"]) for record in records]


@pytest.mark.parametrize(
    "body,code,message,status",
    [
        ("{not json", "BadRequestException", "Object is not valid JSON", 400),
        ('["a", "b"]', "BadRequestException", "Object must be a JSON object", 400),
        ('"text"', "BadRequestException", "Object must be a JSON object", 400),
    ],
    ids=["bad-json", "json-array", "json-string"],
)
def test_put_profile_object_refused_stores_nothing(
    client, domain, body, code, message, status
):
    put_object_type(client)
    kinesis = boto3.client("kinesis", region_name=REGION)
    kinesis.create_stream(StreamName="s", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="s")["StreamDescription"]["StreamARN"]
    client.create_event_stream(DomainName="d", EventStreamName="es", Uri=arn)
    before = stats(client)
    with pytest.raises(ClientError) as exc:
        client.put_profile_object(DomainName="d", ObjectTypeName="order", Object=body)
    assert client_error(exc) == (code, message, status)
    assert stats(client) == before
    assert kinesis_records(kinesis) == []


def test_put_profile_object_of_an_unknown_type_is_not_found(client, domain):
    kinesis = boto3.client("kinesis", region_name=REGION)
    kinesis.create_stream(StreamName="s", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="s")["StreamDescription"]["StreamARN"]
    client.create_event_stream(DomainName="d", EventStreamName="es", Uri=arn)
    with pytest.raises(ClientError) as exc:
        put(client, order("o1"), object_type="nope")
    assert_not_found(exc, "Object type nope does not exist in domain d.")
    assert stats(client)["ObjectCount"] == 0
    assert kinesis_records(kinesis) == []


def test_put_profile_object_in_an_unknown_domain_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.put_profile_object(
            DomainName="other", ObjectTypeName="order", Object="{}"
        )
    assert_not_found(exc, "Domain other does not exist.")


# --- ListProfileObjects ----------------------------------------------------------------


def test_list_profile_objects_returns_the_profiles_objects(client, domain):
    put_object_type(client)
    keys = {put(client, order(f"o{i}")): f"o{i}" for i in range(3)}
    profile = profile_by_email(client, "jane@example.com")
    items = list_objects(client, profile["ProfileId"])
    assert {
        i["ProfileObjectUniqueKey"]: i["ObjectTypeName"] for i in items
    } == dict.fromkeys(keys, "order")
    assert {
        i["ProfileObjectUniqueKey"]: json.loads(i["Object"])["order"]["id"]
        for i in items
    } == keys


def test_list_profile_objects_lists_only_the_type_asked_for(client, domain):
    put_object_type(client, name="order")
    put_object_type(client, name="refund")
    put(client, order("o1"), object_type="order")
    put(client, order("r1"), object_type="refund")
    profile = profile_by_email(client, "jane@example.com")
    items = list_objects(client, profile["ProfileId"])
    assert [json.loads(i["Object"])["order"]["id"] for i in items] == ["o1"]


def test_list_profile_objects_filters_by_a_key(client, domain):
    put_object_type(client)
    put(client, order("o1"))
    wanted = put(client, order("o2"))
    put(client, order("o3"))
    profile = profile_by_email(client, "jane@example.com")
    items = list_objects(
        client,
        profile["ProfileId"],
        ObjectFilter={"KeyName": "orderId", "Values": ["o2"]},
    )
    assert [i["ProfileObjectUniqueKey"] for i in items] == [wanted]


def test_list_profile_objects_filter_with_several_values_takes_any(client, domain):
    put_object_type(client)
    put(client, order("o1"))
    put(client, order("o2"))
    put(client, order("o3"))
    profile = profile_by_email(client, "jane@example.com")
    items = list_objects(
        client,
        profile["ProfileId"],
        ObjectFilter={"KeyName": "orderId", "Values": ["o1", "o3"]},
    )
    assert sorted(json.loads(i["Object"])["order"]["id"] for i in items) == ["o1", "o3"]


def test_list_profile_objects_filter_matching_nothing_returns_no_items(client, domain):
    put_object_type(client)
    put(client, order("o1"))
    profile = profile_by_email(client, "jane@example.com")
    items = list_objects(
        client,
        profile["ProfileId"],
        ObjectFilter={"KeyName": "orderId", "Values": ["nope"]},
    )
    assert items == []


def test_list_profile_objects_walks_every_page(client, domain):
    put_object_type(client)
    created = {put(client, order(f"o{i}")) for i in range(5)}
    profile = profile_by_email(client, "jane@example.com")
    pages, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        response = client.list_profile_objects(
            DomainName="d",
            ObjectTypeName="order",
            ProfileId=profile["ProfileId"],
            MaxResults=2,
            **kwargs,
        )
        pages.append([i["ProfileObjectUniqueKey"] for i in response["Items"]])
        token = response.get("NextToken")
        if token is None:
            break
    assert [len(page) for page in pages] == [2, 2, 1]
    assert {key for page in pages for key in page} == created


def test_list_profile_objects_of_an_unknown_profile_is_not_found(client, domain):
    put_object_type(client)
    with pytest.raises(ClientError) as exc:
        list_objects(client, "0" * 32)
    assert_not_found(exc, f"Profile {'0' * 32} does not exist in domain d.")


def test_list_profile_objects_of_an_unknown_type_is_not_found(client, domain):
    profile_id = client.create_profile(DomainName="d")["ProfileId"]
    with pytest.raises(ClientError) as exc:
        list_objects(client, profile_id)
    assert_not_found(exc, "Object type order does not exist in domain d.")


# --- DeleteProfileObject ---------------------------------------------------------------


def test_delete_profile_object_returns_a_message_and_removes_it(client, domain):
    put_object_type(client)
    removed = put(client, order("o1"))
    kept = put(client, order("o2"))
    profile = profile_by_email(client, "jane@example.com")
    response = client.delete_profile_object(
        DomainName="d",
        ProfileId=profile["ProfileId"],
        ObjectTypeName="order",
        ProfileObjectUniqueKey=removed,
    )
    assert response["Message"] == "OK"
    items = list_objects(client, profile["ProfileId"])
    assert [i["ProfileObjectUniqueKey"] for i in items] == [kept]
    assert stats(client)["ObjectCount"] == 1


def test_delete_profile_object_keeps_the_profile(client, domain):
    put_object_type(client)
    unique_key = put(client, order("o1"))
    profile = profile_by_email(client, "jane@example.com")
    client.delete_profile_object(
        DomainName="d",
        ProfileId=profile["ProfileId"],
        ObjectTypeName="order",
        ProfileObjectUniqueKey=unique_key,
    )
    assert stats(client)["ProfileCount"] == 1


def test_delete_profile_object_unknown_is_not_found(client, domain):
    put_object_type(client)
    profile_id = client.create_profile(DomainName="d")["ProfileId"]
    with pytest.raises(ClientError) as exc:
        client.delete_profile_object(
            DomainName="d",
            ProfileId=profile_id,
            ObjectTypeName="order",
            ProfileObjectUniqueKey="nope",
        )
    assert_not_found(
        exc,
        f"Profile object nope of type order does not exist for profile {profile_id}.",
    )


def test_delete_profile_object_of_another_profile_is_not_found(client, domain):
    put_object_type(client)
    unique_key = put(client, order("o1"))
    other = client.create_profile(DomainName="d")["ProfileId"]
    with pytest.raises(ClientError) as exc:
        client.delete_profile_object(
            DomainName="d",
            ProfileId=other,
            ObjectTypeName="order",
            ProfileObjectUniqueKey=unique_key,
        )
    assert_not_found(
        exc,
        f"Profile object {unique_key} of type order does not exist for profile {other}.",
    )
    assert stats(client)["ObjectCount"] == 1


# --- GetDomain Stats -------------------------------------------------------------------


def test_get_domain_stats_count_profiles_and_objects(client, domain):
    put_object_type(client)
    client.create_profile(DomainName="d")
    put(client, order("o1", email="a@example.com"))
    put(client, order("o2", email="a@example.com"))
    put(client, order("o3", email="b@example.com"))
    result = stats(client)
    assert result["ProfileCount"] == 3
    assert result["MeteringProfileCount"] == 3
    assert result["ObjectCount"] == 3
    assert result["TotalSize"] > 0


def test_get_domain_stats_of_an_empty_domain_are_zero(client, domain):
    assert stats(client) == {
        "ProfileCount": 0,
        "MeteringProfileCount": 0,
        "ObjectCount": 0,
        "TotalSize": 0,
    }
