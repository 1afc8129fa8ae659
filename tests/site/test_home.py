"""The home page says what the playbook is, credits its source and names roles from the data."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT, Site, heading_text
from tests.site.test_fork import fork_site  # noqa: F401  (the fork, built once per run)

ARTICLE = "https://levelupsoftwareengineering.substack.com/p/how-to-grow-into-the-tech-lead-position"


def test_home_title_and_heading(site: Site) -> None:
    soup = site.soup("")
    assert soup.title is not None and soup.title.get_text(strip=True) == "Tech Lead Playbook"
    assert heading_text(site.article("").h1) == "Tech Lead Playbook"


def test_home_credits_the_source_article_visibly(site: Site) -> None:
    links = [a for a in site.article("").find_all("a") if a.get("href") == ARTICLE]
    assert links, "the home page must link the source article"
    assert "grow into the tech lead position" in " ".join(links[0].get_text().split()).lower()


def test_home_names_roles_from_the_data(site: Site) -> None:
    data = yaml.safe_load((ROOT / "data/responsibilities.yml").read_text())
    text = site.article("").get_text(" ", strip=True)
    for role in data["roles"]:
        assert role["name"] in text or role["plural"] in text, role["id"]


def test_home_shows_three_ways_and_the_areas_from_the_data(site: Site) -> None:
    article = site.article("")
    headings = [heading_text(h) for h in article.find_all("h2")]
    assert "Three ways to use it" in headings
    data = yaml.safe_load((ROOT / "data/responsibilities.yml").read_text())
    shown = [(dt.get_text(strip=True), dt.a["href"], dt.find_next_sibling("dd").get_text(strip=True)) for dt in article.select("dl.area-list dt")]
    assert shown == [(a["name"], a["page"].removesuffix("index.md"), a["summary"]) for a in data["areas"]]


def test_a_fork_that_renames_an_area_sees_it_on_the_home_page(fork_site: Site) -> None:  # noqa: F811
    names = [dt.get_text(strip=True) for dt in fork_site.article("").select("dl.area-list dt")]
    assert "Partner with product and platform" in names and "Partner with other engineering leads" not in names
