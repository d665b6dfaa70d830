"""CreateSegmentSnapshot and GetSegmentSnapshot: a segment's members in moto's S3."""

from __future__ import annotations

import csv
import io
import json

import boto3
import pytest
import requests
from botocore.exceptions import ClientError

from moto_customerprofiles.customerprofiles.engine import segment_snapshots

from .helpers import ACCOUNT_ID, REGION, client_error, first_name_segment, transition

BUCKET = "segment-exports"
ROLE = f"arn:aws:iam::{ACCOUNT_ID}:role/exports"
KEY = f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ROUTE = "/moto-api/customerprofiles/segment-members"
TEST_FILE = b"Customer Profiles segment snapshot test file\n"


@pytest.fixture
def s3(client):
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    return s3


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="anns",
        DisplayName="Anns",
        SegmentGroups=first_name_segment("Ann"),
    )
    return "d"


@pytest.fixture
def manual():
    model = "customerprofiles::segment_snapshot"
    with transition(model):
        yield


def snapshot(client, name="anns", **kwargs):
    kwargs.setdefault("DataFormat", "CSV")
    kwargs.setdefault("DestinationUri", f"s3://{BUCKET}/exports")
    return client.create_segment_snapshot(
        DomainName="d", SegmentDefinitionName=name, **kwargs
    )["SnapshotId"]


def get(client, snapshot_id, name="anns"):
    response = client.get_segment_snapshot(
        DomainName="d", SegmentDefinitionName=name, SnapshotId=snapshot_id
    )
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def read(s3, key):
    return s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def keys(s3):
    return sorted(
        o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    )


def assert_error(exc, code, message):
    status = 404 if code == "ResourceNotFoundException" else 400
    assert client_error(exc) == (code, message, status)


# --- the "done when" ------------------------------------------------------------


def test_a_snapshot_of_a_thousand_profiles_lands_in_s3_and_reads_back(
    client, domain, s3
):
    expected = {}
    for n in range(1000):
        profile_id = client.create_profile(
            DomainName="d",
            FirstName="Ann",
            LastName=f"L{n:04d}",
            Attributes={"n": str(n)},
        )["ProfileId"]
        expected[profile_id] = {"FirstName": "Ann", "LastName": f"L{n:04d}"}
    client.create_profile(DomainName="d", FirstName="Bob")  # not a member
    snapshot_id = snapshot(client)
    assert get(client, snapshot_id)["Status"] == "COMPLETED"
    data = read(s3, f"exports/{snapshot_id}/part-00000.csv").decode()
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) == 1000
    assert {r["ProfileId"]: (r["FirstName"], r["LastName"]) for r in rows} == {
        p: (v["FirstName"], v["LastName"]) for p, v in expected.items()
    }
    assert [r["ProfileId"] for r in rows] == sorted(expected)
    assert data.splitlines()[0] == "ProfileId,Attributes.n,FirstName,LastName"


# --- the files --------------------------------------------------------------------------


def test_the_test_file_is_written_beside_the_data(client, domain, s3):
    snapshot_id = snapshot(client)
    assert keys(s3) == [
        f"exports/{snapshot_id}/part-00000.csv",
        f"exports/{snapshot_id}/test-file.txt",
    ]
    assert read(s3, f"exports/{snapshot_id}/test-file.txt") == TEST_FILE


def test_jsonl_has_one_profile_per_line(client, domain, s3):
    ann = client.create_profile(
        DomainName="d",
        FirstName="Ann",
        Address={"City": "Leeds"},
        Attributes={"tier": "gold"},
    )["ProfileId"]
    client.create_profile(DomainName="d", FirstName="Bob")
    snapshot_id = snapshot(client, DataFormat="JSONL")
    lines = read(s3, f"exports/{snapshot_id}/part-00000.jsonl").decode().splitlines()
    assert [json.loads(line) for line in lines] == [
        {
            "ProfileId": ann,
            "FirstName": "Ann",
            "Address": {"City": "Leeds"},
            "Attributes": {"tier": "gold"},
        }
    ]


