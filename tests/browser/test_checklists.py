"""Saved ticks, sync and exports, in a real browser, as a reader uses them."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import Console, SiteServer
from tests.conftest import Site, build_site, code_reviews, copy_project, edit_checklists, shared_build

PLAY = "plays/force-multiplier/code-reviews/"
ALONE = "checklists/code-reviews/"
BOX = '[data-checklist="code-reviews"]'
TWO_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
TINY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def item(page: Page, item_id: str, scope: str = BOX):
    return page.locator(f'{scope} [data-item="{item_id}"] input[type=checkbox]').first


def first_items(site: Site, count: int = 3) -> list[str]:
    return [li["data-item"] for li in site.article(ALONE).select("[data-item]")][:count]


def test_tick_survives_a_reload(page: Page, server: SiteServer, site: Site) -> None:
    first, second, _ = first_items(site)
    page.goto(server.url(PLAY))
    item(page, first).check()
    expect(page.locator(f"{BOX} .checklist__progress")).to_contain_text("1 of")
    page.reload()
    expect(item(page, first)).to_be_checked()
    expect(item(page, second)).not_to_be_checked()


def test_same_checklist_on_two_pages_and_instant_navigation(page: Page, server: SiteServer, site: Site) -> None:
    first = first_items(site)[0]
    page.goto(server.url(PLAY))
    item(page, first).check()
    page.locator("nav.md-nav--primary a.md-nav__link[href$='spec-reviews/']").first.click()  # instant navigation
    page.wait_for_url("**/spec-reviews/")
    page.locator("a.md-nav__link[href$='code-reviews/']").first.click()
    page.wait_for_url("**/code-reviews/")
    expect(item(page, first)).to_be_checked()
    page.goto(server.url(ALONE))
    expect(item(page, first)).to_be_checked()


def test_ticks_sync_between_tabs(context: BrowserContext, server: SiteServer, site: Site) -> None:
    first = first_items(site)[0]
    one, two = context.new_page(), context.new_page()
    one.goto(server.url(PLAY))
    two.goto(server.url(ALONE))
    item(one, first).check()
    expect(item(two, first)).to_be_checked()
    expect(two.locator(f"{BOX} .checklist__progress")).to_contain_text("1 of")


@pytest.mark.parametrize("garbage", ["not json", "[1,2,3]", '{"items": 5}', '{"v":0,"ticked":[0,1]}', "null"])
def test_garbage_or_old_format_in_storage_breaks_nothing(page: Page, server: SiteServer, site: Site, garbage: str) -> None:
    console = Console(page)
    page.goto(server.url(PLAY))
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["tlp:checklist:v1:code-reviews", garbage])
    page.reload()
    first = first_items(site)[0]
    expect(item(page, first)).not_to_be_checked()
    item(page, first).check()
    page.reload()
    expect(item(page, first)).to_be_checked()
    assert console.errors == []


def test_full_or_disabled_storage_logs_no_error(context: BrowserContext, server: SiteServer, site: Site) -> None:
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page = context.new_page()
    console = Console(page)
    page.goto(server.url(PLAY))
    item(page, first_items(site)[0]).check()
    expect(page.locator(f"{BOX} .checklist__status")).to_contain_text("not saving")
    assert console.errors == []


def test_reset_then_undo(page: Page, server: SiteServer, site: Site) -> None:
    first, second, _ = first_items(site)
    page.goto(server.url(ALONE))
    expect(page.locator(f"{BOX} [data-action=issue]")).to_be_hidden()  # no issue tracker configured upstream
    item(page, first).check()
    item(page, second).check()
    page.get_by_role("button", name="Reset ticks").click()
    expect(item(page, first)).not_to_be_checked()
    page.get_by_role("button", name="Undo").click()
    expect(item(page, first)).to_be_checked()
    expect(item(page, second)).to_be_checked()


def test_copy_as_markdown_puts_the_checklist_on_the_clipboard(browser, server: SiteServer, site: Site) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url(ALONE))
    first = first_items(site)[0]
    item(page, first).check()
    page.get_by_role("button", name="Copy as Markdown").click()
    expect(page.locator(f"{BOX} .checklist__status")).to_contain_text("Copied")
    text = page.evaluate("navigator.clipboard.readText()")
    lines = [line for line in text.splitlines() if line.startswith("- [")]
    assert len(lines) == len(site.article(ALONE).select("[data-item]"))
    assert lines[0].startswith("- [x] ") and all(line.startswith("- [ ] ") for line in lines[1:])
    assert text.startswith("## Code reviews") and server.url(ALONE) in text
    context.close()


def test_copy_falls_back_when_the_clipboard_is_refused(context: BrowserContext, server: SiteServer) -> None:
    context.add_init_script(
        "Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new Error('denied'))}});"
        "document.execCommand = () => false;"
    )
    page = context.new_page()
    console = Console(page)
    page.goto(server.url(ALONE))
    page.get_by_role("button", name="Copy as Markdown").click()
    area = page.locator(f"{BOX} textarea.checklist__copy-area")
    expect(area).to_be_visible()
    assert area.input_value().startswith("## Code reviews")
    assert console.errors == []


def test_download_md_reflects_the_ticks(page: Page, server: SiteServer, site: Site) -> None:
    page.goto(server.url(ALONE))
    item(page, first_items(site)[0]).check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download .md").click()
    text = Path(info.value.path()).read_text()
    assert text.count("- [x] ") == 1 and info.value.suggested_filename == "code-reviews.md"


def test_item_link_scrolls_to_and_highlights_the_item(page: Page, server: SiteServer, site: Site) -> None:
    last = [li["data-item"] for li in site.article(PLAY).select(f"{BOX} [data-item]")][-1]
    anchor = f"checklist-code-reviews--{last}"
    page.set_viewport_size({"width": 1280, "height": 500})
    page.goto(server.url(PLAY) + "#" + anchor)
    target = page.locator(f"#{anchor}")
    expect(target).to_be_in_viewport()
    assert target.evaluate("el => el.matches(':target') && getComputedStyle(el).outlineStyle !== 'none'")


def test_keyboard_alone_ticks_and_copies(browser, server: SiteServer, site: Site) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url(ALONE))
    first = first_items(site)[0]
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type === 'checkbox'"):
            break
    assert page.evaluate("document.activeElement.closest('[data-item]').dataset.item") == first
    page.keyboard.press("Space")
    expect(item(page, first)).to_be_checked()
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.action === 'copy'"):
            break
    page.keyboard.press("Enter")
    expect(page.locator(f"{BOX} .checklist__status")).to_contain_text("Copied")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Reset ticks
    expect(item(page, first)).not_to_be_checked()
    context.close()


def test_without_javascript_the_checklist_is_a_plain_list(browser, server: SiteServer, site: Site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url(ALONE))
    count = len(site.article(ALONE).select("[data-item]"))
    expect(page.locator(f"{BOX} [data-item]")).to_have_count(count)
    expect(page.locator(f"{BOX} .checklist__actions")).to_be_hidden()
    expect(page.locator(f"{BOX} .checklist__progress")).to_have_text(f"{count} items")
    context.close()


@pytest.fixture(scope="module")
def updated_site(tmp_path_factory: pytest.TempPathFactory, site: Site) -> Site:
    """The same site after an update: code-reviews reordered, an item inserted, one reworded."""

    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")

        def update(data: dict) -> None:
            items = code_reviews(data)["items"]
            items.reverse()
            items.insert(0, {"id": "brand-new-item", "text": "A step added in the update."})
            items[-1]["text"] += " Reworded in the update."

        edit_checklists(project, update)
        return build_site(project, project / "site")

    return shared_build(tmp_path_factory, "updated", build)


def test_update_that_reorders_inserts_and_rewords_keeps_ticks_by_id(page: Page, server: SiteServer, site: Site, updated_site: Site) -> None:
    ids = first_items(site, 3)
    page.goto(server.url(ALONE))
    for item_id in ids[:2]:
        item(page, item_id).check()
    old_root = server.root
    server.root = updated_site.root  # same origin, new build
    try:
        page.reload()
        expect(item(page, ids[0])).to_be_checked()
        expect(item(page, ids[1])).to_be_checked()
        expect(item(page, ids[2])).not_to_be_checked()
        expect(item(page, "brand-new-item")).not_to_be_checked()
        reworded = page.locator(f'{BOX} [data-item="{ids[0]}"] .checklist__changed')
        expect(reworded).to_have_text("(updated since you ticked it)")
        expect(page.locator(f'{BOX} [data-item="{ids[1]}"] .checklist__changed')).to_have_count(0)
        expect(page.locator(f"{BOX} .checklist__progress")).to_contain_text("2 of")
    finally:
        server.root = old_root


def test_export_and_import_all_progress(context: BrowserContext, server: SiteServer, site: Site, tmp_path: Path) -> None:
    page = context.new_page()
    first = first_items(site)[0]
    page.goto(server.url(ALONE))
    item(page, first).check()
    page.goto(server.url("checklists/"))
    with page.expect_download() as info:
        page.get_by_role("button", name="Export all progress (.json)").click()
    exported = json.loads(Path(info.value.path()).read_text())
    assert first in exported["checklists"]["code-reviews"]["items"]
    saved = tmp_path / "progress.json"
    shutil.copy(info.value.path(), saved)
    page.evaluate("localStorage.clear()")
    page.locator(".checklist-transfer input[type=file]").set_input_files(str(saved))
    expect(page.locator(".checklist-transfer [role=status]")).to_contain_text("Imported progress for")
    page.goto(server.url(ALONE))
    expect(item(page, first)).to_be_checked()


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory, site: Site) -> Site:
    """An update that renames the checklist and its first item, with aliases."""

    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")

        def rename(data: dict) -> None:
            checklist = code_reviews(data)
            old_item = checklist["items"][0]["id"]
            checklist["id"], checklist["items"][0]["id"] = "reviewing-code", "first-step"
            data["aliases"] = {"checklists": {"code-reviews": "reviewing-code"}, "items": {"reviewing-code": {old_item: "first-step"}}}

        edit_checklists(project, rename)
        for md in (project / "docs").rglob("*.md"):
            md.write_text(md.read_text().replace("checklist('code-reviews')", "checklist('reviewing-code')"))
        return build_site(project, project / "site")

    return shared_build(tmp_path_factory, "renamed", build)


def test_renamed_ids_keep_ticks_and_old_links(page: Page, server: SiteServer, site: Site, renamed_site: Site) -> None:
    old_first, second = first_items(site, 2)
    page.goto(server.url(ALONE))
    item(page, old_first).check()
    item(page, second).check()
    old_root = server.root
    server.root = renamed_site.root
    try:
        page.goto(server.url(ALONE))  # the old standalone URL redirects
        page.wait_for_url("**/checklists/reviewing-code/")
        box = '[data-checklist="reviewing-code"]'
        expect(item(page, "first-step", box)).to_be_checked()
        expect(item(page, second, box)).to_be_checked()
        page.goto(server.url(PLAY) + f"#checklist-code-reviews--{old_first}")  # an old item link
        target = page.locator("#checklist-reviewing-code--first-step")
        expect(target).to_have_class(re.compile("checklist__item--linked"))
        expect(target).to_be_in_viewport()
    finally:
        server.root = old_root


def test_old_item_link_lands_even_if_the_page_moves_before_it_has_loaded(
    page: Page, server: SiteServer, site: Site, renamed_site: Site
) -> None:
    """The alias is followed when the script starts; something else (Material's start-up, a late
    image) may scroll the page before it has loaded. The item must still be in view once it has
    loaded, unless the reader scrolled in the meantime."""
    old_first = first_items(site, 1)[0]
    held: list = []  # an image the test holds back, so the page has not loaded until it says so

    def add_held_image(route) -> None:
        body = route.fetch().text().replace("</body>", '<img src="/held.svg" alt=""></body>')
        route.fulfill(body=body, content_type="text/html")

    page.route("**/held.svg", lambda route: held.append(route))
    page.route(f"**/{PLAY}", add_held_image)
    old_root, server.root = server.root, renamed_site.root
    try:
        target = page.locator("#checklist-reviewing-code--first-step")
        for reader_scrolls in (False, True):
            held.clear()
            page.goto("about:blank")  # the same URL again would only move to the anchor, not load
            page.goto(server.url(PLAY) + f"#checklist-code-reviews--{old_first}", wait_until="domcontentloaded")
            expect(target).to_have_class(re.compile("checklist__item--linked"))  # followed; where it is before
            # load is not promised (Material's start-up may move the page under load): after load it is
            if reader_scrolls:
                page.mouse.wheel(0, -100_000)
            else:
                page.evaluate("window.scrollTo(0, 0)")  # not the reader: a script moved the page
            expect(target).not_to_be_in_viewport()
            for _ in range(10_000):  # the image request reaches the route handler while Playwright runs calls
                if held:
                    break
                page.evaluate("0")
            assert held, "the page never asked for the held image"
            assert page.evaluate("document.readyState") != "complete"
            with page.expect_event("load"):
                held[0].fulfill(body=TINY_SVG, content_type="image/svg+xml")
            page.evaluate(TWO_FRAMES)  # the script scrolls again in the frame after the load event
            if reader_scrolls:
                expect(page.locator("h1")).to_be_in_viewport()  # the reader stays where they went
                expect(target).not_to_be_in_viewport()
            else:
                expect(target).to_be_in_viewport()
    finally:
        server.root = old_root


@pytest.fixture(scope="module")
def fork_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    from tests.site.test_fork import TODAY, fork_project

    def build(folder: Path) -> Site:
        project = fork_project(folder / "project")
        return build_site(project, project / "site", env=TODAY)

    running = SiteServer(shared_build(tmp_path_factory, "fork", build).root, prefix="eng")  # site_url ends /eng/
    yield running
    running.close()


def test_the_script_speaks_the_forks_words_across_instant_navigation(page: Page, fork_server: SiteServer) -> None:
    """The fork's `words:` reach the messages the script writes (progress, the copy button's
    status), on the first page and after an instant navigation to another play."""
    console = Console(page)
    # Material navigates instantly only to URLs in its sitemap, which names the fork's host.
    sitemap = (fork_server.root / "sitemap.xml").read_text(encoding="utf-8")
    sitemap = sitemap.replace("https://handbook.acme.example/", fork_server.origin + "/")
    page.route("**/sitemap.xml", lambda route: route.fulfill(body=sitemap, content_type="application/xml"))
    page.goto(fork_server.url(PLAY))
    box = page.locator('[data-checklist="code-reviews"]').first
    total = box.locator("[data-item]").count()
    box.locator("[data-item] input").first.check()
    expect(box.locator(".checklist__progress")).to_have_text(f"1/{total} ticked")
    page.wait_for_load_state("networkidle")  # Material has its sitemap: the next click navigates instantly
    page.evaluate("window.__same_document = true")
    page.locator('.md-nav--primary a[href$="spec-reviews/"]').first.click()
    spec = page.locator('[data-checklist="spec-reviews"]').first
    spec.locator("[data-item] input").first.check()
    expect(spec.locator(".checklist__progress")).to_have_text(re.compile(r"^1/\d+ ticked$"))
    assert page.evaluate("window.__same_document"), "the click loaded a new page: this tested no instant navigation"
    assert console.errors == []
