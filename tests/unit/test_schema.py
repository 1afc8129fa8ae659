"""The committed JSON Schemas are current and agree with the validator on the same fixtures."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.data.schema import schemas
from macros.data.settings import Settings, read_settings
from macros.data.shapes import SETTINGS
from macros.data.yamlsource import parse_yaml
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
    validator("assessment.schema.json").validate(yaml.safe_load((ROOT / "data/assessment.yml").read_text()))
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
        ("assessment.yml", "assessment.schema.json"),
        ("company.example.yml", "company.schema.json"),
    ):
        first = (ROOT / "data" / data).read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{schema}"


# --- settings: declared once in macros/data/shapes.py, read by the build and by editors ---------

ACCEPTED_OVERLAYS = (
    ROOT / "data/company.example.yml",
    FIXTURES / "overlay/company.yml",
    FIXTURES / "fork/data/company.yml",
    FIXTURES / "hostile/accepted/data/company.yml",
)


def test_every_setting_the_build_reads_is_in_the_schema_with_a_description() -> None:
    described = validator("company.schema.json").schema["properties"]["settings"]["properties"]
    derived = {"primary", "accent", "contact_text"}  # colors.primary, colors.accent, contact as shown
    assert set(described) == set(SETTINGS) == {f.name for f in fields(Settings)} - derived | {"colors"}
    assert all(len(entry["description"]) > 20 for entry in described.values())


@pytest.mark.parametrize("overlay", ACCEPTED_OVERLAYS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_what_the_build_accepts_the_editor_accepts(overlay: Path) -> None:
    """No false alarm in the editor: every overlay a test builds passes the schema."""
    validator("company.schema.json").validate(yaml.safe_load(overlay.read_text()))


REFUSED_SETTINGS = {
    "an unknown setting": {"colour": "#0b5394"},
    "a name on two lines": {"name": "Acme\nCorp"},
    "a name too long for a header": {"name": "A" * 201},
    "a script URL as the site address": {"site_url": "javascript:alert(1)"},
    "a logo that is not an image": {"logo": "assets/logo.exe"},
    "a colour name instead of #rrggbb": {"colors": {"primary": "navy"}},
    "a third colour": {"colors": {"header": "#0b5394"}},
    "a contact that is neither address nor URL": {"contact": "ask in #eng"},
    "one page to hide, not a list": {"hide": "glossary.md"},
    "a hidden file that is no page": {"hide": ["assets/logo.svg"]},
    "a redirect from a non-page": {"redirects": {"old.html": "index.md"}},
    "yes as a flag": {"fail_on_overdue_reviews": "yes"},
}


@pytest.mark.parametrize("settings", REFUSED_SETTINGS.values(), ids=REFUSED_SETTINGS)
def test_the_editor_flags_what_the_build_refuses(settings: dict) -> None:
    overlay, _ = parse_yaml(yaml.safe_dump({"settings": settings}), "data/company.yml")
    _, problems = read_settings(overlay, lambda page: page in ("index.md", "assets/logo.svg"))
    assert problems, f"the build accepts {settings}"
    assert list(validator("company.schema.json").iter_errors({"settings": settings})), f"the schema accepts {settings}"
