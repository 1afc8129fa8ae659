"""Markdown tables arrive wrapped as Material's script would wrap them; ours (with a class) do not."""

from __future__ import annotations

from macros.render.tables import wrap_tables

OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
MARKDOWN = "<table>\n<tr><td>1</td></tr>\n</table>"
OURS = '<table class="raci-matrix"><tr><td>R</td></tr></table>'


def test_markdown_tables_are_wrapped_and_classed_tables_are_not() -> None:
    html = f"<p>a</p>{MARKDOWN}{OURS}{MARKDOWN}"
    wrapped = wrap_tables(html)
    assert wrapped == f"<p>a</p>{OPEN}{MARKDOWN}</div></div>{OURS}{OPEN}{MARKDOWN}</div></div>"
