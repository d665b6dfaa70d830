"""The README stays true: its operations table and its set-up commands."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import botocore
import botocore.session
import pytest
from moto.core.responses import BaseResponse
from moto.core.utils import camelcase_to_underscores

from moto_customerprofiles import _optable
from moto_customerprofiles.customerprofiles.responses import CustomerProfilesResponse

README = Path(__file__).resolve().parents[2] / "README.md"
START = "<!-- operations-table:start -->"
END = "<!-- operations-table:end -->"
ROW = re.compile(r"^\| (\w+) \| (yes|no) \|$")
SUMMARY = re.compile(
    r"^(\d+) of (\d+) operations implemented \(botocore ([\w.]+)\)\.$", re.M
)
REGENERATE = "run: python -m moto_customerprofiles._optable --write"

SERVER_COMMAND = (
    "    python3 -m venv .venv && .venv/bin/pip install -e . && "
    ".venv/bin/moto-customerprofiles-server -H 127.0.0.1 -p 5000"
)
TEST_COMMAND = (
    '    python3 -m venv .venv && .venv/bin/pip install -e ".[dev]" && '
    ".venv/bin/python -m pytest -q -p no:cacheprovider -n 2 && "
    "TEST_SERVER_MODE=true .venv/bin/python -m pytest -q -p no:cacheprovider -n 2"
)


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def _table_block() -> str:
    text = _readme()
    assert text.count(START) == 1 and text.count(END) == 1, "table markers missing"
    block = text.split(START, 1)[1].split(END, 1)[0]
    assert text.index(START) > text.index("## Operations")
    return block


def _table() -> dict[str, bool]:
    rows = {}
    for line in _table_block().splitlines():
        match = ROW.match(line)
        if match:
            assert match[1] not in rows, f"{match[1]} is listed twice"
            rows[match[1]] = match[2] == "yes"
    return rows


def _model_operations() -> set[str]:
    model = botocore.session.get_session().get_service_model("customer-profiles")
    return set(model.operation_names)


def _implemented_methods() -> set[str]:
    return {
        operation
        for operation in _model_operations()
        if not hasattr(BaseResponse, camelcase_to_underscores(operation))
        and callable(
            getattr(CustomerProfilesResponse, camelcase_to_underscores(operation), None)
        )
    }


def test_readme_marks_exactly_the_implemented_operations():
    marked = {operation for operation, done in _table().items() if done}
    marked &= _model_operations()  # an older botocore lacks some
    implemented = _implemented_methods()
    assert marked == implemented, (
        f"implemented but not marked: {sorted(implemented - marked)}; "
        f"marked but not implemented: {sorted(marked - implemented)}; {REGENERATE}"
    )


def test_readme_lists_every_implemented_operation_of_the_installed_model():
    """A newer botocore's new operations are not in the table, and not implemented:
    they are answered as such (see test_validation), and the suite stays green."""
    missing = _model_operations() - set(_table())
    assert not missing & _implemented_methods(), REGENERATE


def test_readme_table_lists_every_operation_of_the_botocore_it_names():
    summary = SUMMARY.search(_table_block())
    assert summary is not None
    if summary[3] != botocore.__version__:
        pytest.skip(f"README generated with botocore {summary[3]}")
    missing = _model_operations() - set(_table())
    assert not missing, f"not in README's table: {sorted(missing)}; {REGENERATE}"


def test_readme_table_is_sorted_and_its_summary_adds_up():
    rows = _table()
    assert list(rows) == sorted(rows)
    summary = SUMMARY.search(_table_block())
    assert summary is not None
    assert int(summary[1]) == sum(rows.values())
    assert int(summary[2]) == len(rows)


def test_readme_table_is_what_the_generator_writes():
    summary = SUMMARY.search(_table_block())
    assert summary is not None
    if summary[3] != botocore.__version__:
        pytest.skip(f"README generated with botocore {summary[3]}")
    assert _table_block().lstrip("\n") == _optable.render(), REGENERATE


def test_generator_round_trips_the_readme():
    text = _readme()
    assert _optable.with_table(text, _optable.current_table(text)) == text
    assert _optable.implemented_operations() == _implemented_methods()


def _setup_section() -> list[str]:
    text = _readme()
    start = text.index("## Set-up")
    end = text.index("\n## ", start + 1)
    return text[start:end].splitlines()


def test_readme_has_the_server_command():
    assert SERVER_COMMAND in _setup_section()


def test_readme_has_the_test_command_ci_runs():
    lines = _setup_section()
    assert TEST_COMMAND in lines
    # .ci/run takes the first such line: it must be this one.
    ci_pattern = re.compile(r"^    (python3 -m venv \.venv && .*pytest.*)$")
    candidates = [line for line in _readme().splitlines() if ci_pattern.match(line)]
    assert candidates[0] == TEST_COMMAND


# --- "What the mock refuses, and why" agrees with the code --------------------------------

PACKAGE = README.parent / "moto_customerprofiles"
REFUSALS_START = "### What the mock refuses, and why"
REFUSALS_END = "### Choices where AWS's documentation is silent"
REFUSING_CLASSES = {"BadRequestException", "ResourceNotFoundException"}


def _table_messages() -> list[str]:
    """Every backticked message in the refusal tables, placeholders as ``X``."""
    section = _readme().split(REFUSALS_START, 1)[1].split(REFUSALS_END, 1)[0]
    messages = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and "`" in cells[1]:
            for message in re.findall(r"`([^`]+)`", cells[1]):
                messages.append(re.sub(r"\{[^}]*\}", "X", message))
    return messages


def _template(node: ast.expr) -> str | None:
    """A string literal, with each f-string placeholder as ``{}``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) else "{}" for v in node.values
        )
    return None


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(".+".join(re.escape(part) for part in template.split("{}")))


