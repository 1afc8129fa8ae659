"""HTML from autoescaped Jinja2 templates (macros/render/templates/): every value is escaped by
construction, unless it is already `Markup` (HTML another renderer escaped).

Macro output goes into Markdown before Markdown runs, where a line break can end an HTML block,
so each template is read as one line: its own line breaks and indentation are layout for the
reader of the template, dropped when it is loaded. Values keep theirs.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup


class OneLineLoader(PackageLoader):
    def get_source(self, environment: Environment, template: str):  # type: ignore[no-untyped-def]
        source, filename, uptodate = super().get_source(environment, template)
        return "".join(line.strip() for line in source.splitlines()), filename, uptodate


# Configuration only, the same for every build: templates hold no per-build state.
TEMPLATES = Environment(
    loader=OneLineLoader("macros.render", "templates"),
    autoescape=True,
    undefined=StrictUndefined,  # a misspelt name fails the test that renders it, never prints ""
)


def render_html(template: str, **context: Any) -> Markup:
    return Markup(TEMPLATES.get_template(template).render(**context))


_MARKDOWN_CHARACTERS = {ord(c): f"&#{ord(c)};" for c in "\\`*_[]~<>&\"'"}


def inline_text(text: str) -> Markup:
    """Text from data that a macro puts inside a paragraph of a page, before Markdown runs: escaped
    for HTML, and every character Markdown reads inline (backtick, *, _, [, ], ~, backslash) written
    as an entity, so a role name or a norm's words never start a code span, emphasis or a link."""
    return Markup(text.translate(_MARKDOWN_CHARACTERS))
