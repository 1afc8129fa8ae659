"""One visit to every kind of page, and everything a reader's browser would notice there.

The pages that together hold every kind of element the site has (tests/conftest.py:
representative_pages; what varies between pages of one kind is checked on every page by
tests/site/test_page_rules.py), each loaded once and looked at in three ways: axe in light and
dark (tests/browser/axe.py), errors in the console, and requests to another origin, the pages'
scripts and a search included. One test, because the checks share the visit (a page load and
axe's start are most of the cost); its message says which check each problem comes from.
"""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.browser import axe
from tests.browser.conftest import DESKTOP, LOCAL_SCHEMES, Console, SiteServer
from tests.conftest import Site, representative_pages


def test_every_kind_of_page_passes_axe_logs_no_error_and_asks_no_other_origin(browser: Browser, server: SiteServer, site: Site) -> None:
    context = axe.open_scheme(browser, "light", DESKTOP, axe=True)
    page = context.new_page()
    console, requests, problems = Console(page), [], []
    page.on("request", lambda request: requests.append(request.url))
    pages = representative_pages(site)
    assert len(pages) >= 10, pages
    for url in pages:
        axe.goto(page, server, url, "light")
        problems += axe.axe_light_and_dark(page, f"axe: /{url}", every_rule_in_dark=url == pages[0])
        page.wait_for_load_state("networkidle")  # what the page's scripts fetch after the load, too
    page.locator("input.md-search__input").first.click()
    page.keyboard.type("estimation")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    context.close()

    assert any(url.endswith("/search/search_index.json") for url in requests), "no search index fetched: the tour saw no script request"
    problems += [f"console: {error}" for error in console.errors]
    problems += [f"request to another origin: {url}" for url in requests if not url.startswith((server.origin, *LOCAL_SCHEMES))]
    assert not problems, "\n".join(problems)
