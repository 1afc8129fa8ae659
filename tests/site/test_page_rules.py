"""The rules axe checks that depend on a page's own content, checked on every built page from its
HTML. The browser runs axe on the representative pages only (tests/conftest.py:
representative_pages), which hold every kind of element the site has; what differs from page to
page within a kind (ids, heading levels, names of links and controls, alt text) is checked here."""

from __future__ import annotations

from collections import Counter

from tests.conftest import Site, is_redirect_stub


def content_pages(site: Site):  # noqa: ANN201
    return [(url, soup) for url, soup in site.pages() if soup.body is not None and not is_redirect_stub(soup)]


def accessible_name(element) -> str:  # noqa: ANN001
    labelled = element.get("aria-labelledby")
    images = " ".join(img.get("alt", "") for img in element.find_all("img"))
    svg_titles = " ".join(t.get_text() for t in element.select("svg title"))
    return " ".join(
        part for part in (element.get("aria-label"), element.get("title"), element.get_text(" ", strip=True), images, svg_titles, labelled) if part
    ).strip()


def test_every_id_is_unique_on_its_page(site: Site) -> None:
    problems = []
    for url, soup in content_pages(site):
        repeated = [i for i, n in Counter(el["id"] for el in soup.find_all(id=True)).items() if n > 1]
        problems += [f"{url}: id {i!r} repeats" for i in repeated]
    assert problems == []


def test_headings_in_the_article_never_skip_a_level(site: Site) -> None:
    problems = []
    for url, soup in content_pages(site):
        article = soup.select_one("article")
        levels = [int(h.name[1]) for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])] if article else []
        problems += [f"{url}: h{a} then h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        if article and levels and levels[0] != 1:
            problems.append(f"{url}: the article starts at h{levels[0]}")
    assert problems == []


def test_every_link_button_and_image_has_a_name(site: Site) -> None:
    problems = []
    for url, soup in content_pages(site):
        for element in soup.select("a[href], button"):
            if not accessible_name(element) and element.get("aria-hidden") != "true" and element.get("tabindex") != "-1":
                problems.append(f"{url}: {element.name} without a name: {str(element)[:120]}")
        problems += [f"{url}: image without alt: {img.get('src')}" for img in soup.find_all("img") if img.get("alt") is None]
    assert problems == []


def test_every_form_control_has_a_label(site: Site) -> None:
    problems = []
    for url, soup in content_pages(site):
        labelled_ids = {label.get("for") for label in soup.find_all("label")}
        # Material's .md-toggle checkboxes are display: none (its CSS): no one reaches them.
        for control in soup.select("input:not([type=hidden]):not(.md-toggle), select, textarea"):
            inside_label = control.find_parent("label") is not None
            if not (inside_label or control.get("id") in labelled_ids or control.get("aria-label") or control.get("aria-labelledby") or control.get("title")):
                problems.append(f"{url}: unlabelled {control.name}: {str(control)[:120]}")
    assert problems == []


def test_the_representative_pages_hold_every_kind_of_page(site: Site) -> None:
    """The pick is from the build, but it must still reach each kind of page a reader opens."""
    from tests.conftest import representative_pages

    picked = representative_pages(site)
    for kind in ("", "plays/", "roles/", "checklists/", "templates/", "growth/", "glossary/", "404.html"):
        assert any(url.startswith(kind) if kind else url == "" for url in picked), (kind, picked)
