import json
import re

import pytest
from botocore.exceptions import ClientError

from .helpers import client_error

FIELDS = {
    "loyaltyId": {"Source": "_source.loyalty", "Target": "_profile.Attributes.loyalty"},
    "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
}
KEYS = {
    "loyaltyId": [{"StandardIdentifiers": ["SECONDARY"], "FieldNames": ["loyaltyId"]}],
    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


def create(client, **members):
    return client.create_profile(DomainName="d", **members)["ProfileId"]


def get(client, profile_id):
    profiles = client.batch_get_profile(DomainName="d", ProfileIds=[profile_id])
    assert profiles["Errors"] == []
    [profile] = profiles["Profiles"]
    return profile


def search(client, key_name, *values, **kwargs):
    return client.search_profiles(
        DomainName="d", KeyName=key_name, Values=list(values), **kwargs
    )["Items"]


def ids(items):
    return sorted(item["ProfileId"] for item in items)


def stats(client):
    return client.get_domain(DomainName="d")["Stats"]


def put_object_type(client, **kwargs):
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="loyalty",
        Description="loyalty cards",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
        **kwargs,
    )


def put_object(client, **content):
    return client.put_profile_object(
        DomainName="d", ObjectTypeName="loyalty", Object=json.dumps(content)
    )["ProfileObjectUniqueKey"]


def list_objects(client, profile_id):
    return client.list_profile_objects(
        DomainName="d", ObjectTypeName="loyalty", ProfileId=profile_id
    )["Items"]


def assert_not_found(exc, message):
    assert client_error(exc) == ("ResourceNotFoundException", message, 404)


def assert_bad_request(exc, message):
    assert client_error(exc) == ("BadRequestException", message, 400)


# --- CreateProfile ---------------------------------------------------------------------


def test_create_profile_returns_a_32_hex_profile_id(client, domain):
    response = client.create_profile(DomainName="d", FirstName="Jane")
    assert re.fullmatch(r"[0-9a-f]{32}", response["ProfileId"])


def test_create_profile_gives_each_profile_its_own_id(client, domain):
    assert create(client) != create(client)


def test_create_profile_stores_the_members_given(client, domain):
    members = {
        "AccountNumber": "A-1",
        "FirstName": "Jane",
        "LastName": "Doe",
        "EmailAddress": "jane@example.com",
        "PhoneNumber": "+441234567890",
        "PartyType": "INDIVIDUAL",
        "Gender": "FEMALE",
        "Address": {"Address1": "1 Main St", "City": "London", "Country": "UK"},
        "Attributes": {"tier": "gold"},
    }
    profile_id = create(client, **members)
    assert get(client, profile_id) == {
        "ProfileId": profile_id,
        **members,
        "PartyTypeString": "INDIVIDUAL",
        "GenderString": "FEMALE",
    }


def test_gender_string_shows_the_gender_given(client, domain):
    profile_id = create(client, Gender="MALE", PartyType="BUSINESS")
    profile = get(client, profile_id)
    assert (profile["GenderString"], profile["PartyTypeString"]) == ("MALE", "BUSINESS")


def test_gender_string_given_wins_and_sets_no_gender(client, domain):
    profile_id = create(client, GenderString="non-binary", PartyTypeString="household")
    profile = get(client, profile_id)
    assert (profile["GenderString"], profile["PartyTypeString"]) == (
        "non-binary",
        "household",
    )
    assert "Gender" not in profile and "PartyType" not in profile


def test_both_gender_members_given_are_kept_as_given(client, domain):
    profile_id = create(client, Gender="UNSPECIFIED", GenderString="agender")
    profile = get(client, profile_id)
    assert (profile["Gender"], profile["GenderString"]) == ("UNSPECIFIED", "agender")


def test_gender_string_follows_an_updated_gender(client, domain):
    profile_id = create(client, Gender="MALE")
    client.update_profile(DomainName="d", ProfileId=profile_id, Gender="FEMALE")
    [found] = search(client, "_profileId", profile_id)
    assert found["GenderString"] == "FEMALE"


def test_create_profile_in_an_unknown_domain_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.create_profile(DomainName="other", FirstName="Jane")
    assert_not_found(exc, "Domain other does not exist.")


def test_create_profile_is_counted_in_domain_stats(client, domain):
    create(client)
    create(client)
    assert stats(client)["ProfileCount"] == 2


