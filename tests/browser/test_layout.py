"""Nothing moves when the scripts run: a page paints on its HTML and stylesheets alone (scripts are
deferred), so whatever the scripts add or wrap must not push the text a reader has started on.

Measured as layout, not as time: each page is laid out once with its script files refused and
once after they have run, and every block of text must sit in the same place in both. (Chromium's
own layout-shift entries depend on when it happens to paint, which varies with machine load.)
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Route

from tests.browser.conftest import DESKTOP, PHONE, SiteServer

PAGES = [
    "",
    "plays/force-multiplier/code-reviews/",
    "responsibilities/",
    "roles/tl/",
    "growth/self-assessment/",  # Markdown tables, which Material's script wraps
    "checklists/",
    "checklists/code-reviews/",
]
# Where each block of text in the article sits: text -> [top, left, height]. Text that occurs
# twice, or that a script writes (the progress line), is only in one of the two and is skipped.
LAYOUT_JS = """() => {
  const seen = {}, where = {};
  document.querySelectorAll("article :is(h1, h2, h3, h4, p, li, dt, dd, th, td, figure, pre)").forEach((el) => {
    const key = el.tagName + " " + el.textContent.replace(/\\s+/g, " ").trim().slice(0, 80);
    const box = el.getBoundingClientRect();
    seen[key] = (seen[key] || 0) + 1;
    where[key] = [Math.round(box.top + window.scrollY), Math.round(box.left), Math.round(box.height)];
  });
  Object.keys(seen).forEach((key) => { if (seen[key] > 1) delete where[key]; });
  return where;
}"""


def refuse_scripts(route: Route) -> None:
    route.abort()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("url", PAGES, ids=lambda url: url or "home")
def test_nothing_moves_when_the_scripts_run(browser: Browser, server: SiteServer, url: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.route("**/*.js", refuse_scripts)  # inline scripts still run: no <noscript>
    page.goto(server.url(url))  # with no script file, the load is the final layout
    painted = page.evaluate(LAYOUT_JS)
    page.unroute("**/*.js", refuse_scripts)
    page.goto(server.url(url))
    page.wait_for_load_state("networkidle")  # the scripts have run, and what they fetched has arrived
    final = page.evaluate(LAYOUT_JS)
    context.close()
    both = painted.keys() & final.keys()
    assert len(both) >= 0.9 * len(painted), f"/{url}: the scripts changed most of the text, so this compares nothing"
    moved = {key: (painted[key], final[key]) for key in sorted(both) if painted[key] != final[key]}
    assert not moved, f"/{url}: {len(moved)} blocks moved when the scripts ran, e.g. {list(moved.items())[:3]}"
