"""Benchmarks for issue 11 (concurrency): ratios measured side by side in one run.

1. GetDomain over a domain with 10,000 objects against one with 10 (decorator mode,
   ``mock_aws``, one boto3 client). Goal: at most 1.2x.
2. Server throughput: an in-process ``ThreadedMotoServer`` on 127.0.0.1 (a free port),
   4 client threads, on GetDomain and on PutProfileObject. Each workload is measured
   against a native moto rest-json call under the same load (emr-containers
   DescribeVirtualCluster), and, when the backend has a request lock, against the same
   workload with that lock replaced by a no-op (the behaviour before the lock).
   Goal: no more than 10% lower than before the fix.

Sides are timed in alternating rounds (A then B, then B then A, ...) so that drift falls
on both; the table gives each side's median over the rounds, the ratio of the medians
and the 25th-75th percentile of the per-round ratios. No assertions. Load is bounded:
a fixed number of requests per round, to 127.0.0.1 only.

    python benchmarks/bench_server.py            # fuller run
    python benchmarks/bench_server.py --quick    # well under a minute
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from bench import ORDER_FIELDS as FIELDS  # beside this file: one Order type for both
from bench import ORDER_KEYS as KEYS

REGION = "us-east-1"  # served by both customer-profiles and emr-containers
ACCOUNT_ID = "123456789012"
THREADS = 4

os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")


def _client(service: str, endpoint: str | None = None) -> Any:
    import boto3
    from botocore.config import Config

    return boto3.session.Session().client(
        service,
        region_name=REGION,
        endpoint_url=endpoint,
        config=Config(retries={"max_attempts": 0, "mode": "standard"}),
    )


def _backend() -> Any:
    from moto_customerprofiles.customerprofiles.models import customerprofiles_backends

    return customerprofiles_backends[ACCOUNT_ID][REGION]


def _domain_with_objects(client: Any, name: str, count: int) -> None:
    """A domain with ``count`` objects over 10 profiles, put through the backend
    (no HTTP: 10,000 objects in a second or two), so its counters, if any, count them."""
    client.create_domain(DomainName=name, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=name,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )
    backend = _backend()
    for n in range(count):
        content = {"email": f"c{n % 10}@example.com", "id": f"o{n}", "total": n}
        backend.put_profile_object(
            domain_name=name, object_type_name="Order", object=json.dumps(content)
        )
    stats = client.get_domain(DomainName=name)["Stats"]
    assert stats["ObjectCount"] == count, stats


def _quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def _alternate(
    sides: list[tuple[str, Callable[[], float]]], rounds: int
) -> dict[str, list[float]]:
    """Each side returns one round's measure; the order alternates between rounds."""
    results: dict[str, list[float]] = {label: [] for label, _ in sides}
    for r in range(rounds):
        order = sides if r % 2 == 0 else list(reversed(sides))
        for label, measure in order:
            results[label].append(measure())
    return results


def _row(
    name: str, ours: list[float], base: list[float], unit: str, goal: str
) -> list[str]:
    ratios = [a / b for a, b in zip(ours, base, strict=True)]
    low, high = _quartiles(ratios)
    m_ours, m_base = statistics.median(ours), statistics.median(base)
    return [
        f"{name}",
        f"    ours {m_ours:10.1f} {unit}   baseline {m_base:10.1f} {unit}   "
        f"ratio {m_ours / m_base:5.2f}  (per-round {low:.2f}-{high:.2f})   goal: {goal}",
    ]


# --- 1. GetDomain over 10,000 objects against 10 ----------------------------------------


def bench_get_domain_size(rounds: int, batch: int, objects: int) -> list[str]:
    from moto import mock_aws

    import moto_customerprofiles  # noqa: F401

    with mock_aws():
        client = _client("customer-profiles")
        _domain_with_objects(client, "big", objects)
        _domain_with_objects(client, "small", 10)

        def side(name: str) -> Callable[[], float]:
            def measure() -> float:
                start = time.perf_counter()
                for _ in range(batch):
                    client.get_domain(DomainName=name)
                return (time.perf_counter() - start) / batch * 1e6  # us per call

            return measure

        for _ in range(3):  # warm-up
            side("big")()
            side("small")()
        results = _alternate([("big", side("big")), ("small", side("small"))], rounds)
    return _row(
        f"GetDomain, {objects} objects vs 10 (us/call, decorator mode)",
        results["big"],
        results["small"],
        "us",
        "ratio <= 1.2",
    )


# --- 2. server throughput with 4 client threads -----------------------------------------


