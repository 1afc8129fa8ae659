"""Search finds every play by its main term, with the play itself as the first result."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import SiteServer

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


ANSWERS_WHOLE_TERM_JS = """(words) => {
  const first = document.querySelector(".md-search-result__item > a");
  const matched = first ? (new URL(first.href).searchParams.get("h") || "").split(" ").filter(Boolean) : [];
  return matched.length > 0 && matched.every((word) => words.includes(word));
}"""


@pytest.fixture(scope="module")
def search_page(browser: Browser, server: SiteServer) -> Page:
    page = browser.new_page()
    page.goto(server.url("glossary/"))
    return page


@pytest.mark.parametrize(("play", "term"), TERMS.items())
def test_play_is_the_first_result_for_its_term(search_page: Page, server: SiteServer, play: str, term: str) -> None:
    box = search_page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.type(term)
    # Results arrive per keystroke; wait for those of the whole term: Material puts the query words
    # it matched into each result's `?h=`, so a list for a prefix ("go-to perso") still has a cut word.
    search_page.wait_for_function(ANSWERS_WHOLE_TERM_JS, arg=re.split(r"[\s-]+", term.lower()))
    href = search_page.locator(".md-search-result__item > a").first.get_attribute("href")
    assert href is not None and href.split("?")[0].split("#")[0].endswith(play), f"{term!r} -> {href}"
