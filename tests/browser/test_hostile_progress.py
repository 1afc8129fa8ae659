"""Saved ticks survive any id and any file: hostile storage, imports, links and palette values
must never run script, throw, or lose a tick. Each test checks what a reader sees."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import Console, SiteServer
from tests.conftest import Site, build_site, copy_project, edit_checklists, shared_build

PLAY = "plays/force-multiplier/code-reviews/"
ALONE = "checklists/code-reviews/"
INDEX = "checklists/"
ODD = "checklists/constructor/"  # a checklist whose id, and whose items' ids, name Object.prototype members
ODD_ITEMS = ["constructor", "prototype", "valueof"]
KEY = "tlp:checklist:v1:"
STORAGE_JS = "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('tlp:')).map(k => [k, localStorage.getItem(k)]))"
FULL_STORAGE_JS = "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"


def box(checklist: str) -> str:
    return f'[data-checklist="{checklist}"]'


def item(page: Page, checklist: str, item_id: str):
    return page.locator(f'{box(checklist)} [data-item="{item_id}"] input[type=checkbox]').first


def progress(page: Page, checklist: str):
    return page.locator(f"{box(checklist)} .checklist__progress").first


def saved(page: Page) -> dict[str, str]:
    """Every saved-progress key and its raw value, exactly as stored."""
    return page.evaluate(STORAGE_JS)


def items_of(site: Site, url: str, checklist: str) -> list[tuple[str, str]]:
    """(item id, fingerprint) of a checklist as built."""
    return [(li["data-item"], li["data-text"]) for li in site.article(url).select(f"{box(checklist)} [data-item]")]


def export_file(checklists: dict, name: str = "progress.json") -> dict:
    text = json.dumps({"version": 1, "checklists": checklists})
    return {"name": name, "mimeType": "application/json", "buffer": text.encode()}


def import_file(page: Page, file: dict) -> None:
    page.locator(".checklist-transfer input[type=file]").set_input_files(file)


def status(page: Page):
    return page.locator(".checklist-transfer [role=status]")


def navigate_instantly(context: BrowserContext, server: SiteServer, site: Site) -> None:
    """Material navigates instantly only to URLs in sitemap.xml, compared with their port, and the
    built sitemap names the production host: on a test port every click would load a whole page.
    Served with this port, clicks really are instant navigations (the tests check they are)."""
    sitemap = re.sub(r"<loc>https?://[^/<]+/", f"<loc>{server.origin}/", site.path("sitemap.xml").read_text(encoding="utf-8"))
    context.route("**/sitemap.xml", lambda route: route.fulfill(body=sitemap, content_type="application/xml"))


def click_nav(page: Page, path: str, primary: bool = False) -> None:
    page.locator(f"{'nav.md-nav--primary ' if primary else ''}a.md-nav__link[href$='{path}']").first.click()
    page.wait_for_url(f"**/{path}")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site with a checklist `constructor` (items `constructor`, `prototype`, `valueof`), and
    aliases: checklist `legacy-list` became `constructor`, its item `old-step` became `prototype`."""

    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")

        def add(data: dict) -> None:
            items = [{"id": i, "text": f"Check the {i} step."} for i in ODD_ITEMS]
            data["checklists"].append({"id": "constructor", "title": "Object checks", "items": items})
            data["aliases"] = {"checklists": {"legacy-list": "constructor"}, "items": {"constructor": {"old-step": "prototype"}}}

        edit_checklists(project, add)
        return build_site(project, project / "site")

    return shared_build(tmp_path_factory, "hostile-progress", build)


@pytest.fixture(scope="module")
def hostile(hostile_site: Site) -> Iterator[SiteServer]:
    running = SiteServer(hostile_site.root)
    yield running
    running.close()


def ticks_from_nothing(page: Page, tick: str) -> None:
    """Every item of the odd checklist starts unticked; ticking `tick` counts one and survives a reload."""
    for item_id in ODD_ITEMS:
        expect(item(page, "constructor", item_id)).not_to_be_checked()
    expect(progress(page, "constructor")).to_have_text("0 of 3 done")
    item(page, "constructor", tick).check()
    expect(progress(page, "constructor")).to_have_text("1 of 3 done")
    page.reload()
    expect(item(page, "constructor", tick)).to_be_checked()


