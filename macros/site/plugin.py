"""The MkDocs side, as one plugin: load the data once per build, apply company settings, add
generated pages and downloads, check links and page reviews, keep hidden pages out of nav,
search and sitemap, and give mkdocs-macros the page macros.

Registered as `playbook` through the entry point in pyproject.toml; mkdocs.yml lists it last.
Everything a build learns lives on the plugin instance (MkDocs makes a new one for every build,
`mkdocs serve` rebuilds included). Problems stop the build before any page renders, as one
`FILE:LINE: PATH: message` line each.
"""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.contract import checklist_page, page_url
from macros.data.errors import DataError
from macros.data.load import Loaded, load_playbook
from macros.data.model import Review
from macros.data.settings import today
from macros.render.freshness import render_page_review
from macros.render.tables import wrap_tables
from macros.render.view import MACROS, PageView, Site
from macros.render.viewas import your_part_lines
from macros.site import files as site_files
from macros.site.config import configure, public_site_url
from macros.site.htmltext import escape_nav, escape_page_meta
from macros.site.llms import MarkdownCopies
from macros.site.pagehtml import drop_empty_sections, drop_toc_entries, insert_after_title, unlink_hidden
from macros.site.replacements import Replacement
from macros.site.report import fail, install_error_format, log, unused_norm
from macros.site.search import abbreviation_pairs, tune_index



