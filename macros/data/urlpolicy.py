"""The one URL policy: every URL from data, settings or Markdown in data passes `url_problem`.

Allowed: `http:`, `https:`, `mailto:` and `tel:` (a phone number for on-call or a help desk
cannot run anything), and site-relative URLs (`../checklists/`, `assets/x.pdf`, `#anchor`).
Everything else is refused at build time: `javascript:`, `data:`, `vbscript:`, `file:` and
any scheme not named, protocol-relative `//elsewhere` (another origin without saying so) and
backslashes (browsers read `/\\evil` as `//evil`). Images must be site-relative, because pages
make no requests to other origins.

The URL is judged the way a browser reads it: HTML entities decoded (`&#106;avascript:`), tabs
and newlines removed (browsers drop them anywhere in a URL), leading spaces and control
characters stripped, the scheme compared without case, and Unicode folded (NFKC) so that a
full-width `ｊavascript:` is judged as `javascript:`. A URL that still holds spaces, quotes,
angle brackets or control characters is refused outright rather than repaired: data authors
fix it once, and no attribute can be broken out of.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Literal

SCHEMES = ("http", "https", "mailto", "tel")
Kind = Literal["link", "image", "web"]  # link: any allowed; image: site-relative only; web: absolute http(s) only

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_DROPPED = re.compile(r"[\t\n\r]")  # browsers remove these anywhere in a URL
_EDGES = "".join(chr(c) for c in range(0x21))  # C0 controls and space, stripped from both ends
_FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>\\`{}|^]")
_HOST = re.compile(r"^//([^/?#]*)")


def browser_view(url: str) -> str:
    """The URL as a browser ends up reading it from an attribute."""
    return _DROPPED.sub("", html.unescape(url)).strip(_EDGES)


def url_problem(url: object, kind: Kind = "link") -> str | None:
    """Why this URL is refused, or None when it is allowed for `kind`."""
    if not isinstance(url, str) or not url.strip():
        return "expected a URL, found nothing"
    seen = browser_view(url)
    folded = unicodedata.normalize("NFKC", seen)
    bad = _forbidden_character(seen)
    if bad:
        return f"'{_show(url)}' contains {_name(bad)}, which a URL cannot hold; percent-encode it"
    scheme = _SCHEME.match(folded)
    if scheme:
        name = scheme.group(1).lower()
        if name not in SCHEMES:
            allowed = ", ".join(SCHEMES)
            return f"'{_show(url)}' uses the scheme '{name}:', which is not allowed (allowed: {allowed}, or a site-relative path)"
        if kind == "image":
            return f"'{_show(url)}' is an image from another site; pages make no requests to other origins: put it under docs/"
        if name in ("http", "https"):
            return _host_problem(url, folded[len(scheme.group(0)) :])
        return f"'{_show(url)}' is not an http(s) URL" if kind == "web" else None
    if folded.startswith("//"):
        return f"'{_show(url)}' is protocol-relative (another site without a scheme); write https:// if you mean another site"
    if kind == "web":
        return f"'{_show(url)}' is not an http(s) URL"
    if ":" in re.split(r"[/?#]", folded, maxsplit=1)[0]:
        return f"'{_show(url)}' has a ':' before its first '/', which reads as a scheme; write ./{_show(url)} if it is a path"
    return None


def _forbidden_character(text: str) -> str | None:
    """The first character no URL may hold: quotes, brackets, spaces, controls, and the invisible
    format characters (right-to-left overrides, zero-width spaces) that make a URL read as another."""
    found = _FORBIDDEN.search(text)
    if found:
        return found.group()
    return next((c for c in text if unicodedata.category(c) in ("Cf", "Zs", "Zl", "Zp", "Cc")), None)


def _host_problem(url: str, rest: str) -> str | None:
    host = _HOST.match(rest)
    if not host or not host.group(1):
        return f"'{_show(url)}' has no host; write it like https://example.org/path"
    if not host.group(1).isascii():
        return f"'{_show(url)}' has a host with non-ASCII letters; write it in its xn-- (punycode) form"
    return None


def _name(char: str) -> str:
    if char == " ":
        return "a space"
    if char.isprintable():
        return f"'{char}'"
    return f"the control character U+{ord(char):04X}"


def _show(url: str) -> str:
    """The URL as the author wrote it, safe to print on one line."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in url)[:200]


EXAMPLES = {"page path": "plays/x/y.md", "file path": "assets/company/logo.svg", "folder path": "company"}


def safe_path_problem(path: object, what: str = "page path") -> str | None:
    """A docs-relative path (`what`: page, file or folder path): no scheme, not absolute, no `..`,
    nothing an attribute can break on. Forks write these for logos, hidden pages and redirects."""
    example = EXAMPLES.get(what, "plays/x/y.md")
    if not isinstance(path, str) or not path.strip():
        return f"expected a {what} under docs/, like {example}, found nothing"
    if _SCHEME.match(path) or path.startswith("//"):
        hint = " (pages make no requests to other sites)" if what == "file path" else ""
        return f"'{_show(path)}' is a URL; expected a {what} under docs/, like {example}{hint}"
    if _FORBIDDEN.search(path) or ":" in path:
        return f"'{_show(path)}' is not a plain {what}: use letters, digits, '-', '_', '.' and '/'"
    if path.startswith("/") or any(part in ("", ".", "..") for part in path.split("/")):
        return f"'{_show(path)}' must be a {what} inside docs/, like {example} (no leading '/', no '.' or '..' parts)"
    return None


_ANCHOR = re.compile(r"[A-Za-z0-9_-]*")


def page_link_problem(value: str, what: str = "page path") -> str | None:
    """A docs-relative page with an optional `#anchor` (an activity's `page`, a behavior's `play`):
    the path as `safe_path_problem` judges it, the anchor letters, digits, '-' and '_' only."""
    path, _, anchor = value.partition("#")
    if not _ANCHOR.fullmatch(anchor):
        return f"'{_show(value)}': the part after '#' must be an anchor (letters, digits, '-' and '_')"
    return safe_path_problem(path, what)
