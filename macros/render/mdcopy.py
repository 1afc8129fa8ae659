"""A page's HTML as Markdown: the Markdown copy beside each page (contract 8).

Made from the page's final HTML, not its Markdown source, so the copy holds what the reader sees:
macros expanded, the matrix and norms as tables, checklists as task lists, a chart as its text.
The site's widgets (buttons, inputs, the checklist's live regions, anything `hidden` until a
script shows it) have nothing to say in text and are left out. Every link is made absolute by
the `resolve` function the caller gives, so a copy means the same wherever it is read.

Text is escaped for Markdown, and `<` always becomes `&lt;`: markup in the site's text (a role
named `<script>`) stays text in the copy, and no copy holds an HTML tag.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from macros.render.htmltree import Element, parse
from macros.render.inline import markdown_text
from macros.render.mdtables import table_blocks

DROPPED = frozenset({"script", "style", "noscript", "template", "button", "input", "select", "textarea", "head", "link", "meta"})
# the permalink sign after headings, an item's "#" anchor link, and the checklist's live regions
WIDGET_CLASSES = frozenset({"headerlink", "checklist__permalink", "checklist__progress", "checklist__status"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LAYOUT = frozenset({"address", "article", "aside", "div", "footer", "header", "main", "nav", "section"})
LISTS = frozenset({"dd", "dl", "dt", "li", "ol", "ul"})
BLOCKS = (
    HEADINGS | LAYOUT | LISTS | {"blockquote", "caption", "details", "figcaption", "figure", "hr", "p", "pre", "summary", "svg", "table"}
)
BREAK = "\x00"  # a <br>, until whitespace is folded
LINE_START = re.compile(r"^(\d*)([#>+=.)~-])")  # what would start a heading, quote, list or rule
LIST = re.compile(r"(- |\d+\. )")


escape = markdown_text  # plain text as Markdown text that reads as the same text


def _around(text: str, mark: str) -> str:
    """`mark` around the words, spaces kept outside (`** x**` is not emphasis)."""
    lead, core, trail = re.match(r"(\s*)(.*?)(\s*)$", text, re.S).groups()  # type: ignore[union-attr]
    return f"{lead}{mark}{core}{mark}{trail}" if core else text


def code_span(text: str) -> str:
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def link_target(url: str) -> str:
    """A URL as a Markdown link target: spaces, brackets, angle brackets, backticks and control
    characters percent-encoded, so no URL can end the link early or carry markup."""
    return re.sub(r"[\x00-\x20()<>`\x7f]", lambda m: f"%{ord(m.group(0)):02X}", url)


def indent(body: str, first: str, rest: str) -> str:
    lines = body.split("\n")
    return "\n".join([first + lines[0]] + [rest + line if line else line for line in lines[1:]])


@dataclass
class Writer:
    """One page's conversion: `resolve` turns an href or src as written in the page into an absolute URL."""

    resolve: Callable[[str], str]
    abbreviations: dict[str, str] = field(default_factory=dict)
    in_header: bool = False  # in a table's header row, an abbreviation is spelled out: "Tech Lead (TL)"
    in_cell: bool = False

    def skipped(self, element: Element) -> bool:
        return element.tag in DROPPED or "hidden" in element.attrs or bool(element.classes & WIDGET_CLASSES)

    def blocks(self, element: Element) -> list[str]:
        """The element's content as Markdown blocks; runs of inline content become paragraphs."""
        out: list[str] = []
        run: list[str] = []
        for child in element.children:
            if isinstance(child, Element) and child.tag in BLOCKS and not self.skipped(child):
                out += self.paragraph(run)
                run = []
                out += self.block(child)
            else:
                run.append(self.inline(child))
        return out + self.paragraph(run)

    def paragraph(self, run: list[str]) -> list[str]:
        text = self.fold("".join(run))
        return [LINE_START.sub(r"\1\\\2", text)] if text else []

    def fold(self, text: str) -> str:
        text = re.sub(r"\s+", " ", text).strip()
        text = re.sub(r" ?\x00 ?", BREAK, text).strip(BREAK + " ")
        return text.replace(BREAK, "; " if self.in_cell else "\\\n")

    def inline(self, node: Element | str) -> str:
        if isinstance(node, str):
            return escape(node)
        if self.skipped(node):
            return ""
        tag, inner = node.tag, lambda: "".join(self.inline(child) for child in node.children)
        if tag == "br":
            return BREAK
        if tag == "code":
            return code_span(re.sub(r"\s+", " ", node.text()))
        if tag == "img":
            alt = escape(node.attrs.get("alt", ""))
            return f"![{alt}]({link_target(self.resolve(node.attrs['src']))})" if node.attrs.get("src") else alt
        if tag == "a":
            text = inner()
            href = node.attrs.get("href")
            return f"[{text.strip()}]({link_target(self.resolve(href))})" if href and text.strip() else text
        if tag == "abbr":
            text, title = node.text().strip(), re.sub(r"\s+", " ", node.attrs.get("title", "")).strip()
            if title and self.in_header:
                return f"{escape(title)} ({escape(text)})"
            if title and text:
                self.abbreviations.setdefault(text, title)
            return escape(node.text())
        if tag in ("strong", "b"):
            return _around(inner(), "**")
        if tag in ("em", "i"):
            return _around(inner(), "*")
        if tag in ("del", "s"):
            return _around(inner(), "~~")
        if tag in BLOCKS:  # a block inside inline content (a list in a table cell): its text
            return " " + " ".join(self.block(node)) + " "
        return inner()

    def block(self, element: Element) -> list[str]:
        tag = element.tag
        if tag in HEADINGS:
            text = self.fold("".join(self.inline(child) for child in element.children))
            return [f"{'#' * int(tag[1])} {text}"] if text else []
        if tag in ("ul", "ol"):
            return self.listing(element, ordered=tag == "ol")
        if tag == "dl":
            return self.definitions(element)
        if tag == "table":
            return table_blocks(element, self)
        if tag == "pre":
            return [self.code_block(element, "")]
        if tag == "div" and "highlight" in element.classes and (pre := element.find("pre")):
            return [self.code_block(pre, _language(element))]
        if tag == "figure" and any(child.tag == "figcaption" for child in element.elements()):  # the caption says it
            return self.blocks(Element("figure", children=[c for c in element.children if getattr(c, "tag", "") != "svg"]))
        if tag == "svg":
            return self.svg_text(element)
        if tag == "hr":
            return ["---"]
        if tag == "blockquote" or (tag == "div" and "admonition" in element.classes) or tag == "details":
            quoted = "\n\n".join(self.blocks(element))
            return ["\n".join(f"> {line}" if line else ">" for line in quoted.split("\n"))] if quoted else []
        if tag in ("summary",) or "admonition-title" in element.classes:
            text = self.fold("".join(self.inline(child) for child in element.children))
            return [f"**{text}**"] if text else []
        return self.blocks(element)

    def listing(self, element: Element, ordered: bool) -> list[str]:
        start = int(element.attrs["start"]) if element.attrs.get("start", "").isascii() and element.attrs.get("start", "").isdigit() else 1
        items = []
        for number, item in enumerate((li for li in element.elements() if li.tag == "li"), start):
            marker = f"{number}. " if ordered else "- "
            box = _checkbox(item)
            body = _item_body(self.blocks(item))
            prefix = marker + ("" if box is None else "[x] " if box else "[ ] ")
            items.append(indent(body, prefix, " " * len(marker)))
        tight = all("\n\n" not in item for item in items)
        return ["\n".join(items) if tight else "\n\n".join(items)] if items else []

    def definitions(self, element: Element) -> list[str]:
        """Python-Markdown's def_list syntax, which the site's pages are written in."""
        lines: list[str] = []
        for child in _flatten_divs(element):
            if child.tag == "dt":
                text = self.fold("".join(self.inline(c) for c in child.children))
                lines.append(("\n" if lines else "") + text)
            elif child.tag == "dd":
                lines.append(indent("\n\n".join(self.blocks(child)), ":   ", "    "))
        return ["\n".join(lines)] if lines else []

    def code_block(self, pre: Element, language: str) -> str:
        code = pre.find("code") or pre
        text = code.text().strip("\n")
        language = language or _language(code) or _language(pre)
        fence = "`" * max(3, max((len(run) + 1 for run in re.findall(r"`+", text)), default=0))
        return f"{fence}{language}\n{text}\n{fence}"

    def svg_text(self, svg: Element) -> list[str]:
        """A diagram or chart as the text it is labelled with (its title and description)."""
        parts = [" ".join(child.text().split()) for child in svg.elements() if child.tag in ("title", "desc")]
        parts = [p for p in parts if p] or [svg.attrs.get("aria-label", "").strip()]
        text = " ".join(p if p.endswith((".", ":", "!", "?")) else p + "." for p in parts if p)
        return [escape(text)] if text else []


