"""Micro-benchmarks: our calls against comparable calls of a native moto service.

Everything runs in one process, in decorator mode (``mock_aws``), through boto3 clients,
so each timing covers the whole path a test pays for: botocore serialization, moto's
dispatch, our validation, the backend and the response serializer.

The native baseline is ``emr-containers``: a rest-json service that moto implements on
the same machinery as ours (``automated_parameter_parsing`` and ``ActionResult``), with
the same code on moto 5.2.0 and 5.2.5.

Each case has two sides, timed in alternating rounds (A then B, then B then A, ...) so
that drift (CPU frequency, caches, other load) falls on both; a round times one batch of
calls per side. The table gives each side's median time per call over the rounds, the
ratio of the two medians, and the spread (25th-75th percentile) of the per-round ratios.
No assertions: the numbers are informative.

To add a case, write a function returning a ``Case`` and append it to ``CASES``. A side
may ``setup`` state once (untimed, inside the mock; e.g. create 1,000 event triggers) and
``prepare`` before each batch (untimed; e.g. reset the backend so that creates do not hit
a quota). The baseline need not be native moto: "ListEventTriggers over 1,000 triggers"
against "... over 10" is a case too.

    python benchmarks/bench.py            # fuller run
    python benchmarks/bench.py --quick    # CI: well under 30 s
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

REGION = "us-east-1"  # served by both customer-profiles and emr-containers


def _nothing() -> Any:
    return None


@dataclass(frozen=True)
class Side:
    label: str
    # One timed call: (state returned by setup, a call number unique in the run).
    call: Callable[[Any, int], object]
    # Once, untimed, inside the mock; its result is the state given to call/prepare.
    setup: Callable[[], Any] = _nothing
    # Untimed, before every batch (warm-up included).
    prepare: Callable[[Any], None] | None = None


@dataclass(frozen=True)
class Case:
    name: str
    ours: Side
    baseline: Side
    # Upper bound on calls per batch (e.g. a quota on the resource created).
    max_batch: int | None = None


@dataclass
class Result:
    case: Case
    ours: list[float] = field(default_factory=list)  # seconds per call, per round
    baseline: list[float] = field(default_factory=list)


# --- helpers -----------------------------------------------------------------------------


def _client(service: str) -> Any:
    import boto3

    return boto3.client(service, region_name=REGION)


def _reset(service: str) -> Callable[[Any], None]:
    """A ``prepare`` that empties one service's backend (BackendDict.reset would empty
    every service's)."""

    def prepare(state: Any) -> None:
        from moto.backends import get_backend

        get_backend(service)["123456789012"][REGION].reset()  # type: ignore[call-overload]

    return prepare


def _eks_provider(index: int) -> dict[str, Any]:
    return {
        "id": "bench-eks-cluster",
        "type": "EKS",
        "info": {"eksInfo": {"namespace": f"ns-{index}"}},
    }


# --- cases -------------------------------------------------------------------------------


def create_domain() -> Case:
    return Case(
        name="CreateDomain",
        ours=Side(
            label="customer-profiles CreateDomain",
            setup=lambda: _client("customer-profiles"),
            prepare=_reset("customer-profiles"),
            call=lambda client, i: client.create_domain(
                DomainName=f"bench-{i}", DefaultExpirationDays=30
            ),
        ),
        baseline=Side(
            label="emr-containers CreateVirtualCluster",
            setup=lambda: _client("emr-containers"),
            prepare=_reset("emr-containers"),
            call=lambda client, i: client.create_virtual_cluster(
                name=f"bench-{i}", containerProvider=_eks_provider(i)
            ),
        ),
        max_batch=100,  # MAX_DOMAINS_PER_REGION; the backend is reset before each batch
    )


def _domain_state() -> tuple[Any, str]:
    client = _client("customer-profiles")
    client.create_domain(DomainName="bench", DefaultExpirationDays=30)
    return client, "bench"


