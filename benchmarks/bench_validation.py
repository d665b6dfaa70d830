"""Validation cost of hostile requests: a 1 MB request against a 1 KB one of the same kind.

Each case builds the same hostile request (refused by validation) at about 1 KB and at
about 1 MB of JSON, and times two things:

- "refused": the whole request, signed and sent through moto's pipeline in decorator
  mode (``mock_aws``) until its JSON 400 comes back: what a client waits for. The goal
  is a ratio no worse than 1,500x (the sizes' ratio is 1,024).
- "validator": only decoding the body and checking it against the botocore model
  (``protocol/validation.py``). Linear too, but with no fixed cost around it the
  ratio also shows how much slower Python walks a 1 MB document than a 1 KB one that
  sits in the CPU's cache (``json.loads`` and one loop over the items alone give
  several thousand x); informative.

Then each model pattern that backtracked as given is timed on a hostile value at its
model maximum and at 1 MB (the validator never runs a pattern on a value over the
maximum, but the equivalent it runs is safe at any size).

Last, a server (``ThreadedMotoServer``): the answer time of a small request (GetDomain)
from a second client while a first client keeps sending the slowest hostile request of
the table at 1 MB, against the same request on an idle server (goal: under 100 ms).

No assertions: the numbers are informative.

    python benchmarks/bench_validation.py            # fuller run
    python benchmarks/bench_validation.py --quick    # CI: a few seconds
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from moto import mock_aws
from moto.core.utils import get_service_model

import moto_customerprofiles  # noqa: F401  (registers the service)
from moto_customerprofiles.customerprofiles.exceptions import BadRequestException
from moto_customerprofiles.customerprofiles.protocol.validation import (
    SAFE_EQUIVALENTS,
    compiled_pattern,
    parse_body,
    validate_request,
)

KB = 1024
MB = 1024 * 1024
GOAL = 1500


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


ENDPOINT = "https://profile.us-east-1.amazonaws.com"

# name, operation, URI labels, body of about ``size`` bytes
CASES: list[tuple[str, str, dict[str, str], Callable[[int], dict[str, Any]]]] = [
    (
        "SearchProfiles: Values of invalid items",
        "SearchProfiles",
        {"DomainName": "d"},
        lambda size: {"KeyName": "k", "Values": [""] * (size // 4)},
    ),
    (
        "AssociateStreamForSegments: DestinationRoleArn 'arn:aws:iam:' repeated",
        "AssociateStreamForSegments",
        {"DomainName": "d"},
        lambda size: {
            "StreamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/s",
            "DestinationRoleArn": repeated("arn:aws:iam:", size),
            "SegmentDefinitionName": "s",
        },
    ),
    (
        "PutIntegration: RoleArn and FlowDefinition.KmsArn repeated",
        "PutIntegration",
        {"DomainName": "d"},
        lambda size: {
            "RoleArn": repeated("arn:aws:iam:", size // 2),
            "FlowDefinition": {"KmsArn": repeated("arn:aws:kms:", size // 2)},
        },
    ),
    (
        "UpdateRecommender: RecommenderVersionName of name characters",
        "UpdateRecommender",
        {"DomainName": "d", "RecommenderName": "r"},
        lambda size: {"RecommenderVersionName": repeated("a", size)},
    ),
    (
        "PutProfileObjectType: Fields of invalid names (a map)",
        "PutProfileObjectType",
        {"DomainName": "d", "ObjectTypeName": "t"},
        lambda size: {
            "Description": "d",
            "Fields": {f"!{i}": {"Source": "x"} for i in range(size // 24)},
        },
    ),
]

# (model pattern, hostile unit, model maximum length)
PATTERNS = [
    (r".*arn:aws:iam:.*:[0-9]+:.*", "arn:aws:iam:", 512),
    (r"arn:aws:iam:.*:[0-9]+:.*", "arn:aws:iam:", 512),
    (r"arn:aws:kms:.*:[0-9]+:.*", "arn:aws:kms:", 2048),
    (r"[a-zA-Z0-9_-]+/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z", "a", 100),
]


def validation_time(operation: str, labels: dict[str, str], body: bytes) -> float:
    model = get_service_model("customer-profiles").operation_model(operation)
    start = time.perf_counter()
    document, problem = parse_body(body)
    assert document is not None, problem
    try:
        validate_request(model, document, labels, {})
    except BadRequestException:
        pass
    return time.perf_counter() - start


def refusal_time(operation: str, labels: dict[str, str], body: bytes) -> float:
    """The whole request through moto's pipeline, until its JSON 400."""
    model = get_service_model("customer-profiles").operation_model(operation)
    path = model.http["requestUri"].split("?")[0].format(**labels)
    request = AWSRequest(
        method=model.http["method"],
        url=ENDPOINT + path,
        data=body,
        headers={"Content-Type": "application/json"},
    )
    SigV4Auth(Credentials("testing", "testing"), "profile", "us-east-1").add_auth(
        request
    )
    start = time.perf_counter()
    response = requests.request(
        request.method, request.url, data=body, headers=dict(request.headers)
    )
    elapsed = time.perf_counter() - start
    assert response.status_code == 400, response.text[:300]
    assert response.json()["__type"] == "BadRequestException", response.text[:300]
    return elapsed


