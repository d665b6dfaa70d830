"""Issue 20: rule-based identity resolution computed from the profiles (matching, the
status, merging), and the operations that read it."""

import json

import boto3
import pytest
from botocore.exceptions import ClientError

from .helpers import REGION, client_error, transition

STATUS_MODEL = "customerprofiles::rule_based_matching"
RULES = {
    "Enabled": True,
    "MatchingRules": [
        {"Rule": ["EmailAddress", "LastName"]},
        {"Rule": ["PhoneNumber"]},
    ],
    "AttributeTypesSelector": {
        "AttributeMatchingModel": "MANY_TO_MANY",
        "EmailAddress": ["EmailAddress", "BusinessEmailAddress"],
        "PhoneNumber": ["PhoneNumber", "MobilePhoneNumber"],
    },
}


def domain_with(client, rules=None, **more):
    client.create_domain(
        DomainName="d",
        DefaultExpirationDays=30,
        RuleBasedMatching={**(rules or RULES), **more},
    )


def create(client, **fields):
    return client.create_profile(DomainName="d", **fields)["ProfileId"]


def similar(client, search_value, search_key="_profileId", **kwargs):
    response = client.get_similar_profiles(
        DomainName="d",
        MatchType="RULE_BASED_MATCHING",
        SearchKey=search_key,
        SearchValue=search_value,
        **kwargs,
    )
    response.pop("ResponseMetadata")
    return response


def match_ids(client):
    return client.list_rule_based_matches(DomainName="d")["MatchIds"]


def group_of(client, profile_id):
    found = similar(client, profile_id)
    return sorted(found["ProfileIds"]), found.get("RuleLevel")


@pytest.fixture
def status_moves_at_once():
    with transition(STATUS_MODEL, progression="immediate"):
        yield


# --- matching ------------------------------------------------------------------------


def test_profiles_match_at_level_1_at_level_2_and_not_at_all(client):
    domain_with(client)
    a = create(client, EmailAddress="jo@example.com", LastName="Doe")
    b = create(client, BusinessEmailAddress="jo@example.com", LastName="Doe")
    c = create(client, PhoneNumber="+15550100")
    d = create(client, MobilePhoneNumber="+15550100", LastName="Roe")
    e = create(client, PhoneNumber="+15550199", EmailAddress="jo@example.com")
    assert group_of(client, a) == (sorted([a, b]), 1)
    assert group_of(client, c) == (sorted([c, d]), 2)
    assert similar(client, e) == {"ProfileIds": [], "MatchType": "RULE_BASED_MATCHING"}
    assert len(match_ids(client)) == 2


def test_similar_profiles_answers_every_member_and_no_confidence_score(client):
    domain_with(client)
    a = create(client, PhoneNumber="1")
    b = create(client, PhoneNumber="1")
    found = similar(client, a)
    assert found == {
        "ProfileIds": sorted([a, b]),
        "MatchId": found["MatchId"],
        "MatchType": "RULE_BASED_MATCHING",
        "RuleLevel": 2,
    }
    assert found["MatchId"] in match_ids(client)
    assert similar(client, found["MatchId"], search_key="MatchId") == found
    assert similar(client, "1", search_key="_phone") == found


def test_all_attributes_of_a_level_must_match(client):
    domain_with(client)
    a = create(client, EmailAddress="jo@example.com", LastName="Doe")
    create(client, EmailAddress="jo@example.com", LastName="Other")
    assert group_of(client, a) == ([], None)


def test_one_to_one_compares_a_sub_type_with_the_same_sub_type(client):
    selector = {
        **RULES["AttributeTypesSelector"],
        "AttributeMatchingModel": "ONE_TO_ONE",
    }
    domain_with(client, {**RULES, "AttributeTypesSelector": selector})
    a = create(client, EmailAddress="jo@example.com", LastName="Doe")
    create(client, BusinessEmailAddress="jo@example.com", LastName="Doe")
    assert group_of(client, a) == ([], None)
    c = create(client, BusinessEmailAddress="jo@example.com", LastName="Doe")
    assert len(group_of(client, c)[0]) == 2


def test_address_rules_read_only_the_address_types_the_selector_names(client):
    rules = {
        "Enabled": True,
        "MatchingRules": [{"Rule": ["Address.City", "LastName"]}],
        "AttributeTypesSelector": {
            "AttributeMatchingModel": "MANY_TO_MANY",
            "Address": ["MaillingAddress"],
        },
    }
    domain_with(client, rules)
    a = create(client, LastName="Doe", MailingAddress={"City": "Leeds"})
    b = create(client, LastName="Doe", MailingAddress={"City": "Leeds"})
    c = create(client, LastName="Doe", ShippingAddress={"City": "Leeds"})
    assert group_of(client, a) == (sorted([a, b]), 1)
    assert group_of(client, c) == ([], None)


