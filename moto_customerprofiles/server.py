"""``moto-customerprofiles-server``: moto's server with Customer Profiles registered."""

from __future__ import annotations

import sys

from ._registration import register

START_MESSAGE = (
    "moto-customerprofiles-server: serving Amazon Connect Customer Profiles "
    "(botocore service customer-profiles) with moto's services. Requests must be "
    "SigV4-signed (any credentials will do, e.g. AWS_ACCESS_KEY_ID=testing "
    "AWS_SECRET_ACCESS_KEY=testing): moto picks the service from the signature, so an "
    "unsigned request (aws --no-sign-request, a bare curl) reaches moto's S3 and is "
    "answered NoSuchBucket."
)


def main(argv: list[str] | None = None) -> None:
    """Same flags as ``moto_server`` (host, ``-p/--port``, ...)."""
    register()
    from moto.server import main as moto_main

    print(START_MESSAGE, file=sys.stderr, flush=True)
    moto_main(argv if argv is not None else sys.argv[1:])


if __name__ == "__main__":  # pragma: no cover
    main()
