"""The public contract in one place: what forks, onboarding docs and saved ticks rely on.

Change nothing here without a migration: published URLs, anchors and stored progress depend on
it. docs/assets/checklists.js mirrors the anchors and the storage key (its first lines say so),
and tests/unit/test_contract.py checks that the two agree.

- Page URLs: `plays/a/b.md` is published at `plays/a/b/` (MkDocs' directory URLs).
- Checklist anchors: `#checklist-<checklist-id>` and `#checklist-<checklist-id>--<item-id>`;
  ids are slugs, which never contain "--", so the two ids can always be split apart again.
- A checklist's standalone page: `checklists/<checklist-id>/`.
- Saved ticks: localStorage key `tlp:checklist:v1:<checklist-id>`; each item keeps the
  fingerprint of its wording, the first 10 hex digits of SHA-1 of its plain text.
- The matrix letters: R, A, C, I and A/R, which counts as both A and R.
- Self-assessment ratings (contract 8): localStorage key `tlp:assessment:v1`, keyed by behavior
  ids from data/assessment.yml, each with one of the three level ids below and the fingerprint
  of the behavior's wording; docs/assets/assessment.js mirrors both.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Literal

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # every id: lowercase letters, digits, single hyphens
STORAGE_PREFIX = "tlp:checklist:v1:"
ASSESSMENT_KEY = "tlp:assessment:v1"
LEVELS = ("not-yet", "growing", "doing-it")  # a behavior's levels, lowest first; "doing-it" is the top

Letter = Literal["R", "A", "C", "I", "A/R"]
LETTERS: tuple[Letter, ...] = ("R", "A", "C", "I", "A/R")
ACCOUNTABLE: frozenset[str] = frozenset({"A", "A/R"})  # exactly one per activity
RESPONSIBLE: frozenset[str] = frozenset({"R", "A/R"})  # at least one per activity
LETTER_MEANINGS: Mapping[str, str] = MappingProxyType(
    {
        "R": "Responsible: does the work",
        "A": "Accountable: owns the outcome and signs it off; exactly one per activity",
        "C": "Consulted: asked for input before the decision",
        "I": "Informed: told about the outcome after the decision",
        "A/R": "Accountable and Responsible: owns the outcome and does the work",
    }
)


def counts_as(letter: str | None, meaning: str) -> bool:
    """Whether a cell's letter counts as `meaning` (one of R, A, C, I): A/R counts as both A and R."""
    return letter == meaning or (letter == "A/R" and meaning in ("A", "R"))


def checklist_anchor(checklist_id: str) -> str:
    return f"checklist-{checklist_id}"


def item_anchor(checklist_id: str, item_id: str) -> str:
    return f"checklist-{checklist_id}--{item_id}"


def checklist_page(checklist_id: str) -> str:
    """The docs-relative source path of the standalone page (URL checklists/<id>/)."""
    return f"checklists/{checklist_id}.md"


def fingerprint(plain_text: str) -> str:
    """Short hash of an item's wording, so the browser can tell that it changed since it was ticked."""
    return hashlib.sha1(plain_text.encode("utf-8")).hexdigest()[:10]


def page_url(src_path: str, directory_urls: bool = True) -> str:
    """`plays/a/b.md` -> `plays/a/b/`; `plays/a/index.md` -> `plays/a/`; `index.md` -> ``."""
    path, _, anchor = src_path.partition("#")
    stem = path[:-3] if path.endswith(".md") else path
    if posixpath.basename(stem) in ("index", "README"):
        url = posixpath.dirname(stem) + ("/" if directory_urls else "/index.html")
    elif directory_urls:
        url = stem + "/"
    else:
        url = stem + ".html"
    url = {"/": "", "/index.html": "index.html"}.get(url, url)
    return url + (f"#{anchor}" if anchor else "")


def absolute_url(site_url: str, url: str) -> str:
    """A site-relative URL (`plays/a/b/`) as the exports print it: under site_url when set, else from `/`."""
    return site_url.rstrip("/") + "/" + url if site_url else "/" + url


def relative_url(target: str, from_url: str) -> str:
    """An href from the page at `from_url` to the site-relative URL `target` (anchors kept)."""
    path, _, anchor = target.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + path, "/" + base)
    if (path.endswith("/") or not path) and not rel.endswith("/"):
        rel += "/"
    rel = "./" if rel == "./" or rel == "." else rel
    return rel + (f"#{anchor}" if anchor else "")


def linker(from_url: str, directory_urls: bool = True) -> Callable[[str], str]:
    """The `link` function the renderers expect, for one page."""
    return lambda src_path: relative_url(page_url(src_path, directory_urls), from_url)