def test_custom_attribute_rules_match_on_the_attribute(client):
    domain_with(
        client, {"Enabled": True, "MatchingRules": [{"Rule": ["Attributes.loyalty"]}]}
    )
    a = create(client, Attributes={"loyalty": "L-1"})
    b = create(client, Attributes={"loyalty": "L-1", "tier": "gold"})
    create(client, Attributes={"loyalty": "L-2"})
    assert group_of(client, a) == (sorted([a, b]), 1)


def test_levels_above_max_allowed_rule_level_for_matching_are_not_tried(client):
    domain_with(client, MaxAllowedRuleLevelForMatching=1)
    a = create(client, PhoneNumber="1")
    create(client, PhoneNumber="1")
    assert group_of(client, a) == ([], None)
    assert match_ids(client) == []


def test_a_profile_joins_the_group_of_the_lowest_level_it_matches(client):
    domain_with(client)
    a = create(client, EmailAddress="jo@example.com", LastName="Doe", PhoneNumber="1")
    b = create(client, PhoneNumber="1")
    assert group_of(client, a) == (sorted([a, b]), 2)
    c = create(client, EmailAddress="jo@example.com", LastName="Doe")
    assert group_of(client, a) == (sorted([a, c]), 1)
    assert group_of(client, b) == ([], None)


def test_updating_and_deleting_profiles_regroups_them(client):
    domain_with(client)
    a = create(client, PhoneNumber="1")
    b = create(client, PhoneNumber="2")
    assert match_ids(client) == []
    client.update_profile(DomainName="d", ProfileId=b, PhoneNumber="1")
    assert group_of(client, a) == (sorted([a, b]), 2)
    client.delete_profile(DomainName="d", ProfileId=b)
    assert match_ids(client) == []


def test_ingested_profiles_are_matched(client):
    domain_with(client)
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="contact",
        Description="contacts",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id", "Target": "_profile.AccountNumber"},
            "phone": {"Source": "_source.phone", "Target": "_profile.PhoneNumber"},
        },
        Keys={
            "id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]
        },
    )
    for number in ("1", "2"):
        client.put_profile_object(
            DomainName="d",
            ObjectTypeName="contact",
            Object=json.dumps({"id": number, "phone": "555"}),
        )
    [match_id] = match_ids(client)
    assert len(similar(client, match_id, search_key="matchId")["ProfileIds"]) == 2


def test_a_level_shared_by_more_than_500_profiles_is_skipped(client, monkeypatch):
    from moto_customerprofiles.customerprofiles.engine import matching as engine

    monkeypatch.setattr(engine, "LOW_CARDINALITY", 2)
    domain_with(client)
    a = create(client, PhoneNumber="1")
    b = create(client, PhoneNumber="1")
    assert group_of(client, a) == (sorted([a, b]), 2)
    create(client, PhoneNumber="1")
    assert match_ids(client) == []


def test_a_group_needs_rules_enabled(client):
    domain_with(client, {**RULES, "Enabled": False})
    create(client, PhoneNumber="1")
    create(client, PhoneNumber="1")
    assert match_ids(client) == []


def test_list_rule_based_matches_pages(client):
    domain_with(client)
    for number in range(3):
        create(client, PhoneNumber=str(number))
        create(client, PhoneNumber=str(number))
    every = sorted(match_ids(client))
    first = client.list_rule_based_matches(DomainName="d", MaxResults=2)
    second = client.list_rule_based_matches(
        DomainName="d", MaxResults=2, NextToken=first["NextToken"]
    )
    assert first["MatchIds"] + second["MatchIds"] == every
    assert "NextToken" not in second


def test_similar_profiles_pages_the_group(client):
    domain_with(client)
    ids = sorted(create(client, PhoneNumber="1") for _ in range(3))
    first = similar(client, ids[0], MaxResults=2)
    second = similar(client, ids[0], MaxResults=2, NextToken=first["NextToken"])
    assert first["ProfileIds"] + second["ProfileIds"] == ids
    assert second["MatchId"] == first["MatchId"]


