"""The self-assessment in a real browser, as a reader and a peer use it: rating in place, a reworded
behavior, comparing with a peer's file or link, exports, print, hostile storage and files, axe."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.axe import axe_light_and_dark, goto, open_scheme
from tests.browser.conftest import DESKTOP, Console, SiteServer
from tests.browser.test_hostile_progress import navigate_instantly
from tests.conftest import Site, build_site, copy_project, shared_build

PAGE = "growth/self-assessment/"
KEY = "tlp:assessment:v1"
REWORDED = "You review only when someone chases you."


def row(page: Page, behavior: str) -> str:
    return f'tr[data-behavior="{behavior}"]'


def radio(page: Page, behavior: str, level: str) -> Locator:
    return page.locator(f'{row(page, behavior)} input[value="{level}"]')


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def link_for(ratings: dict) -> str:
    return "#ratings=" + base64.urlsafe_b64encode(json.dumps({"ratings": ratings}).encode()).decode().rstrip("=")


@pytest.fixture
def watched(page: Page) -> Iterator[tuple[Page, Console]]:
    """The page, failing the test on any dialog (a script from data or a file would open one)."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    console = Console(page)
    yield page, console
    assert dialogs == [] and console.errors == []


def test_a_rating_and_its_evidence_survive_a_reload(watched: tuple[Page, Console], server: SiteServer) -> None:
    page, _ = watched
    page.goto(server.url(PAGE))
    radio(page, "code-reviews", "growing").check()
    radio(page, "spec-reviews", "doing-it").check()
    page.locator(f"{row(page, 'code-reviews')} textarea").fill("PR #12, <b>reviewed</b> in 2h")
    page.reload()
    expect(radio(page, "code-reviews", "growing")).to_be_checked()
    expect(radio(page, "code-reviews", "doing-it")).not_to_be_checked()
    expect(page.locator(f"{row(page, 'code-reviews')} textarea")).to_have_value("PR #12, <b>reviewed</b> in 2h")
    saved = stored(page)["ratings"]
    text = page.locator(row(page, "code-reviews")).get_attribute("data-text")
    assert saved["code-reviews"]["level"] == "growing" and saved["code-reviews"]["f"] == text and saved["code-reviews"]["t"] > 0
    # Rated below the top level: the play that builds it; at the top: none.
    expect(page.locator(f"{row(page, 'code-reviews')} .assess__builds")).to_be_visible()
    builds = page.locator(f"{row(page, 'code-reviews')} .assess__builds a")
    expect(builds).to_have_attribute("href", server.url("plays/force-multiplier/code-reviews/"))  # made absolute by Material
    expect(page.locator(f"{row(page, 'spec-reviews')} .assess__builds")).to_be_hidden()
    expect(page.locator(f"{row(page, 'onboarding')} .assess__builds")).to_be_hidden()
    # The chart: a longer bar for a higher level, and the same values in its text table.
    assert (
        int(page.locator('rect[data-you="spec-reviews"]').get_attribute("width"))
        > int(page.locator('rect[data-you="code-reviews"]').get_attribute("width"))
        > 0
    )
    expect(page.locator('td[data-you="code-reviews"]')).to_have_text("Growing")
    expect(page.locator('td[data-you="onboarding"]')).to_have_text("not rated")
    expect(page.locator('rect[data-you="onboarding"]')).to_have_attribute("width", "0")


