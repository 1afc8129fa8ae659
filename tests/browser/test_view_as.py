"""View as role (issue 17, contract 8) in Chromium: the choice is made with the keyboard, saved,
shared by URL, kept across reloads and instant navigation, marks only what the data gives the
role, moves nothing, and without JavaScript the page is as it was."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.browser.conftest import DESKTOP, Console, SiteServer
from tests.browser.test_hostile_progress import navigate_instantly
from tests.conftest import Site

PLAY = "plays/force-multiplier/code-reviews/"
KEY = "tlp:view-as:v1"


def part(page: Page, role: str) -> Locator:
    return page.locator(f'article .your-part[data-role="{role}"]')


def test_choosing_a_role_with_the_keyboard_marks_its_part_and_is_saved(page: Page, server: SiteServer) -> None:
    console = Console(page)
    page.goto(server.url(PLAY))
    expect(part(page, "em")).to_be_hidden()
    picker = page.get_by_label("View as")
    picker.focus()
    page.keyboard.press("ArrowDown")  # a native select: the arrow keys choose, as for any reader
    expect(picker).to_have_value("tl")
    picker.select_option("em")
    expect(part(page, "em")).to_be_visible()
    expect(part(page, "tl")).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == '{"role":"em"}'
    assert page.evaluate("new URL(location.href).searchParams.get('as')") == "em", "the address shares the choice"
    page.reload()
    expect(part(page, "em")).to_be_visible()
    expect(page.get_by_label("View as")).to_have_value("em")
    assert console.errors == []


def test_the_matrix_marks_the_roles_column_and_its_rows(page: Page, server: SiteServer) -> None:
    page.goto(server.url("responsibilities/"))
    table = page.locator("table.responsibility-matrix").first
    backgrounds = """t => [...t.querySelectorAll("tr[data-activity]")].map(r => [r.dataset.activity,
      getComputedStyle(r.querySelector("th")).backgroundColor, getComputedStyle(r.querySelector('td[data-role="eng"]')).backgroundColor,
      r.querySelector('td[data-role="eng"]').textContent.trim()])"""
    before = table.evaluate(backgrounds)
    page.get_by_label("View as").select_option("eng")
    after = table.evaluate(backgrounds)
    for (activity, th, td, letter), (_, th_now, td_now, _) in zip(before, after, strict=True):
        assert td_now != td, f"{activity}: the role's column is marked"
        assert (th_now != th) == (letter in ("R", "A", "A/R")), (
            f"{activity}: its row is marked only where the role owns or does it ({letter})"
        )


def test_a_shared_link_sets_the_role_and_instant_navigation_keeps_it(context: BrowserContext, server: SiteServer, site: Site) -> None:
    navigate_instantly(context, server, site)
    page = context.new_page()
    console = Console(page)
    page.goto(server.url(PLAY + "?as=pm"))
    expect(part(page, "pm")).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__same_document = true")
    page.locator('nav.md-nav--primary a.md-nav__link[href$="spec-reviews/"]').first.click()
    page.wait_for_url("**/spec-reviews/**")
    expect(part(page, "pm")).to_be_visible()
    expect(page.locator('[data-checklist="spec-reviews"]').first).to_have_attribute("data-roles", re.compile(r"\bpm\b|."))
    expect(page.get_by_label("View as")).to_have_value("pm")
    assert page.evaluate("window.__same_document"), "the click loaded a new page: this tested no instant navigation"
    page.get_by_label("View as").select_option("")
    expect(part(page, "pm")).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert console.errors == []


def test_a_checklist_of_the_role_is_badged_and_others_are_not(page: Page, server: SiteServer) -> None:
    page.goto(server.url("checklists/?as=eng"))
    badge = "el => getComputedStyle(el, '::after').content"
    assert page.locator('[data-checklist-link="code-reviews"] > a').evaluate(badge) == '" Yours"'
    assert page.locator('[data-checklist-link="spec-reviews"] > a').evaluate(badge) == "none"


def test_choosing_a_role_moves_nothing(page: Page, server: SiteServer) -> None:
    """The marks are rules written before the first paint: with a saved role, the rule that shows
    its "your part" line exists before the parser even reaches the line, so the line is laid out
    from the start and nothing below it moves (timing-free: a load-time rule would be missing here)."""
    page.add_init_script("""
      new MutationObserver((records, observer) => {
        const line = document.querySelector('.your-part[data-role="eng"]');
        if (!line) return;
        observer.disconnect();
        window.__rule_at_parse = document.adoptedStyleSheets.some((sheet) =>
          [...sheet.cssRules].some((rule) => (rule.selectorText || "").includes('.your-part[data-role="eng"]')));
      }).observe(document, { childList: true, subtree: true });
    """)
    page.goto(server.url(PLAY))
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{role: 'eng'}}))")
    page.reload()
    expect(part(page, "eng")).to_be_visible()
    assert page.evaluate("window.__rule_at_parse") is True


def test_garbage_in_storage_or_the_address_reads_as_everyone(page: Page, server: SiteServer) -> None:
    console = Console(page)
    page.goto(server.url(PLAY))
    for stored in ('{"role":"__proto__"}', '{"role":"x\\"]{}*{display:none}"}', "not json", '{"role":{"id":"em"}}', "[]"):
        page.evaluate(f"localStorage.setItem('{KEY}', {stored!r})")
        page.goto(server.url(PLAY + "?as=%22%5D%7B%7D*%7Bdisplay:none%7D"))
        expect(page.get_by_label("View as")).to_have_value("")
        expect(page.locator("article h1")).to_be_visible()
        assert page.locator("article .your-part:visible").count() == 0, stored
    assert console.errors == []


def test_without_javascript_the_page_is_as_it_was(browser: Browser, server: SiteServer) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url(PLAY + "?as=em"))
    expect(page.locator(".tlp-view-as")).to_be_hidden()
    assert page.locator("article .your-part:visible").count() == 0
    context.close()
