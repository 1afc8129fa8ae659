"""Page owners and review dates: who keeps a page true, and whether it is overdue.

A page's front matter may say `owner: Platform team` and `review_by: 2027-03-01`. Pages show
their owner; past the date they show a notice (class `review-overdue`); freshness/ lists them
all, soonest first (macros/render/freshness.py). The plugin feeds `read_review` one page at a time.

Front matter is read here, not with MkDocs' `get_data`: that one swallows every error (YAML
resolves `review_by: 2020-13-45` as a date and raises inside PyYAML) and then publishes the
front matter as visible text. Here each such page is one `FILE:LINE: KEY: message` line and
the build stops, so broken front matter is never published.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.meta import get_data

from macros.data.errors import Location, Problem
from macros.data.model import Review
from macros.data.yamlsource import type_name

# MkDocs' own pattern (mkdocs.utils.meta.YAML_RE): what it reads as front matter, we validate.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
OPENING = re.compile(r"^-{3}[ \t]*\n")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXAMPLE = "2027-03-01"


@dataclass
class FrontMatter:
    meta: dict[Any, Any] = field(default_factory=dict)
    lines: dict[Any, int] = field(default_factory=dict)  # key -> line in the page
    raw: dict[Any, str] = field(default_factory=dict)  # key -> its value as written, when a scalar


class _BadDate(str):
    """A value YAML reads as a date that no calendar has (2020-13-45): kept as its text."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, AttributeError):  # AttributeError: `!!timestamp text`
        return _BadDate(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def read_front_matter(text: str, where: str) -> tuple[FrontMatter, list[Problem]]:
    """The page's front matter and every problem that would make MkDocs print it as text."""
    match = FRONT_MATTER.match(text)
    if match:
        return _parse(match.group(1), where)
    if OPENING.match(text):
        return FrontMatter(), [Problem(Location(where, 1), "", "front matter is not closed; end it with a line of three dashes (---)")]
    _, meta = get_data(text)  # no front matter, or MultiMarkdown-style `key: value` lines (text values)
    head = text.split("\n\n", 1)[0].splitlines()  # those lines end at the first blank line
    lines = {key: next((n for n, row in enumerate(head, 1) if row.lower().lstrip().startswith(f"{key}:")), 1) for key in meta}
    return FrontMatter(meta, lines, {k: str(v) for k, v in meta.items()}), []


def _parse(body: str, where: str) -> tuple[FrontMatter, list[Problem]]:
    """The YAML between the --- lines: a mapping, each key read alone so each problem names its key."""
    loader = _Loader(body)
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            found = "nothing" if node is None else ("a list" if isinstance(node, yaml.SequenceNode) else "text")
            return FrontMatter(), [Problem(Location(where, 1), "", f"front matter must be `key: value` lines, found {found}")]
        loader.flatten_mapping(node)
        return _mapping(loader, node, where)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(str(error.problem or error.context or "invalid YAML").split())
        return FrontMatter(), [Problem(Location(where, mark.line + 2 if mark else 1), "", f"front matter is not valid YAML: {reason}")]
    except yaml.YAMLError as error:
        return FrontMatter(), [Problem(Location(where, 1), "", f"front matter is not valid YAML: {error}")]
    finally:
        loader.dispose()


def _mapping(loader: _Loader, node: yaml.MappingNode, where: str) -> tuple[FrontMatter, list[Problem]]:
    front, problems = FrontMatter(), []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2  # +1 for counting from one, +1 for the opening ---
        at = Location(where, line)
        if not isinstance(key_node, yaml.ScalarNode):  # MkDocs cannot read a list or mapping as a key
            problems.append(Problem(at, "", "front matter keys must be plain words like owner or review_by"))
            continue
        try:
            key = loader.construct_object(key_node, deep=True)
            value = loader.construct_object(value_node, deep=True)
        except yaml.MarkedYAMLError:
            raise
        except Exception as error:  # whatever PyYAML raises here, MkDocs would print the front matter as text
            problems.append(Problem(at, key_node.value, f"cannot be read as YAML: {error}"))
            continue
        if key in front.meta:
            problems.append(Problem(at, str(key), "duplicate key"))
        front.meta[key], front.lines[key] = value, line
        front.raw[key] = value_node.value if isinstance(value_node, yaml.ScalarNode) else ""
        if bad := _bad_date(key) or ("" if key == "review_by" else _bad_date(value)):  # review_by: its own message
            problems.append(Problem(at, str(key), f"'{bad}' is not a real date like {EXAMPLE}; quote it if it is text"))
    return front, problems


def _bad_date(value: object) -> str:
    """The first impossible date anywhere in a value, or ''."""
    if isinstance(value, _BadDate):
        return str(value)
    children = [*value, *value.values()] if isinstance(value, dict) else value if isinstance(value, list) else ()
    return next((bad for child in children if (bad := _bad_date(child))), "")


def _review_by(front: FrontMatter) -> tuple[dt.date | None, str]:
    """The review date, or the reason it is not one: a real calendar date, without a time."""
    if "review_by" not in front.meta:
        return None, ""
    value = front.meta["review_by"]
    shown = " ".join((front.raw.get("review_by") or str(value)).split())
    if isinstance(value, dt.datetime):
        return None, f"'{shown}' has a time of day; give only the date, like {EXAMPLE}"
    if isinstance(value, dt.date):
        return value, ""
    if value is None or isinstance(value, (list, dict)):
        return None, f"expected a date like {EXAMPLE}, found {type_name(value)}"
    if isinstance(value, str) and not isinstance(value, _BadDate) and ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value), ""
        except ValueError:
            pass
    return None, f"'{shown}' is not a real date like {EXAMPLE}"


