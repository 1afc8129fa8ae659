"""Markdown tables wrapped at build time, as Material's script wraps them when it runs.

Material puts each classless table into `div.md-typeset__scrollwrap > div.md-typeset__table`
from JavaScript, after the page may have painted: each wrapped table took 10 px more, and the
text below it jumped. Wrapped here, the page paints in its final layout. Material's script then
wraps the table once more; playbook.css lays that inner pair out as `display: contents`.
"""

from __future__ import annotations

import re

MARKDOWN_TABLE = re.compile(r"<table>.*?</table>", re.S)  # Python-Markdown's tables: no attributes


WRAPPED = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{}</div></div>'


def wrap_tables(html: str) -> str:
    return MARKDOWN_TABLE.sub(lambda table: WRAPPED.format(table.group(0)), html)
