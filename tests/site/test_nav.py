"""The navigation reads as the pages do: each label is its page's title, an area's section is
named from the data, and the site holds one spelling convention (American English, checked with
codespell's own British-to-American dictionary on the text a reader sees)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import codespell_lib

from macros.data.load import load_playbook
from tests.conftest import ROOT, Site

BRITISH = Path(codespell_lib.__file__).parent / "data/dictionary_en-GB_to_en-US.txt"


def nav_labels(site: Site) -> dict[str, str]:
    """Every page the primary nav links to, from any page (the nav is pruned per section), as its
    site URL (`growth/`), with its label."""
    labels: dict[str, str] = {}
    for url, soup in site.pages():
        for link in soup.select("nav.md-nav--primary a.md-nav__link[href]"):
            target = urljoin(f"http://site/{url}", link["href"]).split("#")[0].removeprefix("http://site/")
            labels.setdefault(target.removesuffix("index.html"), link.get_text(strip=True))
    return labels


def test_every_nav_label_is_its_pages_title(site: Site) -> None:
    labels = nav_labels(site)
    assert len(labels) >= 50, labels
    wrong = []
    for target, label in labels.items():
        title = site.soup(target).select_one("article h1").get_text(strip=True).removesuffix("¶")
        if title != label:
            wrong.append(f"{target}: nav {label!r}, page {title!r}")
    assert wrong == [], "\n".join(wrong)


def test_area_sections_are_named_from_the_data(site: Site) -> None:
    labels = nav_labels(site)
    for area in load_playbook(ROOT).playbook.areas:
        assert labels[area.page.removesuffix("index.md")] == area.name


def test_one_spelling_convention(site: Site) -> None:
    """Prose is American English; URLs and ids published with British spellings
    (`prioritising-across-projects/`, `customise/`) stay, as links and ids never change."""
    british = {line.split("->")[0].lower() for line in BRITISH.read_text(encoding="utf-8").splitlines() if "->" in line}
    found: dict[str, set[str]] = {}
    for url, soup in site.pages():
        for part in soup.select("article, nav.md-nav--primary, title"):
            for word in re.findall(r"[A-Za-z]+", " ".join(t for t in part.find_all(string=True) if not t.find_parent(["pre", "code", "script", "style"]))):
                if word.lower() in british:
                    found.setdefault(word, set()).add(url)
    assert found == {}, found
