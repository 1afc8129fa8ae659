"""A page's owner notice and the freshness/ table, from the reviews its front matter declares."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from macros.data.model import Review
from macros.render import Link


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


def render_freshness_table(reviews: list[Review], today: dt.date, link: Link) -> Markup:
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
