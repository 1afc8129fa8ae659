"""Company settings: each one checked for what it is and normalised where a fork cannot be wrong."""

from __future__ import annotations

import pytest

from macros.data.settings import read_settings
from macros.data.yamlsource import parse_yaml


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
