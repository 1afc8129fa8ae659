"""How the build reports bad input: one `FILE:LINE: PATH: message` line per problem, then stop."""

from __future__ import annotations

import logging
import re
from typing import Any, NoReturn

from mkdocs.exceptions import PluginError

from macros.data.errors import Location, Problem, UnknownIdError
from macros.data.model import Norm

log = logging.getLogger("mkdocs.plugins.playbook")


def fail(problems: list[Problem], what: str) -> NoReturn:
    """Log every problem, then stop the build before any page is written."""
    for problem in problems:
        log.error(str(problem))
    raise PluginError(f"{len(problems)} {what}; nothing was built")


def install_error_format() -> None:
    """Make mkdocs-macros report an unknown id as one line naming the page, not a traceback."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # an older mkdocs-macros: its default message still fails the build
        return

    @format_error.register
    def _unknown_id(error: UnknownIdError, markdown: str, page: Any) -> str:
        source = page.file.content_string  # the whole file, front matter included: its line numbers
        return f"docs/{page.file.src_path}:{line_of(source, error.given)}: {error}"


def line_of(markdown: str, given: str) -> int:
    """The line of the first macro call that quotes `given` (`norm('id')`, `role("id", ...)`), else
    of its first quoted mention; 1 if none is found."""
    quoted = rf"""(['"]){re.escape(given)}\1"""
    for pattern in (rf"\{{\{{[^}}]*\(\s*{quoted}", quoted):
        if found := re.search(pattern, markdown):
            return markdown.count("\n", 0, found.start()) + 1
    return 1


def unused_norm(norm: Norm) -> Problem:
    file, _, line = norm.where.rpartition(":")
    message = f"no page uses this norm; quote it in a page with {{{{ norm('{norm.id}') }}}} or remove it"
    return Problem(Location(file, int(line or 1)), f"norms[{norm.id}]", message)
