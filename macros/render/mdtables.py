"""HTML tables as Markdown (GFM) tables, for the Markdown copies of pages (render/mdcopy.py).

A GFM table has one header row and no merged cells. Two shapes of the site's tables need care:
- a row whose one cell spans the whole table heads a group of rows (the matrix's areas): the
  table is cut there, and each group becomes its own table under the group's name in bold, with
  the header row repeated, so every row still reads with its column names;
- a table without a header row (rare in pages) takes its first row as the header.
The caption comes first, as a paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.render.htmltree import Element

if TYPE_CHECKING:
    from macros.render.mdcopy import Writer

Row = list[tuple[str, int]]  # cells: Markdown text, columns spanned


def _rows(table: Element) -> list[tuple[Element, bool]]:
    """Each row with whether it sits in the table's head."""
    rows = []
    for part in table.elements():
        if part.tag == "tr":
            rows.append((part, False))
        elif part.tag in ("thead", "tbody", "tfoot"):
            rows += [(row, part.tag == "thead") for row in part.elements() if row.tag == "tr"]
    return rows


def _span(cell: Element) -> int:
    value = cell.attrs.get("colspan", "1")
    return max(1, min(int(value), 1000)) if value.isascii() and value.isdigit() else 1


def _cell(cell: Element, writer: Writer, header: bool) -> str:
    writer.in_cell, writer.in_header = True, header
    try:
        text = " ".join(writer.blocks(cell))
    finally:
        writer.in_cell = writer.in_header = False
    return " ".join(text.replace("|", "\\|").split())


def _line(cells: Row, width: int) -> str:
    texts = [text for text, span in cells for text in [text] + [""] * (span - 1)]
    texts += [""] * (width - len(texts))
    return "| " + " | ".join(texts) + " |"


def table_blocks(table: Element, writer: Writer) -> list[str]:
    rows = _rows(table)
    width = max((sum(_span(c) for c in row.elements() if c.tag in ("td", "th")) for row, _ in rows), default=0)
    if not width:
        return []
    caption = next((c for c in table.elements() if c.tag == "caption"), None)
    blocks = writer.blocks(caption) if caption else []
    head: Row = []
    groups: list[tuple[str, list[Row]]] = [("", [])]
    for row, in_head in rows:
        cells = [c for c in row.elements() if c.tag in ("td", "th")]
        is_header = in_head or (not head and not groups[-1][1] and all(c.tag == "th" for c in cells) and not _is_group(cells, width))
        if is_header and not head:
            head = [(_cell(c, writer, True), _span(c)) for c in cells]
        elif _is_group(cells, width):
            groups.append((_cell(cells[0], writer, False), []))
        else:
            groups[-1][1].append([(_cell(c, writer, False), _span(c)) for c in cells])
    if not head:  # GFM needs a header row: the first row becomes it
        first = next((g for g in groups if g[1]), None)
        if first is None:
            return blocks
        head = first[1].pop(0)
    header = _line(head, width) + "\n" + "| " + " | ".join(["---"] * width) + " |"
    for name, body in groups:
        if name:
            blocks.append(f"**{name}**")
        if body or len(groups) == 1:
            blocks.append("\n".join([header] + [_line(r, width) for r in body]))
    return blocks


def _is_group(cells: list[Element], width: int) -> bool:
    return len(cells) == 1 and width > 1 and (_span(cells[0]) >= width or cells[0].attrs.get("scope") == "rowgroup")
