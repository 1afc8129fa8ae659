"""`settings.nav`: how a fork shapes upstream's navigation without editing mkdocs.yml. Sections
and pages are named by a page path, which upstream keeps stable (permalinks), never by a title,
which a fork may rename:

    nav:
      order: [growth/index.md, plays/force-multiplier/index.md]   # these top-level entries first
      titles: {growth/index.md: Growing at Acme}                   # the section that page heads
      place: {company/on-call-policy.md: plays/systems-quality/alerts-and-monitoring.md}  # after it
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from macros.data.errors import Location
from macros.data.shapes import MAX_TEXT
from macros.data.yamlsource import YamlList, YamlMap, type_name

KEYS = ("order", "titles", "place")


@dataclass(frozen=True)
class NavShape:
    order: tuple[str, ...] = ()  # top-level entries (a page, or the first page of a section) to lead
    titles: tuple[tuple[str, str], ...] = ()  # (first page of a section, its new title)
    place: tuple[tuple[str, str], ...] = ()  # (page, the page it follows, in that page's section)
    lines: tuple[tuple[str, Location], ...] = ()  # where each `place` entry was written, by page


class Reader(Protocol):
    raw: YamlMap
    values: dict[str, Any]

    def add(self, key: str, message: str, where: Location | None = None) -> None: ...
    def page(self, value: object, what: str) -> str | None: ...


def read_nav(reader: Reader, key: str) -> None:
    raw = reader.raw.get(key)
    if not isinstance(raw, YamlMap):
        reader.add(key, f"expected a mapping with {', '.join(KEYS)}, found {type_name(raw)}")
        return
    ok = True
    for name in raw:
        if name not in KEYS:
            reader.add(f"{key}.{name}", f"unknown key (allowed: {', '.join(KEYS)})", raw.at(name))
            ok = False
    order = raw.get("order", YamlList(raw.here))
    if not isinstance(order, YamlList):
        reader.add(f"{key}.order", f"expected a list of page paths, found {type_name(order)}", raw.at("order"))
        order, ok = YamlList(raw.here), False
    for index, page in enumerate(order):
        ok = _page(reader, f"{key}.order[{index}]", page, order.at(index)) and ok
        if page in list(order)[:index]:
            reader.add(f"{key}.order[{index}]", f"'{page}' is listed twice", order.at(index))
            ok = False
    pairs: dict[str, list[tuple[str, str]]] = {"titles": [], "place": []}
    lines: list[tuple[str, Location]] = []
    for name in pairs:
        mapping = raw.get(name, YamlMap(raw.here))
        if not isinstance(mapping, YamlMap):
            reader.add(f"{key}.{name}", f"expected a mapping of page path to {'title' if name == 'titles' else 'page path'}", raw.at(name))
            ok = False
            continue
        for page, value in mapping.items():
            where = mapping.at(page)
            ok = _page(reader, f"{key}.{name}.{page}", page, where) and ok
            if name == "titles" and not (isinstance(value, str) and value.strip() and len(value) <= MAX_TEXT and "\n" not in value):
                reader.add(f"{key}.titles.{page}", "expected a one-line title", where)
                ok = False
            elif name == "place":
                ok = _page(reader, f"{key}.place.{page}", value, where) and ok
                if value == page:
                    reader.add(f"{key}.place.{page}", "a page cannot follow itself", where)
                    ok = False
            pairs[name].append((str(page), str(value).strip()))
            lines += [(str(page), where)] if name == "place" else []
    if ok:
        reader.values[key] = NavShape(tuple(map(str, order)), tuple(pairs["titles"]), tuple(pairs["place"]), tuple(lines))


def _page(reader: Reader, path: str, page: object, where: Location) -> bool:
    problem = reader.page(page, f"settings.{path.split('.')[0]}")
    if not problem and "#" in str(page):
        problem = f"'{page}' names a section of a page; the nav takes whole pages (drop the #...)"
    if problem:
        reader.add(path, problem, where)
    return problem is None
