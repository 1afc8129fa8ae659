"""The machine-readable handbook (contract 8): a Markdown copy beside every page, announced in its
head; llms.txt (llmstxt.org) and llms-full.txt at the site root; hidden pages left out."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from macros.data.load import load_playbook
from macros.render.inline import plain_text
from tests.browser.test_offline import offline_site  # noqa: F401  (the offline copy, built once per run)
from tests.conftest import ROOT, Site, hostile_site, is_redirect_stub  # noqa: F401
from tests.site.test_fork import fork_site  # noqa: F401  (the fork, built once per run)
from tests.site.test_nav import nav_labels

BOOK = load_playbook(ROOT).playbook
FENCED = re.compile(r"^(`{3,}).*?^\1\s*$", re.S | re.M)
CODE_SPAN = re.compile(r"(`+).+?\1")
LINK = re.compile(r"^- \[(?P<title>(?:[^\]\\]|\\.)+)\]\((?P<url>[^)\s]+)\)(?:: (?P<description>.+))?$")


def copy_of(site: Site, url: str) -> str:
    return (site.path(url).parent / "index.md").read_text(encoding="utf-8")


def prose(markdown: str) -> str:
    """The copy without its code (code blocks and spans show template syntax on purpose: the guide
    quotes `{{ role('em') }}`, the templates hold `<section>` placeholders)."""
    return CODE_SPAN.sub("", FENCED.sub("", markdown))


def pages(site: Site) -> list[str]:
    """Every page the build wrote (as `x/`), without redirect stubs and the 404 page."""
    found = []
    for path, soup in site.pages():
        if path != "404.html" and not is_redirect_stub(soup):
            found.append(path.removesuffix("index.html"))
    return found


def tables(markdown: str) -> list[list[list[str]]]:
    """Each GFM table as rows of cells (the header row first, the --- row left out)."""
    found, rows = [], []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("| "):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if not all(re.fullmatch(r"-{3,}", c) for c in cells):
                rows.append(cells)
        elif rows:
            found.append(rows)
            rows = []
    return found


def unmarkdown(text: str) -> str:
    """A cell's or item's words: links as their text, escapes undone."""
    return re.sub(r"\\(.)", r"\1", re.sub(r"\[((?:[^\]\\]|\\.)*)\]\([^)]*\)", r"\1", text))


def parse_llms_txt(text: str) -> tuple[str, str, list[tuple[str, list[re.Match[str]]]]]:
    """llmstxt.org: an H1, a blockquote, then H2 sections of link lists (nothing else here)."""
    blocks = text.strip("\n").split("\n\n")
    assert blocks[0].startswith("# ") and "\n" not in blocks[0], blocks[0]
    assert blocks[1].startswith("> ") and "\n" not in blocks[1], blocks[1]
    sections: list[tuple[str, list[re.Match[str]]]] = []
    for block in blocks[2:]:
        if block.startswith("## "):
            sections.append((block[3:], []))
            continue
        assert sections, block
        links = [LINK.match(line) for line in block.splitlines()]
        assert all(links), block
        sections[-1][1].extend(m for m in links if m)
    assert sections and all(links for _, links in sections)
    return blocks[0][2:], blocks[1][2:], sections


def target(site: Site, url: str, site_url: str = "") -> Path:
    path = url.removeprefix(site_url.rstrip("/")) if site_url else url
    assert path.startswith("/") and not urlparse(path).netloc, url
    return site.root / path.lstrip("/")


def test_every_page_has_its_copy_announced_in_its_head(site: Site) -> None:
    found = pages(site)
    assert len(found) > 60 and "" in found and "plays/force-multiplier/code-reviews/" in found
    for url in found:
        links = site.soup(url).select('head link[rel~="alternate"][type="text/markdown"]')
        assert len(links) == 1, url
        announced = urljoin(f"http://site/{url}", links[0]["href"]).removeprefix("http://site/")
        assert announced == url + "index.md", url
        assert (site.root / announced).is_file(), url
    assert set(nav_labels(site)) <= set(found)


def test_copies_hold_no_templates_widgets_or_permalink_signs(site: Site) -> None:
    html = site.html("plays/force-multiplier/code-reviews/") + site.html("roles/eng/")
    assert all(s in html for s in ("<button", "<input", "<svg", "<section", "&para;")), "the pages have all of them"
    for url in pages(site):
        text = prose(copy_of(site, url))
        leftovers = [s for s in ("{{", "{%", "<button", "<input", "<svg", "<section", "¶") if s in text]
        assert not leftovers, f"{url}: {leftovers}"
        assert not re.search(r"</?[a-z][a-z0-9-]*[\s>/]", text), f"{url}: an HTML tag"


def test_a_copy_starts_with_its_title_and_address_and_has_no_front_matter(site: Site) -> None:
    text = copy_of(site, "plays/force-multiplier/code-reviews/")
    lines = text.splitlines()
    assert lines[0] == "# Code reviews"
    assert lines[2] == "From the Tech Lead Playbook: [/plays/force-multiplier/code-reviews/](/plays/force-multiplier/code-reviews/)"
    assert "description:" not in text and "tags:" not in text
    # links are all site-root paths (no site_url upstream), as the exports print them
    for url in re.findall(r"\]\(([^)]+)\)", prose(text)):
        assert url.startswith(("/", "https://")), url
    assert "](/plays/force-multiplier/spec-reviews/)" in text and "](/norms/#norm-first-review-response)" in text


def test_the_matrix_is_a_markdown_table_with_every_role_and_one_row_per_activity(site: Site) -> None:
    text = copy_of(site, "responsibilities/")
    matrix = [t for t in tables(text) if t[0][0] == "Activity"]
    assert matrix
    for table in matrix:
        assert table[0][1:] == [f"{role.name} ({role.short})" for role in BOOK.roles]
    rows = {unmarkdown(row[0]): row[1:] for table in matrix for row in table[1:]}
    assert len([row for table in matrix for row in table[1:]]) == len(BOOK.activities)
    for activity in BOOK.activities:
        assert rows[activity.name] == [activity.letter(role.id) or "" for role in BOOK.roles], activity.id
    assert "**Be a force multiplier**" in text  # each area's rows under its name


def test_a_plays_checklist_is_a_task_list_with_one_item_per_item_in_the_data(site: Site) -> None:
    text = copy_of(site, "plays/force-multiplier/code-reviews/")
    section = text.split("### Code reviews\n\n", 1)[1].split("\n\n", 1)[0]
    items = [line.removeprefix("- [ ] ") for line in section.splitlines()]
    assert all(line.startswith("- [ ] ") for line in section.splitlines())
    assert [unmarkdown(item) for item in items] == [plain_text(i.text) for i in BOOK.checklist("code-reviews").items]


def test_the_working_agreement_copy_has_its_norms_as_tables(site: Site) -> None:
    norms = [t for t in tables(copy_of(site, "norms/")) if t[0] == ["Norm", "We agree", "Why", "Accountable"]]
    names = [unmarkdown(row[0]) for table in norms for row in table[1:]]
    assert sorted(names) == sorted(norm.name for norm in BOOK.norms)


def test_a_chart_becomes_its_text(site: Site) -> None:
    caption = site.soup("roles/eng/").select_one("figure.raci-chart figcaption").get_text(" ", strip=True)
    assert " ".join(caption.split()) in " ".join(copy_of(site, "roles/eng/").split())


def test_llms_txt_follows_the_convention_and_every_link_resolves(site: Site) -> None:
    name, description, sections = parse_llms_txt((site.root / "llms.txt").read_text(encoding="utf-8"))
    assert name == "Tech Lead Playbook" and description.startswith("A practical, forkable playbook")
    assert [s for s, _ in sections] == ["Pages", *(a.name for a in BOOK.areas), "Growth path", "Reference"]
    listed = {}
    for _, links in sections:
        for link in links:
            assert target(site, link["url"]).is_file(), link["url"]
            listed[link["url"].removesuffix("index.md").lstrip("/")] = link
    assert set(listed) == set(nav_labels(site))  # every nav page, and nothing else
    code_reviews = listed["plays/force-multiplier/code-reviews/"]
    assert code_reviews["title"] == "Code reviews"
    assert code_reviews["description"] == site.soup("plays/force-multiplier/code-reviews/").find("meta", attrs={"name": "description"})["content"]


def test_llms_full_holds_every_nav_page_with_its_title_and_address(site: Site) -> None:
    full = (site.root / "llms-full.txt").read_text(encoding="utf-8")
    for url in nav_labels(site):
        title = site.soup(url).select_one("article h1").get_text(strip=True).removesuffix("¶")
        assert re.search(rf"^# {re.escape(title)}\n\nFrom the Tech Lead Playbook: \[/{re.escape(url)}\]", full, re.M), url
    assert "- [ ] Measure time to first review" in full and "| Activity | Tech Lead (TL) |" in full


@pytest.mark.slow
def test_a_fork_leaves_hidden_pages_out_and_prints_its_site_url(fork_site: Site) -> None:  # noqa: F811
    site_url = "https://handbook.acme.example/eng/"
    text, full = ((fork_site.root / name).read_text(encoding="utf-8") for name in ("llms.txt", "llms-full.txt"))
    name, _, sections = parse_llms_txt(text)
    assert name == "Acme Engineering Handbook"
    titles = [s for s, _ in sections]
    assert titles[:2] == ["Pages", "Growing at Acme"] and "At Acme" in titles  # the fork's nav, in its order
    for _, links in sections:
        for link in links:
            assert link["url"].startswith(site_url) and target(fork_site, link["url"], site_url).is_file(), link["url"]
    for url in ("plays/partnering/fixed-dates/", "company/draft-policy/"):
        title = fork_site.soup(url).select_one("article h1").get_text(strip=True).removesuffix("¶")
        assert (fork_site.path(url).parent / "index.md").is_file(), "a hidden page is still built, with its copy"
        assert url not in text and url not in full and f"[{title}]" not in text and f"\n# {title}\n" not in full, url
    assert f"From the Acme Engineering Handbook: [{site_url}plays/force-multiplier/code-reviews/]" in full


@pytest.mark.slow
def test_the_offline_copy_has_its_copies_beside_each_html_file(offline_site: Site) -> None:  # noqa: F811
    head = offline_site.soup("plays/force-multiplier/code-reviews.html").select_one('head link[type="text/markdown"]')
    assert head["href"] == "code-reviews.md"
    assert (offline_site.root / "plays/force-multiplier/code-reviews.md").read_text(encoding="utf-8").startswith("# Code reviews\n")
    assert "- [x] A finished task" in (offline_site.root / "glossary.md").read_text(encoding="utf-8")  # a task list, ticked
    # a standalone checklist's page links its Markdown download, which no copy overwrites
    assert offline_site.soup("checklists/code-reviews.html").select_one('head link[type="text/markdown"]')["href"] == "code-reviews.md"
    assert (offline_site.root / "checklists/code-reviews.md").read_text(encoding="utf-8").startswith("## Code reviews\n")
    _, _, sections = parse_llms_txt((offline_site.root / "llms.txt").read_text(encoding="utf-8"))
    for _, links in sections:
        assert all(target(offline_site, link["url"]).is_file() for link in links)


@pytest.mark.slow
def test_hostile_text_stays_text_in_the_copies_and_llms_txt(hostile_site: Site) -> None:
    """Names and words from a hostile overlay (`<script>`, `](javascript:...)`, pipes) are escaped:
    no HTML tag, no link that runs code, no cell broken out of its table."""
    texts = {url: copy_of(hostile_site, url) for url in pages(hostile_site)}
    texts |= {name: (hostile_site.root / name).read_text(encoding="utf-8") for name in ("llms.txt", "llms-full.txt")}
    assert "&lt;script" in texts["llms-full.txt"] or "&lt;img" in texts["llms-full.txt"], "the corpus reaches the copies"
    for url, text in texts.items():
        assert not re.search(r"</?[a-z][a-z0-9-]*[\s>/]", prose(text)), url
        assert not re.search(r"(?<!\\)\]\(\s*(javascript|data|vbscript):", text, re.I), url
    for table in tables(texts["responsibilities/"]):
        assert len({len(row) for row in table}) == 1, table[0]
