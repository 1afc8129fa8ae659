"""The functions pages call (design contract 4), bound to one page: `PageView`.

Hand-written pages reach these through mkdocs-macros (`{{ role('em') }}`); the pages generated
from the data call them directly (macros/render/pages.py), so each view has one renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from macros.contract import linker
from macros.data.model import Playbook
from macros.render import Link
from macros.render.assessment import render_self_assessment
from macros.render.chart import render_role_chart
from macros.render.checklist import render_checklist
from macros.render.html import inline_text
from macros.render.lists import render_area_list, render_checklist_context, render_checklist_index, render_role_list, render_role_purpose
from macros.render.matrix import render_legend, render_matrix
from macros.render.names import render_role_name, render_role_names
from macros.render.norms import render_norm
from macros.render.summary import render_role_summary

MACROS = (
    "role",
    "role_purpose",
    "role_list",
    "area",
    "area_list",
    "role_summary",
    "role_chart",
    "responsibility_matrix",
    "raci_legend",
    "checklist",
    "checklist_context",
    "checklist_index",
    "norm",
    "accountable",
    "responsible",
    "self_assessment",
)


@dataclass(frozen=True)
class Site:
    """What the renderers need to know about the site as a whole."""

    playbook: Playbook
    site_url: str = ""
    directory_urls: bool = True
    tracker: str | None = None  # settings.issue_tracker: where "Open as issue" goes


@dataclass
class PageView:
    """The macros for the page published at `url`. Ids it generates are unique within the page."""

    site: Site
    url: str
    _counters: dict[str, int] = field(default_factory=dict)
    used_norms: set[str] = field(default_factory=set)  # for the build's "no page uses this norm"
    shown_checklists: set[str] = field(default_factory=set)  # embedded here, not as a standalone page

    @property
    def playbook(self) -> Playbook:
        return self.site.playbook

    @property
    def link(self) -> Link:
        return linker(self.url, self.site.directory_urls)

    def _uid(self, stem: str) -> str:
        """Stable across builds: the first use keeps the plain stem, later ones are numbered."""
        n = self._counters[stem] = self._counters.get(stem, 0) + 1
        return stem if n == 1 else f"{stem}-{n}"

    def role(self, id: str, plural: bool = False, article: bool = False) -> Markup:
        """`role('em')` -> the role's display name from the data."""
        return render_role_name(self.playbook.role_or_retired(id), plural=plural, article=article)

    def norm(self, id: str, adjective: bool = False, plain: bool = False) -> Markup:
        """`norm('first-review-response')` -> "four working hours", linked to its entry on norms/."""
        found, agreed = self.playbook.norm_or_retired(id)
        self.used_norms.add(id)
        return render_norm(found, self.link, self.playbook.words, adjective=adjective, plain=plain or not agreed)

    def accountable(self, activity: str, article: bool = False) -> Markup:
        """`accountable('sprint-planning')` -> the name of the role the matrix makes accountable."""
        return render_role_name(self.playbook.owner(activity), article=article)

    def responsible(self, activity: str, plural: bool = False) -> Markup:
        """`responsible('code-review')` -> "Tech Lead and Engineers": the R and A/R roles, joined."""
        return render_role_names(self.playbook.doers(activity), self.playbook.words, plural=plural)

    def responsibility_matrix(self, area: str | None = None, role: str | None = None, activities: Sequence[str] | None = None) -> Markup:
        book = self.playbook
        if role and book.was_removed("roles", role):
            role = None
        if activities:  # rows a fork removed on purpose drop out; a typo still fails
            activities = [a for a in activities if not book.was_removed("activities", a)]
            if not activities:
                return Markup("")
        stem = "matrix-" + (area or (activities[0] if activities else None) or "all") + (f"-{role}" if role else "")
        return render_matrix(book, self.link, area=area, role=role, activities=activities, uid=self._uid(stem))

    def raci_legend(self) -> Markup:
        return render_legend(self.playbook.words)

    def role_summary(self, id: str) -> Markup:
        return render_role_summary(self.playbook, id, self.link)

    def role_chart(self, id: str) -> Markup:
        return render_role_chart(self.playbook, id, uid=self._uid(f"chart-{id}"))

    def checklist(self, id: str, standalone: bool = False) -> Markup:
        if self.playbook.was_removed("checklists", id):
            return Markup("")
        if not standalone:
            self.shown_checklists.add(id)
        return render_checklist(self.playbook, id, self.link, standalone=standalone, tracker=self.site.tracker, site_url=self.site.site_url)

    def checklist_context(self, id: str) -> Markup:
        return render_checklist_context(self.playbook, id, self.link)

    def checklist_index(self) -> Markup:
        return render_checklist_index(self.playbook, self.link)

    def role_purpose(self, id: str) -> Markup:
        return render_role_purpose(self.playbook, id)

    def role_list(self) -> Markup:
        return render_role_list(self.playbook, self.link)

    def area(self, id: str) -> Markup:
        """`area('partnering')` -> the area's name from the data, as its nav section shows it."""
        return inline_text(self.playbook.area(id).name)

    def area_list(self) -> Markup:
        """The areas of the role, each with its summary and overview page, from the data."""
        return render_area_list(self.playbook, self.link)

    def self_assessment(self) -> Markup:
        """The self-assessment from data/assessment.yml: per area a heading, a rateable table and a chart."""
        return render_self_assessment(self.playbook, self.link)
