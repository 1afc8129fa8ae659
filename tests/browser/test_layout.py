"""Nothing moves once a page has painted: scripts that add controls must not push the text a
reader has started on (Lighthouse's cumulative layout shift, measured here as layout, not time)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import SiteServer

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PAGES = [
    "",
    "plays/force-multiplier/code-reviews/",
    "responsibilities/",
    "roles/tl/",
    "checklists/",
    "checklists/code-reviews/",
]
# Every layout shift the browser reports, with the elements that moved.
RECORD_SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => list.getEntries().forEach((entry) => {
  if (!entry.hadRecentInput) window.__shifts.push({value: entry.value,
    moved: entry.sources.map((s) => s.node ? `${s.node.nodeName}.${s.node.className || ""}` : "?")});
})).observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("url", PAGES, ids=lambda url: url or "home")
def test_nothing_moves_after_the_first_paint(browser: Browser, server: SiteServer, url: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport)
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    page.goto(server.url("checklists/code-reviews/"))  # a saved tick: the progress line changes on load
    page.locator("[data-checklist] [data-item] input[type=checkbox]").first.check()
    page.goto(server.url(url))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # one more frame after the last script
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert sum(s["value"] for s in shifts) < 0.001, f"/{url} moved after painting: {shifts}"
