"""responses.py: one method per operation, and no request member left unread."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import botocore
import botocore.session
import pytest
from moto.core.utils import camelcase_to_underscores

from moto_customerprofiles.customerprofiles import responses
from moto_customerprofiles.customerprofiles.resources.profiles import PROFILE_FIELDS

README = Path(__file__).resolve().parents[2] / "README.md"
MODEL = botocore.session.get_session().get_service_model("customer-profiles")
OPERATIONS = {camelcase_to_underscores(name): name for name in MODEL.operation_names}


def _methods() -> dict[str, ast.FunctionDef]:
    tree = ast.parse(inspect.getsource(responses))
    (cls,) = [
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.name == "CustomerProfilesResponse"
    ]
    return {
        node.name: node
        for node in cls.body
        if isinstance(node, ast.FunctionDef) and node.name in OPERATIONS
    }


def _members_read(method: ast.FunctionDef) -> set[str]:
    read: set[str] = set()
    for node in ast.walk(method):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr == "_get_param" and isinstance(node.args[0], ast.Constant):
            read.add(node.args[0].value)
        elif node.func.attr == "_profile_fields":
            read.update(PROFILE_FIELDS)
    return read


def _generated_with() -> str:
    found = re.search(r"implemented \(botocore ([\w.]+)\)", README.read_text("utf-8"))
    assert found is not None
    return found[1]


def test_each_implemented_operation_has_its_own_method():
    methods = _methods()
    assert methods, "no operation methods found"
    for name, method in methods.items():
        calls = {
            node.func.attr
            for node in ast.walk(method)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr == "backend"
        }
        assert calls == {name}, f"{name} calls the backend's {sorted(calls)}"


@pytest.mark.parametrize("name", sorted(_methods()))
def test_every_request_member_is_read(name):
    if botocore.__version__ != _generated_with():
        pytest.skip(f"members checked against botocore {_generated_with()}")
    shape = MODEL.operation_model(OPERATIONS[name]).input_shape
    members = set(shape.members) if shape is not None else set()
    assert members - _members_read(_methods()[name]) == set()
