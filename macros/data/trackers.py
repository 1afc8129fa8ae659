"""The issue trackers "Open as issue" knows, by the form of their new-issue address: which query
parameters take the title and the description, and how long an address each reliably accepts.
A settings.issue_tracker that matches none is refused with the forms each tracker needs, since a
repository or project page would open without the checklist (or not at all)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Tracker:
    name: str
    example: str  # the new-issue address its documentation gives, with placeholders
    title: str  # the query parameter for the issue's title
    body: str  # and for its description
    limit: int  # the longest address to open; above it the checklist goes to the clipboard instead

    def matches(self, host: str, path: str, query: dict[str, list[str]]) -> bool:
        return bool(PATHS[self.name](host, path, query))


TRACKERS = (
    Tracker("GitLab", "https://gitlab.example.com/GROUP/PROJECT/-/issues/new", "issue[title]", "issue[description]", 8000),
    Tracker("GitHub", "https://github.com/OWNER/REPO/issues/new", "title", "body", 8000),
    Tracker(
        "Jira",
        "https://SITE.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=PROJECT-ID&issuetype=TYPE-ID",
        "summary",
        "description",
        8000,
    ),
    Tracker("Linear", "https://linear.app/WORKSPACE/team/KEY/new", "title", "description", 8000),
    Tracker("Azure DevOps", "https://dev.azure.com/ORG/PROJECT/_workitems/create/Issue", "[System.Title]", "[System.Description]", 2000),
)
PATHS = {
    "GitLab": lambda host, path, query: re.fullmatch(r"(/[^/]+)+/-/issues/new/?", path),
    "GitHub": lambda host, path, query: re.fullmatch(r"/[^/]+/[^/]+/issues/new/?", path),
    "Jira": lambda host, path, query: path.endswith("/secure/CreateIssueDetails!init.jspa") and "pid" in query and "issuetype" in query,
    "Linear": lambda host, path, query: (host == "linear.app" and re.fullmatch(r"(/[^/]+)*/new/?", path)) or host == "linear.new",
    "Azure DevOps": lambda host, path, query: (
        (host == "dev.azure.com" or host.endswith(".visualstudio.com")) and re.search(r"/_workitems/create/[^/]+/?$", path)
    ),
}


def tracker_for(url: str) -> Tracker | None:
    """The tracker whose new-issue address `url` is, or None."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    return next((t for t in TRACKERS if t.matches((parts.hostname or "").lower(), parts.path, query)), None)


def tracker_problem(url: str) -> str | None:
    """Why `url` is not a new-issue address "Open as issue" can fill in, naming the forms."""
    if tracker := tracker_for(url):
        parts = urlsplit(url)
        preset = [p for p in (tracker.title, tracker.body) if p in parse_qs(parts.query)]
        if parts.fragment or "#" in url:
            return f"'{url}' has a #fragment; the title and checklist would land in it and the issue would open empty"
        if preset:
            return f"'{url}' already sets {' and '.join(preset)}, which the checklist fills in; remove it"
        return None
    forms = "; ".join(f"{t.name}: {t.example}" for t in TRACKERS)
    return f"'{url}' is not the new-issue address of a tracker the checklists can fill in ({forms})"


def issue_url_template(url: str) -> tuple[str, int]:
    """The address with `{title}` and `{body}` where the browser puts them, and its length limit."""
    tracker = tracker_for(url)
    if tracker is None:
        return "", 0
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{tracker.title}={{title}}&{tracker.body}={{body}}", tracker.limit
