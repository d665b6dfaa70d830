"""Memory per stored document: ours against moto's DynamoDB, side by side in one run.

N profiles, each made by one PutProfileObject of a 1 KB JSON object (an Order with an
email PROFILE key and an id UNIQUE key), against the same N documents put as DynamoDB
items (one string attribute per field). Both in decorator mode (``mock_aws``) through
boto3, measured with ``tracemalloc`` as the memory still held after the puts, divided
by N. Ours holds more than the document: the profile, its search keys, its two
history records. Issue 20's goal: at most 1.5x (measured 1.47x with --quick, 1.38x at
10,000 documents; 2.41x before the compact profile and object).

No assertions: the numbers are informative.

    python benchmarks/bench_memory.py            # 10,000 documents
    python benchmarks/bench_memory.py --quick    # CI: 1,000 documents
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tracemalloc
from collections.abc import Callable
from typing import Any

REGION = "us-east-1"
FIELDS = {
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "id": {"Source": "_source.id"},
    "total": {"Source": "_source.total"},
    "note": {"Source": "_source.note"},
}
KEYS = {
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
}


def document(i: int) -> dict[str, str]:
    """About 1 KB of JSON."""
    doc = {"id": f"o{i}", "email": f"c{i}@example.com", "total": str(i)}
    doc["note"] = "x" * (1024 - len(json.dumps(doc)) - 12)
    return doc


def held(put: Callable[[int], object], count: int) -> float:
    """Bytes still allocated after ``count`` puts, per put."""
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(count):
        put(i)
    gc.collect()
    return (tracemalloc.get_traced_memory()[0] - before) / count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 documents (CI)")
    args = parser.parse_args(argv)
    count = 1_000 if args.quick else 10_000
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ.setdefault(name, "testing")
    os.environ["TEST_SERVER_MODE"] = "false"

    import boto3
    from moto import mock_aws

    import moto_customerprofiles  # noqa: F401  (registers the service)

    with mock_aws():
        profiles: Any = boto3.client("customer-profiles", region_name=REGION)
        dynamodb: Any = boto3.client("dynamodb", region_name=REGION)
        profiles.create_domain(DomainName="d", DefaultExpirationDays=30)
        profiles.put_profile_object_type(
            DomainName="d",
            ObjectTypeName="Order",
            Description="orders",
            AllowProfileCreation=True,
            Fields=FIELDS,
            Keys=KEYS,
        )
        dynamodb.create_table(
            TableName="orders",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )

        def ours(i: int) -> object:
            return profiles.put_profile_object(
                DomainName="d", ObjectTypeName="Order", Object=json.dumps(document(i))
            )

        def theirs(i: int) -> object:
            item = {k: {"S": v} for k, v in document(i).items()}
            return dynamodb.put_item(TableName="orders", Item=item)

        for i in range(1, 21):  # warm up both paths (caches, lazily built models)
            ours(-i)
            theirs(-i)
        tracemalloc.start()
        per_ours = held(lambda i: ours(i), count)
        per_theirs = held(lambda i: theirs(i), count)
        tracemalloc.stop()
    print(f"{count:,} documents of 1 KB, decorator mode, tracemalloc")
    print(f"  PutProfileObject (a profile each): {per_ours:8.0f} bytes per document")
    print(f"  DynamoDB PutItem:                  {per_theirs:8.0f} bytes per document")
    print(f"  ratio ours/DynamoDB: {per_ours / per_theirs:.2f}x (goal: at most 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
