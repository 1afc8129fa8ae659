"""The committed JSON Schemas are current and agree with the validator on the same fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.data.schema import schemas
from tests.conftest import FIXTURES, ROOT
from tests.unit.test_validation_rules import INVALID

SCHEMA = ROOT / "schema"

# Rules a schema can express; the rest (one accountable, references between lists, pages on
# disk, duplicate ids) only the validator knows. Both must reject these fixtures.
STRUCTURAL = {
    "raci-letter-not-allowed",
    "unknown-top-level-key",
    "unknown-entry-key",
    "missing-required-key",
    "id-not-a-slug",
    "empty-roles",
    "empty-activities",
    "list-expected",
    "text-expected",
    "mapping-expected",
    "checklist-item-without-id",
    "checklist-without-items",
}


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMA / name).read_text()))


def test_committed_schemas_are_generated_from_the_validator() -> None:
    for name, schema in schemas().items():
        assert json.loads((SCHEMA / name).read_text()) == schema, f"run `make schema`: {name} is stale"


def test_real_data_and_examples_pass_their_schemas() -> None:
    validator("responsibilities.schema.json").validate(yaml.safe_load((ROOT / "data/responsibilities.yml").read_text()))
    validator("checklists.schema.json").validate(yaml.safe_load((ROOT / "data/checklists.yml").read_text()))
    validator("company.schema.json").validate(yaml.safe_load((ROOT / "data/company.example.yml").read_text()))
    validator("company.schema.json").validate(yaml.safe_load((FIXTURES / "overlay/company.yml").read_text()))
    validator("responsibilities.schema.json").validate(yaml.safe_load((FIXTURES / "data/minimal.yml").read_text()))


@pytest.mark.parametrize("fixture", [p for p in INVALID if p.stem in STRUCTURAL], ids=lambda p: p.stem)
def test_schema_rejects_what_the_validator_rejects(fixture: Path) -> None:
    data = yaml.safe_load(fixture.read_text())
    assert list(validator("responsibilities.schema.json").iter_errors(data)), f"schema accepts {fixture.name}"


def test_data_files_point_editors_at_their_schema() -> None:
    for data, schema in (
        ("responsibilities.yml", "responsibilities.schema.json"),
        ("checklists.yml", "checklists.schema.json"),
        ("company.example.yml", "company.schema.json"),
    ):
        first = (ROOT / "data" / data).read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{schema}"
