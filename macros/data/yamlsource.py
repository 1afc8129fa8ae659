"""Read YAML into plain dicts and lists that remember where each key and item was written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from macros.data.errors import Location, Problem


class Node:
    """Mixin: the location of the container itself and of each of its keys or items."""

    here: Location
    locations: dict[Any, Location]

    def at(self, key: Any) -> Location:
        return self.locations.get(key, self.here)


class YamlMap(dict, Node):  # type: ignore[type-arg]
    def __init__(self, here: Location) -> None:
        super().__init__()
        self.here, self.locations = here, {}


class YamlList(list, Node):  # type: ignore[type-arg]
    def __init__(self, here: Location) -> None:
        super().__init__()
        self.here, self.locations = here, {}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml when present
    file = ""
    problems: list[Problem]

    def where(self, node: yaml.Node) -> Location:
        return Location(self.file, node.start_mark.line + 1)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> YamlMap:
    result = YamlMap(loader.where(node))
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            loader.problems.append(Problem(loader.where(key_node), str(key), "duplicate key"))
        result[key] = loader.construct_object(value_node, deep=True)
        result.locations[key] = loader.where(key_node)
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> YamlList:
    result = YamlList(loader.where(node))
    for index, child in enumerate(node.value):
        result.append(loader.construct_object(child, deep=True))
        result.locations[index] = loader.where(child)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
# No data file holds a date, and PyYAML raises a bare ValueError on `2020-13-45`: read dates as text.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def parse_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse one document; syntax errors, tabs and emptiness become problems, never exceptions."""
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(Location(file, number), "", "tab used for indentation; indent with spaces"))
    if problems:
        return None, problems
    loader = _Loader(text)
    loader.file, loader.problems = file, problems
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = " ".join(str(error.problem or error.context or "invalid YAML").split())
        return None, [Problem(Location(file, line), "", f"YAML syntax error: {reason}")]
    except yaml.YAMLError as error:
        return None, [Problem(Location(file, 1), "", f"YAML error: {error}")]
    except (ValueError, TypeError, OverflowError, RecursionError) as error:  # a value PyYAML cannot construct
        return None, [Problem(Location(file, 1), "", f"YAML value cannot be read: {error}")]
    finally:
        loader.dispose()
    if data is None:
        problems.append(Problem(Location(file, 1), "", "file is empty"))
    elif not isinstance(data, YamlMap):
        problems.append(Problem(Location(file, 1), "", f"expected a mapping at the top, found {type_name(data)}"))
        data = None
    return data, problems


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(Location(shown_as, 1), "", f"cannot read file: {error}")]
    return parse_yaml(text, shown_as)


def type_name(value: object) -> str:
    """Name a YAML value the way a data author thinks of it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__
