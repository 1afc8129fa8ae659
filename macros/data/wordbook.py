"""Every word the playbook's own code shows a reader: widget labels, messages, captions, table
headers, the intros of the generated pages, the words of norm values. Upstream's English is
declared once, in macros/data/english.py; a fork changes any of it with `words:` in data/company.yml (checked by
macros/data/wordcheck.py), so it owns every word a reader sees without editing upstream files.

A word may hold `{placeholders}` the code fills; an override must keep exactly the same ones.
Words in PAGE_WORDS are inline Markdown whose links are docs-relative pages. Words in
SCRIPT_WORDS also reach the checklists and self-assessment scripts, as one JSON attribute
(#tlp-words) on the pages that need it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from macros.data.english import DEFAULTS

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


PAGE_WORDS = frozenset(
    {"roles-intro-one", "roles-intro-many", "role-more", "checklists-intro", "norms-intro", "freshness-intro", "replaced-intro"}
)
SCRIPT_WORDS = frozenset(  # what assets/checklists.js and assessment.js say (a test holds this list to the scripts)
    {"checklist-items-one", "checklist-items-many", "checklists-one", "checklists-many", "checklist-progress", "checklist-changed"}
    | {"checklist-not-saving", "checklist-copied", "checklist-copy-here", "checklist-copy-blocked", "checklist-issue-paste"}
    | {"checklist-cleared", "checklist-restored", "undo", "progress-not-export", "progress-full-import", "progress-full-undo"}
    | {"progress-imported", "progress-ignored", "progress-undone"}
    | {"assessment-unrated", "assessment-export-title", "assessment-shown", "assessment-refused", "assessment-cleared"}  # assessment.js
    | {"assessment-link-copied", "assessment-link-long", "assessment-copy-blocked", "assessment-not-saving", "checklist-copied"}
)
NUMBERS = 13  # `numbers` lists zero to twelve: prose writes small counts in words


def placeholders(text: str) -> frozenset[str]:
    return frozenset(PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Words:
    """Upstream's words with a fork's changes: `words("checklist-copy")` -> the text to show."""

    changed: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, word_id: str, **values: object) -> str:
        """The word as plain text, its placeholders filled (for text an escaping template prints)."""
        return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), self.text(word_id))

    def html(self, word_id: str, **values: object) -> Markup:
        """The word as HTML: its text escaped, each placeholder filled with an escaped value
        (a `Markup` value, such as a link another renderer built, goes in as it is)."""
        text = escape(self.text(word_id))
        return Markup(PLACEHOLDER.sub(lambda m: str(escape(values[m.group(1)])), text))

    def count(self, n: int, word_id: str) -> str:
        """`count(3, "roles")` -> "three roles", from the words `roles-one` and `roles-many`."""
        return self(f"{word_id}-{'one' if n == 1 else 'many'}", count=self.number(n))

    def number(self, n: int) -> str:
        """Small counts in words, as prose writes them (one..twelve); larger ones in digits."""
        names = [name.strip() for name in self("numbers").split(",")]
        return names[n] if 0 <= n < len(names) else str(n)

    def for_script(self) -> str:
        """The script's words as JSON, placeholders unfilled (the script fills them). It goes into
        an escaped attribute, not a <script> element: Material's instant navigation re-creates
        inline scripts without their type, and would run the JSON as code."""
        return json.dumps({key: self.text(key) for key in sorted(SCRIPT_WORDS)}, ensure_ascii=False, separators=(",", ":"))

    def text(self, word_id: str) -> str:
        """The word as written, placeholders and all."""
        return self.changed.get(word_id) or DEFAULTS[word_id]
