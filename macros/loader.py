"""Find the data files, merge the overlay and validate: the one entry point, `load_playbook`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .model import Playbook
from .overlay import merge_overlay
from .settings import Settings, read_settings
from .validate import validate
from .yamlsource import YamlMap, read_yaml

BASE_FILE = "data/responsibilities.yml"
CHECKLISTS_FILE = "data/checklists.yml"
OVERLAY_FILE = "data/company.yml"


@dataclass(frozen=True)
class Loaded:
    playbook: Playbook
    settings: Settings


def data_files(root: Path) -> list[Path]:
    return [root / name for name in (BASE_FILE, CHECKLISTS_FILE, OVERLAY_FILE)]


def load_playbook(root: Path, docs_dir: Path | None = None) -> Loaded:
    """Read, merge and validate the data under `root`; raise DataError with every problem."""
    problems: list[Problem] = []
    base, found = read_yaml(root / BASE_FILE, BASE_FILE)
    problems += found
    checklists_path = root / CHECKLISTS_FILE
    if checklists_path.exists():
        extra, found = read_yaml(checklists_path, CHECKLISTS_FILE)
        problems += found
        if isinstance(base, YamlMap) and isinstance(extra, YamlMap):
            for key, value in extra.items():
                if key in base:
                    problems.append(Problem(extra.at(key), str(key), f"also defined in {BASE_FILE}; keep it in one file"))
                base[key] = value
                base.locations[key] = extra.at(key)
    overlay = None
    overlay_path = root / OVERLAY_FILE
    if overlay_path.exists():
        overlay, found = read_yaml(overlay_path, OVERLAY_FILE)
        problems += found
    if problems:
        raise DataError(problems)
    docs = docs_dir or root / "docs"
    found = []
    if overlay is not None:
        base, found = merge_overlay(base, overlay)
    settings, settings_problems = read_settings(overlay, lambda page: _inside(docs, page), generated_sources(base))
    found += settings_problems
    if found:
        raise DataError(found)
    playbook = validate(base, lambda page: _inside(docs, page), BASE_FILE)
    return Loaded(playbook, settings)


def _inside(docs: Path, page: str) -> bool:
    """True for a file under docs/ (never one that a symlink or `..` puts elsewhere)."""
    path = (docs / page).resolve()
    return path.is_file() and path.is_relative_to(docs.resolve())


def generated_sources(tree: object) -> set[str]:
    """The pages the data will generate (before validation: ids as written), for settings checks."""
    found = {"roles/index.md", "checklists/index.md", "freshness.md"}
    for section, folder in (("roles", "roles"), ("checklists", "checklists")):
        entries = tree.get(section) if isinstance(tree, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                found.add(f"{folder}/{entry['id']}.md")
    return found


class CachedLoader:
    """Load once per change of the data files: MkDocs calls us several times per build."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._value: Loaded | None = None

    def get(self, root: Path, docs_dir: Path) -> Loaded:
        stats = tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else None for p in data_files(root))
        key = (str(root), str(docs_dir), stats)
        if key != self._key or self._value is None:
            self._value = None
            self._value = load_playbook(root, docs_dir)
            self._key = key
        return self._value


cache = CachedLoader()

__all__ = ["DataError", "Loaded", "cache", "load_playbook"]
