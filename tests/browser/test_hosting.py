"""Hosting: under a sub-path (https://example.org/handbook/) every page and asset loads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote_plus

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import SiteServer
from tests.conftest import Site, build_site, copy_project, shared_build

TRACKER = "https://git.example.org/team/handbook/-/issues/new"
PAGES = [
    "",
    "plays/force-multiplier/code-reviews/",
    "responsibilities/",
    "checklists/",
    "checklists/code-reviews/",
    "roles/tl/",
    "glossary/",
]


@pytest.fixture(scope="module")
def subpath_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")
        (project / "data/company.yml").write_text(f"settings:\n  site_url: https://example.org/handbook/\n  issue_tracker: {TRACKER}\n")
        return build_site(project, project / "site")

    site = shared_build(tmp_path_factory, "subpath", build)
    server = SiteServer(site.root, prefix="handbook")
    yield server
    server.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_under_a_sub_path_loads_everything(browser: Browser, subpath_server: SiteServer, path: str) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((subpath_server.url(), "data:", "blob:")) else None)
    page.goto(subpath_server.url(path))
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").count() == 1
    link = "article a[href*='/handbook/what']" if path == "" else "a.md-header__button.md-logo"
    page.locator(link).first.click()  # instant navigation stays inside the sub-path
    page.wait_for_load_state("networkidle")
    assert failed == [] and outside == [], failed + outside
    page.close()


def test_checklist_ticks_work_under_a_sub_path(browser: Browser, subpath_server: SiteServer) -> None:
    page = browser.new_page()
    page.goto(subpath_server.url("checklists/code-reviews/"))
    first = page.locator("[data-checklist] [data-item] input[type=checkbox]").first
    first.check()
    page.reload()
    assert first.is_checked()
    page.close()


def test_open_as_issue_prefills_a_gitlab_issue(browser: Browser, subpath_server: SiteServer) -> None:
    context = browser.new_context()
    context.route(f"{TRACKER}**", lambda route: route.fulfill(status=200, body="tracker"))  # no network here
    page = context.new_page()
    page.goto(subpath_server.url("checklists/code-reviews/"))
    page.locator("[data-checklist] [data-item] input[type=checkbox]").first.check()
    with context.expect_page() as opened:
        page.get_by_role("button", name="Open as issue").click()
    url = unquote_plus(opened.value.url)
    assert url.startswith(TRACKER + "?issue[title]=Code reviews&issue[description]=## Code reviews")
    assert "- [x] " in url and "- [ ] " in url
    context.close()


def test_a_checklist_too_long_for_the_trackers_address_goes_to_the_clipboard(browser: Browser, subpath_server: SiteServer) -> None:
    """Above the tracker's address limit (data-tracker-limit, from the build) the issue opens with
    its title only, and the Markdown is on the clipboard to paste."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.route(f"{TRACKER}**", lambda route: route.fulfill(status=200, body="tracker"))
    page = context.new_page()
    page.goto(subpath_server.url("checklists/code-reviews/"))
    box = page.locator("[data-checklist]")
    assert box.get_attribute("data-tracker-limit") == "8000"
    box.evaluate("(el) => { el.dataset.trackerLimit = '300'; }")  # this checklist's address is longer than 300
    with context.expect_page() as opened:
        page.get_by_role("button", name="Open as issue").click()
    url = unquote_plus(opened.value.url)
    assert url == TRACKER + "?issue[title]=Code reviews&issue[description]=Paste the checklist from your clipboard."
    page.wait_for_function("() => document.querySelector('[data-checklist]').textContent.includes('Copied as Markdown')")
    assert page.evaluate("navigator.clipboard.readText()").startswith("## Code reviews")
    context.close()
