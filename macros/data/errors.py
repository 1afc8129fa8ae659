"""Problems found in the data, reported as one `FILE:LINE: PATH: message` line each."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """Where a YAML node was written, so a message points at the file the user must edit."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Problem:
    location: Location
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.path}: {self.message}" if self.path else f"{self.location}: {self.message}"


@dataclass(frozen=True)
class Notice(Problem):
    """Likely a mistake but possibly meant (an overlay id one letter off an upstream one): listed by
    `make check` and the build, an error only when the fork asks (settings.strict_overlay_ids)."""


class DataError(Exception):
    """Every problem in the data at once, so the user fixes them in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.location, p.path))
        super().__init__("\n".join(str(p) for p in self.problems))


class UnknownIdError(LookupError):
    """A page asked a macro for an id the data does not define."""

    def __init__(self, kind: str, given: str, known: list[str]) -> None:
        self.kind, self.given = kind, given
        close = difflib.get_close_matches(given, known, n=1, cutoff=0.8)
        shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
        hint = f"; did you mean '{close[0]}'?" if close else f" (known: {shown})"
        super().__init__(f"unknown {kind} id '{given}'{hint}")
