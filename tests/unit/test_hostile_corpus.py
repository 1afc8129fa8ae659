"""The hostile-input corpus (tests/fixtures/hostile/): every refusal is the exact one line the
author must see, at the file they edit. Accepted-but-hostile inputs are built into a whole site
by tests/site/test_hostile_site.py and crawled in Chromium by tests/browser/test_hostile_crawl.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.urlpolicy import url_problem
from tests.conftest import FIXTURES, ROOT
from tests.unit.test_validation_rules import base_tree, expected_lines, overlay_problems, problems_for

HOSTILE = FIXTURES / "hostile"


@pytest.mark.parametrize("fixture", sorted((HOSTILE / "refused").glob("*.yml")), ids=lambda p: p.stem)
def test_hostile_overlay_is_refused_with_one_line_at_the_overlay(fixture: Path, tmp_path: Path) -> None:
    found = overlay_problems(tmp_path, fixture)
    assert found == expected_lines(fixture)
    assert len(found) == 1 and found[0].startswith("data/company.yml:")


@pytest.mark.parametrize("fixture", sorted((HOSTILE / "refused-data").glob("*.yml")), ids=lambda p: p.stem)
def test_hostile_base_data_is_refused_with_one_line(fixture: Path, tmp_path: Path) -> None:
    assert problems_for(base_tree(tmp_path, fixture)) == expected_lines(fixture)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " \x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "&#0000106avascript:alert(1)",
        "jav&#x0A;ascript:alert(1)",
        "ｊavascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example/\u202e",
        "https:",
        "https://",
    ],
)
def test_the_url_policy_refuses_what_a_browser_would_run_or_send_elsewhere(url: str) -> None:
    assert url_problem(url, "link") is not None


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a?b=1&c=2#d", "http://intranet/x", "mailto:help@acme.example", "tel:+44-20-7946-0000", "../x/", "#top", "x.md"],
)
def test_the_url_policy_allows_web_mail_phone_and_site_links(url: str) -> None:
    assert url_problem(url, "link") is None


@pytest.mark.parametrize("url", ["https://example.org/a.png", "mailto:x@y.z", "//cdn.example/a.png"])
def test_images_must_come_from_the_site_itself(url: str) -> None:
    assert url_problem(url, "image") is not None
    assert url_problem("../assets/company/logo.svg", "image") is None


def test_unsafe_redirects_in_mkdocs_yml_are_refused_at_their_line() -> None:
    from macros.site.checks import unsafe_redirects

    text = "plugins:\n  - redirects:\n      redirect_maps:\n        ok.md: index.md\n        ../../x.md: index.md\n"
    found = [str(p) for p in unsafe_redirects(text, {"ok.md": "index.md", "../../x.md": "index.md"})]
    assert found == [
        "mkdocs.yml:5: redirects.redirect_maps.../../x.md: '../../x.md' must be a page path inside docs/, "
        "like plays/x/y.md (no leading '/', no '.' or '..' parts)"
    ]


def test_page_file_names_that_would_break_an_attribute_are_refused() -> None:
    from macros.site.checks import unsafe_page_names

    name = 'company/x" onmouseover="alert(1).md'
    found = [str(p) for p in unsafe_page_names(["company/ok-page.md", name])]
    assert found == [f"docs/{name}:1: file name: '{name}' is not a plain page path: use letters, digits, '-', '_', '.' and '/'"]


def test_the_matrix_csv_never_hands_a_spreadsheet_a_formula() -> None:
    import csv
    import io
    from dataclasses import replace

    from macros.data.load import load_playbook
    from macros.render.matrix import MatrixTable

    playbook = load_playbook(ROOT).playbook
    evil = '=HYPERLINK("https://evil.example","Review")'
    first = replace(playbook.activities[0], name=evil)
    roles = (replace(playbook.roles[0], name="@SUM(1+1)"), *playbook.roles[1:])
    rows = list(csv.reader(io.StringIO(MatrixTable.of(replace(playbook, roles=roles, activities=(first, *playbook.activities[1:]))).csv())))
    assert rows[0][3] == "'@SUM(1+1)"
    assert rows[1][2] == "'" + evil
