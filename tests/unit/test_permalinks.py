"""data/permalinks.json is validated like the other data files: one exact line per problem.

Each fixture in tests/fixtures/permalinks/ is a manifest and, next to it, the lines the user
must see (`NAME.expect`). The build, `make check` and `make permalinks` share this reader.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from macros.__main__ import main
from macros.data.errors import DataError
from macros.data.load import load_playbook
from macros.data.permalinks import MANIFEST, check_permalinks, read_manifest
from macros.site.files import check_published_links
from tests.conftest import FIXTURES, ROOT

MANIFESTS = sorted((FIXTURES / "permalinks").glob("*.json"))
MISSING = (
    "data/permalinks.json:1: the published-link manifest is missing; run make permalinks to create it, "
    "or set settings.check_permalinks: false in data/company.yml to opt out"
)


def expected(fixture: Path) -> list[str]:
    return fixture.with_suffix(".expect").read_text().splitlines()


def problems_in(root: Path, required: bool = True) -> list[str]:
    with pytest.raises(DataError) as caught:
        read_manifest(root, required)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project with the real data and pages: enough for the manifest, check and permalinks."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def test_every_fixture_names_its_lines() -> None:
    assert len(MANIFESTS) >= 12
    assert all(expected(f) for f in MANIFESTS)


@pytest.mark.parametrize("fixture", MANIFESTS, ids=lambda p: p.stem)
def test_malformed_manifest_gives_exactly_the_expected_lines(fixture: Path, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    shutil.copy(fixture, tmp_path / MANIFEST)
    assert problems_in(tmp_path) == expected(fixture)


@pytest.mark.parametrize("fixture", MANIFESTS, ids=lambda p: p.stem)
def test_make_permalinks_refuses_to_rewrite_a_malformed_manifest(fixture: Path, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(fixture, root / MANIFEST)
    assert main(["permalinks", str(root)]) == 1
    assert capsys.readouterr().err.splitlines() == expected(fixture)
    assert (root / MANIFEST).read_bytes() == fixture.read_bytes(), "a malformed manifest was rewritten"


def test_make_check_reports_the_manifest_too(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixture = FIXTURES / "permalinks/several-problems.json"
    shutil.copy(fixture, root / MANIFEST)
    assert main(["check", str(root)]) == 1
    assert capsys.readouterr().err.splitlines() == [*expected(fixture), "4 problems found"]


def test_make_check_with_broken_data_still_reports_the_manifest(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "permalinks/item-not-string.json", root / MANIFEST)
    (root / "data/company.yml").write_text("settings:\n  check_permalinks: maybe\n")
    assert main(["check", str(root)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/company.yml:2: settings.check_permalinks: expected true or false, found text",
        *expected(FIXTURES / "permalinks/item-not-string.json"),
        "2 problems found",
    ]


def test_missing_manifest_is_one_line_when_required(tmp_path: Path) -> None:
    assert problems_in(tmp_path) == [MISSING]


def test_make_permalinks_creates_a_missing_manifest(root: Path) -> None:
    published = json.loads((root / MANIFEST).read_text())
    (root / MANIFEST).unlink()
    assert main(["permalinks", str(root)]) == 0
    assert json.loads((root / MANIFEST).read_text()) == published


def test_make_check_names_a_missing_manifest_unless_opted_out(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / MANIFEST).unlink()
    assert main(["check", str(root)]) == 1
    assert capsys.readouterr().err.splitlines() == [MISSING, "1 problem found"]
    (root / "data/company.yml").write_text("settings:\n  check_permalinks: false\n")
    assert main(["check", str(root)]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


def build_config(root: Path) -> SimpleNamespace:
    return SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "docs"), plugins={})


def test_build_fails_on_a_missing_manifest(root: Path, caplog: pytest.LogCaptureFixture) -> None:
    (root / MANIFEST).unlink()
    loaded = load_playbook(root)
    with caplog.at_level(logging.ERROR), pytest.raises(PluginError, match="1 problem"):
        check_published_links(build_config(root), Files([]), loaded)  # type: ignore[arg-type]
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [MISSING]


@pytest.mark.parametrize("manifest", [None, "several-problems.json"], ids=["missing", "malformed"])
def test_build_skips_the_check_when_a_fork_opts_out(root: Path, manifest: str | None) -> None:
    (root / MANIFEST).unlink()
    if manifest:
        shutil.copy(FIXTURES / "permalinks" / manifest, root / MANIFEST)
    (root / "data/company.yml").write_text("settings:\n  check_permalinks: false\n")
    loaded = load_playbook(root)
    # No page at all would break every published link: only a skipped check passes.
    assert check_published_links(build_config(root), Files([]), loaded) is None  # type: ignore[arg-type,func-returns-value]


def test_a_gone_id_points_at_its_own_line() -> None:
    playbook = load_playbook(ROOT).playbook
    first = playbook.checklists[0]
    text = json.dumps({"pages": [], "checklists": {first.id: [first.items[0].id, "no-such-item"]}}, indent=2)
    problems = check_permalinks(json.loads(text), text, playbook, set(), set())
    assert [str(p) for p in problems] == [
        f"data/permalinks.json:6: checklists[{first.id}].items[no-such-item]: "
        f"published item is gone; add `aliases: items: {first.id}: {{no-such-item: NEW}}`"
    ]
