"""Paths that reach the built site from outside the data files: mkdocs.yml's redirects and the
names of page files (both end up in URLs and in attributes Material prints unescaped), and the
links that lead to hidden pages."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from macros.data.errors import Location, Problem
from macros.data.urlpolicy import safe_path_problem
from macros.site.replacements import REPLACE_DIR


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


MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>#?:]+\.md)(?:[#?][^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


def links_to_hidden(docs_dir: Path, hidden: Iterable[str]) -> list[Problem]:
    """Every Markdown link from a visible page to a hidden one (settings.hide), at its line: the
    build shows each as plain text; `make check` lists them all so the fork can decide."""
    hidden = set(hidden)
    files = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
    replaced = {f.removeprefix(REPLACE_DIR) for f in files if f.startswith(REPLACE_DIR)}
    problems = []
    for file in files:
        page = file.removeprefix(REPLACE_DIR)  # a replacement's links are relative to the page it replaces
        if page in hidden or (file == page and page in replaced):
            continue
        try:
            text = (docs_dir / file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # the build names a page it cannot read, in one line
        for number, line in enumerate(text.splitlines(), 1):
            for target in MARKDOWN_LINK.findall(line):
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
                if resolved in hidden:
                    message = f"links to hidden page docs/{resolved} (settings.hide); the link shows as plain text"
                    problems.append(Problem(Location(f"docs/{file}", number), "", message))
    return problems
