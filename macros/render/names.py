"""Role names in prose, so that a rename in the data reaches every sentence."""

from __future__ import annotations

from markupsafe import Markup

from macros.data.model import Role
from macros.data.wordbook import Words
from macros.render.html import inline_text

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
        return Markup(f"{indefinite_article(name)} ") + inline_text(name)
    return inline_text(name)


def joined(parts: list[Markup], words: Words) -> Markup:
    """ "a", "a and b", "a, b and c", with the fork's word for "and" (the word `and`)."""
    if len(parts) < 2:
        return Markup("").join(parts)
    return Markup(", ").join(parts[:-1]) + Markup(" {} ").format(words("and")) + parts[-1]


def render_role_names(roles: tuple[Role, ...], words: Words, plural: bool = False) -> Markup:
    """ "A", "A and B", "A, B and C": several roles in one sentence."""
    return joined([render_role_name(role, plural=plural) for role in roles], words)
