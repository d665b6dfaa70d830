"""Issue 20: ML identity resolution: the match groups a test sets, GetMatches,
GetSimilarProfiles (ML_BASED_MATCHING), GetAutoMergingPreview, identity-resolution jobs
and their S3 export."""

import csv
import io
from datetime import datetime, timezone

import boto3
import pytest
import requests
from botocore.exceptions import ClientError

import moto_customerprofiles

from .helpers import client_error, transition

JOB_MODEL = "customerprofiles::identity_resolution_job"
MONDAY = "2026-03-02T10:00:00Z"
ROUTE = "/moto-api/customerprofiles/ml-matches"
AUTO_MERGING = {
    "Enabled": False,
    "Consolidation": {"MatchingAttributesList": [["LastName"]]},
    "ConflictResolution": {"ConflictResolvingModel": "RECENCY"},
}
MATCHING = {
    "Enabled": True,
    "JobSchedule": {"DayOfTheWeek": "TUESDAY", "Time": "3:30"},
    "AutoMerging": AUTO_MERGING,
    "ExportingConfig": {"S3Exporting": {"S3BucketName": "exports", "S3KeyName": "ir"}},
}


def utc(text):
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


@pytest.fixture
def domain(client, customerprofiles_clock):
    customerprofiles_clock(MONDAY)
    client.create_domain(DomainName="d", DefaultExpirationDays=30, Matching=MATCHING)
    return "d"


def profiles(client, count, **fields):
    return [
        client.create_profile(DomainName="d", FirstName=f"n{i}", **fields)["ProfileId"]
        for i in range(count)
    ]


def set_matches(moto_api, matches, **extra):
    body = {"DomainName": "d", "Matches": matches, **extra}
    return requests.post(f"{moto_api}{ROUTE}", json=body, timeout=30)


def jobs(client):
    return client.list_identity_resolution_jobs(DomainName="d")[
        "IdentityResolutionJobsList"
    ]


# --- GetMatches and GetSimilarProfiles -------------------------------------------------


def test_a_test_sets_ml_matches_and_pages_get_matches(client, domain, moto_api):
    ids = profiles(client, 6)
    matches = [
        {"MatchId": f"m{i}", "ProfileIds": ids[2 * i : 2 * i + 2], "ConfidenceScore": s}
        for i, s in enumerate((0.9, 0.5, 0.1))
    ]
    response = set_matches(
        moto_api, matches, MatchGenerationDate="2026-03-01T00:00:00Z"
    )
    assert response.status_code == 200
    assert response.json() == {"Matches": matches}
    first = client.get_matches(DomainName="d", MaxResults=2)
    second = client.get_matches(
        DomainName="d", MaxResults=2, NextToken=first["NextToken"]
    )
    assert first["Matches"] + second["Matches"] == matches
    assert first["PotentialMatches"] == second["PotentialMatches"] == 3
    assert first["MatchGenerationDate"] == utc("2026-03-01T00:00:00")
    assert "NextToken" not in second


def test_get_matches_is_empty_until_a_test_sets_matches(client, domain):
    response = client.get_matches(DomainName="d")
    assert response["Matches"] == []
    assert response["PotentialMatches"] == 0
    assert "MatchGenerationDate" not in response


def test_the_python_function_sets_matches_with_a_generated_id(client, domain):
    ids = profiles(client, 2)
    moto_customerprofiles.set_ml_matches(
        "d", [{"ProfileIds": ids, "ConfidenceScore": 1}]
    )
    [match] = client.get_matches(DomainName="d")["Matches"]
    assert match["ProfileIds"] == ids
    assert match["ConfidenceScore"] == 1.0
    assert len(match["MatchId"]) == 32


def test_deleted_profiles_leave_the_groups(client, domain):
    ids = profiles(client, 3)
    moto_customerprofiles.set_ml_matches(
        "d",
        [
            {"MatchId": "a", "ProfileIds": ids, "ConfidenceScore": 0.5},
            {"MatchId": "b", "ProfileIds": ids[1:], "ConfidenceScore": 0.5},
        ],
    )
    client.delete_profile(DomainName="d", ProfileId=ids[2])
    matches = client.get_matches(DomainName="d")["Matches"]
    assert [(m["MatchId"], m["ProfileIds"]) for m in matches] == [("a", ids[:2])]


def test_similar_profiles_by_ml_have_a_confidence_score(client, domain):
    ids = profiles(client, 3)
    moto_customerprofiles.set_ml_matches(
        "d", [{"MatchId": "m", "ProfileIds": ids, "ConfidenceScore": 0.75}]
    )
    for key, value in (("_profileId", ids[1]), ("MatchId", "m")):
        found = client.get_similar_profiles(
            DomainName="d",
            MatchType="ML_BASED_MATCHING",
            SearchKey=key,
            SearchValue=value,
        )
        found.pop("ResponseMetadata")
        assert found == {
            "ProfileIds": sorted(ids),
            "MatchId": "m",
            "MatchType": "ML_BASED_MATCHING",
            "ConfidenceScore": 0.75,
        }