def _owner(front: FrontMatter) -> tuple[str, str]:
    """Who keeps the page true: text, shown on the page and on freshness/."""
    value = front.meta.get("owner")
    if "owner" not in front.meta or isinstance(value, _BadDate):  # an impossible date is reported already
        return "", ""
    if isinstance(value, str) and value.strip():
        return value.strip(), ""
    found = "empty text" if isinstance(value, str) else "a date" if isinstance(value, dt.date) else type_name(value)
    return "", f"expected text (a person or team), found {found}"


def read_review(docs_dir: Path, page: str) -> tuple[Review | None, list[Problem]]:
    """Front matter of one page -> its Review, if it names an owner or a review date."""
    try:
        text = (docs_dir / page).read_text(encoding="utf-8-sig")  # as MkDocs reads pages
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(Location(f"docs/{page}", 1), "", f"cannot read file: {error}")]
    return review_from_text(text, page)


def review_from_text(text: str, page: str) -> tuple[Review | None, list[Problem]]:
    """A page's text -> its Review and every problem in its front matter, in line order."""
    where = f"docs/{page}"
    front, problems = read_front_matter(text, where)
    review_by, wrong_date = _review_by(front)
    owner, wrong_owner = _owner(front)
    for key, message in (("review_by", wrong_date), ("owner", wrong_owner)):
        if message:
            problems.append(Problem(Location(where, front.lines.get(key, 1)), key, message))
    if problems or ("owner" not in front.meta and "review_by" not in front.meta):
        return None, sorted((_one_line(p) for p in problems), key=lambda p: p.location)
    line = front.lines.get("review_by") or front.lines.get("owner") or 1
    title = str(front.meta.get("title") or _first_heading(text) or page)
    return Review(page, title, owner, review_by, line), []


def _one_line(problem: Problem) -> Problem:
    """Values and YAML's own messages may span lines (block scalars); a problem is one line."""
    return Problem(problem.location, " ".join(problem.path.split()), " ".join(problem.message.split()))


def _first_heading(text: str) -> str:
    return next((row[2:].strip() for row in text.splitlines() if row.startswith("# ")), "")


def overdue_problems(reviews: list[Review], today: dt.date) -> list[Problem]:
    return [
        Problem(Location(f"docs/{r.page}", r.line), "review_by", f"review was due {r.review_by} (owner: {r.owner or 'nobody'})")
        for r in reviews
        if r.overdue(today)
    ]
