"""The search index, tuned after Material's search plugin writes it (and before the offline
copy packs it): a reader types "PM", "ADR" or "SRE"; the pages spell out "Product Manager" and
"architecture decision record". Each section title and text that spells a term out gets its abbreviation once,
right after the first mention ("Product Manager (PM)"), so the short form finds it and the teaser
still reads naturally. The pairs come from the data (each role's `short`, so a fork's titles
count) and from includes/abbreviations.md (the glossary's abbreviations)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path

from macros.data.model import Playbook

INDEX = "search/search_index.json"
MAX_TAG = 200  # a tag is a few words readers type; longer front matter is cut, not indexed whole
ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$")
SHORT_FORM = re.compile(r"^[A-Z][A-Z0-9]{1,4}s?$")  # TL, EM, PM, SRE, ADRs; not "Eng" or "Staff"


def abbreviation_pairs(playbook: Playbook, abbreviations: str) -> list[tuple[str, str]]:
    """(spelled-out term, short form): each role's name and plural, then the glossary's."""
    pairs = []
    for role in playbook.roles:
        if SHORT_FORM.match(role.short):
            pairs += [(role.plural, role.short + "s"), (role.name, role.short)]
    for line in abbreviations.splitlines():
        if match := ABBREVIATION.match(line):
            short, full = match.groups()
            if SHORT_FORM.match(short) and ":" not in full:
                pairs.append((full, short))
    first: dict[str, str] = {}
    for full, short in pairs:  # one short form per term (OKR and OKRs both spell "Objectives and Key Results")
        first.setdefault(full.lower(), short)
    return sorted(((full, short) for full, short in set(pairs) if first[full.lower()] == short), key=lambda p: (-len(p[0]), p[0].lower()))


CODE = re.compile(r"(<code>.*?</code>|<pre>.*?</pre>)", re.S)


def add_abbreviations(text: str, pairs: Iterable[tuple[str, str]], title: bool = False) -> str:
    """The short form after the first mention, outside code; in a title only where the term ends
    a phrase ("Tech Lead" in "What a Tech Lead is" but not in the name "Tech Lead Playbook")."""
    end = r"(?=\s*(?:$|[,.;:!?)]|\b(?:is|are|and|or|of|for|to|in)\b))" if title else ""
    for full, short in pairs:
        if re.search(rf"\b{re.escape(short)}\b", text):
            continue  # the section already says it
        parts = CODE.split(text)
        for i in range(0, len(parts), 2):  # even parts are prose, odd ones code
            parts[i], found = re.subn(rf"\b({re.escape(full)})\b{end}", rf"\1 ({short})", parts[i], count=1, flags=re.I)
            if found:
                break
        text = "".join(parts)
    return text


def tune_index(site_dir: Path, pairs: list[tuple[str, str]]) -> None:
    path = site_dir / INDEX
    if not path.exists():  # search turned off
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = add_abbreviations(doc[field], pairs, title=field == "title")
        if isinstance(doc.get("tags"), list):  # front matter, untrusted: Material shows tags as HTML
            doc["tags"] = [html.escape(" ".join(str(tag).split())[:MAX_TAG]) for tag in doc["tags"]]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
