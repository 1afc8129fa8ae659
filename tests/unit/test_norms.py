"""Norms (data/norms.yml): their words in prose, and every rule a bad value breaks, at its line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from macros.data.errors import DataError
from macros.data.load import load_playbook
from macros.data.model import Norm
from macros.render.norms import norm_words, norms_json, norms_markdown
from macros.render.view import PageView, Site
from tests.conftest import ROOT


def norm(low: float, high: float | None = None, unit: str = "working-hours") -> Norm:
    return Norm("x", "X", low, low if high is None else high, unit, "Why.")


@pytest.mark.parametrize(
    ("value", "words", "adjective"),
    [
        (norm(4), "four working hours", "four-working-hour"),
        (norm(1, unit="working-days"), "one working day", "one-working-day"),
        (norm(2, 3, "working-days"), "two to three working days", "two- to three-working-day"),
        (norm(45, 60, "minutes"), "45 to 60 minutes", "45- to 60-minute"),
        (norm(30, 50, "percent"), "30 to 50 percent", "30- to 50-percent"),
        (norm(2, unit="count"), "two", "two"),
        (norm(1, unit="people"), "one person", "one-person"),
        (norm(6, unit="people"), "six people", "six-person"),
        (norm(400, unit="lines"), "400 lines", "400-line"),
        (norm(1.5, unit="hours"), "1.5 hours", "1.5-hour"),
        (norm(12, unit="weeks"), "twelve weeks", "twelve-week"),
        (norm(13, unit="weeks"), "13 weeks", "13-week"),
    ],
)
def test_a_value_reads_naturally_in_a_sentence(value: Norm, words: str, adjective: str) -> None:
    assert norm_words(value) == words
    assert norm_words(value, adjective=True) == adjective


BAD_NORMS = """\
norms:
  - {id: both, name: Both, value: 1, range: [1, 2], unit: days, rationale: R.}
  - {id: neither, name: Neither, unit: days, rationale: R.}
  - {id: bad-unit, name: Unit, value: 1, unit: fortnights, rationale: R.}
  - {id: too-big, name: Share, value: 120, unit: percent, rationale: R.}
  - {id: reversed, name: Reversed, range: [5, 2], unit: days, rationale: R.}
  - {id: half-person, name: Half, value: 1.5, unit: people, rationale: R.}
  - {id: words, name: Words, value: four, unit: hours, rationale: R.}
  - {id: no-activity, name: Lunch, value: 1, unit: days, activity: lunch, rationale: R.}
  - {id: bad-source, name: Source, value: 1, unit: days, source: "javascript:alert(1)", rationale: R.}
  - {id: zero, name: Zero, value: 0, unit: days, rationale: R.}
  - {id: no-why, name: No why, value: 1, unit: days}
"""
EXPECTED = [
    "data/norms.yml:2: norms[both]: needs either value: <number> or range: [low, high], not both",
    "data/norms.yml:3: norms[neither]: needs either value: <number> or range: [low, high], not neither",
    "data/norms.yml:4: norms[bad-unit].unit: 'fortnights' is not a unit (allowed: minutes, hours, working-hours, days, "
    "working-days, weeks, months, engineer-days, engineer-weeks, percent, count, people, lines)",
    "data/norms.yml:5: norms[too-big].value: 120 is outside 0 to 100 percent",
    "data/norms.yml:6: norms[reversed].range: low (5) must be below high (2); for one number write value:",
    "data/norms.yml:7: norms[half-person].value: 1.5: people take whole numbers",
    "data/norms.yml:8: norms[words].value: expected a number, found text",
    "data/norms.yml:9: norms[no-activity].activity: 'lunch' is not a defined activity",
    "data/norms.yml:10: norms[bad-source].source: 'javascript:alert(1)' uses the scheme 'javascript:', which is not allowed "
    "(allowed: http, https, mailto, tel, or a site-relative path)",
    "data/norms.yml:11: norms[zero].value: must be above 0; a norm of nothing is no norm",
    "data/norms.yml:12: norms[no-why]: missing required key 'rationale'",
]


def problems(tmp_path: Path, norms: str | None = None, overlay: str | None = None) -> list[str]:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    if norms is not None:
        (tmp_path / "data/norms.yml").write_text(norms, encoding="utf-8")
    if overlay is not None:
        (tmp_path / "data/company.yml").write_text(overlay, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_playbook(tmp_path)
    return [str(p) for p in caught.value.problems]


def test_every_bad_norm_is_reported_at_once_at_its_line(tmp_path: Path) -> None:
    assert problems(tmp_path, BAD_NORMS) == EXPECTED


def test_an_overlay_keeps_a_norm_in_its_kind_of_unit_and_range(tmp_path: Path) -> None:
    assert problems(tmp_path / "unit", overlay="norms:\n  first-review-response: {unit: percent}\n") == [
        "data/company.yml:2: norms[first-review-response].unit: 'percent' measures share; upstream's 'working-hours' measures time"
    ]
    assert problems(tmp_path / "range", overlay="norms:\n  hands-on-share:\n    range: [30, 150]\n") == [
        "data/company.yml:3: norms[hands-on-share].range: 30 to 150 is outside 0 to 100 percent"
    ]


def test_an_overlay_changes_adds_and_swaps_value_for_range(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "data/company.yml").write_text(
        "norms:\n"
        "  first-review-response: {value: 1, unit: working-days, rationale: Two review slots a day.}\n"
        "  spec-comment-window: {value: 5}\n"  # upstream gives a range: the value replaces it
        "  hands-on-share: {remove: true}\n"
        "  demo-day: {name: Demo, value: 2, unit: weeks, rationale: Show the work.}\n",
        encoding="utf-8",
    )
    book = load_playbook(tmp_path).playbook
    assert norm_words(book.norm("first-review-response")) == "one working day"
    assert book.norm("first-review-response").rationale == "Two review slots a day."
    assert norm_words(book.norm("spec-comment-window")) == "five working days"
    assert "hands-on-share" not in {n.id for n in book.norms}
    assert book.norms[-1].id == "demo-day"


def test_exports_carry_value_words_rationale_and_owner_and_escape_markdown() -> None:
    book = load_playbook(ROOT).playbook
    data = json.loads(norms_json(book, "https://example.org/handbook/"))
    first = next(n for n in data["norms"] if n["id"] == "first-review-response")
    assert (first["value"], first["unit"], first["words"], first["accountable"]) == (4, "working-hours", "four working hours", "tl")
    assert first["url"] == "https://example.org/handbook/norms/#norm-first-review-response"
    assert len(data["norms"]) == len(book.norms)
    text = norms_markdown(book)
    assert "| Time to first review (median) | four working hours |" in text
    hostile = Norm("x", "a | b <script>", 1, 1, "days", "Why <img src=x onerror=alert(1)>.")
    rendered = norms_markdown(type(book)(book.roles, book.areas, book.activities, norms=(hostile,)))
    assert "a \\| b &lt;script>" in rendered and "<img" not in rendered  # a lone > starts nothing


def test_a_norm_a_fork_removes_keeps_reading_in_upstream_prose_but_leaves_the_agreement(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "data/company.yml").write_text("norms:\n  hands-on-share: {remove: true}\n", encoding="utf-8")
    book = load_playbook(tmp_path).playbook
    assert "hands-on-share" not in {n.id for n in book.norms}
    view = PageView(Site(book), "growth/failure-modes/")
    assert str(view.norm("hands-on-share")) == "30 to 50 percent"  # words, no link to an entry that is gone
