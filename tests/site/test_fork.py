"""Forks: a complete company customisation (tests/fixtures/fork/) and the example overlay.

The fixture is copied over a copy of the project, exactly as a fork adds files; no upstream
file is edited.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.site.replacements import mark_reviewed
from tests.conftest import FIXTURES, ROOT, build_site, copy_project, run_build, shared_build, Site, text_without

pytestmark = pytest.mark.slow

TODAY = {"PLAYBOOK_TODAY": "2026-11-25"}
UPSTREAM_TITLES = (
    "Tech Lead",
    "Tech Leads",
    "Engineering Manager",
    "Engineering Managers",
    "Product Manager",
    "Product Managers",
    "Engineer",
    "Engineers",
)
# Text that may keep upstream words: the source article's title (a citation) and code samples.
EXEMPT = "a.source-credit, pre, code, script, style"


CURRENT_REPLACEMENT = "plays/time-management/weekly-planning.md"  # stamped as `make replace` does after a review
STALE_REPLACEMENT = "plays/time-management/focus-time.md"  # its `replaces:` names an older upstream page


def fork_project(target: Path) -> Path:
    project = copy_project(target)
    shutil.copytree(FIXTURES / "fork", project, dirs_exist_ok=True)
    mark_reviewed(project / "docs", CURRENT_REPLACEMENT)
    return project


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    def build(folder: Path) -> Site:
        project = fork_project(folder / "project")
        return build_site(project, project / "site", env=TODAY)

    return shared_build(tmp_path_factory, "fork", build)


def refused(project: Path, tmp_path: Path) -> str:
    """Build a fork that must be refused; return the log."""
    result = run_build(project, tmp_path / "site", env=TODAY)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    return log


def visible_text(soup) -> str:  # noqa: ANN001
    text = text_without(soup, EXEMPT)
    # A removed role keeps its upstream name where upstream prose mentions it (README: overlay).
    return re.sub(r"Staff Engineers?", "", text)


def test_no_upstream_title_is_left_on_any_page(fork_site: Site) -> None:
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in UPSTREAM_TITLES) + r")\b")
    leftovers = []
    for url, soup in fork_site.pages():
        leftovers += [f"{url}: {m}" for m in pattern.findall(visible_text(soup))]
        leftovers += [f"{url}: <title>" for t in soup.find_all("title") if pattern.search(t.get_text())]
    assert not leftovers, "\n".join(leftovers[:20])


def test_site_name_logo_favicon_and_footer(fork_site: Site) -> None:
    soup = fork_site.soup("")
    assert soup.title.get_text() == "Acme Engineering Handbook"
    assert soup.select_one(".md-header__button.md-logo img")["src"] == "assets/company/logo.svg"
    assert soup.select_one("link[rel=icon]")["href"] == "assets/company/favicon.svg"
    footer = soup.select_one(".md-copyright")
    assert "Acme internal handbook & playbook." in footer.get_text()
    assert footer.select_one('a[href="mailto:eng-handbook@acme.example"]')
    assert soup.select_one('link[rel=canonical]')["href"] == "https://handbook.acme.example/eng/"


def test_colours_reach_both_palettes(fork_site: Site) -> None:
    soup = fork_site.soup("")
    assert soup.select_one('link[href="assets/company.css"]')
    css = fork_site.path("assets/company.css").read_text()
    assert "--md-primary-fg-color: #0b5394" in css and "--md-accent-fg-color: #ef6c00" in css
    assert soup.body["data-md-color-primary"] == "custom"


def test_repository_link_without_api_calls_and_edit_links(fork_site: Site) -> None:
    soup = fork_site.soup("plays/force-multiplier/code-reviews/")
    source = soup.select_one("a.md-source")
    assert source["href"] == "https://git.acme.example/eng/handbook" and not source.get("data-md-component")
    edit = soup.select_one("a.md-content__button[href*='/-/edit/main/docs/plays/force-multiplier/code-reviews.md']")
    assert edit is not None


def test_company_pages_have_their_own_nav_section(fork_site: Site) -> None:
    nav = fork_site.soup("").select_one("nav.md-nav--primary")
    assert "At Acme" in nav.get_text(" ")
    hrefs = [a["href"] for a in nav.select("a.md-nav__link[href]")]
    assert "company/" in hrefs and "company/on-call-policy/" in hrefs


def test_a_renamed_area_renames_its_nav_section_and_page(fork_site: Site) -> None:
    page = fork_site.soup("plays/partnering/")
    assert page.select_one("article h1").get_text(strip=True).removesuffix("¶") == "Partner with product and platform"
    labels = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert "Partner with product and platform" in labels and "Partner with other engineering leads" not in labels


def test_a_replaced_page_keeps_its_url_and_nav_place_with_the_forks_text(fork_site: Site) -> None:
    page = fork_site.soup("plays/time-management/weekly-planning/")
    assert page.select_one("article h1").get_text(strip=True).removesuffix("¶") == "Weekly planning at Acme"
    assert "#eng-digest" in page.select_one("article").get_text() and page.select_one("[data-checklist='weekly-planning']")
    edit = page.select_one("a.md-content__button[href*='/-/edit/']")
    assert edit["href"].endswith("/docs/company/replace/plays/time-management/weekly-planning.md"), edit["href"]
    nav = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert nav.index("Weekly planning at Acme") == nav.index("Say no, or hand it off") + 1  # upstream's place
    assert not fork_site.path("company/replace/plays/time-management/weekly-planning/").exists()
    index = json.loads(fork_site.path("search/search_index.json").read_text())
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("company/replace/")]
    # upstream's title is gone; the activity of the same name is still named by the "your part" lines
    assert "Run a weekly planning routine" not in text_without(page, ".your-part-lines")


def test_the_build_names_replaced_pages_and_lists_a_stale_one_for_review(fork_site: Site) -> None:
    assert f"docs/{CURRENT_REPLACEMENT} is replaced by docs/company/replace/{CURRENT_REPLACEMENT}" in fork_site.log
    stale = f"docs/company/replace/{STALE_REPLACEMENT}:2: replaces: was written against another version of docs/{STALE_REPLACEMENT}"
    assert stale in fork_site.log and f"make replace PAGE={STALE_REPLACEMENT}" in fork_site.log
    assert f"docs/company/replace/{CURRENT_REPLACEMENT}:2" not in fork_site.log
    rows = {tr["data-page"]: tr.get_text(" ", strip=True) for tr in fork_site.article("freshness/").select("table.freshness--replaced tbody tr")}
    assert rows[STALE_REPLACEMENT].endswith("needs review: upstream changed its page") and rows[CURRENT_REPLACEMENT].endswith("current")
    assert list(rows) == [STALE_REPLACEMENT, CURRENT_REPLACEMENT]  # to review first


def test_fail_on_stale_replacements_stops_the_build_at_the_replacement(tmp_path: Path) -> None:
    project = fork_project(tmp_path / "project")
    company = project / "data/company.yml"
    company.write_text(company.read_text().replace("settings:\n", "settings:\n  fail_on_stale_replacements: true\n", 1))
    log = refused(project, tmp_path)
    assert f"docs/company/replace/{STALE_REPLACEMENT}:2: replaces: was written against another version" in log
    assert "1 page replacement(s) to review (settings.fail_on_stale_replacements); nothing was built" in log


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("plays/time-management/no-such-play.md", "docs/company/replace/plays/time-management/no-such-play.md:1: replaces no upstream page"),
        ("roles/tl.md", "docs/company/replace/roles/tl.md:1: docs/roles/tl.md is generated from the data; change it in data/company.yml instead"),
    ],
    ids=["no-upstream-page", "generated-page"],
)
def test_a_replacement_of_nothing_is_refused_with_one_line(tmp_path: Path, path: str, line: str) -> None:
    project = fork_project(tmp_path / "project")
    (project / "docs/company/replace" / path).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs/company/replace" / path).write_text("# Mine\n")
    assert line in refused(project, tmp_path)


def test_hidden_page_is_built_but_out_of_nav_search_and_sitemap(fork_site: Site) -> None:
    assert fork_site.path("company/draft-policy/").exists()
    for url, soup in fork_site.pages():
        assert not soup.select('nav a[href$="draft-policy/"]'), url
    index = json.loads(fork_site.path("search/search_index.json").read_text())
    assert not [d for d in index["docs"] if "draft-policy" in d["location"]]
    assert "draft-policy" not in fork_site.path("sitemap.xml").read_text()
    assert "company/on-call-policy/" in fork_site.path("sitemap.xml").read_text()


def test_owner_and_overdue_review_notice(fork_site: Site) -> None:
    overdue = fork_site.article("company/on-call-policy/").select_one(".review-overdue")
    assert overdue is not None and "SRE team" in overdue.get_text() and "2020-01-01" in overdue.get_text()
    current = fork_site.article("company/")
    assert current.select_one(".review-overdue") is None
    assert current.select_one("h1").get_text(strip=True).startswith("Engineering at Acme"), "the page body is HTML, not text"
    assert "&lt;" not in fork_site.html("company/") and "<p>" in str(current)
    assert "Platform guild" in current.select_one(".page-owner").get_text()
    rows = fork_site.article("freshness/").select("table.freshness:not(.freshness--replaced) tbody tr")
    assert [r["data-page"] for r in rows] == ["company/on-call-policy.md", "company/index.md"]
    assert rows[0].select("td")[-1].get_text() == "overdue"


def test_matrix_and_exports_follow_the_overlay(fork_site: Site) -> None:
    table = fork_site.article("responsibilities/").select_one("table.responsibility-matrix")
    assert [th["data-role"] for th in table.select("thead th[data-role]")] == ["tl", "em", "pm", "eng", "design"]
    rows = [tr["data-activity"] for tr in table.select("tr[data-activity]")]
    assert "roadmap-planning" not in rows
    assert rows.index("design-review") == rows.index("delegation") + 1  # appended to its area
    review = {td["data-role"]: td.get_text() for td in table.select("tr[data-activity=code-review] td")}
    assert review == {"tl": "A", "em": "", "pm": "", "eng": "R", "design": "I"}
    assert not fork_site.path("roles/staff/").exists() and fork_site.path("roles/design/").exists()
    csv_rows = list(csv.reader(io.StringIO(fork_site.path("exports/responsibility-matrix.csv").read_text())))
    assert csv_rows[0][3:] == ["Team Lead", "People Lead", "Product Owner", "Developer", "Product Designer"]
    data = json.loads(fork_site.path("exports/responsibility-matrix.json").read_text())
    assert "staff" not in {r["id"] for r in data["roles"]}
    assert data["activities"][0]["url"].startswith("https://handbook.acme.example/eng/")


def test_the_self_assessment_follows_the_overlay(fork_site: Site) -> None:
    article = fork_site.article("growth/self-assessment/")
    rows = [tr["data-behavior"] for tr in article.select("tr[data-behavior]")]
    assert "estimation" not in rows and rows[-5] == "incident-drills"  # appended to its area, before time management's four
    growing = article.select_one('tr[data-behavior="code-reviews"] td[data-level="growing"]').get_text(" ", strip=True)
    assert growing.endswith("Most weeks no request waits longer than one working day for your first review.")
    drills = article.select_one('tr[data-behavior="incident-drills"] th a')
    assert drills["href"] == "../../company/on-call-policy/"
    assert "Product Owners and support ask you first" in article.select_one('tr[data-behavior="go-to-person"]').get_text()


def test_plays_drop_removed_rows_but_keep_the_rest(fork_site: Site) -> None:
    rows = [tr["data-activity"] for tr in fork_site.article("plays/partnering/estimation/").select("tr[data-activity]")]
    assert rows == ["estimation"]


def test_checklists_follow_the_overlay_and_offer_the_tracker(fork_site: Site) -> None:
    article = fork_site.article("checklists/code-reviews/")
    items = [li["data-item"] for li in article.select("[data-item]")]
    assert items[-1] == "run-the-review-bot" and "monthly-review-retro" not in items
    jira = "https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10400&issuetype=10002"
    assert article.select_one("[data-checklist]")["data-tracker"] == jira + "&summary={title}&description={body}"
    markdown = fork_site.path("checklists/code-reviews.md").read_text()
    assert "Run the review bot" in markdown and markdown.count("- [ ] ") == len(items)
    assert "From the Acme Engineering Handbook: <https://handbook.acme.example/eng/checklists/code-reviews/>" in markdown
    index = json.loads(fork_site.path("checklists/index.json").read_text())
    assert index["checklists"][0]["url"].startswith("https://handbook.acme.example/eng/checklists/")
    printed = fork_site.soup("checklists/code-reviews/").select_one(".checklist__print-url")
    assert printed is not None and printed.get_text(strip=True) == "https://handbook.acme.example/eng/checklists/code-reviews/"


def test_a_removed_activity_leaves_no_empty_checklist_heading(fork_site: Site) -> None:
    """The fork removes fixed-date-scope: its row and its checklist go, and with them the play's
    "Checklist" heading and its table-of-contents entry; the rest of the play stays."""
    page = fork_site.soup("plays/partnering/fixed-dates/")
    article = page.select_one("article")
    assert article.select("[data-checklist]") == [] and article.select("tr[data-activity=fixed-date-scope]") == []
    assert article.select_one("#checklist") is None and page.select('.md-nav--secondary a[href="#checklist"]') == []
    assert article.select_one("#pitfalls") is not None and page.select('.md-nav--secondary a[href="#pitfalls"]')
    assert not fork_site.path("checklists/fixed-dates/").exists()


def test_links_to_a_hidden_play_show_as_plain_text_and_check_lists_them(fork_site: Site, tmp_path: Path) -> None:
    hidden = [span.get_text() for span in fork_site.article("plays/partnering/").select("span.link-hidden")]
    assert hidden == ["When the date is fixed and the estimate says no"]
    for url, soup in fork_site.pages():
        assert not soup.select('article a[href$="fixed-dates/"]'), url
    assert "playbook: docs/plays/partnering/index.md links to hidden page plays/partnering/fixed-dates/; shown as plain text" in fork_site.log
    project = fork_project(tmp_path / "project")
    check = subprocess.run([sys.executable, "-m", "macros", "check", str(project)], capture_output=True, text=True, check=False)
    notices = [line for line in check.stderr.splitlines() if "links to hidden page docs/plays/partnering/fixed-dates.md" in line]
    linking = {line.removeprefix("notice: ").split(":")[0] for line in notices}
    assert check.returncode == 0 and len(notices) >= 5 and "docs/plays/partnering/index.md" in linking, check.stderr


@pytest.mark.parametrize(
    ("colour", "message"),
    [
        ('primary: "#ffcc00"', "settings.colors.primary: '#ffcc00' has contrast 1.51:1 with #ffffff"),
        ('accent: "#0b5394"', "settings.colors.accent: '#0b5394' has contrast 2.07:1 with #1e2029"),
    ],
)
def test_colour_without_contrast_is_refused_with_its_ratio(tmp_path: Path, colour: str, message: str) -> None:
    project = fork_project(tmp_path / "project")
    company = project / "data/company.yml"
    text = re.sub(r"colors: \{.*\}", "colors: {" + colour + "}", company.read_text())
    company.write_text(text)
    log = refused(project, tmp_path)
    line = next(line for line in log.splitlines() if "settings.colors" in line)
    assert line.startswith("ERROR") and "data/company.yml:" in line and message in line


def test_example_overlay_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "data/company.example.yml", project / "data/company.yml")
    site = build_site(project, tmp_path / "site")
    text = site.article("responsibilities/").get_text(" ")
    assert "People Lead" in text and "Engineering Manager" not in text
    assert site.path("roles/design/").exists() and not site.path("roles/staff/").exists()


def test_language_sets_the_interface_and_every_pages_lang(tmp_path: Path) -> None:
    """settings.language: Material's own translations (the search box) and <html lang> everywhere;
    the pages' words are the fork's to translate, with replacements."""
    project = copy_project(tmp_path / "project")
    (project / "data/company.yml").write_text("settings:\n  language: fr\n", encoding="utf-8")
    site = build_site(project, project / "site", env=TODAY)
    for url in ("", "plays/force-multiplier/code-reviews/", "roles/tl/", "checklists/code-reviews/", "norms/"):
        soup = site.soup(url)
        assert soup.html["lang"] == "fr", url
    assert site.soup("").select_one("input.md-search__input")["placeholder"] == "Rechercher"


def test_the_nav_takes_the_forks_order_titles_and_places(fork_site: Site) -> None:
    nav = fork_site.soup("plays/systems-quality/alerts-and-monitoring/").select_one("nav.md-nav--primary")
    top = [a.get_text(" ", strip=True) for a in nav.select(":scope > ul > li > a, :scope > ul > li > label, :scope > ul > li > div > a")]
    assert top[:3] == ["Acme Engineering Handbook", "Growing at Acme", "What a Team Lead is"], top
    links = [a["href"] for a in nav.select("a.md-nav__link[href]") if not a["href"].startswith("#")]  # pages, not this one's sections
    at = links.index("../../../company/on-call-policy/")
    assert links[at - 1] in ("./", "") and "long-term-infrastructure" in links[at + 1], links  # after alerts, in its section


def test_the_forks_words_replace_upstreams_everywhere_they_show(fork_site: Site) -> None:
    """`words:` in the overlay: a widget label, the script's messages, a generated page's intro, a
    table header, a page title with its nav entry and the 404 page, all without an upstream edit."""
    play = fork_site.article("plays/force-multiplier/code-reviews/")
    assert play.select_one("[data-action=copy]").get_text(strip=True) == "Copy for Confluence"
    script_words = json.loads(fork_site.soup("plays/force-multiplier/code-reviews/").select_one("#tlp-words")["data-words"])
    assert script_words["checklist-progress"] == "{done}/{total} ticked" and script_words["undo"] == "Undo"
    intro = fork_site.article("checklists/").select_one("p").get_text(" ", strip=True)
    assert intro.startswith("Every checklist Acme uses,") and "checklists in all" in intro
    assert [th.get_text(strip=True) for th in fork_site.article("norms/").select("table[data-norms] thead th")][1] == "Acme agrees"
    roles = fork_site.soup("roles/")
    assert text_without(roles.select_one("article h1"), ".headerlink").strip() == "Who does what"
    assert roles.title.get_text().startswith("Who does what - ")
    assert "Who does what" in [a.get_text(" ", strip=True) for a in roles.select(".md-nav__link")]
    assert text_without(fork_site.article("roles/tl/").select_one("h2"), ".headerlink").strip() == "What this role owns at Acme"
    assert "no such page in the Acme handbook" in fork_site.path("404.html").read_text(encoding="utf-8")


def test_view_as_offers_the_forks_roles_and_their_parts(fork_site: Site) -> None:
    """A role the fork adds is in the picker and has its part on the plays its rows point to; a
    removed role is in neither."""
    options = [o["value"] for o in fork_site.soup("").select("#tlp-view-as option")]
    assert "design" in options and "staff" not in options
    spec = fork_site.article("plays/force-multiplier/spec-reviews/")
    line = spec.select_one('.your-part[data-role="design"]').get_text(" ", strip=True)
    assert line.startswith("Your part as Product Designer:") and "“Review designs before engineering starts”" in line
    assert not spec.select('.your-part[data-role="staff"]')
