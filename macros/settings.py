"""Company settings: the `settings:` section of data/company.yml, validated like the rest.

A fork sets its name, logo, colours, tracker and repository here instead of editing
mkdocs.yml, so `git pull upstream` keeps merging cleanly. Colours must stay readable: the
primary colour carries white header text and, in light mode, the links; the accent colour
carries the links in dark mode. A colour below WCAG AA contrast is refused with its ratio.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import Problem
from .yamlsource import YamlList, YamlMap, type_name

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
URL = re.compile(r"^https?://\S+$")
SLATE_BACKGROUND = "#1e2029"  # Material's dark (slate) page background
SLATE_CODE = "#272a35"  # ... and its code blocks
LIGHT_CODE = "#f5f5f5"  # the light palette's code blocks
WHITE = "#ffffff"

TEXT_KEYS = (
    "name",
    "site_name",
    "site_url",
    "logo",
    "favicon",
    "issue_tracker",
    "repo_url",
    "edit_uri",
    "footer",
    "contact",
    "pages_dir",
    "pages_section",
)
KEYS = (*TEXT_KEYS, "colors", "hide", "redirects", "fail_on_overdue_reviews")


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
    contact: str = ""
    pages_dir: str = "company"
    pages_section: str = ""
    hide: tuple[str, ...] = ()
    redirects: tuple[tuple[str, str], ...] = ()
    fail_on_overdue_reviews: bool = False


def relative_luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (colour key, against, minimum ratio, what it is used for)
CONTRAST_RULES = (
    ("primary", WHITE, 4.5, "white header text and light-mode links"),
    ("primary", LIGHT_CODE, 4.5, "light-mode links in code blocks"),
    ("accent", SLATE_BACKGROUND, 4.5, f"dark-mode links on the dark background {SLATE_BACKGROUND}"),
    ("accent", SLATE_CODE, 4.5, "dark-mode links in code blocks"),
    ("accent", WHITE, 3.0, "focus rings and hover marks on the light background"),
)


def read_settings(overlay: YamlMap | None, docs_exists: Any = None) -> tuple[Settings, list[Problem]]:
    """Validate `settings:`; `docs_exists(path)` tells whether a docs-relative file exists."""
    raw = overlay.get("settings") if overlay is not None else None
    if raw is None:
        return Settings(), []
    problems: list[Problem] = []

    def add(key: str, message: str, where: Any = None) -> None:
        problems.append(Problem(where or raw.at(key), f"settings.{key}", message))

    if not isinstance(raw, YamlMap):
        return Settings(), [Problem(overlay.at("settings"), "settings", f"expected a mapping, found {type_name(raw)}")]
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KEYS:
            add(key, f"unknown key (allowed: {', '.join(KEYS)})")
        elif key in TEXT_KEYS:
            if not isinstance(value, str) or not value.strip():
                add(key, f"expected text, found {type_name(value)}")
            else:
                values[key] = value.strip()
    for key in ("site_url", "issue_tracker", "repo_url"):
        if key in values and not URL.match(values[key]):
            add(key, f"'{values[key]}' is not an http(s) URL")
    for key in ("logo", "favicon"):
        if key in values and docs_exists is not None and not docs_exists(values[key]):
            add(key, f"'{values[key]}' does not exist under docs/")
    _colours(raw, values, add)
    hide = raw.get("hide")
    if hide is not None:
        if not isinstance(hide, YamlList) or not all(isinstance(p, str) and p.endswith(".md") for p in hide):
            add("hide", "expected a list of page paths under docs/, like plays/x/y.md")
        else:
            for index, page in enumerate(hide):
                if docs_exists is not None and not docs_exists(page):
                    add("hide", f"'{page}' does not exist under docs/", hide.at(index))
            values["hide"] = tuple(hide)
    redirects = raw.get("redirects")
    if redirects is not None:
        if not isinstance(redirects, YamlMap) or not all(isinstance(v, str) for v in redirects.values()):
            add("redirects", "expected a mapping of old page path to new page path")
        else:
            values["redirects"] = tuple(redirects.items())
    overdue = raw.get("fail_on_overdue_reviews")
    if overdue is not None:
        if not isinstance(overdue, bool):
            add("fail_on_overdue_reviews", f"expected true or false, found {type_name(overdue)}")
        else:
            values["fail_on_overdue_reviews"] = overdue
    return Settings(**values), problems


def _colours(raw: YamlMap, values: dict[str, Any], add: Any) -> None:
    colours = raw.get("colors")
    if colours is None:
        return
    if not isinstance(colours, YamlMap):
        add("colors", f"expected a mapping with primary and accent, found {type_name(colours)}")
        return
    for key, value in colours.items():
        where = colours.at(key)
        if key not in ("primary", "accent"):
            add(f"colors.{key}", "unknown key (allowed: primary, accent)", where)
        elif not isinstance(value, str) or not HEX.match(value):
            add(f"colors.{key}", f"'{value}' is not a colour like #1a4f8b", where)
        else:
            values[key] = value.lower()
    for key, against, minimum, use in CONTRAST_RULES:
        if key in values:
            ratio = contrast(values[key], against)
            if ratio < minimum:
                add(
                    f"colors.{key}",
                    f"'{values[key]}' has contrast {ratio:.2f}:1 with {against} ({use}); needs at least {minimum}:1",
                    colours.at(key),
                )


def company_css(settings: Settings) -> str:
    """The company colours as Material's palette variables. Light-mode links follow the primary
    colour (Material's default) and dark-mode links the accent (docs/assets/playbook.css)."""
    rules = []
    if settings.primary:
        p = settings.primary
        rules.append(
            ":root, [data-md-color-scheme] { "
            f"--md-primary-fg-color: {p}; --md-primary-fg-color--light: {p}; --md-primary-fg-color--dark: {p}; "
            "--md-primary-bg-color: #ffffff; --md-primary-bg-color--light: rgba(255, 255, 255, 0.7); }"
        )
    if settings.accent:
        a = settings.accent
        rules.append(f":root, [data-md-color-scheme] {{ --md-accent-fg-color: {a}; --md-accent-fg-color--transparent: {a}1a; }}")
    return "\n".join(rules) + ("\n" if rules else "")


def today() -> date:
    """The date reviews are judged against; PLAYBOOK_TODAY=YYYY-MM-DD pins it for tests."""
    pinned = os.environ.get("PLAYBOOK_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()
