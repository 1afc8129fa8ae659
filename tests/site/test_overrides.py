"""The theme overrides stay few and in step with the installed Material for MkDocs.

A copy of one of Material's templates must be re-made at every Material upgrade, so the project
keeps only the copies that blocks, CSS or a few lines of script cannot replace, and each says in
its first line why it exists. A copy names the Material version it was made from; when the
installed version differs, or the copy drifted from its original by more than its stated
change, this fails, so an upgrade is looked at instead of silently running an old template.
"""

from __future__ import annotations

import difflib
import re
from importlib.metadata import version
from pathlib import Path

import material

from tests.conftest import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
COPIED = re.compile(r"^\{#- Copied from Material for MkDocs (?P<version>[\d.]+) (?P<path>\S+?)\. Changed: ")
REPLACED = re.compile(r"^\{#- (?P<why>.{20,})")  # a partial of our own, in place of Material's
MAX_CHANGED_LINES = 3  # a copy exists for a small change; a bigger one would be a fork of the theme


def partials() -> list[Path]:
    return sorted((OVERRIDES / "partials").glob("*.html"))


def test_only_the_partials_nothing_smaller_can_replace_are_overridden() -> None:
    assert [p.name for p in partials()] == ["progress.html", "source.html"]


def test_every_override_says_in_its_first_lines_why_it_exists() -> None:
    for path in partials():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert COPIED.match(first) or REPLACED.match(first), f"{path.name}: the first line must say why it overrides Material"
    for page in ("main.html", "404.html"):
        text = (OVERRIDES / page).read_text(encoding="utf-8")
        assert text.startswith('{% extends "') and "{#-" in text.splitlines()[2], f"{page} extends Material and says why"


def body(text: str) -> list[str]:
    """A template without its leading Jinja comment."""
    return re.sub(r"^\{#-.*?-#\}\n", "", text, count=1, flags=re.S).splitlines()


def test_copies_match_the_installed_material_but_for_their_stated_change() -> None:
    for path in partials():
        found = COPIED.match(path.read_text(encoding="utf-8").splitlines()[0])
        if not found:
            continue
        assert found["version"] == version("mkdocs-material"), (
            f"{path.name} was copied from Material {found['version']}, {version('mkdocs-material')} is installed: re-copy it and re-apply its change"
        )
        original = MATERIAL_TEMPLATES / found["path"]
        assert original.name == path.name and original.exists(), f"{path.name}: Material has no {found['path']}"
        diff = difflib.unified_diff(body(original.read_text(encoding="utf-8")), body(path.read_text(encoding="utf-8")), lineterm="", n=0)
        changed = [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        assert 0 < len(changed) <= MAX_CHANGED_LINES * 2, f"{path.name} differs from Material's by {changed}"


def test_a_replacement_still_replaces_a_partial_material_has() -> None:
    for path in partials():
        assert (MATERIAL_TEMPLATES / "partials" / path.name).exists(), f"Material no longer has partials/{path.name}: the override does nothing"
