"""`python -m macros check [ROOT]`: validate the data without building, for editors and pre-commit.
`python -m macros schema [ROOT]`: regenerate schema/*.json from the validator's field table.
`python -m macros permalinks [ROOT]`: add new pages and ids to data/permalinks.json.
`python -m macros replace PAGE [ROOT]`: start a page replacement, or record it as checked against upstream."""

from __future__ import annotations

import sys
from pathlib import Path

from macros.contract import page_url
from macros.data.errors import DataError, Problem
from macros.data.load import load_playbook
from macros.data.permalinks import MANIFEST, manifest_problems, merge, published_now, read_manifest, render_manifest
from macros.data.schema import write_schemas
from macros.render.pages import generated_paths
from macros.site.checks import links_to_hidden
from macros.site.replacements import find_replacements, mark_reviewed


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("check", "schema", "permalinks", "replace") or (argv[0] == "replace" and len(argv) < 2):
        print("usage: python -m macros check|schema|permalinks [PROJECT_DIR] | replace PAGE [PROJECT_DIR]", file=sys.stderr)
        return 2
    if argv[0] == "replace":  # PAGE as under docs/, with or without the docs/ prefix
        root = Path(argv[2]) if len(argv) > 2 else Path.cwd()
        print(mark_reviewed(root / "docs", argv[1].removeprefix("docs/")))
        return 0
    root = Path(argv[1]) if len(argv) > 1 else Path.cwd()
    if argv[0] == "schema":
        for path in write_schemas(root):
            print(f"wrote {path}")
        return 0
    if argv[0] == "permalinks":
        return update_permalinks(root)
    try:
        loaded = load_playbook(root)
    except DataError as error:  # the manifest too, so one run names every problem
        return report(error.problems + manifest_problems(root, required=False))
    if loaded.settings.check_permalinks and (problems := manifest_problems(root)):
        return report(problems)
    replacements, problems = find_replacements(root / "docs")
    if problems:
        return report(problems)
    stale = [r.problem() for r in replacements if r.stale]
    if stale and loaded.settings.fail_on_stale_replacements:
        return report(stale)
    for notice in [*loaded.notices, *stale, *links_to_hidden(root / "docs", loaded.settings.hide)]:  # to review, not errors
        print(f"notice: {notice}", file=sys.stderr)
    p, replaced = loaded.playbook, len(replacements)
    counts = f"{len(p.roles)} roles, {len(p.areas)} areas, {len(p.activities)} activities, {len(p.checklists)} checklists"
    print(f"ok: {counts}, {replaced} replaced page{'s' if replaced != 1 else ''}")
    return 0


def report(problems: list[Problem]) -> int:
    """One line per problem, in file order, then the count; exit status 1."""
    for problem in sorted(problems, key=lambda p: (p.location, p.path)):
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=sys.stderr)
    return 1


def update_permalinks(root: Path) -> int:
    """Add every current page URL, checklist id and item id to data/permalinks.json."""
    try:
        playbook = load_playbook(root).playbook
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    docs = root / "docs"
    pages = {page_url(p.relative_to(docs).as_posix()) for p in docs.rglob("*.md") if not p.name.startswith(".")}
    pages |= {page_url(src) for src in generated_paths(playbook)}
    try:
        old, _ = read_manifest(root)
    except DataError as error:  # rewriting a file we cannot read would drop published ids
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    (root / MANIFEST).write_text(render_manifest(merge(old, published_now(playbook, pages))), encoding="utf-8")
    print(f"updated {MANIFEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
