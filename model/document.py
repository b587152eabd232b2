"""The document model between reading and parsing: headings, paragraphs and tables, each with its line and page.

Every reader (text, HTML, PDF, Word, Excel) turns bytes into a `Document`; every recognizer reads one. Lines are
the provenance unit: a record's `line` is a line of `Document.text`, and `page_starts` turns it into a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Marks, cells and lines are never changed once made, but are not frozen: a document has thousands of them and a
# frozen dataclass takes three times as long to make. They hash by value, as frozen ones would.


@dataclass(slots=True, unsafe_hash=True)
class Mark:
    """What a cell or paragraph shows besides its text: an icon's label, a class word, a colour, bold type."""

    kind: str  # "label" (alt, title, aria-label), "class", "colour" (a colour word), "glyph", "bold"
    value: str


@dataclass(slots=True, unsafe_hash=True)
class Cell:
    """One table cell: its visible text, the line it is on, and how it looks (a status icon or colour)."""

    text: str
    line: int
    marks: tuple[Mark, ...] = ()
    header: bool = False
    span: int = 1

    @property
    def empty(self) -> bool:
        """No text and no marks: a cell that shows nothing."""
        return not self.text and not self.marks


@dataclass(slots=True, unsafe_hash=True)
class Line:
    """A non-empty line of the document text: its 1-based number, its text and its cells (one when not a row)."""

    number: int
    text: str
    cells: tuple[str, ...]


@dataclass(slots=True)
class Heading:
    """A heading with its level (1 is the highest) and the line it is on."""

    text: str
    level: int
    line: int
    page: int | None = None


@dataclass(slots=True)
class Paragraph:
    """A paragraph or list item; `marks` are icons or colours shown inside it (a legend's swatch)."""

    text: str
    line: int
    page: int | None = None
    marks: tuple[Mark, ...] = ()
    list_item: bool = False


@dataclass(slots=True)
class Table:
    """Rows × cells. `header_rows` leading rows are known headers; `caption` holds the title and unit lines above."""

    rows: list[tuple[Cell, ...]]
    line: int
    page: int | None = None
    header_rows: int = 0
    caption: tuple[str, ...] = ()
    layout: str = "cells"  # cells, pipes, stacked, spaced, grid, positioned, glued
    name: str | None = None  # a sheet's name
    ragged: bool = False  # rows lost empty cells in the export; their values were placed by a rule

    @property
    def width(self) -> int:
        """The number of columns: the widest row, counting spans."""
        return max((sum(cell.span for cell in row) for row in self.rows), default=0)

    @property
    def end_line(self) -> int:
        """The last line the table occupies."""
        return max((cell.line for row in self.rows for cell in row), default=self.line)


Block = Heading | Paragraph | Table


@dataclass(slots=True)
class DocumentMeta:
    """What the file says about itself outside its body: page title, site name, canonical address, PDF info."""

    title: str | None = None
    site_name: str | None = None
    url: str | None = None
    author: str | None = None
    subject: str | None = None
    file_name: str | None = None


@dataclass(slots=True)
class Document:
    """A read document: its blocks in order, its text as numbered lines, pages and what it says about itself."""

    blocks: list[Block]
    lines: list[Line]
    text: str
    format: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    page_starts: list[int] | None = None

    def tables(self) -> list[Table]:
        """The tables, in document order."""
        return [block for block in self.blocks if isinstance(block, Table)]


def page_of(line: int | None, page_starts: list[int] | None) -> int | None:
    """The page a line is on, when the document has pages."""
    if not line or not page_starts:
        return None
    return sum(1 for start in page_starts if start <= line) or None
