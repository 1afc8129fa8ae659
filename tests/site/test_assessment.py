"""The self-assessment on the built site (growth/self-assessment/): a real table per area with its
caption and header cells, every behavior linked to the play that builds it, the wording's
fingerprint on each row, labelled controls, an accessible chart per area and the script's words."""

from __future__ import annotations

import json
import posixpath

from macros.contract import LEVELS, fingerprint
from macros.data.load import load_playbook
from macros.data.wordbook import DEFAULTS, SCRIPT_WORDS
from macros.render.assessment import wording
from tests.conftest import ROOT, Site, heading_text

PLAYBOOK = load_playbook(ROOT).playbook
PAGE = "growth/self-assessment/"


def test_one_captioned_table_per_area_with_every_behavior_of_the_data(site: Site) -> None:
    article = site.article(PAGE)
    boxes = article.select("[data-assessment-area]")
    assert [box["data-assessment-area"] for box in boxes] == [area.id for area in PLAYBOOK.areas]
    for box, area in zip(boxes, PLAYBOOK.areas, strict=True):
        table = box.select_one("table.assess__table")
        assert table.caption.get_text() == f"{area.name}: behaviors at three levels"
        header = [th.get_text(strip=True) for th in table.select("thead th[scope=col]")]
        assert header == ["Behavior", "Not yet", "Growing", "Doing it", "Evidence"]
        rows = table.select("tbody tr")
        assert [tr["data-behavior"] for tr in rows] == [b.id for b in PLAYBOOK.behaviors_in(area.id)]
        assert all(tr.th["scope"] == "row" and len(tr.select("td[data-level]")) == len(LEVELS) for tr in rows)
        previous = box.find_previous(["h2", "h3"])
        assert previous.name == "h2" and heading_text(previous) == area.name  # in the table of contents


def test_each_behavior_links_the_play_that_builds_it(site: Site) -> None:
    for behavior in PLAYBOOK.behaviors:
        row = site.article(PAGE).select_one(f'tr[data-behavior="{behavior.id}"]')
        expected = behavior.play.removesuffix(".md") + "/"
        for link in (row.th.a, row.select_one(".assess__builds a")):
            target = posixpath.normpath(posixpath.join(PAGE, link["href"])) + "/"
            assert target == expected and site.path(target).exists(), (behavior.id, link["href"])
        assert row.th.a.get_text() == behavior.name


def test_each_row_carries_the_fingerprint_of_its_wording(site: Site) -> None:
    for behavior in PLAYBOOK.behaviors:
        row = site.article(PAGE).select_one(f'tr[data-behavior="{behavior.id}"]')
        assert row["data-text"] == fingerprint(wording(behavior))
        texts = [td.get_text(" ", strip=True) for td in row.select("td[data-level]")]
        assert all(text for text in texts)
    go_to = site.article(PAGE).select_one('tr[data-behavior="go-to-person"] td[data-level="doing-it"]').get_text()
    assert f"{PLAYBOOK.role('pm').plural} and support ask you first" in go_to and "{" not in go_to


def test_every_control_is_labelled(site: Site) -> None:
    article = site.article(PAGE)
    for row in article.select("tr[data-behavior]"):
        radios = row.select("input[type=radio]")
        assert [r["value"] for r in radios] == list(LEVELS) and {r["name"] for r in radios} == {f"assess-{row['data-behavior']}"}
        assert [r.find_parent("label").get_text(strip=True) for r in radios] == ["Not yet", "Growing", "Doing it"]
        assert all(r["aria-describedby"] == row.th.a["id"] for r in radios)
        evidence = row.select_one("textarea")
        assert article.select_one(f'label[for="{evidence["id"]}"]').get_text() == f"Evidence for {row.th.a.get_text()}"
    tools = article.select_one("[data-assessment]")
    assert tools.select_one("input[type=file]").find_parent("label").get_text(strip=True) == "Compare with their file (.json)"
    assert tools.select_one("[role=status]") is not None
    assert not article.find_all("form"), "nothing to submit: ratings never leave the browser"


def test_one_accessible_chart_per_area_with_a_text_table(site: Site) -> None:
    for box in site.article(PAGE).select("[data-assessment-area]"):
        svg = box.select_one("figure.assess__fig svg[role=img]")
        labelled = [svg.find(id=i) for i in svg["aria-labelledby"].split()]
        assert [e.name for e in labelled] == ["title", "desc"] and labelled[0].get_text().endswith(": your levels and theirs")
        ids = [tr["data-behavior"] for tr in box.select("tr[data-behavior]")]
        assert [r["data-you"] for r in svg.select("rect[data-you]")] == ids == [r["data-them"] for r in svg.select("rect[data-them]")]
        table = box.select_one("details table.assess__values")
        assert table.caption and [td["data-you"] for td in table.select("td[data-you]")] == ids
        assert not any("#" in (el.get("fill", "") + el.get("stroke", "")) for el in svg.find_all(True)), "colours come from CSS"


def test_the_page_gets_the_scripts_words_and_no_other_page_gets_the_form(site: Site) -> None:
    words = json.loads(site.soup(PAGE).select_one("#tlp-words")["data-words"])
    assert set(words) == SCRIPT_WORDS and words["assessment-unrated"] == DEFAULTS["assessment-unrated"]
    holders = [url for url, soup in site.pages() if soup.select("[data-assessment], [data-assessment-area]")]
    assert holders == [f"{PAGE}index.html"]


def test_the_page_instructions_describe_rating_in_place(site: Site) -> None:
    text = site.article(PAGE).get_text(" ")
    assert "Copy the four tables" not in text and "private document" not in text
    for phrase in ("saved in this browser", "Compare with their file", "Copy a link with your ratings", "Download .json", "Printing"):
        assert phrase in text, phrase
