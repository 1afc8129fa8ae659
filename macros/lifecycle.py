"""The MkDocs side: load the data once, add the generated pages and nav, write the exports.

MkDocs calls these through macros/hooks.py (mkdocs.yml `hooks:`). Data problems stop the
build here, before any page renders, as one `FILE:LINE: PATH: message` line each.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .errors import DataError, UnknownIdError
from .exports import all_exports
from .loader import Loaded, cache
from .model import Playbook
from .pages import generated_pages, removed_pages
from .permalinks import check_permalinks, read_manifest
from .render.checklist import checklist_page
from .urls import page_url

log = logging.getLogger("mkdocs.plugins.playbook")


def load(config: MkDocsConfig) -> Loaded:
    try:
        return cache.get(Path(config.config_file_path).parent, Path(config.docs_dir))
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        count = len(error.problems)
        raise PluginError(f"{count} problem{'s' if count != 1 else ''} in the playbook data; nothing was built") from None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    playbook = load(config).playbook
    config.nav = _expand_nav(config.nav, [f"roles/{r.id}.md" for r in playbook.roles])
    redirects = _redirect_maps(config)
    for checklist in playbook.checklists:  # a renamed checklist's old standalone URL redirects
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
            title: (["roles/index.md", *role_pages] if value == "roles/index.md" else _expand_nav(value, role_pages))
            for title, value in nav.items()
        }
    return nav


@event_priority(50)  # before mkdocs-redirects reads the pages, so redirects may target generated ones
def on_files(files: Files, config: MkDocsConfig) -> Files:
    playbook = load(config).playbook
    for src_uri, content in generated_pages(playbook).items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri}: this page is generated from the data; delete the file")
        in_nav = src_uri.startswith("roles/") or src_uri == "checklists/index.md"
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    for path, content in all_exports(playbook, config.site_url or "").items():
        files.append(_static(config, path, content))
    _check_permalinks(config, files, playbook)
    return files


def _check_permalinks(config: MkDocsConfig, files: Files, playbook: Playbook) -> None:
    manifest, text = read_manifest(Path(config.config_file_path).parent)
    pages = {"" if f.url == "./" else f.url for f in files.documentation_pages()}
    gone_on_purpose = {page_url(src) for src in [*_redirect_maps(config), *removed_pages(playbook)]}
    problems = check_permalinks(manifest, text, playbook, pages, gone_on_purpose)
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise PluginError(f"{len(problems)} published link(s) would break; nothing was built")


def _static(config: MkDocsConfig, path: str, content: str) -> File:
    """A generated download. Its source name is neutral so that `checklists/<id>.md` is copied
    as a file, not rendered as a page (which would collide with the page at checklists/<id>/)."""
    file = File.generated(config, f"{path}.download", content=content)
    file.src_uri = path if not path.endswith(".md") else file.src_uri
    file.dest_uri = path
    file.url = path
    return file


def install_error_format() -> None:
    """Make mkdocs-macros report an unknown id as one line naming the page, not a traceback."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # an older mkdocs-macros: its default message still fails the build
        return

    @format_error.register
    def _unknown_id(error: UnknownIdError, markdown: str, page: Any) -> str:
        return f"{page.file.src_path}: {error}"