def test_prototype_named_ids_start_unticked_tick_untick_and_survive_a_reload(page: Page, hostile: SiteServer) -> None:
    console = Console(page)
    page.goto(hostile.url(ODD))
    ticks_from_nothing(page, "constructor")
    expect(item(page, "constructor", "prototype")).not_to_be_checked()
    item(page, "constructor", "constructor").uncheck()
    item(page, "constructor", "prototype").check()
    expect(progress(page, "constructor")).to_have_text("1 of 3 done")
    page.reload()
    expect(item(page, "constructor", "constructor")).not_to_be_checked()
    expect(item(page, "constructor", "prototype")).to_be_checked()
    assert list(json.loads(saved(page)[KEY + "constructor"])["items"]) == ["prototype"]
    assert console.errors == []


HOSTILE_STORAGE = {
    KEY + "constructor": '{"items": {"__proto__": {"f": "x", "t": 1}, "constructor": 5, "prototype": {"f": 1, "t": "2"}, "valueof": null}}',
    KEY + "__proto__": '{"items": {"__proto__": {"f": "x", "t": 1}}}',
    KEY + "toString": '{"__proto__": {"items": {"constructor": {"f": "x", "t": 1}}}}',
    KEY + "hasOwnProperty": "{not json",
    KEY + "code-reviews": '{"items": {"constructor": {"f": "x", "t": 1}, "valueOf": [], "toString": "yes"}}',
}


def test_hostile_saved_keys_and_items_break_nothing(page: Page, hostile: SiteServer) -> None:
    console = Console(page)
    page.goto(hostile.url(ODD))
    page.evaluate("(pairs) => Object.entries(pairs).forEach(([k, v]) => localStorage.setItem(k, v))", HOSTILE_STORAGE)
    page.reload()
    ticks_from_nothing(page, "valueof")  # none of the malformed entries counts as a tick
    # "__proto__" is an ordinary item id: it survives being read and written back.
    assert sorted(json.loads(saved(page)[KEY + "constructor"])["items"]) == ["__proto__", "valueof"]
    page.goto(hostile.url(ALONE))
    expect(page.locator(f"{box('code-reviews')} input:checked")).to_have_count(0)
    page.goto(hostile.url(INDEX))
    with page.expect_download() as info:
        page.get_by_role("button", name="Export all progress (.json)").click()
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert list(exported["checklists"]["__proto__"]["items"]) == ["__proto__"]
    assert exported["checklists"]["toString"] == {"items": {}}
    assert console.errors == []


def test_import_merges_moves_aliases_ignores_unknown_ids_and_undo_restores_exactly(
    context: BrowserContext, hostile: SiteServer, hostile_site: Site
) -> None:
    (a, fa), (b, fb), (c, fc) = items_of(hostile_site, ALONE, "code-reviews")[:3]
    odd = dict(items_of(hostile_site, ODD, "constructor"))
    reader = context.new_page()  # a second tab, showing what the import changes as it happens
    reader.goto(hostile.url(ALONE))
    before_import = {a: {"f": fa, "t": 1}, c: {"f": "stale", "t": 1}}  # c was ticked before its wording changed
    reader.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + "code-reviews", json.dumps({"items": before_import})])
    reader.goto(hostile.url(ODD))
    index = context.new_page()
    console = Console(index)
    index.goto(hostile.url(INDEX))
    before = saved(index)
    file = export_file(
        {
            "code-reviews": {"items": {b: {"f": fb, "t": 5}, c: {"f": fc, "t": 9}, "no-such-item": {"f": "x", "t": 5}}},
            "legacy-list": {"items": {"old-step": {"f": odd["prototype"], "t": 5}, "constructor": {"f": odd["constructor"], "t": 5}}},
            "no-such-list": {"items": {"x": {"f": "x", "t": 5}}},
            "__proto__": {"items": {"__proto__": {"f": "x", "t": 5}}},
        }
    )
    import_file(index, file)
    expect(status(index)).to_contain_text("Imported progress for 2 checklists. Ignored 2 checklists and 1 item this site does not have.")
    # The other tab shows the merge at once: the renamed checklist and item landed on their new ids.
    expect(item(reader, "constructor", "prototype")).to_be_checked()
    expect(item(reader, "constructor", "constructor")).to_be_checked()
    expect(progress(reader, "constructor")).to_have_text("2 of 3 done")
    after = saved(index)
    assert set(after) == {KEY + "code-reviews", KEY + "constructor"}  # nothing stored for unknown or old ids
    merged = json.loads(after[KEY + "code-reviews"])["items"]
    assert set(merged) == {a, b, c} and merged[c] == {"f": fc, "t": 9}  # ticked in both: the newer tick wins
    reader.goto(hostile.url(ALONE))
    for ticked in (a, b, c):
        expect(item(reader, "code-reviews", ticked)).to_be_checked()
    expect(reader.locator(f'{box("code-reviews")} [data-item="{c}"] .checklist__changed')).to_have_count(0)
    index.get_by_role("button", name="Undo").click()
    expect(status(index)).to_contain_text("Import undone.")
    assert saved(index) == before  # the constructor key, absent before, is gone again
    expect(item(reader, "code-reviews", a)).to_be_checked()
    expect(item(reader, "code-reviews", b)).not_to_be_checked()
    expect(reader.locator(f'{box("code-reviews")} [data-item="{c}"] .checklist__changed')).to_have_count(1)
    expect(index.locator(".checklist-transfer input[type=file]")).to_be_focused()
    assert console.errors == []