def _language(element: Element) -> str:
    return next((c.removeprefix("language-") for c in sorted(element.classes) if c.startswith("language-")), "")


def _checkbox(item: Element) -> bool | None:
    """Whether a list item is a task (it holds a checkbox outside any nested list), and ticked."""
    for child in item.elements():
        if child.tag == "input" and child.attrs.get("type") == "checkbox":
            return "checked" in child.attrs
        if child.tag not in ("ul", "ol") and (found := _checkbox(child)) is not None:
            return found
    return None


def _item_body(blocks: list[str]) -> str:
    """A list item's blocks; a nested list follows a one-paragraph item on the next line (a tight list)."""
    body = blocks[0] if blocks else ""
    for previous, block in itertools.pairwise(blocks):
        body += ("\n" if LIST.match(block) and "\n\n" not in previous else "\n\n") + block
    return body


def _flatten_divs(element: Element) -> list[Element]:
    return [e for child in element.elements() for e in (_flatten_divs(child) if child.tag == "div" else [child])]


def to_markdown(html: str, resolve: Callable[[str], str]) -> tuple[list[str], dict[str, str]]:
    """The HTML's blocks as Markdown, and the abbreviations its text used (text -> meaning)."""
    writer = Writer(resolve)
    return writer.blocks(parse(html)), writer.abbreviations
