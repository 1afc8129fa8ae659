"""A fork built from the worst inputs the build accepts: every payload is text, never markup,
script or a URL a browser would run (tests/fixtures/hostile/accepted/)."""

from __future__ import annotations

import json

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import HOSTILE_ACCEPTED, Site, copy_project, one_line_errors, run_build

pytestmark = pytest.mark.slow

OVERLAY = yaml.safe_load((HOSTILE_ACCEPTED / "data/company.yml").read_text())
SETTINGS = OVERLAY["settings"]
NAME = SETTINGS["name"]
SITE_NAME = f"{NAME} Tech Lead Playbook"
FRONT = yaml.safe_load((HOSTILE_ACCEPTED / "docs/company/policy.md").read_text().split("---")[1])
ALLOWED_SCHEMES = ("http:", "https:", "mailto:", "tel:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href")


def test_no_page_holds_an_event_handler_or_a_script_from_the_data(hostile_site: Site) -> None:
    for url, soup in hostile_site.pages():
        for element in soup.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, f"{url}: <{element.name} {handlers}> came from the data"
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), f"{url}: data became a script"
        for tag in ("iframe", "object", "embed", "base"):
            assert not soup.find_all(tag), f"{url}: data became a <{tag}>"
        article = soup.select_one("article")
        assert article is None or not article.find_all("form"), f"{url}: data became a <form>"


def test_every_url_on_every_page_is_web_mail_phone_or_site_relative(hostile_site: Site) -> None:
    for url, soup in hostile_site.pages():
        for element in soup.find_all(True):
            for name in URL_ATTRIBUTES:
                value = element.get(name)
                if not isinstance(value, str) or not re.match(r"^\s*[a-zA-Z][a-zA-Z0-9+.-]*:", value):
                    continue
                assert value.strip().lower().startswith(ALLOWED_SCHEMES), f"{url}: <{element.name} {name}={value!r}>"


def test_the_company_name_is_text_in_every_place_material_prints_it(hostile_site: Site) -> None:
    soup = hostile_site.soup("")
    logos = soup.select("[data-md-component=logo]")
    assert logos and all(logo["aria-label"] == SITE_NAME and logo["title"] == SITE_NAME for logo in logos)
    assert soup.title.get_text() == SITE_NAME
    assert soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == SITE_NAME
    assert soup.select_one('meta[property="og:site_name"]')["content"] == SITE_NAME
    assert SETTINGS["footer"] in soup.select_one(".md-copyright__highlight").get_text()
    contact = soup.select_one(".md-copyright__highlight a")
    assert (contact["href"], contact.get_text()) == ("mailto:help@acme.example", "help@acme.example")


def test_front_matter_is_text_in_the_title_description_nav_and_owner(hostile_site: Site) -> None:
    soup = hostile_site.soup("company/policy/")
    assert soup.title.get_text() == f"{FRONT['title']} - {SITE_NAME}"
    assert soup.select_one('meta[name="description"]')["content"] == FRONT["description"]
    assert soup.select_one('meta[property="og:description"]')["content"] == FRONT["description"]
    assert soup.select_one('meta[property="og:title"]')["content"] == FRONT["title"]
    nav_titles = [link.get_text(" ", strip=True) for link in soup.select(".md-nav__link")]
    assert FRONT["title"] in nav_titles
    assert SETTINGS["pages_section"] in nav_titles
    assert FRONT["owner"] in soup.select_one(".page-owner").get_text()


