"""Norms (data/norms.yml, design contract 6): the numbers and rules the pages teach, checked.

The entry's shape is checked with the others (shapes.FIELDS["norms"]); here are the rules a
shape cannot say: one value or one range, a unit from the closed list, numbers that make
sense for the unit, an activity the matrix has, a source that passes the URL policy.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping

from macros.data.errors import Location
from macros.data.model import Norm
from macros.data.shapes import MAX_TEXT, NORM_UNITS, WHOLE_UNITS
from macros.data.urlpolicy import url_problem
from macros.data.wordbook import Words
from macros.data.words import norm_words
from macros.data.yamlsource import YamlList, YamlMap
from macros.render.inline import markdown_text  # a norm's words are text in an item's Markdown

PLACEHOLDER = re.compile(r"\{norm:([a-z0-9-]+)\}")  # in checklist item text: {norm:first-review-response}

Report = Callable[[Location, str, str], None]  # where, path, message
MAX_RATIONALE = 2 * MAX_TEXT  # one sentence, not an essay: the agreement page shows it in a cell


def read_norms(
    report: Report, entries: Iterable[tuple[str, YamlMap]], activity_ids: set[str] | None, removed: frozenset[str]
) -> list[Norm]:
    """The well-formed norms; each problem goes to `report`, all of them at once."""
    norms = []
    for label, entry in entries:
        bounds = _bounds(report, label, entry)
        unit = entry.get("unit")
        if isinstance(unit, str) and unit not in NORM_UNITS:
            report(entry.at("unit"), f"{label}.unit", f"'{unit}' is not a unit (allowed: {', '.join(NORM_UNITS)})")
            unit = None
        elif isinstance(unit, str) and bounds:
            _check_numbers(report, entry, label, unit, bounds)
        for key, limit in (("name", MAX_TEXT), ("rationale", MAX_RATIONALE)):
            text = entry.get(key)
            if isinstance(text, str) and ("\n" in text.strip() or len(text) > limit):
                report(entry.at(key), f"{label}.{key}", f"must be one line of at most {limit} characters")
        activity = entry.get("activity")
        if activity in removed:
            activity = None  # a fork removed the matrix row; the norm still holds
        elif isinstance(activity, str) and activity_ids is not None and activity not in activity_ids:
            report(entry.at("activity"), f"{label}.activity", f"'{activity}' is not a defined activity")
        source = entry.get("source")
        if isinstance(source, str) and (problem := url_problem(source, "web")):
            report(entry.at("source"), f"{label}.source", problem)
        if bounds and isinstance(unit, str):
            norms.append(_norm(entry, bounds, unit, activity))
    return norms


def _norm(entry: YamlMap, bounds: tuple[float, float], unit: str, activity: object) -> Norm:
    text = lambda key: entry[key].strip() if isinstance(entry.get(key), str) else ""  # noqa: E731
    return Norm(
        entry["id"],
        text("name"),
        *bounds,
        unit,
        text("rationale"),
        activity if isinstance(activity, str) else None,
        text("source"),
        where=str(entry.at("id")),
    )


def _bounds(report: Report, label: str, entry: YamlMap) -> tuple[float, float] | None:
    """(low, high) from `value: n` or `range: [low, high]`; exactly one of the two."""
    value, span = entry.get("value"), entry.get("range")
    if (value is None) == (span is None):
        report(entry.here, label, "needs either value: <number> or range: [low, high], not " + ("both" if value is not None else "neither"))
        return None
    if value is not None:
        return (value, value) if _number(value) else None  # a non-number is reported with the shape
    if not (isinstance(span, YamlList) and len(span) == 2 and all(_number(n) for n in span)):
        report(entry.at("range"), f"{label}.range", "expected two numbers, [low, high]")
        return None
    if not span[0] < span[1]:
        report(entry.at("range"), f"{label}.range", f"low ({span[0]}) must be below high ({span[1]}); for one number write value:")
        return None
    return (span[0], span[1])


def _number(value: object) -> bool:
    """A finite number (YAML's .nan and .inf are not values a team agrees on)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_numbers(report: Report, entry: YamlMap, label: str, unit: str, bounds: tuple[float, float]) -> None:
    key = "value" if "value" in entry else "range"
    where, most = entry.at(key), NORM_UNITS[unit][3]
    if bounds[0] < 0 or bounds[1] > most:
        report(where, f"{label}.{key}", f"{_show(bounds)} is outside 0 to {most:g} {unit}")
    elif unit in WHOLE_UNITS and any(n != int(n) for n in bounds):
        report(where, f"{label}.{key}", f"{_show(bounds)}: {unit} take whole numbers")
    elif bounds[1] == 0:
        report(where, f"{label}.{key}", "must be above 0; a norm of nothing is no norm")


def _show(bounds: tuple[float, float]) -> str:
    low, high = bounds
    return f"{low:g}" if low == high else f"{low:g} to {high:g}"


def quote_norms(text: str, norms: Mapping[str, Norm], words: Words) -> tuple[str, list[str]]:
    """Checklist text with each `{norm:id}` replaced by the norm's words, and the unknown ids.
    Data text is never a template; this one substitution is all it gets."""
    unknown = [m for m in PLACEHOLDER.findall(text) if m not in norms]
    return PLACEHOLDER.sub(
        lambda m: markdown_text(norm_words(norms[m.group(1)], words=words)) if m.group(1) in norms else m.group(0), text
    ), unknown
