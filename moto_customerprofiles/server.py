"""``moto-customerprofiles-server``: moto's server with Customer Profiles registered."""

from __future__ import annotations

import sys

from ._registration import register


def main(argv: list[str] | None = None) -> None:
    """Same flags as ``moto_server`` (host, ``-p/--port``, ...)."""
    register()
    from moto.server import main as moto_main

    register()  # again: moto's server is loaded now (its HTTP errors in JSON)

    moto_main(argv if argv is not None else sys.argv[1:])


if __name__ == "__main__":  # pragma: no cover
    main()
