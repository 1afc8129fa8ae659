"""Contract 3: the overlay merges by id, patches, appends in order and removes on request."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from macros.data.errors import DataError
from macros.data.load import load_playbook
from macros.data.overlay import merge_overlay
from macros.data.validate import validate
from macros.data.yamlsource import read_yaml
from tests.conftest import FIXTURES, ROOT


def load(name: str, shown: str):
    tree, problems = read_yaml(FIXTURES / name, shown)
    assert not problems
    return tree


def merged_playbook():
    base = load("data/minimal.yml", "data/responsibilities.yml")
    overlay = load("overlay/company.yml", "data/company.yml")
    merged = merge_overlay(base, overlay)
    assert merged.problems == []
    return validate(merged.tree, lambda page: True, removed=merged.removed)


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
    merged = merge_overlay(base, overlay)
    assert merged.problems == []
    assert set(merged.removed.entries["roles"]) == {"eng"}
    playbook = validate(merged.tree, lambda page: True, removed=merged.removed)
    assert "eng" not in [r.id for r in playbook.roles]
    assert all(role != "eng" for a in playbook.activities for role, _ in a.cells)


def test_checklist_items_merge_by_id() -> None:
    items = [i.id for i in merged_playbook().checklist("review").items]
    assert items == ["small-changes", "use-the-bot"]


def test_what_the_overlay_removed_is_its_result_not_an_attribute_of_the_tree() -> None:
    base = load("data/minimal.yml", "data/responsibilities.yml")
    overlay = load("overlay/company.yml", "data/company.yml")
    merged = merge_overlay(base, overlay)
    assert merged.removed.items == {"review": frozenset({"reply-fast"})}
    assert merged.removed.ids("activities") == {"docs"}
    assert not hasattr(merged.tree, "removed")
    assert merged_playbook().checklist("review").removed_item_ids == ("reply-fast",)


def test_inputs_are_not_modified() -> None:
    base = load("data/minimal.yml", "data/responsibilities.yml")
    overlay = load("overlay/company.yml", "data/company.yml")
    before = copy.deepcopy(base)
    merge_overlay(base, overlay)
    assert base == before


def test_merged_lines_point_at_the_file_that_wrote_them() -> None:
    base = load("data/minimal.yml", "data/responsibilities.yml")
    overlay = load("overlay/company.yml", "data/company.yml")
    tl = merge_overlay(base, overlay).tree["roles"][0]
    assert str(tl.at("name")) == "data/company.yml:3"
    assert str(tl.at("summary")).startswith("data/responsibilities.yml:")


def fork_with(tmp_path, checklists_extra: str, overlay: str):
    """A copy of the real data with upstream aliases added and a company overlay."""
    import shutil

    from macros.data.load import load_playbook
    from tests.conftest import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    path = tmp_path / "data/checklists.yml"
    path.write_text(path.read_text() + checklists_extra)
    (tmp_path / "data/company.yml").write_text(overlay)
    return load_playbook(tmp_path).playbook


UPSTREAM_ALIASES = """
aliases:
  checklists: {old-code-reviews: code-reviews}
  items:
    code-reviews: {old-first-response: reply-within-a-day}
"""


def test_an_upstream_alias_to_a_checklist_the_fork_removed_goes_with_it(tmp_path) -> None:
    playbook = fork_with(tmp_path, UPSTREAM_ALIASES, "checklists:\n  code-reviews: {remove: true}\n")
    assert "code-reviews" not in [c.id for c in playbook.checklists]
    assert all("old-code-reviews" not in c.old_ids for c in playbook.checklists)


def test_an_upstream_item_alias_to_an_item_the_fork_removed_goes_with_it(tmp_path) -> None:
    overlay = "checklists:\n  code-reviews:\n    items:\n      - {id: reply-within-a-day, remove: true}\n"
    playbook = fork_with(tmp_path, UPSTREAM_ALIASES, overlay)
    assert playbook.checklist("code-reviews").item_aliases == ()
    assert playbook.checklist("code-reviews").old_ids == ("old-code-reviews",)


def test_the_overlay_can_drop_and_add_aliases(tmp_path) -> None:
    overlay = "aliases:\n  checklists: {old-code-reviews: ~, reviews: code-reviews}\n"
    playbook = fork_with(tmp_path, UPSTREAM_ALIASES, overlay)
    assert playbook.checklist("code-reviews").old_ids == ("reviews",)


def _project(tmp_path: Path, overlay: str) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    (tmp_path / "data/company.yml").write_text(overlay, encoding="utf-8")
    return tmp_path


TYPO = "checklists:\n  code-reviews:\n    items:\n      - {id: reply-within-a-dya, text: Reply within a day.}\n"


def test_an_overlay_id_one_letter_off_an_upstream_one_is_a_notice(tmp_path: Path) -> None:
    loaded = load_playbook(_project(tmp_path, TYPO))
    assert [str(n) for n in loaded.notices] == [
        "data/company.yml:4: checklists[code-reviews].items[reply-within-a-dya]: "
        "matches no upstream id, so it adds a new entry; did you mean 'reply-within-a-day'?"
    ]
    assert loaded.playbook.checklist("code-reviews").items[-1].id == "reply-within-a-dya"  # added, as the overlay says


def test_strict_overlay_ids_make_the_notice_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError) as refused:
        load_playbook(_project(tmp_path, TYPO + "settings:\n  strict_overlay_ids: true\n"))
    assert [str(p) for p in refused.value.problems] == [
        "data/company.yml:4: checklists[code-reviews].items[reply-within-a-dya]: "
        "matches no upstream id, so it adds a new entry; did you mean 'reply-within-a-day'?"
    ]


def test_a_new_id_far_from_every_upstream_one_is_no_notice(tmp_path: Path) -> None:
    overlay = "checklists:\n  code-reviews:\n    items:\n      - {id: run-the-review-bot, text: Run the bot.}\n"
    assert load_playbook(_project(tmp_path, overlay)).notices == ()