def test_checklist_text_keeps_its_markdown_and_loses_its_html(hostile_site: Site) -> None:
    article = hostile_site.article("checklists/code-reviews/")
    assert article.h1.get_text() == OVERLAY["checklists"]["code-reviews"]["title"]
    first = article.select_one('[data-item="constructor"] .checklist__text')
    assert "<b onmouseover=alert('item')>bold</b>" in first.get_text()
    assert first.select_one("a")["href"] == "https://example.org/?a=1&b=2"
    assert first.select_one("code").get_text() == "<code>"
    links = article.select('[data-item="prototype"] .checklist__text a')
    assert [a["href"] for a in links] == ["../../#what-this-playbook-is", "https://example.org/autolink", "mailto:help@acme.example"]
    image = article.select_one('[data-item="tostring"] .checklist__text img')
    assert image["src"] == "../../assets/company/logo.svg"
    assert "{{ 1+1 }}" in article.select_one('[data-item="tostring"]').get_text()


def test_settings_urls_arrive_normalised(hostile_site: Site) -> None:
    soup = hostile_site.soup("company/policy/")
    assert soup.select_one("a.md-content__button[rel=edit]")["href"] == "https://git.acme.example/eng/handbook/edit/main/docs/company/policy.md"
    box = hostile_site.soup("checklists/code-reviews/").select_one("[data-checklist]")
    assert box["data-tracker"] == SETTINGS["issue_tracker"] + "&title={title}&body={body}" and box["data-tracker-limit"] == "8000"


def test_a_hostile_redirect_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "deep/er/project")
    (project / "data/company.yml").write_text("settings:\n  redirects:\n    ../../../outside.md: index.md\n")
    site = project / "site"
    result = run_build(project, site)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    assert one_line_errors(log)[0] == (
        "data/company.yml:3: settings.redirects.../../../outside.md: '../../../outside.md' must be a page path inside docs/, "
        "like plays/x/y.md (no leading '/', no '.' or '..' parts)"
    )
    assert not list(tmp_path.rglob("outside*")) and not (site / "index.html").exists()


def test_front_matter_tags_reach_the_search_index_as_text(hostile_site: Site) -> None:
    """Material shows a page's tags in search results as HTML: the index holds them escaped."""
    index = json.loads(hostile_site.path("search/search_index.json").read_text(encoding="utf-8"))
    tags = next(d["tags"] for d in index["docs"] if d["location"] == "company/policy/")
    assert tags == ["&lt;img src=x onerror=alert(&#x27;tag&#x27;)&gt;", "on-call &amp; &lt;b&gt;rota&lt;/b&gt;"]


def test_words_and_data_stay_text_in_every_markdown_download(hostile_site: Site) -> None:
    """The .md downloads a team pastes into its wiki (checklists, the working agreement) and the
    Markdown copies: a fork's words and text from data are text there too, never a tag or a link."""
    files = [*hostile_site.root.glob("checklists/*.md"), hostile_site.root / "exports/norms.md", hostile_site.root / "llms-full.txt"]
    for file in files:
        text = re.sub(r"^```.*?^```", "", file.read_text(encoding="utf-8"), flags=re.S | re.M)  # code samples show tags
        assert not re.search(r"<(img|script|svg|a)\b", text, re.I), file.name
        assert not re.search(r"(?<!\\)\]\((javascript:|https://evil\.example)", text), file.name  # an escaped \] is text
    norms = (hostile_site.root / "exports/norms.md").read_text(encoding="utf-8")
    assert "# &lt;script>alert('norms')&lt;/script>" in norms and "## &lt;svg onload=alert('group')>" in norms


def test_a_page_word_with_escaped_braces_shows_them_as_text(hostile_site: Site) -> None:
    intro = hostile_site.article("roles/").select_one("p").get_text(" ", strip=True)
    assert "{nope} {roles}" in intro, intro


def test_a_norm_value_in_a_checklist_is_text_whatever_the_unit_words(hostile_site: Site) -> None:
    quoted = []
    for url, soup in hostile_site.pages():
        for item in soup.select("[data-item] .checklist__text"):
            assert not item.select('a[href*="evil.example"]'), (url, item)
            quoted += [url] if "[days](https://evil.example/x) `code" in item.get_text() else []
    assert quoted, "a norm in working days is quoted by some checklist item, as its words, in plain text"
