"""The segment evaluator's costs: each segment once per profile and request, however
many segments build on it, and no recursion however deep the chain."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from types import SimpleNamespace
from typing import Any

from moto_customerprofiles.customerprofiles.engine.segment_evaluation import (
    SegmentEvaluator,
)
from moto_customerprofiles.customerprofiles.resources.profiles import Profile

NOW = datetime(2025, 6, 30, tzinfo=timezone.utc)
ANN = {
    "ProfileAttributes": {
        "FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann"]}
    }
}


def segment(name: str, groups: dict[str, Any]) -> Any:
    return SimpleNamespace(segment_definition_name=name, segment_groups=groups)


def sources(*names: str, source_type: str = "ANY") -> dict[str, Any]:
    return {
        "Groups": [
            {
                "SourceSegments": [{"SegmentDefinitionName": n} for n in names],
                "SourceType": source_type,
            }
        ]
    }


def evaluator(segments: list[Any]) -> SegmentEvaluator:
    domain = SimpleNamespace(
        segment_definitions={s.segment_definition_name: s for s in segments},
        calculated_attributes={},
    )
    return SegmentEvaluator(domain, NOW)  # type: ignore[arg-type]


def test_each_segment_is_evaluated_once_per_batch(monkeypatch):
    leaves = [segment(f"k{i}", {"Groups": [{"Dimensions": [ANN]}]}) for i in range(100)]
    middle = [segment(f"l{i}", sources(*(s.segment_definition_name for s in leaves), source_type="ALL")) for i in range(100)]  # fmt: skip
    top = [segment(f"m{i}", sources(*(s.segment_definition_name for s in middle), source_type="ALL")) for i in range(100)]  # fmt: skip
    root = segment("root", sources(*(s.segment_definition_name for s in top)))
    subject = evaluator([*leaves, *middle, *top, root])
    groups, dimensions = [], []
    original_group = SegmentEvaluator._group_selects
    original_dimension = SegmentEvaluator._dimension_selects

    def counting_group(self: SegmentEvaluator, group: Any, profiles: Any) -> Any:
        groups.append(1)
        return original_group(self, group, profiles)

    def counting_dimension(self: SegmentEvaluator, dimension: Any, profile: Any) -> Any:
        dimensions.append(1)
        return original_dimension(self, dimension, profile)

    monkeypatch.setattr(SegmentEvaluator, "_group_selects", counting_group)
    monkeypatch.setattr(SegmentEvaluator, "_dimension_selects", counting_dimension)
    batch = [Profile("ann", {"FirstName": "Ann"}), Profile("bob", {"FirstName": "Bob"})]
    assert subject.members_of("root", batch) == {"ann"}
    assert len(groups) == 301  # one group per segment, for the whole batch
    assert len(dimensions) == 100 * 2  # each leaf's dimension, once per profile
    assert subject.members_of("root", batch) == {"ann"}
    assert len(groups) == 301  # known within the request


def test_a_chain_deeper_than_the_recursion_limit():
    depth = sys.getrecursionlimit() + 100
    chain = [segment("s0", {"Groups": [{"Dimensions": [ANN]}]})]
    chain += [segment(f"s{i}", sources(f"s{i - 1}")) for i in range(1, depth)]
    subject = evaluator(chain)
    assert subject.is_member(chain[-1], Profile("ann", {"FirstName": "Ann"})) is True
    assert subject.cycle(f"s{depth - 1}") is None


def test_a_cycle_selects_nobody_and_is_named():
    a = segment("a", sources("b"))
    b = segment("b", {"Groups": [{"Dimensions": [ANN], "SourceSegments": [{"SegmentDefinitionName": "a"}]}]})  # fmt: skip
    subject = evaluator([a, b])
    assert subject.is_member(a, Profile("ann", {"FirstName": "Ann"})) is False
    assert subject.cycle("a") == "a -> b -> a"
    assert subject.cycle("b") == "b -> a -> b"
