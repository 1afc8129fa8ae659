"""Page weight, measured in bytes (never in seconds): what a first visit downloads, gzipped."""

from __future__ import annotations

import gzip
from urllib.parse import urljoin, urlparse

from tests.conftest import ROOT, Site

BUDGET = 80 * 1024  # HTML + referenced CSS + JS of one page, gzipped


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def first_load(site: Site, url: str, soup) -> int:  # noqa: ANN001
    total = gzipped(site.path(url).read_bytes())
    assets = [s["src"] for s in soup.select("script[src]")] + [link["href"] for link in soup.select("link[rel=stylesheet][href]")]
    for asset in assets:
        path = urlparse(urljoin("/" + url, asset)).path.lstrip("/")
        total += gzipped((site.root / path).read_bytes())
    return total


def test_every_page_first_load_is_within_budget(site: Site) -> None:
    heavy = {}
    for url, soup in site.pages():
        size = first_load(site, url, soup)
        if size > BUDGET:
            heavy[url] = size
    assert not heavy, heavy


def test_own_javascript_and_css_each_within_5_kb(site: Site) -> None:
    own_js = sum(gzipped(p.read_bytes()) for p in (ROOT / "docs/assets").glob("*.js"))
    own_css = sum(gzipped(p.read_bytes()) for p in (ROOT / "docs/assets").glob("*.css"))
    assert own_js <= 5 * 1024, own_js
    assert own_css <= 5 * 1024, own_css
