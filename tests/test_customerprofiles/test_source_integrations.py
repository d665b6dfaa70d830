"""Source integrations: an AppFlow flow from S3 (PutIntegration with a FlowDefinition whose
source connector is S3) makes the files under its bucket and prefix in moto's S3 objects;
what a source cannot deliver goes to the domain's dead-letter queue (moto's SQS)."""

from __future__ import annotations

import json

import boto3
import pytest

from .helpers import REGION, create_order_domain

FIELDS = {
    "id": {"Source": "_source.id"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "total": {"Source": "_source.total"},
}
KEYS = {
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


def flow(prefix: str = "orders/", tasks: list[dict] | None = None) -> dict:
    return {
        "FlowName": "orders-flow",
        "KmsArn": f"arn:aws:kms:{REGION}:123456789012:key/abc",
        "SourceFlowConfig": {
            "ConnectorType": "S3",
            "SourceConnectorProperties": {
                "S3": {"BucketName": "exports", "BucketPrefix": prefix}
            },
        },
        "Tasks": tasks or [{"SourceFields": ["id"], "TaskType": "Filter"}],
        "TriggerConfig": {"TriggerType": "OnDemand"},
    }


@pytest.fixture
def s3(client):
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(
        Bucket="exports", CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    create_order_domain(client, FIELDS, KEYS)
    return s3


def integrate(client, **flow_options) -> None:
    client.put_integration(
        DomainName="d", ObjectTypeName="order", FlowDefinition=flow(**flow_options)
    )


def orders(client, *emails: str) -> list[dict]:
    """The order objects of the profiles found by these email addresses, by id."""
    items = []
    for email in emails:
        hits = client.search_profiles(DomainName="d", KeyName="email", Values=[email])
        for profile in hits["Items"]:
            listed = client.list_profile_objects(
                DomainName="d", ObjectTypeName="order", ProfileId=profile["ProfileId"]
            )["Items"]
            items += [json.loads(item["Object"]) for item in listed]
    return sorted(items, key=lambda o: o["id"])


def test_a_csv_file_under_the_flows_prefix_becomes_objects(client, s3):
    integrate(client)
    s3.put_object(
        Bucket="exports",
        Key="orders/day1.csv",
        Body=b"id,email,total\no1,a@example.com,10\no2,b@example.com,20\n",
    )
    assert orders(client, "a@example.com", "b@example.com") == [
        {"id": "o1", "email": "a@example.com", "total": "10"},
        {"id": "o2", "email": "b@example.com", "total": "20"},
    ]


def test_json_lines_are_read_one_object_per_line(client, s3):
    integrate(client)
    lines = [
        {"id": "o1", "email": "a@example.com", "total": 10},
        {"id": "o2", "email": "a@example.com", "total": 2.5},
    ]
    s3.put_object(
        Bucket="exports",
        Key="orders/day1.json",
        Body="\n".join(json.dumps(line) for line in lines).encode(),
    )
    assert orders(client, "a@example.com") == lines


def test_files_outside_the_prefix_are_not_read(client, s3):
    integrate(client)
    s3.put_object(
        Bucket="exports", Key="other/day1.csv", Body=b"id,email\no1,a@example.com\n"
    )
    assert client.get_domain(DomainName="d")["Stats"]["ObjectCount"] == 0


def test_a_file_is_read_once_and_again_when_it_is_replaced(client, s3):
    integrate(client)
    s3.put_object(
        Bucket="exports",
        Key="orders/f.csv",
        Body=b"id,email,total\no1,a@example.com,1\n",
    )
    assert client.get_domain(DomainName="d")["Stats"]["ObjectCount"] == 1
    assert client.get_domain(DomainName="d")["Stats"]["ObjectCount"] == 1
    s3.put_object(
        Bucket="exports",
        Key="orders/f.csv",
        Body=b"id,email,total\no1,a@example.com,7\n",
    )
    assert orders(client, "a@example.com") == [
        {"id": "o1", "email": "a@example.com", "total": "7"}
    ]


def test_map_tasks_rename_source_fields_and_keep_only_mapped_ones(client, s3):
    tasks = [
        {"SourceFields": [source], "DestinationField": dest, "TaskType": "Map"}
        for source, dest in (("OrderNo", "id"), ("Mail", "email"))
    ]
    integrate(client, tasks=tasks)
    s3.put_object(
        Bucket="exports",
        Key="orders/f.csv",
        Body=b"OrderNo,Mail,Secret\no9,c@example.com,hidden\n",
    )
    assert orders(client, "c@example.com") == [{"id": "o9", "email": "c@example.com"}]


def test_unreadable_rows_and_files_are_skipped(client, s3):
    integrate(client)
    s3.put_object(Bucket="exports", Key="orders/binary.csv", Body=b"\xff\xfe\x00")
    s3.put_object(
        Bucket="exports",
        Key="orders/rows.csv",
        Body=b"id,email\no1,a@example.com,extra-cell\no2,b@example.com\n",
    )
    s3.put_object(
        Bucket="exports", Key="orders/lines.json", Body=b'{"id": "o3"\n[1, 2]\n'
    )
    assert [o["id"] for o in orders(client, "a@example.com", "b@example.com")] == ["o2"]
    assert client.get_domain(DomainName="d")["Stats"]["ObjectCount"] == 1


def test_a_flow_from_another_connector_reads_nothing(client, s3):
    definition = flow()
    definition["SourceFlowConfig"] = {
        "ConnectorType": "Salesforce",
        "ConnectorProfileName": "sf",
        "SourceConnectorProperties": {"Salesforce": {"Object": "Account"}},
    }
    client.put_integration(
        DomainName="d", ObjectTypeName="order", FlowDefinition=definition
    )
    s3.put_object(
        Bucket="exports", Key="orders/f.csv", Body=b"id,email\no1,a@example.com\n"
    )
    assert client.get_domain(DomainName="d")["Stats"]["ObjectCount"] == 0


# --- failures go to the domain's dead-letter queue --------------------------------------


@pytest.fixture
def dead_letters(client):
    sqs = boto3.client("sqs", region_name=REGION)
    url = sqs.create_queue(QueueName="profiles-dlq")["QueueUrl"]
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(
        Bucket="exports", CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    create_order_domain(client, FIELDS, KEYS, DeadLetterQueueUrl=url)
    return s3, sqs, url


def received(sqs, url: str) -> list[dict]:
    messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
    return [json.loads(m["Body"]) for m in messages.get("Messages", [])]


def test_a_row_the_pipeline_refuses_goes_to_the_dead_letter_queue(client, dead_letters):
    s3, sqs, url = dead_letters
    integrate(client)
    s3.put_object(
        Bucket="exports",
        Key="orders/rows.json",
        Body=b'{"id": "o1", "email": "a@example.com"}\nnot json\n[1]\n',
    )
    client.get_domain(DomainName="d")
    flow_uri = f"arn:aws:appflow:{REGION}:123456789012:flow/orders-flow"
    assert received(sqs, url) == [
        {
            "DomainName": "d",
            "Uri": flow_uri,
            "ObjectTypeName": "order",
            "Message": "Could not parse object string into JSON",
            "Data": "not json",
        },
        {
            "DomainName": "d",
            "Uri": flow_uri,
            "ObjectTypeName": "order",
            "Message": "The record is not an object of named fields",
            "Data": "[1]",
        },
    ]
    assert client.get_domain(DomainName="d")["Stats"]["ObjectCount"] == 1


def test_a_kinesis_record_that_is_not_json_goes_to_the_dead_letter_queue(
    client, dead_letters
):
    _, sqs, url = dead_letters
    kinesis = boto3.client("kinesis", region_name=REGION)
    kinesis.create_stream(StreamName="orders-in", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="orders-in")["StreamDescription"][
        "StreamARN"
    ]
    client.put_integration(DomainName="d", Uri=arn, ObjectTypeName="order")
    kinesis.put_record(StreamName="orders-in", Data=b"{oops", PartitionKey="k")
    client.get_domain(DomainName="d")
    assert received(sqs, url) == [
        {
            "DomainName": "d",
            "Uri": arn,
            "ObjectTypeName": "order",
            "Message": "Could not parse object string into JSON",
            "Data": "{oops",
        }
    ]
