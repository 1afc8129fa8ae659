"""Forks: the example overlay and a full customisation build, and every page follows them."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, Site, build_site

pytestmark = pytest.mark.slow

UPSTREAM_TITLES = {"tl": ("Tech Lead", "Tech Leads"), "em": ("Engineering Manager", "Engineering Managers"), "pm": ("Product Manager", "Product Managers"), "eng": ("Engineer", "Engineers")}
# Text that may keep upstream words: the source article's title (a citation) and code samples.
EXEMPT = "a.source-credit, pre, code, script, style"


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("fork") / "project")
    shutil.copy(FIXTURES / "fork/company.yml", project / "data/company.yml")
    return build_site(project, project / "site")


def visible_text(soup) -> str:  # noqa: ANN001
    for element in soup.select(EXEMPT):
        element.decompose()
    for element in soup.select("[aria-label], [title]"):
        element.attrs.pop("aria-label", None)
        element.attrs.pop("title", None)
    text = soup.get_text(" ")
    text = text.replace("Tech Lead Playbook", "")  # the site name: a setting, not a role title
    # A removed role keeps its upstream name where upstream prose mentions it (README: overlay).
    return re.sub(r"Staff Engineers?", "", text)


def test_no_renamed_title_is_left_on_any_page(fork_site: Site) -> None:
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for titles in UPSTREAM_TITLES.values() for t in titles) + r")\b")
    leftovers = []
    for url, soup in fork_site.pages():
        leftovers += [f"{url}: {m}" for m in pattern.findall(visible_text(soup))]
    assert not leftovers, "\n".join(leftovers[:20])


def test_matrix_follows_the_overlay(fork_site: Site) -> None:
    table = fork_site.article("responsibilities/").select_one("table.responsibility-matrix")
    assert [th["data-role"] for th in table.select("thead th[data-role]")] == ["tl", "em", "pm", "eng", "design"]
    assert [th.abbr["title"] for th in table.select("thead th[data-role]")][-1] == "Product Designer"
    rows = [tr["data-activity"] for tr in table.select("tr[data-activity]")]
    assert "roadmap-planning" not in rows
    assert rows.index("design-review") == rows.index("delegation") + 1  # appended to its area
    review = {td["data-role"]: td.get_text() for td in table.select("tr[data-activity=code-review] td")}
    assert review == {"tl": "A", "em": "", "pm": "", "eng": "R", "design": "I"}
    assert not fork_site.path("roles/staff/").exists()
    assert fork_site.path("roles/design/").exists()


def test_plays_drop_removed_rows_but_keep_the_rest(fork_site: Site) -> None:
    rows = [tr["data-activity"] for tr in fork_site.article("plays/partnering/estimation/").select("tr[data-activity]")]
    assert rows == ["estimation"]


def test_exports_follow_the_overlay(fork_site: Site) -> None:
    rows = list(csv.reader(io.StringIO(fork_site.path("exports/responsibility-matrix.csv").read_text())))
    assert rows[0][3:] == ["Team Lead", "People Lead", "Product Owner", "Developer", "Product Designer"]
    data = json.loads(fork_site.path("exports/responsibility-matrix.json").read_text())
    assert "staff" not in {r["id"] for r in data["roles"]}


def test_checklist_items_follow_the_overlay(fork_site: Site) -> None:
    items = [li["data-item"] for li in fork_site.article("checklists/code-reviews/").select("[data-item]")]
    assert items[-1] == "run-the-review-bot" and "monthly-review-retro" not in items
    markdown = fork_site.path("checklists/code-reviews.md").read_text()
    assert "Run the review bot" in markdown and markdown.count("- [ ] ") == len(items)


def test_example_overlay_builds(tmp_path: Path) -> None:
    from tests.conftest import copy_project

    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "data/company.example.yml", project / "data/company.yml")
    site = build_site(project, tmp_path / "site")
    text = site.article("responsibilities/").get_text(" ")
    assert "People Lead" in text and "Engineering Manager" not in text
    assert site.path("roles/design/").exists() and not site.path("roles/staff/").exists()
