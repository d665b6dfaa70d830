"""GetSegmentMembership, CreateSegmentEstimate and GetSegmentEstimate: which profiles a
segment definition's SegmentGroups select."""

import pytest
from botocore.exceptions import ClientError

from .helpers import client_error

DOMAIN = "d"
UNKNOWN_ID = "0" * 32
PROFILES = {
    "ann": {
        "FirstName": "Ann",
        "LastName": "Lee",
        "EmailAddress": "ann@example.com",
        "BirthDate": "1990-05-01",
        "Address": {"City": "London", "Country": "UK", "PostalCode": "SW1A 1AA"},
        "Attributes": {"tier": "gold", "score": "75", "joined": "2020-01-15"},
    },
    "bob": {
        "FirstName": "Bob",
        "LastName": "Stone",
        "EmailAddress": "bob@other.org",
        "BirthDate": "1985-12-31",
        "Address": {"City": "Paris", "Country": "FR"},
        "Attributes": {"tier": "silver", "score": "120"},
    },
    "cid": {
        "FirstName": "Cid",
        "ShippingAddress": {"City": "London"},
        "Attributes": {"score": "abc"},
    },
}
ALL_NAMES = set(PROFILES)


def profile_dim(**attributes):
    """A dimension over profile attributes."""
    return {"ProfileAttributes": attributes}


def string(dimension_type, *values):
    return {"DimensionType": dimension_type, "Values": list(values)}


def group(*dimensions, type_=None, sources=(), source_type=None):
    result = {}
    if dimensions:
        result["Dimensions"] = list(dimensions)
    if type_ is not None:
        result["Type"] = type_
    if sources:
        result["SourceSegments"] = [{"SegmentDefinitionName": s} for s in sources]
    if source_type is not None:
        result["SourceType"] = source_type
    return result


def groups(*items, include=None):
    result = {"Groups": list(items)}
    if include is not None:
        result["Include"] = include
    return result


FIRST_NAME_ANN = profile_dim(FirstName=string("INCLUSIVE", "Ann"))
FIRST_NAME_BOB = profile_dim(FirstName=string("INCLUSIVE", "Bob"))
LIVES_IN_LONDON = profile_dim(Address={"City": string("INCLUSIVE", "London")})
EXAMPLE_COM = profile_dim(EmailAddress=string("ENDS_WITH", "@example.com"))


@pytest.fixture
def ids(client):
    """The domain, its three profiles (name -> id) and two source segments."""
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    created = {
        name: client.create_profile(DomainName=DOMAIN, **members)["ProfileId"]
        for name, members in PROFILES.items()
    }
    create_segment(client, "londoners", groups(group(LIVES_IN_LONDON)))
    create_segment(client, "bobs", groups(group(FIRST_NAME_BOB)))
    return created


def create_segment(client, name, segment_groups):
    client.create_segment_definition(
        DomainName=DOMAIN,
        SegmentDefinitionName=name,
        DisplayName=name,
        SegmentGroups=segment_groups,
    )


def membership(client, name, profile_ids):
    return client.get_segment_membership(
        DomainName=DOMAIN, SegmentDefinitionName=name, ProfileIds=profile_ids
    )


def members(client, ids, segment_groups):
    """The names of the profiles the segment selects, by GetSegmentMembership."""
    create_segment(client, "s", segment_groups)
    answer = membership(client, "s", list(ids.values()))
    assert answer["Failures"] == []
    names = {profile_id: name for name, profile_id in ids.items()}
    results = {names[p["ProfileId"]]: p["QueryResult"] for p in answer["Profiles"]}
    assert set(results) == ALL_NAMES
    return {name for name, result in results.items() if result == "PRESENT"}


# --- GetSegmentMembership -------------------------------------------------------------


def test_membership_present_absent_and_unknown(client, ids):
    create_segment(client, "s", groups(group(EXAMPLE_COM)))
    answer = membership(client, "s", [ids["ann"], ids["bob"], UNKNOWN_ID])
    assert answer["SegmentDefinitionName"] == "s"
    assert "LastComputedAt" in answer
    present, absent = answer["Profiles"]
    assert present["ProfileId"] == ids["ann"]
    assert present["QueryResult"] == "PRESENT"
    assert present["Profile"]["ProfileId"] == ids["ann"]
    assert present["Profile"]["EmailAddress"] == "ann@example.com"
    assert present["Profile"]["Address"]["City"] == "London"
    assert present["Profile"]["Attributes"]["tier"] == "gold"
    assert absent == {"ProfileId": ids["bob"], "QueryResult": "ABSENT"}
    assert answer["Failures"] == [
        {"ProfileId": UNKNOWN_ID, "Message": "Profile not found", "Status": 404}
    ]


