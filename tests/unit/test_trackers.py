"""'Open as issue' fills in each tracker's documented new-issue address: the right parameters for
the title and the description, and a one-line refusal, naming every form, for anything else."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from macros.data.trackers import TRACKERS, issue_url_template, tracker_for, tracker_problem

# tracker -> (a new-issue address in its documented form, its title and description parameters)
DOCUMENTED = {
    "GitHub": ("https://github.com/acme/handbook/issues/new", "title", "body"),  # docs.github.com: "Creating an issue from a URL query"
    "GitLab": (
        "https://gitlab.com/acme/eng/handbook/-/issues/new",
        "issue[title]",
        "issue[description]",
    ),  # "Using a URL with prefilled values"
    "Jira": ("https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10400&issuetype=10002", "summary", "description"),
    "Linear": ("https://linear.app/acme/team/ENG/new", "title", "description"),  # Linear: "/new?title=...&description=..."
    "Azure DevOps": ("https://dev.azure.com/acme/handbook/_workitems/create/Issue", "[System.Title]", "[System.Description]"),
}


@pytest.mark.parametrize("name", DOCUMENTED)
def test_each_tracker_gets_its_own_parameters(name: str) -> None:
    url, title, body = DOCUMENTED[name]
    assert tracker_for(url).name == name and tracker_problem(url) is None
    template, limit = issue_url_template(url)
    filled = template.replace("{title}", "Code%20reviews").replace("{body}", "-%20%5B%20%5D%20x")
    query = parse_qs(urlsplit(filled).query)
    assert query[title] == ["Code reviews"] and query[body] == ["- [ ] x"] and filled.startswith(url)
    assert 1000 < limit <= 8000
    if "?" in url:  # Jira's project and issue type stay
        assert query["pid"] == ["10400"] and query["issuetype"] == ["10002"]


def test_every_tracker_is_tested() -> None:
    assert {t.name for t in TRACKERS} == set(DOCUMENTED)


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/acme/handbook",  # the repository, not its new-issue page
        "https://gitlab.com/acme/handbook/-/issues",
        "https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10400",  # no issue type
        "https://acme.atlassian.net/browse/ENG",
        "https://dev.azure.com/acme/handbook/_workitems",
        "https://tracker.acme.example/new-ticket",
    ],
)
def test_an_address_that_is_not_a_new_issue_form_is_refused_naming_the_forms(url: str) -> None:
    problem = tracker_problem(url)
    assert problem is not None and problem.startswith(f"'{url}' is not the new-issue address")
    assert all(t.name in problem and t.example in problem for t in TRACKERS)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://github.com/acme/handbook/issues/new#top", "has a #fragment"),
        ("https://github.com/acme/handbook/issues/new?title=Checklist", "already sets title"),
        ("https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=1&issuetype=2&summary=x", "already sets summary"),
    ],
)
def test_an_address_the_checklist_could_not_fill_in_is_refused(url: str, why: str) -> None:
    assert why in (tracker_problem(url) or "")
