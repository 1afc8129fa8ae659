"""Renderers: pure functions from the model to escaped, semantic HTML."""

from __future__ import annotations

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.contract import linker
from macros.data.model import Activity, Area, Checklist, ChecklistItem, Playbook, Role
from macros.render.chart import render_role_chart, role_counts
from macros.render.checklist import item_anchor, render_checklist
from macros.render.matrix import render_matrix
from macros.render.names import render_role_name
from macros.render.summary import render_role_summary

LINK = linker("plays/x/")
NASTY = st.text(alphabet=st.sampled_from(list("<>&\"' /=ab{}script")), min_size=1, max_size=30).filter(lambda s: s.strip())


def playbook(role_name: str = "Tech Lead", activity_name: str = "Review code", item: str = "Reply **fast**.") -> Playbook:
    return Playbook(
        roles=(Role("tl", role_name, role_name + "s", "TL", "Leads."), Role("eng", "Engineer", "Engineers", "Eng", "Builds.")),
        areas=(Area("craft", "Craft & care", "Doing it well."),),
        activities=(
            Activity("code-review", "craft", activity_name, "plays/craft/reviews.md", (("tl", "A"), ("eng", "R"))),
            Activity("docs", "craft", "Write docs", "plays/craft/docs.md", (("tl", "C"), ("eng", "A/R"))),
        ),
        checklists=(
            Checklist("review", "Review", "code-review", (ChecklistItem("reply", item), ChecklistItem("small", "Keep it small."))),
        ),
    )


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_matrix_is_a_semantic_table_with_every_cell() -> None:
    table = soup(render_matrix(playbook(), LINK)).select_one("table.responsibility-matrix")
    assert table.caption.get_text(strip=True).startswith("Who does what")
    headers = table.select("thead th[scope=col][data-role]")
    assert [h["data-role"] for h in headers] == ["tl", "eng"]
    assert headers[0].abbr["title"] == "Tech Lead" and headers[0].get_text() == "TL"
    rows = {tr["data-activity"]: tr for tr in table.select("tr[data-activity]")}
    assert rows["code-review"].th["scope"] == "row"
    assert rows["code-review"].th.a["href"] == "../craft/reviews/"
    assert [td.get_text() for td in rows["docs"].select("td[data-role]")] == ["C", "A/R"]


def test_matrix_area_group_header_and_highlight() -> None:
    html = soup(render_matrix(playbook(), LINK, role="eng"))
    assert html.select_one("th[scope=rowgroup]").get_text() == "Craft & care"
    assert {td["data-role"] for td in html.select("td.is-highlighted")} == {"eng"}
    assert "Engineer column highlighted" in html.caption.get_text()


def test_matrix_selects_activities_and_has_a_legend() -> None:
    html = soup(render_matrix(playbook(), LINK, activities=["docs"]))
    assert [tr["data-activity"] for tr in html.select("tr[data-activity]")] == ["docs"]
    assert [dt.get_text() for dt in html.select("dl.raci-legend dt")][:5] == ["R", "A", "C", "I", "A/R"]


def test_scrolling_region_is_named_and_focusable() -> None:
    wrapper = soup(render_matrix(playbook(), LINK, uid="m1")).select_one(".responsibility-matrix-wrapper")
    assert wrapper["tabindex"] == "0" and wrapper["aria-labelledby"] == "m1-caption"


@settings(max_examples=60, deadline=None)
@given(name=NASTY, activity=NASTY)
def test_markup_in_data_is_text_in_the_matrix(name: str, activity: str) -> None:
    html = soup(render_matrix(playbook(name, activity), LINK, role="tl"))
    assert not html.find("script")
    assert html.select_one("th[data-role=tl] abbr")["title"] == name
    assert html.select_one("tr[data-activity=code-review] th a").get_text() == activity


@settings(max_examples=60, deadline=None)
@given(name=NASTY)
def test_markup_in_data_is_text_everywhere_else(name: str) -> None:
    book = playbook(name, name)
    assert soup(render_role_name(book.role("tl"))).get_text() == name
    summary = soup(render_role_summary(book, "tl", LINK))
    assert not summary.find("script") and name in summary.get_text()
    chart = soup(render_role_chart(book, "tl"))
    assert not chart.find("script") and chart.title.get_text().startswith(name)


@settings(max_examples=60, deadline=None)
@given(text=NASTY)
def test_checklist_item_text_never_becomes_html(text: str) -> None:
    html = soup(render_checklist(playbook(item=text), "review", LINK))
    assert not html.find("script")
    label = html.select_one('[data-item="reply"] label')
    assert label.find("input", type="checkbox") is not None
    assert label.get_text(" ").split() == text.split()  # the alphabet has no Markdown emphasis or code


def test_checklist_markup_and_anchors() -> None:
    html = soup(render_checklist(playbook(), "review", LINK))
    box = html.select_one("[data-checklist=review]")
    assert box["id"] == "checklist-review"
    item = box.select_one("[data-item=reply]")
    assert item["id"] == item_anchor("review", "reply") == "checklist-review--reply"
    assert item.select_one("strong").get_text() == "fast"
    assert item.select_one("a.checklist__permalink")["href"] == "#checklist-review--reply"
    assert box.select_one(".checklist__progress").get_text() == "2 items"


def test_role_summary_groups_by_letter_and_area() -> None:
    html = soup(render_role_summary(playbook(), "eng", LINK))
    groups = {dt.get_text(" ", strip=True): dd for dt, dd in zip(html.select("dt"), html.select("dd"), strict=False)}
    assert [a.get_text() for a in groups["Accountable for (1)"].select("a")] == ["Write docs"]
    assert [a.get_text() for a in groups["Responsible for (2)"].select("a")] == ["Review code", "Write docs"]


def test_role_chart_counts_a_slash_r_as_both() -> None:
    assert role_counts(playbook(), "eng") == [("Craft & care", [1, 2, 0, 0])]
    svg = soup(render_role_chart(playbook(), "eng", uid="c")).svg
    assert svg["role"] == "img" and svg["aria-labelledby"] == "c-title c-desc"
    assert "responsible for 2" in svg.desc.get_text()


def test_article_follows_the_name() -> None:
    assert str(render_role_name(Role("em", "Engineering Manager", "x", "EM", "x"), article=True)) == "an Engineering Manager"
    assert str(render_role_name(Role("pl", "People Lead", "x", "PL", "x"), article=True)) == "a People Lead"
