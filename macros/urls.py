"""Docs-relative source paths to URLs, the way MkDocs maps them with use_directory_urls."""

from __future__ import annotations

import posixpath


def page_url(src_path: str, directory_urls: bool = True) -> str:
    """`plays/a/b.md` -> `plays/a/b/`; `plays/a/index.md` -> `plays/a/`; `index.md` -> ``."""
    path, _, anchor = src_path.partition("#")
    stem = path[:-3] if path.endswith(".md") else path
    if posixpath.basename(stem) in ("index", "README"):
        url = posixpath.dirname(stem) + "/"
    elif directory_urls:
        url = stem + "/"
    else:
        url = stem + ".html"
    url = "" if url == "/" else url
    return url + (f"#{anchor}" if anchor else "")


def relative_url(target: str, from_url: str) -> str:
    """An href from the page at `from_url` to the site-relative URL `target` (anchors kept)."""
    path, _, anchor = target.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + path, "/" + base)
    if (path.endswith("/") or not path) and not rel.endswith("/"):
        rel += "/"
    rel = "./" if rel == "./" or rel == "." else rel
    return rel + (f"#{anchor}" if anchor else "")


def linker(from_url: str, directory_urls: bool = True):
    """The `link` function the renderers expect, for one page."""
    return lambda src_path: relative_url(page_url(src_path, directory_urls), from_url)
