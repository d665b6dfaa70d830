"""Upload jobs: CreateUploadJob, GetUploadJobPath, StartUploadJob, StopUploadJob,
GetUploadJob and ListUploadJobs, with the CSV uploaded by a plain HTTP PUT to the job's
Url (moto's S3: intercepted in decorator mode, the server itself in server mode)."""

import base64
import hashlib
import json
import re
from datetime import datetime, timedelta, timezone

import boto3
import pytest
import requests
from botocore.exceptions import ClientError
from freezegun import freeze_time

from moto_customerprofiles.customerprofiles.models import customerprofiles_backends

from .helpers import ACCOUNT_ID, REGION, client_error, transition

MODEL = "customerprofiles::upload_job"
T0 = datetime(2026, 4, 1, 9, 30, tzinfo=timezone.utc)
FIELDS = {
    "email": {
        "Source": "_source.email",
        "Target": "_profile.EmailAddress",
        "ContentType": "EMAIL_ADDRESS",
    },
    "first": {"Source": "_source.first", "Target": "_profile.FirstName"},
    "tier": {"Source": "_source.tier", "Target": "_profile.Attributes.tier"},
}


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


@pytest.fixture
def manual():
    """A started job's processing advances one step per Get/List of it."""
    with transition(MODEL):
        yield


def create_job(client, unique_key="email", fields=None, **kwargs):
    return client.create_upload_job(
        DomainName="d",
        DisplayName=kwargs.pop("DisplayName", "customers.csv"),
        Fields=FIELDS if fields is None else fields,
        UniqueKey=unique_key,
        **kwargs,
    )["JobId"]


def sse_headers(client_token):
    """The SSE-C headers AWS documents for the upload."""
    md5 = hashlib.md5(base64.b64decode(client_token)).digest()
    return {
        "x-amz-server-side-encryption-customer-algorithm": "AES256",
        "x-amz-server-side-encryption-customer-key": client_token,
        "x-amz-server-side-encryption-customer-key-MD5": base64.b64encode(md5).decode(),
    }


def upload(client, job_id, data):
    path = client.get_upload_job_path(DomainName="d", JobId=job_id)
    response = requests.put(
        path["Url"], data=data, headers=sse_headers(path["ClientToken"])
    )
    assert response.status_code == 200
    return path


def run_job(client, data, **kwargs):
    job_id = create_job(client, **kwargs)
    upload(client, job_id, data)
    client.start_upload_job(DomainName="d", JobId=job_id)
    return job_id


def get_job(client, job_id):
    job = client.get_upload_job(DomainName="d", JobId=job_id)
    job.pop("ResponseMetadata")
    return job


def csv_text(*lines):
    return "\n".join(lines) + "\n"


def find_profile(client, email):
    items = client.search_profiles(DomainName="d", KeyName="email", Values=[email])[
        "Items"
    ]
    assert len(items) == 1
    return items[0]


# --- CreateUploadJob and GetUploadJob ---------------------------------------------


def test_a_created_job_has_every_member_before_it_starts(client, domain):
    with freeze_time(T0):
        job_id = create_job(client)

    assert re.fullmatch("[a-f0-9]{32}", job_id)
    assert get_job(client, job_id) == {
        "JobId": job_id,
        "DisplayName": "customers.csv",
        "Status": "CREATED",
        "CreatedAt": T0,
        "Fields": FIELDS,
        "UniqueKey": "email",
        "DataExpiry": 14,
    }


def test_data_expiry_is_kept_as_given(client, domain):
    job_id = create_job(client, DataExpiry=90)

    assert get_job(client, job_id)["DataExpiry"] == 90


def test_a_display_name_may_repeat(client, domain):
    first, second = create_job(client), create_job(client)

    assert first != second


def test_create_in_a_missing_domain_is_not_found(client):
    with pytest.raises(ClientError) as exc:
        client.create_upload_job(
            DomainName="nope", DisplayName="x", Fields=FIELDS, UniqueKey="email"
        )

    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


