"""A real build of bad data stops with one clean line per problem: no traceback, no pages.

One refused build per kind of failure (the YAML cannot be parsed, the data breaks several
rules at once, a page it names is missing, the overlay breaks a rule): which line each rule
prints is checked once per rule, without a build, in tests/unit/test_validation_rules.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_build
from tests.unit.test_validation_rules import INVALID, OVERLAY_INVALID, expected_lines

pytestmark = pytest.mark.slow

BASE_FAILURES = ("yaml-syntax-error", "several-problems", "page-does-not-exist")
OVERLAY_FAILURES = ("removed-role-was-accountable",)


def assert_refused(project: Path, site_dir: Path, expected: list[str]) -> None:
    result = run_build(project, site_dir)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "Traceback" not in log, log
    error_lines = [line.split("-", 1)[1].strip() for line in log.splitlines() if line.startswith("ERROR")]
    for line in expected:
        assert line in error_lines, f"missing {line!r} in:\n{log}"
    assert not list(site_dir.rglob("*.html")), "a page was published from bad data"


def test_each_kind_of_failure_has_a_fixture() -> None:
    assert {FIXTURES / "invalid" / f"{name}.yml" for name in BASE_FAILURES} <= set(INVALID)
    assert {FIXTURES / "overlay-invalid" / f"{name}.yml" for name in OVERLAY_FAILURES} <= set(OVERLAY_INVALID)


@pytest.mark.parametrize("name", BASE_FAILURES)
def test_bad_base_data_stops_the_build(name: str, project: Path, tmp_path: Path) -> None:
    fixture = FIXTURES / "invalid" / f"{name}.yml"
    shutil.copy(fixture, project / "data/responsibilities.yml")
    (project / "data/checklists.yml").unlink()
    assert_refused(project, tmp_path / "site", expected_lines(fixture))


@pytest.mark.parametrize("name", OVERLAY_FAILURES)
def test_bad_overlay_stops_the_build(name: str, project: Path, tmp_path: Path) -> None:
    fixture = FIXTURES / "overlay-invalid" / f"{name}.yml"
    shutil.copy(fixture, project / "data/company.yml")
    assert_refused(project, tmp_path / "site", expected_lines(fixture))
