"""Contract 2 and 5 on the built site: every checklist, its pages, anchors, files and index."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.data.load import load_playbook
from macros.data.permalinks import merge, published_now, read_manifest
from macros.contract import page_url
from tests.conftest import ROOT, Site, build_site, edit_checklists, run_build

PLAYBOOK = load_playbook(ROOT).playbook
IDS = [c.id for c in PLAYBOOK.checklists]


def assert_checklist_markup(article, checklist) -> None:  # noqa: ANN001
    box = article.select_one(f'[data-checklist="{checklist.id}"]')
    assert box is not None and box["id"] == f"checklist-{checklist.id}"
    items = box.select("[data-item]")
    assert [li["data-item"] for li in items] == [i.id for i in checklist.items]
    for li in items:
        assert li["id"] == f"checklist-{checklist.id}--{li['data-item']}"
        box_input = li.select_one("input[type=checkbox]")
        label = box_input.find_parent("label")
        assert label is not None and label.get_text(strip=True), "checkbox has a visible label"
        assert li.select_one("a.checklist__permalink")["href"] == f"#{li['id']}"
    assert box.select_one(".checklist__progress[aria-live=polite]")


@pytest.mark.parametrize("checklist_id", IDS)
def test_standalone_page(site: Site, checklist_id: str) -> None:
    checklist = PLAYBOOK.checklist(checklist_id)
    article = site.article(f"checklists/{checklist_id}/")
    assert_checklist_markup(article, checklist)
    back = article.select_one(".checklist-context a")
    assert back["href"].startswith("../../" + page_url(PLAYBOOK.activity(checklist.activity).page))


@pytest.mark.parametrize("checklist_id", IDS)
def test_embedded_in_its_play(site: Site, checklist_id: str) -> None:
    checklist = PLAYBOOK.checklist(checklist_id)
    assert_checklist_markup(site.article(page_url(PLAYBOOK.activity(checklist.activity).page)), checklist)


@pytest.mark.parametrize("checklist_id", IDS)
def test_markdown_file_is_a_task_list_with_its_url(site: Site, checklist_id: str) -> None:
    text = site.path(f"checklists/{checklist_id}.md").read_text()
    checklist = PLAYBOOK.checklist(checklist_id)
    assert len(re.findall(r"^- \[ \] \S", text, re.M)) == len(checklist.items)
    assert f"checklists/{checklist_id}/" in text


def test_index_json_lists_every_checklist_with_anchors(site: Site) -> None:
    index = json.loads(site.path("checklists/index.json").read_text())
    assert [c["id"] for c in index["checklists"]] == IDS
    for entry in index["checklists"]:
        checklist = PLAYBOOK.checklist(entry["id"])
        assert entry["anchor"] == f"checklist-{checklist.id}"
        assert entry["activity"] == checklist.activity and entry["area"]
        assert [i["id"] for i in entry["items"]] == [i.id for i in checklist.items]
        assert all(i["anchor"] == f"checklist-{checklist.id}--{i['id']}" for i in entry["items"])
        assert entry["url"].endswith(f"/checklists/{checklist.id}/")
        assert entry["roles"] == [r.id for r in PLAYBOOK.roles_of(checklist)]


def test_no_printout_or_export_leads_to_the_placeholder_domain(site: Site) -> None:
    """mkdocs.yml's site_url is a placeholder until a company sets its own: an intranet printout
    or a pasted export must not send readers there, so they give site-root paths instead."""
    placeholder = "tech-lead-playbook.example.org"
    assert site.soup("checklists/code-reviews/").select(".checklist__print-url") == []
    exports = [site.path(f"checklists/{c}.md") for c in IDS] + [site.path(p) for p in ("checklists/index.json", "exports/norms.json", "exports/norms.md", "exports/responsibility-matrix.json")]
    assert [p.name for p in exports if placeholder in p.read_text()] == []
    assert "<loc>https://tech-lead-playbook.example.org/</loc>" in site.path("sitemap.xml").read_text()  # MkDocs' own use stays


def test_index_page_groups_checklists_by_area(site: Site) -> None:
    article = site.article("checklists/")
    assert [h.get_text(strip=True) for h in article.select("h2[id^=area-]")] == [a.name for a in PLAYBOOK.areas]
    assert sorted(li["data-checklist-link"] for li in article.select("li[data-checklist-link]")) == sorted(IDS)


def test_item_anchors_are_unique_on_every_page(site: Site) -> None:
    for url, soup in site.pages():
        ids = [el["id"] for el in soup.select("[id]")]
        assert len(ids) == len(set(ids)), f"{url}: duplicate ids"


def test_permalink_manifest_is_current() -> None:
    from macros.render.pages import generated_paths

    manifest, _ = read_manifest(ROOT)
    docs = ROOT / "docs"
    pages = {page_url(p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")} | {page_url(s) for s in generated_paths(PLAYBOOK)}
    expected = merge(manifest, published_now(PLAYBOOK, pages))
    assert manifest == expected, "run `make permalinks` and commit data/permalinks.json"


@pytest.mark.slow
def test_removing_a_published_item_without_alias_fails_with_one_line(project: Path, tmp_path: Path) -> None:
    def drop(data: dict) -> None:
        data["checklists"][0]["items"].pop(0)

    first = PLAYBOOK.checklists[0]
    edit_checklists(project, drop)
    result = run_build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log
    naming = [line for line in log.splitlines() if line.startswith("ERROR") and f"items[{first.items[0].id}]" in line]
    assert len(naming) == 1 and "data/permalinks.json:" in naming[0], log


@pytest.mark.slow
def test_removing_a_published_page_without_redirect_fails(project: Path, tmp_path: Path) -> None:
    (project / "docs/glossary.md").unlink()
    for md in (project / "docs").rglob("*.md"):
        md.write_text(md.read_text().replace("glossary.md", "index.md"))
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text().replace("      - glossary.md\n", ""))
    result = run_build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert any("pages[glossary/]" in line for line in log.splitlines() if line.startswith("ERROR")), log


@pytest.mark.slow
def test_aliases_keep_old_ids_working(project: Path, tmp_path: Path) -> None:
    old_item = PLAYBOOK.checklist("code-reviews").items[0].id

    def rename(data: dict) -> None:
        checklist = next(c for c in data["checklists"] if c["id"] == "code-reviews")
        checklist["id"] = "reviewing-code"
        checklist["items"][0]["id"] = "first-measure"
        data["aliases"] = {"checklists": {"code-reviews": "reviewing-code"}, "items": {"reviewing-code": {old_item: "first-measure"}}}

    edit_checklists(project, rename)
    for md in (project / "docs").rglob("*.md"):
        md.write_text(md.read_text().replace("checklist('code-reviews')", "checklist('reviewing-code')"))
    site = build_site(project, tmp_path / "site")
    redirect = site.html("checklists/code-reviews/")
    assert "reviewing-code/" in redirect and "refresh" in redirect.lower()
    box = site.article("checklists/reviewing-code/").select_one("[data-checklist=reviewing-code]")
    assert box["data-old-ids"] == "code-reviews"
    assert json.loads(box["data-item-aliases"]) == {old_item: "first-measure"}
    assert site.path("checklists/code-reviews.md").read_text() == site.path("checklists/reviewing-code.md").read_text()


@pytest.mark.slow
def test_adding_ids_and_pages_never_fails(project: Path, tmp_path: Path) -> None:
    def add(data: dict) -> None:
        data["checklists"][0]["items"].append({"id": "a-new-step", "text": "A new step."})

    edit_checklists(project, add)
    (project / "docs/extra.md").write_text("# Extra\n")
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text().replace("      - glossary.md\n", "      - glossary.md\n      - extra.md\n"))
    build_site(project, tmp_path / "site")
    shutil.rmtree(tmp_path / "site")
