"""Issue 19: BatchPutProfileObject, each item ingested as PutProfileObject would."""

import json

import pytest
from botocore.exceptions import ClientError

from .helpers import client_error

FIELDS = {
    "orderId": {"Source": "_source.order.id"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "name": {"Source": "_source.name", "Target": "_profile.FirstName"},
}
KEYS = {
    "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}],
    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


def make_domain(client, name="d"):
    client.create_domain(DomainName=name, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=name,
        ObjectTypeName="order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )


@pytest.fixture
def domain(client):
    make_domain(client)
    return "d"


def order(order_id, email="jane@example.com", **extra):
    return json.dumps({"order": {"id": order_id}, "email": email, **extra})


def batch(client, *objects, domain_name="d"):
    return client.batch_put_profile_object(
        DomainName=domain_name,
        ObjectTypeName="order",
        Items=[{"Id": f"i{n}", "Object": o} for n, o in enumerate(objects)],
    )


def profiles(client, domain_name="d"):
    return client.search_profiles(
        DomainName=domain_name, KeyName="_email", Values=["jane@example.com"]
    )["Items"]


def test_every_item_is_ingested_with_its_id_and_key(client, domain):
    result = batch(client, order("o1"), order("o2"))
    assert result["Failed"] == []
    assert [item["Id"] for item in result["Successful"]] == ["i0", "i1"]
    [profile] = profiles(client)
    objects = client.list_profile_objects(
        DomainName="d", ObjectTypeName="order", ProfileId=profile["ProfileId"]
    )["Items"]
    assert [o["ProfileObjectUniqueKey"] for o in objects] == [
        item["ProfileObjectUniqueKey"] for item in result["Successful"]
    ]
    assert [json.loads(o["Object"])["order"]["id"] for o in objects] == ["o1", "o2"]


def test_an_item_gets_the_key_put_profile_object_gives(client, domain):
    [item] = batch(client, order("o1"))["Successful"]
    key = client.put_profile_object(
        DomainName="d", ObjectTypeName="order", Object=order("o1")
    )["ProfileObjectUniqueKey"]
    assert item["ProfileObjectUniqueKey"] == key


def test_batch_and_single_puts_leave_the_same_profiles(client):
    make_domain(client, "single")
    make_domain(client, "batched")
    objects = [order("o1", name="Jane"), order("o2", name="Janet"), order("o1")]
    for o in objects:
        client.put_profile_object(DomainName="single", ObjectTypeName="order", Object=o)
    batch(client, *objects, domain_name="batched")
    [single] = profiles(client, "single")
    [batched] = profiles(client, "batched")
    for p in (single, batched):
        p.pop("ProfileId")
    assert batched == single
    assert batched["FirstName"] == "Janet"


def test_a_failed_item_is_reported_and_the_good_ones_kept(client, domain):
    result = batch(client, order("o1"), "{not json", "[1, 2]", order("o2"))
    assert result["Failed"] == [
        {"Id": "i1", "Code": 400, "Message": "Object is not valid JSON"},
        {"Id": "i2", "Code": 400, "Message": "Object must be a JSON object"},
    ]
    assert [item["Id"] for item in result["Successful"]] == ["i0", "i3"]
    [profile] = profiles(client)
    objects = client.list_profile_objects(
        DomainName="d", ObjectTypeName="order", ProfileId=profile["ProfileId"]
    )["Items"]
    assert len(objects) == 2


def test_an_item_over_the_object_quota_fails_alone(client, domain):
    big = json.dumps({"order": {"id": "o2"}, "note": "é" * 200_000}, ensure_ascii=False)
    result = batch(client, order("o1"), big)
    assert result["Failed"] == [
        {
            "Id": "i1",
            "Code": 400,
            "Message": "Exceeded the quota of object size (250 KB)",
        }
    ]
    assert len(result["Successful"]) == 1


def test_every_item_failing_changes_nothing(client, domain):
    result = batch(client, "nope", "1")
    assert result["Successful"] == []
    assert [item["Id"] for item in result["Failed"]] == ["i0", "i1"]
    assert profiles(client) == []
    assert client.get_domain(DomainName="d")["Stats"]["ObjectCount"] == 0


def test_a_missing_domain_fails_the_request(client):
    with pytest.raises(ClientError) as exc:
        batch(client, order("o1"), domain_name="nowhere")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nowhere does not exist.",
        404,
    )


def test_a_missing_object_type_fails_the_request(client, domain):
    with pytest.raises(ClientError) as exc:
        client.batch_put_profile_object(
            DomainName="d",
            ObjectTypeName="missing",
            Items=[{"Id": "a", "Object": order("o1")}],
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Object type missing does not exist in domain d.",
        404,
    )


def test_more_than_ten_items_are_refused_and_none_is_stored(client, domain):
    items = [{"Id": f"i{n}", "Object": order(f"o{n}")} for n in range(11)]
    with pytest.raises(ClientError) as exc:  # botocore checks no list maximum
        client.batch_put_profile_object(
            DomainName="d", ObjectTypeName="order", Items=items
        )
    code, message, status = client_error(exc)
    assert (code, status) == ("BadRequestException", 400)
    assert message == (
        "1 validation error detected: Value '***' at 'Items' failed to satisfy "
        "constraint: Member must have size less than or equal to 10"
    )  # the items hold Object, which the model marks sensitive
    assert profiles(client) == []


def test_ten_items_are_accepted(client, domain):
    result = batch(client, *[order(f"o{n}") for n in range(10)])
    assert len(result["Successful"]) == 10
