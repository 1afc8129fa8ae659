"""The self-assessment's data (data/assessment.yml): read, patched by a fork's overlay by id, checked
at its lines, and rendered as escaped tables whose fingerprints follow the wording. The overlay's
mistakes, line by line, are in tests/fixtures/overlay-invalid/behavior-mistakes.yml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.contract import ASSESSMENT_KEY, LEVELS, fingerprint, linker
from macros.data.load import load_playbook
from macros.data.model import Playbook
from macros.render.assessment import render_self_assessment, wording
from tests.conftest import ROOT
from tests.unit.test_validation_rules import problems_for

SCRIPT = (ROOT / "docs/assets/assessment.js").read_text(encoding="utf-8")
DATA = yaml.safe_load((ROOT / "data/assessment.yml").read_text(encoding="utf-8"))
PAGE = "growth/self-assessment/"


def project(tmp_path: Path, overlay: str = "", old: str = "", new: str = "") -> Path:
    """A copy of the data and pages; `overlay` as data/company.yml, `old` replaced by `new` in data/assessment.yml."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    if overlay:
        (tmp_path / "data/company.yml").write_text(overlay, encoding="utf-8")
    path = tmp_path / "data/assessment.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def soup(playbook: Playbook) -> BeautifulSoup:
    return BeautifulSoup(str(render_self_assessment(playbook, linker(PAGE))), "html.parser")


def test_every_behavior_of_the_data_is_read_with_its_three_levels_in_order() -> None:
    book = load_playbook(ROOT).playbook
    assert [b.id for b in book.behaviors] == [entry["id"] for entry in DATA["behaviors"]]
    assert all(tuple(level for level, _ in b.levels) == LEVELS for b in book.behaviors)
    assert {b.area for b in book.behaviors} == {a.id for a in book.areas}


def test_placeholders_become_norm_values_and_role_names() -> None:
    book = load_playbook(ROOT).playbook
    spec = dict(next(b for b in book.behaviors if b.id == "spec-reviews").levels)["doing-it"]
    go_to = dict(next(b for b in book.behaviors if b.id == "go-to-person").levels)["doing-it"]
    assert "over two engineer-weeks, comment within its two- to three-working-day window" in spec
    assert go_to.startswith(book.role("pm").plural + " and support ask you first")
    assert "{" not in " ".join(text for b in book.behaviors for _, text in b.levels)


def test_norms_only_the_behaviors_quote_count_as_used() -> None:
    assert {"spec-comment-window", "support-escalation-ack", "on-call-entry"} <= load_playbook(ROOT).playbook.checklist_norms


def test_the_overlay_patches_removes_and_adds_behaviors_by_id(tmp_path: Path) -> None:
    overlay = """behaviors:
  code-reviews: {levels: {growing: "Reviews wait at most {norm:first-review-limit}."}}
  estimation: {remove: true}
  incident-drills:
    area: systems-quality
    name: Incident drills
    play: plays/systems-quality/alerts-and-monitoring.md
    levels: {not-yet: Never., growing: Once a year., doing-it: "Every quarter, run by {roles:eng}."}
"""
    book = load_playbook(project(tmp_path, overlay)).playbook
    ids = [b.id for b in book.behaviors]
    assert "estimation" not in ids and ids[-1] == "incident-drills"
    code = next(b for b in book.behaviors if b.id == "code-reviews")
    assert dict(code.levels)["growing"] == "Reviews wait at most one working day."
    assert dict(code.levels)["not-yet"] == DATA["behaviors"][0]["levels"]["not-yet"]  # the rest stays upstream's
    assert dict(book.behaviors[-1].levels)["doing-it"] == f"Every quarter, run by {book.role('eng').plural}."
    assert [b.id for b in book.behaviors_in("systems-quality")][-1] == "incident-drills"


def test_a_removed_role_keeps_its_name_in_behavior_text(tmp_path: Path) -> None:
    overlay = "roles:\n  staff: {remove: true}\n"
    book = load_playbook(project(tmp_path, overlay)).playbook
    architecture = next(b for b in book.behaviors if b.id == "architecture")
    assert "to Staff Engineers before decisions" in dict(architecture.levels)["doing-it"]


