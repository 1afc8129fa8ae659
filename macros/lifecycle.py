"""The MkDocs side: load the data once, apply company settings, add generated pages and nav,
check published links and page reviews, and keep hidden pages out of nav, search and sitemap.

MkDocs calls these through macros/hooks.py (mkdocs.yml `hooks:`). Problems stop the build
before any page renders, as one `FILE:LINE: PATH: message` line each.
"""

from __future__ import annotations

import gzip
import logging
import posixpath
import re
from pathlib import Path
from typing import Any, NoReturn

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .colours import company_css
from .errors import DataError, Problem, UnknownIdError
from .exports import all_exports
from .freshness import Review, overdue_problems, read_review, render_freshness_table, render_page_review
from .htmltext import escape_config, escape_nav, escape_page_meta, plain
from .loader import Loaded, cache
from .model import Playbook
from .pages import freshness_page, generated_pages, removed_pages
from .permalinks import check_permalinks, read_manifest
from .render.checklist import checklist_page
from .settings import today
from .sitechecks import unsafe_page_names, unsafe_redirects
from .sitesettings import COMPANY_CSS, add_company_section, apply_settings, company_pages, without_pages
from .tables import wrap_tables
from .urls import linker, page_url

log = logging.getLogger("mkdocs.plugins.playbook")
PLAY_BOOST, COPY_BOOST = 4, 0.5
_REVIEWS: dict[str, Review] = {}  # this build's page reviews, by source path (filled in on_files)
OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"  # from the npm package iframe-worker (package.json)
HREF = re.compile(r'href="([^"#?:]*)[#?"]')


def fail(problems: list[Problem], what: str) -> NoReturn:
    for problem in problems:
        log.error(str(problem))
    raise PluginError(f"{len(problems)} {what}; nothing was built")


def load(config: MkDocsConfig) -> Loaded:
    try:
        return cache.get(Path(config.config_file_path).parent, Path(config.docs_dir))
    except DataError as error:
        fail(error.problems, "problem(s) in the playbook data")


@event_priority(100)  # before mkdocs-macros copies the config, so pages see the company's site name
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    loaded = load(config)
    settings = loaded.settings
    apply_settings(config, settings)
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:  # the shim ships with the site, not from a CDN
        config.extra["polyfills"] = [OFFLINE_SHIM]
    nav = _expand_nav(config.nav, [f"roles/{r.id}.md" for r in loaded.playbook.roles])
    pages = company_pages(Path(config.docs_dir), settings)
    nav = add_company_section(nav, pages, settings.pages_section or settings.name or "Company")
    config.nav = without_pages(nav, set(settings.hide))
    escape_config(config)
    redirects = _redirect_maps(config)
    if unsafe := unsafe_redirects(Path(config.config_file_path).read_text(encoding="utf-8"), redirects):
        fail(unsafe, "unsafe redirect(s) in mkdocs.yml")
    redirects.update(dict(settings.redirects))
    for checklist in loaded.playbook.checklists:  # a renamed checklist's old standalone URL redirects
        for old in checklist.old_ids:
            redirects.setdefault(checklist_page(old), checklist_page(checklist.id))
    return config


def _redirect_maps(config: MkDocsConfig) -> dict[str, str]:
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return {}
    return plugin.config.setdefault("redirect_maps", {})


def _expand_nav(nav: Any, role_pages: list[str]) -> Any:
    """Replace the `roles/index.md` entry with a section holding every role's generated page."""
    if isinstance(nav, list):
        return [_expand_nav(item, role_pages) for item in nav]
    if isinstance(nav, dict):
        return {
            title: ["roles/index.md", *role_pages] if value == "roles/index.md" else _expand_nav(value, role_pages)
            for title, value in nav.items()
        }
    return nav


