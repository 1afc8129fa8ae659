"""The pages generated from the data (roles/, checklists/, freshness/), as finished Markdown.

Each is rendered here with the same `PageView` that hand-written pages call through
mkdocs-macros, so there is one renderer for each view, and marked `render_macros: false`: no
text from the data is ever read as a template.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import yaml
from markupsafe import Markup

from macros.contract import checklist_page, relative_url
from macros.data.model import Playbook
from macros.render.names import counted
from macros.render.norms import NORMS_JSON, NORMS_MD, NORMS_PAGE, render_agreement
from macros.render.view import PageView

ViewFor = Callable[[str], PageView]  # source path (roles/em.md) -> the view bound to its page


def _front_matter(**meta: object) -> str:
    """Themes print `title` and `description` into HTML unescaped, so text from data is escaped here."""
    safe = {key: html.escape(value) if isinstance(value, str) else value for key, value in meta.items()}
    safe["render_macros"] = False
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def role_page(view: PageView, role_id: str) -> str:
    role = view.playbook.role(role_id)
    return _front_matter(description=f"What the {role.name} owns in this playbook: {role.summary}") + (
        f"# {view.role(role_id)}\n\n"
        f"{view.role_purpose(role_id)}\n\n"
        "## What this role owns\n\n"
        f"{view.role_summary(role_id)}\n\n"
        "## At a glance\n\n"
        f"{view.role_chart(role_id)}\n\n"
        "## In the whole matrix\n\n"
        f"{view.responsibility_matrix(role=role_id)}\n\n"
        "Read [how to use and adapt the matrix](../responsibilities.md#adapt-it-to-your-team), "
        "or go back to [all roles](index.md).\n"
    )


def roles_index_page(view: PageView) -> str:
    n = len(view.playbook.roles)
    subject = counted(n, "role", "roles")
    return _front_matter(description="The roles in this playbook, what each is for and what each owns.") + (
        "# Roles\n\n"
        f"{subject[0].upper()}{subject[1:]} {'shares' if n == 1 else 'share'} the work this playbook describes. "
        "Each page below lists what the role is "
        "accountable, responsible, consulted and informed for, grouped by area, with its column of the "
        "[responsibility matrix](../responsibilities.md) highlighted.\n\n"
        f"{view.role_list()}\n"
    )


def checklists_index_page(view: PageView) -> str:
    subject = counted(len(view.playbook.checklists), "checklist", "checklists")
    return _front_matter(description="Every checklist in the playbook, by area, to tick, link, print and export.") + (
        "# Checklists\n\n"
        f"The playbook's {subject}, in one place, grouped by area, each with the roles "
        "it involves and the play that explains it. Ticks are saved in your browser, per checklist and item, "
        "so you can work through a checklist over weeks. Link a checklist, or a single item, from an "
        "onboarding document: those links are permanent.\n\n"
        f"{view.checklist_index()}\n"
    )


def checklist_standalone_page(view: PageView, checklist_id: str) -> str:
    checklist = view.playbook.checklist(checklist_id)
    return (
        _front_matter(
            title=checklist.title,
            description=f"Checklist: {checklist.title}. Tick it, print it or link it from an onboarding document.",
            hide=["navigation", "toc"],
        )
        + f"{view.checklist(checklist_id, standalone=True)}\n\n{view.checklist_context(checklist_id)}\n"
    )


def norms_page(view: PageView) -> str:
    """norms/: the team's working agreement, every norm the pages use, in one printable place."""
    book = view.playbook
    return _front_matter(description="The team's working agreement: every number and rule this playbook teaches, with why.") + (
        "# Working agreement\n\n"
        "Every number and rule this playbook teaches, in one place: review turnaround, spec-review windows, "
        "onboarding milestones, focus time, planning capacity and the rest. The pages quote these values; "
        "each value in a page links here. Treat the list as a starting draft: agree your own values with your "
        "team and your manager in your [first 90 days](growth/first-90-days.md), "
        "then change them in `data/company.yml` (see [Customize](customise/index.md#norms)) and every page follows. "
        "Who is accountable for each comes from the [responsibility matrix](responsibilities.md).\n\n"
        f'Download it as <a href="{relative_url(NORMS_MD, view.url)}">Markdown for your wiki</a> or as '
        f'<a href="{relative_url(NORMS_JSON, view.url)}">JSON</a>.\n\n'
        f"{render_agreement(book, view.link)}\n"
    )


def freshness_page(table: Markup, replaced: Markup | str = "") -> str:
    """freshness/: every page with an owner or review date, and the pages a fork replaces; the
    tables arrive escaped."""
    return _front_matter(description="Every page with an owner or a review date, soonest review first.") + (
        "# Page freshness\n\n"
        "A page can name its `owner` and a `review_by` date in its front matter. Past that date it shows a "
        "notice until its owner reviews it and moves the date. This list puts the most urgent reviews first.\n\n"
        f"{table}\n"
        + (
            "\n## Replaced pages\n\n"
            "These pages show this company's own text in place of upstream's. When an upstream update changes "
            "the original, its replacement needs a review: compare the two, then run `make replace PAGE=...` "
            "to record that it is current.\n\n"
            f"{replaced}\n"
            if replaced
            else ""
        )
    )


def generated_pages(playbook: Playbook, view_for: ViewFor) -> dict[str, str]:
    """Source path -> Markdown, for every page the data implies (freshness/ aside: it needs the pages)."""
    renderers: dict[str, Callable[[PageView], str]] = {
        "roles/index.md": roles_index_page,
        "checklists/index.md": checklists_index_page,
        NORMS_PAGE: norms_page,
    }
    for role in playbook.roles:
        renderers[f"roles/{role.id}.md"] = lambda view, role_id=role.id: role_page(view, role_id)
    for checklist in playbook.checklists:
        renderers[checklist_page(checklist.id)] = lambda view, checklist_id=checklist.id: checklist_standalone_page(view, checklist_id)
    return {src: render(view_for(src)) for src, render in renderers.items()}


def generated_paths(playbook: Playbook) -> list[str]:
    """The source paths of the pages `generated_pages` renders, without rendering them."""
    return [
        "roles/index.md",
        "checklists/index.md",
        NORMS_PAGE,
        *(f"roles/{r.id}.md" for r in playbook.roles),
        *(checklist_page(c.id) for c in playbook.checklists),
    ]


def removed_pages(playbook: Playbook) -> set[str]:
    """Generated pages a company overlay removed on purpose (their role or checklist is gone)."""
    return {f"roles/{r}.md" for r in playbook.removed.get("roles", ())} | {
        checklist_page(c) for c in playbook.removed.get("checklists", ())
    }
