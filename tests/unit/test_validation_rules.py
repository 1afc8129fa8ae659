"""One fixture per validation rule; each names the exact lines the user must see."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data.errors import DataError
from macros.data.load import load_playbook
from tests.conftest import FIXTURES, ROOT

INVALID = sorted((FIXTURES / "invalid").glob("*.yml"))
OVERLAY_INVALID = sorted((FIXTURES / "overlay-invalid").glob("*.yml"))


def expected_lines(fixture: Path) -> list[str]:
    lines = [line[len("# expect: ") :] for line in fixture.read_text().splitlines() if line.startswith("# expect: ")]
    assert lines, f"{fixture.name} declares no expected message"
    return lines


def problems_for(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_playbook(root)
    return [str(p) for p in caught.value.problems]


def base_tree(tmp_path: Path, data: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n")
    shutil.copy(data, tmp_path / "data/responsibilities.yml")
    return tmp_path


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_invalid_data_reports_exactly_the_expected_lines(fixture: Path, tmp_path: Path) -> None:
    assert problems_for(base_tree(tmp_path, fixture)) == expected_lines(fixture)


def overlay_problems(tmp_path: Path, fixture: Path) -> list[str]:
    """The lines the real data reports with `fixture` as its data/company.yml."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(fixture, tmp_path / "data/company.yml")
    return problems_for(tmp_path)


@pytest.mark.parametrize("fixture", OVERLAY_INVALID, ids=lambda p: p.stem)
def test_invalid_overlay_points_at_the_overlay(fixture: Path, tmp_path: Path) -> None:
    found = overlay_problems(tmp_path, fixture)
    assert found == expected_lines(fixture)
    assert all(line.startswith("data/company.yml:") for line in found)


def test_minimal_fixture_is_valid(tmp_path: Path) -> None:
    loaded = load_playbook(base_tree(tmp_path, FIXTURES / "data/minimal.yml"))
    assert [r.id for r in loaded.playbook.roles] == ["tl", "eng"]


def test_real_data_is_valid() -> None:
    playbook = load_playbook(ROOT).playbook
    assert len(playbook.activities) >= 20
    for activity in playbook.activities:
        assert sum(1 for _, letter in activity.cells if letter in ("A", "A/R")) == 1
        assert activity.responsible