def test_membership_keeps_the_order_of_the_ids(client, ids):
    create_segment(client, "s", groups(group(EXAMPLE_COM)))
    order = [ids["cid"], ids["ann"], ids["bob"]]
    answer = membership(client, "s", order)
    assert [p["ProfileId"] for p in answer["Profiles"]] == order
    assert [p["QueryResult"] for p in answer["Profiles"]] == [
        "ABSENT",
        "PRESENT",
        "ABSENT",
    ]


def test_membership_follows_profile_updates(client, ids):
    create_segment(client, "s", groups(group(EXAMPLE_COM)))
    client.update_profile(
        DomainName=DOMAIN, ProfileId=ids["bob"], EmailAddress="bob@example.com"
    )
    answer = membership(client, "s", [ids["bob"]])
    assert answer["Profiles"][0]["QueryResult"] == "PRESENT"


def test_membership_of_a_sql_segment_reports_failures(client, ids):
    client.create_segment_definition(
        DomainName=DOMAIN,
        SegmentDefinitionName="sql",
        DisplayName="sql",
        SegmentSqlQuery="SELECT * FROM profiles",
    )
    answer = membership(client, "sql", [ids["ann"], UNKNOWN_ID])
    assert answer["Profiles"] == []
    assert answer["Failures"] == [
        {
            "ProfileId": ids["ann"],
            "Message": "Segments defined by SegmentSqlQuery are not evaluated",
            "Status": 400,
        },
        {"ProfileId": UNKNOWN_ID, "Message": "Profile not found", "Status": 404},
    ]


def test_membership_of_a_missing_segment(client, ids):
    with pytest.raises(ClientError) as exc:
        membership(client, "nope", [ids["ann"]])
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Segment definition nope does not exist in domain d.",
        404,
    )


