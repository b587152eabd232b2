"""Builds a document model block by block and renders its text, so every block and cell gets the line it is on.

Readers of structured formats (HTML, Word, Excel, PDF) add headings, paragraphs and table rows in reading order;
the builder numbers the lines of the rendered text (a table row is one line, its cells joined by ' | '), which is
what records cite as their line and what the dashboard shows as the source.
"""

from __future__ import annotations

from loaders.readers.text import find_text_tables
from model.document import Block, Cell, Document, DocumentMeta, Heading, Line, Mark, Paragraph, Table
from model.text import clean_line

_SEPARATOR = " | "


def cell_text(cell: Cell) -> str:
    """What a cell shows as text on one line: its text, else the label of its icon or colour."""
    if cell.text:
        return " ".join(cell.text.split())
    for kind in ("label", "colour", "class", "glyph"):
        for mark in cell.marks:
            if mark.kind == kind:
                return mark.value
    return ""


class DocumentBuilder:
    """Collects blocks in reading order and numbers the lines of their text."""

    def __init__(self, fmt: str, meta: DocumentMeta | None = None) -> None:
        self.format = fmt
        self.meta = meta or DocumentMeta()
        self.blocks: list[Block] = []
        self.lines: list[Line] = []
        self.texts: list[str] = []
        self.page: int | None = None
        self.page_starts: list[int] = []
        self.caption: list[str] = []

    @property
    def next_line(self) -> int:
        """The number the next line will get."""
        return len(self.texts) + 1

    def _add_line(self, text: str, cells: tuple[str, ...] | None = None) -> int:
        number = self.next_line
        self.texts.append(text)
        if text.strip():
            self.lines.append(Line(number, text, cells or (text,)))
        return number

    def new_page(self) -> None:
        """Start a page: its first line is the next line."""
        self.page = (self.page or 0) + 1
        self.page_starts.append(self.next_line)

    def heading(self, text: str, level: int) -> None:
        """Add a heading; empty text adds nothing."""
        text = clean_line(" ".join(text.split()))
        if not text:
            return
        self.blocks.append(Heading(text, level, self._add_line(text), self.page))
        self.caption = [text]

    def paragraph(self, text: str, marks: tuple[Mark, ...] = (), list_item: bool = False) -> None:
        """Add a paragraph (one line); empty text without marks adds nothing."""
        text = clean_line(" ".join(text.split()))
        if not text and not marks:
            return
        shown = text or " ".join(m.value for m in marks if m.kind in {"label", "colour"})
        self.blocks.append(Paragraph(text, self._add_line(shown), self.page, marks, list_item))
        self.caption = [*self.caption[-3:], text]

    def blank(self) -> None:
        """An empty line between parts (a sheet's end, a page's end)."""
        self.texts.append("")

    def table(self, rows: list[list[Cell]], header_rows: int = 0, layout: str = "cells", name: str | None = None) -> None:
        """Add a table; each row becomes one line and its cells get that line's number."""
        numbered: list[tuple[Cell, ...]] = []
        first = self.next_line
        for row in rows:
            if not any(not cell.empty for cell in row):
                continue
            shown = tuple(cell_text(cell) for cell in row)
            number = self._add_line(_SEPARATOR.join(shown), tuple(t for t in shown if t))
            numbered.append(
                tuple(Cell(c.text, number, c.marks, c.header, c.span) for c in row)
            )
        if not numbered:
            return
        header = min(header_rows, len(numbered))
        table = Table(numbered, first, self.page, header, tuple(self.caption[-4:]), layout, name)
        self.blocks.append(table)
        self.caption = []

    def build(self) -> Document:
        """The document: blocks, numbered lines, text and pages."""
        return Document(
            blocks=find_text_tables(self.blocks),
            lines=self.lines,
            text="\n".join(self.texts),
            format=self.format,
            meta=self.meta,
            page_starts=self.page_starts or None,
        )
