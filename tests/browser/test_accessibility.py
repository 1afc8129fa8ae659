"""Accessibility: axe-core finds nothing on any kind of built page, light or dark; keyboard users see focus.

axe (tests/browser/axe.py) runs the WCAG 2.0/2.1/2.2 A and AA rules plus Deque's best practices,
after a load, on the pages that together hold every kind of element the site has (in one visit with
the other checks that only look: tests/browser/test_tour.py), then on states a load does not show (search results, the phone layout
and drawer, saved and outdated ticks) and on Markdown a fork may add; each time in dark as well,
where only the colours differ, the rules that judge colour (and all of them on two pages). No rule is disabled: a
violation is fixed in the theme (overrides/, docs/assets/playbook.css), not hidden here. axe cannot judge one-letter text
(it calls the RACI letters "too short" and skips them), so their contrast is computed here too.
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.axe import SCHEMES, axe_light_and_dark, goto, open_scheme, settle
from tests.browser.conftest import DESKTOP, PHONE, SiteServer
from tests.conftest import Site, build_site, copy_project, shared_build

PLAY = "plays/force-multiplier/code-reviews/"
ALONE = "checklists/code-reviews/"
PALETTE = "input.md-option:has(+ label:not([hidden]))"  # the current option; its label is the button

# Contrast as WCAG 2 defines it, of what the browser actually paints: the colour, faded by the
# opacity of the element that paints it and its ancestors, over every translucent background up to
# the first opaque one. `__contrast(colour, el, painted)` is the colour's ratio to what is behind `el`.
CONTRAST_JS = """
(() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, under) => {
    const mix = (k) => top[k] * top.a + under[k] * (1 - top.a);
    return { r: mix("r"), g: mix("g"), b: mix("b"), a: 1 };
  };
  const luminance = (c) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const background = (el) => {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    return layers.reverse().reduce((bg, layer) => over(layer, bg), { r: 255, g: 255, b: 255, a: 1 });
  };
  const opacity = (el) => {
    let o = 1;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) o *= parseFloat(getComputedStyle(n).opacity);
    return o;
  };
  window.__contrast = (colour, el, painted = el) => {
    const bg = background(el), c = parse(colour), fg = over({ ...c, a: c.a * opacity(painted) }, bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
  };
})();
"""


def page_urls(site: Site) -> list[str]:
    """Every built page as a reader requests it (`x/` for `x/index.html`); redirect stubs skipped."""
    urls = []
    for path, soup in site.pages():
        if soup.find("meta", attrs={"http-equiv": re.compile("^refresh$", re.I)}):
            continue
        urls.append(path.removesuffix("index.html"))
    return urls


@pytest.fixture(params=list(SCHEMES))
def scheme(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def scheme_page(browser: Browser, scheme: str) -> Iterator[Page]:
    context = open_scheme(browser, scheme, DESKTOP)
    yield context.new_page()
    context.close()


# -- axe ------------------------------------------------------------------------------------------


def test_page_list_is_the_whole_site(site: Site) -> None:
    urls = page_urls(site)
    assert {"", PLAY, ALONE, "responsibilities/", "roles/tl/", "templates/adr/", "404.html"} <= set(urls)


def test_axe_finds_nothing_in_states_a_page_load_does_not_show(browser: Browser, server: SiteServer, site: Site) -> None:
    """Search open with results, the phone layout and its open drawer, a checklist with saved ticks,
    an item reworded since it was ticked, and an item linked by its permalink."""
    items = site.article(ALONE).select("[data-item]")
    item_ids, anchors = [li["data-item"] for li in items], [li["id"] for li in items]
    problems: list[str] = []
    context = open_scheme(browser, "light", DESKTOP, axe=True)
    page = context.new_page()

    goto(page, server, "", "light")
    # Material reads the query on keyup (or focus, or when its worker is ready), not on input:
    # `fill` sends no keyup, so under load the value arrived after Material last looked. Type it.
    page.locator(".md-search__input").click()
    page.keyboard.type("review")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    settle(page)  # colours mid-fade are not the real ones
    page.wait_for_function(FIRST_BATCH_SHOWN_JS)  # the result list renders its first batch item by item
    problems += axe_light_and_dark(page, "search results")

    stored = {"items": {item_ids[0]: {"f": "wording before an update", "t": 1}, item_ids[1]: {"f": "", "t": 1}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["tlp:checklist:v1:code-reviews", json.dumps(stored)])
    for url in (f"{ALONE}#{anchors[0]}", f"{PLAY}#{anchors[1]}"):
        goto(page, server, url, "light")
        expect(page.locator(".checklist__changed").first).to_be_visible()
        expect(page.locator(".checklist__item:target")).to_have_count(1)
        problems += axe_light_and_dark(page, f"/{url}, ticked, one item reworded")
    context.close()

    context = open_scheme(browser, "light", PHONE, axe=True)
    page = context.new_page()
    for url in ("", PLAY, "responsibilities/", ALONE):
        goto(page, server, url, "light")
        problems += axe_light_and_dark(page, f"/{url} at {PHONE['width']}px", every_rule_in_dark=url == "")
    goto(page, server, PLAY, "light")
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    settle(page)
    problems += axe_light_and_dark(page, f"/{PLAY} at {PHONE['width']}px, drawer open")
    context.close()
    assert not problems, "\n".join(problems)


KITCHEN_SINK = """