def test_data_expiry_over_the_models_range_is_refused(client, domain):
    with pytest.raises(ClientError) as exc:
        client.create_upload_job(
            DomainName="d",
            DisplayName="x",
            Fields=FIELDS,
            UniqueKey="email",
            DataExpiry=1099,
        )

    code, message, status = client_error(exc)
    assert (code, status) == ("BadRequestException", 400)
    assert "DataExpiry" in message and "1098" in message


@pytest.mark.parametrize(
    "operation",
    ["get_upload_job", "get_upload_job_path", "start_upload_job", "stop_upload_job"],
)
def test_a_missing_job_is_not_found(client, domain, operation):
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(DomainName="d", JobId="0" * 32)

    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Upload job {'0' * 32} does not exist in domain d.",
        404,
    )


@pytest.mark.parametrize(
    "operation", ["get_upload_job_path", "start_upload_job", "stop_upload_job"]
)
def test_a_job_id_of_the_name_pattern_is_looked_up(client, domain, operation):
    """Start, Stop and GetUploadJobPath take any 1-64 of [a-zA-Z0-9_-] (the model)."""
    with pytest.raises(ClientError) as exc:
        getattr(client, operation)(DomainName="d", JobId="Job_1")

    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_get_upload_job_takes_only_32_hex_characters(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_upload_job(DomainName="d", JobId="Job_1")

    code, message, status = client_error(exc)
    assert (code, status) == ("BadRequestException", 400)
    assert "JobId" in message and "[a-f0-9]{32}" in message


# --- GetUploadJobPath ---------------------------------------------------------------


def test_the_path_has_a_url_a_256_bit_client_token_and_a_validity(client, domain):
    job_id = create_job(client)
    with freeze_time(T0):
        path = client.get_upload_job_path(DomainName="d", JobId=job_id)

    assert job_id in path["Url"]
    assert path["Url"].endswith(".csv")
    assert len(base64.b64decode(path["ClientToken"], validate=True)) == 32
    assert path["ValidUntil"] == T0 + timedelta(hours=1)


def test_the_client_token_is_the_jobs_own(client, domain):
    first_job, second_job = create_job(client), create_job(client)

    first = client.get_upload_job_path(DomainName="d", JobId=first_job)
    again = client.get_upload_job_path(DomainName="d", JobId=first_job)
    other = client.get_upload_job_path(DomainName="d", JobId=second_job)

    assert (again["Url"], again["ClientToken"]) == (first["Url"], first["ClientToken"])
    assert other["ClientToken"] != first["ClientToken"]
    assert other["Url"] != first["Url"]


def test_the_uploaded_file_is_in_moto_s3(client, domain):
    """In the mock's own bucket of the account and region, as documented."""
    job_id = create_job(client)
    upload(client, job_id, "email\nann@example.com\n")

    s3 = boto3.client("s3", region_name=REGION)
    body = s3.get_object(
        Bucket=f"customer-profiles-uploads-{ACCOUNT_ID}-{REGION}", Key=f"d/{job_id}.csv"
    )["Body"].read()

    assert body == b"email\nann@example.com\n"


# --- StartUploadJob: what the file becomes ------------------------------------------


def test_a_file_becomes_profiles(client, domain):
    with freeze_time(T0):
        job_id = run_job(
            client,
            csv_text(
                "email,first,tier", "ann@example.com,Ann,gold", "bob@example.com,Bob,"
            ),
        )

    assert get_job(client, job_id) == {
        "JobId": job_id,
        "DisplayName": "customers.csv",
        "Status": "SUCCEEDED",
        "CreatedAt": T0,
        "CompletedAt": T0,
        "Fields": FIELDS,
        "UniqueKey": "email",
        "ResultsSummary": {
            "CreatedRecords": 2,
            "UpdatedRecords": 0,
            "FailedRecords": 0,
        },
        "DataExpiry": 14,
    }
    ann = find_profile(client, "ann@example.com")
    assert (ann["FirstName"], ann["Attributes"]) == ("Ann", {"tier": "gold"})
    bob = find_profile(client, "bob@example.com")
    assert bob["FirstName"] == "Bob"
    assert "Attributes" not in bob  # an empty cell sets nothing


def test_rows_sharing_a_key_are_one_profile_and_one_object(client, domain):
    job_id = run_job(
        client,
        csv_text("email,first", "ann@example.com,Ann", "ann@example.com,Anna"),
    )

    summary = get_job(client, job_id)["ResultsSummary"]
    assert summary == {"CreatedRecords": 1, "UpdatedRecords": 1, "FailedRecords": 0}
    ann = find_profile(client, "ann@example.com")
    assert ann["FirstName"] == "Anna"
    objects = client.list_profile_objects(
        DomainName="d", ObjectTypeName=f"UploadJob-{job_id}", ProfileId=ann["ProfileId"]
    )["Items"]
    assert [json.loads(o["Object"]) for o in objects] == [
        {"email": "ann@example.com", "first": "Anna"}
    ]


def test_a_second_file_updates_existing_profiles(client, domain):
    run_job(client, csv_text("email,first", "ann@example.com,Ann"))
    second = run_job(
        client, csv_text("email,first", "ann@example.com,Anna", "cy@example.com,Cy")
    )

    summary = get_job(client, second)["ResultsSummary"]
    assert summary == {"CreatedRecords": 1, "UpdatedRecords": 1, "FailedRecords": 0}
    assert find_profile(client, "ann@example.com")["FirstName"] == "Anna"
    assert client.get_domain(DomainName="d")["Stats"]["ProfileCount"] == 2


def test_a_profile_made_otherwise_is_found_by_the_key(client, domain):
    """The UniqueKey is a profile key: a profile that has it (from another object
    type, or an earlier job) is updated, not duplicated."""
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="crm",
        Description="crm",
        AllowProfileCreation=True,
        Fields={"email": {"Source": "_source.mail", "Target": "_profile.EmailAddress"}},
        Keys={"email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}]},
    )
    client.put_profile_object(
        DomainName="d", ObjectTypeName="crm", Object='{"mail": "ann@example.com"}'
    )

    job_id = run_job(client, csv_text("email,first", "ann@example.com,Ann"))

    assert get_job(client, job_id)["ResultsSummary"]["UpdatedRecords"] == 1
    assert find_profile(client, "ann@example.com")["FirstName"] == "Ann"


def test_the_unique_key_may_name_a_column_not_in_fields(client, domain):
    job_id = run_job(
        client,
        csv_text("id,first", "c1,Ann", "c1,Anna", "c2,Bob"),
        unique_key="id",
        fields={"first": {"Source": "_source.first", "Target": "_profile.FirstName"}},
    )

    assert get_job(client, job_id)["ResultsSummary"] == {
        "CreatedRecords": 2,
        "UpdatedRecords": 1,
        "FailedRecords": 0,
    }
    items = client.search_profiles(DomainName="d", KeyName="id", Values=["c1"])["Items"]
    assert [p["FirstName"] for p in items] == ["Anna"]


def test_unmappable_rows_fail_and_the_others_are_kept(client, domain):
    job_id = run_job(
        client,
        csv_text(
            "email,first",
            "ann@example.com,Ann",
            ",no key",
            "bob@example.com,Bob,extra",
            "short",
            "cy@example.com,Cy",
        ),
    )

    job = get_job(client, job_id)
    assert (job["Status"], job["StatusReason"]) == (
        "PARTIALLY_SUCCEEDED",
        "VALIDATION_FAILURE",
    )
    assert job["ResultsSummary"] == {
        "CreatedRecords": 2,
        "UpdatedRecords": 0,
        "FailedRecords": 3,
    }
    assert client.get_domain(DomainName="d")["Stats"]["ProfileCount"] == 2


def test_each_failed_row_keeps_its_reason_on_the_job(client, domain):
    """The API returns counts only; the reasons are on the backend's job."""
    job_id = run_job(
        client,
        csv_text("email,first", ",no key", "bob@example.com,Bob,extra", "ok@x.com,Ok"),
    )

    job = customerprofiles_backends[ACCOUNT_ID][REGION].domains["d"].upload_jobs[job_id]
    assert job.failures == [
        "Row 1: No value for the UniqueKey email",
        "Row 2: 3 values, but the header has 2 columns",
    ]


def test_a_job_whose_every_row_fails_fails(client, domain):
    job_id = run_job(client, csv_text("email,first", ",Ann", ",Bob"))

    job = get_job(client, job_id)
    assert (job["Status"], job["StatusReason"]) == ("FAILED", "VALIDATION_FAILURE")
    assert job["ResultsSummary"] == {
        "CreatedRecords": 0,
        "UpdatedRecords": 0,
        "FailedRecords": 2,
    }
    assert "CompletedAt" in job


def test_a_header_only_file_succeeds_with_nothing(client, domain):
    job_id = run_job(client, "email,first\n")

    job = get_job(client, job_id)
    assert job["Status"] == "SUCCEEDED"
    assert job["ResultsSummary"] == {
        "CreatedRecords": 0,
        "UpdatedRecords": 0,
        "FailedRecords": 0,
    }


@pytest.mark.parametrize(
    ("data", "failed"),
    [
        ('email,first\nann@example.com,"Ann\n', 1),  # a quote never closed
        ("email,first\nann@example.com,\xc9mile\n".encode("latin-1"), 0),  # not UTF-8
        ("\ufeffemail,first\nann@example.com,Ann\n".encode(), 0),  # UTF-8 with BOM
        ("", 0),  # no header
        ("email,email\nann@example.com,Ann\n", 1),  # a column named twice
        ("email,,first\nann@example.com,x,Ann\n", 1),  # a column without a name
    ],
    ids=[
        "unclosed-quote",
        "not-utf8",
        "bom",
        "empty",
        "repeated-column",
        "unnamed-column",
    ],
)
def test_a_file_that_cannot_be_read_fails_the_job(client, domain, data, failed):
    job_id = run_job(client, data)

    job = get_job(client, job_id)
    assert (job["Status"], job["StatusReason"]) == ("FAILED", "VALIDATION_FAILURE")
    assert job["ResultsSummary"] == {
        "CreatedRecords": 0,
        "UpdatedRecords": 0,
        "FailedRecords": failed,
    }
    assert client.get_domain(DomainName="d")["Stats"]["ProfileCount"] == 0


def test_a_unique_key_naming_no_field_and_no_column_fails_the_job(client, domain):
    job_id = run_job(
        client, csv_text("email,first", "ann@example.com,Ann"), unique_key="id"
    )

    job = get_job(client, job_id)
    assert (job["Status"], job["StatusReason"]) == ("FAILED", "VALIDATION_FAILURE")
    assert job["ResultsSummary"]["FailedRecords"] == 1
    assert client.get_domain(DomainName="d")["Stats"]["ProfileCount"] == 0


def test_a_job_started_without_a_file_fails(client, domain):
    job_id = create_job(client)

    client.start_upload_job(DomainName="d", JobId=job_id)

    job = get_job(client, job_id)
    assert (job["Status"], job["StatusReason"]) == ("FAILED", "VALIDATION_FAILURE")


def test_a_second_start_changes_nothing(client, domain):
    job_id = run_job(client, csv_text("email,first", "ann@example.com,Ann"))
    before = get_job(client, job_id)

    client.start_upload_job(DomainName="d", JobId=job_id)

    assert get_job(client, job_id) == before
    profile_id = find_profile(client, "ann@example.com")["ProfileId"]
    history = client.list_profile_history_records(DomainName="d", ProfileId=profile_id)
    assert [r["ActionType"] for r in history["ProfileHistoryRecords"]] == [
        "CREATED",
        "INGESTED",
    ]


# --- statuses through the state manager, StopUploadJob ------------------------------


def test_a_started_job_is_in_progress_until_its_progression_ends(
    client, domain, manual
):
    job_id = run_job(client, csv_text("email,first", "ann@example.com,Ann"))

    first = get_job(client, job_id)
    second = get_job(client, job_id)

    assert first["Status"] == "IN_PROGRESS"
    assert "ResultsSummary" not in first and "CompletedAt" not in first
    assert second["Status"] == "SUCCEEDED"
    assert second["ResultsSummary"]["CreatedRecords"] == 1


def test_nothing_is_ingested_while_in_progress(client, domain, manual):
    job_id = run_job(client, csv_text("email,first", "ann@example.com,Ann"))

    assert client.get_domain(DomainName="d")["Stats"]["ProfileCount"] == 0
    client.get_upload_job(DomainName="d", JobId=job_id)  # answers, then ticks
    client.get_upload_job(DomainName="d", JobId=job_id)  # processes

    assert client.get_domain(DomainName="d")["Stats"]["ProfileCount"] == 1


def test_list_ticks_the_progression_as_get_does(client, domain, manual):
    job_id = run_job(client, csv_text("email,first", "ann@example.com,Ann"))

    statuses = [client.list_upload_jobs(DomainName="d")["Items"][0]["Status"]]
    statuses.append(get_job(client, job_id)["Status"])

    assert statuses == ["IN_PROGRESS", "SUCCEEDED"]


def test_stop_before_start_stops_the_job(client, domain):
    job_id = create_job(client)

    client.stop_upload_job(DomainName="d", JobId=job_id)
    client.start_upload_job(DomainName="d", JobId=job_id)

    job = get_job(client, job_id)
    assert job["Status"] == "STOPPED"
    assert "ResultsSummary" not in job and "StatusReason" not in job


def test_stop_while_in_progress_ingests_nothing(client, domain, manual):
    job_id = run_job(client, csv_text("email,first", "ann@example.com,Ann"))

    client.stop_upload_job(DomainName="d", JobId=job_id)
    statuses = [get_job(client, job_id)["Status"] for _ in range(3)]

    assert statuses == ["STOPPED"] * 3
    assert client.get_domain(DomainName="d")["Stats"]["ProfileCount"] == 0


def test_stop_after_the_end_changes_nothing(client, domain):
    job_id = run_job(client, csv_text("email,first", "ann@example.com,Ann"))
    before = get_job(client, job_id)

    client.stop_upload_job(DomainName="d", JobId=job_id)

    assert get_job(client, job_id) == before


# --- ListUploadJobs -----------------------------------------------------------------


def test_list_has_every_item_member_in_creation_order(client, domain):
    with freeze_time(T0):
        done = run_job(client, csv_text("email", "ann@example.com"), DataExpiry=3)
        fresh = create_job(client, DisplayName="later.csv")

    items = client.list_upload_jobs(DomainName="d")["Items"]

    assert items == [
        {
            "JobId": done,
            "DisplayName": "customers.csv",
            "Status": "SUCCEEDED",
            "CreatedAt": T0,
            "CompletedAt": T0,
            "DataExpiry": 3,
        },
        {
            "JobId": fresh,
            "DisplayName": "later.csv",
            "Status": "CREATED",
            "CreatedAt": T0,
            "DataExpiry": 14,
        },
    ]


def test_list_pages(client, domain):
    ids = [create_job(client) for _ in range(5)]

    first = client.list_upload_jobs(DomainName="d", MaxResults=2)
    rest = client.list_upload_jobs(
        DomainName="d", MaxResults=500, NextToken=first["NextToken"]
    )

    assert [i["JobId"] for i in first["Items"]] == ids[:2]
    assert [i["JobId"] for i in rest["Items"]] == ids[2:]
    assert "NextToken" not in rest


def test_list_of_a_domain_without_jobs_is_empty(client, domain):
    assert client.list_upload_jobs(DomainName="d")["Items"] == []


def test_list_in_a_missing_domain_is_not_found(client):
    with pytest.raises(ClientError) as exc:
        client.list_upload_jobs(DomainName="nope")

    assert client_error(exc)[:2] == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
    )