@pytest.fixture(scope="session")
def reworded_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The project after an upstream update that rewords one level of code reviews."""

    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")
        path = project / "data/assessment.yml"
        old = "You review when asked, sometimes days later; comments are mostly style."
        assert old in path.read_text()
        path.write_text(path.read_text().replace(old, REWORDED))
        return build_site(project, folder / "site")

    return shared_build(tmp_path_factory, "assessment-reworded", build)


def test_a_reworded_behavior_says_it_changed_since_you_rated_it(page: Page, site: Site, reworded_site: Site) -> None:
    server = SiteServer(site.root)  # its own: the swap to the new build must not reach other tests
    try:
        page.goto(server.url(PAGE))
        radio(page, "code-reviews", "doing-it").check()
        radio(page, "spec-reviews", "growing").check()
        expect(page.locator(".assess__changed:visible")).to_have_count(0)
        server.root = reworded_site.root  # same origin, same storage, new build
        page.reload()
        expect(page.locator(f"{row(page, 'code-reviews')} td[data-level=not-yet]")).to_contain_text(REWORDED)
        expect(radio(page, "code-reviews", "doing-it")).to_be_checked()  # kept by id
        expect(page.locator(f"{row(page, 'code-reviews')} .assess__changed")).to_have_text("(changed since you rated it)")
        expect(page.locator(f"{row(page, 'code-reviews')} .assess__changed")).to_be_visible()
        expect(page.locator(f"{row(page, 'spec-reviews')} .assess__changed")).to_be_hidden()
        radio(page, "code-reviews", "growing").check()  # rated again: the new wording is the one rated
        expect(page.locator(f"{row(page, 'code-reviews')} .assess__changed")).to_be_hidden()
    finally:
        server.close()


THEIRS = {
    "code-reviews": {"level": "doing-it", "evidence": "<img src=x onerror=alert('theirs')> fast reviews"},
    "onboarding": {"level": "not-yet"},
    "__proto__": {"level": "growing", "polluted": True},
    "constructor": {"level": "doing-it"},
    "no-such-behavior": {"level": "growing"},
    "mentoring": {"level": "expert", "evidence": 42},
}


def assert_theirs_shown_beside_mine(page: Page, mine_before: str) -> None:
    code = row(page, "code-reviews")
    expect(page.locator(f"{code} td[data-level=doing-it] .assess__theirs")).to_be_visible()
    expect(page.locator(f"{code} td[data-level=growing] .assess__theirs")).to_be_hidden()
    expect(radio(page, "code-reviews", "growing")).to_be_checked()  # mine, beside theirs
    expect(page.locator(f"{code} .assess__their-ev span")).to_have_text("<img src=x onerror=alert('theirs')> fast reviews")
    expect(page.locator(f"{row(page, 'onboarding')} td[data-level=not-yet] .assess__theirs")).to_be_visible()
    expect(page.locator(".assess__theirs:visible")).to_have_count(2)  # unknown ids and levels ignored
    expect(page.locator('td[data-them="code-reviews"]')).to_have_text("Doing it")
    expect(page.locator('td[data-them="spec-reviews"]')).to_have_text("not rated")
    assert int(page.locator('rect[data-them="code-reviews"]').get_attribute("width")) > int(
        page.locator('rect[data-you="code-reviews"]').get_attribute("width")
    )
    expect(page.locator(".assess-tools__status")).to_have_text("Their ratings are shown beside yours (2 rated); yours are unchanged.")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == mine_before
    assert page.evaluate("({}).polluted === undefined && ({}).level === undefined")
    assert page.locator("img[src=x]").count() == 0


def test_a_peer_file_shows_their_ratings_beside_mine_and_changes_nothing_of_mine(watched: tuple[Page, Console], server: SiteServer) -> None:
    page, _ = watched
    page.goto(server.url(PAGE))
    radio(page, "code-reviews", "growing").check()
    mine = page.evaluate(f"localStorage.getItem('{KEY}')")
    file = {"name": "theirs.json", "mimeType": "application/json", "buffer": json.dumps({"version": 1, "ratings": THEIRS}).encode()}
    page.locator(".assess-tools input[type=file]").set_input_files(file)
    assert_theirs_shown_beside_mine(page, mine)
    page.get_by_role("button", name="Clear their ratings").click()
    expect(page.locator(".assess__theirs:visible")).to_have_count(0)
    expect(page.locator('td[data-them="code-reviews"]')).to_have_text("")
    expect(page.locator(".assess-tools__status")).to_have_text("Their ratings are cleared; yours are unchanged.")
    expect(radio(page, "code-reviews", "growing")).to_be_checked()


def test_a_ratings_link_from_a_peer_shows_beside_mine(browser: Browser, server: SiteServer) -> None:
    peer = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    their_page = peer.new_page()
    their_page.goto(server.url(PAGE))
    radio(their_page, "code-reviews", "doing-it").check()
    radio(their_page, "onboarding", "not-yet").check()
    their_page.locator(f"{row(their_page, 'code-reviews')} textarea").fill("<img src=x onerror=alert('theirs')> fast reviews")
    their_page.get_by_role("button", name="Copy a link with your ratings").click()
    expect(their_page.locator(".assess-tools__status")).to_contain_text("Link copied")
    link = their_page.evaluate("navigator.clipboard.readText()")
    peer.close()
    assert link.startswith(server.url(PAGE) + "#ratings=")
    payload = json.loads(base64.urlsafe_b64decode(link.split("=", 1)[1] + "=="))
    assert set(payload["ratings"]["code-reviews"]) == {"level", "evidence"}  # levels and evidence, nothing else

    reader = browser.new_context(viewport=DESKTOP)
    page = reader.new_page()
    console = Console(page)
    page.goto(server.url(PAGE))
    radio(page, "code-reviews", "growing").check()
    mine = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.goto(link)
    assert_theirs_shown_beside_mine(page, mine)
    page.get_by_role("button", name="Clear their ratings").click()
    assert "#ratings=" not in page.url
    page.reload()
    expect(page.locator(".assess__theirs:visible")).to_have_count(0)
    assert console.errors == []
    reader.close()


def test_markdown_and_json_exports(browser: Browser, server: SiteServer) -> None:
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url(PAGE))
    radio(page, "code-reviews", "growing").check()
    page.locator(f"{row(page, 'code-reviews')} textarea").fill("PR | 12 <b>x</b>")
    page.goto(server.url(PAGE) + link_for({"code-reviews": {"level": "doing-it"}}))
    expect(page.locator(".assess-tools__status")).to_contain_text("Their ratings are shown")  # the link is read: copy after it
    page.get_by_role("button", name="Copy for a 1:1 (Markdown)").click()
    expect(page.locator(".assess-tools__status")).to_have_text("Copied as Markdown.")
    copied = page.evaluate("navigator.clipboard.readText()")
    with page.expect_download() as markdown_file:
        page.get_by_role("button", name="Download .md").click()
    downloaded = Path(markdown_file.value.path()).read_text(encoding="utf-8")
    with page.expect_download() as json_file:
        page.get_by_role("button", name="Download .json").click()
    exported = json.loads(Path(json_file.value.path()).read_text(encoding="utf-8"))
    context.close()
    assert downloaded == copied and markdown_file.value.suggested_filename == "self-assessment.md"
    lines = copied.splitlines()
    assert lines[0].startswith("# Self-assessment, 20") and server.url(PAGE) in lines
    assert "## Be a force multiplier" in lines and "| Behavior | Yours | Theirs | Evidence |" in lines
    assert r"| Code reviews | Growing | Doing it | PR \| 12 \<b\>x\</b\> |" in lines
    assert "| Spec reviews |  |  |  |" in lines and copied.count("## ") == 4
    assert exported == {"version": 1, "ratings": {"code-reviews": {"level": "growing", "evidence": "PR | 12 <b>x</b>"}}}


def test_print_gives_a_sheet_without_buttons_or_inputs(page: Page, server: SiteServer) -> None:
    page.goto(server.url(PAGE))
    radio(page, "code-reviews", "growing").check()
    page.locator(f"{row(page, 'code-reviews')} textarea").fill("Reviewed 40 pull requests")
    page.emulate_media(media="print")
    assert page.locator("button:visible, input:visible, textarea:visible").count() == 0
    expect(page.locator(".assess-tools")).to_be_hidden()
    expect(page.locator(f"{row(page, 'code-reviews')} .assess__print-ev")).to_have_text("Reviewed 40 pull requests")
    expect(page.locator(f"{row(page, 'code-reviews')} .assess__print-ev")).to_be_visible()
    chosen = page.locator(f"{row(page, 'code-reviews')} td[data-level=growing]")
    assert chosen.evaluate("td => getComputedStyle(td).fontWeight") == "700"  # the chosen level stands out
    page.emulate_media(media="screen")
    expect(page.locator(".assess-tools")).to_be_visible()


@pytest.mark.parametrize(
    "garbage",
    [
        "not json",
        "[1,2,3]",
        '{"ratings": 5}',
        '{"ratings": {"__proto__": {"level": "growing"}, "constructor": {"level": "doing-it", "evidence": "<img src=x>"}}}',
        '{"ratings": {"code-reviews": {"level": "<script>alert(1)</script>", "evidence": {"toString": 1}, "f": 7, "t": "x"}}}',
        '{"ratings": {"code-reviews": {"level": "growing", "evidence": "<svg onload=alert(1)>"}, "hasOwnProperty": 1}}',
    ],
    ids=["not-json", "a-list", "ratings-not-a-map", "prototype-keys", "wrong-types", "markup-evidence"],
)
def test_hostile_storage_breaks_nothing(watched: tuple[Page, Console], server: SiteServer, garbage: str) -> None:
    page, _ = watched
    page.goto(server.url(PAGE))
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, garbage])
    page.reload()
    if "svg onload" in garbage:
        expect(page.locator(f"{row(page, 'code-reviews')} textarea")).to_have_value("<svg onload=alert(1)>")
        expect(radio(page, "code-reviews", "growing")).to_be_checked()
    else:
        expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    radio(page, "delegation", "growing").check()
    page.reload()
    expect(radio(page, "delegation", "growing")).to_be_checked()
    assert page.evaluate("({}).level === undefined") and page.locator("svg[onload], img[src=x]").count() == 0


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"ratings": {"no-such-behavior": {"level": "growing"}, "__proto__": {"level": "growing"}}}',
        b'{"ratings": {"code-reviews": {"level": "growing"}}}' + b" " * 1_000_001,
        b'[{"ratings": {}}]',
    ],
    ids=["malformed", "no-known-behavior", "over-1-mb", "not-a-map"],
)
def test_a_file_that_is_not_ratings_is_refused_with_a_message(watched: tuple[Page, Console], server: SiteServer, content: bytes) -> None:
    page, _ = watched
    page.goto(server.url(PAGE))
    page.locator(".assess-tools input[type=file]").set_input_files({"name": "x.json", "mimeType": "application/json", "buffer": content})
    expect(page.locator(".assess-tools__status")).to_have_text("That file or link holds no ratings this page can read.")
    expect(page.locator(".assess__theirs:visible")).to_have_count(0)


@pytest.mark.parametrize(
    "fragment",
    [
        "%%%<script>alert(1)</script>",
        base64.urlsafe_b64encode(b"{not json").decode(),
        link_for({"code-reviews": {"level": "growing", "evidence": "x" * 6000}})[len("#ratings=") :],  # longer than a link may be
        "",
    ],
    ids=["not-base64", "malformed", "too-long", "empty"],
)
def test_a_link_that_is_not_ratings_is_refused_with_a_message(watched: tuple[Page, Console], server: SiteServer, fragment: str) -> None:
    page, _ = watched
    page.goto(server.url(PAGE) + "#ratings=" + fragment)
    expect(page.locator(".assess-tools__status")).to_have_text("That file or link holds no ratings this page can read.")
    expect(page.locator(".assess__theirs:visible")).to_have_count(0)


def test_without_javascript_the_tables_show_as_plain_tables(browser: Browser, server: SiteServer) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url(PAGE))
    expect(page.locator("table.assess__table")).to_have_count(4)
    expect(page.locator("table.assess__table").first.locator("td").first).to_be_visible()
    for hidden in (".assess-tools", ".assess__pick", "th.assess__ev", ".assess__fig"):
        expect(page.locator(hidden).first).to_be_hidden()
    context.close()


def test_pages_without_the_form_are_left_alone(watched: tuple[Page, Console], server: SiteServer) -> None:
    page, _ = watched
    page.goto(server.url("plays/force-multiplier/code-reviews/" + link_for({"code-reviews": {"level": "growing"}})))
    page.wait_for_load_state("load")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert page.locator("[role=status]").evaluate_all("els => els.map(e => e.textContent).join('')") == ""


def test_axe_finds_nothing_when_rated_and_compared(browser: Browser, server: SiteServer) -> None:
    """The states a load does not show: ratings, a reworded row, the play links and a peer's
    ratings in the table and the chart, the chart's table open; light and dark."""
    context = open_scheme(browser, "light", DESKTOP, axe=True)
    page = context.new_page()
    goto(page, server, PAGE, "light")
    mine = {"ratings": {"code-reviews": {"level": "growing", "evidence": "PR 12", "f": "an older wording", "t": 1}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(mine)])
    goto(page, server, PAGE + link_for(THEIRS), "light")
    expect(page.locator(".assess__theirs:visible")).to_have_count(2)
    expect(page.locator(".assess__changed:visible")).to_have_count(1)
    page.locator("details.assess__data summary").first.click()
    problems = axe_light_and_dark(page, f"/{PAGE}, rated and compared", every_rule_in_dark=True)
    context.close()
    assert not problems, "\n".join(problems)


def test_instant_navigation_sets_the_form_up_again(page: Page, server: SiteServer, site: Site) -> None:
    navigate_instantly(page.context, server, site)
    page.goto(server.url(PAGE))
    page.wait_for_load_state("networkidle")  # Material has its sitemap: clicks navigate instantly
    page.evaluate("window.__same_document = true")
    radio(page, "focus-time", "doing-it").check()
    # dispatched, not clicked: the sidebar scrolls itself under a busy machine and a real click can miss
    page.locator("nav.md-nav--primary a.md-nav__link[href$='before-the-title/']").first.dispatch_event("click")
    page.wait_for_url("**/before-the-title/")
    page.locator("nav.md-nav--primary a.md-nav__link[href$='self-assessment/']").first.dispatch_event("click")
    page.wait_for_url("**/self-assessment/")
    assert page.evaluate("window.__same_document"), "a page load, not an instant navigation"
    expect(radio(page, "focus-time", "doing-it")).to_be_checked()
    radio(page, "saying-no", "growing").check()
    assert set(stored(page)["ratings"]) == {"focus-time", "saying-no"}
