"""The self-assessment's behaviors (data/assessment.yml), checked: the rules a shape cannot say.

Each entry's keys are checked with the others (shapes.FIELDS["behaviors"], its `levels` with
FIELDS["levels"]); here: an area the data defines, a play that is a page under docs/, a name on
one line, and level texts that are inline Markdown like checklist items (URL policy, links to
pages that exist) whose placeholders name real norms and roles. Level texts are data, never a
template: `{norm:id}`, `{norm-adjective:id}`, `{role:id}` and `{roles:id}` are all they get.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from macros.contract import LEVELS
from macros.data.model import Behavior, Norm, Role
from macros.data.norms import Report
from macros.data.shapes import FIELDS, MAX_TEXT
from macros.data.urlpolicy import page_link_problem
from macros.data.wordbook import Words
from macros.data.words import norm_words
from macros.data.yamlsource import YamlList, YamlMap
from macros.render.inline import linked_pages, markdown_text, url_problems  # data Markdown is judged as the renderer reads it

PLACEHOLDER = re.compile(r"\{(norm|norm-adjective|role|roles):([a-z0-9-]+)\}")
Fields = Callable[[YamlMap, dict[str, bool], str], None]  # the shape check of validate._Checker


def read_behaviors(
    report: Report,
    fields: Fields,
    entries: Iterable[tuple[str, YamlMap]],
    area_ids: set[str] | None,
    page_exists: Callable[[str], bool] | None,
    norms: Mapping[str, Norm] | None,
    roles: Mapping[str, Role],
    words: Words,
) -> list[Behavior]:
    """The behaviors, every problem reported at its line. `norms` is None when data/norms.yml is
    broken (its own lines say so; quotes of it are not judged); `roles` includes removed ones,
    whose upstream names upstream text keeps."""
    behaviors = []
    for label, entry in entries:
        area = entry.get("area")
        if isinstance(area, str) and area_ids is not None and area not in area_ids:
            report(entry.at("area"), f"{label}.area", f"'{area}' is not a defined area (known: {', '.join(sorted(area_ids))})")
        _check_play(report, label, entry, page_exists)
        name = entry.get("name")
        if isinstance(name, str) and ("\n" in name.strip() or len(name) > MAX_TEXT):
            report(entry.at("name"), f"{label}.name", f"must be one line of at most {MAX_TEXT} characters")
        levels = entry.get("levels")
        texts = []
        if isinstance(levels, YamlMap):
            fields(levels, FIELDS["levels"], f"{label}.levels")
            for level in LEVELS:
                text = levels.get(level)
                if isinstance(text, str) and text.strip():
                    where, path = levels.at(level), f"{label}.levels.{level}"
                    texts.append((level, _level_text(report, where, path, text.strip(), norms, roles, words, page_exists)))
        if len(texts) == len(LEVELS) and all(isinstance(entry.get(k), str) for k in ("area", "name", "play")):
            behaviors.append(Behavior(entry["id"], entry["area"].strip(), entry["name"].strip(), entry["play"].strip(), tuple(texts)))
    return behaviors


def _check_play(report: Report, label: str, entry: YamlMap, page_exists: Callable[[str], bool] | None) -> None:
    play = entry.get("play")
    if not isinstance(play, str) or not play.strip():
        return  # the shape check reports it
    page = play.strip().partition("#")[0]
    if unsafe := page_link_problem(play.strip()):
        report(entry.at("play"), f"{label}.play", unsafe)
    elif not page.endswith(".md") or (page_exists is not None and not page_exists(page)):
        report(entry.at("play"), f"{label}.play", f"'{play}' is not a page under docs/ (expected a path like plays/x/y.md)")


def _level_text(
    report: Report,
    where: object,
    path: str,
    text: str,
    norms: Mapping[str, Norm] | None,
    roles: Mapping[str, Role],
    words: Words,
    page_exists: Callable[[str], bool] | None,
) -> str:
    """The text with its placeholders filled; each unknown id, refused URL or missing page reported."""
    for problem in url_problems(text):
        report(where, path, problem)  # type: ignore[arg-type]

    def fill(match: re.Match[str]) -> str:
        kind, item = match.groups()
        if kind.startswith("norm"):
            if norms is None or item not in norms:
                if norms is not None:
                    report(where, path, f"{{{kind}:{item}}}: '{item}' is not a norm in data/norms.yml")  # type: ignore[arg-type]
                return match.group(0)
            return markdown_text(norm_words(norms[item], adjective=kind == "norm-adjective", words=words))
        if item not in roles:
            report(where, path, f"{{{kind}:{item}}}: '{item}' is not a defined role (known: {', '.join(roles)})")  # type: ignore[arg-type]
            return match.group(0)
        return markdown_text(roles[item].plural if kind == "roles" else roles[item].name)

    filled = PLACEHOLDER.sub(fill, text)
    for page in linked_pages(filled):
        if page_exists is not None and not page_exists(page.partition("#")[0]):
            report(where, path, f"links to '{page}', which does not exist under docs/")  # type: ignore[arg-type]
    return filled


def quoted_norms(tree: YamlMap) -> frozenset[str]:
    """The norms the behaviors' level texts quote: a norm only they quote is still in use."""
    entries = tree.get("behaviors")
    found: set[str] = set()
    for entry in entries if isinstance(entries, YamlList) else []:
        levels = entry.get("levels") if isinstance(entry, YamlMap) else None
        for text in levels.values() if isinstance(levels, YamlMap) else ():
            if isinstance(text, str):
                found.update(item for kind, item in PLACEHOLDER.findall(text) if kind.startswith("norm"))
    return frozenset(found)
