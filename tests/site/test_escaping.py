"""Markup in the data comes out as text on every page, never as HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, Site, build_site, copy_project, shared_build

pytestmark = pytest.mark.slow

ROLE = "<script>alert('role')</script>"
ACTIVITY = '<img src=x onerror="alert(1)">Review & merge'
TITLE = "<b>Bold</b> title"
ITEM = "<script>alert('item')</script> & reply"


JINJA_TITLE = "Reviews {{ 6*7 }} {% if true %}yes{% endif %}"
JINJA_SUMMARY = "Leads {{ 7*7 }} people {# not a comment"


@pytest.fixture(scope="module")
def marked_up(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """One build with HTML in a role, an activity, a checklist and an item, and Jinja in a role
    summary and another checklist's title."""

    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")
        data_path = project / "data/responsibilities.yml"
        data = yaml.safe_load(data_path.read_text())
        data["roles"][0]["summary"] = JINJA_SUMMARY
        data["roles"][1]["name"] = ROLE
        data["roles"][1]["summary"] = ROLE
        data["activities"][0]["name"] = ACTIVITY
        data_path.write_text(yaml.safe_dump(data, sort_keys=False))
        lists_path = project / "data/checklists.yml"
        lists = yaml.safe_load(lists_path.read_text())
        lists["checklists"][0]["title"] = TITLE
        lists["checklists"][0]["items"][0]["text"] = ITEM
        lists["checklists"][1]["title"] = JINJA_TITLE
        lists_path.write_text(yaml.safe_dump(lists, sort_keys=False))
        return build_site(project, folder / "site")

    return shared_build(tmp_path_factory, "marked-up", build)


def test_markup_in_names_summaries_titles_and_items_is_text(marked_up: Site) -> None:
    site = marked_up
    seen = {ROLE: False, ACTIVITY: False, TITLE: False, ITEM: False}
    for url, soup in site.pages():
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), f"{url}: data became a script"
        assert not soup.select("img[onerror]"), f"{url}: data became an element"
        assert not [b for b in soup.select("b") if b.get_text() == "Bold"], f"{url}: data became markup"
        text = soup.get_text(" ")
        for value in seen:
            seen[value] = seen[value] or value in text
    assert all(seen.values()), seen


def test_template_syntax_in_the_data_is_text(marked_up: Site) -> None:
    """Pages are Jinja templates (mkdocs-macros), and it also renders page titles: a checklist
    title from the data must not be evaluated, in the page or in the browser's title bar."""
    site = marked_up
    lists = yaml.safe_load((ROOT / "data/checklists.yml").read_text())
    data = yaml.safe_load((ROOT / "data/responsibilities.yml").read_text())
    page = site.soup(f"checklists/{lists['checklists'][1]['id']}/")
    assert page.title.get_text() == f"{JINJA_TITLE} - Tech Lead Playbook"
    assert page.select_one("meta[property='og:title']")["content"] == JINJA_TITLE
    assert page.select_one("article h1").get_text(" ", strip=True).startswith(JINJA_TITLE)
    role_page = site.soup(f"roles/{data['roles'][0]['id']}/")
    assert JINJA_SUMMARY in role_page.select_one("meta[name=description]")["content"]
    for url, soup in site.pages():
        assert "Reviews 42" not in soup.get_text(" ") and "Reviews 42" not in str(soup.head), f"{url}: the title was evaluated"
