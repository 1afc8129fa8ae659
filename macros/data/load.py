"""Find the data files, merge the overlay and validate: the one entry point, `load_playbook`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.data.errors import DataError, Notice, Problem
from macros.data.model import Playbook
from macros.data.overlay import Merged, Removed, join_file, merge_overlay
from macros.data.settings import Settings, read_settings
from macros.data.validate import validate
from macros.data.wordcheck import read_words
from macros.data.yamlsource import YamlMap, read_yaml

BASE_FILE = "data/responsibilities.yml"
CHECKLISTS_FILE = "data/checklists.yml"
NORMS_FILE = "data/norms.yml"
ASSESSMENT_FILE = "data/assessment.yml"
OVERLAY_FILE = "data/company.yml"


@dataclass(frozen=True)
class Loaded:
    playbook: Playbook
    settings: Settings
    notices: tuple[Notice, ...] = ()  # likely mistakes in the overlay, listed by the build and `make check`


def load_playbook(root: Path, docs_dir: Path | None = None) -> Loaded:
    """Read, merge and validate the data under `root`; raise DataError with every problem.

    Each stage returns its result: files -> one base tree -> merged with the overlay (and what
    it removed) -> settings and the validated, immutable Playbook."""
    base, overlay, problems = _read(root)
    if problems:
        raise DataError(problems)
    docs = docs_dir or root / "docs"
    merged = merge_overlay(base, overlay) if overlay is not None else Merged(base, Removed(), [])
    settings, found = read_settings(overlay, lambda page: _inside(docs, page), generated_sources(merged.tree))
    words, wrong_words = read_words(overlay, lambda page: _inside(docs, page))
    strict = merged.notices if settings.strict_overlay_ids else []
    if merged.problems or found or wrong_words or strict:
        raise DataError(merged.problems + found + wrong_words + list(strict))
    playbook = validate(merged.tree, lambda page: _inside(docs, page), BASE_FILE, merged.removed, words)
    return Loaded(playbook, settings, tuple(merged.notices))


def _read(root: Path) -> tuple[YamlMap, YamlMap | None, list[Problem]]:
    """The base tree (responsibilities joined with checklists, norms and behaviors), the overlay, and their problems."""
    base, problems = read_yaml(root / BASE_FILE, BASE_FILE)
    for extra in (CHECKLISTS_FILE, NORMS_FILE, ASSESSMENT_FILE):
        if (root / extra).exists():
            more, found = read_yaml(root / extra, extra)
            problems += found
            if isinstance(base, YamlMap) and isinstance(more, YamlMap):
                base, found = join_file(base, more, BASE_FILE)
                problems += found
    overlay = None
    if (root / OVERLAY_FILE).exists():
        overlay, found = read_yaml(root / OVERLAY_FILE, OVERLAY_FILE)
        problems += found
    return base, overlay, problems


def _inside(docs: Path, page: str) -> bool:
    """True for a file under docs/ (never one that a symlink or `..` puts elsewhere)."""
    path = (docs / page).resolve()
    return path.is_file() and path.is_relative_to(docs.resolve())


def generated_sources(tree: object) -> set[str]:
    """The pages the data will generate (before validation: ids as written), for settings checks."""
    found = {"roles/index.md", "checklists/index.md", "freshness.md", "norms.md"}
    for section, folder in (("roles", "roles"), ("checklists", "checklists")):
        entries = tree.get(section) if isinstance(tree, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                found.add(f"{folder}/{entry['id']}.md")
    return found


__all__ = ["DataError", "Loaded", "load_playbook"]
