"""The functions pages call (design contract 4), bound to the page being rendered."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .loader import Loaded, cache
from .model import Playbook
from .render.chart import render_role_chart
from .render.checklist import render_checklist
from .render.lists import render_checklist_context, render_checklist_index, render_role_list, render_role_purpose
from .render.matrix import render_legend, render_matrix
from .render.names import render_role_name
from .render.summary import render_role_summary
from .urls import linker


class PageMacros:
    """One instance per build; `env.page` tells which page is rendering."""

    exported = (
        "role",
        "role_purpose",
        "role_list",
        "role_summary",
        "role_chart",
        "responsibility_matrix",
        "raci_legend",
        "checklist",
        "checklist_context",
        "checklist_index",
    )

    def __init__(self, env: Any) -> None:
        self._env = env
        self._counters: dict[tuple[str, str], int] = {}
        self._loaded: Loaded | None = None

    @property
    def loaded(self) -> Loaded:
        """Loaded on first use, once per build: MkDocs makes a new instance for every (re)build."""
        if self._loaded is None:
            conf = self._env.conf
            self._loaded = cache.get(Path(conf["config_file_path"]).parent, Path(conf["docs_dir"]))
        return self._loaded

    @property
    def playbook(self) -> Playbook:
        return self.loaded.playbook

    def _link(self):
        page = self._env.page
        return linker(page.url if page else "", self._env.conf["use_directory_urls"])

    def _uid(self, stem: str) -> str:
        """Ids unique within the page, stable across builds."""
        page = self._env.page.url if self._env.page else ""
        n = self._counters.get((page, stem), 0) + 1
        self._counters[(page, stem)] = n
        return stem if n == 1 else f"{stem}-{n}"

    def role(self, id: str, plural: bool = False, article: bool = False) -> Markup:
        """`role('em')` -> the role's display name from the data."""
        return render_role_name(self.playbook.role_or_retired(id), plural=plural, article=article)

    def responsibility_matrix(self, area: str | None = None, role: str | None = None, activities: Sequence[str] | None = None) -> Markup:
        book = self.playbook
        if role and book.was_removed("roles", role):
            role = None
        if activities:  # rows a fork removed on purpose drop out; a typo still fails
            activities = [a for a in activities if not book.was_removed("activities", a)]
            if not activities:
                return Markup("")
        stem = "matrix-" + (area or (activities[0] if activities else None) or "all") + (f"-{role}" if role else "")
        return render_matrix(self.playbook, self._link(), area=area, role=role, activities=activities, uid=self._uid(stem))

    def raci_legend(self) -> Markup:
        return render_legend()

    def role_summary(self, id: str) -> Markup:
        return render_role_summary(self.playbook, id, self._link())

    def role_chart(self, id: str) -> Markup:
        return render_role_chart(self.playbook, id, uid=self._uid(f"chart-{id}"))

    def checklist(self, id: str, standalone: bool = False) -> Markup:
        if self.playbook.was_removed("checklists", id):
            return Markup("")
        return render_checklist(
            self.playbook,
            id,
            self._link(),
            standalone=standalone,
            tracker=self.loaded.settings.issue_tracker or None,
            site_url=self._env.conf.get("site_url") or "",
        )

    def checklist_context(self, id: str) -> Markup:
        return render_checklist_context(self.playbook, id, self._link())

    def checklist_index(self) -> Markup:
        return render_checklist_index(self.playbook, self._link())

    def role_purpose(self, id: str) -> Markup:
        return render_role_purpose(self.playbook, id)

    def role_list(self) -> Markup:
        return render_role_list(self.playbook, self._link())