@pytest.mark.parametrize(
    ("matches", "message"),
    [
        ("x", "Matches must be a list"),
        ([1], "Matches[0] must be an object"),
        (
            [{"ProfileIds": ["a"], "ConfidenceScore": 1}],
            "Matches[0].ProfileIds must list two or more profile ids",
        ),
        (
            [{"ProfileIds": [["a"], {"b": 1}], "ConfidenceScore": 1}],
            "Matches[0].ProfileIds must list two or more profile ids",
        ),
        (
            [{"ProfileIds": ["a", "b"], "ConfidenceScore": 1}],
            "Matches[0]: no profile a in domain d",
        ),
        (
            [{"ProfileIds": ["a", "b"], "Extra": 1}],
            "Matches[0] has unknown member Extra",
        ),
    ],
)
def test_the_route_refuses_what_is_not_a_match(
    client, domain, moto_api, matches, message
):
    response = set_matches(moto_api, matches)
    assert response.status_code == 400
    assert response.json() == {"__type": "BadRequestException", "Message": message}


def test_the_route_refuses_a_score_out_of_range(client, domain, moto_api):
    ids = profiles(client, 2)
    response = set_matches(moto_api, [{"ProfileIds": ids, "ConfidenceScore": 2}])
    assert response.json()["Message"] == (
        "Matches[0].ConfidenceScore must be a number from 0 to 1"
    )


def test_the_function_refuses_a_missing_domain():
    with pytest.raises(ValueError, match="Domain nope exists in no account"):
        moto_customerprofiles.set_ml_matches("nope", [])


# --- GetAutoMergingPreview -------------------------------------------------------------


def test_auto_merging_preview_applies_the_consolidation_criteria(client, domain):
    doe = [
        client.create_profile(DomainName="d", LastName="Doe", FirstName=n)["ProfileId"]
        for n in ("Jo", "Jo", "Al")
    ]
    other = client.create_profile(DomainName="d", LastName="Roe")["ProfileId"]
    low = profiles(client, 2, LastName="Low")
    moto_customerprofiles.set_ml_matches(
        "d",
        [
            {"ProfileIds": [*doe, other], "ConfidenceScore": 0.9},
            {"ProfileIds": low, "ConfidenceScore": 0.2},
        ],
    )

    def preview(criteria, minimum=0.5):
        response = client.get_auto_merging_preview(
            DomainName="d",
            Consolidation={"MatchingAttributesList": criteria},
            ConflictResolution={"ConflictResolvingModel": "RECENCY"},
            MinAllowedConfidenceScoreForMerging=minimum,
        )
        response.pop("ResponseMetadata")
        return response

    assert preview([["LastName"]]) == {
        "DomainName": "d",
        "NumberOfMatchesInSample": 2,
        "NumberOfProfilesInSample": 6,
        "NumberOfProfilesWillBeMerged": 3,
    }
    assert preview([["LastName", "FirstName"]])["NumberOfProfilesWillBeMerged"] == 2
    assert preview([["LastName"]], minimum=0.1)["NumberOfProfilesWillBeMerged"] == 5


# --- identity-resolution jobs ----------------------------------------------------------


def test_enabling_matching_schedules_a_pending_job(client, domain):
    [job] = jobs(client)
    assert job["Status"] == "PENDING"
    assert job["JobStartTime"] == utc("2026-03-03T03:30:00")
    assert job["DomainName"] == "d"


def test_the_default_schedule_is_saturday_midnight(client, customerprofiles_clock):
    customerprofiles_clock(MONDAY)
    client.create_domain(
        DomainName="d", DefaultExpirationDays=30, Matching={"Enabled": True}
    )
    assert jobs(client)[0]["JobStartTime"] == utc("2026-03-07T00:00:00")


def test_a_job_runs_when_its_time_comes_and_its_export_reads_back(
    client, domain, customerprofiles_clock
):
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="exports")
    ids = profiles(client, 3, LastName="Doe")
    moto_customerprofiles.set_ml_matches(
        "d", [{"MatchId": "m1", "ProfileIds": ids[:2], "ConfidenceScore": 0.8}]
    )
    customerprofiles_clock("2026-03-03T04:00:00Z")
    done, pending = jobs(client)
    assert done["Status"] == "COMPLETED"
    assert pending["Status"] == "PENDING"
    assert pending["JobStartTime"] == utc("2026-03-10T03:30:00")
    job = client.get_identity_resolution_job(DomainName="d", JobId=done["JobId"])
    job.pop("ResponseMetadata")
    location = job["ExportingLocation"]["S3Exporting"]
    assert job == {
        "DomainName": "d",
        "JobId": done["JobId"],
        "Status": "COMPLETED",
        "JobStartTime": utc("2026-03-03T03:30:00"),
        "JobEndTime": utc("2026-03-03T04:00:00"),
        "LastUpdatedAt": utc("2026-03-03T04:00:00"),
        "JobExpirationTime": utc("2026-04-02T04:00:00"),
        "AutoMerging": AUTO_MERGING,
        "ExportingLocation": {
            "S3Exporting": {
                "S3BucketName": "exports",
                "S3KeyName": f"ir/{done['JobId']}/CustomerProfilesPendingMatches-d-part-0.csv",
            }
        },
        "JobStats": {
            "NumberOfProfilesReviewed": 3,
            "NumberOfMatchesFound": 1,
            "NumberOfMergesDone": 0,
        },
    }
    body = s3.get_object(Bucket="exports", Key=location["S3KeyName"])["Body"].read()
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert [(r["MatchingGroupId"], r["ProfileId"]) for r in rows] == [
        ("m1", ids[0]),
        ("m1", ids[1]),
    ]
    assert rows[0]["ConfidenceScore"] == "0.8"
    assert rows[0]["LastName"] == "Doe"
    assert rows[0]["FirstName"] == "n0"