@event_priority(50)  # before mkdocs-redirects reads the pages, so redirects may target generated ones
def on_files(files: Files, config: MkDocsConfig) -> Files:
    loaded = load(config)
    playbook, settings = loaded.playbook, loaded.settings
    if unsafe := unsafe_page_names(f.src_uri for f in files.documentation_pages()):
        fail(unsafe, "unsafe page file name(s)")
    pages = generated_pages(playbook)
    reviews = _reviews(files, config)
    _REVIEWS.clear()  # read once per build; pages look theirs up in on_page_content
    _REVIEWS.update({r.page: r for r in reviews})
    pages["freshness.md"] = freshness_page(render_freshness_table(reviews, today(), linker("freshness/")))
    for src_uri, content in pages.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri}: this page is generated from the data; delete the file")
        in_nav = src_uri.startswith("roles/") or src_uri in ("checklists/index.md", "freshness.md")
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    exports = all_exports(playbook, config.site_url or "", plain(config.site_name))
    if settings.primary or settings.accent:
        exports[COMPANY_CSS] = company_css(settings.primary, settings.accent)
    for path, content in exports.items():
        files.append(_static(config, path, content))
    for file in files.documentation_pages():
        if file.src_uri in settings.hide:
            file.inclusion = InclusionLevel.NOT_IN_NAV  # still built, so direct links keep working
    _check_permalinks(config, files, playbook)
    if settings.fail_on_overdue_reviews and (late := overdue_problems(reviews, today())):
        fail(late, "page(s) overdue for review (settings.fail_on_overdue_reviews)")
    return files


def _reviews(files: Files, config: MkDocsConfig) -> list[Review]:
    """Every page's owner and review date. Broken front matter stops the build here; the
    manifest's own problems (else found later, in _check_permalinks) join them, so one build
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
            if load(config).settings.check_permalinks:
                read_manifest(Path(config.config_file_path).parent, required=True)
        except DataError as error:
            problems += error.problems
        fail(problems, "problem(s) in page front matter or data/permalinks.json")
    return reviews


def _static(config: MkDocsConfig, path: str, content: str) -> File:
    """A generated download. Its source name is neutral so that `checklists/<id>.md` is copied
    as a file, not rendered as a page (which would collide with the page at checklists/<id>/)."""
    file = File.generated(config, f"{path}.download", content=content)
    file.src_uri = path if not path.endswith(".md") else file.src_uri
    file.dest_uri = path
    file.url = path
    return file


def _check_permalinks(config: MkDocsConfig, files: Files, playbook: Playbook) -> None:
    """Fail when a published page, checklist or item is gone, or the manifest is missing or
    malformed. With settings.check_permalinks false the check is skipped entirely, whether or
    not data/permalinks.json exists: the fork opted out on purpose, so the file is not read."""
    if not load(config).settings.check_permalinks:
        return
    try:
        manifest, text = read_manifest(Path(config.config_file_path).parent, required=True)
    except DataError as error:
        fail(error.problems, "problem(s) in data/permalinks.json")
    pages = {page_url(f.src_uri) for f in files.documentation_pages()}  # directory style, as published
    gone_on_purpose = {page_url(src) for src in [*_redirect_maps(config), *removed_pages(playbook)]}
    problems = check_permalinks(manifest, text, playbook, pages, gone_on_purpose)
    if problems:
        fail(problems, "published link(s) would break")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    loaded = load(config)
    src = page.file.src_uri
    if src in loaded.settings.hide:
        page.meta["search"] = {"exclude": True}
    elif loaded.playbook.activities_on(src):
        page.meta.setdefault("search", {"boost": PLAY_BOOST})  # the play ranks above pages that mention it
    elif src.startswith("checklists/") and src != "checklists/index.md":
        page.meta.setdefault("search", {"boost": COPY_BOOST})  # a copy of the play's checklist
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    settings = load(config).settings
    if settings.hide and page.file.src_uri not in settings.hide:
        hidden = {page_url(p): p for p in settings.hide}
        for href in HREF.findall(html):
            target = posixpath.normpath(posixpath.join(page.url or ".", href)) + "/" if href else ""
            if target in hidden:
                raise PluginError(f"docs/{page.file.src_uri}: links to hidden page docs/{hidden[target]} (settings.hide)")
    escape_page_meta(page)
    review = _REVIEWS.get(page.file.src_uri)
    if review:
        html = str(render_page_review(review, today())) + html  # str: Markup + str would escape the page
    return wrap_tables(html)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    escape_nav(nav)
    return nav


def on_post_build(config: MkDocsConfig) -> None:
    """Hidden pages stay reachable by URL but leave the sitemap."""
    hidden = load(config).settings.hide
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if not hidden or not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8")
    for page in hidden:
        text = re.sub(r"\s*<url>\s*<loc>[^<]*/" + re.escape(page_url(page)) + r"</loc>.*?</url>", "", text, flags=re.S)
    sitemap.write_text(text, encoding="utf-8")
    sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def install_error_format() -> None:
    """Make mkdocs-macros report an unknown id as one line naming the page, not a traceback."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # an older mkdocs-macros: its default message still fails the build
        return

    @format_error.register
    def _unknown_id(error: UnknownIdError, markdown: str, page: Any) -> str:
        return f"{page.file.src_path}: {error}"
