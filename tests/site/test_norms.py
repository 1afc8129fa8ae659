"""Norms in the built site: every quoted value comes from data/norms.yml and links to its entry
on the working agreement (norms/), the agreement and its exports list them all, nobody types a
figure a norm defines, and a fork that changes one line changes every page that quotes it."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from macros.data.load import load_playbook
from macros.render.norms import norm_words
from tests.conftest import FIXTURES, ROOT, Site, one_line_errors, run_build, text_without
from tests.site.test_fork import fork_site  # noqa: F401  (the fork, built once per run)

BOOK = load_playbook(ROOT).playbook
AGREEMENT = "norms/"


def norm_links(site: Site) -> list[tuple[str, object]]:
    """(page, <a class="norm">) for every quoted norm in every page."""
    return [(page, a) for page, soup in site.pages() for a in soup.select("article a.norm")]


def norm_id(href: str) -> str:
    return href.rpartition("#norm-")[2]


def test_the_agreement_lists_every_norm_by_area_with_its_owner(site: Site) -> None:
    article = site.article(AGREEMENT)
    rows = article.select("table[data-norms] tr[data-norm]")
    assert len(rows) == len(BOOK.norms)
    assert {r["data-norm"] for r in rows} == {n.id for n in BOOK.norms}
    for table in article.select("table[data-norms]"):
        assert table.caption and table.caption.get_text(strip=True)
    for row in rows:
        norm = BOOK.norm(row["data-norm"])
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]
        assert row["id"] == f"norm-{norm.id}"
        assert cells[:2] == [norm.name, norm_words(norm)]
        assert cells[2].startswith(norm.rationale)
        owner = BOOK.owner(norm.activity).name if norm.activity else "The whole team"
        assert cells[3].startswith(owner), (norm.id, cells[3])
    hrefs = {a["href"] for a in article.select("a")}
    assert {"../exports/norms.md", "../exports/norms.json"} <= hrefs


def test_the_agreement_is_linked_from_the_first_90_days_and_the_matrix(site: Site) -> None:
    for page in ("growth/first-90-days/", "responsibilities/"):
        links = {posixpath.normpath(posixpath.join(page, a["href"].split("#")[0])) for a in site.article(page).select("a[href]")}
        assert "norms" in links, page


def test_exports_hold_every_norm(site: Site) -> None:
    data = json.loads(site.path("exports/norms.json").read_text(encoding="utf-8"))
    assert [n["id"] for n in data["norms"]] == [n.id for n in BOOK.norms]
    markdown = site.path("exports/norms.md").read_text(encoding="utf-8")
    for norm in BOOK.norms:
        assert f"| {norm.name} | {norm_words(norm)} |" in markdown


def test_every_quoted_value_is_its_norm_and_links_to_its_entry(site: Site) -> None:
    links = norm_links(site)
    assert {norm_id(a["href"]) for _, a in links} == {n.id for n in BOOK.norms}, "each norm is quoted in some page"
    anchors = {row["id"] for row in site.article(AGREEMENT).select("tr[id]")}
    for page, a in links:
        norm = BOOK.norm(norm_id(a["href"]))
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), a["href"].split("#")[0]))
        assert target == "norms", (page, a["href"])
        assert f"norm-{norm.id}" in anchors
        assert a.get_text() in (norm_words(norm), norm_words(norm, adjective=True)), (page, a)
        assert a["title"] == norm.rationale


# Figures pages typed by hand before they came from norms, and must not type again: the
# consistency pass replaced each of these with {{ norm(...) }}. Checked in each page's text
# without its quoted norms; a worked example's own measurements do not use these phrasings.
TYPED: dict[str, list[str]] = yaml.safe_load((FIXTURES / "typed-norm-phrasings.yml").read_text(encoding="utf-8"))


def test_no_page_types_a_figure_that_a_norm_defines(site: Site) -> None:
    """Pages are read without their quoted norms, checklists and self-assessment; checklist items and
    behaviors are read in data/checklists.yml and data/assessment.yml, where a norm is written {norm:id}."""
    assert set(TYPED) == {n.id for n in BOOK.norms}, "every norm is listed, [] when no page ever typed it"
    texts = [(f"data/{name}", (ROOT / "data" / name).read_text(encoding="utf-8")) for name in ("checklists.yml", "assessment.yml")]
    for page, soup in site.pages():
        article = soup.select_one("article")
        if article is not None and not page.startswith(("norms/", "customise/")):
            texts.append((page, text_without(article, "a.norm, .checklist, .assess")))
    found = [
        f"{where}: '{phrase}' (norm {norm})"
        for where, text in texts
        for norm, phrasings in TYPED.items()
        for phrase in phrasings
        if re.search(phrase, re.sub(r"\s+", " ", text), flags=re.I)
    ]
    assert found == []


def test_a_fork_changes_a_norm_in_one_line_and_every_page_follows(site: Site, fork_site: Site) -> None:  # noqa: F811
    quoting = {page for page, a in norm_links(site) if norm_id(a["href"]) == "first-review-response"}
    assert len(quoting) >= 3, quoting
    forked = {page: [a.get_text() for a in soup.select('article a.norm[href$="#norm-first-review-response"]')] for page, soup in fork_site.pages()}
    assert {page for page, words in forked.items() if words} == quoting
    assert all(w in ("one working day", "one-working-day") for page in quoting for w in forked[page])
    row = fork_site.article(AGREEMENT).select_one("#norm-first-review-response")
    assert "one working day" in row.get_text() and "two fixed slots a day" in row.get_text()
    exported = json.loads(fork_site.path("exports/norms.json").read_text(encoding="utf-8"))
    first = next(n for n in exported["norms"] if n["id"] == "first-review-response")
    assert (first["value"], first["unit"]) == (1, "working-days")
    policy = re.sub(r"\s+", " ", fork_site.article("company/on-call-policy/").get_text(" ", strip=True))
    assert "at least eight people" in policy and "within two working days" in policy
    assert "The Team Lead checks the pager load in a 30-minute review" in policy  # the fork moved the A of on-call health


def refused(project: Path, tmp_path: Path) -> str:
    """The log of a strict build that must stop before writing any page."""
    result = run_build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    assert not list((tmp_path / "site").rglob("*.html")), "a page was published"
    return log


@pytest.mark.slow
def test_an_unknown_norm_in_a_page_stops_the_build_at_its_line(project: Path, tmp_path: Path) -> None:
    page = project / "docs/glossary.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "", "Reply within {{ norm('first-review-responce') }}."]) + "\n", encoding="utf-8")
    log = refused(project, tmp_path)
    expected = f"docs/glossary.md:{len(lines) + 2}: unknown norm id 'first-review-responce'; did you mean 'first-review-response'?"
    assert [line for line in log.splitlines() if line.endswith(expected)], log


@pytest.mark.slow
def test_a_norm_no_page_uses_stops_the_build_at_its_line(project: Path, tmp_path: Path) -> None:
    norms = project / "data/norms.yml"
    text = norms.read_text(encoding="utf-8")
    norms.write_text(text + "  - {id: demo-cadence, name: Demo, value: 2, unit: weeks, rationale: Show the work.}\n", encoding="utf-8")
    line = text.count("\n") + 1
    expected = f"data/norms.yml:{line}: norms[demo-cadence]: no page uses this norm; quote it in a page with {{{{ norm('demo-cadence') }}}} or remove it"
    assert expected in one_line_errors(refused(project, tmp_path))
