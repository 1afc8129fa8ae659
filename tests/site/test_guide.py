"""What the customisation guide (docs/customise/index.md) shows is what the tests run: its YAML is
included from the fork fixture (tests/fixtures/fork/, built by test_fork.py), and every error line
it quotes is produced here, from the fork or the overlay the guide describes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from macros.data.errors import DataError
from macros.data.load import load_playbook
from tests.conftest import FIXTURES, ROOT, copy_project, one_line_errors, run_build

GUIDE = ROOT / "docs/customise/index.md"
FORK_OVERLAY = (FIXTURES / "fork/data/company.yml").read_text(encoding="utf-8")
ERROR = r"(?:data|docs)/[\w/.-]+(?::\d+)?: \S.*"


def quoted_errors() -> list[str]:
    """Error lines in the guide: the lines of its ```text blocks, and inline code that reads as one."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(.*?)```", text, flags=re.S)
    lines = [line for block in blocks for line in block.splitlines() if re.fullmatch(ERROR, line)]
    return lines + [span for span in re.findall(r"`([^`\n]+)`", text) if re.fullmatch(ERROR, span)]


def check(tmp_path: Path, overlay: str) -> list[str]:
    """What `make check` prints for this data/company.yml over the upstream data."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(FIXTURES / "fork/docs", tmp_path / "docs", dirs_exist_ok=True)
    (tmp_path / "data/company.yml").write_text(overlay, encoding="utf-8")
    try:
        load_playbook(tmp_path)
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def build(tmp_path: Path, overlay: str) -> list[str]:
    """What a strict build of the fork with this data/company.yml refuses with."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(FIXTURES / "fork", project, dirs_exist_ok=True)
    (project / "data/company.yml").write_text(overlay, encoding="utf-8")
    return one_line_errors((lambda r: r.stdout + r.stderr)(run_build(project, tmp_path / "site", env={"PLAYBOOK_TODAY": "2026-11-25"})))


# The fork (or a one-setting overlay) as the guide describes each mistake.
DATA_MISTAKES: dict[str, str] = {
    "a second accountable role": FORK_OVERLAY.replace("raci: {design: I, em: ~}", "raci: {design: A, em: ~}"),
    "a redirect out of docs/": "settings:\n  redirects:\n    ../x.md: index.md\n",
    "a primary colour without contrast": FORK_OVERLAY.replace('primary: "#0b5394"', 'primary: "#ffcc00"'),
    "a norm in another kind of unit": FORK_OVERLAY.replace("unit: working-days\n    rationale: Acme", "unit: percent\n    rationale: Acme"),
    "a patch for an id upstream renamed": "checklists:\n  code-review:\n    items:\n      - {id: reply-within-a-day, text: Reply.}\n",
    "a word that lost a placeholder": "# Acme\n\nwords:\n  checklist-progress: \"{done} ticked\"\n",
}
BUILD_MISTAKES: dict[str, str] = {
    "an overdue review, when the fork asks": FORK_OVERLAY.replace("# --8<-- [end:settings]", "  fail_on_overdue_reviews: true\n# --8<-- [end:settings]"),
}


def produced(run: Callable[[Path, str], list[str]], overlays: dict[str, str], tmp_path: Path) -> set[str]:
    return {line for n, overlay in enumerate(overlays.values()) for line in run(tmp_path / str(n), overlay)}


def test_every_error_the_guide_quotes_comes_from_the_data_it_describes(tmp_path: Path) -> None:
    lines = produced(check, DATA_MISTAKES, tmp_path)
    quoted = [line for line in quoted_errors() if line.startswith("data/")]
    assert len(quoted) == len(DATA_MISTAKES)
    assert [line for line in quoted if line not in lines] == [], sorted(lines)


@pytest.mark.slow
def test_every_build_error_the_guide_quotes_comes_from_a_real_build(tmp_path: Path) -> None:
    lines = produced(build, BUILD_MISTAKES, tmp_path)
    quoted = [line for line in quoted_errors() if line.startswith("docs/")]
    assert len(quoted) == len(BUILD_MISTAKES)
    assert [line for line in quoted if not any(line in produced_line for produced_line in lines)] == [], sorted(lines)


def test_the_guide_includes_its_yaml_from_the_fixtures() -> None:
    """No YAML retyped: each block is an include of a tested file (the GitLab job aside, below)."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:yaml|markdown)\n(.*?)```", text, flags=re.S)
    included = [b for b in blocks if b.startswith("--8<-- ")]
    assert len(included) >= 5
    assert [b for b in blocks if b not in included and not b.startswith(("pages:", "# yaml-language-server"))] == []


def test_the_gitlab_job_the_guide_shows_builds_with_the_locked_tools() -> None:
    job = re.search(r"```yaml\n(pages:\n.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)
    assert job is not None
    pages = yaml.safe_load(job.group(1))["pages"]
    assert pages["script"] == ["pip install -r requirements.lock", "mkdocs build --strict --site-dir public"]
    assert (ROOT / "requirements.lock").is_file() and pages["artifacts"]["paths"] == ["public"]


def test_every_notice_the_guide_quotes_comes_from_make_check_on_the_fork(tmp_path: Path) -> None:
    """The fork as it is, and with the one-letter typo the guide describes."""
    retro = "      - {id: monthly-review-retro, remove: true}\n"
    typo = FORK_OVERLAY.replace(retro, retro + "      - {id: reply-within-a-dya, text: Reply within a day.}\n")
    lines: set[str] = set()
    for n, overlay in enumerate((FORK_OVERLAY, typo)):
        project = copy_project(tmp_path / str(n))
        shutil.copytree(FIXTURES / "fork", project, dirs_exist_ok=True)
        (project / "data/company.yml").write_text(overlay, encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "macros", "check", str(project)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        lines |= set(result.stderr.splitlines())
    blocks = re.findall(r"```text\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)
    quoted = [line for block in blocks for line in block.splitlines() if line.startswith("notice: ")]
    assert len(quoted) >= 2 and [line for line in quoted if line not in lines] == [], sorted(lines)