def test_a_job_whose_bucket_is_missing_fails_with_a_message(
    client, domain, customerprofiles_clock
):
    customerprofiles_clock("2026-03-03T04:00:00Z")
    job = jobs(client)[0]
    assert job["Status"] == "FAILED"
    assert job["Message"] == (
        "Could not write the results to S3 bucket exports: it does not exist or "
        "Customer Profiles may not write to it."
    )


def test_job_statuses_move_through_the_state_manager(
    client, domain, customerprofiles_clock
):
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="exports")
    customerprofiles_clock("2026-03-03T04:00:00Z")
    with transition(JOB_MODEL):
        [job] = jobs(client)  # started: each Get or List is one step
        steps = [job["Status"]] + [
            client.get_identity_resolution_job(DomainName="d", JobId=job["JobId"])[
                "Status"
            ]
            for _ in range(2)
        ]
    assert steps == ["FIND_MATCHING", "COMPLETED", "COMPLETED"]


def test_auto_merging_merges_the_consolidated_profiles(client, customerprofiles_clock):
    customerprofiles_clock(MONDAY)
    matching = {
        "Enabled": True,
        "JobSchedule": {"DayOfTheWeek": "TUESDAY", "Time": "3:30"},
        "AutoMerging": {**AUTO_MERGING, "Enabled": True},
    }
    client.create_domain(DomainName="d", DefaultExpirationDays=30, Matching=matching)
    ids = [
        client.create_profile(DomainName="d", LastName=n)["ProfileId"]
        for n in ("Doe", "Doe", "Roe")
    ]
    moto_customerprofiles.set_ml_matches(
        "d", [{"ProfileIds": ids, "ConfidenceScore": 1}]
    )
    customerprofiles_clock("2026-03-03T04:00:00Z")
    done = jobs(client)[0]
    assert done["JobStats"]["NumberOfMergesDone"] == 1
    history = client.list_profile_history_records(DomainName="d", ProfileId=ids[1])
    assert [r["ActionType"] for r in history["ProfileHistoryRecords"]] == [
        "CREATED",
        "DELETED_BY_MERGE",
    ]
    [match] = client.get_matches(DomainName="d")["Matches"]
    assert match["ProfileIds"] == [ids[0], ids[2]]


def test_turning_matching_off_deletes_pending_jobs(
    client, domain, customerprofiles_clock
):
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="exports")
    customerprofiles_clock("2026-03-03T04:00:00Z")
    assert [j["Status"] for j in jobs(client)] == ["COMPLETED", "PENDING"]
    client.update_domain(DomainName="d", Matching={"Enabled": False})
    assert [j["Status"] for j in jobs(client)] == ["COMPLETED"]


def test_jobs_are_listed_by_job_start_time_and_paged(
    client, domain, customerprofiles_clock
):
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="exports")
    for moment in ("2026-03-03T04:00:00Z", "2026-03-10T04:00:00Z"):
        customerprofiles_clock(moment)
        jobs(client)
    every = jobs(client)
    starts = [j["JobStartTime"] for j in every]
    assert starts == sorted(starts) and len(starts) == 3
    first = client.list_identity_resolution_jobs(DomainName="d", MaxResults=2)
    second = client.list_identity_resolution_jobs(
        DomainName="d", MaxResults=2, NextToken=first["NextToken"]
    )
    assert [j["JobId"] for j in first["IdentityResolutionJobsList"]] + [
        j["JobId"] for j in second["IdentityResolutionJobsList"]
    ] == [j["JobId"] for j in every]


def test_a_missing_job_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_identity_resolution_job(DomainName="d", JobId="0" * 32)
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Identity resolution job {'0' * 32} does not exist in domain d.",
        404,
    )


def test_ml_operations_in_a_missing_domain_are_not_found(client):
    for call in (
        lambda: client.get_matches(DomainName="nope"),
        lambda: client.list_identity_resolution_jobs(DomainName="nope"),
        lambda: client.get_auto_merging_preview(
            DomainName="nope",
            Consolidation={"MatchingAttributesList": [["LastName"]]},
            ConflictResolution={"ConflictResolvingModel": "RECENCY"},
        ),
    ):
        with pytest.raises(ClientError) as exc:
            call()
        assert client_error(exc) == (
            "ResourceNotFoundException",
            "Domain nope does not exist.",
            404,
        )
