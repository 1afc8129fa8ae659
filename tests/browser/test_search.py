"""Search finds every play by its main term, with the play itself as the first result."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from macros.contract import page_url
from tests.browser.conftest import SiteServer
from tests.conftest import FIXTURES
from tests.site.test_content import GROWTH, PLAYBOOK

# play URL -> the words a reader would type for it
TERMS = {
    "plays/force-multiplier/code-reviews/": "code reviews",
    "plays/force-multiplier/spec-reviews/": "spec reviews",
    "plays/force-multiplier/onboarding/": "onboarding",
    "plays/force-multiplier/mentoring-and-delegation/": "delegation",
    "plays/partnering/architecture-and-tech-debt/": "tech debt",
    "plays/partnering/staffing-and-sprint-planning/": "sprint planning",
    "plays/partnering/go-to-person/": "go-to person",
    "plays/partnering/estimation/": "estimation",
    "plays/systems-quality/documentation/": "documentation",
    "plays/systems-quality/problem-solving/": "hard bugs",
    "plays/systems-quality/alerts-and-monitoring/": "alerts monitoring",
    "plays/systems-quality/long-term-infrastructure/": "infrastructure improvements",
    "plays/time-management/prioritising-across-projects/": "prioritize",
    "plays/time-management/focus-time/": "focus time",
    "plays/time-management/saying-no/": "say no",
    "plays/time-management/weekly-planning/": "weekly planning",
}


ONE_ON_ONE = re.compile(r"\b(1[:-]1|1-?on-?1|one[- ]on[- ]one)(s?)\b", re.I)  # as assets/search.js asks for them
RESULTS_FOR_JS = """([words, last]) => {
  const first = document.querySelector(".md-search-result__item > a");
  const marked = first ? (new URL(first.href).searchParams.get("h") || "").split(" ").filter(Boolean) : [];
  const cut = marked.some((m) => m !== last && last.startsWith(m));  // results of a shorter query
  return first !== null && !cut && marked.every((m) => words.some((w) => w.startsWith(m) || m.startsWith(w)));
}"""


def search(page: Page, query: str) -> None:
    """Type `query` and wait for its own results. Material searches on keystrokes: the query goes in
    all but its last letter at once, then that letter as a key, so one search is the whole query."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    box.fill(query[:-1])
    box.type(query[-1])
    words = [w for w in re.split(r"[\s:-]+", ONE_ON_ONE.sub("oneonone", query).lower()) if w]
    try:
        page.wait_for_function(RESULTS_FOR_JS, arg=[words, words[-1]])
    except PlaywrightTimeout:
        first = page.locator(".md-search-result__item > a").first
        raise AssertionError(f"{query!r}: no results of its own; first {first.get_attribute('href') if first.count() else None}") from None


@pytest.fixture(scope="module")
def search_page(browser: Browser, server: SiteServer) -> Page:
    page = browser.new_page()
    page.goto(server.url("glossary/"))
    return page


@pytest.mark.parametrize(("play", "term"), TERMS.items())
def test_play_is_the_first_result_for_its_term(search_page: Page, server: SiteServer, play: str, term: str) -> None:
    search(search_page, term)  # Material puts the query words it matched into each result's `?h=`
    href = search_page.locator(".md-search-result__item > a").first.get_attribute("href")
    assert href is not None and href.split("?")[0].split("#")[0].endswith(play), f"{term!r} -> {href}"


# A page a result links to, as the site root-relative path (`plays/a/b/`), first three distinct.
FIRST_PAGES_JS = """() => {
  const pages = [];
  for (const link of document.querySelectorAll(".md-search-result__item > a")) {
    const page = new URL(link.href).pathname.replace(/^\\//, "");
    if (!pages.includes(page)) pages.push(page);
  }
  return pages.slice(0, 3);
}"""

QUERIES = yaml.safe_load((FIXTURES / "search-queries.yml").read_text(encoding="utf-8"))


def test_the_queries_cover_every_play_growth_page_and_abbreviation() -> None:
    targets = {q["page"] for q in QUERIES}
    answers = {page_url(a.page) for a in PLAYBOOK.activities} | {f"growth/{p}/" for p in GROWTH} | {"growth/"}
    assert len(QUERIES) >= 40 and answers <= targets, answers - targets
    assert {"PM", "EM", "TL", "ADR", "SRE", "IC", "on-call", "tech debt"} <= {q["query"] for q in QUERIES}


def test_readers_words_find_the_page_in_the_first_three_results(search_page: Page) -> None:
    """One page, each query typed in turn; a miss names the query and what came first instead."""
    misses = []
    for pair in QUERIES:
        search(search_page, pair["query"])
        first = search_page.evaluate(FIRST_PAGES_JS)
        if pair["page"] not in first:
            misses.append(f"{pair['query']!r}: wanted {pair['page']}, first three {first}")
    assert misses == [], "\n".join(misses)


ARTICLES_JS = """() => [...document.querySelectorAll(".md-search-result__article")].map((a) => ({
  teaser: [...a.children].filter((c) => !/^H[12]$/.test(c.tagName) && !c.matches(".md-search-result__icon, .md-tags"))
    .map((c) => c.innerText).join(" "),
  blocks: a.querySelectorAll("table, ul, ol, li, pre").length,
}))"""


@pytest.mark.parametrize("query", ["RACI matrix", "sprint planning capacity", "on-call"])
def test_teasers_are_one_short_passage(search_page: Page, query: str) -> None:
    """A result shows the passage that matched, not its whole section, list or table."""
    search(search_page, query)
    articles = search_page.evaluate(ARTICLES_JS)
    assert articles and all(a["blocks"] == 0 for a in articles), articles
    assert max(len(a["teaser"]) for a in articles) <= 240, max(articles, key=lambda a: len(a["teaser"]))
    assert any(a["teaser"] for a in articles), articles


def test_the_first_result_lands_on_the_section_that_matched(search_page: Page, server: SiteServer) -> None:
    search(search_page, "becoming the bottleneck reviewer")
    first = search_page.locator(".md-search-result__item > a").first
    href = urlsplit(first.get_attribute("href") or "")
    assert (href.path, href.fragment) == ("/growth/failure-modes/", "becoming-the-bottleneck-reviewer"), href
    search_page.locator("input.md-search__input").press("Enter")  # Material follows the first result
    search_page.wait_for_url(re.compile(r"failure-modes/.*#becoming-the-bottleneck-reviewer$"))
    expect(search_page.locator("#becoming-the-bottleneck-reviewer")).to_be_in_viewport()
    search_page.goto(server.url("glossary/"))


@pytest.mark.parametrize(("query", "anchor"), [("blast radius", "blast-radius"), ("error budget", "error-budget"), ("toil", "toil")])
def test_a_glossary_term_is_its_own_result(search_page: Page, query: str, anchor: str) -> None:
    search(search_page, query)
    hrefs = [urlsplit(a.get_attribute("href") or "") for a in search_page.locator(".md-search-result__item a").all()]
    assert ("/glossary/", anchor) in [(h.path, h.fragment) for h in hrefs[:3]], hrefs[:3]