def _virtual_cluster_state() -> tuple[Any, str]:
    client = _client("emr-containers")
    created = client.create_virtual_cluster(
        name="bench", containerProvider=_eks_provider(0)
    )
    return client, created["id"]


def get_domain() -> Case:
    return Case(
        name="GetDomain",
        ours=Side(
            label="customer-profiles GetDomain",
            setup=_domain_state,
            call=lambda state, i: state[0].get_domain(DomainName=state[1]),
        ),
        baseline=Side(
            label="emr-containers DescribeVirtualCluster",
            setup=_virtual_cluster_state,
            call=lambda state, i: state[0].describe_virtual_cluster(id=state[1]),
        ),
    )


def _backend() -> Any:
    from moto_customerprofiles.customerprofiles.models import customerprofiles_backends

    return customerprofiles_backends["123456789012"][REGION]


ORDER_FIELDS = {
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
    "id": {"Source": "_source.id"},
    "total": {"Source": "_source.total"},
}
ORDER_KEYS = {
    "email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    "id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
}
CONDITIONS = [
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


def _orders_domain(
    name: str = "bench", triggers: int = 0, event_stream: bool = False
) -> tuple[Any, str]:
    """A domain with an Order object type, ``triggers`` triggers on it (made in the
    backend directly, past the quota) and optionally an event stream."""
    client = _client("customer-profiles")
    client.create_domain(DomainName=name, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=name,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=ORDER_FIELDS,
        Keys=ORDER_KEYS,
    )
    if triggers:
        client.create_event_trigger(
            DomainName=name,
            EventTriggerName="t-0000",
            ObjectTypeName="Order",
            EventTriggerConditions=CONDITIONS,
        )
        domain = _backend().domains[name]
        template = domain.event_triggers["t-0000"]
        for index in range(1, triggers):
            clone = copy.copy(template)
            clone.event_trigger_name = f"t-{index:04d}"
            clone.arn = f"{template.arn[: -len('t-0000')]}{clone.event_trigger_name}"
            domain.event_triggers[clone.event_trigger_name] = clone
    if event_stream:
        kinesis = _client("kinesis")
        kinesis.create_stream(StreamName=f"{name}-stream", ShardCount=1)
        arn = kinesis.describe_stream(StreamName=f"{name}-stream")["StreamDescription"][
            "StreamARN"
        ]
        client.create_event_stream(DomainName=name, EventStreamName="es", Uri=arn)
    return client, name


def _put_order(state: tuple[Any, str], i: int) -> object:
    client, name = state
    order = {"email": f"c{i % 50}@example.com", "id": str(i), "total": i % 200}
    return client.put_profile_object(
        DomainName=name, ObjectTypeName="Order", Object=json.dumps(order)
    )


def create_event_trigger() -> Case:
    def clear_triggers(state: tuple[Any, str]) -> None:
        _backend().domains[state[1]].event_triggers.clear()

    return Case(
        name="CreateEventTrigger",
        ours=Side(
            label="customer-profiles CreateEventTrigger",
            setup=_orders_domain,
            prepare=clear_triggers,
            call=lambda state, i: state[0].create_event_trigger(
                DomainName=state[1],
                EventTriggerName=f"t-{i}",
                ObjectTypeName="Order",
                EventTriggerConditions=CONDITIONS,
            ),
        ),
        baseline=Side(
            label="emr-containers CreateVirtualCluster",
            setup=lambda: _client("emr-containers"),
            prepare=_reset("emr-containers"),
            call=lambda client, i: client.create_virtual_cluster(
                name=f"bench-{i}", containerProvider=_eks_provider(i)
            ),
        ),
        max_batch=50,  # MAX_EVENT_TRIGGERS_PER_DOMAIN; cleared before each batch
    )


def _list_triggers(triggers: int, page: int) -> Side:
    """ListEventTriggers pages of ``page`` over a domain of ``triggers`` triggers."""
    return Side(
        label=f"page of {page} over {triggers:,} triggers",
        setup=lambda: _orders_domain(f"triggers-{triggers}", triggers=triggers),
        call=lambda state, i: state[0].list_event_triggers(
            DomainName=state[1], MaxResults=page
        ),
    )


def list_event_triggers() -> Case:
    return Case(
        name="ListEventTriggers",
        ours=_list_triggers(1000, 100),
        baseline=_list_triggers(10, 10),
    )


def list_event_triggers_size() -> Case:
    return Case(
        name="ListEventTriggers/10",
        ours=_list_triggers(1000, 10),
        baseline=_list_triggers(10, 10),
    )


def put_profile_object_event_stream() -> Case:
    return Case(
        name="PutProfileObject+stream",
        ours=Side(
            label="with an event stream",
            setup=lambda: _orders_domain("streamed", event_stream=True),
            call=_put_order,
        ),
        baseline=Side(
            label="without an event stream",
            setup=lambda: _orders_domain("plain"),
            call=_put_order,
        ),
    )


def put_profile_object_triggers() -> Case:
    return Case(
        name="PutProfileObject+triggers",
        ours=Side(
            label="50 triggers on the type",
            setup=lambda: _orders_domain("triggered", triggers=50),
            call=_put_order,
        ),
        baseline=Side(
            label="no triggers",
            setup=lambda: _orders_domain("plain"),
            call=_put_order,
        ),
    )


def _subscribed_domain(name: str, subscriptions: int) -> tuple[Any, str]:
    """The orders domain on a segment stream, with ``subscriptions`` subscribed
    segments: half on the profile's e-mail address, half on a calculated attribute
    (the SUM of the orders' totals) above a threshold."""
    client, _ = _orders_domain(name)
    kinesis = _client("kinesis")
    kinesis.create_stream(StreamName=f"{name}-members", ShardCount=1)
    arn = kinesis.describe_stream(StreamName=f"{name}-members")["StreamDescription"][
        "StreamARN"
    ]
    client.associate_stream_for_segments(
        DomainName=name,
        DestinationArn=arn,
        DestinationRoleArn="arn:aws:iam::123456789012:role/segments",
    )
    client.create_calculated_attribute_definition(
        DomainName=name,
        CalculatedAttributeName="spent",
        AttributeDetails={
            "Attributes": [{"Name": "total"}],
            "Expression": "{Order.total}",
        },
        Statistic="SUM",
    )
    for index in range(subscriptions):
        if index % 2:
            dimension = {
                "CalculatedAttributes": {
                    "spent": {
                        "DimensionType": "GREATER_THAN",
                        "Values": [str(500 * index)],
                    }
                }
            }
        else:
            dimension = {
                "ProfileAttributes": {
                    "EmailAddress": {
                        "DimensionType": "BEGINS_WITH",
                        "Values": [f"c{index}"],
                    }
                }
            }
        segment = f"s-{index}"
        client.create_segment_definition(
            DomainName=name,
            SegmentDefinitionName=segment,
            DisplayName=segment,
            SegmentGroups={"Groups": [{"Dimensions": [dimension]}]},
        )
        client.put_segment_subscription(DomainName=name, SegmentDefinitionName=segment)
    return client, name


def put_profile_object_subscriptions() -> Case:
    return Case(
        name="PutProfileObject+subscriptions",
        ours=Side(
            label="10 subscribed segments",
            setup=lambda: _subscribed_domain("subscribed", 10),
            call=_put_order,
        ),
        baseline=Side(
            label="no subscriptions",
            setup=lambda: _orders_domain("plain"),
            call=_put_order,
        ),
    )


def _batch_orders(state: tuple[Any, str], i: int) -> object:
    client, name = state
    items = [
        {
            "Id": f"i{n}",
            "Object": json.dumps(
                {
                    "email": f"c{(i * 10 + n) % 50}@example.com",
                    "id": f"{i}-{n}",
                    "total": n,
                }
            ),
        }
        for n in range(10)
    ]
    return client.batch_put_profile_object(
        DomainName=name, ObjectTypeName="Order", Items=items
    )


def _ten_puts(state: tuple[Any, str], i: int) -> object:
    for n in range(10):
        _put_order(state, i * 10 + n)
    return None


def batch_put_profile_object() -> Case:
    """Issue 19's goal: one batch of 10 at most 0.3x of 10 single puts."""
    return Case(
        name="BatchPutProfileObject",
        ours=Side(
            label="1 batch of 10 objects",
            setup=lambda: _orders_domain("batched"),
            call=_batch_orders,
        ),
        baseline=Side(
            label="10 PutProfileObject",
            setup=lambda: _orders_domain("single"),
            call=_ten_puts,
        ),
    )


KINESIS_RECORDS = 100  # per call: the cost per record is what the ratio compares


def _kinesis_source_domain() -> tuple[Any, str, Any]:
    """The orders domain with a Kinesis source integration on its Order type."""
    client, name = _orders_domain("kinesis-source")
    kinesis = _client("kinesis")
    kinesis.create_stream(StreamName="orders-source", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="orders-source")["StreamDescription"][
        "StreamARN"
    ]
    client.put_integration(DomainName=name, Uri=arn, ObjectTypeName="Order")
    return client, name, kinesis


def _kinesis_orders(state: tuple[Any, str, Any], i: int) -> object:
    """KINESIS_RECORDS orders put on the stream, then the request that ingests them."""
    client, name, kinesis = state
    records = [
        {
            "Data": json.dumps(
                {"email": f"c{n % 50}@example.com", "id": f"{i}-{n}", "total": n}
            ).encode(),
            "PartitionKey": "k",
        }
        for n in range(KINESIS_RECORDS)
    ]
    kinesis.put_records(StreamName="orders-source", Records=records)
    return client.get_domain(DomainName=name)


def _single_orders(state: tuple[Any, str], i: int) -> object:
    for n in range(KINESIS_RECORDS):
        _put_order(state, i * KINESIS_RECORDS + n)
    return None


def kinesis_source_ingestion() -> Case:
    """Issue 24's goal: ingestion through a Kinesis source at most 1.2x the same
    objects through PutProfileObject (the issue says 1,000 of each; 100 per call keeps
    the quick run short, and the cost per record is the same)."""
    return Case(
        name=f"Kinesis source/{KINESIS_RECORDS}",
        ours=Side(
            label="put_records + the next request",
            setup=_kinesis_source_domain,
            call=_kinesis_orders,
        ),
        baseline=Side(
            label=f"{KINESIS_RECORDS} PutProfileObject",
            setup=lambda: _orders_domain("single-puts"),
            call=_single_orders,
        ),
        max_batch=1,
    )


def _history_profile(records: int) -> tuple[Any, str]:
    """A profile with ``records`` history records (written by the one writer)."""
    from moto_customerprofiles.customerprofiles.engine.history import record

    client = _client("customer-profiles")
    name = f"history-{records}"
    client.create_domain(DomainName=name, DefaultExpirationDays=30)
    profile_id = client.create_profile(DomainName=name, FirstName="Ann")["ProfileId"]
    domain = _backend().domains[name]
    for _ in range(records - 1):
        record(domain, profile_id, "UPDATED", "_profile", {"FirstName": "Ann"})
    return client, f"{name}/{profile_id}"


def _history_page(records: int) -> Side:
    def call(state: tuple[Any, str], i: int) -> object:
        client, where = state
        name, profile_id = where.split("/")
        return client.list_profile_history_records(
            DomainName=name, ProfileId=profile_id, MaxResults=10
        )

    return Side(
        label=f"a page of 10 of {records} records",
        setup=lambda: _history_profile(records),
        call=call,
    )


def list_profile_history_records() -> Case:
    """Issue 19's goal: a page costs the same whatever the profile's history."""
    return Case(
        name="ListProfileHistoryRecords",
        ours=_history_page(1000),
        baseline=_history_page(10),
    )


def _profiles_domain(name: str, count: int) -> tuple[Any, str]:
    client = _client("customer-profiles")
    client.create_domain(DomainName=name, DefaultExpirationDays=30)
    backend = _backend()
    for index in range(count):
        backend.create_profile(name, {"EmailAddress": f"p{index}@example.com"})
    return client, name


def search_profiles() -> Case:
    return Case(
        name="SearchProfiles",
        ours=Side(
            label="by _email over 10,000 profiles",
            setup=lambda: _profiles_domain("many", 10_000),
            call=lambda state, i: state[0].search_profiles(
                DomainName=state[1], KeyName="_email", Values=[f"p{i % 10}@example.com"]
            ),
        ),
        baseline=Side(
            label="by _email over 10 profiles",
            setup=lambda: _profiles_domain("few", 10),
            call=lambda state, i: state[0].search_profiles(
                DomainName=state[1], KeyName="_email", Values=[f"p{i % 10}@example.com"]
            ),
        ),
    )


_CALCULATED_DOMAINS: dict[str, tuple[Any, str, dict[int, str]]] = {}


def _calculated_domain(definitions: int = 1) -> tuple[Any, str, dict[int, str]]:
    """10,000 Order objects: 1,000 of profile c1000, 10 of c10, the rest over 100 others;
    ``definitions`` AVERAGE-over-30-days definitions. Built once per case and count."""
    name = f"calc-{definitions}"
    if name in _CALCULATED_DOMAINS and name in _backend().domains:  # same mock
        return _CALCULATED_DOMAINS[name]
    client, _ = _orders_domain(name)
    backend = _backend()
    owners = ["c1000"] * 1000 + ["c10"] * 10
    owners += [f"o{i % 100}" for i in range(10_000 - len(owners))]
    for index, owner in enumerate(owners):
        order = {
            "email": f"{owner}@example.com",
            "id": str(index),
            "total": index % 200,
        }
        backend.put_profile_object(name, "Order", json.dumps(order))
    for index in range(definitions):
        client.create_calculated_attribute_definition(
            DomainName=name,
            CalculatedAttributeName=f"avg-{index:02d}",
            AttributeDetails={
                "Attributes": [{"Name": "total"}],
                "Expression": "{Order.total}",
            },
            Statistic="AVERAGE",
            Conditions={"Range": {"Value": 30, "Unit": "DAYS"}},
            UseHistoricalData=True,
        )
    ids = {}
    for size in (1000, 10):
        found = client.search_profiles(
            DomainName=name, KeyName="_email", Values=[f"c{size}@example.com"]
        )
        ids[size] = found["Items"][0]["ProfileId"]
    _CALCULATED_DOMAINS[name] = (client, name, ids)
    return _CALCULATED_DOMAINS[name]


def _calculated_value(objects: int) -> Side:
    return Side(
        label=f"profile with {objects:,} objects of 10,000",
        setup=_calculated_domain,
        call=lambda state, i: state[0].get_calculated_attribute_for_profile(
            DomainName=state[1],
            ProfileId=state[2][objects],
            CalculatedAttributeName="avg-00",
        ),
    )


def get_calculated_attribute_for_profile() -> Case:
    return Case(
        name="GetCalculatedAttributeForProfile",
        ours=_calculated_value(1000),
        baseline=_calculated_value(10),
    )


def _calculated_values(definitions: int) -> Side:
    return Side(
        label=f"{definitions} definitions, profile with 10 objects",
        setup=lambda: _calculated_domain(definitions),
        call=lambda state, i: state[0].list_calculated_attributes_for_profile(
            DomainName=state[1], ProfileId=state[2][10]
        ),
    )


def list_calculated_attributes_for_profile() -> Case:
    return Case(
        name="ListCalculatedAttributesForProfile",
        ours=_calculated_values(50),
        baseline=_calculated_values(1),
    )


# --- segments ----------------------------------------------------------------------------


def _calculated_dimension(name: str) -> dict[str, Any]:
    return {
        "CalculatedAttributes": {
            name: {"DimensionType": "GREATER_THAN", "Values": ["0"]}
        }
    }


def _membership_ids(name: str, first: tuple[str, ...] = ()) -> list[str]:
    """100 profile ids of the domain, ``first`` first."""
    others = [i for i in sorted(_backend().domains[name].profiles) if i not in first]
    return [*first, *others][:100]


_SEGMENT_STATES: dict[str, tuple[Any, str, list[str]]] = {}


def _calculated_segments() -> tuple[Any, str, list[str]]:
    """The 50-definition calculated domain (10,000 objects over 102 profiles) with a
    segment of 50 calculated-attribute dimensions and one of a single dimension."""
    client, name, owners = _calculated_domain(50)
    if (
        name not in _SEGMENT_STATES
        or "fifty" not in _backend().domains[name].segment_definitions
    ):
        for segment, count in (("fifty", 50), ("one", 1)):
            client.create_segment_definition(
                DomainName=name,
                SegmentDefinitionName=segment,
                DisplayName=segment,
                SegmentGroups={
                    "Include": "ALL",
                    "Groups": [
                        {
                            "Type": "ALL",
                            "Dimensions": [
                                _calculated_dimension(f"avg-{index:02d}")
                                for index in range(count)
                            ],
                        }
                    ],
                },
            )
        first = (owners[1000], owners[10])  # the profiles of 1,000 and 10 objects
        _SEGMENT_STATES[name] = (client, name, _membership_ids(name, first))
    return _SEGMENT_STATES[name]


def _membership(segment: str, label: str, setup: Callable[[], Any]) -> Side:
    return Side(
        label=label,
        setup=setup,
        call=lambda state, i: state[0].get_segment_membership(
            DomainName=state[1], SegmentDefinitionName=segment, ProfileIds=state[2]
        ),
    )


def get_segment_membership_calculated() -> Case:
    return Case(
        name="GetSegmentMembership, 100 ids: 50 calculated dimensions",
        ours=_membership(
            "fifty", "50 calculated-attribute dimensions", _calculated_segments
        ),
        baseline=_membership(
            "one", "1 calculated-attribute dimension", _calculated_segments
        ),
    )


def _fan_out_segments() -> tuple[Any, str, list[str]]:
    """100 profiles; "top" builds on 100 segments, each on the same 100, each on the
    same 100 leaves (1,000,000 paths); "one" is a single profile dimension."""
    name = "fan-out"
    if name in _SEGMENT_STATES and name in _backend().domains:
        return _SEGMENT_STATES[name]
    client, _ = _profiles_domain(name, 100)

    def create(segment: str, group: dict[str, Any]) -> None:
        client.create_segment_definition(
            DomainName=name,
            SegmentDefinitionName=segment,
            DisplayName=segment,
            SegmentGroups={"Include": "ALL", "Groups": [group]},
        )

    email = {
        "ProfileAttributes": {
            "EmailAddress": {"DimensionType": "ENDS_WITH", "Values": ["@example.com"]}
        }
    }
    below = [f"k-{i}" for i in range(100)]
    for segment in below:
        create(segment, {"Dimensions": [email]})
    for level in ("l", "m"):
        names = [f"{level}-{i}" for i in range(100)]
        for segment in names:
            create(
                segment,
                {
                    "SourceSegments": [{"SegmentDefinitionName": n} for n in below],
                    "SourceType": "ALL",
                },
            )
        below = names
    create("top", {"SourceSegments": [{"SegmentDefinitionName": n} for n in below]})
    create("one", {"Dimensions": [email]})
    _SEGMENT_STATES[name] = (client, name, _membership_ids(name))
    return _SEGMENT_STATES[name]


def get_segment_membership_fan_out() -> Case:
    return Case(
        name="GetSegmentMembership, 100 ids: 100x100x100 sources",
        ours=_membership("top", "100 x 100 x 100 source segments", _fan_out_segments),
        baseline=_membership("one", "1 profile dimension", _fan_out_segments),
    )


RULES = {
    "Enabled": True,
    "MatchingRules": [
        {"Rule": ["EmailAddress", "LastName"]},
        {"Rule": ["PhoneNumber"]},
    ],
    "AttributeTypesSelector": {
        "AttributeMatchingModel": "MANY_TO_MANY",
        "PhoneNumber": ["PhoneNumber", "MobilePhoneNumber"],
    },
}


def _matching_domain(name: str, count: int) -> tuple[Any, str, int]:
    """``count`` profiles under rule-based matching, in pairs that match at level 2."""
    client = _client("customer-profiles")
    client.create_domain(
        DomainName=name, DefaultExpirationDays=30, RuleBasedMatching=RULES
    )
    backend = _backend()
    for index in range(count):
        backend.create_profile(
            name, {"PhoneNumber": f"+1{index // 2}", "LastName": f"L{index}"}
        )
    return client, name, count


def _match_new_profile(count: int) -> Side:
    def call(state: tuple[Any, str, int], i: int) -> object:
        client, name, size = state
        # a new profile matching one of the domain's (its group grows by one)
        return client.create_profile(
            DomainName=name, MobilePhoneNumber=f"+1{i % (size // 2)}"
        )

    return Side(
        label=f"into {count:,} profiles",
        setup=lambda: _matching_domain(f"match-{count}", count),
        call=call,
    )


def rule_based_match_new_profile() -> Case:
    return Case(
        name="CreateProfile matched by rules",
        ours=_match_new_profile(10_000),
        baseline=_match_new_profile(1_000),
    )


def _rule_based_matches(count: int) -> Side:
    return Side(
        label=f"page 1 over {count:,} profiles",
        setup=lambda: _matching_domain(f"list-{count}", count),
        call=lambda state, i: state[0].list_rule_based_matches(DomainName=state[1]),
    )


def list_rule_based_matches() -> Case:
    return Case(
        name="ListRuleBasedMatches",
        ours=_rule_based_matches(10_000),
        baseline=_rule_based_matches(1_000),
    )


MERGE_POOL = 60  # pairs ready before each batch (a batch is at most 50 calls)


def _merge_domain(count: int) -> dict[str, Any]:
    client, name = _profiles_domain(f"merge-{count}", count)
    return {"client": client, "name": name, "pairs": []}


def _top_up_pairs(state: dict[str, Any]) -> None:
    backend = _backend()
    while len(state["pairs"]) < MERGE_POOL:
        state["pairs"].append(
            [
                backend.create_profile(state["name"], {"FirstName": side})
                for side in ("main", "duplicate")
            ]
        )


def _merge(count: int) -> Side:
    def call(state: dict[str, Any], i: int) -> object:
        main, duplicate = state["pairs"].pop()
        return state["client"].merge_profiles(
            DomainName=state["name"],
            MainProfileId=main,
            ProfileIdsToBeMerged=[duplicate],
        )

    return Side(
        label=f"in {count:,} profiles",
        setup=lambda: _merge_domain(count),
        call=call,
        prepare=_top_up_pairs,
    )


def merge_profiles() -> Case:
    return Case(
        name="MergeProfiles",
        ours=_merge(10_000),
        baseline=_merge(1_000),
    )


CASES: list[Callable[[], Case]] = [
    create_domain,
    get_domain,
    create_event_trigger,
    list_event_triggers,
    list_event_triggers_size,
    put_profile_object_event_stream,
    put_profile_object_triggers,
    put_profile_object_subscriptions,
    search_profiles,
    get_calculated_attribute_for_profile,
    list_calculated_attributes_for_profile,
    get_segment_membership_calculated,
    get_segment_membership_fan_out,
    batch_put_profile_object,
    list_profile_history_records,
    rule_based_match_new_profile,
    list_rule_based_matches,
    merge_profiles,
    kinesis_source_ingestion,
]


# --- runner ------------------------------------------------------------------------------


class _Counter:
    def __init__(self) -> None:
        self.value = 0

    def take(self, count: int) -> range:
        start = self.value
        self.value += count
        return range(start, start + count)


def _time_batch(side: Side, state: Any, numbers: range) -> float:
    """Seconds per call over one batch; prepare is untimed."""
    if side.prepare is not None:
        side.prepare(state)
    call = side.call
    start = time.perf_counter()
    for number in numbers:
        call(state, number)
    return (time.perf_counter() - start) / len(numbers)


def run_case(case: Case, rounds: int, batch: int, warmup: int) -> Result:
    from moto import mock_aws

    @mock_aws
    def run() -> Result:
        if case.max_batch is not None:
            size = min(batch, case.max_batch)
        else:
            size = batch
        counter = _Counter()
        ours_state = case.ours.setup()
        baseline_state = case.baseline.setup()
        _time_batch(case.ours, ours_state, counter.take(min(warmup, size)))
        _time_batch(case.baseline, baseline_state, counter.take(min(warmup, size)))
        # Move the loaded models out of the collector's view: a full collection then
        # costs what the calls allocate, not what moto and botocore hold (~0.1 s).
        gc.collect()
        gc.freeze()
        result = Result(case)
        for number in range(rounds):
            sides = [
                (case.ours, ours_state, result.ours),
                (case.baseline, baseline_state, result.baseline),
            ]
            if number % 2:
                sides.reverse()
            for side, state, timings in sides:
                timings.append(_time_batch(side, state, counter.take(size)))
        gc.unfreeze()
        return result

    return run()


def _quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


def _table(results: list[Result]) -> list[str]:
    header = (
        "case",
        "ours ms/call",
        "baseline",
        "baseline ms/call",
        "ratio ours/baseline",
        "round ratios p25-p75",
    )
    rows = [header]
    for result in results:
        ours = statistics.median(result.ours)
        baseline = statistics.median(result.baseline)
        low, high = _quartiles(
            [a / b for a, b in zip(result.ours, result.baseline, strict=True)]
        )
        rows.append(
            (
                result.case.name,
                f"{ours * 1e3:.3f}",
                result.case.baseline.label,
                f"{baseline * 1e3:.3f}",
                f"{ours / baseline:.2f}x",
                f"{low:.2f}-{high:.2f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for index, row in enumerate(rows):
        cells = [
            cell.ljust(width) if column in (0, 2) else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="a short run for CI (well under 30 s)"
    )
    parser.add_argument("--rounds", type=int, help="rounds per case")
    parser.add_argument("--batch", type=int, help="calls per side in each round")
    parser.add_argument(
        "--case", help="only the cases whose name contains this text (no start-up run)"
    )
    args = parser.parse_args(argv)
    rounds = args.rounds or (30 if args.quick else 60)
    batch = args.batch or (20 if args.quick else 50)
    warmup = 10

    # Decorator mode, whatever the shell says; fake credentials for boto3.
    os.environ["TEST_SERVER_MODE"] = "false"
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_SESSION_TOKEN", "testing"),
    ):
        os.environ.setdefault(name, value)

    import botocore
    import moto

    import moto_customerprofiles  # noqa: F401  (registers the service)

    print(
        f"moto {moto.__version__}, botocore {botocore.__version__}, "
        f"Python {platform.python_version()}; decorator mode; "
        f"{rounds} rounds x {batch} calls per side, alternating"
    )
    started = time.perf_counter()
    cases = [make() for make in CASES]
    if args.case:
        cases = [case for case in cases if args.case.lower() in case.name.lower()]
    results = [run_case(case, rounds, batch, warmup) for case in cases]
    for line in _table(results):
        print(line)
    print(f"({time.perf_counter() - started:.1f} s)")
    if args.case:
        return 0

    import startup  # beside this file: start-up costs, in fresh processes

    startup.main(["--quick"] if args.quick else [])
    return 0


if __name__ == "__main__":
    sys.exit(main())
