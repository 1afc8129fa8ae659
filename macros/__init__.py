"""Tech Lead Playbook macros: data -> validated model -> HTML, wired into mkdocs-macros.

Layers (each importable and testable alone):
  yamlsource -> overlay -> validate/model -> render/* -> exports -> pages/lifecycle (MkDocs hooks)
`define_env` below only registers the page macros.
"""

from __future__ import annotations

from typing import Any

from .pagemacros import PageMacros


def define_env(env: Any) -> None:
    from . import lifecycle

    lifecycle.install_error_format()
    macros = PageMacros(env)
    for name in macros.exported:
        env.macro(getattr(macros, name), name)