def test_membership_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.get_segment_membership(
            DomainName="nope", SegmentDefinitionName="s", ProfileIds=[UNKNOWN_ID]
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


# --- SegmentGroups semantics ----------------------------------------------------------

CASES = {
    # string dimension types
    "inclusive": (
        groups(group(profile_dim(FirstName=string("INCLUSIVE", "Ann", "Bob")))),
        {"ann", "bob"},
    ),
    "exclusive": (
        groups(group(profile_dim(FirstName=string("EXCLUSIVE", "Ann")))),
        {"bob", "cid"},
    ),
    "exclusive-missing-attribute-selects-nothing": (
        groups(group(profile_dim(EmailAddress=string("EXCLUSIVE", "x@y.z")))),
        {"ann", "bob"},
    ),
    "contains": (
        groups(group(profile_dim(FirstName=string("CONTAINS", "i", "zz")))),
        {"cid"},
    ),
    "begins-with": (
        groups(group(profile_dim(LastName=string("BEGINS_WITH", "St")))),
        {"bob"},
    ),
    "ends-with": (groups(group(EXAMPLE_COM)), {"ann"}),
    "case-sensitive": (
        groups(group(profile_dim(FirstName=string("INCLUSIVE", "ann")))),
        set(),
    ),
    # Address sub-dimensions
    "address-city": (groups(group(LIVES_IN_LONDON)), {"ann"}),
    "shipping-address-city": (
        groups(
            group(profile_dim(ShippingAddress={"City": string("INCLUSIVE", "London")}))
        ),
        {"cid"},
    ),
    "address-sub-dimensions-and-ed": (
        groups(
            group(
                profile_dim(
                    Address={
                        "City": string("INCLUSIVE", "London", "Paris"),
                        "Country": string("INCLUSIVE", "FR"),
                    }
                )
            )
        ),
        {"bob"},
    ),
    "address-postal-code-begins-with": (
        groups(
            group(profile_dim(Address={"PostalCode": string("BEGINS_WITH", "SW1")}))
        ),
        {"ann"},
    ),
    # members of one ProfileAttributes are AND-ed
    "profile-attributes-and-ed": (
        groups(
            group(
                profile_dim(
                    FirstName=string("INCLUSIVE", "Ann", "Bob"),
                    EmailAddress=string("ENDS_WITH", "other.org"),
                )
            )
        ),
        {"bob"},
    ),
    # Attributes map dimensions, with numeric operators
    "attribute-inclusive": (
        groups(group(profile_dim(Attributes={"tier": string("INCLUSIVE", "gold")}))),
        {"ann"},
    ),
    "attribute-greater-than": (
        groups(group(profile_dim(Attributes={"score": string("GREATER_THAN", "100")}))),
        {"bob"},
    ),
    "attribute-less-than-or-equal-boundary": (
        groups(
            group(profile_dim(Attributes={"score": string("LESS_THAN_OR_EQUAL", "75")}))
        ),
        {"ann"},
    ),
    "attribute-less-than-boundary": (
        groups(group(profile_dim(Attributes={"score": string("LESS_THAN", "75")}))),
        set(),
    ),
    "attribute-greater-than-or-equal": (
        groups(
            group(
                profile_dim(Attributes={"score": string("GREATER_THAN_OR_EQUAL", "75")})
            )
        ),
        {"ann", "bob"},
    ),
    "attribute-equal": (
        groups(group(profile_dim(Attributes={"score": string("EQUAL", "75.0")}))),
        {"ann"},
    ),
    "attribute-between-inclusive": (
        groups(
            group(profile_dim(Attributes={"score": string("BETWEEN", "75", "120")}))
        ),
        {"ann", "bob"},
    ),
    "attribute-not-between": (
        groups(
            group(profile_dim(Attributes={"score": string("NOT_BETWEEN", "80", "200")}))
        ),
        {"ann"},
    ),
    "attribute-date-after": (
        groups(
            group(profile_dim(Attributes={"joined": string("AFTER", "2020-01-01")}))
        ),
        {"ann"},
    ),
    "attributes-and-ed": (
        groups(
            group(
                profile_dim(
                    Attributes={
                        "score": string("GREATER_THAN", "10"),
                        "tier": string("INCLUSIVE", "silver"),
                    }
                )
            )
        ),
        {"bob"},
    ),
    # BirthDate date dimension
    "birth-date-before": (
        groups(group(profile_dim(BirthDate=string("BEFORE", "1988-01-01")))),
        {"bob"},
    ),
    "birth-date-after": (
        groups(group(profile_dim(BirthDate=string("AFTER", "1988-01-01")))),
        {"ann"},
    ),
    "birth-date-on": (
        groups(group(profile_dim(BirthDate=string("ON", "1990-05-01")))),
        {"ann"},
    ),
    "birth-date-between-inclusive": (
        groups(
            group(profile_dim(BirthDate=string("BETWEEN", "1985-12-31", "1990-05-01")))
        ),
        {"ann", "bob"},
    ),
    "birth-date-not-between": (
        groups(
            group(
                profile_dim(BirthDate=string("NOT_BETWEEN", "1980-01-01", "1989-12-31"))
            )
        ),
        {"ann"},
    ),
    # group Type over dimensions (default ALL)
    "type-default-all": (groups(group(FIRST_NAME_ANN, LIVES_IN_LONDON)), {"ann"}),
    "type-all": (
        groups(group(FIRST_NAME_BOB, LIVES_IN_LONDON, type_="ALL")),
        set(),
    ),
    "type-any": (
        groups(group(FIRST_NAME_BOB, LIVES_IN_LONDON, type_="ANY")),
        {"ann", "bob"},
    ),
    "type-none": (
        groups(group(FIRST_NAME_ANN, FIRST_NAME_BOB, type_="NONE")),
        {"cid"},
    ),
    # Include over groups (default ALL)
    "include-default-all": (
        groups(group(FIRST_NAME_ANN), group(EXAMPLE_COM)),
        {"ann"},
    ),
    "include-all": (
        groups(group(FIRST_NAME_ANN), group(FIRST_NAME_BOB), include="ALL"),
        set(),
    ),
    "include-any": (
        groups(group(FIRST_NAME_ANN), group(FIRST_NAME_BOB), include="ANY"),
        {"ann", "bob"},
    ),
    "include-none": (
        groups(group(FIRST_NAME_ANN), group(FIRST_NAME_BOB), include="NONE"),
        {"cid"},
    ),
    # SourceSegments with SourceType (default ANY)
    "sources-default-any": (
        groups(group(sources=("londoners", "bobs"))),
        {"ann", "bob"},
    ),
    "sources-any": (
        groups(group(sources=("londoners", "bobs"), source_type="ANY")),
        {"ann", "bob"},
    ),
    "sources-all": (
        groups(group(sources=("londoners", "bobs"), source_type="ALL")),
        set(),
    ),
    "sources-none": (
        groups(group(sources=("londoners", "bobs"), source_type="NONE")),
        {"cid"},
    ),
    "dimensions-and-sources-both-hold": (
        groups(
            group(
                profile_dim(FirstName=string("INCLUSIVE", "Ann", "Bob", "Cid")),
                sources=("bobs",),
            )
        ),
        {"bob"},
    ),
}


@pytest.mark.parametrize("segment_groups, expected", CASES.values(), ids=CASES)
def test_segment_groups(client, ids, segment_groups, expected):
    assert members(client, ids, segment_groups) == expected


def test_source_segments_nest(client, ids):
    create_segment(client, "not-bobs", groups(group(sources=("bobs",), source_type="NONE")))  # fmt: skip
    assert members(client, ids, groups(group(sources=("not-bobs",)))) == {
        "ann",
        "cid",
    }


@pytest.mark.parametrize(
    "dimension_type, values, present",
    [
        ("LIST_CONTAINS", ["gold"], True),
        ("LIST_CONTAINS", ["platinum", "silver"], True),
        ("LIST_CONTAINS", ["platinum"], False),
        ("LIST_CONTAINS_ALL", ["gold", "silver"], True),
        ("LIST_CONTAINS_ALL", ["gold", "platinum"], False),
    ],
)
def test_list_dimensions_read_an_attribute_holding_a_json_array(
    client, dimension_type, values, present
):
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=30)
    profile_id = client.create_profile(
        DomainName=DOMAIN, Attributes={"tiers": '["gold", "silver"]'}
    )["ProfileId"]
    dimension = profile_dim(Attributes={"tiers": string(dimension_type, *values)})
    create_segment(client, "lists", groups(group(dimension)))
    answer = membership(client, "lists", [profile_id])
    expected = "PRESENT" if present else "ABSENT"
    assert answer["Profiles"][0]["QueryResult"] == expected


