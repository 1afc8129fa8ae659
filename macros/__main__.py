"""`python -m macros check [ROOT]`: validate the data without building, for editors and pre-commit.
`python -m macros schema [ROOT]`: regenerate schema/*.json from the validator's field table."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import DataError
from .loader import load_playbook
from .schema import write_schemas


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("check", "schema"):
        print("usage: python -m macros check|schema [PROJECT_DIR]", file=sys.stderr)
        return 2
    root = Path(argv[1]) if len(argv) > 1 else Path.cwd()
    if argv[0] == "schema":
        for path in write_schemas(root):
            print(f"wrote {path}")
        return 0
    try:
        loaded = load_playbook(root)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return 1
    p = loaded.playbook
    print(f"ok: {len(p.roles)} roles, {len(p.areas)} areas, {len(p.activities)} activities, {len(p.checklists)} checklists")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
