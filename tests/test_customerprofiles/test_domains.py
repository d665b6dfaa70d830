from datetime import datetime

import pytest
from botocore.exceptions import ClientError


def test_create_domain_returns_the_domain(client):
    response = client.create_domain(DomainName="d", DefaultExpirationDays=30)
    assert response["DomainName"] == "d"
    assert response["DefaultExpirationDays"] == 30
    assert isinstance(response["CreatedAt"], datetime)
    assert response["LastUpdatedAt"] == response["CreatedAt"]
    assert response["Tags"] == {}


def test_create_domain_twice_is_refused(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=30)
    with pytest.raises(ClientError) as exc:
        client.create_domain(DomainName="d", DefaultExpirationDays=30)
    err = exc.value.response["Error"]
    assert err["Code"] == "BadRequestException"
    assert err["Message"] == "Domain d already exists"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
