"""Upload jobs: a CSV of 10,000 rows against one of 1,000 (goal: linear).

Each run makes a fresh domain and job in decorator mode (``mock_aws``), uploads the file
to the job's Url with a plain HTTP PUT (untimed), then times StartUploadJob, which
ingests every row through the ingestion pipeline (at once: the state manager's default).
Every row is a new profile (distinct UniqueKey values) with three mapped fields.

Two measures per size, side by side with their ratio (the sizes' ratio is 10):

- time: the median over the rounds of StartUploadJob's wall time, and rows per second;
- memory: the peak of Python allocations during StartUploadJob above what was allocated
  before it (``tracemalloc``, in a separate run: tracing slows the code). It includes the
  profiles, objects and history records the job stores, which grow with the rows.

No assertions: the numbers are informative.

    python benchmarks/bench_upload_jobs.py            # fuller run
    python benchmarks/bench_upload_jobs.py --quick    # CI: one round per size
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from typing import Any

import boto3
import requests
from moto import mock_aws

import moto_customerprofiles  # noqa: F401  (registers the service)

REGION = "us-east-1"
SMALL, LARGE = 1_000, 10_000
FIELDS = {
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "first": {"Source": "_source.first", "Target": "_profile.FirstName"},
    "tier": {"Source": "_source.tier", "Target": "_profile.Attributes.tier"},
}


def csv_of(rows: int) -> str:
    lines = ["email,first,tier"]
    lines += [f"p{i}@example.com,First{i},gold" for i in range(rows)]
    return "\n".join(lines) + "\n"


def prepared_job(client: Any, domain: str, data: str) -> str:
    """A job in a new domain with ``data`` uploaded to its Url (untimed)."""
    client.create_domain(DomainName=domain, DefaultExpirationDays=30)
    job_id: str = client.create_upload_job(
        DomainName=domain, DisplayName="bench.csv", Fields=FIELDS, UniqueKey="email"
    )["JobId"]
    path = client.get_upload_job_path(DomainName=domain, JobId=job_id)
    requests.put(path["Url"], data=data).raise_for_status()
    return job_id


def run(rows: int, rounds: int) -> tuple[float, float]:
    """(median seconds of StartUploadJob, peak bytes above the start) for ``rows``."""
    data = csv_of(rows)
    times = []
    peak = 0.0
    with mock_aws():
        client = boto3.client("customer-profiles", region_name=REGION)
        for n in range(rounds + 1):  # the last round traces memory
            domain = f"bench-{rows}-{n}"
            job_id = prepared_job(client, domain, data)
            tracing = n == rounds
            if tracing:
                tracemalloc.start()
                before = tracemalloc.get_traced_memory()[0]
            start = time.perf_counter()
            client.start_upload_job(DomainName=domain, JobId=job_id)
            elapsed = time.perf_counter() - start
            if tracing:
                peak = tracemalloc.get_traced_memory()[1] - before
                tracemalloc.stop()
            else:
                times.append(elapsed)
            summary = client.get_upload_job(DomainName=domain, JobId=job_id)
            assert summary["ResultsSummary"]["CreatedRecords"] == rows, summary
            client.delete_domain(DomainName=domain)
    return statistics.median(times), peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one round per size")
    args = parser.parse_args(argv)
    rounds = 1 if args.quick else 3
    small_time, small_peak = run(SMALL, rounds)
    large_time, large_peak = run(LARGE, rounds)
    print(f"{'StartUploadJob':<28} {SMALL:>12,} rows {LARGE:>12,} rows {'ratio':>8}")
    print(
        f"{'seconds (median)':<28} {small_time:>17.3f} {large_time:>17.3f} "
        f"{large_time / small_time:>7.1f}x"
    )
    print(
        f"{'rows per second':<28} {SMALL / small_time:>17,.0f} "
        f"{LARGE / large_time:>17,.0f} "
        f"{(LARGE / large_time) / (SMALL / small_time):>7.2f}x"
    )
    print(
        f"{'peak memory (MB, traced)':<28} {small_peak / 2**20:>17.1f} "
        f"{large_peak / 2**20:>17.1f} {large_peak / small_peak:>7.1f}x"
    )
    print(
        f"{'peak memory per row (KB)':<28} {small_peak / SMALL / 1024:>17.2f} "
        f"{large_peak / LARGE / 1024:>17.2f} "
        f"{(large_peak / LARGE) / (small_peak / SMALL):>7.2f}x"
    )
    print(f"goal: linear (a time and memory ratio near {LARGE // SMALL}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
