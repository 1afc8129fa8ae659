"""Freshness, exports, index lists and generated pages, checked without a build: what a reader
of the page, a spreadsheet or a wiki paste would see."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace

import yaml

from macros.contract import fingerprint, item_anchor, page_url
from macros.data.model import Review, Role
from macros.data.wordbook import Words
from macros.render.exports import all_exports, checklist_index_json, checklist_markdown
from macros.render.freshness import render_freshness_table, render_page_review
from macros.render.lists import known_ids, render_checklist_index, render_role_list
from macros.render.matrix import MatrixTable
from macros.render.pages import generated_pages, generated_paths
from macros.render.summary import render_role_summary
from macros.render.view import PageView, Site
from macros.site.report import line_of
from tests.unit.test_render import LINK, playbook, soup

TODAY = dt.date(2026, 12, 1)


def review(page: str, owner: str = "", review_by: dt.date | None = None) -> Review:
    return Review(page, page.removesuffix(".md").title(), owner, review_by, 1)


# --- freshness -------------------------------------------------------------------------------------


def test_freshness_lists_the_most_urgent_review_first_and_undated_pages_last() -> None:
    reviews = [review("c.md", "Ana"), review("b.md", "Bo", dt.date(2027, 1, 1)), review("a.md", "", dt.date(2026, 11, 1))]
    rows = soup(render_freshness_table(reviews, TODAY, LINK, Words())).select("tbody tr")
    assert [(r["data-page"], [td.get_text() for td in r.select("td")]) for r in rows] == [
        ("a.md", ["nobody", "2026-11-01", "overdue"]),
        ("b.md", ["Bo", "2027-01-01", "current"]),
        ("c.md", ["Ana", "", "no date"]),
    ]
    assert rows[0]["class"] == ["freshness--overdue"] and rows[2]["class"] == ["freshness--no-date"]


def test_freshness_says_so_when_no_page_has_an_owner() -> None:
    assert soup(render_freshness_table([], TODAY, LINK, Words())).get_text() == "No page names an owner or a review date yet."


def test_a_page_past_its_review_warns_and_names_its_owner_as_text() -> None:
    overdue = soup(render_page_review(review("x.md", "<b>Ana</b>", dt.date(2026, 11, 30)), TODAY, Words()))
    assert overdue.select_one(".review-overdue[role=note]") and not overdue.select("b")
    assert "Its owner, <b>Ana</b>, should check" in overdue.get_text()
    current = soup(render_page_review(review("x.md", "", dt.date(2026, 12, 1)), TODAY, Words())).get_text()
    assert current == "Owner: nobody yet. Next review by 2026-12-01."


# --- exports ---------------------------------------------------------------------------------------


def test_matrix_csv_and_json_come_from_the_same_rows_as_the_table() -> None:
    book = playbook()
    table = soup(MatrixTable.of(book).html(LINK))
    on_page = {tr["data-activity"]: [td.get_text() for td in tr.select("td")] for tr in table.select("tr[data-activity]")}
    rows = list(csv.reader(io.StringIO(MatrixTable.of(book).csv())))
    assert rows[0] == ["area", "activity_id", "activity", "Tech Lead", "Engineer"]
    assert {row[1]: row[3:] for row in rows[1:]} == on_page == {"code-review": ["A", "R"], "docs": ["C", "A/R"]}
    data = json.loads(MatrixTable.of(book).json("https://handbook.example/"))
    assert [(a["id"], a["accountable"], a["url"]) for a in data["activities"]] == [
        ("code-review", "tl", "https://handbook.example/plays/craft/reviews/"),
        ("docs", "eng", "https://handbook.example/plays/craft/docs/"),
    ]


def test_a_checklist_as_markdown_is_a_task_list_that_links_back() -> None:
    text = checklist_markdown(playbook(), "review", "https://handbook.example", "Acme Playbook")
    assert text.splitlines() == [
        "## Review",
        "",
        "From the Acme Playbook: <https://handbook.example/checklists/review/>",
        "",
        "- [ ] Reply fast.",
        "- [ ] Keep it small.",
    ]


def test_checklist_index_json_gives_every_item_its_url_and_fingerprint() -> None:
    data = json.loads(checklist_index_json(playbook(), "https://h.example"))
    [entry] = data["checklists"]
    assert (entry["id"], entry["area"], entry["roles"], entry["markdown_url"]) == (
        "review",
        "craft",
        ["tl", "eng"],
        "https://h.example/checklists/review.md",
    )
    assert [(i["url"], i["fingerprint"]) for i in entry["items"]] == [
        ("https://h.example/checklists/review/#" + item_anchor("review", "reply"), fingerprint("Reply fast.")),
        ("https://h.example/checklists/review/#" + item_anchor("review", "small"), fingerprint("Keep it small.")),
    ]


def test_an_old_checklist_id_keeps_its_markdown_download() -> None:
    book = playbook()
    book = replace(book, checklists=(replace(book.checklists[0], old_ids=("reviewing",)),))
    files = all_exports(book)
    assert files["checklists/reviewing.md"] == files["checklists/review.md"]


# --- lists -----------------------------------------------------------------------------------------


def test_role_list_names_and_links_every_role_in_data_order() -> None:
    items = soup(render_role_list(playbook(), LINK)).select("li")
    assert [(li["data-role"], li.a["href"], li.abbr["title"]) for li in items] == [
        ("tl", "../../roles/tl/", "Tech Lead"),
        ("eng", "../../roles/eng/", "Engineer"),
    ]


def test_checklist_index_groups_by_area_and_knows_old_ids() -> None:
    book = playbook()
    book = replace(book, checklists=(replace(book.checklists[0], old_ids=("reviewing",), item_aliases=(("quick", "reply"),)),))
    html = soup(render_checklist_index(book, LINK))
    assert [h2.get_text() for h2 in html.select("h2")] == ["Craft & care", "Your progress"]
    entry = html.select_one("li[data-checklist-link=review]")
    assert "Roles: Tech Lead, Engineer." in entry.get_text() and entry.select("a")[1]["href"] == LINK(
        "plays/craft/reviews.md#checklist-review"
    )
    known = json.loads(html.select_one(".checklist-transfer")["data-known"])
    assert (
        known
        == known_ids(book)
        == {
            "checklists": {"reviewing": "review", "review": "review"},
            "items": {"review": {"quick": "reply", "reply": "reply", "small": "small"}},
        }
    )


# --- generated pages -------------------------------------------------------------------------------


def test_every_generated_page_is_markdown_with_front_matter_and_its_own_heading() -> None:
    book = playbook()
    site = Site(book)
    pages = generated_pages(book, lambda src: PageView(site, page_url(src)))
    assert list(pages) == generated_paths(book)
    for src, text in pages.items():
        _, front, body = text.split("---\n", 2)
        assert isinstance(yaml.safe_load(front), dict), src
        assert body.lstrip().startswith(("# ", "<section")), f"{src} has no heading of its own"
    assert "Tech Lead" in pages["roles/tl.md"] and 'data-checklist="review"' in pages["checklists/review.md"]


def test_a_role_summary_says_what_an_empty_group_means() -> None:
    """TL is A and C, never R or I: each empty group says why; a role with no letter says so once."""
    book = playbook()
    groups = {
        dt_.get_text(" ", strip=True): dd.get_text(" ", strip=True)
        for dt_, dd in zip(*(soup(render_role_summary(book, "tl", LINK)).select(t) for t in ("dt", "dd")), strict=True)
    }
    assert groups["Informed about (0)"] == Words()("summary-none-i") and groups["Responsible for (0)"] == Words()("summary-none-r")
    assert groups["Accountable for (1)"] == "Craft & care Review code"
    lone = replace(book, roles=(*book.roles, Role("pd", "Product Designer", "Product Designers", "PD", "Designs.")))
    texts = [dd.get_text(" ", strip=True) for dd in soup(render_role_summary(lone, "pd", LINK)).select("dd")]
    assert texts == [Words()("summary-unplaced")] * 4


def test_an_unknown_id_is_reported_at_the_macro_call_not_an_earlier_mention() -> None:
    page = "An example id, 'first-review-responce', in prose.\n\nQuote it: {{ norm('first-review-responce') }}.\n"
    assert line_of(page, "first-review-responce") == 3
    assert line_of("Only a mention: 'x-y'.\n", "x-y") == 1 and line_of("nothing\n", "x-y") == 1