def test_csv_columns_are_every_populated_member_path(client, domain, s3):
    client.create_profile(DomainName="d", FirstName="Ann", Address={"City": "Leeds"})
    client.create_profile(DomainName="d", FirstName="Ann", EmailAddress="a@x.org")
    snapshot_id = snapshot(client)
    data = read(s3, f"exports/{snapshot_id}/part-00000.csv").decode()
    rows = list(csv.DictReader(io.StringIO(data)))
    assert list(rows[0]) == ["ProfileId", "Address.City", "EmailAddress", "FirstName"]
    assert sorted((r["Address.City"], r["EmailAddress"]) for r in rows) == [
        ("", "a@x.org"),
        ("Leeds", ""),
    ]


def test_orc_has_the_csv_columns_as_strings(client, domain, s3):
    orc = pytest.importorskip("pyarrow.orc")
    ann = client.create_profile(
        DomainName="d", FirstName="Ann", Address={"City": "Leeds"}
    )["ProfileId"]
    anne = client.create_profile(
        DomainName="d", FirstName="Ann", EmailAddress="a@x.org"
    )["ProfileId"]
    snapshot_id = snapshot(client, DataFormat="ORC")
    assert get(client, snapshot_id)["Status"] == "COMPLETED"
    data = read(s3, f"exports/{snapshot_id}/part-00000.orc")
    table = orc.ORCFile(io.BytesIO(data)).read()
    assert table.column_names == [
        "ProfileId",
        "Address.City",
        "EmailAddress",
        "FirstName",
    ]
    rows = sorted(table.to_pylist(), key=lambda row: row["ProfileId"])
    expected = [
        {"ProfileId": ann, "Address.City": "Leeds", "EmailAddress": None},
        {"ProfileId": anne, "Address.City": None, "EmailAddress": "a@x.org"},
    ]
    assert rows == [
        {**row, "FirstName": "Ann"}
        for row in sorted(expected, key=lambda row: row["ProfileId"])
    ]


def test_without_pyarrow_an_orc_snapshot_fails_with_a_message(
    client, domain, s3, monkeypatch
):
    monkeypatch.setattr(segment_snapshots, "orc_writer", lambda: None)
    client.create_profile(DomainName="d", FirstName="Ann")
    snapshot_id = snapshot(client, DataFormat="ORC")
    described = get(client, snapshot_id)
    assert (described["Status"], described["StatusMessage"]) == (
        "FAILED",
        "Writing ORC needs pyarrow, which is not installed: "
        "pip install 'moto-customerprofiles[orc]'",
    )
    assert keys(s3) == []


def test_a_bucket_root_destination_writes_at_the_root(client, domain, s3):
    snapshot_id = snapshot(client, DestinationUri=f"s3://{BUCKET}")
    assert f"{snapshot_id}/part-00000.csv" in keys(s3)


def test_an_encryption_key_is_recorded_on_the_objects(client, domain, s3):
    snapshot_id = snapshot(client, EncryptionKey=KEY)
    head = s3.head_object(Bucket=BUCKET, Key=f"exports/{snapshot_id}/part-00000.csv")
    assert head["ServerSideEncryption"] == "aws:kms"
    assert head["SSEKMSKeyId"] == KEY


# --- GetSegmentSnapshot -----------------------------------------------------------------


def test_get_returns_every_member(client, domain, s3):
    uri = f"s3://{BUCKET}/exports"
    snapshot_id = snapshot(
        client, DataFormat="JSONL", EncryptionKey=KEY, RoleArn=ROLE, DestinationUri=uri
    )
    assert len(snapshot_id) == 32
    assert get(client, snapshot_id) == {
        "SnapshotId": snapshot_id,
        "Status": "COMPLETED",
        "DataFormat": "JSONL",
        "EncryptionKey": KEY,
        "RoleArn": ROLE,
        "DestinationUri": uri,
    }


def test_in_progress_until_it_completes(client, domain, s3, manual):
    client.create_profile(DomainName="d", FirstName="Ann")
    snapshot_id = snapshot(client)
    assert keys(s3) == []
    assert get(client, snapshot_id)["Status"] == "COMPLETED"  # one step per Get
    assert len(keys(s3)) == 2


