"""Norm values in words, as prose writes them: the one place a value becomes text, so a
sentence, a checklist item, the agreement page and the exports all say the same thing. The
words themselves (numbers, units, "to") are the fork's to change (macros/data/wordbook.py)."""

from __future__ import annotations

from macros.data.model import Norm
from macros.data.wordbook import Words


def _number(words: Words, n: float) -> str:
    return words.number(int(n)) if n == int(n) else f"{n:g}"


def norm_words(norm: Norm, adjective: bool = False, words: Words | None = None) -> str:
    """ "four working hours", "two to three working days", "30 to 50 percent"; `adjective`:
    "a 30-minute slot", "a 45- to 60-minute meeting". `words`: the fork's (default: upstream's)."""
    words = words or Words()
    low, high = _number(words, norm.low), _number(words, norm.high)
    if norm.unit == "count":  # a bare count
        return words("norm-range", low=low, high=high) if norm.is_range else low
    one, many = words(f"unit-{norm.unit}-one"), words(f"unit-{norm.unit}-many")
    if adjective:
        unit = one.replace(" ", "-")
        return (
            words("norm-adjective-range", low=low, high=high, unit=unit) if norm.is_range else words("norm-adjective", value=low, unit=unit)
        )
    if norm.is_range:
        return words("norm-range", low=low, high=high) + " " + many
    return f"{low} {one if norm.low == 1 else many}"
