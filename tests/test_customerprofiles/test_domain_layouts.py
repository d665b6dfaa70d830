"""CreateDomainLayout, GetDomainLayout, UpdateDomainLayout, DeleteDomainLayout and
ListDomainLayouts."""

from datetime import datetime, timezone

import pytest
from botocore.exceptions import ClientError
from freezegun import freeze_time

from .helpers import ACCOUNT_ID, REGION, client_error, raw_request

# An opaque layout: odd spacing, key order, escapes and non-ASCII must survive as sent.
LAYOUT = (
    '{"Type":"BoardItem",  "Id":"x1","Props":{"title":"Café \\u00e9 ✓"},"Children":[]}'
)
T0 = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)
T1 = datetime(2026, 3, 2, 11, 30, tzinfo=timezone.utc)


def layout_arn(name, domain="d"):
    return f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/{domain}/layouts/{name}"


@pytest.fixture
def domain(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    return "d"


def create(client, name="main", **kwargs):
    kwargs.setdefault("DomainName", "d")
    kwargs.setdefault("Description", "The main view")
    kwargs.setdefault("DisplayName", "Main view")
    kwargs.setdefault("LayoutType", "PROFILE_EXPLORER")
    kwargs.setdefault("Layout", LAYOUT)
    return client.create_domain_layout(LayoutDefinitionName=name, **kwargs)


def without_metadata(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def test_create_domain_layout_returns_every_member(client, domain):
    with freeze_time(T0):
        response = create(client, IsDefault=True, Tags={"team": "cx"})
    assert without_metadata(response) == {
        "LayoutDefinitionName": "main",
        "Description": "The main view",
        "DisplayName": "Main view",
        "IsDefault": True,
        "LayoutType": "PROFILE_EXPLORER",
        "Layout": LAYOUT,
        "Version": "1",
        "Tags": {"team": "cx"},
        "CreatedAt": T0,
        "LastUpdatedAt": T0,
    }


def test_get_domain_layout_returns_every_member(client, domain):
    with freeze_time(T0):
        create(client, Tags={"team": "cx"})
    response = client.get_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert without_metadata(response) == {
        "LayoutDefinitionName": "main",
        "Description": "The main view",
        "DisplayName": "Main view",
        "IsDefault": False,
        "LayoutType": "PROFILE_EXPLORER",
        "Layout": LAYOUT,
        "Version": "1",
        "Tags": {"team": "cx"},
        "CreatedAt": T0,
        "LastUpdatedAt": T0,
    }


def test_the_layout_is_kept_byte_for_byte(client, domain, endpoint):
    # Sent raw: what goes over the wire is what comes back, escapes included.
    body = (
        '{"Description": "d", "DisplayName": "D", "LayoutType": "PROFILE_EXPLORER", '
        '"Layout": "{ \\"a\\" :\\t1 ,\\n\\"b\\":\\"\\\\u00e9\\" }"}'
    )
    created = raw_request(endpoint, "POST", "/domains/d/layouts/raw", body)
    assert created.status_code == 200, created.text
    got = client.get_domain_layout(DomainName="d", LayoutDefinitionName="raw")
    assert got["Layout"] == '{ "a" :\t1 ,\n"b":"\\u00e9" }'


def test_a_layout_need_not_be_json(client, domain):
    create(client, Layout="not json at all {")
    got = client.get_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert got["Layout"] == "not json at all {"


def test_a_large_layout_round_trips(client, domain):
    layout = '{"k":"' + "é" * 400_000 + '"}'
    create(client, Layout=layout)
    got = client.get_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert got["Layout"] == layout


def test_create_domain_layout_twice_is_refused(client, domain):
    create(client)
    with pytest.raises(ClientError) as exc:
        create(client, Description="another")
    assert client_error(exc) == (
        "BadRequestException",
        "Layout with name main already exists",
        400,
    )
    got = client.get_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert got["Description"] == "The main view"


def test_the_same_name_in_another_domain_is_another_layout(client, domain):
    client.create_domain(DomainName="e", DefaultExpirationDays=30)
    create(client)
    create(client, DomainName="e", Description="in e")
    got = client.get_domain_layout(DomainName="e", LayoutDefinitionName="main")
    assert got["Description"] == "in e"


def test_create_domain_layout_in_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        create(client, DomainName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


def test_get_a_missing_domain_layout(client, domain):
    with pytest.raises(ClientError) as exc:
        client.get_domain_layout(DomainName="d", LayoutDefinitionName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Layout nope does not exist in domain d.",
        404,
    )


def test_update_changes_only_the_members_given(client, domain):
    with freeze_time(T0):
        create(client, Tags={"team": "cx"})
    with freeze_time(T1):
        response = client.update_domain_layout(
            DomainName="d", LayoutDefinitionName="main", DisplayName="Renamed view"
        )
    assert without_metadata(response) == {
        "LayoutDefinitionName": "main",
        "Description": "The main view",
        "DisplayName": "Renamed view",
        "IsDefault": False,
        "LayoutType": "PROFILE_EXPLORER",
        "Layout": LAYOUT,
        "Version": "2",
        "Tags": {"team": "cx"},
        "CreatedAt": T0,
        "LastUpdatedAt": T1,
    }


def test_update_every_member(client, domain):
    create(client)
    client.update_domain_layout(
        DomainName="d",
        LayoutDefinitionName="main",
        Description="new description",
        DisplayName="New",
        IsDefault=True,
        LayoutType="PROFILE_EXPLORER",
        Layout='{"b": 2}',
    )
    got = client.get_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert (
        got["Description"],
        got["DisplayName"],
        got["IsDefault"],
        got["Layout"],
    ) == ("new description", "New", True, '{"b": 2}')


def test_is_default_can_be_turned_off(client, domain):
    create(client, IsDefault=True)
    client.update_domain_layout(
        DomainName="d", LayoutDefinitionName="main", IsDefault=False
    )
    got = client.get_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert got["IsDefault"] is False


def test_each_update_makes_a_new_version(client, domain):
    create(client)
    versions = [
        client.update_domain_layout(
            DomainName="d", LayoutDefinitionName="main", Layout=f'{{"n": {n}}}'
        )["Version"]
        for n in range(3)
    ]
    assert versions == ["2", "3", "4"]
    got = client.get_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert (got["Version"], got["Layout"]) == ("4", '{"n": 2}')


def test_a_second_default_layout_leaves_the_first_as_it_is(client, domain):
    create(client, "a", IsDefault=True)
    create(client, "b", IsDefault=True)
    items = client.list_domain_layouts(DomainName="d")["Items"]
    assert [(i["LayoutDefinitionName"], i["IsDefault"]) for i in items] == [
        ("a", True),
        ("b", True),
    ]


def test_update_a_missing_domain_layout(client, domain):
    with pytest.raises(ClientError) as exc:
        client.update_domain_layout(
            DomainName="d", LayoutDefinitionName="nope", Description="x"
        )
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Layout nope does not exist in domain d.",
        404,
    )


def test_delete_domain_layout(client, domain):
    create(client)
    response = client.delete_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert response["Message"] == "Layout main was deleted."
    with pytest.raises(ClientError) as exc:
        client.get_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_delete_a_missing_domain_layout(client, domain):
    with pytest.raises(ClientError) as exc:
        client.delete_domain_layout(DomainName="d", LayoutDefinitionName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Layout nope does not exist in domain d.",
        404,
    )


def test_a_deleted_layout_can_be_created_again_with_version_1(client, domain):
    create(client)
    client.update_domain_layout(DomainName="d", LayoutDefinitionName="main")
    client.delete_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert create(client)["Version"] == "1"


def test_list_domain_layouts_items_carry_no_layout_and_no_version(client, domain):
    with freeze_time(T0):
        create(client, Tags={"team": "cx"})
    with freeze_time(T1):
        client.update_domain_layout(
            DomainName="d", LayoutDefinitionName="main", IsDefault=True
        )
    response = client.list_domain_layouts(DomainName="d")
    assert response["Items"] == [
        {
            "LayoutDefinitionName": "main",
            "Description": "The main view",
            "DisplayName": "Main view",
            "IsDefault": True,
            "LayoutType": "PROFILE_EXPLORER",
            "Tags": {"team": "cx"},
            "CreatedAt": T0,
            "LastUpdatedAt": T1,
        }
    ]
    assert "NextToken" not in response


def test_list_domain_layouts_pages_by_name(client, domain):
    for name in ["c", "a", "e", "b", "d"]:
        create(client, name)
    names, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        page = client.list_domain_layouts(DomainName="d", MaxResults=2, **kwargs)
        names.append([i["LayoutDefinitionName"] for i in page["Items"]])
        token = page.get("NextToken")
        if token is None:
            break
    assert names == [["a", "b"], ["c", "d"], ["e"]]


def test_list_domain_layouts_of_a_missing_domain(client):
    with pytest.raises(ClientError) as exc:
        client.list_domain_layouts(DomainName="nope")
    assert client_error(exc) == (
        "ResourceNotFoundException",
        "Domain nope does not exist.",
        404,
    )


def test_layout_tags_by_arn(client, domain):
    create(client, Tags={"a": "1"})
    arn = layout_arn("main")
    client.tag_resource(resourceArn=arn, tags={"b": "2"})
    client.untag_resource(resourceArn=arn, tagKeys=["a"])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"b": "2"}
    got = client.get_domain_layout(DomainName="d", LayoutDefinitionName="main")
    assert got["Tags"] == {"b": "2"}


def test_a_deleted_layout_leaves_no_tags(client, domain):
    create(client, Tags={"a": "1"})
    client.delete_domain_layout(DomainName="d", LayoutDefinitionName="main")
    create(client)
    assert client.list_tags_for_resource(resourceArn=layout_arn("main"))["tags"] == {}


def test_deleting_the_domain_deletes_its_layouts(client, domain):
    create(client, Tags={"a": "1"})
    client.delete_domain(DomainName="d")
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    assert client.list_domain_layouts(DomainName="d")["Items"] == []
    with pytest.raises(ClientError) as exc:
        client.list_tags_for_resource(resourceArn=layout_arn("main"))
    assert client_error(exc)[0] == "ResourceNotFoundException"


def test_display_name_pattern_is_the_models(client, domain, endpoint):
    body = {
        "Description": "d",
        "DisplayName": "1starts with a digit",
        "LayoutType": "PROFILE_EXPLORER",
        "Layout": "{}",
    }
    response = raw_request(endpoint, "POST", "/domains/d/layouts/x", body)
    assert response.status_code == 400
    assert response.json()["__type"] == "BadRequestException"
    assert "DisplayName" in response.json()["Message"]
    assert client.list_domain_layouts(DomainName="d")["Items"] == []
