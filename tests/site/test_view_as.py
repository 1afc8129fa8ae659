"""View as role (issue 17, contract 8) in the built HTML: the picker offers every role of the data,
each play carries one hidden "your part" line per role that agrees with the matrix, checklists
name the roles they belong to, and none of it reaches search or changes the page without JavaScript."""

from __future__ import annotations

import json
import re

from macros.data.load import load_playbook
from macros.data.model import Playbook
from tests.conftest import ROOT, Site

BOOK: Playbook = load_playbook(ROOT).playbook
PLAYS = sorted({a.page for a in BOOK.activities})


def url_of(page: str) -> str:
    return page.removesuffix(".md").removesuffix("index") + ("/" if not page.endswith("index.md") else "")


def test_the_picker_lists_everyone_then_every_role_of_the_data(site: Site) -> None:
    for page in ("", "plays/force-multiplier/code-reviews/", "checklists/"):
        select = site.soup(page).select_one(".md-header .tlp-view-as select#tlp-view-as")
        assert select is not None and site.soup(page).select_one('label[for="tlp-view-as"]').get_text(strip=True) == "View as"
        options = [(o["value"], o.get_text(strip=True)) for o in select.select("option")]
        assert options == [("", "Everyone"), *((r.id, r.name) for r in BOOK.roles)]


def test_every_play_says_each_roles_part_as_the_matrix_has_it(site: Site) -> None:
    for page in PLAYS:
        article = site.article(url_of(page))
        lines = article.select(".your-part")
        assert [p["data-role"] for p in lines] == [r.id for r in BOOK.roles], page
        assert article.select_one("h1").find_next_sibling() is lines[0].parent, f"{page}: the lines follow the title"
        for line in lines:
            text = line.get_text(" ", strip=True)
            for activity in BOOK.activities_on(page):
                letter = activity.letter(line["data-role"])
                named = f"“{activity.name}”" in text
                if letter in ("A", "R", "A/R"):
                    assert named, (page, text, activity.id)
                elif not named:
                    continue
                else:  # consulted or informed: named only when the role owns and does nothing here
                    assert not re.search(r"accountable|responsible|doing", text), (page, text)


def test_a_checklist_names_the_roles_it_belongs_to(site: Site) -> None:
    for checklist in BOOK.checklists:
        box = site.article(f"checklists/{checklist.id}/").select_one("[data-checklist]")
        assert box.get("data-roles", "").split() == list(BOOK.owners_of(checklist)), checklist.id
        entry = site.article("checklists/").select_one(f'[data-checklist-link="{checklist.id}"]')
        assert entry.get("data-roles", "").split() == list(BOOK.owners_of(checklist))


def test_the_marks_stay_out_of_search(site: Site) -> None:
    index = json.loads(site.path("search/search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if "Your part as" in d["text"] or "View as" in d["text"]]