@contextlib.contextmanager
def _server() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    import moto_customerprofiles  # noqa: F401

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def _throughput(
    calls: list[Callable[[int], object]], per_thread: int, numbers: Iterator[int]
) -> float:
    """Requests per second of ``len(calls)`` threads, each making ``per_thread`` calls."""
    errors: list[BaseException] = []
    lock = threading.Lock()
    plans = [[next(numbers) for _ in range(per_thread)] for _ in calls]

    def run(call: Callable[[int], object], plan: list[int]) -> None:
        try:
            for n in plan:
                call(n)
        except BaseException as error:  # reported after the round
            with lock:
                errors.append(error)

    threads = [
        threading.Thread(target=run, args=(call, plan), daemon=True)
        for call, plan in zip(calls, plans, strict=True)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.perf_counter() - start
    if errors or any(t.is_alive() for t in threads):
        raise RuntimeError(f"a client thread failed or hung: {errors[:1]}")
    return len(calls) * per_thread / elapsed


@contextlib.contextmanager
def _without_lock() -> Iterator[None]:
    """The backend's request lock replaced by a no-op: the code as before the lock."""
    backend = _backend()
    lock = backend.__dict__.get("lock")
    if lock is not None:
        backend.lock = contextlib.nullcontext()
    try:
        yield
    finally:
        if lock is not None:
            backend.lock = lock


def bench_server(rounds: int, per_thread: int) -> list[str]:
    lines: list[str] = []
    with _server() as endpoint:
        ours = [_client("customer-profiles", endpoint) for _ in range(THREADS)]
        native = [_client("emr-containers", endpoint) for _ in range(THREADS)]
        setup = ours[0]
        setup.create_domain(DomainName="get", DefaultExpirationDays=30)
        setup.create_domain(DomainName="put", DefaultExpirationDays=30)
        setup.put_profile_object_type(
            DomainName="put",
            ObjectTypeName="Order",
            Description="orders",
            AllowProfileCreation=True,
            Fields=FIELDS,
            Keys=KEYS,
        )
        cluster = native[0].create_virtual_cluster(
            name="bench",
            containerProvider={
                "id": "bench-eks-cluster",
                "type": "EKS",
                "info": {"eksInfo": {"namespace": "ns"}},
            },
        )["id"]
        has_lock = "lock" in _backend().__dict__
        numbers = iter(range(10**9))

        def get_domain(client: Any) -> Callable[[int], object]:
            return lambda n: client.get_domain(DomainName="get")

        def put_object(client: Any) -> Callable[[int], object]:
            def call(n: int) -> object:
                content = {"email": f"c{n % 50}@example.com", "id": f"o{n}", "total": n}
                return client.put_profile_object(
                    DomainName="put", ObjectTypeName="Order", Object=json.dumps(content)
                )

            return call

        def describe(client: Any) -> Callable[[int], object]:
            return lambda n: client.describe_virtual_cluster(id=cluster)

        def measure(
            make: Callable[[Any], Callable[[int], object]],
            clients: list[Any],
            lock_free: bool = False,
        ) -> Callable[[], float]:
            def run() -> float:
                with _without_lock() if lock_free else contextlib.nullcontext():
                    return _throughput([make(c) for c in clients], per_thread, numbers)

            return run

        for label, make in (
            ("GetDomain", get_domain),
            ("PutProfileObject", put_object),
        ):
            sides = [
                ("ours", measure(make, ours)),
                ("native", measure(describe, native)),
            ]
            if has_lock:
                sides.append(("lock-free", measure(make, ours, lock_free=True)))
            for _, run in sides:  # warm-up
                run()
            results = _alternate(sides, rounds)
            lines += _row(
                f"{label}, {THREADS} client threads (requests/s; baseline: "
                "emr-containers DescribeVirtualCluster, same load)",
                results["ours"],
                results["native"],
                "req/s",
                "compare this ratio before/after the fix: at most 10% lower",
            )
            if has_lock:
                lines += _row(
                    f"{label}, {THREADS} client threads (requests/s; baseline: the same "
                    "with the request lock replaced by a no-op)",
                    results["ours"],
                    results["lock-free"],
                    "req/s",
                    "ratio >= 0.9",
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run (CI)")
    args = parser.parse_args(argv)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    if args.quick:
        size = bench_get_domain_size(rounds=5, batch=20, objects=10_000)
        server = bench_server(rounds=3, per_thread=40)
    else:
        size = bench_get_domain_size(rounds=11, batch=50, objects=10_000)
        server = bench_server(rounds=7, per_thread=150)
    print(f"Python {sys.version.split()[0]}, switch interval {sys.getswitchinterval()}")
    for line in size + server:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
