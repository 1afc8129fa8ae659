"""Facts in generated prose come from the data, and bad front matter or a bad manifest stop a real
build with one line each.

Two builds in all: a fork whose role count differs from upstream's (and which opts out of the
link manifest and deletes it), and a refused build with a malformed manifest plus an impossible
review date, whose lines must all appear at once.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.data.model import Playbook, Role
from macros.render.pages import roles_index_page
from macros.render.view import PageView, Site as ViewSite
from macros.data.wordbook import Words
from macros.data.load import load_playbook
from tests.conftest import FIXTURES, ROOT, build_site, copy_project, one_line_errors, run_build, shared_build, Site

TODAY = {"PLAYBOOK_TODAY": "2026-11-25"}
OVERLAY = """\
roles:
  staff: {remove: true}
  design: {name: Product Designer, plural: Product Designers, short: PD, summary: Owns the user experience.}
  sre: {name: Site Reliability Engineer, plural: Site Reliability Engineers, short: SRE, summary: Keeps production healthy.}
checklists:
  estimation: {remove: true}
settings:
  name: Acme
  check_permalinks: false
"""
SENTENCE = re.compile(r"(\w+) roles? shares? the work this playbook describes\.")


def playbook_with(roles: int) -> Playbook:
    made = tuple(Role(f"r{n}", f"Role {n}", f"Roles {n}", f"R{n}", "Does things.") for n in range(roles))
    return Playbook(roles=made, areas=(), activities=())


@pytest.mark.parametrize(
    ("n", "words"), [(0, "zero"), (1, "one"), (5, "five"), (6, "six"), (11, "eleven"), (12, "twelve"), (13, "13"), (40, "40")]
)
def test_small_counts_are_words_larger_ones_digits(n: int, words: str) -> None:
    assert Words().number(n) == words


def test_counted_is_singular_only_for_one() -> None:
    assert [Words().count(n, "roles") for n in (0, 1, 2, 21)] == ["zero roles", "one role", "two roles", "21 roles"]


@pytest.mark.parametrize(
    ("roles", "sentence"),
    [(1, "One role shares the work"), (2, "Two roles share the work"), (6, "Six roles share the work"), (13, "13 roles share the work")],
)
def test_roles_index_counts_the_roles_in_the_data(roles: int, sentence: str) -> None:
    assert sentence in roles_index_page(PageView(ViewSite(playbook_with(roles)), "roles/"))


@pytest.fixture(scope="module")
def six_role_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    def build(folder: Path) -> Site:
        project = copy_project(folder / "project")
        (project / "data/company.yml").write_text(OVERLAY)
        (project / "data/permalinks.json").unlink()  # opted out: the build must not need it
        return build_site(project, project / "site", env=TODAY)

    return shared_build(tmp_path_factory, "six-roles", build)


@pytest.mark.slow
def test_roles_index_says_how_many_roles_the_fork_has(six_role_site: Site) -> None:
    article = six_role_site.article("roles/")
    found = SENTENCE.search(article.get_text(" "))
    assert found is not None and found.group(0).startswith("Six roles share"), article.get_text(" ")[:300]
    listed = [li["data-role"] for li in article.select("ul.role-list li[data-role]")]
    assert listed == ["tl", "em", "pm", "eng", "design", "sre"]
    assert "Five" not in article.get_text(" ")


@pytest.mark.slow
def test_checklists_index_counts_the_checklists_the_fork_keeps(six_role_site: Site) -> None:
    article = six_role_site.article("checklists/")
    kept = len(article.select("li[data-checklist-link]")) + len(article.select("#area-other + ul li"))
    assert f"The playbook's {Words().count(kept, 'checklists')}, in one place" in article.get_text(" ")
    assert kept == len(load_playbook(ROOT).playbook.checklists) - 1


@pytest.mark.slow
def test_bad_manifest_and_impossible_review_date_are_refused_together(project: Path, tmp_path: Path) -> None:
    manifest = FIXTURES / "permalinks/several-problems.json"
    shutil.copy(manifest, project / "data/permalinks.json")
    page = project / "docs/glossary.md"
    page.write_text(page.read_text().replace("---\n", "---\nreview_by: 2020-13-45\n", 1))
    result = run_build(project, tmp_path / "site", env=TODAY)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    expected = [
        "docs/glossary.md:2: review_by: '2020-13-45' is not a real date like 2027-03-01",
        *manifest.with_suffix(".expect").read_text().splitlines(),
    ]
    summary = f"{len(expected)} problem(s) in page front matter or data/permalinks.json; nothing was built"
    assert one_line_errors(log) == [*expected, summary], log
    assert not list((tmp_path / "site").rglob("*.html")), "a page was published with broken front matter"
