"""axe-core in a page, in both palettes, without loading the page twice.

axe runs the WCAG 2.0/2.1/2.2 A and AA rules plus Deque's best practices in light. Dark changes
colours only (Material swaps CSS variables on <body>; the markup is the same but for which palette
toggle shows), so in dark the rules that judge colour run. The page is not reloaded for dark: the
system preference is switched, as a reader's operating system does at dusk, and Material's
automatic palette follows it; once the colour transitions have ended, axe judges what is painted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import ROOT

if TYPE_CHECKING:  # conftest imports this module for the tour
    from tests.browser.conftest import SiteServer

SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's palette
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# axe-core pinned in package.json: the axe Lighthouse 12 runs. Loaded into every page of a context
# before the page's own scripts (an init script), once, rather than sent over with each check.
AXE_SOURCE = (ROOT / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")
AXE_RUN_JS = "(options) => axe.run(document, options).then((results) => results.violations)"

# No finite CSS transition or animation still running (an endless one would never end).
ANIMATIONS_DONE_JS = """() => document.getAnimations().every((a) =>
  a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity)"""
TWO_FRAMES_JS = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
# The sidebars have stopped scrolling (Material scrolls the active link into view after the load,
# to a place that depends on timing), then go back to their top: a link left half under the
# sidebar's sticky title, in the glow Material fades it with, is judged against a blend of the two
# (seen on busy machines only, on roles/); at the top every link sits in the clear.
# Polled every 250 ms: true once two polls in a row find every sidebar where it was.
SCROLLED_JS = """() => {
  const at = [...document.querySelectorAll(".md-sidebar__scrollwrap")].map((el) => el.scrollTop).join();
  const still = window.__sidebars_at === at;
  window.__sidebars_at = at;
  return still;
}"""


def open_scheme(browser: Browser, scheme: str, viewport: dict[str, int], *, axe: bool = False) -> BrowserContext:
    """A context whose system preference is `scheme`; with axe loaded into its pages if asked."""
    context = browser.new_context(color_scheme=scheme, viewport=viewport)
    if axe:
        context.add_init_script(AXE_SOURCE)
    return context


# The sidebar's sticky title fades the links scrolled under it with a glow (a box-shadow in the
# page's background colour). Where Material leaves the sidebar after the load depends on timing, and
# a link caught half in the glow is judged against a blend of the two: a contrast failure seen
# only on busy machines, on roles/. Without the glow the title is opaque: a link under it is hidden,
# one beside it in the clear. Only the fade goes; every colour a reader reads is still judged.
NO_GLOW_JS = """() => {
  const style = document.createElement("style");
  style.textContent = ".md-nav--primary .md-nav__title { box-shadow: none !important; }";
  document.head.appendChild(style);
}"""


def settle(page: Page) -> None:
    """Wait until what the last action set moving has stopped: two frames first, so that a
    transition it started (a fade, the header swapping to the page title on scroll) is running
    when we look. axe must judge the colours a reader ends up seeing, not a frame of a fade."""
    page.evaluate(TWO_FRAMES_JS)
    page.wait_for_function(ANIMATIONS_DONE_JS)
    page.wait_for_function(SCROLLED_JS, polling=250)
    page.evaluate(NO_GLOW_JS)
    page.evaluate("""() => document.querySelectorAll(".md-sidebar__scrollwrap").forEach((el) => { el.scrollTop = 0; })""")
    page.evaluate(TWO_FRAMES_JS)


def goto(page: Page, server: SiteServer, url: str, scheme: str) -> None:
    """Open a page and let it settle (Material fades the header's search field into the palette's colours)."""
    page.goto(server.url(url))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    settle(page)


def switch_scheme(page: Page, scheme: str) -> None:
    """The operating system switches to `scheme`; Material's automatic palette follows."""
    page.emulate_media(color_scheme=scheme)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    settle(page)


def describe(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        targets = ", ".join(" >>> ".join(t) if isinstance(t, list) else t for n in violation["nodes"] for t in n["target"])
        lines.append(f"{where}: {violation['id']} ({violation['impact']}) at {targets}")
    return lines


def axe_violations(page: Page, *, colour_only: bool = False) -> list[dict]:
    run_only = {"type": "rule", "values": COLOUR_RULES} if colour_only else {"type": "tag", "values": AXE_TAGS}
    return page.evaluate(AXE_RUN_JS, {"runOnly": run_only, "resultTypes": ["violations"]})


def axe_light_and_dark(page: Page, where: str, *, every_rule_in_dark: bool = False) -> list[str]:
    """What axe finds in the page as it is (light), then in dark; the page is left in light."""
    problems = describe(f"{where} (light)", axe_violations(page))
    switch_scheme(page, "dark")
    problems += describe(f"{where} (dark)", axe_violations(page, colour_only=not every_rule_in_dark))
    switch_scheme(page, "light")
    return problems