## Every kind of block a fork may write

- [x] A finished task
- [ ] An open task, with a [link](index.md)
    - [ ] A nested task

!!! note "A note"
    With `inline code` and a [link to the glossary](glossary.md).

??? warning "A warning that folds"
    Hidden until opened.

| Left | Right |
| --- | --- |
| *one* | **two** |

```python
# A comment, a keyword, a string, a number, a constant and an operator.
def answer(value: int = 42) -> bool:
    return value is not None and value >= 0x2A  # still a comment
```

```diff
- removed line
+ added line
```

Text with a footnote.[^1]

[^1]: The footnote.
"""


@pytest.fixture(scope="module")
def kitchen_sink(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The site plus Markdown the playbook's own pages do not use yet (task lists, code, admonitions)."""

    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")
        glossary = project / "docs/glossary.md"
        glossary.write_text(glossary.read_text(encoding="utf-8") + KITCHEN_SINK, encoding="utf-8")
        return build_site(project, project / "site")

    built = shared_build(tmp_path_factory, "kitchen-sink", build)
    server = SiteServer(built.root)
    yield server
    server.close()


@pytest.mark.slow
def test_axe_finds_nothing_in_markdown_a_fork_may_add(browser: Browser, kitchen_sink: SiteServer) -> None:
    context = open_scheme(browser, "light", DESKTOP, axe=True)
    page = context.new_page()
    goto(page, kitchen_sink, "glossary/", "light")
    page.locator("details summary").first.click()  # scrolls it into view: the header swaps to the page title
    expect(page.locator("details").first).to_have_attribute("open", "")
    settle(page)
    boxes = page.locator(".task-list-item input[type=checkbox]")
    expect(boxes).to_have_count(3)
    expect(boxes.first).to_have_accessible_name("A finished task")
    expect(boxes.nth(1)).to_have_accessible_name("An open task, with a link")
    problems = axe_light_and_dark(page, "kitchen sink")
    context.close()
    assert not problems, "\n".join(problems)


# -- colours axe does not judge -------------------------------------------------------------------