# --- UpdateProfile ---------------------------------------------------------------------


def test_update_profile_returns_the_profile_id(client, domain):
    profile_id = create(client, FirstName="Jane")
    response = client.update_profile(DomainName="d", ProfileId=profile_id, LastName="X")
    assert response["ProfileId"] == profile_id


def test_update_profile_changes_only_the_members_given(client, domain):
    profile_id = create(
        client, FirstName="Jane", LastName="Doe", Address={"City": "London"}
    )
    client.update_profile(DomainName="d", ProfileId=profile_id, LastName="Smith")
    assert get(client, profile_id) == {
        "ProfileId": profile_id,
        "FirstName": "Jane",
        "LastName": "Smith",
        "Address": {"City": "London"},
    }


def test_update_profile_with_an_empty_string_removes_the_value(client, domain):
    profile_id = create(client, FirstName="Jane", LastName="Doe")
    client.update_profile(DomainName="d", ProfileId=profile_id, LastName="")
    assert get(client, profile_id) == {"ProfileId": profile_id, "FirstName": "Jane"}


def test_update_profile_changes_only_the_address_fields_given(client, domain):
    profile_id = create(client, Address={"City": "London", "Country": "UK"})
    client.update_profile(
        DomainName="d", ProfileId=profile_id, Address={"PostalCode": "N1"}
    )
    assert get(client, profile_id)["Address"] == {
        "City": "London",
        "Country": "UK",
        "PostalCode": "N1",
    }


def test_update_profile_with_an_empty_address_field_removes_it(client, domain):
    profile_id = create(client, Address={"City": "London", "Country": "UK"})
    client.update_profile(DomainName="d", ProfileId=profile_id, Address={"City": ""})
    assert get(client, profile_id)["Address"] == {"Country": "UK"}


def test_update_profile_keeps_attributes_not_given(client, domain):
    profile_id = create(client, Attributes={"a": "1", "b": "2"})
    client.update_profile(DomainName="d", ProfileId=profile_id, Attributes={"b": "3"})
    assert get(client, profile_id)["Attributes"] == {"a": "1", "b": "3"}


def test_update_profile_with_an_empty_attribute_removes_it(client, domain):
    profile_id = create(client, Attributes={"a": "1", "b": "2"})
    client.update_profile(DomainName="d", ProfileId=profile_id, Attributes={"a": ""})
    assert get(client, profile_id)["Attributes"] == {"b": "2"}


def test_update_profile_changes_its_search_keys(client, domain):
    profile_id = create(client, EmailAddress="old@example.com")
    client.update_profile(
        DomainName="d", ProfileId=profile_id, EmailAddress="new@example.com"
    )
    assert search(client, "_email", "old@example.com") == []
    assert ids(search(client, "_email", "new@example.com")) == [profile_id]


def test_update_profile_unknown_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.update_profile(DomainName="d", ProfileId="0" * 32, FirstName="Jane")
    assert_not_found(exc, f"Profile {'0' * 32} does not exist in domain d.")


# --- DeleteProfile ---------------------------------------------------------------------


def test_delete_profile_returns_a_message(client, domain):
    profile_id = create(client)
    response = client.delete_profile(DomainName="d", ProfileId=profile_id)
    assert response["Message"] == "Profile deleted successfully."


def test_delete_profile_removes_it(client, domain):
    profile_id = create(client, EmailAddress="jane@example.com")
    client.delete_profile(DomainName="d", ProfileId=profile_id)
    assert search(client, "_email", "jane@example.com") == []
    errors = client.batch_get_profile(DomainName="d", ProfileIds=[profile_id])["Errors"]
    assert [e["ProfileId"] for e in errors] == [profile_id]
    assert stats(client)["ProfileCount"] == 0


def test_delete_profile_removes_its_objects(client, domain):
    put_object_type(client)
    put_object(client, loyalty="L1", email="jane@example.com")
    put_object(client, loyalty="L2", email="jane@example.com")
    keep = create(client, EmailAddress="other@example.com")
    put_object(client, loyalty="L3", email="other@example.com")
    [profile] = search(client, "_email", "jane@example.com")
    assert stats(client)["ObjectCount"] == 3
    client.delete_profile(DomainName="d", ProfileId=profile["ProfileId"])
    assert stats(client)["ProfileCount"] == 1
    assert stats(client)["ObjectCount"] == 1
    assert len(list_objects(client, keep)) == 1


