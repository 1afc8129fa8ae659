"""View as role (issue 17, contract 8): what a reader who picked a role sees marked as theirs.

The marks are in the page for every role, hidden; the picker's script shows one role's with a
CSS rule, before the first paint, so nothing moves and, without JavaScript, the page is as it
was. Here: the "your part" line of each play, one per role, from the matrix rows the play explains.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.data.model import Activity, Playbook
from macros.render.html import render_html
from macros.render.names import joined

DUTIES = (
    ("A/R", "your-part-both"),
    ("A", "your-part-accountable"),
    ("R", "your-part-responsible"),
    ("C", "your-part-consulted"),  # consulted and informed only where the role owns and does nothing here
    ("I", "your-part-informed"),
)


def your_part_lines(playbook: Playbook, activities: tuple[Activity, ...]) -> Markup:
    """One line per role for the play that explains `activities`: what the matrix makes the role
    accountable for and responsible for here (consulted and informed only when it is neither)."""
    words, lines = playbook.words, []
    for role in playbook.roles:
        duties = []
        for letter, word in DUTIES:
            if letter in ("C", "I") and duties:
                break
            mine = [words.html("your-part-activity", activity=a.name) for a in activities if a.letter(role.id) == letter]
            if mine:
                duties.append(words.html(word, activities=joined(mine, words)))
        none = words.html("your-part-none", role=role.name)
        lines.append((role.id, words.html("your-part", role=role.name, duties=Markup("; ").join(duties)) if duties else none))
    return render_html("your-part.html", lines=lines)
