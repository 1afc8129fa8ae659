"""The pages generated from the data (roles/, checklists/, freshness/), as finished Markdown.

Each is rendered here with the same `PageView` that hand-written pages call through
mkdocs-macros, so there is one renderer for each view, and marked `render_macros: false`: no
text from the data is ever read as a template.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import yaml
from markupsafe import Markup, escape

from macros.contract import checklist_page, relative_url
from macros.data.model import Playbook
from macros.data.wordbook import PLACEHOLDER
from macros.render.inline import inline_markdown, markdown_heading
from macros.render.norms import NORMS_JSON, NORMS_MD, NORMS_PAGE, render_agreement
from macros.render.view import PageView

ViewFor = Callable[[str], PageView]  # source path (roles/em.md) -> the view bound to its page


def _front_matter(**meta: object) -> str:
    """Themes print `title` and `description` into HTML unescaped, so text from data is escaped here."""
    safe = {key: html.escape(value) if isinstance(value, str) else value for key, value in meta.items()}
    safe["render_macros"] = False
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _say(view: PageView, word_id: str, **values: object) -> Markup:
    """A page word (inline Markdown with links to pages) as HTML, its placeholders filled, escaped."""
    tokens = {f"tlpword{n}x": name for n, name in enumerate(values)}  # letters and digits: Markdown leaves them be
    token_of = {name: token for token, name in tokens.items()}
    text = PLACEHOLDER.sub(lambda m: token_of.get(m.group(1), m.group(0)), view.playbook.words.text(word_id))
    rendered = str(inline_markdown(text, view.link))
    for token, name in tokens.items():  # braces Markdown decoded from entities (&#123;x&#125;) stay text
        rendered = rendered.replace(token, str(escape(values[name])))
    return Markup(rendered)


def role_page(view: PageView, role_id: str) -> str:
    role, words = view.playbook.role(role_id), view.playbook.words
    return _front_matter(description=words("role-description", role=role.name, summary=role.summary)) + (
        markdown_heading(1, role.name)
        + f"{view.role_purpose(role_id)}\n\n"
        + markdown_heading(2, words("role-owns"))
        + f"{view.role_summary(role_id)}\n\n"
        + markdown_heading(2, words("role-glance"))
        + f"{view.role_chart(role_id)}\n\n"
        + markdown_heading(2, words("role-matrix"))
        + f"{view.responsibility_matrix(role=role_id)}\n\n"
        + f"<p>{_say(view, 'role-more')}</p>\n"
    )


def roles_index_page(view: PageView) -> str:
    n, words = len(view.playbook.roles), view.playbook.words
    subject = words.count(n, "roles")
    intro = _say(view, "roles-intro-one" if n == 1 else "roles-intro-many", roles=subject[:1].upper() + subject[1:])
    return _front_matter(title=words("roles-title"), description=words("roles-description")) + (
        markdown_heading(1, words("roles-title")) + f"<p>{intro}</p>\n\n{view.role_list()}\n"
    )


def checklists_index_page(view: PageView) -> str:
    words = view.playbook.words
    intro = _say(view, "checklists-intro", checklists=words.count(len(view.playbook.checklists), "checklists"))
    return _front_matter(title=words("checklists-title"), description=words("checklists-description")) + (
        markdown_heading(1, words("checklists-title")) + f"<p>{intro}</p>\n\n{view.checklist_index()}\n"
    )


def checklist_standalone_page(view: PageView, checklist_id: str) -> str:
    checklist = view.playbook.checklist(checklist_id)
    return (
        _front_matter(
            title=checklist.title,
            description=view.playbook.words("checklist-description", title=checklist.title),
            hide=["navigation", "toc"],
        )
        + f"{view.checklist(checklist_id, standalone=True)}\n\n{view.checklist_context(checklist_id)}\n"
    )


def norms_page(view: PageView) -> str:
    """norms/: the team's working agreement, every norm the pages use, in one printable place."""
    book, words = view.playbook, view.playbook.words
    download = Markup('<a href="{}">{}</a>')
    downloads = words.html(
        "norms-download",
        markdown=download.format(relative_url(NORMS_MD, view.url), words("norms-download-markdown")),
        json=download.format(relative_url(NORMS_JSON, view.url), words("norms-download-json")),
    )
    return _front_matter(title=words("norms-title"), description=words("norms-description")) + (
        markdown_heading(1, words("norms-title"))
        + f"<p>{_say(view, 'norms-intro')}</p>\n\n<p>{downloads}</p>\n\n"
        + f"{render_agreement(book, view.link)}\n"
    )


def freshness_page(view: PageView, table: Markup, replaced: Markup | str = "") -> str:
    """freshness/: every page with an owner or review date, and the pages a fork replaces; the
    tables arrive escaped."""
    words = view.playbook.words
    return _front_matter(title=words("freshness-title"), description=words("freshness-description")) + (
        markdown_heading(1, words("freshness-title"))
        + f"<p>{_say(view, 'freshness-intro')}</p>\n\n{table}\n"
        + (f"\n{markdown_heading(2, words('replaced-title'))}<p>{_say(view, 'replaced-intro')}</p>\n\n{replaced}\n" if replaced else "")
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
