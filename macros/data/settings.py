"""Company settings: the `settings:` section of data/company.yml, validated like the rest.

A fork sets its name, logo, colours, tracker and repository here instead of editing
mkdocs.yml, so `git pull upstream` keeps merging cleanly. Every setting is untrusted input
(a fork takes pull requests from a whole company): each is checked for what it is, URLs
through the one URL policy (`urlpolicy`), paths as plain paths inside docs/, and a problem
is one line at the setting's own line in data/company.yml.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from macros.data.colours import read_colours
from macros.data.errors import Location, Problem
from macros.data.navsettings import NavShape, read_nav
from macros.data.shapes import IMAGE_EXTENSIONS, MAX_TEXT, MAX_URL, SETTINGS
from macros.data.trackers import tracker_problem
from macros.data.urlpolicy import safe_path_problem, url_problem
from macros.data.yamlsource import YamlList, YamlMap, type_name

Exists = Callable[[str], bool]
KEYS = tuple(SETTINGS)
IMAGE = re.compile(rf"\.({'|'.join(IMAGE_EXTENSIONS)})$", re.I)
EMAIL = re.compile(r"^[^@\s:/\"'<>]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
CONTACT_SCHEMES = re.compile(r"^(https?|mailto|tel):", re.I)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Settings:
    name: str = ""
    site_name: str = ""
    site_url: str = ""
    logo: str = ""
    favicon: str = ""
    primary: str = ""
    accent: str = ""
    issue_tracker: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    footer: str = ""
    contact: str = ""  # the href: mailto:, tel: or http(s)
    contact_text: str = ""  # what the footer shows
    pages_dir: str = "company"
    pages_section: str = ""
    hide: tuple[str, ...] = ()
    redirects: tuple[tuple[str, str], ...] = ()
    fail_on_overdue_reviews: bool = False
    fail_on_stale_replacements: bool = False
    language: str = ""
    nav: NavShape = field(default_factory=NavShape)
    strict_overlay_ids: bool = False
    check_permalinks: bool = True  # false: a fork opts out of data/permalinks.json on purpose


class _Reader:
    """Collects values and problems for one `settings:` mapping."""

    def __init__(self, raw: YamlMap, page_exists: Exists | None, generated: Collection[str]) -> None:
        self.raw, self.values, self.problems = raw, {}, []  # type: ignore[var-annotated]
        self.page_exists = page_exists or (lambda _: True)
        self.generated = generated

    def add(self, key: str, message: str, where: Location | None = None) -> None:
        self.problems.append(Problem(where or self.raw.at(key.split(".")[0]), f"settings.{key}", message))

    def text(self, key: str) -> str | None:
        value = self.raw.get(key)
        if not isinstance(value, str) or not value.strip():
            self.add(key, f"expected text, found {type_name(value)}")
            return None
        if CONTROL.search(value):
            self.add(key, "must be one line of text, without control characters")
            return None
        longest = MAX_TEXT if SETTINGS[key].kind == "text" else MAX_URL
        if len(value) > longest:
            self.add(key, f"is {len(value)} characters long; keep it under {longest}")
            return None
        return value.strip()

    def checked(self, key: str, problem: str | None, value: str) -> None:
        if problem:
            self.add(key, problem)
        else:
            self.values[key] = value

    def page(self, value: object, what: str) -> str | None:
        """Why `value` is not an existing docs page (or a page generated from the data)."""
        if not isinstance(value, str):
            return f"expected a page path like plays/x/y.md, found {type_name(value)}"
        path = value.partition("#")[0]
        problem = safe_path_problem(path, "page path")
        if problem:
            return problem
        if not path.endswith(".md"):
            return f"'{value}' is not a page path ending in .md ({what})"
        if not (self.page_exists(path) or path in self.generated):
            return f"'{path}' does not exist under docs/ ({what})"
        return None


def read_settings(
    overlay: YamlMap | None, page_exists: Exists | None = None, generated: Collection[str] = ()
) -> tuple[Settings, list[Problem]]:
    """Validate `settings:`. `page_exists(path)` tells whether a docs-relative file exists;
    `generated` holds the pages built from the data (roles/<id>.md, checklists/<id>.md, ...)."""
    raw = overlay.get("settings") if overlay is not None else None
    if raw is None:
        return Settings(), []
    if not isinstance(raw, YamlMap):
        return Settings(), [Problem(overlay.at("settings"), "settings", f"expected a mapping, found {type_name(raw)}")]  # type: ignore[union-attr]
    reader = _Reader(raw, page_exists, generated)
    for key in raw:
        if key not in SETTINGS:
            reader.add(str(key), f"unknown key (allowed: {', '.join(KEYS)})")
    for key in raw:
        if key in SETTINGS:
            KINDS[SETTINGS[key].kind](reader, key)
    return Settings(**reader.values), reader.problems


def _one_line(check: Callable[[_Reader, str, str], None]) -> Callable[[_Reader, str], None]:
    """A reader for a kind whose value is one line of text, checked further by `check`."""

    def read(reader: _Reader, key: str) -> None:
        value = reader.text(key)
        if value is not None:
            check(reader, key, value)

    return read


def _plain(reader: _Reader, key: str, value: str) -> None:
    reader.values[key] = value


def _web(reader: _Reader, key: str, value: str) -> None:
    reader.checked(key, url_problem(value, "web"), value)


def _tracker(reader: _Reader, key: str, value: str) -> None:
    reader.checked(key, url_problem(value, "web") or tracker_problem(value), value)


def _image(reader: _Reader, key: str, value: str) -> None:
    problem = safe_path_problem(value, "file path")
    if not problem and not IMAGE.search(value):
        problem = f"'{value}' is not an image (.svg, .png, .jpg, .gif, .webp or .ico)"
    if not problem and not reader.page_exists(value):
        problem = f"'{value}' does not exist under docs/"
    reader.checked(key, problem, value)


def _edit_uri(reader: _Reader, key: str, value: str) -> None:
    """Relative to repo_url (edit/main/docs/) or a whole http(s) URL; always ends with '/'."""
    problem = url_problem(value, "link")
    if not problem and ".." in value.split("/"):
        problem = f"'{value}' must not contain '..'"
    reader.checked(key, problem, value if value.endswith("/") else value + "/")


def _contact(reader: _Reader, key: str, value: str) -> None:
    """An email address (linked with mailto:) or a URL the policy allows; never a site path."""
    href = f"mailto:{value}" if EMAIL.match(value) else value
    problem = url_problem(href, "link")
    if not problem and not CONTACT_SCHEMES.match(href):
        problem = f"'{value}' is neither an email address nor a mailto:, tel: or http(s) URL"
    if not problem:
        reader.values["contact_text"] = value
    reader.checked(key, problem, href)


def _pages_dir(reader: _Reader, key: str, value: str) -> None:
    reader.checked(key, safe_path_problem(value.rstrip("/"), "folder path"), value.rstrip("/"))


def theme_languages() -> frozenset[str]:
    """The interface languages the installed Material theme translates (partials/languages/*.html)."""
    spec = importlib.util.find_spec("material")
    folder = Path(spec.origin).parent / "templates/partials/languages" if spec and spec.origin else None
    return frozenset(p.stem for p in folder.glob("*.html") if p.stem != "custom") if folder and folder.is_dir() else frozenset({"en"})


def _language(reader: _Reader, key: str, value: str) -> None:
    known = theme_languages()
    problem = (
        None if value in known else f"'{value}' is not a language the theme translates (for example: {', '.join(sorted(known)[:12])}, ...)"
    )
    reader.checked(key, problem, value)


def _flag(reader: _Reader, key: str) -> None:
    value = _set(reader, key, bool, "true or false")
    if value is not None:
        reader.values[key] = value


def _set(reader: _Reader, key: str, kind: type, expected: str) -> Any:
    """The value of `key` if it is a `kind`; None if unset (`key:` alone) or, reported, of another type."""
    value = reader.raw.get(key)
    if value is not None and not isinstance(value, kind):
        reader.add(key, f"expected {expected}, found {type_name(value)}")
        return None
    return value


def _pages(reader: _Reader, key: str) -> None:
    pages = _set(reader, key, YamlList, "a list of page paths under docs/, like plays/x/y.md")
    if pages is None:
        return
    problems = [(index, reader.page(page, f"settings.{key}")) for index, page in enumerate(pages)]
    for index, problem in problems:
        if problem:
            reader.add(f"{key}[{index}]", problem, pages.at(index))
    if not any(problem for _, problem in problems):
        reader.values[key] = tuple(pages)


def _redirects(reader: _Reader, key: str) -> None:
    """Old page path -> new page path, both inside docs/; an old path must really be gone."""
    redirects = _set(reader, key, YamlMap, "a mapping of old page path to new page path")
    if redirects is None:
        return
    pairs, ok = [], True
    for old, new in redirects.items():
        where, path = redirects.at(old), f"redirects.{old}"
        problem = safe_path_problem(old, "page path") if isinstance(old, str) else "an old page path must be text"
        if not problem and not str(old).endswith(".md"):
            problem = f"'{old}' is not a page path ending in .md"
        if not problem and (reader.page_exists(old) or old in reader.generated):
            problem = f"'{old}' is a page that exists; a redirect from it would replace it (delete the page first)"
        problem = problem or reader.page(new, "the redirect's target")
        if problem:
            reader.add(path, problem, where)
            ok = False
        else:
            pairs.append((old, new))
    if ok:
        reader.values[key] = tuple(pairs)


# Each kind of setting in shapes.SETTINGS, and how it is read.
KINDS: dict[str, Callable[[_Reader, str], None]] = {
    "text": _one_line(_plain),
    "web": _one_line(_web),
    "tracker": _one_line(_tracker),
    "language": _one_line(_language),
    "nav": read_nav,
    "image": _one_line(_image),
    "edit_uri": _one_line(_edit_uri),
    "contact": _one_line(_contact),
    "folder": _one_line(_pages_dir),
    "colours": lambda reader, key: read_colours(reader.raw, reader.values, reader.add),
    "pages": _pages,
    "redirects": _redirects,
    "flag": _flag,
}


def today() -> date:
    """The date reviews are judged against; PLAYBOOK_TODAY=YYYY-MM-DD pins it for tests."""
    pinned = os.environ.get("PLAYBOOK_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()
