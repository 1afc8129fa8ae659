"""The playbook's content: complete plays, growth path, templates, diagrams, glossary."""

from __future__ import annotations

import re

import pytest

from macros.data.load import load_playbook
from macros.contract import page_url
from tests.conftest import ROOT, Site, heading_text, text_without

PLAYBOOK = load_playbook(ROOT).playbook
PLAYS = sorted({a.page for a in PLAYBOOK.activities})
PLAY_SECTIONS = [
    "Why it matters",
    "What good looks like",
    "How to do it",
    "Checklist",
    "Pitfalls",
    "Questions to ask",
    "Who does what",
    "Related pages",
]
GROWTH = ["self-assessment", "before-the-title", "first-90-days", "readiness", "failure-modes"]
TEMPLATES = [
    "spec-review",
    "design-document",
    "adr",
    "onboarding-plan",
    "estimation-worksheet",
    "runbook",
    "tech-debt-register",
    "weekly-priorities",
]
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|lorem ipsum|placeholder text)\b", re.I)


def prose_words(article, tables: bool = False) -> int:  # noqa: ANN001
    """Words a reader reads as prose: not checklists, code, diagrams, matrices (nor tables unless asked)."""
    skip = ".checklist, pre, code, svg, figure, dl.raci-legend, .responsibility-matrix-wrapper, .your-part-lines" + ("" if tables else ", table")
    return len(re.findall(r"[A-Za-z][A-Za-z'-]*", text_without(article, skip)))


def test_there_are_at_least_16_plays_in_four_areas() -> None:
    assert len(PLAYS) >= 16
    for area in PLAYBOOK.areas:
        assert len({a.page for a in PLAYBOOK.activities_in(area.id)}) >= 4, area.id


@pytest.mark.parametrize("play", PLAYS)
def test_play_has_every_section_in_order(site: Site, play: str) -> None:
    headings = [heading_text(h) for h in site.article(page_url(play)).find_all("h2")]
    assert [h for h in headings if h in PLAY_SECTIONS] == PLAY_SECTIONS


@pytest.mark.parametrize("play", PLAYS)
def test_play_is_600_to_1500_words_of_prose(site: Site, play: str) -> None:
    assert 600 <= prose_words(site.article(page_url(play))) <= 1500


@pytest.mark.parametrize("play", PLAYS)
def test_play_embeds_its_checklist_and_matrix_slice(site: Site, play: str) -> None:
    article = site.article(page_url(play))
    rows = {tr["data-activity"] for tr in article.select("table.responsibility-matrix tr[data-activity]")}
    assert rows == {a.id for a in PLAYBOOK.activities_on(play)}
    embedded = {c["data-checklist"] for c in article.select("[data-checklist]")}
    assert embedded & {c.id for c in PLAYBOOK.checklists_for(rows)}, "a play embeds a checklist tied to its activities"
    assert article.select_one("ol"), "How to do it has numbered steps"
    assert any("Worked example" in heading_text(h) for h in article.find_all(["h3", "h4"]))


def test_every_play_page_is_some_activitys_page_and_exists(site: Site) -> None:
    play_files = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs/plays").rglob("*.md") if p.name != "index.md"}
    assert play_files == set(PLAYS)


def test_checklists_cover_every_play_with_5_to_12_items() -> None:
    assert len(PLAYBOOK.checklists) >= 16
    for checklist in PLAYBOOK.checklists:
        assert 5 <= len(checklist.items) <= 12, checklist.id
    covered = {PLAYBOOK.activity(c.activity).page for c in PLAYBOOK.checklists if c.activity}
    assert covered == set(PLAYS)


def test_site_has_at_least_18000_words(site: Site) -> None:
    total = sum(prose_words(soup.select_one("article")) for url, soup in site.pages() if soup.select_one("article"))
    assert total >= 18000, total


@pytest.mark.parametrize("page", [*[f"growth/{p}/" for p in GROWTH], "what-is-a-tech-lead/"])
def test_growth_pages_are_substantial(site: Site, page: str) -> None:
    assert prose_words(site.article(page), tables=True) >= 700


def test_growth_index_links_every_growth_page(site: Site) -> None:
    hrefs = {a["href"] for a in site.article("growth/").find_all("a", href=True)}
    assert {f"{p}/" for p in GROWTH} <= hrefs


def test_self_assessment_rates_every_area_at_three_levels(site: Site) -> None:
    article = site.article("growth/self-assessment/")
    tables = article.select("table.assess__table")
    assert len(tables) == len(PLAYBOOK.areas)
    for table in tables:
        header = [th.get_text(strip=True).lower() for th in table.select("thead th")]
        assert header[1:4] == ["not yet", "growing", "doing it"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_page_has_usage_and_a_copyable_markdown_block(site: Site, template: str) -> None:
    article = site.article(f"templates/{template}/")
    headings = [heading_text(h) for h in article.find_all("h2")]
    assert {"How to use it", "Template"} <= set(headings)
    blocks = [pre.get_text() for pre in article.select("pre")]
    assert any(len(block.splitlines()) >= 20 for block in blocks)
    assert not any("{{" in block or "{%" in block for block in blocks)


def test_at_least_three_accessible_diagrams(site: Site) -> None:
    diagrams = []
    for url, soup in site.pages():
        for svg in soup.select("article figure svg[role=img]"):
            labelled = [svg.find(id=i) for i in svg.get("aria-labelledby", "").split()]
            if "raci-chart" not in (svg.find_parent("figure").get("class") or []):
                assert svg.title and all(labelled), url
                assert "#" not in (svg.get("fill") or ""), f"{url}: fixed colours break dark mode"
                diagrams.append(url)
    assert len(diagrams) >= 3, diagrams


def test_glossary_terms_show_as_abbreviations(site: Site) -> None:
    """Each term is its own section with a short anchor (glossary/#slo), so a link or a search
    result lands on the one definition; plays mark the abbreviations with their spelled-out form."""
    terms = {h2["id"]: h2.get_text(" ", strip=True) for h2 in site.article("glossary/").select("h2[id]")}
    assert len(terms) >= 20 and {"adr", "slo", "on-call", "tech-debt"} <= terms.keys(), terms
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", anchor) and len(anchor) <= 20 for anchor in terms), terms
    abbrs = {abbr.get_text() for url, soup in site.pages() if url.startswith("plays/") for abbr in soup.select("article abbr[title]")}
    assert {"SLO", "ADR"} <= abbrs


def test_no_placeholder_text(site: Site) -> None:
    for url, soup in site.pages():
        found = PLACEHOLDER.search(text_without(soup, "pre, code, script"))
        assert not found, f"{url}: {found.group(0)}"


def test_article_is_credited_on_the_growth_path(site: Site) -> None:
    links = [a["href"] for a in site.article("growth/before-the-title/").find_all("a", href=True)]
    assert any("levelupsoftwareengineering.substack.com" in href for href in links)
