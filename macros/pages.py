"""The Markdown sources of the pages generated from the data (roles/, checklists/).

They are ordinary pages that call the same macros as hand-written ones, so there is one
renderer for each view. Only ids (slugs) are interpolated here; names reach the page
through the macros, which escape them.
"""

from __future__ import annotations

import html

import yaml

from .model import Playbook
from .render.checklist import checklist_page
from .render.names import counted


def _front_matter(**meta: object) -> str:
    """Themes print `title` and `description` into HTML unescaped, so text from data is escaped here.

    Braces become entities too: mkdocs-macros renders a page's title as a Jinja template, so a
    checklist titled `{{ x }}` would be evaluated. As `&#123;` it reads the same in the browser.
    """
    safe = {key: _as_html_text(value) if isinstance(value, str) else value for key, value in meta.items()}
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _as_html_text(value: str) -> str:
    return html.escape(value).replace("{", "&#123;").replace("}", "&#125;")


def role_page(playbook: Playbook, role_id: str) -> str:
    role = playbook.role(role_id)
    return _front_matter(description=f"What the {role.name} owns in this playbook: {role.summary}") + (
        f"# {{{{ role('{role_id}') }}}}\n\n"
        f"{{{{ role_purpose('{role_id}') }}}}\n\n"
        "## What this role owns\n\n"
        f"{{{{ role_summary('{role_id}') }}}}\n\n"
        "## At a glance\n\n"
        f"{{{{ role_chart('{role_id}') }}}}\n\n"
        "## In the whole matrix\n\n"
        f"{{{{ responsibility_matrix(role='{role_id}') }}}}\n\n"
        "Read [how to use and adapt the matrix](../responsibilities.md#adapt-it-to-your-team), "
        "or go back to [all roles](index.md).\n"
    )


def roles_index_page(playbook: Playbook) -> str:
    n = len(playbook.roles)
    subject = counted(n, "role", "roles")
    return _front_matter(description="The roles in this playbook, what each is for and what each owns.") + (
        "# Roles\n\n"
        f"{subject[0].upper()}{subject[1:]} {'shares' if n == 1 else 'share'} the work this playbook describes. "
        "Each page below lists what the role is "
        "accountable, responsible, consulted and informed for, grouped by area, with its column of the "
        "[responsibility matrix](../responsibilities.md) highlighted.\n\n"
        "{{ role_list() }}\n"
    )


def checklists_index_page(playbook: Playbook) -> str:
    subject = counted(len(playbook.checklists), "checklist", "checklists")
    return _front_matter(description="Every checklist in the playbook, by area, to tick, link, print and export.") + (
        "# Checklists\n\n"
        f"The playbook's {subject}, in one place, grouped by area, each with the roles "
        "it involves and the play that explains it. Ticks are saved in your browser, per checklist and item, "
        "so you can work through a checklist over weeks. Link a checklist, or a single item, from an "
        "onboarding document: those links are permanent.\n\n"
        "{{ checklist_index() }}\n"
    )


def checklist_standalone_page(playbook: Playbook, checklist_id: str) -> str:
    checklist = playbook.checklist(checklist_id)
    return _front_matter(
        title=checklist.title,
        description=f"Checklist: {checklist.title}. Tick it, print it or link it from an onboarding document.",
        hide=["navigation", "toc"],
    ) + (f"{{{{ checklist('{checklist_id}', standalone=True) }}}}\n\n{{{{ checklist_context('{checklist_id}') }}}}\n")


def freshness_page(table: str) -> str:
    """freshness/: every page with an owner or review date. Owners come from front matter, so
    Jinja must not see them (`render_macros: false`); the table arrives escaped."""
    return _front_matter(description="Every page with an owner or a review date, soonest review first.", render_macros=False) + (
        "# Page freshness\n\n"
        "A page can name its `owner` and a `review_by` date in its front matter. Past that date it shows a "
        "notice until its owner reviews it and moves the date. This list puts the most urgent reviews first.\n\n"
        f"{table}\n"
    )


def generated_pages(playbook: Playbook) -> dict[str, str]:
    """Source path -> Markdown, for every page the data implies."""
    pages = {"roles/index.md": roles_index_page(playbook), "checklists/index.md": checklists_index_page(playbook)}
    for role in playbook.roles:
        pages[f"roles/{role.id}.md"] = role_page(playbook, role.id)
    for checklist in playbook.checklists:
        pages[checklist_page(checklist.id)] = checklist_standalone_page(playbook, checklist.id)
    return pages


def removed_pages(playbook: Playbook) -> set[str]:
    """Generated pages a company overlay removed on purpose (their role or checklist is gone)."""
    return {f"roles/{r}.md" for r in playbook.removed.get("roles", ())} | {
        checklist_page(c) for c in playbook.removed.get("checklists", ())
    }