class PlaybookConfig(Config):
    """`- playbook:` options in mkdocs.yml. A fork sets its own in data/company.yml instead."""

    play_boost = c.Type(float, default=4.0)  # search: a play ranks above pages that mention it


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self._loaded: Loaded | None = None
        self.reviews: dict[str, Review] = {}  # by source path, read in on_files
        self.views: dict[str, PageView] = {}  # by page URL: each page's macros and its ids
        self.embedded_copies: set[str] = set()  # standalone checklist pages another page shows (on_env)
        self.replacements: list[Replacement] = []  # the fork's page replacements (on_files)
        self._config: MkDocsConfig | None = None
        self.copies: MarkdownCopies | None = None  # each page's Markdown copy, llms.txt (on_post_page, on_post_build)
        self.nav: Navigation | None = None

    @property
    def loaded(self) -> Loaded:
        assert self._loaded is not None, "on_config loads the data"
        return self._loaded

    @event_priority(100)  # before mkdocs-macros copies the config, so pages see the company's site name
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self._loaded = load_playbook(Path(config.config_file_path).parent, Path(config.docs_dir))
        except DataError as error:
            fail(error.problems, "problem(s) in the playbook data")
        for notice in self.loaded.notices:  # likely mistakes a fork may mean (settings.strict_overlay_ids)
            log.info(f"playbook: notice: {notice}")
        self._config = config
        configure(config, self.loaded)
        self.copies = MarkdownCopies(public_site_url(self.loaded.settings), config.site_name, config.site_description, self.loaded.playbook.words)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """After every on_config: mkdocs-macros has built its Jinja environment by now."""
        macros = config.plugins.get("macros")
        if macros is None:
            raise PluginError("mkdocs.yml: the playbook plugin needs the macros plugin (plugins: - macros)")
        install_error_format()
        current = lambda: macros.page.url if getattr(macros, "page", None) else ""  # noqa: E731
        macros.register_macros({name: self._macro(name, current) for name in MACROS})

    def _macro(self, name: str, current_url: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(self.view(current_url()), name)(*args, **kwargs)

        call.__name__ = call.__qualname__ = name
        call.__doc__ = getattr(PageView, name).__doc__
        return call

    def view(self, url: str) -> PageView:
        """The macros bound to the page published at `url` (one per page, so its ids are unique)."""
        if url not in self.views:
            config = self._config
            assert config is not None, "on_config keeps the config"
            site = Site(self.loaded.playbook, public_site_url(self.loaded.settings), config.use_directory_urls, self.loaded.settings.issue_tracker or None)
            self.views[url] = PageView(site, url)
        return self.views[url]

    @event_priority(50)  # before mkdocs-redirects reads the pages, so redirects may target generated ones
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        settings = self.loaded.settings
        self.replacements = site_files.replace_pages(files, config, self.loaded)
        reviews = site_files.read_reviews(files, config, settings.check_permalinks)
        self.reviews = {r.page: r for r in reviews}
        view_for = lambda src: self.view(page_url(src, config.use_directory_urls))  # noqa: E731
        site_files.add_generated_pages(files, config, self.loaded, view_for, reviews, today(), self.replacements)
        site_files.add_downloads(files, config, self.loaded)
        site_files.hide_pages(files, settings.hide)
        site_files.check_published_links(config, files, self.loaded)
        if settings.fail_on_overdue_reviews:
            site_files.check_overdue(reviews, today())
        assert self.copies is not None, "on_config makes it"
        self.copies.note_files(files)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        escape_nav(nav)
        self.nav = nav
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
        src = page.file.src_uri
        if src in self.loaded.settings.hide:
            page.meta["search"] = {"exclude": True}
        elif self.loaded.playbook.activities_on(src):
            page.meta.setdefault("search", {"boost": self.config.play_boost})
        return markdown

    @event_priority(10)  # before Material's search plugin reads page.meta["search"]
    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, **_: Any) -> Any:
        """A checklist's standalone copy leaves the search index when another page shows the same
        checklist (every page's Markdown has been rendered by now): one hit, the play."""
        if page.file.src_uri in self.embedded_copies:
            page.meta["search"] = {"exclude": True}
        return context

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
        html = self._tidy_for_the_fork(html, page)
        escape_page_meta(page)
        review = self.reviews.get(page.file.src_uri)
        if review:
            html = str(render_page_review(review, today(), self.loaded.playbook.words)) + html  # str: Markup + str would escape the page
        if "data-checklist=" in html or "checklist-transfer" in html or "data-assessment" in html:  # the scripts' words, in the fork's language
            html += str(Markup('<div id="tlp-words" data-words="{}" hidden></div>').format(self.loaded.playbook.words.for_script()))
        return wrap_tables(html)

    def _tidy_for_the_fork(self, html: str, page: Page) -> str:
        """A heading the overlay's removals left empty goes, and links to hidden pages become text."""
        html, emptied = drop_empty_sections(html)
        drop_toc_entries(page.toc, emptied)
        hide = self.loaded.settings.hide
        if hide and page.file.src_uri not in hide:
            html, targets = unlink_hidden(html, page.url, {page_url(p) for p in hide})
            for target in targets:
                log.info(f"playbook: docs/{page.file.src_uri} links to hidden page {target}; shown as plain text")
        return html

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """Every page's Markdown has been rendered, none written yet: note which checklists a page
        shows (their standalone copies leave search), and stop on a norm no page quotes: a number
        the agreement promises and no page teaches."""
        hidden = {page_url(src, config.use_directory_urls) for src in self.loaded.settings.hide}  # a hidden play shows no one
        shown = set().union(*(view.shown_checklists for url, view in self.views.items() if url not in hidden))
        self.embedded_copies = {checklist_page(c) for c in shown}  # read per page in on_page_context
        used = set(self.loaded.playbook.checklist_norms).union(*(view.used_norms for view in self.views.values()))
        unused = [n for n in self.loaded.playbook.norms if n.id not in used]
        unused = site_files.drop_norms_of_replaced_pages(unused, self.replacements, Path(config.docs_dir))
        if unused:
            fail([unused_norm(n) for n in unused], "norm(s) no page uses")
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The page's Markdown copy, made from its final HTML, and the `<link>` that announces it;
        then a play's "your part" lines after its title. Both come after search has read the page
        (on_page_context); the lines are the same sentence on every play, hidden until a reader
        views the site as a role, so they stay out of search results and out of the copies."""
        assert self.copies is not None, "on_config makes it"
        output = self.copies.add(page, output)
        activities = self.loaded.playbook.activities_on(page.file.src_uri)
        if not activities:
            return output
        return insert_after_title(output, str(your_part_lines(self.loaded.playbook, activities)))

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Abbreviations into the search index (before the offline copy packs it); the Markdown
        copies, llms.txt and llms-full.txt; hidden pages stay reachable by URL but leave the sitemap."""
        assert self.copies is not None, "on_config makes it"
        self.copies.write(Path(config.site_dir), self.nav, set(self.loaded.settings.hide))
        abbreviations = Path(config.config_file_path).parent / "includes/abbreviations.md"
        text = abbreviations.read_text(encoding="utf-8") if abbreviations.exists() else ""
        tune_index(Path(config.site_dir), abbreviation_pairs(self.loaded.playbook, text))
        hidden = self.loaded.settings.hide
        sitemap = Path(config.site_dir) / "sitemap.xml"
        if not hidden or not sitemap.exists():
            return
        text = sitemap.read_text(encoding="utf-8")
        for page in hidden:
            text = re.sub(r"\s*<url>\s*<loc>[^<]*/" + re.escape(page_url(page)) + r"</loc>.*?</url>", "", text, flags=re.S)
        sitemap.write_text(text, encoding="utf-8")
        sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