# --- CreateSegmentEstimate and GetSegmentEstimate -------------------------------------


@pytest.mark.parametrize(
    "segment_query, count",
    [
        (groups(group(LIVES_IN_LONDON)), "1"),
        (groups(group(FIRST_NAME_ANN), group(FIRST_NAME_BOB), include="ANY"), "2"),
        (groups(group(sources=("bobs",), source_type="NONE")), "2"),
        (groups(group(profile_dim(FirstName=string("INCLUSIVE", "Zed")))), "0"),
    ],
)
def test_segment_estimate(client, ids, segment_query, count):
    created = client.create_segment_estimate(
        DomainName=DOMAIN, SegmentQuery=segment_query
    )
    assert created["DomainName"] == DOMAIN
    estimate_id = created["EstimateId"]
    assert estimate_id
    answer = client.get_segment_estimate(DomainName=DOMAIN, EstimateId=estimate_id)
    assert answer["DomainName"] == DOMAIN
    assert answer["EstimateId"] == estimate_id
    assert answer["Status"] == "SUCCEEDED"
    assert answer["Estimate"] == count


def test_segment_estimate_is_computed_when_created(client, ids):
    created = client.create_segment_estimate(
        DomainName=DOMAIN, SegmentQuery=groups(group(LIVES_IN_LONDON))
    )
    client.create_profile(
        DomainName=DOMAIN, FirstName="Dee", Address={"City": "London"}
    )
    later = client.create_segment_estimate(
        DomainName=DOMAIN, SegmentQuery=groups(group(LIVES_IN_LONDON))
    )
    assert later["EstimateId"] != created["EstimateId"]
    first = client.get_segment_estimate(
        DomainName=DOMAIN, EstimateId=created["EstimateId"]
    )
    second = client.get_segment_estimate(
        DomainName=DOMAIN, EstimateId=later["EstimateId"]
    )
    assert (first["Estimate"], second["Estimate"]) == ("1", "2")