def test_members_are_those_at_creation(client, domain, s3, manual):
    client.create_profile(DomainName="d", FirstName="Ann")
    snapshot_id = snapshot(client)
    client.create_profile(DomainName="d", FirstName="Ann")
    get(client, snapshot_id)
    data = read(s3, f"exports/{snapshot_id}/part-00000.csv").decode()
    assert len(data.splitlines()) == 2  # the header and the one member


def test_a_missing_bucket_fails_the_snapshot(client, domain):
    snapshot_id = snapshot(client, DestinationUri="s3://no-such-bucket-here/x")
    got = get(client, snapshot_id)
    assert (got["Status"], got["StatusMessage"]) == (
        "FAILED",
        "The S3 bucket no-such-bucket-here does not exist",
    )


def test_a_destination_that_is_not_s3_fails_the_snapshot(client, domain):
    snapshot_id = snapshot(client, DestinationUri="https://example.com/x")
    got = get(client, snapshot_id)
    assert (got["Status"], got["StatusMessage"]) == (
        "FAILED",
        "DestinationUri https://example.com/x is not an S3 URI (s3://<bucket>/<prefix>)",
    )


def test_a_missing_snapshot_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        get(client, "0" * 32)
    assert_error(
        exc,
        "ResourceNotFoundException",
        f"Segment snapshot {'0' * 32} does not exist for segment definition anns.",
    )


def test_a_snapshot_of_another_segment_is_not_found(client, domain, s3):
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="bobs",
        DisplayName="Bobs",
        SegmentGroups=first_name_segment("Bob"),
    )
    snapshot_id = snapshot(client)
    with pytest.raises(ClientError) as exc:
        get(client, snapshot_id, name="bobs")
    assert_error(
        exc,
        "ResourceNotFoundException",
        f"Segment snapshot {snapshot_id} does not exist for segment definition bobs.",
    )


# --- CreateSegmentSnapshot refusals -----------------------------------------------------


def test_a_destination_is_required(client, domain):
    with pytest.raises(ClientError) as exc:
        client.create_segment_snapshot(
            DomainName="d", SegmentDefinitionName="anns", DataFormat="CSV"
        )
    assert_error(
        exc,
        "BadRequestException",
        "DestinationUri must be provided when the request is not submitted from the "
        "Connect admin website",
    )


def test_a_missing_segment_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        snapshot(client, name="nope")
    assert_error(
        exc,
        "ResourceNotFoundException",
        "Segment definition nope does not exist in domain d.",
    )


# --- SQL segments -----------------------------------------------------------------------


def sql_segment(client):
    client.create_segment_definition(
        DomainName="d",
        SegmentDefinitionName="sql",
        DisplayName="SQL",
        SegmentSqlQuery="SELECT profile_id FROM profiles",
    )


def test_a_sql_segment_without_members_fails_its_snapshot(client, domain, s3):
    sql_segment(client)
    snapshot_id = snapshot(client, name="sql")
    got = get(client, snapshot_id, name="sql")
    assert (got["Status"], got["StatusMessage"]) == (
        "FAILED",
        "Segments defined by SegmentSqlQuery are not evaluated by the mock: set their "
        "members with set_segment_members",
    )
    assert keys(s3) == []


def test_a_sql_segment_exports_the_members_a_test_set(client, domain, s3, moto_api):
    sql_segment(client)
    ann = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    body = {
        "DomainName": "d",
        "SegmentDefinitionName": "sql",
        "ProfileIds": [ann, "f" * 32],  # a profile that does not exist is left out
    }
    response = requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)
    assert response.json() == {"ProfileIds": [ann, "f" * 32]}
    snapshot_id = snapshot(client, name="sql", DataFormat="JSONL")
    data = read(s3, f"exports/{snapshot_id}/part-00000.jsonl").decode()
    assert [json.loads(line)["ProfileId"] for line in data.splitlines()] == [ann]