def test_delete_profile_unknown_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.delete_profile(DomainName="d", ProfileId="0" * 32)
    assert_not_found(exc, f"Profile {'0' * 32} does not exist in domain d.")


# --- SearchProfiles --------------------------------------------------------------------


def test_search_profiles_by_profile_id(client, domain):
    profile_id = create(client)
    create(client)
    assert ids(search(client, "_profileId", profile_id)) == [profile_id]


@pytest.mark.parametrize(
    "key_name,members,value",
    [
        ("_email", {"EmailAddress": "a@example.com"}, "a@example.com"),
        ("_email", {"PersonalEmailAddress": "p@example.com"}, "p@example.com"),
        ("_email", {"BusinessEmailAddress": "b@example.com"}, "b@example.com"),
        ("_phone", {"PhoneNumber": "+441111111111"}, "+441111111111"),
        ("_phone", {"MobilePhoneNumber": "+442222222222"}, "+442222222222"),
        ("_phone", {"HomePhoneNumber": "+443333333333"}, "+443333333333"),
        ("_phone", {"BusinessPhoneNumber": "+444444444444"}, "+444444444444"),
        ("_account", {"AccountNumber": "ACC-1"}, "ACC-1"),
        ("_fullName", {"FirstName": "Jane", "LastName": "Doe"}, "Jane Doe"),
    ],
)
def test_search_profiles_by_a_predefined_key(client, domain, key_name, members, value):
    profile_id = create(client, **members)
    create(client, FirstName="Other", EmailAddress="other@example.com")
    assert ids(search(client, key_name, value)) == [profile_id]


def test_search_profiles_returns_the_profile_members(client, domain):
    profile_id = create(
        client,
        FirstName="Jane",
        EmailAddress="jane@example.com",
        Attributes={"tier": "gold"},
    )
    assert search(client, "_email", "jane@example.com") == [
        {
            "ProfileId": profile_id,
            "FirstName": "Jane",
            "EmailAddress": "jane@example.com",
            "Attributes": {"tier": "gold"},
            "FoundByItems": [{"KeyName": "_email", "Values": ["jane@example.com"]}],
        }
    ]


def test_search_profiles_by_a_custom_key_from_an_object_type(client, domain):
    put_object_type(client)
    put_object(client, loyalty="L1", email="jane@example.com")
    put_object(client, loyalty="L2", email="other@example.com")
    [found] = search(client, "loyaltyId", "L1")
    assert found["EmailAddress"] == "jane@example.com"


def test_search_profiles_by_a_key_added_with_add_profile_key(client, domain):
    profile_id = create(client)
    client.add_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="crmId", Values=["c-1"]
    )
    assert ids(search(client, "crmId", "c-1")) == [profile_id]


def test_a_value_added_under_profile_id_is_searchable_beside_the_id(client, domain):
    """AWS is silent on AddProfileKey with the predefined KeyName _profileId: the value
    is stored as any key's, and the profile is still found by its own id."""
    profile_id = create(client)
    other = create(client)
    client.add_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="_profileId", Values=["alias-1"]
    )
    assert ids(search(client, "_profileId", "alias-1")) == [profile_id]
    assert ids(search(client, "_profileId", profile_id, other)) == sorted(
        [profile_id, other]
    )


def test_search_profiles_with_several_values_finds_any_of_them(client, domain):
    first = create(client, EmailAddress="a@example.com")
    second = create(client, EmailAddress="b@example.com")
    create(client, EmailAddress="c@example.com")
    found = search(client, "_email", "a@example.com", "b@example.com")
    assert ids(found) == sorted([first, second])


def test_search_profiles_with_no_match_returns_no_items(client, domain):
    create(client, EmailAddress="a@example.com")
    response = client.search_profiles(
        DomainName="d", KeyName="_email", Values=["nobody@example.com"]
    )
    assert response["Items"] == []
    assert "NextToken" not in response


def test_search_profiles_with_an_unknown_key_returns_no_items(client, domain):
    create(client, EmailAddress="a@example.com")
    assert search(client, "noSuchKey", "a@example.com") == []


