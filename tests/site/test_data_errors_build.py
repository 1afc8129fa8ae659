"""A real build of bad data stops with one clean line per problem: no traceback, no pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import run_build
from tests.unit.test_validation_rules import INVALID, OVERLAY_INVALID, expected_lines

pytestmark = pytest.mark.slow


def assert_refused(project: Path, site_dir: Path, expected: list[str]) -> None:
    result = run_build(project, site_dir)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "Traceback" not in log, log
    error_lines = [line.split("-", 1)[1].strip() for line in log.splitlines() if line.startswith("ERROR")]
    for line in expected:
        assert line in error_lines, f"missing {line!r} in:\n{log}"
    assert not list(site_dir.rglob("*.html")), "a page was published from bad data"


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_bad_base_data_stops_the_build(fixture: Path, project: Path, tmp_path: Path) -> None:
    shutil.copy(fixture, project / "data/responsibilities.yml")
    (project / "data/checklists.yml").unlink()
    assert_refused(project, tmp_path / "site", expected_lines(fixture))


@pytest.mark.parametrize("fixture", OVERLAY_INVALID, ids=lambda p: p.stem)
def test_bad_overlay_stops_the_build(fixture: Path, project: Path, tmp_path: Path) -> None:
    shutil.copy(fixture, project / "data/company.yml")
    assert_refused(project, tmp_path / "site", expected_lines(fixture))
