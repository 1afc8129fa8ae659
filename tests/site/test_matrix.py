"""Every view of the matrix on the built site agrees with the data, cell by cell."""

from __future__ import annotations

import csv
import io
import json

import pytest

from macros.data.load import load_playbook
from macros.contract import page_url
from tests.conftest import ROOT, Site, heading_text

PLAYBOOK = load_playbook(ROOT).playbook


def cells_of(table) -> dict[str, dict[str, str]]:  # noqa: ANN001
    return {
        tr["data-activity"]: {td["data-role"]: td.get_text(strip=True) for td in tr.select("td[data-role]")}
        for tr in table.select("tr[data-activity]")
    }


def expected_cells(activities) -> dict[str, dict[str, str]]:  # noqa: ANN001
    return {a.id: {r.id: a.letter(r.id) or "" for r in PLAYBOOK.roles} for a in activities}


def test_whole_matrix_equals_the_data_cell_by_cell(site: Site) -> None:
    table = site.article("responsibilities/").select_one("table.responsibility-matrix")
    assert table.caption is not None
    assert [th["data-role"] for th in table.select("thead th[data-role]")] == [r.id for r in PLAYBOOK.roles]
    assert [th.abbr["title"] for th in table.select("thead th[data-role]")] == [r.name for r in PLAYBOOK.roles]
    assert cells_of(table) == expected_cells(PLAYBOOK.activities)
    groups = [th.get_text(strip=True) for th in table.select("th[scope=rowgroup]")]
    assert groups == [a.name for a in PLAYBOOK.areas]


def test_row_headers_link_to_the_play(site: Site) -> None:
    table = site.article("responsibilities/").select_one("table.responsibility-matrix")
    for tr in table.select("tr[data-activity]"):
        href = tr.select_one("th[scope=row] a")["href"]
        assert href == "../" + page_url(PLAYBOOK.activity(tr["data-activity"]).page)
        assert site.path("responsibilities/" + href).exists()


@pytest.mark.parametrize("area", [a.id for a in PLAYBOOK.areas])
def test_each_area_landing_page_shows_its_slice(site: Site, area: str) -> None:
    table = site.article(f"plays/{area}/").select_one("table.responsibility-matrix")
    assert cells_of(table) == expected_cells(PLAYBOOK.activities_in(area))


@pytest.mark.parametrize("role", [r.id for r in PLAYBOOK.roles])
def test_every_role_has_a_generated_page(site: Site, role: str) -> None:
    article = site.article(f"roles/{role}/")
    assert heading_text(article.h1) == PLAYBOOK.role(role).name
    highlighted = {td["data-role"] for td in article.select("table.responsibility-matrix td.is-highlighted")}
    assert highlighted == {role}
    summary = article.select_one(f"dl.role-summary[data-role={role}]")
    accountable = [a.id for a in PLAYBOOK.activities if a.letter(role) in ("A", "A/R")]
    assert summary.dt.get_text(" ", strip=True) == f"Accountable for ({len(accountable)})"
    assert article.select_one("figure.raci-chart svg[role=img] title")


def nav_links(site: Site, url: str) -> set[str]:
    return {a["href"] for a in site.soup(url).select("nav.md-nav--primary a.md-nav__link[href]")}


def test_roles_are_in_the_nav_and_index(site: Site) -> None:
    """The nav is pruned (navigation.prune): from elsewhere the Roles section links to roles/,
    and there, as on every role page, the nav lists every role."""
    assert "../roles/" in nav_links(site, "responsibilities/")
    assert {f"{role.id}/" for role in PLAYBOOK.roles} <= nav_links(site, "roles/")
    assert {"./", *(f"../{role.id}/" for role in PLAYBOOK.roles if role.id != "tl")} <= nav_links(site, "roles/tl/")
    listed = [li["data-role"] for li in site.article("roles/").select("ul.role-list li")]
    assert listed == [r.id for r in PLAYBOOK.roles]


def test_csv_export_matches_the_data(site: Site) -> None:
    rows = list(csv.reader(io.StringIO(site.path("exports/responsibility-matrix.csv").read_text())))
    assert rows[0] == ["area", "activity_id", "activity", *(r.name for r in PLAYBOOK.roles)]
    assert len(rows) == len(PLAYBOOK.activities) + 1
    for row, activity in zip(rows[1:], PLAYBOOK.activities):
        assert row[1] == activity.id and row[2] == activity.name
        assert row[3:] == [activity.letter(r.id) or "" for r in PLAYBOOK.roles]


def test_json_export_matches_the_data(site: Site) -> None:
    data = json.loads(site.path("exports/responsibility-matrix.json").read_text())
    assert [r["id"] for r in data["roles"]] == [r.id for r in PLAYBOOK.roles]
    for entry, activity in zip(data["activities"], PLAYBOOK.activities, strict=True):
        assert entry["raci"] == dict(activity.cells)
        assert entry["url"].endswith("/" + page_url(activity.page))


def test_exports_are_linked_from_the_matrix_page(site: Site) -> None:
    hrefs = {a["href"] for a in site.article("responsibilities/").find_all("a")}
    assert {"../exports/responsibility-matrix.csv", "../exports/responsibility-matrix.json"} <= hrefs