def test_search_profiles_in_an_unknown_domain_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.search_profiles(DomainName="other", KeyName="_email", Values=["a"])
    assert_not_found(exc, "Domain other does not exist.")


@pytest.fixture
def three_profiles(client, domain):
    """Jane Doe (a@), Jane Roe (b@), John Doe (a2@)."""
    return {
        "jane_doe": create(
            client, FirstName="Jane", LastName="Doe", EmailAddress="a@example.com"
        ),
        "jane_roe": create(
            client, FirstName="Jane", LastName="Roe", EmailAddress="b@example.com"
        ),
        "john_doe": create(
            client, FirstName="John", LastName="Doe", EmailAddress="a2@example.com"
        ),
    }


def test_search_profiles_and_requires_every_key(client, three_profiles):
    found = search(
        client,
        "_fullName",
        "Jane Doe",
        "Jane Roe",
        AdditionalSearchKeys=[{"KeyName": "_email", "Values": ["b@example.com"]}],
        LogicalOperator="AND",
    )
    assert ids(found) == [three_profiles["jane_roe"]]


def test_search_profiles_or_takes_any_key(client, three_profiles):
    found = search(
        client,
        "_fullName",
        "Jane Doe",
        AdditionalSearchKeys=[{"KeyName": "_email", "Values": ["a2@example.com"]}],
        LogicalOperator="OR",
    )
    assert ids(found) == sorted(
        [three_profiles["jane_doe"], three_profiles["john_doe"]]
    )


def test_search_profiles_operator_defaults_to_or(client, three_profiles):
    found = search(
        client,
        "_fullName",
        "Jane Doe",
        AdditionalSearchKeys=[{"KeyName": "_email", "Values": ["a2@example.com"]}],
    )
    assert ids(found) == sorted(
        [three_profiles["jane_doe"], three_profiles["john_doe"]]
    )


def test_search_profiles_and_with_no_common_profile_returns_nothing(
    client, three_profiles
):
    found = search(
        client,
        "_fullName",
        "Jane Doe",
        AdditionalSearchKeys=[{"KeyName": "_email", "Values": ["b@example.com"]}],
        LogicalOperator="AND",
    )
    assert found == []


def test_search_profiles_found_by_items_name_the_keys_that_matched(
    client, three_profiles
):
    found = search(
        client,
        "_fullName",
        "Jane Doe",
        "John Doe",
        AdditionalSearchKeys=[
            {"KeyName": "_email", "Values": ["a@example.com", "b@example.com"]}
        ],
    )
    by_id = {item["ProfileId"]: item["FoundByItems"] for item in found}
    assert by_id == {
        three_profiles["jane_doe"]: [
            {"KeyName": "_fullName", "Values": ["Jane Doe"]},
            {"KeyName": "_email", "Values": ["a@example.com"]},
        ],
        three_profiles["jane_roe"]: [
            {"KeyName": "_email", "Values": ["b@example.com"]},
        ],
        three_profiles["john_doe"]: [
            {"KeyName": "_fullName", "Values": ["John Doe"]},
        ],
    }


def test_search_profiles_walks_every_page(client, domain):
    created = {create(client, AccountNumber="shared") for _ in range(25)}
    pages, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        response = client.search_profiles(
            DomainName="d",
            KeyName="_account",
            Values=["shared"],
            MaxResults=10,
            **kwargs,
        )
        pages.append([item["ProfileId"] for item in response["Items"]])
        token = response.get("NextToken")
        if token is None:
            break
    assert [len(page) for page in pages] == [10, 10, 5]
    seen = [profile_id for page in pages for profile_id in page]
    assert len(seen) == len(set(seen))
    assert set(seen) == created


def test_search_profiles_with_an_invalid_next_token_is_refused(client, domain):
    create(client, AccountNumber="shared")
    with pytest.raises(ClientError) as exc:
        client.search_profiles(
            DomainName="d", KeyName="_account", Values=["shared"], NextToken="bogus"
        )
    assert_bad_request(exc, "The pagination token is invalid.")


# --- BatchGetProfile -------------------------------------------------------------------


