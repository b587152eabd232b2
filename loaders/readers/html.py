"""HTML (saved report-platform pages) to the document model with lxml.

Headings, paragraphs and list items become blocks; `<table>` and CSS-grid rows (`div.row > div.cell`, ARIA
rows) become tables. What a status looks like is kept as marks: an icon's alt, title or aria-label, class
words such as 'status-indicator--green', inline colours and svg fills. Navigation, scripts and styles are
dropped; the page title, site name and canonical address go to the document's metadata.
"""

from __future__ import annotations

import re

from loaders.readers.builder import DocumentBuilder
from loaders.readers.html_marks import element_marks, icon_label
from model.document import Cell, Document, DocumentMeta, Mark

_MAX_ROWSPAN = 1000
_SKIP = {"script", "style", "nav", "noscript", "template", "head", "svg", "button", "form", "select", "iframe"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {"p", "li", "dt", "dd", "blockquote", "pre", "figcaption", "caption", "summary", "address", "label"}
_CONTAINERS = {"div", "section", "article", "main", "body", "header", "footer", "aside", "ul", "ol", "dl", "figure",
               "details", "span", "center", "fieldset"}
_ROW = re.compile(r"(?:^|[\s_-])(?:row|rij|tr)(?:$|[\s_-])", re.IGNORECASE)
_CELL = re.compile(r"(?:^|[\s_-])(?:cell|col|kolom|td)(?:$|[\s_-])", re.IGNORECASE)
_HEADER = re.compile(r"head", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_MIN_GRID_ROWS = 2
_BREAKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
           "section", "article", "header", "footer", "blockquote", "pre", "small"}


def _classes(element) -> str:
    return element.get("class") or ""


def _is_grid_row(element) -> bool:
    """An element whose children are all cells ('div.row > div.cell', ARIA rows)."""
    if (element.get("role") or "").lower() == "row":
        return True
    cells = [child for child in element if isinstance(child.tag, str)]
    return len(cells) >= 2 and all(_is_grid_cell(c) for c in cells)


def _is_grid_cell(element) -> bool:
    role = (element.get("role") or "").lower()
    return role in {"cell", "gridcell", "columnheader", "rowheader"} or bool(_CELL.search(_classes(element)))


def _is_grid(element) -> bool:
    """A container of CSS-grid rows: at least two child rows whose children are all cells."""
    rows = [child for child in element if isinstance(child.tag, str) and _is_grid_row(child)]
    return len(rows) >= _MIN_GRID_ROWS


class _Reader:
    """Walks the element tree in document order and feeds the builder."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder

    def text_of(self, element) -> tuple[str, tuple[Mark, ...]]:
        """Visible text of an element with icons shown by their label, and the marks found inside."""
        parts: list[str] = []
        marks: list[Mark] = []
        self._collect(element, parts, marks, top=True)
        pieces = (" ".join(piece.split()) for piece in "".join(parts).split("\n"))
        return "\n".join(piece for piece in pieces if piece), tuple(marks)

    def _collect(self, element, parts: list[str], marks: list[Mark], top: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP and tag != "svg":
            parts.append(" ")
            return
        own = element_marks(element)
        marks.extend(own)
        label = icon_label(element)
        if label is not None and not top:
            parts.append(f" {label} ")
            if element.tail:
                parts.append(element.tail)
            return
        if tag == "svg":
            if element.tail and not top:
                parts.append(element.tail)
            return
        block = tag == "br" or tag in _BREAKS
        if block:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            if not isinstance(child.tag, str):
                if child.tail:
                    parts.append(child.tail)
                continue
            self._collect(child, parts, marks)
        if block and tag != "br":
            parts.append("\n")
        if element.tail and not top:
            parts.append(element.tail)

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _SKIP or (element.get("aria-hidden") == "true" and tag not in {"span", "i"}):
            return
        if tag in _HEADINGS:
            self.builder.heading(self.text_of(element)[0], _HEADINGS[tag])
        elif (element.get("role") or "").lower() == "heading":
            self.builder.heading(self.text_of(element)[0], int(element.get("aria-level") or 3))
        elif tag == "table":
            self.table(element)
        elif _is_grid(element):
            self.grid(element)
        elif tag in _BLOCKS or (tag in _CONTAINERS and not _has_block_children(element)):
            text, marks = self.text_of(element)
            self.builder.paragraph(text, marks, list_item=tag == "li")
        else:
            if element.text and element.text.strip():
                self.builder.paragraph(element.text)
            for child in element:
                if isinstance(child.tag, str):
                    self.walk(child)
                if child.tail and child.tail.strip():
                    self.builder.paragraph(child.tail)

    def _cell(self, element, header: bool) -> Cell:
        text, marks = self.text_of(element)
        span = int(element.get("colspan") or 1) if (element.get("colspan") or "1").isdigit() else 1
        return Cell(text, 0, marks, header, max(1, min(span, 50)))

    def table(self, element) -> None:
        rows: list[list[Cell]] = []
        header_rows = 0
        caption = element.find("caption")
        if caption is not None:
            self.builder.paragraph(self.text_of(caption)[0])
        spanned: dict[int, list[int]] = {}  # column → [rows it is still taken for, 1 when by a header cell]
        for row in element.iter("tr"):
            if _nested_table(row, element):
                continue
            elements = [c for c in row if isinstance(c.tag, str) and c.tag in {"td", "th"}]
            if not elements:
                continue
            cells = _below_spans([(self._cell(c, c.tag == "th"), _rowspan(c)) for c in elements], spanned)
            in_head = row.getparent() is not None and row.getparent().tag == "thead"
            if len(rows) == header_rows and (in_head or (all(c.header for c in cells) and len(cells) > 1)):
                header_rows += 1
            rows.append(cells)
        self.builder.table(rows, header_rows)

    def grid(self, element) -> None:
        rows: list[list[Cell]] = []
        header_rows = 0
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if _is_grid_row(child):
                cells = [self._cell(c, False) for c in child if isinstance(c.tag, str)]
                header = bool(_HEADER.search(_classes(child))) or all(
                    (c.get("role") or "") == "columnheader" for c in child if isinstance(c.tag, str)
                )
                if header and len(rows) == header_rows:
                    header_rows += 1
                    cells = [Cell(c.text, 0, c.marks, True, c.span) for c in cells]
                rows.append(cells)
            else:
                text, marks = self.text_of(child)
                if text or marks:
                    rows.append([Cell(text, 0, marks)])
        self.builder.table(rows, header_rows, layout="grid")


def _rowspan(element) -> int:
    value = element.get("rowspan") or "1"
    return max(1, min(int(value), _MAX_ROWSPAN)) if value.isdigit() else 1


def _below_spans(cells: list[tuple[Cell, int]], spanned: dict[int, list[int]]) -> list[Cell]:
    """A row's cells in their columns: a column that a cell above still spans (rowspan) gets an empty cell, and
    this row's cells that span rows take their columns in `spanned` for the rows below."""
    placed: list[Cell] = []
    column = 0
    queue = list(cells)
    while queue or column in spanned:
        if column in spanned:
            left = spanned[column]
            placed.append(Cell("", 0, (), bool(left[1])))
            left[0] -= 1
            if not left[0]:
                del spanned[column]
            column += 1
            continue
        cell, rows = queue.pop(0)
        placed.append(cell)
        if rows > 1:
            for taken in range(column, column + cell.span):
                spanned[taken] = [rows - 1, int(cell.header)]
        column += cell.span
    return placed


def _has_block_children(element) -> bool:
    return any(
        isinstance(child.tag, str) and (child.tag in _BLOCKS or child.tag in _HEADINGS or child.tag in {
            "div", "section", "article", "table", "ul", "ol", "dl", "header", "footer", "aside", "main", "figure"
        })
        for child in element
    )


def _nested_table(row, table) -> bool:
    parent = row.getparent()
    while parent is not None and parent is not table:
        if parent.tag == "table":
            return True
        parent = parent.getparent()
    return False


def _meta(root) -> DocumentMeta:
    def content(xpath: str) -> str | None:
        found = root.xpath(xpath)
        return " ".join(str(found[0]).split()) if found else None

    return DocumentMeta(
        title=content("//head/title/text()"),
        site_name=content("//meta[@property='og:site_name']/@content"),
        url=content("//link[@rel='canonical']/@href") or content("//meta[@property='og:url']/@content"),
    )


def read_html(markup: str) -> Document:
    """The document model of an HTML page."""
    import lxml.etree
    import lxml.html

    cleaned = _XML_DECLARATION.sub("", markup).replace("\x00", "")
    builder = DocumentBuilder("html")
    try:
        root = lxml.html.document_fromstring(cleaned)
    except (lxml.etree.ParserError, ValueError):
        return builder.build()
    builder.meta = _meta(root)
    body = root.find("body")
    _Reader(builder).walk(body if body is not None else root)
    return builder.build()
