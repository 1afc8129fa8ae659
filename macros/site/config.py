"""Apply company settings to the MkDocs config, so a fork never edits mkdocs.yml.

Also shapes the nav (role pages, the company section, hidden pages out) and the redirects.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

from mkdocs.config.defaults import MkDocsConfig

from macros.data.wordbook import DEFAULTS
from macros.contract import checklist_page
from macros.data.load import Loaded
from macros.data.errors import Location, Problem
from macros.data.model import Playbook
from macros.data.navsettings import NavShape
from macros.data.settings import Settings
from macros.render.company import footer_html
from macros.site.checks import unsafe_redirects
from macros.site.htmltext import escape_config
from macros.site.replacements import REPLACE_DIR
from macros.site.report import fail

COMPANY_CSS = "assets/company.css"
OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"  # from the npm package iframe-worker (package.json)


def configure(config: MkDocsConfig, loaded: Loaded) -> None:
    """Everything the data changes in the config: settings, nav, redirects."""
    settings = loaded.settings
    apply_settings(config, settings)
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:  # the shim ships with the site, not from a CDN
        config.extra["polyfills"] = [OFFLINE_SHIM]
    config.extra["search_weak_words"] = weak_words(loaded.playbook)
    words = loaded.playbook.words
    config.extra["words"] = {key: words(key) for key in DEFAULTS if key.startswith(("404-", "view-as"))}  # for overrides/
    config.extra["view_as"] = [{"id": r.id, "name": r.name} for r in loaded.playbook.roles]  # the picker (overrides/main.html)
    nav = expand_roles(config.nav, [f"roles/{r.id}.md" for r in loaded.playbook.roles], loaded.playbook.words("roles-title"))
    nav = retitle_sections(nav, {a.page: a.name for a in loaded.playbook.areas if a.page})  # areas named from the data
    pages = company_pages(Path(config.docs_dir), settings)
    nav = add_company_section(nav, pages, settings.pages_section or settings.name or loaded.playbook.words("company-section"))
    nav = shape_nav(nav, settings.nav)
    config.nav = without_pages(nav, set(settings.hide))
    escape_config(config)
    redirects = redirect_maps(config)
    if unsafe := unsafe_redirects(Path(config.config_file_path).read_text(encoding="utf-8"), redirects):
        fail(unsafe, "unsafe redirect(s) in mkdocs.yml")
    redirects.update(dict(settings.redirects))
    for checklist in loaded.playbook.checklists:  # a renamed checklist's old standalone URL redirects
        for old in checklist.old_ids:
            redirects.setdefault(checklist_page(old), checklist_page(checklist.id))


def weak_words(playbook: Playbook) -> str:
    """The words of role titles, and "team", which nearly every page holds, for assets/search.js:
    "tech+lead+...". Letters only, each percent-encoded, so none can break out of the worker URL."""
    words = {w for role in playbook.roles for w in re.findall(r"[^\W\d_]+", f"{role.name} {role.plural}".lower())}
    return "+".join(quote(w, safe="") for w in sorted(words | {"team", "teams"}))


def public_site_url(settings: Settings) -> str:
    """The address printed sheets and exports lead back to: the company's `site_url`, or none.
    Upstream's mkdocs.yml holds a placeholder domain (for the sitemap and canonical links), and an
    intranet printout or a pasted export pointing there would be wrong; without an address they
    give site-root paths (`/plays/...`) instead."""
    return settings.site_url.rstrip("/") + "/" if settings.site_url else ""


def apply_settings(config: MkDocsConfig, settings: Settings) -> None:
    if settings.site_name or settings.name:
        config.site_name = settings.site_name or f"{settings.name} Tech Lead Playbook"
    if settings.site_url:
        config.site_url = settings.site_url.rstrip("/") + "/"
    if settings.language:  # Material's own translations, and <html lang> on every page
        config.theme["language"] = settings.language
    if settings.footer or settings.contact:
        config.copyright = footer_html(settings.footer, settings.contact, settings.contact_text)
    if settings.repo_url:
        config.repo_url = settings.repo_url
        config.repo_name = urlparse(settings.repo_url).path.strip("/") or settings.repo_url
        config.edit_uri = settings.edit_uri or "edit/main/docs/"
    if settings.logo:
        config.theme["logo"] = settings.logo
    if settings.favicon:
        config.theme["favicon"] = settings.favicon
    if settings.primary or settings.accent:
        for scheme in config.theme["palette"] or []:
            scheme["primary"] = "custom" if settings.primary else scheme.get("primary")
            scheme["accent"] = "custom" if settings.accent else scheme.get("accent")
        if COMPANY_CSS not in config.extra_css:
            config.extra_css.append(COMPANY_CSS)


def company_pages(docs_dir: Path, settings: Settings) -> list[str]:
    """Markdown files under docs/<pages_dir>/, index first, for their own nav section."""
    folder = docs_dir / settings.pages_dir
    if not folder.is_dir():
        return []
    pages = sorted(p.relative_to(docs_dir).as_posix() for p in folder.rglob("*.md"))
    pages = [p for p in pages if not p.startswith(REPLACE_DIR)]  # those stand in for upstream's pages
    return sorted(pages, key=lambda p: (not p.endswith("/index.md"), p))


def add_company_section(nav: list[Any], pages: list[str], title: str) -> list[Any]:
    """Insert the company section before Reference (or at the end)."""
    listed = _paths(nav)
    pages = [p for p in pages if p not in listed]
    if not pages:
        return nav
    section = {title: pages}
    for index, item in enumerate(nav):
        if isinstance(item, dict) and "Reference" in item:
            return [*nav[:index], section, *nav[index:]]
    return [*nav, section]


def without_pages(nav: Any, hidden: set[str]) -> Any:
    """The nav minus hidden pages (and minus sections they leave empty)."""
    if isinstance(nav, list):
        kept = [without_pages(item, hidden) for item in nav if not (isinstance(item, str) and item in hidden)]
        return [item for item in kept if item not in ({}, [])]
    if isinstance(nav, dict):
        kept = {}
        for title, value in nav.items():
            if isinstance(value, str) and value in hidden:
                continue
            value = without_pages(value, hidden)
            if value not in ([], {}):
                kept[title] = value
        return kept
    return nav


def _paths(nav: Any) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return set().union(*(_paths(i) for i in nav)) if nav else set()
    if isinstance(nav, dict):
        return set().union(*(_paths(v) for v in nav.values())) if nav else set()
    return set()


def shape_nav(nav: list[Any], shape: NavShape) -> list[Any]:
    """settings.nav: pages placed after others, sections renamed, top-level entries reordered."""
    lines = dict(shape.lines)
    for page, after in shape.place:
        if after not in _paths(nav):  # hidden, or not in the nav at all: the page would vanish
            where = lines.get(page, Location("data/company.yml", 1))
            fail([Problem(where, f"settings.nav.place.{page}", f"'{after}' is not in the nav (hidden, or never listed), so nothing can follow it")], "problem(s) in settings.nav")
        nav = _insert_after(without_pages(nav, {page}), page, after)
    titles = dict(shape.titles)
    nav = retitle_sections(nav, titles)
    first = {_first_page(item): item for item in nav}
    leading = [first[page] for page in shape.order if page in first]
    return leading + [item for item in nav if item not in leading]


def _first_page(item: Any) -> str:
    """The page a nav entry opens with: itself, or the first page of its section."""
    if isinstance(item, list):
        return _first_page(item[0]) if item else ""
    if isinstance(item, dict):
        return _first_page(next(iter(item.values()))) if item else ""
    return item if isinstance(item, str) else ""


def retitle_sections(nav: Any, titles: dict[str, str]) -> Any:
    """A section whose first page is a key of `titles` takes that title: an area's name from the
    data (so a fork renaming an area renames its section), or settings.nav.titles."""
    if isinstance(nav, list):
        return [retitle_sections(item, titles) for item in nav]
    if isinstance(nav, dict):
        return {(titles.get(_first_page(value), title) if isinstance(value, list) else title): retitle_sections(value, titles) for title, value in nav.items()}
    return nav


def _insert_after(nav: Any, page: str, after: str) -> Any:
    if isinstance(nav, list):
        out = []
        for item in nav:
            out.append(_insert_after(item, page, after))
            if item == after or (isinstance(item, dict) and after in item.values()):
                out.append(page)
        return out
    if isinstance(nav, dict):
        return {title: _insert_after(value, page, after) for title, value in nav.items()}
    return nav


def expand_roles(nav: Any, role_pages: list[str], title: str) -> Any:
    """Replace the `roles/index.md` entry with a section holding every role's generated page,
    titled as the page is (the word `roles-title`, a fork's to change)."""
    if isinstance(nav, list):
        return [expand_roles(item, role_pages, title) for item in nav]
    if isinstance(nav, dict):
        return {
            (title if value == "roles/index.md" else key): ["roles/index.md", *role_pages]
            if value == "roles/index.md"
            else expand_roles(value, role_pages, title)
            for key, value in nav.items()
        }
    return nav


def redirect_maps(config: MkDocsConfig) -> dict[str, str]:
    """mkdocs-redirects' own map, which we extend (empty when the plugin is not configured)."""
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return {}
    return plugin.config.setdefault("redirect_maps", {})
