"""Page owners and review dates: who keeps a page true, and whether it is overdue.

A page's front matter may say `owner: Platform team` and `review_by: 2027-03-01`. Pages show
their owner; past the date they show a notice (class `review-overdue`); freshness/ lists them
all, soonest first. Pure functions: the MkDocs side feeds them front matter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.utils.meta import get_data

from .errors import Location, Problem


@dataclass(frozen=True)
class Review:
    page: str  # docs-relative source path
    title: str
    owner: str
    review_by: dt.date | None
    line: int  # line of `review_by` (or `owner`) in the file, for messages

    def overdue(self, today: dt.date) -> bool:
        return self.review_by is not None and self.review_by < today


def read_review(docs_dir: Path, page: str) -> tuple[Review | None, list[Problem]]:
    """Front matter of one page -> its Review, if it names an owner or a review date."""
    text = (docs_dir / page).read_text(encoding="utf-8")
    _, meta = get_data(text)
    owner, review_by = meta.get("owner"), meta.get("review_by")
    if owner is None and review_by is None:
        return None, []
    problems = []
    rows = text.splitlines()
    line = next((n for n, row in enumerate(rows, 1) if row.startswith("review_by:")), 0)
    line = line or next((n for n, row in enumerate(rows, 1) if row.startswith("owner:")), 1)
    where = Location(f"docs/{page}", line)
    if isinstance(review_by, str):
        try:
            review_by = dt.date.fromisoformat(review_by)
        except ValueError:
            problems.append(Problem(where, "review_by", f"'{review_by}' is not a date like 2027-03-01"))
            review_by = None
    elif review_by is not None and not isinstance(review_by, dt.date):
        problems.append(Problem(where, "review_by", f"'{review_by}' is not a date like 2027-03-01"))
        review_by = None
    title = str(meta.get("title") or _first_heading(text) or page)
    return Review(page, title, str(owner or ""), review_by, line), problems


def _first_heading(text: str) -> str:
    return next((row[2:].strip() for row in text.splitlines() if row.startswith("# ")), "")


def overdue_problems(reviews: list[Review], today: dt.date) -> list[Problem]:
    return [
        Problem(Location(f"docs/{r.page}", r.line), "review_by", f"review was due {r.review_by} (owner: {r.owner or 'nobody'})")
        for r in reviews
        if r.overdue(today)
    ]


def render_page_review(review: Review, today: dt.date) -> Markup:
    """The notice at the top of a page with an owner or review date."""
    owner = escape(review.owner) if review.owner else "nobody yet"
    if review.overdue(today):
        return Markup(
            f'<div class="admonition warning review-overdue" role="note"><p class="admonition-title">Review overdue</p>'
            f"<p>This page was due for review on {review.review_by}. Its owner, {owner}, should check it is still "
            f"true; until then, read it with care.</p></div>"
        )
    due = f" Next review by {review.review_by}." if review.review_by else ""
    return Markup(f'<p class="page-owner">Owner: {owner}.{due}</p>')


def render_freshness_table(reviews: list[Review], today: dt.date, link) -> Markup:
    if not reviews:
        return Markup("<p>No page names an owner or a review date yet.</p>")
    rows = []
    ordered = sorted(reviews, key=lambda r: (r.review_by is None, r.review_by or dt.date.max, r.page))
    for r in ordered:
        status = "overdue" if r.overdue(today) else ("no date" if r.review_by is None else "current")
        rows.append(
            f'<tr data-page="{escape(r.page)}" class="freshness--{status.replace(" ", "-")}">'
            f'<th scope="row"><a href="{escape(link(r.page))}">{escape(r.title)}</a></th>'
            f"<td>{escape(r.owner) or 'nobody'}</td><td>{r.review_by or ''}</td><td>{status}</td></tr>"
        )
    return Markup(
        '<table class="freshness"><caption>Pages by review date, soonest first</caption>'
        '<thead><tr><th scope="col">Page</th><th scope="col">Owner</th><th scope="col">Review by</th>'
        f'<th scope="col">Status</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