def test_batch_get_profile_returns_profiles_and_errors_per_id(client, domain):
    jane = create(client, FirstName="Jane")
    john = create(client, FirstName="John")
    missing = "f" * 32
    response = client.batch_get_profile(
        DomainName="d", ProfileIds=[jane, missing, john]
    )
    assert sorted(response["Profiles"], key=lambda p: p["FirstName"]) == [
        {"ProfileId": jane, "FirstName": "Jane"},
        {"ProfileId": john, "FirstName": "John"},
    ]
    assert response["Errors"] == [
        {
            "Code": "ResourceNotFoundException",
            "Message": f"Profile {missing} does not exist in domain d.",
            "ProfileId": missing,
        }
    ]


def test_batch_get_profile_in_an_unknown_domain_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.batch_get_profile(DomainName="other", ProfileIds=["0" * 32])
    assert_not_found(exc, "Domain other does not exist.")


# --- AddProfileKey / DeleteProfileKey --------------------------------------------------


def test_add_profile_key_returns_the_key(client, domain):
    profile_id = create(client)
    response = client.add_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="crmId", Values=["c-1", "c-2"]
    )
    assert response["KeyName"] == "crmId"
    assert response["Values"] == ["c-1", "c-2"]


def test_add_profile_key_to_an_unknown_profile_is_not_found(client, domain):
    with pytest.raises(ClientError) as exc:
        client.add_profile_key(
            DomainName="d", ProfileId="0" * 32, KeyName="crmId", Values=["c-1"]
        )
    assert_not_found(exc, f"Profile {'0' * 32} does not exist in domain d.")


def test_delete_profile_key_returns_a_message(client, domain):
    profile_id = create(client)
    client.add_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="crmId", Values=["c-1"]
    )
    response = client.delete_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="crmId", Values=["c-1"]
    )
    assert response["Message"] == "Profile key deleted successfully."


def test_delete_profile_key_stops_the_profile_being_found_by_it(client, domain):
    profile_id = create(client)
    client.add_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="crmId", Values=["c-1", "c-2"]
    )
    client.delete_profile_key(
        DomainName="d", ProfileId=profile_id, KeyName="crmId", Values=["c-1"]
    )
    assert search(client, "crmId", "c-1") == []
    assert ids(search(client, "crmId", "c-2")) == [profile_id]


# --- MergeProfiles ---------------------------------------------------------------------


def merge(client, main, *duplicates, **kwargs):
    return client.merge_profiles(
        DomainName="d",
        MainProfileId=main,
        ProfileIdsToBeMerged=list(duplicates),
        **kwargs,
    )


def test_merge_profiles_returns_a_message(client, domain):
    main, duplicate = create(client), create(client)
    assert merge(client, main, duplicate)["Message"] == "Success!"


def test_merge_profiles_takes_the_union_of_fields(client, domain):
    main = create(client, FirstName="Jane", Attributes={"a": "1"})
    duplicate = create(
        client, LastName="Doe", EmailAddress="jane@example.com", Attributes={"b": "2"}
    )
    merge(client, main, duplicate)
    assert get(client, main) == {
        "ProfileId": main,
        "FirstName": "Jane",
        "LastName": "Doe",
        "EmailAddress": "jane@example.com",
        "Attributes": {"a": "1", "b": "2"},
    }


def test_merge_profiles_main_profile_wins_conflicts(client, domain):
    main = create(client, FirstName="Jane", Attributes={"tier": "gold"})
    duplicate = create(client, FirstName="Janet", Attributes={"tier": "silver"})
    merge(client, main, duplicate)
    profile = get(client, main)
    assert profile["FirstName"] == "Jane"
    assert profile["Attributes"] == {"tier": "gold"}


def test_merge_profiles_field_source_picks_another_profile(client, domain):
    main = create(client, FirstName="Jane", LastName="Doe")
    duplicate = create(client, FirstName="Janet", LastName="Roe")
    merge(client, main, duplicate, FieldSourceProfileIds={"FirstName": duplicate})
    profile = get(client, main)
    assert profile["FirstName"] == "Janet"
    assert profile["LastName"] == "Doe"


def test_merge_profiles_field_source_with_a_null_value_removes_the_field(
    client, domain
):
    main = create(client, FirstName="Jane", LastName="Doe")
    duplicate = create(client, LastName="Roe")
    merge(client, main, duplicate, FieldSourceProfileIds={"FirstName": duplicate})
    assert get(client, main) == {"ProfileId": main, "LastName": "Doe"}


