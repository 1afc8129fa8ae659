"""A page's owner notice and the freshness/ table, from the reviews its front matter declares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from macros.data.model import Review
from macros.data.wordbook import Words
from macros.render import Link
from macros.render.html import render_html


@dataclass(frozen=True)
class FreshnessRow:
    review: Review
    status: str  # overdue, current or no date
    href: str


def freshness_rows(reviews: list[Review], today: dt.date, link: Link) -> list[FreshnessRow]:
    """Soonest review first; pages without a date last."""
    ordered = sorted(reviews, key=lambda r: (r.review_by is None, r.review_by or dt.date.max, r.page))
    return [
        FreshnessRow(r, "overdue" if r.overdue(today) else ("no date" if r.review_by is None else "current"), link(r.page)) for r in ordered
    ]


def render_page_review(review: Review, today: dt.date, words: Words) -> Markup:
    """The notice at the top of a page with an owner or review date."""
    owner = review.owner or words("review-nobody")
    return render_html("review.html", review=review, overdue=review.overdue(today), owner=owner, w=words.html)


def render_freshness_table(reviews: list[Review], today: dt.date, link: Link, words: Words) -> Markup:
    if not reviews:
        return Markup("<p>{}</p>").format(words("freshness-none"))
    return render_html("freshness.html", rows=freshness_rows(reviews, today, link), w=words.html)


@dataclass(frozen=True)
class ReplacedPage:
    """A page a fork replaces (design contract 7), as freshness/ lists it."""

    page: str  # upstream's page, docs-relative
    source: str  # the fork's file that stands in for it, docs-relative
    needs_review: bool  # upstream changed its page since the replacement was written


def render_replaced_pages(pages: list[ReplacedPage], link: Link, words: Words) -> Markup:
    """The replaced pages, those to review first; nothing when the fork replaces none."""
    if not pages:
        return Markup("")
    ordered = sorted(pages, key=lambda p: (not p.needs_review, p.page))
    return render_html("replaced.html", rows=[(p, link(p.page)) for p in ordered], w=words.html)
