"""Concurrency: every request's effect is atomic with respect to every other request.

The stress test starts its own in-process ``ThreadedMotoServer`` on 127.0.0.1 (a free
port), in either TEST_SERVER_MODE setting, and runs 8 boto3 client threads against it
with very frequent thread switches (``sys.setswitchinterval``). The threads meet at
barriers to race, on purpose, every check-then-act rule: CreateDomain of one name,
PutIntegration of one Uri into two domains, CreateEventTrigger and TagResource past
their quotas of 50, PutProfileObject of one new object (8 times at once), and a trigger
limit of 3 firings per profile. Between races they put, re-put, page through and count
objects (GetDomain), and read the recorded trigger invocations.

Then it checks that nothing was lost or duplicated: profiles, objects and Domain stats,
Kinesis records of the event stream, trigger invocations; and that no answer was a 5xx
or an error body other than the model's JSON errors.

It uses its own region, names and Kinesis stream, so state left by other tests (or
that other tests' mock resets) cannot touch it while it runs.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError
from moto.server import ThreadedMotoServer

import moto_customerprofiles  # noqa: F401  (registers the service before the server)

REGION = "ap-southeast-2"
ACCOUNT_ID = "123456789012"
THREADS = 8
ROUNDS = 5
FILLER_PER_ROUND = 84  # with the races: > 500 requests per thread
TRIGGERS_PER_THREAD = 7  # 8 x 7 = 56 attempts at a quota of 50
TAGS_PER_THREAD = 7
QUOTA = 50
LIMITED_FIRINGS = 3  # trigger "lim": at most 3 firings per profile per day
RUN_TIMEOUT = 300.0  # seconds: a guard against a hang; a run takes about a minute
STREAMED = "conc-main"  # the domain with the event stream and the triggers
INTEGRATION_DOMAINS = ("conc-ia", "conc-ib")
STREAM = "conc-stream"
MODELLED_ERRORS = {
    "BadRequestException",
    "ResourceNotFoundException",
    "AccessDeniedException",
    "ThrottlingException",
    "InternalServerException",
}
FIELDS = {
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "id": {"Source": "_source.id"},
    "total": {"Source": "_source.total"},
}
KEYS = {
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
}
BIG_TOTAL = [
    {
        "EventTriggerDimensions": [
            {
                "ObjectAttributes": [
                    {
                        "FieldName": "total",
                        "ComparisonOperator": "GREATER_THAN",
                        "Values": ["100"],
                    }
                ]
            }
        ],
        "LogicalOperator": "ANY",
    }
]


def object_size(content: dict[str, Any]) -> int:
    """The size an object counts for in TotalSize: its compact JSON, in bytes."""
    return len(json.dumps(content, separators=(",", ":")).encode())


@dataclass
class Answer:
    operation: str
    status: int
    body: bytes


@dataclass
class Shared:
    """What the threads record, under one lock (the test's own, not the mock's)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    answers: list[Answer] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    # (operation, round) -> list of (thread, outcome): "ok" or the error code+message
    races: dict[tuple[str, int], list[tuple[int, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # object id -> (successful puts, last content put)
    puts: dict[str, list[Any]] = field(default_factory=dict)
    unique_keys: dict[str, str] = field(default_factory=dict)  # object id -> key
    profile_of_thread: dict[int, str] = field(default_factory=dict)
    objects_of_thread: dict[int, set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )

    def fail(self, message: str) -> None:
        with self.lock:
            self.failures.append(message)


def _client(service: str, endpoint: str, shared: Shared | None = None) -> Any:
    client = boto3.session.Session().client(
        service,
        region_name=REGION,
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        # No retries: a 5xx must be seen, not retried away.
        config=Config(
            retries={"max_attempts": 0, "mode": "standard"},
            connect_timeout=10,
            read_timeout=60,
        ),
    )
    if shared is not None:

        def record(http_response: Any, model: Any, **kwargs: Any) -> None:
            answer = Answer(
                model.name, http_response.status_code, http_response.content
            )
            with shared.lock:
                shared.answers.append(answer)

        client.meta.events.register("after-call", record)
    return client


def _outcome(call: Any) -> tuple[str, Any]:
    try:
        return "ok", call()
    except ClientError as error:
        err = error.response["Error"]
        return f"{err['Code']}: {err['Message']}", None


class Worker:
    def __init__(
        self, index: int, endpoint: str, shared: Shared, barrier: threading.Barrier
    ) -> None:
        self.index = index
        self.endpoint = endpoint
        self.shared = shared
        self.barrier = barrier
        self.client = _client("customer-profiles", endpoint, shared)
        self.requests = 0
        self.serial = 0

    # --- one call, counted and recorded --------------------------------------------

    def call(self, operation: str, **kwargs: Any) -> tuple[str, Any]:
        self.requests += 1
        return _outcome(lambda: getattr(self.client, operation)(**kwargs))

    def race(self, operation: str, round_: int, **kwargs: Any) -> str:
        outcome, _ = self.call(operation, **kwargs)
        with self.shared.lock:
            self.shared.races[(operation, round_)].append((self.index, outcome))
        return outcome

    def put(self, object_id: str, content: dict[str, Any]) -> str | None:
        outcome, answer = self.call(
            "put_profile_object",
            DomainName=STREAMED,
            ObjectTypeName="Order",
            Object=json.dumps(content),
        )
        if outcome != "ok":
            self.shared.fail(f"PutProfileObject {object_id}: {outcome}")
            return None
        key: str = answer["ProfileObjectUniqueKey"]
        with self.shared.lock:
            entry = self.shared.puts.setdefault(object_id, [0, None])
            entry[0] += 1
            entry[1] = content
            if self.shared.unique_keys.setdefault(object_id, key) != key:
                self.shared.failures.append(f"two unique keys for object {object_id}")
        return key

    def wait(self) -> None:
        self.barrier.wait(timeout=RUN_TIMEOUT)

    # --- the run ------------------------------------------------------------------

    def run(self) -> None:
        try:
            for round_ in range(ROUNDS):
                self.races_of_round(round_)
                self.filler(round_)
        except threading.BrokenBarrierError:
            self.shared.fail(f"thread {self.index}: a barrier was broken")
        except Exception as error:  # recorded, then the test fails on it
            self.shared.fail(f"thread {self.index}: {error!r}")
            self.barrier.abort()

    def races_of_round(self, round_: int) -> None:
        i = self.index
        domain = f"conc-race-{round_}"
        self.wait()
        self.race("create_domain", round_, DomainName=domain, DefaultExpirationDays=3)
        self.wait()
        uri = f"arn:aws:connect-campaigns:{REGION}:{ACCOUNT_ID}:campaign/race-{round_}"
        self.race(
            "put_integration",
            round_,
            DomainName=INTEGRATION_DOMAINS[i % 2],
            Uri=uri,
            ObjectTypeName="Order",
        )
        # One new object, put by every thread at once: one profile, one object.
        race_id = f"race-{round_}"
        content = {"email": f"race-{round_}@example.com", "id": race_id, "total": 500}
        self.wait()
        self.put(race_id, content)
        if i == 0:
            self.call(
                "put_profile_object_type",
                DomainName=domain,
                ObjectTypeName="Order",
                Description="orders",
                AllowProfileCreation=True,
                Fields=FIELDS,
                Keys=KEYS,
            )
        self.wait()
        for k in range(TRIGGERS_PER_THREAD):
            self.race(
                "create_event_trigger",
                round_,
                DomainName=domain,
                EventTriggerName=f"t-{i}-{k}",
                ObjectTypeName="Order",
                EventTriggerConditions=BIG_TOTAL,
            )
        self.wait()
        arn = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/{domain}"
        for k in range(TAGS_PER_THREAD):
            self.race("tag_resource", round_, resourceArn=arn, tags={f"k-{i}-{k}": "v"})

    def filler(self, round_: int) -> None:
        """Puts (new and re-put), GetDomain while putting, paging, invocation reads."""
        i = self.index
        mine = f"t{i}@example.com"
        for step in range(FILLER_PER_ROUND):
            kind = step % 6
            if kind in (0, 1, 3):  # a new object of this thread
                self.serial += 1
                object_id = f"o-{i}-{self.serial}"
                self.put(object_id, {"email": mine, "id": object_id, "total": 150})
                with self.shared.lock:
                    self.shared.objects_of_thread[i].add(object_id)
            elif kind == 2 and self.serial:  # a re-put of an earlier one, changed
                object_id = f"o-{i}-{1 + step % self.serial}"
                content = {"email": mine, "id": object_id, "total": 200 + step}
                self.put(object_id, content)
            elif kind == 5 and step == 5:  # once a round
                self.requests += 1
                url = (
                    f"{self.endpoint}/moto-api/customerprofiles/trigger-invocations"
                    f"?domain={STREAMED}&region={REGION}"
                )
                response = requests.get(url, timeout=60)
                answer = Answer(
                    "TriggerInvocations", response.status_code, response.content
                )
                with self.shared.lock:
                    self.shared.answers.append(answer)
            elif kind == 4 or (kind == 5 and step % 24 != 11):
                outcome, _ = self.call("get_domain", DomainName=STREAMED)
                if outcome != "ok":
                    self.shared.fail(f"GetDomain: {outcome}")
            else:
                self.walk_pages((i + 1) % THREADS)

    def walk_pages(self, owner: int) -> None:
        """Page through another thread's objects while it re-puts them: every object
        it had before the walk is listed, none twice."""
        with self.shared.lock:
            profile_id = self.shared.profile_of_thread.get(owner)
            before = {
                self.shared.unique_keys[o] for o in self.shared.objects_of_thread[owner]
            }
        if profile_id is None:
            outcome, found = self.call(
                "search_profiles",
                DomainName=STREAMED,
                KeyName="email",
                Values=[f"t{owner}@example.com"],
            )
            if outcome == "ok" and found["Items"]:
                with self.shared.lock:
                    self.shared.profile_of_thread[owner] = found["Items"][0][
                        "ProfileId"
                    ]
            return
        listed: list[str] = []
        token: str | None = None
        while True:
            kwargs: dict[str, Any] = {"NextToken": token} if token else {}
            outcome, page = self.call(
                "list_profile_objects",
                DomainName=STREAMED,
                ObjectTypeName="Order",
                ProfileId=profile_id,
                MaxResults=100,
                **kwargs,
            )
            if outcome != "ok":
                self.shared.fail(f"ListProfileObjects: {outcome}")
                return
            listed += [item["ProfileObjectUniqueKey"] for item in page["Items"]]
            token = page.get("NextToken")
            if not token:
                break
        repeated = [k for k, n in Counter(listed).items() if n > 1]
        skipped = before - set(listed)
        if repeated or skipped:
            self.shared.fail(
                f"ListProfileObjects of thread {owner}: {len(repeated)} repeated, "
                f"{len(skipped)} skipped"
            )


# --- set-up and reading back ---------------------------------------------------------


def _set_up(client: Any, kinesis: Any) -> None:
    for domain in (STREAMED, *INTEGRATION_DOMAINS):
        client.create_domain(DomainName=domain, DefaultExpirationDays=30)
        client.put_profile_object_type(
            DomainName=domain,
            ObjectTypeName="Order",
            Description="orders",
            AllowProfileCreation=True,
            Fields=FIELDS,
            Keys=KEYS,
        )
    kinesis.create_stream(StreamName=STREAM, ShardCount=1)
    arn = kinesis.describe_stream(StreamName=STREAM)["StreamDescription"]["StreamARN"]
    client.create_event_stream(DomainName=STREAMED, EventStreamName="es", Uri=arn)
    unlimited = {"Periods": [{"Unit": "DAYS", "Value": 1, "Unlimited": True}]}
    limited = {
        "Periods": [
            {"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": LIMITED_FIRINGS}
        ]
    }
    for name, limits in (("all", unlimited), ("lim", limited)):
        client.create_event_trigger(
            DomainName=STREAMED,
            EventTriggerName=name,
            ObjectTypeName="Order",
            EventTriggerConditions=BIG_TOTAL,
            EventTriggerLimits=limits,
        )
    for name in ("all", "lim"):  # one trigger per integration (the model's limit)
        client.put_integration(
            DomainName=STREAMED,
            Uri=f"arn:aws:connect-campaigns:{REGION}:{ACCOUNT_ID}:campaign/{name}",
            EventTriggerNames=[name],
        )


def _kinesis_records(kinesis: Any) -> list[dict[str, Any]]:
    shard = kinesis.describe_stream(StreamName=STREAM)["StreamDescription"]["Shards"][0]
    iterator = kinesis.get_shard_iterator(
        StreamName=STREAM, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    found: list[dict[str, Any]] = []
    while True:
        page = kinesis.get_records(ShardIterator=iterator, Limit=10000)
        found += [json.loads(r["Data"]) for r in page["Records"]]
        if not page["Records"]:
            return found
        iterator = page["NextShardIterator"]


def _problems_in_answers(answers: list[Answer]) -> list[str]:
    problems = []
    for answer in answers:
        where = f"{answer.operation} answered {answer.status}"
        if answer.status >= 500:
            problems.append(f"{where}: {answer.body[:120]!r}")
            continue
        if not answer.body:
            continue
        try:
            body = json.loads(answer.body)
        except ValueError:
            problems.append(f"{where} with a body that is not JSON")
            continue
        if answer.status >= 300 and body.get("__type") not in MODELLED_ERRORS:
            problems.append(f"{where} with error type {body.get('__type')!r}")
    return problems


@pytest.fixture
def server() -> Any:
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        moto.stop()


@pytest.fixture
def frequent_switches() -> Any:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def test_concurrent_requests_are_atomic(server: str, frequent_switches: None) -> None:
    setup_client = _client("customer-profiles", server)
    kinesis = _client("kinesis", server)
    _set_up(setup_client, kinesis)

    shared = Shared()
    barrier = threading.Barrier(THREADS)
    workers = [Worker(i, server, shared, barrier) for i in range(THREADS)]
    threads = [
        threading.Thread(target=w.run, name=f"conc-{w.index}", daemon=True)
        for w in workers
    ]
    deadline = time.monotonic() + RUN_TIMEOUT
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    hung = [t.name for t in threads if t.is_alive()]
    if hung:
        barrier.abort()
        pytest.fail(f"threads still running after {RUN_TIMEOUT:.0f} s: {hung}")
    sys.setswitchinterval(0.005)  # the checks need no races
    # The run did what it was meant to: >= 500 requests per thread, no thread failed.
    assert min(w.requests for w in workers) >= 500
    kinds = Counter(f.split(":")[0] for f in shared.failures)
    assert shared.failures == [], f"{len(shared.failures)} failed calls: {dict(kinds)}"
    problems = _problems_in_answers(shared.answers)
    assert problems == [], f"{len(problems)} bad answers, first: {problems[0]}"

    # --- one winner per race ----------------------------------------------------------
    for round_ in range(ROUNDS):
        outcomes = shared.races[("create_domain", round_)]
        assert len(outcomes) == THREADS
        assert sum(o == "ok" for _, o in outcomes) == 1, outcomes
        assert all(
            o == "ok" or o.endswith(f"Domain conc-race-{round_} already exists")
            for _, o in outcomes
        ), outcomes

        uri = f"arn:aws:connect-campaigns:{REGION}:{ACCOUNT_ID}:campaign/race-{round_}"
        outcomes = shared.races[("put_integration", round_)]
        winners = {INTEGRATION_DOMAINS[t % 2] for t, o in outcomes if o == "ok"}
        assert len(winners) == 1, outcomes
        (owner,) = winners
        holders = setup_client.list_account_integrations(Uri=uri)["Items"]
        assert [h["DomainName"] for h in holders] == [owner]
        for domain in INTEGRATION_DOMAINS:
            uris = [
                i["Uri"]
                for i in setup_client.list_integrations(DomainName=domain)["Items"]
            ]
            assert uris.count(uri) == (1 if domain == owner else 0)

        domain = f"conc-race-{round_}"
        outcomes = shared.races[("create_event_trigger", round_)]
        assert sum(o == "ok" for _, o in outcomes) == QUOTA
        triggers = setup_client.list_event_triggers(DomainName=domain, MaxResults=100)
        assert len(triggers["Items"]) == QUOTA
        outcomes = shared.races[("tag_resource", round_)]
        assert sum(o == "ok" for _, o in outcomes) == QUOTA
        arn = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/{domain}"
        assert (
            len(setup_client.list_tags_for_resource(resourceArn=arn)["tags"]) == QUOTA
        )

    # --- profiles and objects: one each per key, stats that count them ------------------
    emails = [f"t{i}@example.com" for i in range(THREADS)]
    emails += [f"race-{r}@example.com" for r in range(ROUNDS)]
    profile_ids = {}
    for email in emails:
        found = setup_client.search_profiles(
            DomainName=STREAMED, KeyName="email", Values=[email]
        )["Items"]
        assert len(found) == 1, f"{len(found)} profiles for {email}"
        profile_ids[email] = found[0]["ProfileId"]
    for email, profile_id in profile_ids.items():
        listed, token = [], None
        while True:
            kwargs = {"NextToken": token} if token else {}
            page = setup_client.list_profile_objects(
                DomainName=STREAMED,
                ObjectTypeName="Order",
                ProfileId=profile_id,
                MaxResults=100,
                **kwargs,
            )
            listed += page["Items"]
            token = page.get("NextToken")
            if not token:
                break
        expected = {
            shared.unique_keys[o]
            for o, (_, content) in shared.puts.items()
            if content["email"] == email
        }
        keys = [item["ProfileObjectUniqueKey"] for item in listed]
        assert len(keys) == len(set(keys)) == len(expected)
        assert set(keys) == expected
    stats = setup_client.get_domain(DomainName=STREAMED)["Stats"]
    assert stats["ProfileCount"] == len(emails)
    assert stats["ObjectCount"] == len(shared.puts)
    assert stats["TotalSize"] == sum(object_size(c) for _, c in shared.puts.values())
    for round_ in range(ROUNDS):
        assert shared.puts[f"race-{round_}"][0] == THREADS  # every racing put succeeded

    # --- Kinesis: one record per successful put, one CREATED per object and profile -----
    records = _kinesis_records(kinesis)
    assert len({r["EventId"] for r in records}) == len(records)
    object_records = [r for r in records if r["ObjectTypeName"] == "Order"]
    by_key: dict[str, list[str]] = defaultdict(list)
    for record in object_records:
        by_key[record["ProfileObjectUniqueKey"]].append(record["EventType"])
    for object_id, (count, _) in shared.puts.items():
        events = by_key.pop(shared.unique_keys[object_id], [])
        assert len(events) == count, object_id
        assert events.count("CREATED") == 1, (object_id, events)
    assert by_key == {}
    profile_records = [r for r in records if r["ObjectTypeName"] == "_profile"]
    assert sorted(r["Object"]["ProfileId"] for r in profile_records) == sorted(
        profile_ids.values()
    )
    assert {r["EventType"] for r in profile_records} == {"CREATED"}

    # --- trigger invocations: one per put for "all"; "lim" fires 3 times per profile ----
    url = f"{server}/moto-api/customerprofiles/trigger-invocations"
    response = requests.get(
        url, params={"domain": STREAMED, "region": REGION}, timeout=60
    )
    invocations = response.json()["TriggerInvocations"]
    total_puts = sum(count for count, _ in shared.puts.values())
    every = [i for i in invocations if i["EventTriggerName"] == "all"]
    assert len(every) == total_puts
    assert {i["Status"] for i in every} == {"FIRED"}
    per_key = Counter(i["ProfileObjectUniqueKey"] for i in every)
    assert per_key == {
        shared.unique_keys[o]: count for o, (count, _) in shared.puts.items()
    }
    limited = [i for i in invocations if i["EventTriggerName"] == "lim"]
    assert len(limited) == total_puts
    fired = Counter(i["ProfileId"] for i in limited if i["Status"] == "FIRED")
    assert fired == dict.fromkeys(profile_ids.values(), LIMITED_FIRINGS)
    assert {i["Reason"] for i in limited if i["Status"] != "FIRED"} == {"LIMIT_REACHED"}


def test_a_re_put_between_two_pages_neither_repeats_nor_skips_an_object(
    server: str,
) -> None:
    """Lists follow creation order: a re-put object keeps its place."""
    client = _client("customer-profiles", server)
    domain = "conc-pages"
    client.create_domain(DomainName=domain, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=domain,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )
    keys = []
    for n in range(6):
        content = {"email": "p@example.com", "id": f"p{n}", "total": n}
        keys.append(
            client.put_profile_object(
                DomainName=domain, ObjectTypeName="Order", Object=json.dumps(content)
            )["ProfileObjectUniqueKey"]
        )
    profile_id = client.search_profiles(
        DomainName=domain, KeyName="email", Values=["p@example.com"]
    )["Items"][0]["ProfileId"]

    def page(token: str | None = None) -> dict[str, Any]:
        kwargs = {"NextToken": token} if token else {}
        return client.list_profile_objects(
            DomainName=domain,
            ObjectTypeName="Order",
            ProfileId=profile_id,
            MaxResults=3,
            **kwargs,
        )

    first = page()
    assert [i["ProfileObjectUniqueKey"] for i in first["Items"]] == keys[:3]
    # Re-put the first object (already listed) and the fourth (not yet listed).
    for n in (0, 3):
        content = {"email": "p@example.com", "id": f"p{n}", "total": 100 + n}
        client.put_profile_object(
            DomainName=domain, ObjectTypeName="Order", Object=json.dumps(content)
        )
    second = page(first["NextToken"])
    assert [i["ProfileObjectUniqueKey"] for i in second["Items"]] == keys[3:]
    assert "NextToken" not in second
    # The re-put content is what is listed, in its place.
    fourth = json.loads(second["Items"][0]["Object"])
    assert fourth == {"email": "p@example.com", "id": "p3", "total": 103}


def test_an_unexpected_error_is_the_models_internal_server_exception_in_json(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from moto_customerprofiles.customerprofiles.models import CustomerProfilesBackend

    def broken(self: Any, domain_name: str) -> Any:
        raise RuntimeError("dictionary changed size during iteration")

    monkeypatch.setattr(CustomerProfilesBackend, "get_domain", broken)
    client = _client("customer-profiles", server)
    with pytest.raises(ClientError) as error:
        client.get_domain(DomainName="conc-any")
    response = error.value.response
    assert response["Error"]["Code"] == "InternalServerException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 500
    assert response["ResponseMetadata"]["HTTPHeaders"]["content-type"] == (
        "application/json"
    )
