"""Contract: the URLs, anchors, storage key and letters in macros/contract.py, and the JavaScript
that mirrors them (docs/assets/checklists.js reads saved ticks and resolves old anchors)."""

from __future__ import annotations

import re

import pytest

from macros.contract import STORAGE_PREFIX, checklist_anchor, counts_as, fingerprint, item_anchor, linker, page_url
from tests.conftest import ROOT

SCRIPT = (ROOT / "docs/assets/checklists.js").read_text(encoding="utf-8")


def test_the_script_keeps_ticks_under_the_contract_storage_key() -> None:
    assert re.findall(r'var PREFIX = "([^"]+)";', SCRIPT) == [STORAGE_PREFIX]


def test_the_script_builds_anchors_as_the_contract_does() -> None:
    """Old links are resolved in the browser: its anchors must be the ones the pages carry."""
    assert '"checklist-" + old + "--"' in SCRIPT and '"checklist-" + cid + "--" + ' in SCRIPT
    assert checklist_anchor("code-reviews") == "checklist-code-reviews"
    assert item_anchor("code-reviews", "reply-within-a-day") == "checklist-code-reviews--reply-within-a-day"


def test_an_item_fingerprint_is_ten_hex_digits_of_sha1_of_its_wording() -> None:
    """Browsers hold these values next to saved ticks: a change would mark every item as reworded."""
    assert fingerprint("Reply within a day.") == "3fe2e2fdaa"


@pytest.mark.parametrize(
    ("letter", "meanings"), [("A", {"A"}), ("R", {"R"}), ("A/R", {"A", "R"}), ("C", {"C"}), ("I", {"I"}), (None, set())]
)
def test_a_slash_r_counts_as_both_accountable_and_responsible(letter: str | None, meanings: set[str]) -> None:
    assert {m for m in "RACI" if counts_as(letter, m)} == meanings


def test_page_urls_and_relative_links() -> None:
    assert page_url("plays/a/index.md") == "plays/a/"
    assert page_url("index.md") == ""
    assert page_url("plays/a/b.md", directory_urls=False) == "plays/a/b.html"
    assert page_url("plays/a/index.md", directory_urls=False) == "plays/a/index.html"
    assert page_url("index.md", directory_urls=False) == "index.html"
    assert linker("")("roles/tl.md#x") == "roles/tl/#x"
    assert linker("roles/tl/")("index.md") == "../../"
    assert linker("plays/a/b/")("plays/a/b.md") == "./"