def test_get_unknown_segment_estimate(client, ids):
    with pytest.raises(ClientError) as exc:
        client.get_segment_estimate(DomainName=DOMAIN, EstimateId="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Segment estimate nope does not exist in domain d.",
        404,
    )


def test_segment_estimate_belongs_to_its_domain(client, ids):
    client.create_domain(DomainName="e", DefaultExpirationDays=30)
    created = client.create_segment_estimate(
        DomainName=DOMAIN, SegmentQuery=groups(group(LIVES_IN_LONDON))
    )
    with pytest.raises(ClientError) as exc:
        client.get_segment_estimate(DomainName="e", EstimateId=created["EstimateId"])
    assert client_error(exc) == (
        "ResourceNotFoundException",
        f"Segment estimate {created['EstimateId']} does not exist in domain e.",
        404,
    )


def test_segment_estimate_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.create_segment_estimate(
            DomainName="nope", SegmentQuery=groups(group(LIVES_IN_LONDON))
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


# --- bounds: deep chains, fan-out, cycles ------------------------------------------------


def test_a_chain_of_200_source_segments(client, ids):
    create_segment(client, "link-0", groups(group(FIRST_NAME_ANN)))
    for index in range(1, 200):
        create_segment(client, f"link-{index}", groups(group(sources=(f"link-{index - 1}",))))  # fmt: skip
    answer = membership(client, "link-199", [ids["ann"], ids["bob"]])
    assert [p["QueryResult"] for p in answer["Profiles"]] == ["PRESENT", "ABSENT"]
    assert answer["Failures"] == []


def test_a_fan_out_of_100_by_100_by_100_source_segments(client, ids):
    """1,000,000 paths through 301 segments: each is evaluated once per profile."""
    names = [f"k-{i}" for i in range(100)]
    create_segment(client, names[0], groups(group(FIRST_NAME_BOB)))
    for name in names[1:]:
        create_segment(client, name, groups(group(FIRST_NAME_ANN)))
    for level in ("l", "m"):
        below, names = names, [f"{level}-{i}" for i in range(100)]
        for name in names:
            create_segment(client, name, groups(group(sources=below, source_type="ALL")))  # fmt: skip
    create_segment(client, "top", groups(group(sources=names)))
    answer = membership(client, "top", [ids["ann"], ids["bob"]])
    # every k-i must hold at each level (ALL): k-0 selects Bob only, the rest Ann only
    assert [p["QueryResult"] for p in answer["Profiles"]] == ["ABSENT", "ABSENT"]
    create_segment(client, "any-k", groups(group(sources=[f"k-{i}" for i in range(100)])))  # fmt: skip
    answer = membership(client, "any-k", [ids["ann"], ids["bob"], ids["cid"]])
    assert [p["QueryResult"] for p in answer["Profiles"]] == [
        "PRESENT",
        "PRESENT",
        "ABSENT",
    ]


def _make_a_cycle(client):
    """a builds on b, b on a: possible once a is deleted and created again."""
    create_segment(client, "a", groups(group(FIRST_NAME_ANN)))
    create_segment(client, "b", groups(group(sources=("a",))))
    client.delete_segment_definition(DomainName=DOMAIN, SegmentDefinitionName="a")
    create_segment(client, "a", groups(group(sources=("b",))))


def test_membership_of_a_segment_in_a_cycle_says_so(client, ids):
    _make_a_cycle(client)
    answer = membership(client, "a", [ids["ann"]])
    assert answer["Profiles"] == []
    assert answer["Failures"] == [
        {
            "ProfileId": ids["ann"],
            "Message": "SourceSegments form a cycle: a -> b -> a",
            "Status": 400,
        }
    ]


def test_an_estimate_over_a_cycle_fails_and_says_why(client, ids):
    _make_a_cycle(client)
    estimate_id = client.create_segment_estimate(
        DomainName=DOMAIN, SegmentQuery=groups(group(sources=("b",)))
    )["EstimateId"]
    estimate = client.get_segment_estimate(DomainName=DOMAIN, EstimateId=estimate_id)
    assert (estimate["Status"], estimate["Message"]) == (
        "FAILED",
        "SourceSegments form a cycle: b -> a -> b",
    )
