"""Every Python block of the README runs as it is written, as a user's test module, in
decorator mode and in server mode (``--customerprofiles-server``): README and tests
cannot drift apart.

The event-trigger example also runs here in the suite's own mode, and against a separate
server process in ``test_server_process.py``.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from .helpers import run_pytest

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
SERVER_MODE = os.environ.get("TEST_SERVER_MODE", "").lower() == "true"


def readme_python_blocks() -> list[tuple[int, str]]:
    """(line number, source) of each ```python block of the README."""
    text = README.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, match.start()) + 1, match.group(1))
        for match in BLOCK.finditer(text)
    ]


def _test_functions(source: str) -> list[str]:
    return [
        node.name
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    ]


def _example_source() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Event trigger invocations", 1)[1]
    match = BLOCK.search(section)
    assert match, "the README's event-trigger section has no Python example"
    return match.group(1)


@pytest.mark.parametrize(
    "heading",
    [
        "### Decorator / context manager",
        "### pytest fixtures (no import needed)",
        "## Event stream records (real-time export to Kinesis)",
        "## Event trigger invocations",
        "## CloudFormation",
        "## Resource Groups Tagging API",
        "### Status and Readiness: moto's state manager",
    ],
)
def test_the_readme_section_has_an_example(heading):
    text = README.read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1, heading
    section = text.split(f"\n{heading}\n", 1)[1]
    level = heading.split(" ", 1)[0]
    ends = [section.find(f"\n{'#' * n} ") for n in range(1, len(level) + 1)]
    section = section[: min([e for e in ends if e >= 0], default=len(section))]
    assert BLOCK.search(section), f"{heading} has no Python example"


@pytest.mark.parametrize(
    ("line", "source"), readme_python_blocks(), ids=lambda v: str(v)[:6]
)
def test_every_readme_python_block_is_a_test_module(line, source):
    """A block is runnable only if it defines a test: snippets go inside one."""
    assert _test_functions(source), f"README.md:{line}: the block defines no test_"


@pytest.mark.skipif(
    SERVER_MODE, reason="runs both modes itself, in the decorator-mode run"
)
@pytest.mark.parametrize("mode", ["decorator", "server"])
def test_every_readme_python_block_passes(mode, tmp_path):
    expected = 0
    for line, source in readme_python_blocks():
        (tmp_path / f"test_readme_line_{line}.py").write_text(source)
        expected += len(_test_functions(source))
    args = ["--customerprofiles-server"] if mode == "server" else []
    result = run_pytest(tmp_path, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    counts = {
        word: int(n) for n, word in re.findall(r"(\d+) (passed|skipped)", result.stdout)
    }
    # A block may skip on an older moto (the Tagging API needs 5.2.2), never fail.
    assert counts.get("passed", 0) + counts.get("skipped", 0) == expected, result.stdout


def test_readme_event_trigger_example_passes(
    customerprofiles_client, customerprofiles_trigger_invocations
):
    namespace: dict = {}
    exec(compile(_example_source(), str(README), "exec"), namespace)
    namespace["test_big_orders_fire_once_an_hour"](
        customerprofiles_client, customerprofiles_trigger_invocations
    )