def _code() -> tuple[list[str], list[str], list[str]]:
    """(every string template, refusal templates, check_quota subjects) of the package."""
    templates, refusals, quotas = [], [], []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.expr) and (text := _template(node)) is not None:
                templates.append(text)
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                first = _template(node.args[0])
                if name in REFUSING_CLASSES and first is not None:
                    refusals.append(first)
                if name == "check_quota" and len(node.args) == 3:
                    what = _template(node.args[2])
                    if what is not None:
                        quotas.append(what)
    return templates, refusals, quotas


def test_every_refusal_in_the_readme_table_is_in_the_code():
    templates = _code()[0]
    for message in _table_messages():
        assert any(
            message in t or _pattern(t).fullmatch(message) for t in templates if t
        ), f"README refusal not found in the package: {message}"


def test_every_refusal_in_the_code_is_in_the_readme_table():
    messages = _table_messages()
    _, refusals, quotas = _code()
    for template in refusals:
        if template.strip("{} ") == "":
            continue  # a message built elsewhere (the quota and not-found helpers)
        assert any(_pattern(template).fullmatch(m) for m in messages), (
            f"refusal missing from the README table: {template}"
        )
    for what in quotas:
        assert any(m.startswith(f"Exceeded the quota of {what} (") for m in messages), (
            f"quota missing from the README table: {what}"
        )


def test_readme_names_the_operations_botocore_has_paginators_for():
    summary = SUMMARY.search(_table_block())
    assert summary is not None
    if summary[3] != botocore.__version__:
        pytest.skip(f"README generated with botocore {summary[3]}")
    client = botocore.session.get_session().create_client(
        "customer-profiles", region_name="us-east-1"
    )
    paginated = {
        operation
        for operation in _model_operations()
        if client.can_paginate(camelcase_to_underscores(operation))
    }
    text = _readme()
    paragraph = text[text.index("**Pagination.**") :].split("\n\n", 1)[0]
    implemented, others = paragraph.split("among the implemented operations", 1)
    named = set(re.findall(r"\b(?:List|Get)[A-Za-z]+", paragraph))
    assert named == paginated
    assert set(re.findall(r"\b(?:List|Get)[A-Za-z]+", implemented)) == (
        paginated & _implemented_methods()
    )
    assert set(re.findall(r"\b(?:List|Get)[A-Za-z]+", others)) == (
        paginated - _implemented_methods()
    )
