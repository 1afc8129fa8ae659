"""Page front matter: every page MkDocs would publish with its front matter as visible text,
and every owner or review date that is not what it claims, is one exact line.

Each fixture in tests/fixtures/front-matter/ is a page that ends with the lines it must give
(`<!-- expect: ... -->`).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from macros.site.reviews import Review, read_review, review_from_text
from tests.conftest import FIXTURES, ROOT

PAGES = sorted((FIXTURES / "front-matter").glob("*.md"))
KEYS = ["owner", "review_by", "title", "2020-13-45"]
SCALARS = [
    "2027-03-01",
    "2020-13-45",
    "2027-02-30",
    "'2027-03-01'",
    "2027-03-01 10:00:00",
    "2027-03-01 25:00:00",
    "!!timestamp soon",
    "!!int heavy",
    "!!bool maybe",
    "!!binary ###",
    "[unclosed",
    "{a: 1}",
    "[2020-13-45]",
    "Platform team",
    "42",
    "",
    "~",
    "'it''s'",
    "*alias",
    "&anchor x",
    "!!python/name:os.system",
    "|\n  block",
    "@at",
]


def expected(page: Path) -> list[str]:
    found = [line[len("<!-- expect: ") : -len(" -->")] for line in page.read_text().splitlines() if line.startswith("<!-- expect: ")]
    assert found, f"{page.name} declares no expected line"
    return found


def review_of(tmp_path: Path, text: str, name: str = "page.md") -> tuple[Review | None, list[str]]:
    (tmp_path / name).write_text(text)
    review, problems = read_review(tmp_path, name)
    return review, [str(p) for p in problems]


def test_every_fixture_names_its_lines() -> None:
    assert len(PAGES) >= 18
    assert all(expected(p) for p in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_broken_front_matter_gives_exactly_the_expected_lines(page: Path, tmp_path: Path) -> None:
    shutil.copy(page, tmp_path / page.name)
    review, problems = read_review(tmp_path, page.name)
    assert [str(p) for p in problems] == expected(page)
    assert review is None, "a page with broken front matter was tracked as if it were fine"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_what_mkdocs_would_print_as_text_is_refused(page: Path) -> None:
    """The fixtures MkDocs silently reads as no front matter at all: each is refused above."""
    text = page.read_text()
    _, meta = get_data(text)
    if not meta:
        assert review_from_text(text, page.name)[1], page.name


def test_a_real_date_and_an_owner_make_a_review(tmp_path: Path) -> None:
    review, problems = review_of(tmp_path, "---\ntitle: On call\nowner: SRE team\nreview_by: 2027-03-01\n---\n\n# Ignored\n")
    assert problems == []
    assert review == Review("page.md", "On call", "SRE team", dt.date(2027, 3, 1), 4)


@pytest.mark.parametrize(
    ("front", "owner", "review_by", "line"),
    [
        ("---\nreview_by: '2027-03-01'\n---\n", "", dt.date(2027, 3, 1), 2),  # quoted: still a real date
        ("---\nowner: Platform team\n...\n", "Platform team", None, 2),  # YAML's document end closes it too
        ("owner: Platform team\nreview_by: 2027-03-01\n\n", "Platform team", dt.date(2027, 3, 1), 2),  # MultiMarkdown style
    ],
    ids=["quoted-date", "dots-close", "multimarkdown"],
)
def test_other_ways_to_write_it_are_read(tmp_path: Path, front: str, owner: str, review_by: dt.date | None, line: int) -> None:
    review, problems = review_of(tmp_path, front + "# The page\n")
    assert problems == []
    assert review == Review("page.md", "The page", owner, review_by, line)


def test_a_page_without_owner_or_date_is_not_tracked(tmp_path: Path) -> None:
    assert review_of(tmp_path, "---\ndescription: Just a page.\n---\n\n# Page\n") == (None, [])
    assert review_of(tmp_path, "# Page\n\nNo front matter.\n") == (None, [])


def test_a_page_that_cannot_be_decoded_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_bytes(b"---\nowner: \xff\n---\n")
    review, problems = read_review(tmp_path, "page.md")
    assert review is None and len(problems) == 1 and str(problems[0]).startswith("docs/page.md:1: cannot read file: ")


def test_every_real_page_has_readable_front_matter() -> None:
    docs = ROOT / "docs"
    problems = [str(p) for page in sorted(docs.rglob("*.md")) for p in read_review(docs, page.relative_to(docs).as_posix())[1]]
    assert problems == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(SCALARS)), min_size=1, max_size=4))
def test_no_front_matter_is_published_as_text_and_none_raises(pairs: list[tuple[str, str]]) -> None:
    text = "---\n" + "".join(f"{key}: {value}\n" for key, value in pairs) + "---\n\n# Page\n"
    _, problems = review_from_text(text, "page.md")  # never raises
    if not get_data(text)[1]:  # MkDocs would print the front matter as the page's first paragraph
        assert problems, text
    assert all(str(p).startswith("docs/page.md:") and "\n" not in str(p) for p in problems)