def test_raci_letters_and_checklist_note_are_readable(scheme_page: Page, server: SiteServer, site: Site, scheme: str) -> None:
    """At least 4.5:1 for the RACI letters (matrix, highlighted column, legend), the "updated since you
    ticked it" note (also on a linked item's highlight) and the items' "#" permalinks, the
    self-assessment's notes; 3:1 for the charts' bars."""
    page = scheme_page
    low: Counter[str] = Counter()

    def check(selector: str, minimum: float, colour: str = "color", against: str = "") -> int:
        found = page.evaluate(
            """([selector, colour, against]) => [...document.querySelectorAll(selector)]
                 .filter((el) => el.getClientRects().length)
                 .map((el) => [el.outerHTML.slice(0, 80),
                               __contrast(getComputedStyle(el)[colour], against ? el.closest(against) : el, el)])""",
            [selector, colour, against],
        )
        low.update(f"{page.url} ({scheme}): {html} {ratio}:1 < {minimum}:1" for html, ratio in found if ratio < minimum)
        return len(found)

    for url in ("responsibilities/", "roles/tl/"):
        goto(page, server, url, scheme)
        page.evaluate(CONTRAST_JS)
        assert check("td[class*=raci-]", 4.5) > 0
        assert check("dl.raci-legend dt", 4.5) > 0
    assert check("td.is-highlighted[class*=raci-]", 4.5) > 0
    assert check(".raci-chart__bar[width]:not([width='0'])", 3.0, colour="fill", against="figure") > 0

    item = site.article(ALONE).select("[data-item]")[0]
    stored = {"items": {item["data-item"]: {"f": "wording before an update", "t": 1}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["tlp:checklist:v1:code-reviews", json.dumps(stored)])
    for url in (ALONE, f"{PLAY}#{item['id']}"):
        goto(page, server, url, scheme)
        expect(page.locator(".checklist__changed").first).to_have_text("(updated since you ticked it)")
        page.evaluate(CONTRAST_JS)
        assert check(".checklist__changed", 4.5) > 0
        assert check(".checklist__permalink", 4.5) > 0

    # The self-assessment: a row reworded since it was rated, a peer's rating and evidence, both charts' bars.
    mine = {"ratings": {"code-reviews": {"level": "growing", "evidence": "x", "f": "an older wording", "t": 1}}}
    theirs = {"ratings": {"code-reviews": {"level": "doing-it", "evidence": "y"}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["tlp:assessment:v1", json.dumps(mine)])
    fragment = base64.urlsafe_b64encode(json.dumps(theirs).encode()).decode()
    goto(page, server, f"growth/self-assessment/#ratings={fragment}", scheme)
    expect(page.locator(".assess__theirs:visible")).to_have_count(1)
    page.evaluate(CONTRAST_JS)
    assert check(".assess__changed", 4.5) + check(".assess__theirs", 4.5) + check(".assess__their-ev", 4.5) == 3
    assert check(".assess__bar--you:not([width='0'])", 3.0, colour="fill", against="figure") > 0
    assert check(".assess__bar--them:not([width='0'])", 3.0, colour="stroke", against="figure") > 0
    assert not low, "\n".join(f"{line} (x{count})" for line, count in low.items())


# -- keyboard -------------------------------------------------------------------------------------

# Material shows "N matching documents", then renders the first ten results (more on scroll).
FIRST_BATCH_SHOWN_JS = """() => {
  const count = parseInt(document.querySelector(".md-search-result__meta")?.textContent || "", 10);
  return count > 0 && document.querySelectorAll(".md-search-result__list > li").length >= Math.min(count, 10);
}"""

# Whether `el` is what a click at its start (left, half height) would hit: not covered by anything.
ON_TOP_JS = """(el) => { const r = el.getBoundingClientRect();
  return el.contains(document.elementFromPoint(r.x + 8, r.y + r.height / 2)); }"""

FOLLOWS_FOCUS_JS = """(target) => target.contains(document.activeElement)
  || !!(target.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)"""

FOCUS_STYLE_JS = """(el) => { const s = getComputedStyle(el);
  return {outline: s.outlineStyle === "none" ? "none" : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
          width: parseFloat(s.outlineWidth), colour: s.outlineColor, shadow: s.boxShadow, inside: parseFloat(s.outlineOffset) < 0}; }"""

# (what, element to focus, element that shows the focus when it is not the same)
FOCUSABLES = [
    ("link in the text", "article.md-content__inner p a[href]", None),
    ("link in the navigation", ".md-sidebar--primary a.md-nav__link[href]", None),
    ("link in the header", "a.md-header__button.md-logo", None),
    ("checkbox", ".checklist__item input[type=checkbox]", None),
    ("button", ".checklist__actions button.md-button", None),
    ("palette toggle", PALETTE, "xpath=following-sibling::label[1]"),
    ("search box", "input.md-search__input", None),
]


@pytest.mark.parametrize(("what", "selector", "shown_by"), FOCUSABLES, ids=[f[0] for f in FOCUSABLES])
def test_focus_is_visible(scheme_page: Page, server: SiteServer, scheme: str, what: str, selector: str, shown_by: str | None) -> None:
    page = scheme_page
    goto(page, server, PLAY, scheme)
    page.evaluate(CONTRAST_JS)
    page.keyboard.press("Tab")  # from now on the reader is using the keyboard
    target = page.locator(selector).first
    mark: Locator = target.locator(shown_by) if shown_by else target
    page.evaluate("document.activeElement.blur()")
    before = mark.evaluate(FOCUS_STYLE_JS)
    target.focus()
    if "md-search__input" in selector:
        expect(page.locator("#__search")).to_be_checked()  # focus opens the search, a moment later
    settle(page)  # e.g. the search box fades to the page colour
    assert target.evaluate("el => el === document.activeElement && el.matches(':focus-visible')"), what
    after = mark.evaluate(FOCUS_STYLE_JS)
    assert (after["outline"], after["shadow"]) != (before["outline"], before["shadow"]), f"{what}: focus changes nothing"
    if after["outline"] != "none":
        assert after["width"] >= 2, f"{what}: focus outline {after['outline']} is thinner than 2px"
        behind = "el" if after["inside"] else "el.parentElement"  # the ring is drawn over what is behind it
        ratio = mark.evaluate(f"(el, colour) => __contrast(colour, {behind})", after["colour"])
        assert ratio >= 3, f"{what}: focus outline {after['colour']} has {ratio}:1 against its background (needs 3:1)"
    else:
        assert after["shadow"] != "none", f"{what}: no outline and no shadow when focused"


def test_skip_link_shows_on_first_tab_and_moves_focus_to_the_content(scheme_page: Page, server: SiteServer, scheme: str) -> None:
    page = scheme_page
    goto(page, server, PLAY, scheme)
    page.evaluate("window.scrollTo(0, 1500)")  # the reader has scrolled; the skip link must bring the heading back
    skip = page.locator("a.md-skip")
    expect(skip).to_have_css("opacity", "0")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_have_accessible_name("Skip to content")
    expect(skip).to_have_css("opacity", "1")
    expect(skip).to_be_in_viewport(ratio=1)
    on_top = skip.evaluate(ON_TOP_JS)
    assert on_top, "the focused skip link is covered by another element"
    fragment = skip.evaluate("a => a.hash")
    history_before = page.evaluate("history.length")
    page.keyboard.press("Enter")
    heading = page.locator(f"article [id='{fragment[1:]}']")
    expect(heading).to_be_focused()
    # Instant navigation, had it seen the click, would push a history entry in the click itself and
    # then re-render the page; neither may happen (two frames on, the same page still has focus).
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("history.length") == history_before, "instant navigation handled the skip link"
    expect(heading).to_be_focused()
    assert heading.evaluate(ON_TOP_JS), "the heading the skip link leads to is hidden under the header"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article.md-content__inner') !== null"), (
        "after the skip link, Tab should continue in the content, not in the header or navigation"
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_palette_toggle_and_search_are_reachable_by_tab_and_named(browser: Browser, server: SiteServer, viewport: dict[str, int]) -> None:
    context = open_scheme(browser, "light", viewport)
    page = context.new_page()
    goto(page, server, "", "light")
    reached: dict[str, str] = {}
    for _ in range(10):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        for name, selector in (("palette", "input.md-option"), ("search", "input.md-search__input")):
            if name not in reached and focused.evaluate("(el, s) => el.matches(s)", selector):
                expect(focused).to_have_accessible_name(re.compile(r"\w"))
                reached[name] = focused.evaluate("el => el.getAttribute('aria-label')")
        if len(reached) == 2:
            break
    assert set(reached) == {"palette", "search"}, f"reached only {reached} in ten presses of Tab"
    assert reached["search"] == "Search"
    assert reached["palette"].startswith("Switch to")

    page.locator(PALETTE).focus()
    before = page.locator("body").get_attribute("data-md-color-scheme")
    for _ in range(3):  # Enter cycles: system preference -> light -> dark -> system preference
        page.keyboard.press("Enter")
        expect(page.locator(PALETTE)).to_be_focused()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", before)
    context.close()


@pytest.mark.parametrize("link", [".md-sidebar--secondary a.md-nav__link", "a.checklist__permalink"], ids=["toc", "item-link"])
def test_same_page_link_takes_the_keyboard_to_its_target(browser: Browser, server: SiteServer, link: str) -> None:
    """Enter on a table-of-contents entry or an item's "#" link: the target is shown below the
    header, and the next Tab continues from it, not from the top of the page or the link."""
    context = open_scheme(browser, "light", DESKTOP)
    page = context.new_page()
    goto(page, server, PLAY, "light")
    for index in (1, 3):  # twice: instant navigation must not handle the first click differently
        source = page.locator(link).nth(index)
        fragment = source.evaluate("a => decodeURIComponent(new URL(a.href).hash.slice(1))")
        source.focus()
        page.keyboard.press("Enter")
        target = page.locator(f"[id='{fragment}']")
        expect(page).to_have_url(re.compile(re.escape("#" + fragment) + "$"))
        expect(target).to_be_in_viewport()
        # Wait, by id (instant navigation may re-render the page), for smooth scrolling to settle with the
        # target below the header and for focus to move to it; either never happening times out.
        page.wait_for_function(f"id => ({ON_TOP_JS})(document.getElementById(id))", arg=fragment)
        page.wait_for_function("id => document.getElementById(id).contains(document.activeElement)", arg=fragment)
        page.keyboard.press("Tab")
        follows = target.evaluate(FOLLOWS_FOCUS_JS)
        assert follows, f"Tab after following #{fragment} went to {page.evaluate('document.activeElement.outerHTML.slice(0, 80)')}"
    context.close()


def test_search_results_are_left_by_tab_without_an_invisible_stop(scheme_page: Page, server: SiteServer, scheme: str) -> None:
    page = scheme_page
    goto(page, server, PLAY, scheme)
    page.locator(".md-search__input").focus()
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_be_visible()
    assert focused.evaluate("el => el.getBoundingClientRect().height > 0"), "Tab left the search box for an invisible element"


def test_phone_drawer_is_in_view_while_it_has_focus(browser: Browser, server: SiteServer) -> None:
    context = open_scheme(browser, "light", PHONE)
    page = context.new_page()
    goto(page, server, "what-is-a-tech-lead/", "light")
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer).not_to_be_in_viewport()
    page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link[href]").first.focus()
    expect(drawer).to_be_in_viewport()
    page.locator("article a[href]").first.focus()
    expect(drawer).not_to_be_in_viewport()
    context.close()
