"""A fork merges a newer upstream (issue 16): in a temporary git repository, the complete fork
fixture is built on one upstream commit, upstream then renames an item (with its alias), removes a
norm, changes a default, adds an activity and edits a page the fork replaced; the merge has no
conflict, `make upstream-report` lists each change (naming the fork's lines), and `make check`
stops at the fork's line that must change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.site.replacements import mark_reviewed
from tests.conftest import FIXTURES, copy_project
from tests.site.test_fork import CURRENT_REPLACEMENT

pytestmark = pytest.mark.slow

IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
FORK_PATCH = "      - {id: reply-within-a-day, text: Reply within one Acme working day.}\n"  # patches upstream's item


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False, env={**os.environ, **IDENTITY})


def macros(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", *args], capture_output=True, text=True, check=False, cwd=repo)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_project(tmp_path_factory.mktemp("merge") / "repo")
    assert git(repo, "init", "-q", "-b", "upstream").returncode == 0
    git(repo, "add", "-A")
    assert git(repo, "commit", "-qm", "upstream v1").returncode == 0
    git(repo, "checkout", "-qb", "fork")
    shutil.copytree(FIXTURES / "fork", repo, dirs_exist_ok=True)
    mark_reviewed(repo / "docs", CURRENT_REPLACEMENT)
    retro = "      - {id: monthly-review-retro, remove: true}\n"
    edit(repo / "data/company.yml", retro, retro + FORK_PATCH)
    git(repo, "add", "-A")
    assert git(repo, "commit", "-qm", "the fork").returncode == 0

    git(repo, "checkout", "-q", "upstream")
    checklists, norms = repo / "data/checklists.yml", repo / "data/norms.yml"
    edit(checklists, "      - id: reply-within-a-day\n", "      - id: first-response-within-limit\n")
    checklists.write_text(checklists.read_text() + "\naliases:\n  items:\n    code-reviews: {reply-within-a-day: first-response-within-limit}\n")
    edit(norms, "  - id: first-review-response\n    name: Time to first review (median)\n    value: 4\n", "  - id: first-review-response\n    name: Time to first review (median)\n    value: 3\n")
    edit(norms, "    activity: technical-questions\n    rationale: A standing slot", "    activity: technical-questions\n    source: https://example.org/sync\n    rationale: A standing slot")
    text = norms.read_text()
    start = text.index("  - id: buddy-check-in\n")
    norms.write_text(text[:start] + text[text.index("  - id:", start + 5) :])
    edit(
        repo / "data/responsibilities.yml",
        "  - id: mentoring\n",
        "  - id: design-critique\n    area: force-multiplier\n    name: Run a weekly design critique\n"
        "    page: plays/force-multiplier/spec-reviews.md\n    raci: {tl: A, eng: R}\n  - id: mentoring\n",
    )
    page = repo / "docs" / CURRENT_REPLACEMENT
    page.write_text(page.read_text() + "\nA paragraph upstream added.\n")
    git(repo, "add", "-A")
    assert git(repo, "commit", "-qm", "upstream v2: rename, remove, change, add").returncode == 0

    git(repo, "checkout", "-q", "fork")
    merge = git(repo, "merge", "--no-edit", "upstream")
    assert merge.returncode == 0 and "CONFLICT" not in merge.stdout, merge.stdout + merge.stderr
    return repo


def test_the_merge_touches_no_file_the_fork_changed(merged: Path) -> None:
    changed_by_fork = set(git(merged, "diff", "--name-only", "upstream~1", "fork~1").stdout.split())
    changed_by_upstream = set(git(merged, "diff", "--name-only", "upstream~1", "upstream").stdout.split())
    assert changed_by_fork and changed_by_upstream and not changed_by_fork & changed_by_upstream


def test_the_upstream_report_lists_what_needs_the_companys_attention(merged: Path) -> None:
    report = macros(merged, "upstream-report", "ORIG_HEAD")
    assert report.returncode == 0, report.stderr
    lines = report.stdout.splitlines()
    company = (merged / "data/company.yml").read_text().splitlines()
    patch_line = next(n for n, text in enumerate(company, 1) if "id: reply-within-a-day" in text)
    norm_line = next(n for n, text in enumerate(company, 1) if text.startswith("  first-review-response:"))
    expected = [
        "new: activity 'design-critique' (Run a weekly design critique) in area 'force-multiplier'; no cell for your role(s) design",
        f"renamed: item 'code-reviews/reply-within-a-day' is now 'first-response-within-limit'; patch the new id (data/company.yml:{patch_line} mentions it)",
        f"changed: norm 'first-review-response' default is now 3 working-hours (was 4 working-hours) (data/company.yml:{norm_line} mentions it)",
        "removed: norm 'buddy-check-in'",
    ]
    fix = f"fix: data/company.yml:{patch_line}: checklists[code-reviews].items[reply-within-a-day]: upstream renamed this item to 'first-response-within-limit' (aliases); use that id"
    assert lines[0] == fix and [line for line in expected if line not in lines] == [], report.stdout
    assert any(line.startswith(f"review: docs/company/replace/{CURRENT_REPLACEMENT}:2: replaces:") for line in lines), report.stdout
    assert not any("source" in line for line in lines)  # a new source is no change of value


def test_check_stops_at_the_forks_line_that_must_change(merged: Path) -> None:
    check = macros(merged, "check")
    company = (merged / "data/company.yml").read_text().splitlines()
    line = next(n for n, text in enumerate(company, 1) if "id: reply-within-a-day" in text)
    expected = f"data/company.yml:{line}: checklists[code-reviews].items[reply-within-a-day]: upstream renamed this item to 'first-response-within-limit' (aliases); use that id"
    assert check.returncode == 1 and expected in check.stderr.splitlines(), check.stderr


def test_since_must_be_a_commit_not_an_option(merged: Path, tmp_path: Path) -> None:
    target = tmp_path / "written"
    report = macros(merged, "upstream-report", f"--output={target}")
    assert report.returncode == 2 and "is not a commit here" in report.stderr and not target.exists()
