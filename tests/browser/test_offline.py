"""No other origin, ever: the offline copy (`make offline`) works opened from a folder with no
network at all, search included. (That the hosted site asks only its own server is checked in
tests/browser/test_tour.py, and in every page's HTML by tests/site/test_integrity.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import LOCAL_SCHEMES
from tests.conftest import ROOT, Site, build_site, copy_project, shared_build


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")
        glossary = project / "docs/glossary.md"
        glossary.write_text(glossary.read_text(encoding="utf-8") + "\n- [x] A finished task\n", encoding="utf-8")
        return build_site(project, project / "site", env={"PLAYBOOK_OFFLINE": "true"})

    return shared_build(tmp_path_factory, "offline", build)


@pytest.fixture
def file_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context()
    page = context.new_page()
    network: list[str] = []
    page.on("request", lambda r: network.append(r.url) if not r.url.startswith(("file://", *LOCAL_SCHEMES)) else None)
    yield page, network
    context.close()


def test_offline_copy_reads_navigates_and_searches_from_a_folder(offline_site: Site, file_page: tuple[Page, list[str]]) -> None:
    page, network = file_page
    page.goto((offline_site.root / "index.html").as_uri())
    expect(page.locator("article h1")).to_contain_text("Tech Lead Playbook")
    page.locator("article a[href$='plays/partnering/index.html']").first.click()
    expect(page).to_have_url(str((offline_site.root / "plays/partnering/index.html").as_uri()))
    page.locator("input.md-search__input").first.click()
    page.keyboard.type("estimation")
    result = page.locator(".md-search-result__item a[href*='estimation']").first
    expect(result).to_be_visible(timeout=30_000)
    assert network == [], network


def test_offline_copy_saves_ticks(offline_site: Site, file_page: tuple[Page, list[str]]) -> None:
    page, network = file_page
    page.goto((offline_site.root / "checklists/code-reviews.html").as_uri())
    box = page.locator("[data-checklist] [data-item] input[type=checkbox]").first
    box.check()
    page.reload()
    expect(box).to_be_checked()
    assert network == []


def test_offline_copy_names_task_list_boxes(offline_site: Site, file_page: tuple[Page, list[str]]) -> None:
    """Material's document$ never fires on file://, so the naming must not wait for it."""
    page, _ = file_page
    page.goto((offline_site.root / "glossary.html").as_uri())
    expect(page.locator(".task-list-item input[type=checkbox]")).to_have_accessible_name("A finished task")


def test_offline_shim_is_the_npm_package_file() -> None:
    shipped = (ROOT / "docs/assets/vendor/iframe-worker/shim.js").read_bytes()
    package = ROOT / "node_modules/iframe-worker/shim/index.js"
    assert package.exists(), "run `npm ci` (make test does)"
    assert shipped == package.read_bytes(), "update docs/assets/vendor/iframe-worker/shim.js from node_modules"


def test_offline_copy_views_the_site_as_a_role(offline_site: Site, file_page: tuple[Page, list[str]]) -> None:
    page, network = file_page
    page.goto((offline_site.root / "plays/force-multiplier/code-reviews.html").as_uri() + "?as=eng")
    expect(page.locator('article .your-part[data-role="eng"]')).to_be_visible()
    page.goto((offline_site.root / "checklists/index.html").as_uri())  # saved: no ?as= needed any more
    badge = page.locator('[data-checklist-link="code-reviews"] > a').evaluate("el => getComputedStyle(el, '::after').content")
    assert badge == '" Yours"'
    expect(page.get_by_label("View as")).to_have_value("eng")
    assert network == []
