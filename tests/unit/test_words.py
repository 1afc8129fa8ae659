"""The words the code shows (macros/data/wordbook.py): each one used, the script's list exact,
placeholders filled and escaped, and a fork's words reaching the renderers."""

from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import Markup

from macros.data.model import Norm
from macros.data.wordbook import DEFAULTS, PAGE_WORDS, SCRIPT_WORDS, Words, placeholders
from macros.data.words import norm_words
from tests.conftest import ROOT

CODE = [*(ROOT / "macros").rglob("*.py"), *(ROOT / "macros/render/templates").iterdir(), *(ROOT / "overrides").rglob("*.html")]
SCRIPTS = [ROOT / "docs/assets/checklists.js", ROOT / "docs/assets/assessment.js"]
# Ids the code builds from parts: "summary-" + letter, unit-<unit>-one, "<count id>-one"/"-many", ...
BUILT = re.compile(r"^(unit-|summary-(none-)?[arci]$|legend-(r|a|c|i|ar)$|freshness-(overdue|current|no-date)$|404-)|-(one|many)$")


def test_every_word_is_used_by_the_code() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in [*CODE, *SCRIPTS] if path.is_file() and path.name != "english.py")
    unused = [key for key in DEFAULTS if f'"{key}"' not in source and f"'{key}'" not in source and not BUILT.search(key)]
    assert not unused


def test_the_scripts_get_exactly_the_words_they_say() -> None:
    script = "\n".join(path.read_text(encoding="utf-8") for path in SCRIPTS)
    said = set(re.findall(r'\bw\("([a-z0-9-]+)"', script))
    counted = {
        f"{word}-{form}" for word in re.findall(r'count\([^,()]+(?:\([^)]*\))?[^,()]*, "([a-z-]+)"\)', script) for form in ("one", "many")
    }
    assert said | counted == SCRIPT_WORDS


def test_placeholders_are_filled_and_everything_is_escaped() -> None:
    words = Words({"index-play": "<b>See</b> {play}!"})
    assert words.html("index-play", play="<i>x</i>") == Markup("&lt;b&gt;See&lt;/b&gt; &lt;i&gt;x&lt;/i&gt;!")
    assert words.html("index-play", play=Markup('<a href="p/">its play</a>')) == Markup('&lt;b&gt;See&lt;/b&gt; <a href="p/">its play</a>!')
    assert words("checklist-progress", done=1, total=9) == "1 of 9 done"
    assert Words().count(1, "checklists") == "one checklist" and Words().count(14, "checklist-items") == "14 items"


def test_the_scripts_words_are_json_with_every_script_word() -> None:
    text = Words({"checklist-copied": "</script><script>alert(1)</script> & <!--"}).for_script()
    assert json.loads(text)["checklist-copied"] == "</script><script>alert(1)</script> & <!--"
    assert set(json.loads(text)) == SCRIPT_WORDS


def test_norm_values_follow_the_forks_number_and_unit_words() -> None:
    german = Words(
        {
            "numbers": "null, ein, zwei, drei, vier, fünf, sechs, sieben, acht, neun, zehn, elf, zwölf",
            "norm-range": "{low} bis {high}",
            "unit-working-days-one": "Arbeitstag",
            "unit-working-days-many": "Arbeitstage",
        }
    )
    norm = Norm("x", "X", 2, 3, "working-days", "Why.")
    assert norm_words(norm, words=german) == "zwei bis drei Arbeitstage"
    assert norm_words(Norm("y", "Y", 1, 1, "working-days", "Why."), words=german) == "ein Arbeitstag"


def test_page_words_are_markdown_with_links_and_the_rest_plain_text() -> None:
    assert all("](" in DEFAULTS[key] or "`" in DEFAULTS[key] or key.startswith("checklists-") for key in PAGE_WORDS)
    assert not [key for key in DEFAULTS if key not in PAGE_WORDS and "](" in DEFAULTS[key]]
    assert all(placeholders(DEFAULTS[key]) <= {"roles", "checklists"} for key in PAGE_WORDS)


def test_a_word_id_in_the_schema_completes_in_editors() -> None:
    schema = json.loads(Path(ROOT / "schema/company.schema.json").read_text(encoding="utf-8"))
    words = schema["properties"]["words"]
    assert set(words["properties"]) == set(DEFAULTS) and words["additionalProperties"] is False
    assert words["properties"]["checklist-copy"]["description"] == "Copy as Markdown"
