"""GetSegmentMembership, CreateSegmentEstimate and GetSegmentEstimate."""

from __future__ import annotations

from typing import Any

from ..engine.segment_evaluation import SegmentEvaluator
from ..exceptions import BadRequestException
from ..resources.segments import SegmentEstimate
from .base import BackendState


class SegmentMembershipBackend(BackendState):
    def get_segment_membership(
        self, domain_name: str, segment_definition_name: str, profile_ids: list[str]
    ) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
        """
        Membership is computed when asked. A segment defined by SegmentSqlQuery has the
        members a test set (``moto_customerprofiles.set_segment_members``); until then
        it is not evaluated, nor are segments whose SourceSegments come back to
        themselves (a cycle): every profile is then reported as a failure, with the
        reason.
        """
        domain = self._get_domain(domain_name)
        segment = domain.segment_definition(segment_definition_name)
        evaluator = SegmentEvaluator(domain)
        cycle = evaluator.cycle(segment_definition_name)
        found = [domain.profiles[i] for i in profile_ids if i in domain.profiles]
        sql_members = domain.sql_segment_members.get(segment_definition_name)
        if sql_members is not None:
            cycle = None
        members = (
            set(sql_members)
            if sql_members is not None
            else evaluator.members_of(segment_definition_name, found)
            if cycle is None and segment.segment_groups is not None
            else set()
        )
        profiles, failures = [], []
        for profile_id in profile_ids:
            profile = domain.profiles.get(profile_id)
            if profile is None:
                failures.append(
                    {
                        "ProfileId": profile_id,
                        "Message": "Profile not found",
                        "Status": 404,
                    }
                )
            elif cycle is not None:
                failures.append(
                    {
                        "ProfileId": profile_id,
                        "Message": f"SourceSegments form a cycle: {cycle}",
                        "Status": 400,
                    }
                )
            elif segment.segment_groups is None and sql_members is None:
                failures.append(
                    {
                        "ProfileId": profile_id,
                        "Message": "Segments defined by SegmentSqlQuery are not evaluated",
                        "Status": 400,
                    }
                )
            else:
                present = profile_id in members
                entry: dict[str, Any] = {
                    "ProfileId": profile_id,
                    "QueryResult": "PRESENT" if present else "ABSENT",
                }
                if present:
                    entry["Profile"] = profile
                profiles.append(entry)
        return segment_definition_name, profiles, failures

    def create_segment_estimate(
        self,
        domain_name: str,
        segment_query: dict[str, Any] | None = None,
        segment_sql_query: str | None = None,
    ) -> SegmentEstimate:
        """
        The estimate is computed at once (Status SUCCEEDED). SQL is not evaluated: a
        SegmentSqlQuery-only estimate is created with Status FAILED and a Message, as is
        one whose SourceSegments lead to a cycle.
        """
        domain = self._get_domain(domain_name)
        if segment_query is None and segment_sql_query is None:
            raise BadRequestException(
                "One of SegmentQuery and SegmentSqlQuery must be specified"
            )
        if segment_query is None:
            failed = SegmentEstimate(domain_name, None)
            domain.segment_estimates[failed.estimate_id] = failed
            return failed
        evaluator = SegmentEvaluator(domain)
        for source in dict.fromkeys(_source_names(segment_query)):
            cycle = evaluator.cycle(source)
            if cycle is not None:
                failed = SegmentEstimate(
                    domain_name, None, f"SourceSegments form a cycle: {cycle}"
                )
                domain.segment_estimates[failed.estimate_id] = failed
                return failed
        count = len(evaluator.select(segment_query, list(domain.profiles.values())))
        estimate = SegmentEstimate(domain_name, count)
        domain.segment_estimates[estimate.estimate_id] = estimate
        return estimate

    def get_segment_estimate(
        self, domain_name: str, estimate_id: str
    ) -> SegmentEstimate:
        return self._get_domain(domain_name).segment_estimate(estimate_id)


def _source_names(segment_query: dict[str, Any]) -> list[str]:
    return [
        str(source.get("SegmentDefinitionName", ""))
        for group in segment_query.get("Groups", [])
        for source in group.get("SourceSegments", [])
    ]
