"""The files the data adds to the build: generated pages, downloads, and the checks that need
every page (page reviews, published permalinks)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from macros.contract import page_url
from macros.data.errors import DataError, Problem
from macros.data.load import Loaded
from macros.data.model import Norm, Review
from macros.data.permalinks import check_permalinks, read_manifest
from macros.render.company import company_css
from macros.render.exports import all_exports
from macros.render.freshness import ReplacedPage, render_freshness_table, render_replaced_pages
from macros.render.pages import ViewFor, freshness_page, generated_pages, generated_paths, removed_pages
from macros.site.checks import unsafe_page_names
from macros.site.config import COMPANY_CSS, public_site_url, redirect_maps
from macros.site.htmltext import plain
from macros.site.replacements import Replacement, apply_replacements
from macros.site.report import fail, log
from macros.site.reviews import overdue_problems, read_review

IN_NAV = ("checklists/index.md", "freshness.md", "norms.md")  # with roles/*: the generated pages the nav lists


def add_generated_pages(
    files: Files, config: MkDocsConfig, loaded: Loaded, view_for: ViewFor, reviews: list[Review], today: dt.date, replacements: list[Replacement]
) -> None:
    """Every page the data implies, and freshness/, which lists the reviews of every page and the replaced ones."""
    if unsafe := unsafe_page_names(f.src_uri for f in files.documentation_pages()):
        fail(unsafe, "unsafe page file name(s)")
    pages = generated_pages(loaded.playbook, view_for)
    view, words = view_for("freshness.md"), loaded.playbook.words
    replaced = [ReplacedPage(r.page, r.source, r.stale) for r in replacements]
    tables = render_freshness_table(reviews, today, view.link, words), render_replaced_pages(replaced, view.link, words)
    pages["freshness.md"] = freshness_page(view, *tables)
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


def replace_pages(files: Files, config: MkDocsConfig, loaded: Loaded) -> list[Replacement]:
    """The fork's docs/company/replace/ pages stand in for upstream's (design contract 7). The log
    names each one; one written against an older upstream page is listed, or stops the build."""
    generated = {*generated_paths(loaded.playbook), "freshness.md"}
    replacements, problems = apply_replacements(files, Path(config.docs_dir), generated)
    if problems:
        fail(problems, "problem(s) in page replacements")
    for replacement in replacements:
        log.info(f"playbook: docs/{replacement.page} is replaced by docs/{replacement.source}")
    stale = [r for r in replacements if r.stale]
    if stale and loaded.settings.fail_on_stale_replacements:
        fail([r.problem() for r in stale], "page replacement(s) to review (settings.fail_on_stale_replacements)")
    for replacement in stale:
        log.info(f"playbook: needs review: {replacement.problem()}")
    return replacements


def read_reviews(files: Files, config: MkDocsConfig, check_manifest: bool) -> list[Review]:
    """Every page's owner and review date. Broken front matter stops the build here; the
    manifest's own problems (else found later, in check_published_links) join them, so one build
    names both and the user fixes everything in one pass."""
    reviews, problems = [], []
    for file in files.documentation_pages():
        if file.abs_src_path and Path(file.abs_src_path).is_file():  # a replaced page: the fork's file
            source = Path(os.path.relpath(file.abs_src_path, config.docs_dir)).as_posix()
            review, found = read_review(Path(config.docs_dir), source)
            problems += found
            if review:
                reviews.append(replace(review, page=file.src_uri))
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



def drop_norms_of_replaced_pages(unused: list[Norm], replacements: list[Replacement], docs_dir: Path) -> list[Norm]:
    """A norm only a replaced upstream page quoted is the fork's choice, not a mistake: log it and
    let the build go on (the working agreement still lists it)."""
    replaced = " ".join((docs_dir / r.page).read_text(encoding="utf-8") for r in replacements)
    kept = []
    for norm in unused:
        if re.search(rf"norm\(\s*['\"]{re.escape(norm.id)}['\"]", replaced):
            log.info(f"playbook: norm '{norm.id}' was quoted only by pages this fork replaces; norms/ still lists it")
        else:
            kept.append(norm)
    return kept
