"""Role titles come from the data: a rename reaches every page; an unknown id stops the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import build_site, run_build


@pytest.mark.slow
def test_renaming_a_role_in_data_renames_it_everywhere(project: Path, tmp_path: Path) -> None:
    data = project / "data/responsibilities.yml"
    text = data.read_text()
    text = text.replace("name: Engineering Manager", "name: People Lead").replace("plural: Engineering Managers", "plural: People Leads")
    data.write_text(text)
    site = build_site(project, tmp_path / "site")
    seen_new = False
    for url, soup in site.pages():
        page_text = soup.get_text(" ")
        assert not re.search(r"Engineering Managers?\b", page_text), f"{url} still says Engineering Manager"
        seen_new = seen_new or "People Lead" in page_text
    assert seen_new
    assert "People Lead" in site.article("").get_text(" ")


@pytest.mark.slow
def test_unknown_role_id_fails_with_one_line_naming_page_and_id(project: Path, tmp_path: Path) -> None:
    page = project / "docs/glossary.md"
    page.write_text(page.read_text() + "\n\nAsk the {{ role('cto') }}.\n")
    result = run_build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    naming = [line for line in log.splitlines() if "glossary.md" in line and "unknown role id 'cto'" in line]
    assert len(naming) == 1, log
    assert not (tmp_path / "site/glossary/index.html").exists()
