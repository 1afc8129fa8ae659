"""Page replacements (design contract 7): a fork's `docs/company/replace/<path>` stands in for
upstream's `docs/<path>`. The upstream File keeps its URL, nav place and everything that links
to it; only the text it is read from changes, so upstream's file stays untouched and merges
cleanly. The replacement records, in its front matter, the sha256 of the upstream file it was
written against (`replaces:`); when upstream changes that file, the replacement is listed as
needing review."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import Files

from macros.data.errors import Location, Problem
from macros.data.urlpolicy import safe_path_problem
from macros.site.reviews import FRONT_MATTER, read_front_matter

REPLACE_DIR = "company/replace/"
SHA256 = re.compile(r"[0-9a-f]{64}")
MARK = "make replace PAGE={page}"
OUTSIDE = "is a link to a file outside docs/; a replacement must be a file under docs/"


@dataclass(frozen=True)
class Replacement:
    page: str  # upstream's page, docs-relative: plays/partnering/estimation.md
    source: str  # the fork's file, docs-relative: company/replace/plays/partnering/estimation.md
    recorded: str  # the `replaces:` hash in its front matter ("" when it has none)
    current: str  # sha256 of upstream's file as it is now
    line: int = 1  # the `replaces:` line

    @property
    def stale(self) -> bool:
        return self.recorded != self.current

    def problem(self) -> Problem:
        """What to do about a stale replacement, at its `replaces:` line: for the log, `make check`,
        and the error `fail_on_stale_replacements` makes of it."""
        if not self.recorded:
            why = "records no hash of the upstream page it was written against"
        else:
            why = f"was written against another version of docs/{self.page} ({self.recorded[:12]}..., now {self.current[:12]}...)"
        return Problem(Location(f"docs/{self.source}", self.line), "replaces", f"{why}; compare with upstream's page, then run `{MARK.format(page=self.page)}`")


def file_hash(path: Path) -> str:
    """sha256 of the page's text with Unix line ends, so a checkout that writes CRLF agrees."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def read_replacement(docs_dir: Path, source: str) -> tuple[Replacement | None, list[Problem]]:
    """One replacement file -> what it replaces and the hash it records; a problem when it replaces
    nothing, or its hash is not one."""
    page = source.removeprefix(REPLACE_DIR)
    where = f"docs/{source}"
    upstream = docs_dir / page
    if not upstream.is_file():
        return None, [Problem(Location(where, 1), "", f"replaces no upstream page: docs/{page} does not exist (check the path under docs/{REPLACE_DIR})")]
    try:
        text = (docs_dir / source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(Location(where, 1), "", f"cannot read file: {error}")]
    front, problems = read_front_matter(text, where)
    recorded = front.meta.get("replaces", "")
    line = front.lines.get("replaces", 1)
    if recorded and not (isinstance(recorded, str) and SHA256.fullmatch(recorded)):
        problems.append(Problem(Location(where, line), "replaces", f"must be the sha256 of docs/{page} (64 hex digits); run `{MARK.format(page=page)}`"))
        recorded = ""
    return Replacement(page, source, str(recorded or ""), file_hash(upstream), line), problems


def find_replacements(docs_dir: Path) -> tuple[list[Replacement], list[Problem]]:
    """Every replacement under docs/company/replace/, read without a build (`make check`)."""
    found, problems = [], []
    for path in sorted((docs_dir / REPLACE_DIR).rglob("*.md")):
        if not path.resolve().is_relative_to(docs_dir.resolve()):
            problems.append(Problem(Location(f"docs/{path.relative_to(docs_dir).as_posix()}", 1), "", OUTSIDE))
            continue
        replacement, wrong = read_replacement(docs_dir, path.relative_to(docs_dir).as_posix())
        problems += wrong
        found += [replacement] if replacement else []
    return found, problems


def apply_replacements(files: Files, docs_dir: Path, generated: set[str]) -> tuple[list[Replacement], list[Problem]]:
    """Point each replaced upstream page at its replacement, and drop the replacement's own page."""
    found, problems = [], []
    for file in [f for f in files.documentation_pages() if f.src_uri.startswith(REPLACE_DIR)]:
        page = file.src_uri.removeprefix(REPLACE_DIR)
        files.remove(file)
        if page in generated:
            problems.append(Problem(Location(f"docs/{file.src_uri}", 1), "", f"docs/{page} is generated from the data; change it in data/company.yml instead"))
            continue
        if not Path(file.abs_src_path or "").resolve().is_relative_to(docs_dir.resolve()):  # a symlink out of docs/
            problems.append(Problem(Location(f"docs/{file.src_uri}", 1), "", OUTSIDE))
            continue
        replacement, wrong = read_replacement(docs_dir, file.src_uri)
        problems += wrong
        upstream = files.get_file_from_path(page)
        if replacement is None or upstream is None:
            continue
        upstream.abs_src_path = file.abs_src_path  # the text; URL, nav place and links stay upstream's
        upstream.edit_uri = file.src_uri  # "edit this page" opens the fork's file
        found.append(replacement)
    return found, problems


def _split(text: str) -> tuple[str, str]:
    """(front matter lines, each ending in a newline; the rest) of a page, as MkDocs reads them."""
    match = FRONT_MATTER.match(text)
    return (match.group(1), text[match.end() :]) if match else ("", text)


def mark_reviewed(docs_dir: Path, page: str) -> str:
    """`make replace PAGE=...`: start a replacement as a copy of upstream's page, or, when it
    exists, record that it was checked against upstream's page as it is now."""
    problem = safe_path_problem(page, "page path") or ("" if page.endswith(".md") else f"'{page}' is not a page (a path ending in .md)")
    upstream, target = docs_dir / page, docs_dir / REPLACE_DIR / page
    inside = docs_dir.resolve()
    if problem or not upstream.resolve().is_relative_to(inside) or not target.parent.resolve().is_relative_to(inside) or target.is_symlink():
        raise SystemExit(f"make replace PAGE={page}: {problem or 'must name a page under docs/, and its replacement a file there'}")
    if not upstream.is_file():
        raise SystemExit(f"docs/{page}: no such upstream page")
    stamp = f'replaces: "{file_hash(upstream)}"  # sha256 of docs/{page} this was written against\n'
    fresh = not target.exists()
    head, body = _split(upstream.read_text(encoding="utf-8") if fresh else target.read_text(encoding="utf-8"))
    head = "".join(line for line in head.splitlines(keepends=True) if not line.startswith("replaces:"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"---\n{stamp}{head}---\n{body}", encoding="utf-8")
    return f"docs/{REPLACE_DIR}{page}: " + ("a copy of upstream's page to edit" if fresh else f"recorded against docs/{page} as it is now")
