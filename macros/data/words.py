"""Numbers and norm values in words, as prose writes them: the one place a value becomes text,
so a sentence, a checklist item, the agreement page and the exports all say the same thing."""

from __future__ import annotations

from macros.data.model import Norm
from macros.data.shapes import NORM_UNITS

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number_words(n: int) -> str:
    """Small counts in words, as prose writes them (one..twelve); larger ones in digits."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def _number(n: float) -> str:
    return number_words(int(n)) if n == int(n) else f"{n:g}"


def norm_words(norm: Norm, adjective: bool = False) -> str:
    """ "four working hours", "two to three working days", "30 to 50 percent"; `adjective`:
    "a 30-minute slot", "a 45- to 60-minute meeting"."""
    _, one, many, _ = NORM_UNITS[norm.unit]
    low, high = _number(norm.low), _number(norm.high)
    if not one:  # a bare count
        return f"{low} to {high}" if norm.is_range else low
    if adjective:
        unit = one.replace(" ", "-")
        return f"{low}- to {high}-{unit}" if norm.is_range else f"{low}-{unit}"
    if norm.is_range:
        return f"{low} to {high} {many}"
    return f"{low} {one if norm.low == 1 else many}"