def test_import_with_full_storage_says_so_and_changes_nothing(context: BrowserContext, server: SiteServer, site: Site) -> None:
    (a, _), (b, fb) = items_of(site, ALONE, "code-reviews")[:2]
    page = context.new_page()
    console = Console(page)
    page.goto(server.url(ALONE))
    item(page, "code-reviews", a).check()
    before = saved(page)
    page.add_init_script(FULL_STORAGE_JS)
    page.goto(server.url(INDEX))
    import_file(page, export_file({"code-reviews": {"items": {b: {"f": fb, "t": 5}}}, "spec-reviews": {"items": {}}}))
    expect(status(page)).to_have_text("Your browser's storage is full or turned off: nothing was imported.")
    expect(page.get_by_role("button", name="Undo")).to_have_count(0)
    assert saved(page) == before
    page.goto(server.url(ALONE))
    expect(item(page, "code-reviews", a)).to_be_checked()
    expect(item(page, "code-reviews", b)).not_to_be_checked()
    assert console.errors == []


NOT_EXPORTS = {
    "not json": b"{not json",
    "empty": b"",
    "array": b"[1, 2, 3]",
    "number": b"42",
    "no version": json.dumps({"checklists": {"code-reviews": {"items": {}}}}).encode(),
    "checklists is a list": json.dumps({"version": 1, "checklists": [{"items": {}}]}).encode(),
    "items is a list": json.dumps({"version": 1, "checklists": {"code-reviews": {"items": [[[{}]]]}}}).encode(),
    "tick of the wrong shape": json.dumps({"version": 1, "checklists": {"code-reviews": {"items": {"a": {"f": 1, "t": "now"}}}}}).encode(),
    "deep nesting": b'{"version": 1, "checklists": ' + b'{"a": ' * 5000 + b"1" + b"}" * 5001,
    "huge": json.dumps(
        {"version": 1, "checklists": {f"list-{i}": {"items": {"a": {"f": "x" * 99, "t": 1}}} for i in range(20000)}}
    ).encode(),  # a well-formed export of 3 MB: too big to be a real one
}


@pytest.mark.parametrize("content", NOT_EXPORTS.values(), ids=NOT_EXPORTS.keys())
def test_a_file_that_is_not_an_export_changes_nothing(page: Page, server: SiteServer, site: Site, content: bytes) -> None:
    console = Console(page)
    first = items_of(site, ALONE, "code-reviews")[0][0]
    page.goto(server.url(ALONE))
    item(page, "code-reviews", first).check()
    before = saved(page)
    page.goto(server.url(INDEX))
    import_file(page, {"name": "progress.json", "mimeType": "application/json", "buffer": content})
    expect(status(page)).to_have_text("That file is not a progress export.")
    assert saved(page) == before
    assert console.errors == []


