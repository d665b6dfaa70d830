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


# --- a refused ARN is reported in FailedResourcesMap; the others are tagged -------------

MISSING_ARN = f"arn:aws:profile:{REGION}:{ACCOUNT_ID}:domains/missing"


def invalid_parameter(message: str) -> dict[str, Any]:
    return {
        "StatusCode": 400,
        "ErrorCode": "InvalidParameterException",
        "ErrorMessage": message,
    }


def test_tag_resources_reports_an_arn_over_the_tag_quota(tagging, client):
    client.tag_resource(
        resourceArn=DOMAIN_ARN, tags={f"k{i}": "v" for i in range(49)}
    )  # 50 with env
    response = tagging.tag_resources(
        ResourceARNList=[DOMAIN_ARN, OTHER_ARN], Tags={"owner": "crm"}
    )
    assert response["FailedResourcesMap"] == {
        DOMAIN_ARN: invalid_parameter("Exceeded the quota of tags per resource (50)")
    }
    assert "owner" not in client.get_domain(DomainName="d")["Tags"]
    assert client.get_domain(DomainName="other")["Tags"] == {
        "env": "test",
        "owner": "crm",
    }


def test_tag_resources_reports_a_missing_domains_arn_and_tags_the_rest(tagging, client):
    response = tagging.tag_resources(
        ResourceARNList=[MISSING_ARN, OTHER_ARN, f"{MISSING_ARN}/object-types/t"],
        Tags={"owner": "crm"},
    )
    assert response["FailedResourcesMap"] == {
        MISSING_ARN: invalid_parameter(f"Resource {MISSING_ARN} does not exist."),
        f"{MISSING_ARN}/object-types/t": invalid_parameter(
            f"Resource {MISSING_ARN}/object-types/t does not exist."
        ),
    }
    assert client.get_domain(DomainName="other")["Tags"]["owner"] == "crm"


def test_untag_resources_reports_a_missing_domains_arn_and_untags_the_rest(
    tagging, client
):
    response = tagging.untag_resources(
        ResourceARNList=[MISSING_ARN, DOMAIN_ARN], TagKeys=["env"]
    )
    assert response["FailedResourcesMap"] == {
        MISSING_ARN: invalid_parameter(f"Resource {MISSING_ARN} does not exist.")
    }
    assert client.get_domain(DomainName="d")["Tags"] == {}


def test_tag_resources_leaves_other_services_failures_as_moto_reports_them(tagging):
    unsupported = f"arn:aws:nosuchservice:{REGION}:{ACCOUNT_ID}:thing/x"
    response = tagging.tag_resources(
        ResourceARNList=[unsupported, DOMAIN_ARN], Tags={"owner": "crm"}
    )
    assert response["FailedResourcesMap"] == {
        unsupported: {
            "StatusCode": 404,
            "ErrorCode": "InternalServiceException",
            "ErrorMessage": "Service not yet supported",
        }
    }


def test_tag_resources_waits_for_the_services_lock(tagging, client):
    """TagResources changes the service's state outside its requests: it holds the
    backend's lock, as this service's own requests do (check-then-act on the quota)."""
    import threading

    from moto_customerprofiles.customerprofiles.models import customerprofiles_backends

    backend = customerprofiles_backends[ACCOUNT_ID][REGION]
    done = threading.Event()

    def tag() -> None:
        tagging.tag_resources(ResourceARNList=[DOMAIN_ARN], Tags={"owner": "crm"})
        done.set()

    with backend.lock:
        thread = threading.Thread(target=tag)
        thread.start()
        assert not done.wait(1)  # blocked while the lock is held
    thread.join(30)
    assert done.is_set()
    assert client.get_domain(DomainName="d")["Tags"]["owner"] == "crm"
