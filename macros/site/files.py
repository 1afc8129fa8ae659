"""The files the data adds to the build: generated pages, downloads, and the checks that need
every page (page reviews, published permalinks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from macros.contract import page_url
from macros.data.errors import DataError, Problem
from macros.data.load import Loaded
from macros.data.model import Review
from macros.data.permalinks import check_permalinks, read_manifest
from macros.render.company import company_css
from macros.render.exports import all_exports
from macros.render.freshness import render_freshness_table
from macros.render.pages import ViewFor, freshness_page, generated_pages, removed_pages
from macros.site.checks import unsafe_page_names
from macros.site.config import COMPANY_CSS, public_site_url, redirect_maps
from macros.site.htmltext import plain
from macros.site.report import fail
from macros.site.reviews import overdue_problems, read_review

IN_NAV = ("checklists/index.md", "freshness.md", "norms.md")  # with roles/*: the generated pages the nav lists


def add_generated_pages(files: Files, config: MkDocsConfig, loaded: Loaded, view_for: ViewFor, reviews: list[Review], today: dt.date) -> None:
    """Every page the data implies, and freshness/, which lists the reviews of every page."""
    if unsafe := unsafe_page_names(f.src_uri for f in files.documentation_pages()):
        fail(unsafe, "unsafe page file name(s)")
    pages = generated_pages(loaded.playbook, view_for)
    pages["freshness.md"] = freshness_page(render_freshness_table(reviews, today, view_for("freshness.md").link))
    for src_uri, content in pages.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri}: this page is generated from the data; delete the file")
        in_nav = src_uri.startswith("roles/") or src_uri in IN_NAV
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))


def add_downloads(files: Files, config: MkDocsConfig, loaded: Loaded) -> None:
    """The exports (design contract 5) and the company's colours."""
    settings = loaded.settings
    exports = all_exports(loaded.playbook, public_site_url(settings), plain(config.site_name))
    if settings.primary or settings.accent:
        exports[COMPANY_CSS] = company_css(settings.primary, settings.accent)
    for path, content in exports.items():
        files.append(_static(config, path, content))


def hide_pages(files: Files, hidden: Iterable[str]) -> None:
    """Hidden pages are still built, so direct links keep working, but leave the nav."""
    hidden = set(hidden)
    for file in files.documentation_pages():
        if file.src_uri in hidden:
            file.inclusion = InclusionLevel.NOT_IN_NAV


def _static(config: MkDocsConfig, path: str, content: str) -> File:
    """A generated download. Its source name is neutral so that `checklists/<id>.md` is copied
    as a file, not rendered as a page (which would collide with the page at checklists/<id>/)."""
    file = File.generated(config, f"{path}.download", content=content)
    file.src_uri = path if not path.endswith(".md") else file.src_uri
    file.dest_uri = path
    file.url = path
    return file


def read_reviews(files: Files, config: MkDocsConfig, check_manifest: bool) -> list[Review]:
    """Every page's owner and review date. Broken front matter stops the build here; the
    manifest's own problems (else found later, in check_published_links) join them, so one build
    names both and the user fixes everything in one pass."""
    reviews, problems = [], []
    for file in files.documentation_pages():
        if file.abs_src_path and Path(file.abs_src_path).is_file():
            review, found = read_review(Path(config.docs_dir), file.src_uri)
            problems += found
            if review:
                reviews.append(review)
    if problems:
        try:
            if check_manifest:
                read_manifest(Path(config.config_file_path).parent, required=True)
        except DataError as error:
            problems += error.problems
        fail(problems, "problem(s) in page front matter or data/permalinks.json")
    return reviews


def check_overdue(reviews: list[Review], today: dt.date) -> None:
    if late := overdue_problems(reviews, today):
        fail(late, "page(s) overdue for review (settings.fail_on_overdue_reviews)")


def check_published_links(config: MkDocsConfig, files: Files, loaded: Loaded) -> None:
    """Fail when a published page, checklist or item is gone, or the manifest is missing or
    malformed. With settings.check_permalinks false the check is skipped entirely, whether or
    not data/permalinks.json exists: the fork opted out on purpose, so the file is not read."""
    if not loaded.settings.check_permalinks:
        return
    try:
        manifest, text = read_manifest(Path(config.config_file_path).parent, required=True)
    except DataError as error:
        fail(error.problems, "problem(s) in data/permalinks.json")
    pages = {page_url(f.src_uri) for f in files.documentation_pages()}  # directory style, as published
    gone_on_purpose = {page_url(src) for src in [*redirect_maps(config), *removed_pages(loaded.playbook)]}
    problems: list[Problem] = check_permalinks(manifest, text, loaded.playbook, pages, gone_on_purpose)
    if problems:
        fail(problems, "published link(s) would break")

