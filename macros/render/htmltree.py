"""A small element tree from HTML, with the standard library's parser.

The Markdown copies (contract 8) are made from the HTML the reader gets, which the build wrote
itself; the runtime has no HTML tree library (BeautifulSoup is a test dependency), and the copy
needs only tags, attributes, text and nesting. The parser is tolerant the way the build's HTML
needs: void elements never hold children, and an end tag closes everything opened since its
start tag (an unmatched end tag is ignored).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def elements(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def find(self, tag: str) -> Element | None:
        """The first descendant with this tag, depth first."""
        for child in self.elements():
            if child.tag == tag:
                return child
            if found := child.find(tag):
                return found
        return None

    def text(self) -> str:
        """Every text node below, as it stands (no whitespace folding: code keeps its lines)."""
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    """The fragment's elements under one root element."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