def test_merge_profiles_field_source_picks_an_attribute(client, domain):
    main = create(client, Attributes={"tier": "gold", "city": "London"})
    duplicate = create(client, Attributes={"tier": "silver", "city": "Paris"})
    merge(
        client,
        main,
        duplicate,
        FieldSourceProfileIds={"Attributes": {"tier": duplicate}},
    )
    assert get(client, main)["Attributes"] == {"tier": "silver", "city": "London"}


def test_merge_profiles_field_source_picks_an_address(client, domain):
    main = create(client, Address={"City": "London"})
    duplicate = create(client, Address={"City": "Paris", "Country": "FR"})
    merge(client, main, duplicate, FieldSourceProfileIds={"Address": duplicate})
    assert get(client, main)["Address"] == {"City": "Paris", "Country": "FR"}


def test_merge_profiles_deletes_the_merged_profiles(client, domain):
    main, first, second = create(client), create(client), create(client)
    merge(client, main, first, second)
    response = client.batch_get_profile(DomainName="d", ProfileIds=[first, second])
    assert response["Profiles"] == []
    assert sorted(e["ProfileId"] for e in response["Errors"]) == sorted([first, second])
    assert stats(client)["ProfileCount"] == 1


def test_merge_profiles_moves_objects_to_the_main_profile(client, domain):
    put_object_type(client)
    main = create(client, EmailAddress="main@example.com")
    duplicate = create(client, EmailAddress="dup@example.com")
    put_object(client, loyalty="L1", email="main@example.com")
    put_object(client, loyalty="L2", email="dup@example.com")
    merge(client, main, duplicate)
    objects = list_objects(client, main)
    assert sorted(json.loads(o["Object"])["loyalty"] for o in objects) == ["L1", "L2"]
    assert stats(client)["ObjectCount"] == 2


def test_merge_profiles_moves_keys_to_the_main_profile(client, domain):
    main = create(client)
    duplicate = create(client)
    client.add_profile_key(
        DomainName="d", ProfileId=duplicate, KeyName="crmId", Values=["c-1"]
    )
    merge(client, main, duplicate)
    assert ids(search(client, "crmId", "c-1")) == [main]


def test_merge_profiles_keeps_the_merged_profiles_emails_searchable(client, domain):
    main = create(client, EmailAddress="main@example.com")
    duplicate = create(client, EmailAddress="dup@example.com")
    merge(client, main, duplicate)
    assert ids(search(client, "_email", "dup@example.com")) == [main]
    assert search(client, "_profileId", duplicate) == []


def test_merge_profiles_with_an_unknown_profile_to_merge_is_not_found(client, domain):
    main, duplicate = create(client), create(client)
    missing = "0" * 32
    with pytest.raises(ClientError) as exc:
        merge(client, main, duplicate, missing)
    assert_not_found(exc, f"Profile {missing} does not exist in domain d.")
    assert stats(client)["ProfileCount"] == 2


def test_merge_profiles_with_an_unknown_main_profile_is_not_found(client, domain):
    duplicate = create(client)
    missing = "0" * 32
    with pytest.raises(ClientError) as exc:
        merge(client, missing, duplicate)
    assert_not_found(exc, f"Profile {missing} does not exist in domain d.")


def test_merge_profiles_with_a_profile_listed_twice_merges_it_once(client, domain):
    main = create(client, FirstName="Jane")
    duplicate = create(client, LastName="Doe")
    response = merge(client, main, duplicate, duplicate)
    assert response["Message"] == "Success!"
    assert get(client, main) == {
        "ProfileId": main,
        "FirstName": "Jane",
        "LastName": "Doe",
    }
    assert stats(client)["ProfileCount"] == 1


def test_search_profiles_next_token_survives_deleting_a_profile(client, domain):
    created = [create(client, AccountNumber="shared") for _ in range(5)]
    first = client.search_profiles(
        DomainName="d", KeyName="_account", Values=["shared"], MaxResults=2
    )
    seen = [item["ProfileId"] for item in first["Items"]]
    unseen = [profile_id for profile_id in created if profile_id not in seen]
    client.delete_profile(DomainName="d", ProfileId=unseen[0])
    rest = client.search_profiles(
        DomainName="d",
        KeyName="_account",
        Values=["shared"],
        MaxResults=10,
        NextToken=first["NextToken"],
    )
    assert sorted(item["ProfileId"] for item in rest["Items"]) == sorted(unseen[1:])
