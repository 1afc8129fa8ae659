"""Company colours, checked for WCAG AA contrast where Material uses them, and written as CSS.

The primary colour carries white header text and, in light mode, the links; the accent colour
carries the links in dark mode. A colour below WCAG AA contrast is refused with its ratio.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from macros.data.yamlsource import YamlMap, type_name

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
SLATE_BACKGROUND = "#1e2029"  # Material's dark (slate) page background
SLATE_CODE = "#272a35"  # ... and its code blocks
LIGHT_CODE = "#f5f5f5"  # the light palette's code blocks
WHITE = "#ffffff"


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


def read_colours(raw: YamlMap, values: dict[str, Any], add: Callable[..., None]) -> None:
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
