"""The shape of each data entry and of each company setting, declared once: the validator, the
overlay, the settings reader and schema/*.json all read these tables."""

from __future__ import annotations

from dataclasses import dataclass

from macros.contract import LEVELS

# The shape of each entry: key -> required? Every value is text, except those in NESTED.
FIELDS: dict[str, dict[str, bool]] = {
    "roles": {"id": True, "name": True, "plural": False, "short": True, "summary": True},
    "areas": {"id": True, "name": True, "summary": True, "page": False},
    "activities": {"id": True, "area": True, "name": True, "page": True, "raci": True},
    "checklists": {"id": True, "title": True, "activity": False, "items": True},
    "items": {"id": True, "text": True},
    "norms": {
        "id": True,
        "name": True,
        "value": False,
        "range": False,
        "unit": True,
        "rationale": True,
        "activity": False,
        "source": False,
    },
    "behaviors": {"id": True, "area": True, "name": True, "play": True, "levels": True},  # data/assessment.yml
    "levels": dict.fromkeys(LEVELS, True),
}
NESTED = {"raci": "a mapping", "items": "a list", "value": "a number", "range": "a list", "levels": "a mapping"}
TOP_LEVEL = {"roles": True, "areas": True, "activities": True, "checklists": False, "norms": False, "behaviors": False, "aliases": False}

# --- norms (data/norms.yml, design contract 6) ---------------------------------------------------
# Each unit: its kind (an overlay may change a norm's unit only within its kind), its words in
# prose (singular, plural; none for a bare count), and the largest value that still makes sense.
_UNIT_TABLE = """
minutes        | time   | minute        | minutes        | 600
hours          | time   | hour          | hours          | 200
working-hours  | time   | working hour  | working hours  | 200
days           | time   | day           | days           | 400
working-days   | time   | working day   | working days   | 260
weeks          | time   | week          | weeks          | 104
months         | time   | month         | months         | 36
engineer-days  | effort | engineer-day  | engineer-days  | 1000
engineer-weeks | effort | engineer-week | engineer-weeks | 200
percent        | share  | percent       | percent        | 100
count          | count  |               |                | 1000
people         | count  | person        | people         | 1000
lines          | size   | line          | lines          | 100000
"""
NORM_UNITS: dict[str, tuple[str, str, str, float]] = {
    unit: (kind, one, many, float(most))
    for unit, kind, one, many, most in (tuple(cell.strip() for cell in row.split("|")) for row in _UNIT_TABLE.strip().splitlines())
}
WHOLE_UNITS = ("count", "people", "lines")  # these take whole numbers only

# --- company settings (`settings:` in data/company.yml) ------------------------------------------
MAX_TEXT, MAX_URL = 200, 2000  # characters: a one-line name or footer; a URL or path
IMAGE_EXTENSIONS = ("svg", "png", "jpg", "jpeg", "gif", "webp", "ico")


@dataclass(frozen=True)
class Setting:
    """One key of `settings:`: the kind of value it takes (which check the settings reader runs
    and which JSON Schema editors get) and what it does, for the schema's description."""

    kind: str  # text, web, tracker, language, nav, image, edit_uri, contact, folder, colours, pages, redirects or flag
    description: str


SETTINGS: dict[str, Setting] = {
    "language": Setting("language", "The language of Material's interface and every page's lang (de, fr, pt-BR, ...); default en."),
    "name": Setting("text", "Your company's name; the site title becomes '<name> Tech Lead Playbook' unless site_name is set."),
    "site_name": Setting("text", "The site title, in the header, the browser tab and the exports."),
    "site_url": Setting("web", "The published address (https://...), for canonical links, exports and printed checklists."),
    "logo": Setting("image", "Path under docs/ of the header logo (.svg, .png, .jpg, .jpeg, .gif, .webp or .ico)."),
    "favicon": Setting("image", "Path under docs/ of the browser-tab icon (.svg, .png, .jpg, .jpeg, .gif, .webp or .ico)."),
    "colors": Setting("colours", "primary and accent as #rrggbb; a colour below WCAG AA contrast where Material uses it is refused."),
    "issue_tracker": Setting(
        "tracker", "Your tracker's new-issue URL (GitHub, GitLab, Jira, Linear, Azure DevOps): 'Open as issue' on checklists."
    ),
    "repo_url": Setting("web", "Your repository (https://...): a header link and an edit link on each page."),
    "edit_uri": Setting("edit_uri", "From repo_url to docs/ in its editor: edit/main/docs/ (GitHub, default), -/edit/main/docs/ (GitLab)."),
    "footer": Setting("text", "The footer text, instead of upstream's."),
    "contact": Setting("contact", "An email address, or a mailto:, tel: or https: URL, linked from the footer."),
    "pages_dir": Setting("folder", "The folder under docs/ that holds your own pages (default: company)."),
    "pages_section": Setting("text", "The nav title of your pages' section (default: name, else 'Company')."),
    "nav": Setting("nav", "order (top-level entries first), titles (a section, by its first page) and place (a page after another)."),
    "hide": Setting("pages", "Pages under docs/ (plays/x/y.md) kept out of the nav, search and sitemap; still built, links work."),
    "redirects": Setting("redirects", "Old page path -> new page path, both under docs/, for deleted pages: old links land on the new."),
    "fail_on_overdue_reviews": Setting("flag", "true: a page past its review_by date stops the build (default: a warning in the log)."),
    "fail_on_stale_replacements": Setting(
        "flag", "true: a page replacement written against an older upstream page stops the build (default: a line in the log)."
    ),
    "strict_overlay_ids": Setting("flag", "true: an overlay id close to an upstream one (did you mean ...?) is an error, not a notice."),
    "check_permalinks": Setting("flag", "false: opt out of the check that every published link in data/permalinks.json still resolves."),
}
