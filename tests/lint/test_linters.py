"""Linters run as tests, so `make test` is the one command that gates a change."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_lint_is_clean() -> None:
    result = run(str(BIN / "ruff"), "check", "macros", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "macros", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_codespell_finds_no_typos_in_content() -> None:
    result = run(str(BIN / "codespell"), "docs", "data", "README.md")
    assert result.returncode == 0, result.stdout + result.stderr
