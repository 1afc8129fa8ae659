"""The search index as the build leaves it (README: Search): one hit per checklist, short forms
beside the terms they abbreviate, titles that do not drown the text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import Site, build_site, copy_project


def index(site: Site) -> dict:
    return json.loads(site.path("search/search_index.json").read_text(encoding="utf-8"))


def pages_in(site: Site) -> set[str]:
    return {doc["location"].split("#")[0] for doc in index(site)["docs"]}


def test_a_checklist_a_play_shows_is_one_hit_the_play(site: Site) -> None:
    assert [page for page in pages_in(site) if page.startswith("checklists/") and page != "checklists/"] == []
    texts = " ".join(doc["text"] for doc in index(site)["docs"] if doc["location"].startswith("plays/force-multiplier/code-reviews/"))
    assert "Measure time to first review" in texts  # the checklist's text is found on its play


def test_a_checklist_no_play_shows_keeps_its_own_page_in_the_index(hostile_site: Site) -> None:
    assert "checklists/hostile-ids/" in pages_in(hostile_site)
    assert "checklists/code-reviews/" not in pages_in(hostile_site)


def test_short_forms_stand_beside_the_terms_they_abbreviate(site: Site) -> None:
    docs = index(site)["docs"]
    for spelled in ("Product Manager (PM)", "Engineering Manager (EM)", "Tech Lead (TL)"):
        assert any(spelled in doc["text"] or spelled in doc["title"] for doc in docs), spelled
    assert not any("(PM) (PM)" in doc["text"] for doc in docs)
    assert index(site)["config"]["fields"]["title"]["boost"] == 20


def test_short_forms_leave_names_and_code_alone(site: Site) -> None:
    """A result's title reads as the page's ("Tech Lead Playbook", not "Tech Lead (TL) Playbook"),
    and code keeps its exact text."""
    docs = index(site)["docs"]
    home = next(doc for doc in docs if doc["location"] == "")
    assert home["title"] == "Tech Lead Playbook"
    assert not [doc["location"] for doc in docs for code in re.findall(r"<code>(.*?)</code>", doc["text"]) if re.search(r"\((PM|EM|TL|SRE|ADR)\)", code)]
    role = next(doc for doc in docs if doc["location"] == "what-is-a-tech-lead/")
    assert role["title"] == "What a Tech Lead (TL) is"


@pytest.mark.slow
def test_a_hidden_plays_checklist_keeps_its_own_page_in_the_index(tmp_path: Path) -> None:
    """Hiding the play that shows a checklist leaves the checklist's own page as its one hit, and
    the links to the play read as plain text."""
    project = copy_project(tmp_path / "project")
    (project / "data/company.yml").write_text("settings:\n  hide: [plays/time-management/weekly-planning.md]\n", encoding="utf-8")
    site = build_site(project, project / "site")
    assert "checklists/weekly-planning/" in pages_in(site) and "plays/time-management/weekly-planning/" not in pages_in(site)
    assert site.article("plays/time-management/").select("span.link-hidden")
