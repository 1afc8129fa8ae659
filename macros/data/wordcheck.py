"""`words:` in data/company.yml: a fork's own text for any word the code shows (wordbook.py).

Each change is checked at its line: a known id (else "did you mean ...?"), one line of text,
exactly the placeholders upstream's word has (the code fills those and no others), no stray
braces; page words (Markdown) link only to pages that exist, through the one URL policy.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from macros.data.errors import Problem
from macros.data.wordbook import DEFAULTS, NUMBERS, PAGE_WORDS, PLACEHOLDER, Words, placeholders
from macros.data.yamlsource import YamlMap, type_name
from macros.render.inline import linked_pages, url_problems  # page words are judged as the renderer reads them

MAX_WORD = 1000  # characters: the longest upstream word is an intro of about 500
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def read_words(overlay: YamlMap | None, page_exists: Callable[[str], bool] | None = None) -> tuple[Words, list[Problem]]:
    raw = overlay.get("words") if overlay is not None else None
    if raw is None:
        return Words(), []
    if not isinstance(raw, YamlMap):
        return Words(), [Problem(overlay.at("words"), "words", f"expected a mapping of word id to text, found {type_name(raw)}")]  # type: ignore[union-attr]
    problems, changed = [], {}
    for key, value in raw.items():
        path = f"words.{key}"
        message = _problem(str(key), value, page_exists)
        if message:
            problems.append(Problem(raw.at(key), path, message))
        else:
            changed[key] = value.strip()
    return Words(changed), problems


def _problem(key: str, value: object, page_exists: Callable[[str], bool] | None) -> str:
    if key not in DEFAULTS:
        close = difflib.get_close_matches(key, list(DEFAULTS), n=1, cutoff=0.7)
        return (
            f"unknown word id; did you mean '{close[0]}'?"
            if close
            else "unknown word id (the ids are listed in schema/company.schema.json)"
        )
    if not isinstance(value, str) or not value.strip():
        return f"expected text, found {type_name(value)}" if not isinstance(value, str) else "must not be empty"
    value = value.strip()
    if len(value) > MAX_WORD:
        return f"{len(value)} characters; at most {MAX_WORD}"
    if CONTROL.search(value):
        return "must be one line of text, without control characters"
    wanted, found = placeholders(DEFAULTS[key]), placeholders(value)
    if found != wanted:
        return f"placeholders must be exactly those of upstream's word ({_listed(wanted)}); found {_listed(found)}"
    if "{" in PLACEHOLDER.sub("", value) or "}" in PLACEHOLDER.sub("", value):
        return "a brace that is not a placeholder ({name} only)"
    if key == "numbers" and len([n for n in value.split(",") if n.strip()]) != NUMBERS:
        return f"lists {NUMBERS} numbers, zero to twelve, separated by commas"
    if key in PAGE_WORDS:
        refused = url_problems(value)
        missing = [page for page in linked_pages(value) if page_exists is not None and not page_exists(page.partition("#")[0])]
        if refused:
            return refused[0]
        if missing:
            return f"links to '{missing[0]}', which does not exist under docs/"
    return ""


def _listed(names: frozenset[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names)) or "none"
