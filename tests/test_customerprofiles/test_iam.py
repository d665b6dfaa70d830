"""IAM authorization (moto's INITIAL_NO_AUTH_ACTION_COUNT): JSON errors, profile:<Operation>
actions, ARN-scoped resources."""

import json

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.core import set_initial_no_auth_action_count

import moto_customerprofiles  # noqa: F401  (registers the service, as users do)

REGION = "eu-west-2"
DOMAIN_ARN = f"arn:aws:profile:{REGION}:123456789012:domains/allowed"


def _client_for(actions, resource="*"):
    iam = boto3.client("iam", region_name="us-east-1")
    iam.create_user(UserName="user")
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": actions, "Resource": resource}],
    }
    iam.put_user_policy(
        UserName="user", PolicyName="p", PolicyDocument=json.dumps(policy)
    )
    key = iam.create_access_key(UserName="user")["AccessKey"]
    return boto3.client(
        "customer-profiles",
        region_name=REGION,
        aws_access_key_id=key["AccessKeyId"],
        aws_secret_access_key=key["SecretAccessKey"],
    )


@set_initial_no_auth_action_count(3)
@mock_aws
def test_allowed_actions_pass_including_bodiless_gets():
    client = _client_for(
        ["profile:CreateDomain", "profile:GetDomain", "profile:ListDomains"]
    )
    client.create_domain(DomainName="allowed", DefaultExpirationDays=3)
    assert client.get_domain(DomainName="allowed")["DomainName"] == "allowed"
    assert [d["DomainName"] for d in client.list_domains()["Items"]] == ["allowed"]


@set_initial_no_auth_action_count(3)
@mock_aws
def test_a_denied_action_is_a_json_access_denied_exception():
    client = _client_for(["profile:CreateDomain"])
    client.create_domain(DomainName="allowed", DefaultExpirationDays=3)
    with pytest.raises(ClientError) as exc:
        client.delete_domain(DomainName="allowed")
    err = exc.value.response["Error"]
    assert err["Code"] == "AccessDeniedException"
    assert err["Message"] == (
        "User: arn:aws:iam::123456789012:user/user is not authorized to perform: "
        "profile:DeleteDomain"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


@set_initial_no_auth_action_count(3)
@mock_aws
def test_a_policy_scoped_to_a_domain_arn_allows_only_that_domain():
    client = _client_for(["profile:CreateDomain"], resource=DOMAIN_ARN)
    client.create_domain(DomainName="allowed", DefaultExpirationDays=3)
    with pytest.raises(ClientError) as exc:
        client.create_domain(DomainName="other", DefaultExpirationDays=3)
    assert exc.value.response["Error"]["Code"] == "AccessDeniedException"


@set_initial_no_auth_action_count(3)
@mock_aws
def test_tagging_is_authorized_against_the_tagged_resource_arn():
    client = _client_for(
        ["profile:CreateDomain", "profile:ListTagsForResource"], DOMAIN_ARN
    )
    client.create_domain(DomainName="allowed", DefaultExpirationDays=3, Tags={"k": "v"})
    assert client.list_tags_for_resource(resourceArn=DOMAIN_ARN)["tags"] == {"k": "v"}


@set_initial_no_auth_action_count(3)
@mock_aws
def test_a_denial_has_json_headers():
    client = _client_for(["profile:CreateDomain"])
    with pytest.raises(ClientError) as exc:
        client.list_domains()
    headers = exc.value.response["ResponseMetadata"]["HTTPHeaders"]
    assert headers["content-type"] == "application/json"
    assert headers["x-amzn-errortype"] == "AccessDeniedException"
    assert exc.value.response["Error"]["Code"] == "AccessDeniedException"
