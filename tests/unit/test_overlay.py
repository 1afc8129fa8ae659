"""Contract 3: the overlay merges by id, patches, appends in order and removes on request."""

from __future__ import annotations

import copy

from macros.overlay import merge_overlay
from macros.validate import validate
from macros.yamlsource import read_yaml
from tests.conftest import FIXTURES


def load(name: str, shown: str):
    tree, problems = read_yaml(FIXTURES / name, shown)
    assert not problems
    return tree


def merged_playbook():
    base = load("data/minimal.yml", "data/responsibilities.yml")
    overlay = load("overlay/company.yml", "data/company.yml")
    merged, problems = merge_overlay(base, overlay)
    assert problems == []
    return validate(merged, lambda page: True)


def test_rename_patches_only_the_named_fields() -> None:
    tl = merged_playbook().role("tl")
    assert (tl.name, tl.plural, tl.short) == ("Team Lead", "Team Leads", "TL")


def test_new_ids_are_appended_in_overlay_order() -> None:
    playbook = merged_playbook()
    assert [r.id for r in playbook.roles] == ["tl", "eng", "design"]
    assert [a.id for a in playbook.areas] == ["craft", "ops"]
    assert [a.id for a in playbook.activities] == ["code-review", "on-call"]


def test_cells_are_patched_added_and_dropped() -> None:
    review = merged_playbook().activity("code-review")
    assert dict(review.cells) == {"tl": "A/R", "design": "I"}


def test_removing_a_role_removes_its_cells(tmp_path) -> None:
    base = load("data/minimal.yml", "data/responsibilities.yml")
    overlay = load("overlay/company.yml", "data/company.yml")
    overlay["roles"]["eng"] = copy.deepcopy(overlay["roles"]["design"])
    overlay["roles"]["eng"].clear()
    overlay["roles"]["eng"]["remove"] = True
    overlay["activities"]["on-call"]["raci"] = {"tl": "A/R"}
    merged, problems = merge_overlay(base, overlay)
    assert problems == []
    playbook = validate(merged, lambda page: True)
    assert "eng" not in [r.id for r in playbook.roles]
    assert all(role != "eng" for a in playbook.activities for role, _ in a.cells)


def test_checklist_items_merge_by_id() -> None:
    items = [i.id for i in merged_playbook().checklist("review").items]
    assert items == ["small-changes", "use-the-bot"]


def test_inputs_are_not_modified() -> None:
    base = load("data/minimal.yml", "data/responsibilities.yml")
    overlay = load("overlay/company.yml", "data/company.yml")
    before = copy.deepcopy(base)
    merge_overlay(base, overlay)
    assert base == before


def test_merged_lines_point_at_the_file_that_wrote_them() -> None:
    base = load("data/minimal.yml", "data/responsibilities.yml")
    overlay = load("overlay/company.yml", "data/company.yml")
    merged, _ = merge_overlay(base, overlay)
    tl = merged["roles"][0]
    assert str(tl.at("name")) == "data/company.yml:3"
    assert str(tl.at("summary")).startswith("data/responsibilities.yml:")
