"""Page metadata for search engines and link previews: descriptions, Open Graph, 404, sitemap."""

from __future__ import annotations

import re

from tests.conftest import Site

REDIRECT = re.compile(r'http-equiv="refresh"', re.I)


def content_pages(site: Site):  # noqa: ANN201
    for url, soup in site.pages():
        if url != "404.html" and not REDIRECT.search(str(soup.head)):
            yield url, soup


def test_every_page_has_its_own_description(site: Site) -> None:
    default = site.soup("").select_one("meta[name=description]")["content"]
    missing = []
    for url, soup in content_pages(site):
        meta = soup.select_one("meta[name=description]")
        if meta is None or not meta["content"].strip() or (url != "index.html" and meta["content"] == default):
            missing.append(url)
    assert not missing, missing


def test_open_graph_tags_describe_each_page(site: Site) -> None:
    for url, soup in content_pages(site):
        og = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
        assert {"og:title", "og:description", "og:url", "og:type", "og:site_name"} <= set(og), url
        assert og["og:url"].startswith("https://") and og["og:description"] == soup.select_one("meta[name=description]")["content"]
        assert soup.select_one("meta[name='twitter:card']"), url


def test_404_page_helps_the_reader_on(site: Site) -> None:
    soup = site.soup("404.html")
    text = soup.get_text(" ")
    assert "404" in text and "search" in text.lower()
    links = {a["href"] for a in soup.select("article a[href]")}
    assert any(href.rstrip("/").endswith(("checklists", "responsibilities")) for href in links), links


def test_sitemap_lists_every_content_page(site: Site) -> None:
    sitemap = site.path("sitemap.xml").read_text()
    for url, _ in content_pages(site):
        loc = url.removesuffix("index.html")
        assert f"/{loc}</loc>" in sitemap or (loc == "" and "<loc>https://tech-lead-playbook.example.org/</loc>" in sitemap), url
