"""Role names in prose, so that a rename in the data reaches every sentence."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.data.model import Role

_VOWEL_SOUND = tuple("AEIOUaeiou")
_CONSONANT_EXCEPTIONS = ("Uni", "Use", "Usu", "One", "uni", "use", "one")


def indefinite_article(word: str) -> str:
    """'a' or 'an' by the first letter; good enough for job titles and their abbreviations."""
    if word.startswith(_CONSONANT_EXCEPTIONS):
        return "a"
    return "an" if word.startswith(_VOWEL_SOUND) else "a"


def render_role_name(role: Role, plural: bool = False, article: bool = False) -> Markup:
    name = role.plural if plural else role.name
    if article and not plural:
        return Markup(f"{indefinite_article(name)} {escape(name)}")
    return escape(name)


NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number_words(n: int) -> str:
    """Small counts in words, as prose writes them (one..twelve); larger ones in digits."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def counted(n: int, singular: str, plural: str) -> str:
    """`counted(1, "role", "roles")` -> "one role"; every count in generated prose goes through
    here, so a fork that adds or removes entries never reads a stale number."""
    return f"{number_words(n)} {singular if n == 1 else plural}"
