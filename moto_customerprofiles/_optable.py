"""The README's "## Operations" table, generated from the installed botocore model.

Every operation of ``customer-profiles`` is listed, sorted; an operation is implemented
when ``CustomerProfilesResponse`` has a method named after it in snake_case (the name
moto dispatches to).

    python -m moto_customerprofiles._optable            # print the table
    python -m moto_customerprofiles._optable --write    # rewrite it in README.md
    python -m moto_customerprofiles._optable --check    # exit 1 if README.md is stale
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

SERVICE_NAME = "customer-profiles"
START_MARKER = "<!-- operations-table:start -->"
END_MARKER = "<!-- operations-table:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"
REGENERATE = "python -m moto_customerprofiles._optable --write"


def model_operations() -> list[str]:
    """Every operation of the installed model, sorted."""
    import botocore.session

    model = botocore.session.get_session().get_service_model(SERVICE_NAME)
    return sorted(str(name) for name in model.operation_names)


def botocore_version() -> str:
    import botocore

    return str(botocore.__version__)


def method_name(operation: str) -> str:
    from moto.core.utils import camelcase_to_underscores

    return camelcase_to_underscores(operation)


def implemented_operations(operations: Sequence[str] | None = None) -> set[str]:
    """The operations ``CustomerProfilesResponse`` has a method for."""
    from moto.core.responses import BaseResponse

    from .customerprofiles.responses import CustomerProfilesResponse

    names = model_operations() if operations is None else operations
    implemented = set()
    for operation in names:
        name = method_name(operation)
        if hasattr(BaseResponse, name):  # moto's own machinery, not an operation
            continue
        if callable(getattr(CustomerProfilesResponse, name, None)):
            implemented.add(operation)
    return implemented


def render() -> str:
    """The text that goes between the markers (without them), ending in a newline."""
    operations = model_operations()
    implemented = implemented_operations(operations)
    lines = [
        f"{len(implemented)} of {len(operations)} operations implemented "
        f"(botocore {botocore_version()}).",
        "",
        "| Operation | Implemented |",
        "| --- | --- |",
    ]
    lines += [
        f"| {operation} | {'yes' if operation in implemented else 'no'} |"
        for operation in operations
    ]
    return "\n".join(lines) + "\n"


def _split(readme: str) -> tuple[str, str, str]:
    """(text up to and including the start marker line, the table, the rest)."""
    start = readme.find(START_MARKER)
    end = readme.find(END_MARKER)
    newline = readme.find("\n", start)
    if start < 0 or end < 0 or not start < newline < end:
        raise ValueError(
            f"it needs the lines {START_MARKER} and {END_MARKER}, in that order"
        )
    return readme[: newline + 1], readme[newline + 1 : end], readme[end:]


def current_table(readme: str) -> str:
    """The text between the markers of a README."""
    return _split(readme)[1]


def with_table(readme: str, table: str) -> str:
    head, _, tail = _split(readme)
    if not head.endswith("\n"):
        head += "\n"
    return head + table + tail


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m moto_customerprofiles._optable",
        description="Generate the README's operations table from the botocore model.",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite it in the README")
    mode.add_argument(
        "--check", action="store_true", help="exit 1 if the README's table is stale"
    )
    parser.add_argument("--readme", type=Path, default=README, help="README path")
    args = parser.parse_args(argv)
    table = render()
    if not (args.write or args.check):
        sys.stdout.write(table)
        return 0
    path: Path = args.readme
    readme = path.read_text(encoding="utf-8")
    try:
        updated = with_table(readme, table)
    except ValueError as error:
        sys.stderr.write(f"{path}: {error}\n")
        return 2
    if args.check:
        if updated != readme:
            sys.stderr.write(
                f"{path}: the operations table is out of date; run: {REGENERATE}\n"
            )
            return 1
        return 0
    if updated != readme:
        path.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