def median_time(
    timer: Callable[[str, dict[str, str], bytes], float],
    operation: str,
    labels: dict[str, str],
    body: bytes,
    rounds: int,
) -> float:
    return statistics.median(timer(operation, labels, body) for _ in range(rounds))


def _signed(
    endpoint: str, method: str, path: str, body: bytes | None
) -> tuple[str, dict[str, str]]:
    request = AWSRequest(
        method=method,
        url=endpoint + path,
        data=body,
        headers={"Content-Type": "application/json"} if body else {},
    )
    SigV4Auth(Credentials("testing", "testing"), "profile", "us-east-1").add_auth(
        request
    )
    return request.url, dict(request.headers)


def second_client_latency(rounds: int) -> tuple[float, float, float]:
    """(median idle, median and worst while a first client sends hostile requests),
    in seconds, of GetDomain against a server."""
    import logging
    import socket
    import threading

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        url, headers = _signed(
            endpoint, "POST", "/domains/d", b'{"DefaultExpirationDays": 3}'
        )
        requests.post(url, data=b'{"DefaultExpirationDays": 3}', headers=headers)
        get_url, get_headers = _signed(endpoint, "GET", "/domains/d", None)

        def timed_get() -> float:
            start = time.perf_counter()
            response = requests.get(get_url, headers=get_headers)
            elapsed = time.perf_counter() - start
            assert response.status_code == 200, response.text[:300]
            return elapsed

        idle = [timed_get() for _ in range(rounds)]
        _, operation, labels, build = max(
            CASES, key=lambda case: case[0].startswith("PutProfileObjectType")
        )
        body = json.dumps(build(MB)).encode()
        model = get_service_model("customer-profiles").operation_model(operation)
        path = model.http["requestUri"].split("?")[0].format(**labels)
        hostile_url, hostile_headers = _signed(
            endpoint, model.http["method"], path, body
        )
        stop = threading.Event()

        def hostile() -> None:
            with requests.Session() as session:
                while not stop.is_set():
                    session.request(
                        model.http["method"],
                        hostile_url,
                        data=body,
                        headers=hostile_headers,
                    )

        sender = threading.Thread(target=hostile, daemon=True)
        sender.start()
        time.sleep(0.2)
        busy = []
        for _ in range(rounds):
            busy.append(timed_get())
            time.sleep(0.01)
        stop.set()
        sender.join(timeout=30)
    finally:
        server.stop()
    return statistics.median(idle), statistics.median(busy), max(busy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run for CI")
    args = parser.parse_args(argv)
    small_rounds, large_rounds = (50, 3) if args.quick else (200, 7)

    worst = 0.0
    with mock_aws():
        for timer, what in ((refusal_time, "refused"), (validation_time, "validator")):
            print(f"{what + ': case':<76} {'1 KB':>10} {'1 MB':>10} {'ratio':>8}")
            for name, operation, labels, build in CASES:
                small = json.dumps(build(KB)).encode()
                large = json.dumps(build(MB)).encode()
                small_time = median_time(timer, operation, labels, small, small_rounds)
                large_time = median_time(timer, operation, labels, large, large_rounds)
                ratio = large_time / small_time
                if timer is refusal_time:
                    worst = max(worst, ratio)
                print(
                    f"{name:<76} {small_time * 1e3:>8.3f}ms {large_time * 1e3:>8.1f}ms "
                    f"{ratio:>7.0f}x"
                )
            print()
    verdict = "within" if worst <= GOAL else "OVER"
    print(
        f"worst ratio of refused requests {worst:.0f}x: {verdict} the goal of {GOAL}x"
    )
    print()
    print(
        f"{'model pattern (searched as its safe equivalent)':<60} {'at max':>10} {'1 MB':>10}"
    )
    for pattern, unit, maximum in PATTERNS:
        assert pattern in SAFE_EQUIVALENTS, pattern
        regex = compiled_pattern(pattern)
        assert regex is not None
        times = []
        for size in (min(maximum, MB), MB):
            value = repeated(unit, size)
            start = time.perf_counter()
            regex.search(value)
            times.append(time.perf_counter() - start)
        print(f"{pattern:<60} {times[0] * 1e3:>8.3f}ms {times[1] * 1e3:>8.1f}ms")

    print()
    idle, busy, worst_busy = second_client_latency(10 if args.quick else 30)
    verdict = "within" if worst_busy < 0.1 else "OVER"
    print(
        "GetDomain from a second client: idle server "
        f"{idle * 1e3:.1f}ms; while a first client sends 1 MB hostile requests "
        f"{busy * 1e3:.1f}ms (median), {worst_busy * 1e3:.1f}ms (worst): {verdict} "
        "the goal of 100 ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
