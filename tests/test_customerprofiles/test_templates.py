"""The templates are data: one JSON file per template, each the service's answer to
GetProfileObjectTypeTemplate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import moto_customerprofiles.customerprofiles.resources as resources

FOLDER = Path(resources.__file__).parent / "templates"
FILES = sorted(FOLDER.glob("*.json"))


def test_the_templates_are_json_files_beside_their_provenance():
    assert len(FILES) == 16
    assert (FOLDER / "README.md").read_text().count("## Provenance") == 1


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_file_is_the_get_profile_object_type_template_response(client, path):
    template = json.loads(path.read_text())
    assert template["TemplateId"] == path.stem
    answer = client.get_profile_object_type_template(TemplateId=path.stem)
    answer.pop("ResponseMetadata")
    assert answer == template


def test_the_list_names_every_file(client):
    items = client.list_profile_object_type_templates()["Items"]
    assert [i["TemplateId"] for i in items] == sorted(p.stem for p in FILES)
