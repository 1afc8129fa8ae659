"""How the build reports bad input: one `FILE:LINE: PATH: message` line per problem, then stop."""

from __future__ import annotations

import logging
from typing import Any, NoReturn

from mkdocs.exceptions import PluginError

from macros.data.errors import Problem, UnknownIdError

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
        return f"{page.file.src_path}: {error}"
