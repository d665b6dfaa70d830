"""The Resource Groups Tagging API lists and tags Customer Profiles resources."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from moto_customerprofiles.customerprofiles.tagging_api import SUPPORTED

from .helpers import ACCOUNT_ID, REGION

pytestmark = pytest.mark.skipif(
    not SUPPORTED,
    reason="moto < 5.2.2 has no moto.core.resource_tagging hook for the Tagging API",
)

DOMAIN_ARN = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/d"
OTHER_ARN = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/other"
OBJECT_TYPE_ARN = f"{DOMAIN_ARN}/object-types/t"


@pytest.fixture
def tagging(client: Any) -> Any:
    client.create_domain(DomainName="d", DefaultExpirationDays=1, Tags={"env": "prod"})
    client.create_domain(
        DomainName="other", DefaultExpirationDays=1, Tags={"env": "test"}
    )
    client.put_profile_object_type(
        DomainName="d",
        ObjectTypeName="t",
        Description="desc",
        Fields={"id": {"Source": "_source.id", "Target": "_profile.AccountNumber"}},
        Keys={"id": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["id"]}]},
        Tags={"env": "prod", "kind": "orders"},
    )
    return boto3.client("resourcegroupstaggingapi", region_name=REGION)


def arns(response: dict[str, Any]) -> list[str]:
    return sorted(r["ResourceARN"] for r in response["ResourceTagMappingList"])


def test_get_resources_lists_tagged_domains_and_object_types(tagging):
    assert arns(tagging.get_resources()) == [DOMAIN_ARN, OBJECT_TYPE_ARN, OTHER_ARN]


def test_get_resources_returns_each_resources_tags(tagging):
    mapping = tagging.get_resources(ResourceTypeFilters=["profile:object-types"])
    assert mapping["ResourceTagMappingList"] == [
        {
            "ResourceARN": OBJECT_TYPE_ARN,
            "Tags": [
                {"Key": "env", "Value": "prod"},
                {"Key": "kind", "Value": "orders"},
            ],
        }
    ]


def test_get_resources_filters_by_tag(tagging):
    response = tagging.get_resources(TagFilters=[{"Key": "env", "Values": ["prod"]}])
    assert arns(response) == [DOMAIN_ARN, OBJECT_TYPE_ARN]


def test_get_resources_filters_by_resource_type(tagging):
    response = tagging.get_resources(ResourceTypeFilters=["profile:domains"])
    assert arns(response) == [DOMAIN_ARN, OTHER_ARN]


def test_get_resources_filters_by_service(tagging):
    assert arns(tagging.get_resources(ResourceTypeFilters=["profile"])) == [
        DOMAIN_ARN,
        OBJECT_TYPE_ARN,
        OTHER_ARN,
    ]


def test_get_resources_leaves_out_untagged_resources(tagging, client):
    client.create_domain(DomainName="bare", DefaultExpirationDays=1)
    assert arns(tagging.get_resources()) == [DOMAIN_ARN, OBJECT_TYPE_ARN, OTHER_ARN]


def test_tag_resources_tags_through_the_service(tagging, client):
    response = tagging.tag_resources(
        ResourceARNList=[DOMAIN_ARN, OBJECT_TYPE_ARN], Tags={"owner": "crm"}
    )
    assert response["FailedResourcesMap"] == {}
    assert client.list_tags_for_resource(resourceArn=OBJECT_TYPE_ARN)["tags"] == {
        "env": "prod",
        "kind": "orders",
        "owner": "crm",
    }


def test_untag_resources_untags_through_the_service(tagging, client):
    response = tagging.untag_resources(ResourceARNList=[DOMAIN_ARN], TagKeys=["env"])
    assert response["FailedResourcesMap"] == {}
    assert client.get_domain(DomainName="d")["Tags"] == {}


def test_get_tag_keys_includes_the_services_keys(tagging):
    # moto's Tagging API repeats a key once per resource: compare as sets.
    assert set(tagging.get_tag_keys()["TagKeys"]) == {"env", "kind"}


def test_get_tag_values_lists_a_keys_values(tagging):
    assert set(tagging.get_tag_values(Key="env")["TagValues"]) == {"prod", "test"}


def test_deleted_domains_leave_the_listing(tagging, client):
    client.delete_domain(DomainName="d")
    assert arns(tagging.get_resources()) == [OTHER_ARN]
