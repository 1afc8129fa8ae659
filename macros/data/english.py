"""Upstream's English for every word the playbook's code shows (macros/data/wordbook.py says how
words work): one id each, in the order the pages show them. Edit a word here upstream; a fork
gives its own text under `words:` in data/company.yml instead, never here."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from macros.data.shapes import NORM_UNITS

DEFAULTS: Mapping[str, str] = MappingProxyType(
    {
        # the checklist widget (render/templates/checklist.html and assets/checklists.js)
        "checklist-items-one": "{count} item",
        "checklist-items-many": "{count} items",
        "checklist-progress": "{done} of {total} done",
        "checklist-item-link": "Link to this item",
        "checklist-copy": "Copy as Markdown",
        "checklist-download": "Download .md",
        "checklist-issue": "Open as issue",
        "checklist-reset": "Reset ticks",
        "checklist-alone": "Open this checklist alone (to print or link)",
        "checklist-markdown": "Markdown file (unticked)",
        "checklist-changed": "(updated since you ticked it)",
        "checklist-not-saving": "Your browser is not saving ticks (storage is full or disabled).",
        "checklist-copied": "Copied as Markdown.",
        "checklist-copy-here": "Checklist as Markdown: copy it from here",
        "checklist-copy-blocked": "Copying is blocked here: the Markdown is selected below, press Ctrl+C or Cmd+C.",
        "checklist-issue-paste": "Paste the checklist from your clipboard.",
        "checklist-cleared": "All ticks cleared.",
        "checklist-restored": "Ticks restored.",
        "undo": "Undo",
        # below a standalone checklist, and the checklist index with its progress panel
        "checklist-part-of": "Part of {play} ({area}: {activity}).",
        "checklist-part-of-link": "the play that explains it",
        "checklist-all": "All checklists",
        "index-roles": "Roles: {roles}.",
        "index-play": "Explained in {play}.",
        "index-play-link": "its play",
        "index-other": "Other checklists",
        "progress-title": "Your progress",
        "progress-intro": "Your ticks live in this browser only. Move them to another browser or keep a backup:",
        "progress-export": "Export all progress (.json)",
        "progress-import": "Import progress",
        "progress-not-export": "That file is not a progress export.",
        "progress-full-import": "Your browser's storage is full or turned off: nothing was imported.",
        "progress-full-undo": "Your browser's storage is full or turned off: nothing was undone.",
        "progress-imported": "Imported progress for {checklists}.",
        "progress-ignored": "Ignored {checklists} and {items} this site does not have.",
        "progress-undone": "Import undone.",
        "checklists-one": "{count} checklist",
        "checklists-many": "{count} checklists",
        # the matrix, its legend, a role's summary and chart
        "matrix-activity": "Activity",
        "matrix-caption": "Who does what: every activity, by area",
        "matrix-caption-of": "Who does what: {subject}",
        "matrix-caption-role": "{caption}, with the {role} column highlighted",
        "legend": "Legend",
        "legend-r": "Responsible: does the work",
        "legend-a": "Accountable: owns the outcome and signs it off; exactly one per activity",
        "legend-c": "Consulted: asked for input before the decision",
        "legend-i": "Informed: told about the outcome after the decision",
        "legend-ar": "Accountable and Responsible: owns the outcome and does the work",
        "legend-empty": "(empty)",
        "legend-empty-means": "not involved",
        "summary-a": "Accountable for",
        "summary-r": "Responsible for",
        "summary-c": "Consulted on",
        "summary-i": "Informed about",
        "summary-none-a": "No activity: the matrix makes another role accountable for each one.",
        "summary-none-r": "No activity: this role does not carry out any of them itself.",
        "summary-none-c": "No activity asks for this role's view before it is decided.",
        "summary-none-i": "Nothing only to be told about: where this role needs to know, the matrix has it doing, deciding or consulted.",
        "summary-unplaced": "The matrix gives this role no letter yet, so no activity names it.",
        "chart-title": "{role}: activities by area and letter",
        "chart-area": "{area}: accountable for {a}, responsible for {r}, consulted on {c}, informed about {i}.",
        "chart-key": "A = accountable, R = responsible (an A/R cell counts for both), C = consulted, I = informed.",
        # norms in words, and the working agreement (norms/, exports/norms.md)
        "numbers": "zero, one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve",
        "norm-range": "{low} to {high}",
        "norm-adjective": "{value}-{unit}",
        "norm-adjective-range": "{low}- to {high}-{unit}",
        # unit words start as written in shapes.NORM_UNITS: unit-working-days-one, unit-working-days-many, ...
        **{
            f"unit-{unit}-{form}": text
            for unit, (_, one, many, _) in NORM_UNITS.items()
            if one
            for form, text in (("one", one), ("many", many))
        },
        "norms-caption": "{group}: what the team agrees, why, and who is accountable",
        "norms-norm": "Norm",
        "norms-value": "We agree",
        "norms-why": "Why",
        "norms-accountable": "Accountable",
        "norms-source": "source",
        "norms-general": "Across the team",
        "norms-whole-team": "The whole team",
        "norms-export-title": "Team working agreement",
        "export-from": "From the {site}:",
        # the machine-readable handbook (site/llms.py): llms.txt's section of the nav's top-level pages
        "llms-pages": "Pages",
        # page owners, reviews and replacements (freshness/)
        "review-overdue-title": "Review overdue",
        "review-overdue": "This page was due for review on {date}. Its owner, {owner}, should check it is still true; "
        "until then, read it with care.",
        "review-owner": "Owner: {owner}.",
        "review-next": "Next review by {date}.",
        "review-nobody": "nobody yet",
        "freshness-caption": "Pages by review date, soonest first",
        "freshness-page": "Page",
        "freshness-owner": "Owner",
        "freshness-review-by": "Review by",
        "freshness-status": "Status",
        "freshness-nobody": "nobody",
        "freshness-overdue": "overdue",
        "freshness-current": "current",
        "freshness-no-date": "no date",
        "freshness-none": "No page names an owner or a review date yet.",
        "replaced-caption": "Pages replaced by this fork, those to review first",
        "replaced-by": "Replaced by",
        "replaced-stale": "needs review: upstream changed its page",
        # the generated pages: titles, descriptions and intros
        "roles-title": "Roles",
        "roles-description": "The roles in this playbook, what each is for and what each owns.",
        "roles-intro-one": "{roles} shares the work this playbook describes. "
        "Each page below lists what the role is accountable, responsible, consulted and informed for, grouped by area, "
        "with its column of the [responsibility matrix](responsibilities.md) highlighted.",
        "roles-intro-many": "{roles} share the work this playbook describes. "
        "Each page below lists what the role is accountable, responsible, consulted and informed for, grouped by area, "
        "with its column of the [responsibility matrix](responsibilities.md) highlighted.",
        "roles-one": "{count} role",
        "roles-many": "{count} roles",
        "role-description": "What the {role} owns in this playbook: {summary}",
        "role-owns": "What this role owns",
        "role-glance": "At a glance",
        "role-matrix": "In the whole matrix",
        "role-more": "Read [how to use and adapt the matrix](responsibilities.md#adapt-it-to-your-team), "
        "or go back to [all roles](roles/index.md).",
        "checklists-title": "Checklists",
        "checklists-description": "Every checklist in the playbook, by area, to tick, link, print and export.",
        "checklists-intro": "The playbook's {checklists}, in one place, grouped by area, each with the roles it involves and the play that "
        "explains it. Ticks are saved in your browser, per checklist and item, so you can work through a checklist over weeks. "
        "Link a checklist, or a single item, from an onboarding document: those links are permanent.",
        "checklist-description": "Checklist: {title}. Tick it, print it or link it from an onboarding document.",
        "norms-title": "Working agreement",
        "norms-description": "The team's working agreement: every number and rule this playbook teaches, with why.",
        "norms-intro": "Every number and rule this playbook teaches, in one place: review turnaround, spec-review windows, "
        "onboarding milestones, focus time, planning capacity and the rest. The pages quote these values; each value in a page "
        "links here. Treat the list as a starting draft: agree your own values with your team and your manager in your "
        "[first 90 days](growth/first-90-days.md), then change them in `data/company.yml` (see [Customize](customise/index.md#norms)) "
        "and every page follows. Who is accountable for each comes from the [responsibility matrix](responsibilities.md).",
        "norms-download": "Download it as {markdown} or as {json}.",
        "norms-download-markdown": "Markdown for your wiki",
        "norms-download-json": "JSON",
        "freshness-title": "Page freshness",
        "freshness-description": "Every page with an owner or a review date, soonest review first.",
        "freshness-intro": "A page can name its `owner` and a `review_by` date in its front matter. Past that date it shows a notice "
        "until its owner reviews it and moves the date. This list puts the most urgent reviews first.",
        "replaced-title": "Replaced pages",
        "replaced-intro": "These pages show this company's own text in place of upstream's. When an upstream update changes the "
        "original, its replacement needs a review: compare the two, then run `make replace PAGE=...` to record that it is current.",
        "company-section": "Company",
        # view as role (overrides/partials/view-as.js and its picker; render/viewas.py)
        "view-as": "View as",
        "view-as-everyone": "Everyone",
        "view-as-yours": "Yours",
        "your-part": "Your part as {role}: {duties}.",
        "your-part-both": "accountable for and doing {activities}",
        "your-part-accountable": "accountable for {activities}",
        "your-part-responsible": "responsible for {activities}",
        "your-part-consulted": "consulted on {activities}",
        "your-part-informed": "informed about {activities}",
        "your-part-none": "Your part as {role}: nothing on this page names this role.",
        "your-part-activity": "“{activity}”",
        "and": "and",
        # the self-assessment (render/templates/assessment*.html and assets/assessment.js); the three
        # level names are the fixed level ids' (contract.LEVELS) words
        "assessment-not-yet": "Not yet",
        "assessment-growing": "Growing",
        "assessment-doing-it": "Doing it",
        "assessment-caption": "{area}: behaviors at three levels",
        "assessment-behavior": "Behavior",
        "assessment-evidence": "Evidence",
        "assessment-evidence-for": "Evidence for {behavior}",
        "assessment-changed": "(changed since you rated it)",
        "assessment-theirs-mark": "Their rating",
        "assessment-their-evidence": "Their evidence:",
        "assessment-builds": "Builds it: {play}",
        "assessment-play": "the {behavior} play",
        "assessment-chart-title": "{area}: your levels and theirs",
        "assessment-chart-desc": "One pair of bars per behavior; the longer the bar, the higher the level ({levels}). "
        "A solid bar is your rating, an outlined bar theirs. The table below holds the same values.",
        "assessment-chart-table": "The chart as a table",
        "assessment-yours": "Yours",
        "assessment-theirs": "Theirs",
        "assessment-unrated": "not rated",
        "assessment-tools-intro": "Your ratings are saved in this browser only: nothing leaves it unless you export it.",
        "assessment-copy": "Copy for a 1:1 (Markdown)",
        "assessment-download-md": "Download .md",
        "assessment-download-json": "Download .json",
        "assessment-share": "Copy a link with your ratings",
        "assessment-import": "Compare with their file (.json)",
        "assessment-clear": "Clear their ratings",
        "assessment-copy-here": "Copy it from here",
        "assessment-export-title": "Self-assessment, {date}",
        "assessment-shown": "Their ratings are shown beside yours ({count} rated); yours are unchanged.",
        "assessment-refused": "That file or link holds no ratings this page can read.",
        "assessment-cleared": "Their ratings are cleared; yours are unchanged.",
        "assessment-link-copied": "Link copied. It holds your levels and evidence, nothing else.",
        "assessment-link-long": "Too much evidence for a link: download the .json file and send that instead.",
        "assessment-copy-blocked": "Copying is blocked here: the text is selected below, press Ctrl+C or Cmd+C.",
        "assessment-not-saving": "Your browser is not saving ratings (storage is full or disabled).",
        # the 404 page (overrides/404.html)
        "404-title": "404: this page is not here",
        "404-intro": "The page may have moved. Links to checklists and their items never break, so if you followed one from an "
        "onboarding document, tell whoever maintains this handbook.",
        "404-try": "Try the search at the top of the page, or start from one of these:",
        "404-home": "Home",
        "404-home-about": "what the playbook is and how to use it",
        "404-checklists": "All checklists",
        "404-checklists-about": "grouped by area",
        "404-matrix": "The responsibility matrix",
        "404-matrix-about": "who does what",
        "404-roles": "Roles",
        "404-roles-about": "what each one owns",
        "404-growth": "The growth path",
    }
)
