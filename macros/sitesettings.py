"""Apply company settings to the MkDocs config, so a fork never edits mkdocs.yml.

Also builds the company section of the nav and takes hidden pages out of it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from mkdocs.config.defaults import MkDocsConfig

from .settings import Settings

COMPANY_CSS = "assets/company.css"


def apply_settings(config: MkDocsConfig, settings: Settings) -> None:
    if settings.site_name or settings.name:
        config.site_name = settings.site_name or f"{settings.name} Tech Lead Playbook"
    if settings.site_url:
        config.site_url = settings.site_url.rstrip("/") + "/"
    if settings.footer or settings.contact:
        config.copyright = _footer(settings)
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


def _footer(settings: Settings) -> str:
    """Material prints `copyright` as HTML: escape the company's text, link the contact."""
    parts = [html.escape(settings.footer)] if settings.footer else []
    if settings.contact:  # an href the URL policy allowed (mailto:, tel: or http(s))
        parts.append(f'Contact: <a href="{html.escape(settings.contact)}">{html.escape(settings.contact_text)}</a>')
    return " · ".join(parts)


def company_pages(docs_dir: Path, settings: Settings) -> list[str]:
    """Markdown files under docs/<pages_dir>/, index first, for their own nav section."""
    folder = docs_dir / settings.pages_dir
    if not folder.is_dir():
        return []
    pages = sorted(p.relative_to(docs_dir).as_posix() for p in folder.rglob("*.md"))
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