def test_matching_operations_in_a_missing_domain_are_not_found(client):
    with pytest.raises(ClientError) as exc:
        client.list_rule_based_matches(DomainName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )
    with pytest.raises(ClientError) as exc:
        client.get_similar_profiles(
            DomainName="nope",
            MatchType="RULE_BASED_MATCHING",
            SearchKey="_profileId",
            SearchValue="x",
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


def test_a_token_of_another_request_is_refused(client):
    domain_with(client)
    for number in range(2):
        create(client, PhoneNumber=str(number))
        create(client, PhoneNumber=str(number))
    token = client.list_rule_based_matches(DomainName="d", MaxResults=1)["NextToken"]
    with pytest.raises(ClientError) as exc:
        similar(client, "x", NextToken=token)
    assert client_error(exc) == (
        "BadRequestException",
        "The pagination token is invalid.",
        400,
    )


# --- the status ----------------------------------------------------------------------


def test_a_new_domain_is_active_at_once_and_an_update_is_pending(client):
    domain_with(client)
    assert client.get_domain(DomainName="d")["RuleBasedMatching"]["Status"] == "ACTIVE"
    client.update_domain(DomainName="d", RuleBasedMatching=RULES)
    assert client.get_domain(DomainName="d")["RuleBasedMatching"]["Status"] == "PENDING"


def test_the_status_moves_on_through_the_state_manager(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    with transition(STATUS_MODEL):
        client.update_domain(DomainName="d", RuleBasedMatching=RULES)
        steps = [
            client.get_domain(DomainName="d")["RuleBasedMatching"]["Status"]
            for _ in range(3)
        ]
    assert steps == ["IN_PROGRESS", "ACTIVE", "ACTIVE"]


def test_a_pending_configuration_does_not_match_until_it_moves_on(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    a = create(client, PhoneNumber="1")
    b = create(client, PhoneNumber="1")
    client.update_domain(DomainName="d", RuleBasedMatching=RULES)
    assert match_ids(client) == []
    with transition(STATUS_MODEL, progression="immediate"):
        assert group_of(client, a) == (sorted([a, b]), 2)


def test_a_pending_change_keeps_the_rules_in_force(client):
    domain_with(client)
    a = create(client, PhoneNumber="1")
    b = create(client, PhoneNumber="1")
    only_email = {**RULES, "MatchingRules": [{"Rule": ["EmailAddress"]}]}
    client.update_domain(DomainName="d", RuleBasedMatching=only_email)
    assert group_of(client, a) == (sorted([a, b]), 2)
    with transition(STATUS_MODEL, progression="immediate"):
        assert match_ids(client) == []


# --- merging -------------------------------------------------------------------------


def history_actions(client, profile_id):
    records = client.list_profile_history_records(DomainName="d", ProfileId=profile_id)
    return [r["ActionType"] for r in records["ProfileHistoryRecords"]]


def records(kinesis):
    shard = kinesis.describe_stream(StreamName="s")["StreamDescription"]["Shards"][0]
    iterator = kinesis.get_shard_iterator(
        StreamName="s", ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    found = kinesis.get_records(ShardIterator=iterator)["Records"]
    return [json.loads(record["Data"]) for record in found]


def test_done_when_rule_based_matching_groups_and_merges(client):
    """Profiles that match at level 1 are merged (MaxAllowedRuleLevelForMerging 1),
    those matching at level 2 are grouped only, the others neither; the merge shows in
    the profile history and on the event stream as a MergeProfiles does."""
    domain_with(client, MaxAllowedRuleLevelForMerging=1)
    kinesis = boto3.client("kinesis", region_name=REGION)
    kinesis.create_stream(StreamName="s", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="s")["StreamDescription"]["StreamARN"]
    client.create_event_stream(DomainName="d", EventStreamName="es", Uri=arn)
    a = create(client, EmailAddress="jo@example.com", LastName="Doe", FirstName="Jo")
    b = create(client, BusinessEmailAddress="jo@example.com", LastName="Doe")
    c = create(client, PhoneNumber="+15550100")
    d = create(client, MobilePhoneNumber="+15550100")
    e = create(client, PhoneNumber="+15550199")

    profiles = client.search_profiles(
        DomainName="d", KeyName="_fullName", Values=["Jo Doe"]
    )
    [merged] = profiles["Items"]
    assert merged["ProfileId"] == a
    assert merged["BusinessEmailAddress"] == "jo@example.com"
    assert merged["EmailAddress"] == "jo@example.com"
    with pytest.raises(ClientError) as exc:
        client.delete_profile(DomainName="d", ProfileId=b)
    assert client_error(exc)[0] == "ResourceNotFoundException"
    assert group_of(client, c) == (sorted([c, d]), 2)
    assert group_of(client, e) == ([], None)
    assert group_of(client, a) == ([], None)
    assert history_actions(client, a) == ["CREATED", "MERGED"]
    assert history_actions(client, b) == ["CREATED", "DELETED_BY_MERGE"]
    [merge_record] = [r for r in records(kinesis) if r["EventType"] == "MERGED"]
    assert merge_record["Object"]["ProfileId"] == a
    assert [p["ProfileId"] for p in merge_record["DuplicateProfiles"]] == [b]


def test_no_merge_without_max_allowed_rule_level_for_merging(client):
    domain_with(client)
    a = create(client, EmailAddress="jo@example.com", LastName="Doe")
    b = create(client, EmailAddress="jo@example.com", LastName="Doe")
    assert group_of(client, a) == (sorted([a, b]), 1)


def test_recency_takes_the_most_recently_updated_value(client):
    domain_with(client, MaxAllowedRuleLevelForMerging=2)
    a = create(client, AccountNumber="A-1", PhoneNumber="9")
    b = create(client, AccountNumber="A-2")
    client.update_profile(DomainName="d", ProfileId=b, PhoneNumber="9")
    [merged] = client.search_profiles(DomainName="d", KeyName="_phone", Values=["9"])[
        "Items"
    ]
    assert merged["ProfileId"] == a
    assert merged["AccountNumber"] == "A-2"


def ingest_contact(client, content):
    client.put_profile_object(
        DomainName="d", ObjectTypeName="contact", Object=json.dumps(content)
    )


def put_contact_type(client, name="contact"):
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName=name,
        Description="contacts",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id", "Target": "_profile.AccountNumber"},
            "phone": {"Source": "_source.phone", "Target": "_profile.PhoneNumber"},
            "name": {"Source": "_source.name", "Target": "_profile.FirstName"},
        },
        Keys={
            "id": [{"StandardIdentifiers": ["PROFILE", "UNIQUE"], "FieldNames": ["id"]}]
        },
    )


def test_values_entered_through_the_api_are_not_overwritten_by_ingested_ones(client):
    domain_with(client, MaxAllowedRuleLevelForMerging=2)
    put_contact_type(client)
    a = create(client, FirstName="Entered", PhoneNumber="7")
    ingest_contact(client, {"id": "X", "phone": "7", "name": "Ingested"})
    [merged] = client.search_profiles(DomainName="d", KeyName="_phone", Values=["7"])[
        "Items"
    ]
    assert merged["ProfileId"] == a
    assert merged["FirstName"] == "Entered"
    assert merged["AccountNumber"] == "X"


def test_source_conflict_resolution_prefers_the_named_object_type(client):
    domain_with(
        client,
        MaxAllowedRuleLevelForMerging=2,
        ConflictResolution={"ConflictResolvingModel": "SOURCE", "SourceName": "crm"},
    )
    put_contact_type(client, "crm")
    put_contact_type(client, "web")
    client.put_profile_object(
        DomainName="d",
        ObjectTypeName="crm",
        Object=json.dumps({"id": "C", "phone": "7", "name": "FromCrm"}),
    )
    client.put_profile_object(
        DomainName="d",
        ObjectTypeName="web",
        Object=json.dumps({"id": "W", "phone": "7", "name": "FromWeb"}),
    )
    [merged] = client.search_profiles(DomainName="d", KeyName="_phone", Values=["7"])[
        "Items"
    ]
    assert merged["FirstName"] == "FromCrm"
    assert merged["AccountNumber"] == "C"


def test_merging_stops_at_max_allowed_rule_level_for_merging(
    client, status_moves_at_once
):
    domain_with(client, MaxAllowedRuleLevelForMerging=1)
    c = create(client, PhoneNumber="5")
    d = create(client, PhoneNumber="5")
    assert group_of(client, c) == (sorted([c, d]), 2)


def test_a_skipped_level_sends_the_documented_dead_letter(client, monkeypatch):
    from moto_customerprofiles.customerprofiles.engine import matching as engine

    monkeypatch.setattr(engine, "LOW_CARDINALITY", 2)
    sqs = boto3.client("sqs", region_name=REGION)
    url = sqs.create_queue(QueueName="dlq")["QueueUrl"]
    client.create_domain(
        DomainName="d",
        DefaultExpirationDays=30,
        DeadLetterQueueUrl=url,
        RuleBasedMatching=RULES,
    )
    create(client, PhoneNumber="1")
    create(client, PhoneNumber="1")
    third = create(client, PhoneNumber="1")
    messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    assert [json.loads(m["Body"]) for m in messages] == [
        {
            "DomainName": "d",
            "ProfileId": third,
            "Message": "All attributes at rule level 2 are associated with more than "
            "500 records.",
        }
    ]
