"""Page replacements without a build: `make replace` starts one and re-stamps it, the hash follows
upstream's page, and a hash that is not one is refused at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.files import File, Files

from macros.site.replacements import OUTSIDE, REPLACE_DIR, apply_replacements, file_hash, find_replacements, mark_reviewed, read_replacement

PAGE = "plays/a/b.md"


def docs(tmp_path: Path) -> Path:
    (tmp_path / "plays/a").mkdir(parents=True)
    (tmp_path / PAGE).write_text("---\ndescription: Upstream.\n---\n\n# B\n\nText.\n")
    return tmp_path


def test_make_replace_starts_a_copy_that_records_upstreams_hash(tmp_path: Path) -> None:
    root = docs(tmp_path)
    mark_reviewed(root, PAGE)
    copy = (root / REPLACE_DIR / PAGE).read_text()
    assert copy.startswith(f'---\nreplaces: "{file_hash(root / PAGE)}"') and "description: Upstream.\n---\n\n# B\n" in copy
    replacement, problems = read_replacement(root, REPLACE_DIR + PAGE)
    assert problems == [] and replacement is not None and not replacement.stale


def test_an_upstream_change_makes_it_stale_until_it_is_stamped_again(tmp_path: Path) -> None:
    root = docs(tmp_path)
    mark_reviewed(root, PAGE)
    (root / REPLACE_DIR / PAGE).write_text((root / REPLACE_DIR / PAGE).read_text().replace("Text.", "Ours."))
    (root / PAGE).write_text((root / PAGE).read_text() + "\nNew upstream paragraph.\n")
    [replacement], _ = find_replacements(root)
    assert replacement.stale and str(replacement.problem()).startswith(
        f"docs/{REPLACE_DIR}{PAGE}:2: replaces: was written against another version"
    )
    mark_reviewed(root, PAGE)
    text = (root / REPLACE_DIR / PAGE).read_text()
    assert "Ours." in text and text.count("replaces:") == 1
    assert not find_replacements(root)[0][0].stale


def test_crlf_line_ends_do_not_count_as_a_change(tmp_path: Path) -> None:
    root = docs(tmp_path)
    before = file_hash(root / PAGE)
    (root / PAGE).write_bytes((root / PAGE).read_bytes().replace(b"\n", b"\r\n"))
    assert file_hash(root / PAGE) == before


def test_a_hash_that_is_not_one_is_refused_at_its_line(tmp_path: Path) -> None:
    root = docs(tmp_path)
    (root / REPLACE_DIR / "plays/a").mkdir(parents=True)
    (root / REPLACE_DIR / PAGE).write_text("---\ntitle: Mine\nreplaces: yesterday\n---\n# Mine\n")
    replacement, problems = read_replacement(root, REPLACE_DIR + PAGE)
    assert [str(p) for p in problems] == [
        f"docs/{REPLACE_DIR}{PAGE}:3: replaces: must be the sha256 of docs/{PAGE} (64 hex digits); run `make replace PAGE={PAGE}`"
    ]
    assert replacement is not None and replacement.stale and "records no hash" in str(replacement.problem())


def test_a_replacement_that_links_outside_docs_is_refused(tmp_path: Path) -> None:
    root = docs(tmp_path / "docs")
    (tmp_path / "secret.md").write_text("# Not for the site\n")
    (root / REPLACE_DIR / "plays/a").mkdir(parents=True)
    (root / REPLACE_DIR / PAGE).symlink_to(tmp_path / "secret.md")
    files = Files([File(p, str(root), str(tmp_path / "site"), True) for p in (PAGE, REPLACE_DIR + PAGE)])
    found, problems = apply_replacements(files, root, set())
    assert found == [] and [str(p) for p in problems] == [
        f"docs/{REPLACE_DIR}{PAGE}:1: is a link to a file outside docs/; a replacement must be a file under docs/"
    ]
    assert files.get_file_from_path(PAGE).abs_src_path == str(root / PAGE)


@pytest.mark.parametrize("page", ["../../outside.md", "/tmp/outside.md", "../README.md", "plays/a/b.txt"])
def test_make_replace_writes_only_under_docs(tmp_path: Path, page: str) -> None:
    root = docs(tmp_path / "docs")
    (tmp_path / "outside.md").write_text("# Not ours\n")
    with pytest.raises(SystemExit, match="make replace PAGE="):
        mark_reviewed(root, page)
    assert (tmp_path / "outside.md").read_text() == "# Not ours\n" and not (root / "company/README.md").exists()


def test_make_replace_and_check_refuse_a_replacement_linked_outside(tmp_path: Path) -> None:
    root = docs(tmp_path / "docs")
    (tmp_path / "victim.md").write_text("# Victim\n")
    (root / REPLACE_DIR / "plays/a").mkdir(parents=True)
    (root / REPLACE_DIR / PAGE).symlink_to(tmp_path / "victim.md")
    with pytest.raises(SystemExit):
        mark_reviewed(root, PAGE)
    found, problems = find_replacements(root)
    assert found == [] and [str(p) for p in problems] == [f"docs/{REPLACE_DIR}{PAGE}:1: {OUTSIDE}"]
    assert (tmp_path / "victim.md").read_text() == "# Victim\n"


def test_a_replacement_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    root = docs(tmp_path / "docs")
    (root / REPLACE_DIR / "plays/a").mkdir(parents=True)
    (root / REPLACE_DIR / PAGE).write_bytes(b"# Caf\xe9\n")
    _, problems = find_replacements(root)
    assert len(problems) == 1 and str(problems[0]).startswith(f"docs/{REPLACE_DIR}{PAGE}:1: cannot read file:")
