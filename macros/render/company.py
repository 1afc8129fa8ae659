"""What a company's settings add to every page: its colours as CSS and its footer as HTML."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.data.colours import HEX


def footer_html(footer: str, contact: str, contact_text: str) -> Markup:
    """Material prints `copyright` as HTML: escape the company's text, link the contact
    (an href the URL policy allowed: mailto:, tel: or http(s))."""
    parts = [escape(footer)] if footer else []
    if contact:
        parts.append(Markup('Contact: <a href="{}">{}</a>').format(contact, contact_text))
    return Markup(" · ").join(parts)


def company_css(primary: str, accent: str) -> str:
    """The company colours as Material's palette variables. Light-mode links follow the primary
    colour (Material's default) and dark-mode links the accent (docs/assets/playbook.css).
    Both are validated #rrggbb values; anything else is refused here too, so nothing else can
    reach the stylesheet."""
    for colour in (primary, accent):
        if colour and not HEX.match(colour):
            raise ValueError(f"not a #rrggbb colour: {colour!r}")
    rules = []
    if primary:
        p = primary
        rules.append(
            ":root, [data-md-color-scheme] { "
            f"--md-primary-fg-color: {p}; --md-primary-fg-color--light: {p}; --md-primary-fg-color--dark: {p}; "
            "--md-primary-bg-color: #ffffff; --md-primary-bg-color--light: rgba(255, 255, 255, 0.7); }"
        )
    if accent:
        a = accent
        rules.append(f":root, [data-md-color-scheme] {{ --md-accent-fg-color: {a}; --md-accent-fg-color--transparent: {a}1a; }}")
    return "\n".join(rules) + ("\n" if rules else "")
