"""Paths that reach the built site from outside the data files: mkdocs.yml's redirects and the
names of page files. Both end up in URLs and in attributes Material prints unescaped."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from macros.data.errors import Location, Problem
from macros.data.urlpolicy import safe_path_problem


def unsafe_redirects(config_text: str, redirects: Mapping[str, str]) -> list[Problem]:
    """mkdocs.yml's own redirects follow the rules of settings.redirects: plain paths inside docs/,
    so that mkdocs-redirects never writes a file outside the site."""
    lines = config_text.splitlines()
    problems = []
    for old, new in redirects.items():
        problem = safe_path_problem(old, "page path") or safe_path_problem(str(new).partition("#")[0], "page path")
        if problem:
            line = next((number for number, text in enumerate(lines, 1) if old in text), 1)
            problems.append(Problem(Location("mkdocs.yml", line), f"redirects.redirect_maps.{old}", problem))
    return problems


def unsafe_page_names(src_uris: Iterable[str]) -> list[Problem]:
    """A quote or space in a page's file name would reach its URL and edit link."""
    return [
        Problem(Location(f"docs/{src}", 1), "file name", problem) for src in src_uris if (problem := safe_path_problem(src, "page path"))
    ]