def test_list_refuses_a_token_of_another_request(client, domain):
    with pytest.raises(ClientError) as exc:
        client.list_upload_jobs(DomainName="d", NextToken="not-a-token")

    assert client_error(exc) == (
        "BadRequestException",
        "The pagination token is invalid.",
        400,
    )


# --- the documented flow, end to end ------------------------------------------------

ROWS = 1000
PEOPLE = 500  # row i and row i + 500 are the same person: the second updates


def read_stream(kinesis, name):
    shard = kinesis.describe_stream(StreamName=name)["StreamDescription"]["Shards"][0]
    iterator = kinesis.get_shard_iterator(
        StreamName=name, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    found = []
    while True:
        answer = kinesis.get_records(ShardIterator=iterator, Limit=10000)
        found += [json.loads(r["Data"]) for r in answer["Records"]]
        if not answer["Records"]:
            return found
        iterator = answer["NextShardIterator"]


def test_a_1000_row_csv_uploaded_to_the_url_becomes_profiles_objects_history_and_events(
    client, domain
):
    kinesis = boto3.client("kinesis", region_name=REGION)
    kinesis.create_stream(StreamName="s", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="s")["StreamDescription"]["StreamARN"]
    client.create_event_stream(DomainName="d", EventStreamName="es", Uri=arn)
    lines = ["email,first,tier"]
    lines += [f"p{i}@example.com,First{i},bronze" for i in range(PEOPLE)]
    lines += [f"p{i}@example.com,Second{i},gold" for i in range(ROWS - PEOPLE)]
    job_id = create_job(client, DisplayName="people.csv")
    path = client.get_upload_job_path(DomainName="d", JobId=job_id)

    put = requests.put(
        path["Url"], data=csv_text(*lines), headers=sse_headers(path["ClientToken"])
    )
    client.start_upload_job(DomainName="d", JobId=job_id)

    assert put.status_code == 200
    job = get_job(client, job_id)
    assert job["Status"] == "SUCCEEDED"
    assert job["ResultsSummary"] == {
        "CreatedRecords": PEOPLE,
        "UpdatedRecords": ROWS - PEOPLE,
        "FailedRecords": 0,
    }
    assert client.get_domain(DomainName="d")["Stats"]["ProfileCount"] == PEOPLE
    object_type = f"UploadJob-{job_id}"
    profiles = {}
    for start in range(0, PEOPLE, 100):
        emails = [f"p{i}@example.com" for i in range(start, start + 100)]
        found = client.search_profiles(
            DomainName="d", KeyName="email", Values=emails, MaxResults=100
        )["Items"]
        profiles.update({p["EmailAddress"]: p for p in found})
    assert len(profiles) == PEOPLE
    for i in range(PEOPLE):
        profile = profiles[f"p{i}@example.com"]
        assert profile["FirstName"] == f"Second{i}"
        assert profile["Attributes"] == {"tier": "gold"}
        objects = client.list_profile_objects(
            DomainName="d", ObjectTypeName=object_type, ProfileId=profile["ProfileId"]
        )["Items"]
        assert [json.loads(o["Object"]) for o in objects] == [
            {"email": f"p{i}@example.com", "first": f"Second{i}", "tier": "gold"}
        ]
        history = client.list_profile_history_records(
            DomainName="d", ProfileId=profile["ProfileId"]
        )["ProfileHistoryRecords"]
        assert [(r["ActionType"], r["ObjectTypeName"]) for r in history] == [
            ("CREATED", "_profile"),
            ("INGESTED", object_type),
            ("UPDATED", "_profile"),
            ("INGESTED", object_type),
        ]
    events = read_stream(kinesis, "s")
    kinds = [(e["ObjectTypeName"], e["EventType"]) for e in events]
    assert kinds.count(("_profile", "CREATED")) == PEOPLE
    assert kinds.count(("_profile", "UPDATED")) == ROWS - PEOPLE
    assert kinds.count((object_type, "CREATED")) == PEOPLE
    assert kinds.count((object_type, "UPDATED")) == ROWS - PEOPLE
    assert len(events) == 2 * ROWS