def test_a_role_name_is_text_in_the_markdown_of_a_level(tmp_path: Path) -> None:
    overlay = 'roles:\n  staff: {name: "[x](javascript:alert(1)) <b>S</b>", plural: "[x](javascript:alert(1)) <b>S</b>s"}\n'
    book = load_playbook(project(tmp_path, overlay)).playbook
    cell = soup(book).select_one('tr[data-behavior="architecture"] td[data-level="doing-it"]')
    assert "[x](javascript:alert(1)) <b>S</b>s before decisions" in cell.get_text()
    assert not cell.select("b") and all(a["href"].startswith("../../") for a in cell.select("a"))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    play: plays/force-multiplier/code-reviews.md\n",
            "",
            "data/assessment.yml:17: behaviors[code-reviews]: missing required key 'play'",
        ),
        (
            "{norm:first-review-limit} for your first",
            "{norm:first-review} for your first",
            "data/assessment.yml:23: behaviors[code-reviews].levels.growing: "
            "{norm:first-review}: 'first-review' is not a norm in data/norms.yml",
        ),
        (
            "play: plays/force-multiplier/spec-reviews.md",
            "play: ../README.md",
            "data/assessment.yml:28: behaviors[spec-reviews].play: '../README.md' must be a page path inside docs/, "
            "like plays/x/y.md (no leading '/', no '.' or '..' parts)",
        ),
        (
            "id: spec-reviews",
            "id: code-reviews",
            "data/assessment.yml:25: behaviors[code-reviews].id: duplicate id 'code-reviews' (first at data/assessment.yml:17)",
        ),
        ("      not-yet: You first see", "      not-now: You first see", ""),
    ],
    ids=["no-play", "unknown-norm", "play-outside-docs", "duplicate-id", "unknown-level"],
)
def test_upstream_mistakes_are_one_line_at_the_data_file(tmp_path: Path, old: str, new: str, expected: str) -> None:
    found = problems_for(project(tmp_path, old=old, new=new))
    if not expected:  # an unknown level is two mistakes: the key it has and the level it lacks
        expected_lines = [
            "data/assessment.yml:30: behaviors[spec-reviews].levels: missing required key 'not-yet'",
            "data/assessment.yml:30: behaviors[spec-reviews].levels.not-now: unknown key (allowed: not-yet, growing, doing-it)",
        ]
        assert found == expected_lines
    else:
        assert found == [expected]


def test_every_level_text_is_escaped_and_sanitised(tmp_path: Path) -> None:
    overlay = """behaviors:
  code-reviews:
    name: "<script>alert(1)</script>"
    levels: {growing: "<img src=x onerror=alert(1)> [ok](plays/force-multiplier/spec-reviews.md#x) **b**"}
"""
    html = soup(load_playbook(project(tmp_path, overlay)).playbook)
    row = html.select_one('tr[data-behavior="code-reviews"]')
    assert not html.select("script, img") and row.th.a.get_text() == "<script>alert(1)</script>"
    growing = row.select_one('td[data-level="growing"]')
    assert growing.select_one("a")["href"] == "../../plays/force-multiplier/spec-reviews/#x" and growing.strong


def test_the_fingerprint_follows_the_wording_and_nothing_else(tmp_path: Path) -> None:
    before = load_playbook(ROOT).playbook
    reworded = load_playbook(project(tmp_path, "behaviors: {code-reviews: {levels: {not-yet: You rarely review.}}}\n")).playbook
    fingerprints = [soup(book).select_one('tr[data-behavior="code-reviews"]')["data-text"] for book in (before, reworded)]
    others = [soup(book).select_one('tr[data-behavior="spec-reviews"]')["data-text"] for book in (before, reworded)]
    assert fingerprints[0] != fingerprints[1] and others[0] == others[1]
    assert fingerprints[0] == fingerprint(wording(before.behaviors[0]))


def test_the_script_keeps_ratings_under_the_contract_key_and_levels() -> None:
    assert re.findall(r'var KEY = "([^"]+)"', SCRIPT) == [ASSESSMENT_KEY] == ["tlp:assessment:v1"]
    assert re.findall(r"LEVELS = (\[[^\]]+\])", SCRIPT) == ['["not-yet", "growing", "doing-it"]']
    assert LEVELS == ("not-yet", "growing", "doing-it")
