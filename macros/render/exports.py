"""Files written next to the pages: matrix CSV/JSON, checklists as Markdown, the checklist index.

Pure functions from the model to text; the plugin adds them to the site as downloads (macros/site/files.py) (design contract 5).
"""

from __future__ import annotations

import json

from macros.contract import absolute_url, checklist_anchor, checklist_page, fingerprint, item_anchor, page_url
from macros.data.model import Playbook
from macros.render.inline import markdown_text, plain_text
from macros.render.matrix import MatrixTable
from macros.render.norms import NORMS_JSON, NORMS_MD, norms_json, norms_markdown

MATRIX_CSV = "exports/responsibility-matrix.csv"
MATRIX_JSON = "exports/responsibility-matrix.json"
CHECKLIST_INDEX = "checklists/index.json"


def checklist_markdown(playbook: Playbook, checklist_id: str, site_url: str = "", site_name: str = "Tech Lead Playbook") -> str:
    checklist = playbook.checklist(checklist_id)
    url = absolute_url(site_url, page_url(checklist_page(checklist.id)))
    lines = [f"## {markdown_text(checklist.title)}", "", f"{markdown_text(playbook.words('export-from', site=site_name))} <{url}>", ""]
    lines += [f"- [ ] {markdown_text(plain_text(item.text))}" for item in checklist.items]  # text from data stays text in a wiki
    return "\n".join(lines) + "\n"


def checklist_index_json(playbook: Playbook, site_url: str = "") -> str:
    entries = []
    for c in playbook.checklists:
        activity = playbook.activity(c.activity) if c.activity else None
        standalone = page_url(checklist_page(c.id))
        play = page_url(activity.page) if activity else None
        entries.append(
            {
                "id": c.id,
                "title": c.title,
                "area": activity.area if activity else None,
                "activity": c.activity,
                "roles": [r.id for r in playbook.roles_of(c)],
                "anchor": checklist_anchor(c.id),
                "url": absolute_url(site_url, standalone),
                "play_url": absolute_url(site_url, play + "#" + checklist_anchor(c.id)) if play else None,
                "markdown_url": absolute_url(site_url, standalone.rstrip("/") + ".md"),
                "items": [
                    {
                        "id": i.id,
                        "text": i.text,
                        "anchor": item_anchor(c.id, i.id),
                        "url": absolute_url(site_url, standalone + "#" + item_anchor(c.id, i.id)),
                        "fingerprint": fingerprint(plain_text(i.text)),
                    }
                    for i in c.items
                ],
            }
        )
    return json.dumps({"version": 1, "checklists": entries}, indent=2, ensure_ascii=False) + "\n"


def all_exports(playbook: Playbook, site_url: str = "", site_name: str = "Tech Lead Playbook") -> dict[str, str]:
    """Site-relative path -> file content."""
    matrix = MatrixTable.of(playbook)
    files = {
        MATRIX_CSV: matrix.csv(),
        MATRIX_JSON: matrix.json(site_url),
        CHECKLIST_INDEX: checklist_index_json(playbook, site_url),
        NORMS_MD: norms_markdown(playbook, site_url, site_name),
        NORMS_JSON: norms_json(playbook, site_url),
    }
    for c in playbook.checklists:
        files[f"checklists/{c.id}.md"] = checklist_markdown(playbook, c.id, site_url, site_name)
        for old in c.old_ids:  # old download links keep working
            files[f"checklists/{old}.md"] = files[f"checklists/{c.id}.md"]
    return files
