"""Only ``compat.py`` touches moto's private names; what it wraps works on this moto."""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import boto3
import pytest
import requests

import moto_customerprofiles
from moto_customerprofiles.customerprofiles import compat

PACKAGE = Path(moto_customerprofiles.__file__).resolve().parent
COMPAT = Path(compat.__file__).resolve()

# What moto's own services import from moto's private modules (emrcontainers,
# batch, ...): the same lines in a service of ours are as safe as in theirs.
IMPORTS_MOTO_SERVICES_USE = {
    ("moto.moto_api._internal", "mock_random"),
    ("moto.moto_api._internal.managed_state_model", "ManagedState"),
}
# ... and what every moto service's responses call.
ATTRIBUTES_MOTO_SERVICES_USE = {"_get_param"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.resolve() != COMPAT)


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _moto_private_attributes() -> set[str]:
    """The private names defined by the moto classes our classes derive from."""
    import sys

    names: set[str] = set()
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("moto_customerprofiles"):
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            for base in cls.__mro__:
                if base.__module__.split(".")[0] == "moto":
                    names.update(n for n in vars(base) if _is_private(n))
    return names - ATTRIBUTES_MOTO_SERVICES_USE


def _private_uses(path: Path, moto_private: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("moto."):
            module = node.module or ""
            for alias in node.names:
                if (module, alias.name) in IMPORTS_MOTO_SERVICES_USE:
                    continue
                if any(_is_private(p) for p in module.split(".")) or _is_private(
                    alias.name
                ):
                    found.append(f"{where} imports {module}.{alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "moto" and any(_is_private(p) for p in parts):
                    found.append(f"{where} imports {alias.name}")
        elif isinstance(node, ast.Attribute) and node.attr in moto_private:
            found.append(f"{where} uses {node.attr}")
        elif (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name in moto_private
        ):
            found.append(f"{where} overrides {node.name}")
    return found


def test_only_the_compat_module_names_a_private_moto_attribute():
    moto_private = _moto_private_attributes()
    assert "_get_action" in moto_private  # the check sees moto's BaseResponse
    found = [use for path in _modules() for use in _private_uses(path, moto_private)]
    assert found == []


def test_the_check_finds_a_private_name(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "from moto.core.responses import _get_method_urls\n"
        "import moto.moto_api._internal.urls\n"
        "class R:\n"
        "    def _get_action(self):\n"
        "        return self._authenticate_and_authorize_normal_action()\n",
        encoding="utf-8",
    )
    found = _private_uses(module, _moto_private_attributes())
    assert [use.split(" ", 1)[1] for use in found] == [
        "imports moto.core.responses._get_method_urls",
        "imports moto.moto_api._internal.urls",
        "overrides _get_action",
        "uses _authenticate_and_authorize_normal_action",
    ]


def test_kinesis_data_is_what_this_moto_stores():
    from moto.kinesis.models import Record

    data = compat.kinesis_data(b'{"a": 1}')
    record = Record("k", data, 1, "")  # type: ignore[arg-type]
    stored = record.to_json()["Data"]
    # 5.2.0-5.2.5 decode the stored base64 text to bytes; 5.2.6 keeps the bytes.
    assert json.loads(stored) == {"a": 1}


def _seed(endpoint: str, seed: int) -> None:
    url = f"{endpoint}/moto-api/seed?a={seed}"
    assert requests.post(url, timeout=10).status_code == 200


def _ids_after_seed(client, moto_api: str, domain_name: str) -> tuple[str, str]:
    _seed(moto_api, 42)
    client.create_domain(DomainName=domain_name, DefaultExpirationDays=7)
    profile_id = client.create_profile(DomainName=domain_name)["ProfileId"]
    estimate = client.create_segment_estimate(
        DomainName=domain_name,
        SegmentQuery={
            "Groups": [
                {
                    "Dimensions": [
                        {
                            "ProfileAttributes": {
                                "FirstName": {
                                    "DimensionType": "INCLUSIVE",
                                    "Values": ["A"],
                                }
                            }
                        }
                    ]
                }
            ]
        },
    )["EstimateId"]
    return profile_id, estimate


def test_generated_ids_repeat_after_moto_api_seed(client, moto_api):
    first = _ids_after_seed(client, moto_api, "one")
    second = _ids_after_seed(client, moto_api, "two")
    assert first == second
    assert len(first[0]) == 32


def test_generated_ids_differ_without_a_seed(client):
    client.create_domain(DomainName="d", DefaultExpirationDays=7)
    ids = {client.create_profile(DomainName="d")["ProfileId"] for _ in range(3)}
    assert len(ids) == 3


def test_event_records_read_as_json_from_kinesis(client):
    region = client.meta.region_name
    kinesis = boto3.client("kinesis", region_name=region)
    kinesis.create_stream(StreamName="s", ShardCount=1)
    arn = kinesis.describe_stream(StreamName="s")["StreamDescription"]["StreamARN"]
    client.create_domain(DomainName="d", DefaultExpirationDays=7)
    client.create_event_stream(DomainName="d", EventStreamName="e", Uri=arn)
    profile_id = client.create_profile(DomainName="d", FirstName="Ann")["ProfileId"]
    shard = kinesis.describe_stream(StreamName="s")["StreamDescription"]["Shards"][0]
    iterator = kinesis.get_shard_iterator(
        StreamName="s", ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    records = kinesis.get_records(ShardIterator=iterator)["Records"]
    assert [json.loads(r["Data"])["Object"]["ProfileId"] for r in records] == [
        profile_id
    ]
    assert records[0]["PartitionKey"] == profile_id


@pytest.mark.skipif(
    not __import__(
        "moto_customerprofiles.customerprofiles.tagging_api", fromlist=["SUPPORTED"]
    ).SUPPORTED,
    reason="moto < 5.2.2 has no Resource Groups Tagging hook",
)
def test_the_tagging_api_is_wrapped_when_imported_and_not_loaded_before():
    import subprocess
    import sys

    script = (
        "import inspect, sys, moto_customerprofiles\n"
        "print('moto.resourcegroupstaggingapi.models' in sys.modules)\n"
        "import moto.resourcegroupstaggingapi.models as m\n"
        "backend = m.ResourceGroupsTaggingAPIBackend\n"
        "print(backend.tag_resources.__name__, backend.untag_resources.__name__)\n"
        "print(len(inspect.getsource(m)) > 0)\n"
        "import importlib; importlib.reload(moto_customerprofiles)\n"
        "print(backend.tag_resources.__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "False",
        "tag_each untag_each",
        "True",
        "tag_each",
    ]
