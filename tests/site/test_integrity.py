"""Every built page is fully rendered and asks no other origin for anything."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from tests.conftest import Site, text_without

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def _external(url: str) -> bool:
    parsed = urlparse(url.strip())
    return bool(parsed.netloc) or parsed.scheme not in ("", "data")


def test_no_unrendered_jinja_in_page_text(site: Site) -> None:
    for url, soup in site.pages():
        text = text_without(soup, "code, pre")  # template pages show code; everything else must be rendered
        for marker in ("{{", "{%", "{#"):
            assert marker not in text, f"{url}: unrendered {marker!r}"


def test_no_page_loads_anything_from_another_origin(site: Site) -> None:
    offenders = []
    for url, soup in site.pages():
        for tag, attr in (("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("link", "href")):
            for element in soup.find_all(tag):
                value = element.get(attr)
                if tag == "link" and not {"stylesheet", "preload", "icon", "modulepreload", "manifest"} & set(element.get("rel", [])):
                    continue
                if value and _external(value):
                    offenders.append(f"{url}: <{tag} {attr}={value}>")
        for style in soup.find_all(style=True):
            offenders += [f"{url}: style url({u})" for u in CSS_URL.findall(style["style"]) if _external(u)]
        for style in soup.find_all("style"):
            offenders += [f"{url}: <style> url({u})" for u in CSS_URL.findall(style.get_text()) if _external(u)]
    for css in site.root.rglob("*.css"):
        offenders += [f"{css.name}: url({u})" for u in CSS_URL.findall(css.read_text(errors="ignore")) if _external(u)]
    assert not offenders, "\n".join(offenders[:20])


def test_build_log_is_clean(site: Site) -> None:
    assert "WARNING" not in site.log and "ERROR" not in site.log, site.log
