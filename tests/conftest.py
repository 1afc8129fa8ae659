"""Shared fixtures: one strict build of the real site per session, and throwaway project copies."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
PROJECT_PARTS = (
    "mkdocs.yml",
    "data",
    "docs",
    "macros",
    "includes",
    "overrides",
    "schema",
    "tests/fixtures/fork",
)  # the guide includes the fork


def run_build(project: Path, site_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict`, as a user runs it, in a separate process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


@dataclass
class Site:
    """A built site on disk, read the way a browser would get it. Each page is parsed once per
    session and shared: tests read the parsed pages, never change them (see `text_without`)."""

    root: Path
    log: str
    _parsed: dict[Path, BeautifulSoup] = field(default_factory=dict, repr=False)

    def path(self, url: str) -> Path:
        path = self.root / url.lstrip("/")
        return path / "index.html" if url == "" or url.endswith("/") else path

    def html(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    def _parse(self, file: Path) -> BeautifulSoup:
        if file not in self._parsed:
            self._parsed[file] = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        return self._parsed[file]

    def soup(self, url: str) -> BeautifulSoup:
        return self._parse(self.path(url))

    def pages(self) -> Iterator[tuple[str, BeautifulSoup]]:
        for file in sorted(self.root.rglob("*.html")):
            yield file.relative_to(self.root).as_posix(), self._parse(file)

    def article(self, url: str) -> BeautifulSoup:
        found = self.soup(url).select_one("article.md-content__inner")
        assert found is not None, f"{url} has no article"
        return found


def is_redirect_stub(soup: BeautifulSoup) -> bool:
    return soup.find("meta", attrs={"http-equiv": re.compile("^refresh$", re.I)}) is not None


def representative_pages(site: Site) -> list[str]:
    """The fewest pages that, together, hold every kind of element the site has, as a reader
    requests them (`x/` for `x/index.html`).

    A kind is what browser checks such as axe judge an element by: its tag, classes, attribute
    names, role, input type and parent tag. Picked greedily (the page with the most kinds not yet
    held, first), from the build itself, so a new kind of markup anywhere brings its page in.
    The per-page content rules axe also has (ids, headings, names) are checked on every page
    by the site tests, which read the HTML."""
    kinds: dict[str, set[tuple[object, ...]]] = {}
    for path, soup in site.pages():
        if soup.body is None or is_redirect_stub(soup):
            continue
        kinds[path.removesuffix("index.html")] = {
            (
                el.name,
                tuple(sorted(el.get("class", []))),
                tuple(sorted(set(el.attrs) - {"class"})),
                el.get("role"),
                el.get("type"),
                el.parent.name,
            )
            for el in soup.body.find_all(True)
        }
    chosen: list[str] = []
    held: set[tuple[object, ...]] = set()
    while remaining := {url: found - held for url, found in kinds.items() if found - held}:
        best = max(sorted(remaining), key=lambda url: len(remaining[url]))
        chosen.append(best)
        held |= kinds[best]
    return chosen


def text_without(tag: Tag, skip: str) -> str:
    """`tag.get_text(" ")` minus the text inside elements matching the CSS selector `skip`,
    without changing the (shared) parsed page."""
    skipped = {id(element) for element in tag.select(skip)}
    return " ".join(text for text in tag.strings if not any(id(parent) in skipped for parent in text.parents))


def build_site(project: Path, site_dir: Path, env: dict[str, str] | None = None) -> Site:
    result = run_build(project, site_dir, env=env)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "WARNING" not in log, log
    return Site(site_dir, log)


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Site]) -> Site:
    """One build for the whole run, whichever pytest-xdist worker asks first: the others wait for
    it (an exclusive lock) and read the same pages. `build(folder)` builds into an empty folder."""
    shared = tmp_path_factory.getbasetemp().parent if os.environ.get("PYTEST_XDIST_WORKER") else tmp_path_factory.getbasetemp()
    folder, done = shared / f"shared-{name}", shared / f"shared-{name}.json"
    with (shared / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            built = build(folder)
            done.write_text(json.dumps({"root": str(built.root), "log": built.log}), encoding="utf-8")
            return built
    record = json.loads(done.read_text(encoding="utf-8"))
    return Site(Path(record["root"]), record["log"])


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real project, built once per run, strictly; a warning fails the session."""
    return shared_build(tmp_path_factory, "site", lambda folder: build_site(ROOT, folder))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project to break or customise without touching the real one."""
    return copy_project(tmp_path / "project")


def one_line_errors(log: str) -> list[str]:
    """The ERROR lines a build printed, without the log-level prefix."""
    return [line.split("-", 1)[1].strip() for line in log.splitlines() if line.startswith("ERROR")]


def heading_text(tag: object) -> str:
    """A heading's words, without the permalink sign MkDocs appends."""
    copy = BeautifulSoup(str(tag), "html.parser")
    for link in copy.select("a.headerlink"):
        link.decompose()
    return copy.get_text(" ", strip=True)


def edit_checklists(project: Path, edit) -> None:
    """Change a project copy's data/checklists.yml the way an upstream update would."""
    path = project / "data/checklists.yml"
    data = yaml.safe_load(path.read_text())
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def code_reviews(data: dict) -> dict:
    return next(c for c in data["checklists"] if c["id"] == "code-reviews")


HOSTILE_ACCEPTED = FIXTURES / "hostile/accepted"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A fork built from the worst inputs the build accepts (tests/fixtures/hostile/accepted/)."""

    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")
        shutil.copytree(HOSTILE_ACCEPTED, project, dirs_exist_ok=True)
        return build_site(project, folder / "site", env={"PLAYBOOK_TODAY": "2026-12-01"})

    return shared_build(tmp_path_factory, "hostile", build)
