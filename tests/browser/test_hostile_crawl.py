"""Every kind of page of a site built from the worst accepted inputs (the pages that together hold
every kind of element it has; every page's HTML is checked by tests/site/test_hostile_site.py),
hovered, focused and clicked in Chromium: no dialog, no request to another origin, no navigation away from the site, no page
error, and no link whose URL a browser would run (tests/fixtures/hostile/accepted/)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Route, expect

from tests.browser.conftest import DESKTOP, SiteServer
from tests.conftest import HOSTILE_ACCEPTED, Site, representative_pages

TRACKER = yaml.safe_load((HOSTILE_ACCEPTED / "data/company.yml").read_text())["settings"]["issue_tracker"]

# Before any page script: links record their URL instead of navigating (instant navigation
# included), window.open records instead of opening, and file pickers stay shut.
CAPTURE = """
window.__links = []; window.__opened = [];
window.open = function (url) { window.__opened.push(String(url)); return null; };
window.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[href]");
  if (link) { window.__links.push(link.protocol + "|" + link.href); event.preventDefault(); event.stopImmediatePropagation(); }
  var file = event.target.closest && event.target.closest("input[type=file]");
  if (file) event.preventDefault();
}, true);
"""

# Hover, focus and press everything a reader can reach within `scope`; links are recorded by CAPTURE.
TOUCH_EVERYTHING = """
(scope) => {
  const within = (selector) => Array.from(document.querySelectorAll(scope)).flatMap((part) => Array.from(part.querySelectorAll(selector)));
  for (const el of within("*")) el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
  for (const el of within("a[href], button, input, label, summary, select, textarea, [tabindex]")) {
    if (el.matches("[data-action=issue]")) el.hidden = false;
    el.focus();
    el.click();
  }
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}
"""


def allowed_link(recorded: str, origin: str) -> bool:
    """http(s), mailto and tel; and the downloads checklists.js makes itself (a blob of this origin)."""
    protocol, href = recorded.split("|", 1)
    return protocol in ("http:", "https:", "mailto:", "tel:") or href.startswith(f"blob:{origin}/")


@pytest.fixture(scope="module")
def hostile_server(hostile_site: Site) -> Iterator[SiteServer]:
    running = SiteServer(hostile_site.root, prefix="eng")  # its site_url is https://.../eng/, as the 404 page assumes
    yield running
    running.close()


@pytest.fixture
def watched(browser: Browser, hostile_server: SiteServer) -> Iterator[tuple[BrowserContext, list[str]]]:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    problems: list[str] = []

    def route(route: Route) -> None:
        if route.request.url.startswith(hostile_server.origin + "/"):
            route.continue_()
        else:
            problems.append(f"request to another origin: {route.request.url}")
            route.abort()

    context.route("**/*", route)
    context.add_init_script(CAPTURE)
    yield context, problems
    context.close()


def test_every_kind_of_page_survives_hovering_and_clicking_everything(watched, hostile_server: SiteServer, hostile_site: Site) -> None:
    context, problems = watched
    urls = representative_pages(hostile_site)
    assert len(urls) >= 10, urls
    page = context.new_page()
    page.on("dialog", lambda dialog: (problems.append(f"{page.url}: dialog {dialog.message!r}"), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append(f"{page.url}: page error {error}"))

    def left(frame) -> None:
        if not frame.url.startswith(hostile_server.origin + "/") and frame.url != "about:blank":
            problems.append(f"navigated to {frame.url}")

    page.on("framenavigated", left)
    pressed = 0
    for number, url in enumerate(urls):
        page.goto(hostile_server.url(url), wait_until="domcontentloaded")  # deferred scripts have run
        # The navigation drawer is the same on every page: pressed in full on the first, the rest of each page on all.
        page.evaluate(TOUCH_EVERYTHING, "body" if number == 0 else "body > :not(.md-container), .md-content, .md-footer")
        links = page.evaluate("window.__links")
        pressed += len(links)
        problems += [f"{url}: link to {href}" for href in links if not allowed_link(href, hostile_server.origin)]
        problems += [f"{url}: opened {opened}" for opened in page.evaluate("window.__opened") if not opened.startswith(TRACKER)]
    assert pressed > 500, "the crawl pressed too few links to mean anything"
    assert problems == []


def test_the_crawl_notices_a_script_that_runs(watched, hostile_server: SiteServer) -> None:
    """The net has no hole: a page that does run injected script is caught."""
    context, problems = watched
    page = context.new_page()
    page.on("dialog", lambda dialog: (problems.append(f"dialog {dialog.message!r}"), dialog.dismiss()))
    page.goto(hostile_server.url(""))
    page.evaluate("""() => {
        const b = document.createElement("b"); b.setAttribute("onmouseover", "alert('caught')"); b.textContent = "x";
        const a = document.createElement("a"); a.href = "javascript:void(0)"; a.textContent = "y";
        document.body.append(b, a);
    }""")
    page.evaluate(TOUCH_EVERYTHING, "body")
    assert "dialog 'caught'" in problems
    assert any(href.startswith("javascript:") for href in page.evaluate("window.__links"))


@pytest.mark.parametrize(
    ("term", "shown"), [("Policy quoted", "<script>alert('page title')</script>"), ("Prototype keys", "Prototype keys")]
)
def test_search_results_show_hostile_titles_as_text(watched, hostile_server: SiteServer, term: str, shown: str) -> None:
    """Material's search inserts titles from its index as HTML: they must arrive escaped."""
    context, problems = watched
    page = context.new_page()
    page.on("dialog", lambda dialog: (problems.append(f"dialog {dialog.message!r}"), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append(f"page error {error}"))
    page.goto(hostile_server.url("glossary/"))
    box = page.locator("input.md-search__input")
    box.click()
    box.type(term)
    expect(page.locator(".md-search-result__item").first).to_contain_text(shown, timeout=30_000)
    page.locator(".md-search-result__item").first.hover()
    assert problems == []
