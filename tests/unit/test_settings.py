"""Company settings: each one checked for what it is and normalised where a fork cannot be wrong."""

from __future__ import annotations

from dataclasses import replace

import pytest
from mkdocs.exceptions import PluginError

from macros.data.settings import read_settings
from macros.data.yamlsource import parse_yaml
from macros.site.config import shape_nav


def settings_of(text: str, pages: set[str] = frozenset({"index.md", "assets/logo.svg"}), generated: set[str] = frozenset()):
    overlay, problems = parse_yaml("settings:\n" + text, "data/company.yml")
    assert problems == []
    return read_settings(overlay, lambda page: page in pages, generated)


@pytest.mark.parametrize(
    ("given", "href", "shown"),
    [
        ("help@acme.example", "mailto:help@acme.example", "help@acme.example"),
        ("mailto:help@acme.example", "mailto:help@acme.example", "mailto:help@acme.example"),
        ("tel:+44-20-7946-0000", "tel:+44-20-7946-0000", "tel:+44-20-7946-0000"),
        ("https://chat.acme.example/handbook", "https://chat.acme.example/handbook", "https://chat.acme.example/handbook"),
    ],
)
def test_contact_is_an_email_or_an_allowed_url(given: str, href: str, shown: str) -> None:
    settings, problems = settings_of(f"  contact: '{given}'\n")
    assert problems == []
    assert (settings.contact, settings.contact_text) == (href, shown)


def test_edit_uri_gets_its_trailing_slash() -> None:
    """Without it MkDocs stops the build with an AssertionError traceback."""
    settings, problems = settings_of("  repo_url: https://git.acme.example/h\n  edit_uri: -/edit/main/docs\n")
    assert problems == []
    assert settings.edit_uri == "-/edit/main/docs/"


def test_every_problem_is_reported_at_once_at_its_own_line() -> None:
    _, problems = settings_of("  name: ok\n  site_url: ftp://x\n  logo: ../x.svg\n  redirects: {a.md: b.md}\n")
    assert [(p.location.line, p.path) for p in problems] == [(3, "settings.site_url"), (4, "settings.logo"), (5, "settings.redirects.a.md")]


def test_a_redirect_may_target_a_page_generated_from_the_data() -> None:
    settings, problems = settings_of("  redirects: {old-roles.md: roles/tl.md}\n", generated={"roles/tl.md"})
    assert problems == []
    assert settings.redirects == (("old-roles.md", "roles/tl.md"),)


def test_text_settings_are_kept_as_written_for_the_build_to_escape() -> None:
    settings, problems = settings_of("  name: 'Smith & Sons \"Quoted\" <b>'\n")
    assert problems == []
    assert settings.name == 'Smith & Sons "Quoted" <b>'


def test_language_is_one_the_theme_translates() -> None:
    for code in ("de", "pt-BR"):
        settings, problems = settings_of(f"  language: {code}\n")
        assert (settings.language, problems) == (code, [])
    _, problems = settings_of("  language: klingon\n")
    assert len(problems) == 1 and str(problems[0]).startswith("data/company.yml:2: settings.language: 'klingon' is not a language")


def test_nav_names_sections_and_pages_by_path_and_every_wrong_one_at_its_line() -> None:
    text = "  nav:\n    order: [index.md, nope.md]\n    titles: {index.md: ''}\n    place: {index.md: gone.md}\n    sort: true\n"
    _, problems = settings_of(text)
    assert [str(p) for p in sorted(problems, key=lambda p: p.location)] == [
        "data/company.yml:3: settings.nav.order[1]: 'nope.md' does not exist under docs/ (settings.nav)",
        "data/company.yml:4: settings.nav.titles.index.md: expected a one-line title",
        "data/company.yml:5: settings.nav.place.index.md: 'gone.md' does not exist under docs/ (settings.nav)",
        "data/company.yml:6: settings.nav.sort: unknown key (allowed: order, titles, place)",
    ]
    settings, problems = settings_of("  nav:\n    order: [index.md]\n    titles: {index.md: Home}\n")
    assert problems == [] and settings.nav.order == ("index.md",) and settings.nav.titles == (("index.md", "Home"),)


def test_nav_place_after_a_page_not_in_the_nav_stops_the_build_at_its_line() -> None:
    settings, problems = settings_of("  nav:\n    place: {index.md: assets/logo.svg.md}\n", pages={"index.md", "assets/logo.svg.md"})
    assert problems == []
    nav = ["index.md", {"Section": ["other.md"]}]
    with pytest.raises(PluginError):
        shape_nav(nav, settings.nav)
    placed = shape_nav(["index.md", {"Section": ["other.md", "more.md"]}], replace(settings.nav, place=(("index.md", "other.md"),)))
    assert placed == [{"Section": ["other.md", "index.md", "more.md"]}]
