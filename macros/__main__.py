"""`python -m macros check [ROOT]`: validate the data without building, for editors and pre-commit.
`python -m macros schema [ROOT]`: regenerate schema/*.json from the validator's field table.
`python -m macros permalinks [ROOT]`: add new pages and ids to data/permalinks.json.
`python -m macros replace PAGE [ROOT]`: start a page replacement, or record it as checked against upstream.
`python -m macros upstream-report [SINCE] [ROOT]`: what the upstream merged since SINCE (default ORIG_HEAD) changed for this fork."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from macros.contract import page_url
from macros.data.errors import DataError, Problem
from macros.data.load import OVERLAY_FILE, load_playbook
from macros.data.permalinks import MANIFEST, manifest_problems, merge, published_now, read_manifest, render_manifest
from macros.data.schema import write_schemas
from macros.data.upstream import upstream_changes
from macros.render.pages import generated_paths
from macros.site.checks import links_to_hidden
from macros.site.replacements import find_replacements, mark_reviewed

COMMANDS = ("check", "schema", "permalinks", "replace", "upstream-report")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS or (argv[0] == "replace" and len(argv) < 2):
        print("usage: python -m macros check|schema|permalinks [DIR] | replace PAGE [DIR] | upstream-report [SINCE] [DIR]", file=sys.stderr)
        return 2
    if argv[0] == "upstream-report":
        return report_upstream(Path(argv[2]) if len(argv) > 2 else Path.cwd(), argv[1] if len(argv) > 1 else "ORIG_HEAD")
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


def report_upstream(root: Path, since: str) -> int:
    """Upstream's data at `since` (the fork before the merge) against upstream's data now, read
    against the fork's overlay, then the replaced pages whose original changed."""
    commit = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--verify", "--end-of-options", f"{since}^{{commit}}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if since.startswith("-") or commit.returncode:
        print(f"upstream-report: '{since}' is not a commit here (after `git merge`, ORIG_HEAD is the fork before it)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        before, now = Path(tmp) / "before", Path(tmp) / "now"
        archive = subprocess.run(
            ["git", "-C", str(root), "archive", commit.stdout.strip(), "data", "docs"], capture_output=True, check=False
        )
        if archive.returncode:
            print(f"git archive {since}: {archive.stderr.decode().strip()}", file=sys.stderr)
            return 2
        before.mkdir()
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(before, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
        (now / "data").mkdir(parents=True)
        for data_file in (root / "data").glob("*.yml"):  # upstream's files as they are now; no link is followed
            if data_file.is_file() and not data_file.is_symlink():
                shutil.copyfile(data_file, now / "data" / data_file.name)
        for folder in (before, now):
            (folder / OVERLAY_FILE).unlink(missing_ok=True)  # upstream's data alone
        try:
            old, new = load_playbook(before).playbook, load_playbook(now, root / "docs").playbook
        except DataError as error:
            return report(error.problems)
    try:
        load_playbook(root)
        broken: list[Problem] = []
    except DataError as error:  # what the update broke in the overlay comes first: fix those lines
        broken = error.problems
    overlay = root / OVERLAY_FILE
    changes = upstream_changes(old, new, overlay.read_text(encoding="utf-8") if overlay.exists() else "")
    replacements, _ = find_replacements(root / "docs")
    for problem in broken:
        print(f"fix: {problem}")
    for change in changes:
        print(change)
    for stale in (r for r in replacements if r.stale):
        print(f"review: {stale.problem()}")
    print(f"{len(changes)} upstream change(s) since {since}; {sum(r.stale for r in replacements)} replaced page(s) to review")
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