def test_malformed_fragment_then_instant_navigation_still_ticks(context: BrowserContext, server: SiteServer, site: Site) -> None:
    navigate_instantly(context, server, site)
    page = context.new_page()
    console = Console(page)
    page.goto(server.url(PLAY) + "#%E0%A4%A")  # decodeURIComponent throws on it
    page.wait_for_load_state("networkidle")  # Material has the sitemap: clicks are instant
    page.evaluate("window.__same_document = true")
    click_nav(page, "spec-reviews/", primary=True)
    first = items_of(site, "plays/force-multiplier/spec-reviews/", "spec-reviews")[0][0]
    item(page, "spec-reviews", first).check()
    expect(progress(page, "spec-reviews")).to_contain_text("1 of")
    assert page.evaluate("window.__same_document"), "the click loaded a new page: this tested no instant navigation"
    assert console.errors == []


WRITES_JS = """
window.__ticks_written = 0;
const store = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (String(key).startsWith("tlp:")) window.__ticks_written++;
  return store.call(this, key, value);
};
"""


def test_one_tick_is_one_write_before_and_after_instant_navigation(context: BrowserContext, server: SiteServer, site: Site) -> None:
    """Each checklist listens once: a second listener would write every tick twice."""
    (a, _), (b, _) = items_of(site, PLAY, "code-reviews")[:2]
    total = len(items_of(site, PLAY, "code-reviews"))
    navigate_instantly(context, server, site)
    context.add_init_script(WRITES_JS)  # runs once per document: instant navigation keeps the count
    page = context.new_page()
    page.goto(server.url(PLAY))
    page.wait_for_load_state("networkidle")
    item(page, "code-reviews", a).check()
    expect(progress(page, "code-reviews")).to_have_text(f"1 of {total} done")
    assert page.evaluate("window.__ticks_written") == 1
    click_nav(page, "spec-reviews/", primary=True)
    click_nav(page, "code-reviews/")
    page.go_back()
    page.wait_for_url("**/spec-reviews/")
    page.go_forward()
    page.wait_for_url("**/code-reviews/")
    expect(item(page, "code-reviews", a)).to_be_checked()
    item(page, "code-reviews", b).check()
    expect(progress(page, "code-reviews")).to_have_text(f"2 of {total} done")
    item(page, "code-reviews", b).uncheck()
    expect(progress(page, "code-reviews")).to_have_text(f"1 of {total} done")
    assert page.evaluate("window.__ticks_written") == 3  # 0 would mean a page load, not instant navigation


def test_a_stored_key_that_is_no_css_identifier_breaks_nothing(context: BrowserContext, server: SiteServer, site: Site) -> None:
    """Another tab's keys reach this tab as storage events; their ids go into selectors escaped."""
    first = items_of(site, ALONE, "code-reviews")[0][0]
    reader, other = context.new_page(), context.new_page()
    console = Console(reader)
    reader.goto(server.url(ALONE))
    other.goto(server.url(PLAY))
    other.evaluate("(keys) => keys.forEach((k) => localStorage.setItem(k, '{}'))", [KEY + 'a"] b', KEY + "\\", KEY + "]['x"])
    item(other, "code-reviews", first).check()
    expect(item(reader, "code-reviews", first)).to_be_checked()  # events arrive in order: the odd keys came first
    assert console.errors == []


@pytest.mark.parametrize("garbage", ["{not json", '{"color": "slate"}', "[]"])
def test_garbage_palette_is_dropped_and_the_toggle_still_works(page: Page, server: SiteServer, garbage: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(server.url(""))
    page.evaluate("(value) => localStorage.setItem(__md_scope.pathname + '.__palette', value)", garbage)
    console = Console(page)
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")  # the default, not what garbage made of it
    stored = page.evaluate("JSON.parse(localStorage.getItem(__md_scope.pathname + '.__palette'))")  # Material saved a good one
    good = isinstance(stored, dict) and isinstance(stored.get("color"), dict) and all(isinstance(v, str) for v in stored["color"].values())
    assert stored is None or good, stored
    page.get_by_title("Switch to light mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert console.errors == []
