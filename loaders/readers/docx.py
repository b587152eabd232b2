"""Word (.docx) to the document model with python-docx: headings, paragraphs and tables in document order.

Heading styles and numbered paragraphs ('4.1.2 Uitvoeren ...') become headings. Table cells keep their span
and what they show besides text: a cell's shading, the colour of a symbol ('●' in green) and bold type, so a
status shown as a colour or a coloured symbol can be read.
"""

from __future__ import annotations

import io
import re

from loaders.errors import UnreadableDocument
from loaders.readers.builder import DocumentBuilder
from model.colours import colour_word, is_symbol
from model.document import Cell, Document, DocumentMeta, Mark
from model.numbering import parse_numbered

_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)


def _run_marks(runs) -> list[Mark]:
    """Colour and glyph marks of the runs that show a symbol in colour ('●' in green)."""
    marks: list[Mark] = []
    for run in runs:
        text = run.text.strip()
        if not is_symbol(text):
            continue
        marks.append(Mark("glyph", text))
        colour = run.font.color.rgb if run.font.color is not None and run.font.color.type is not None else None
        word = colour_word(str(colour)) if colour is not None else None
        if word:
            marks.append(Mark("colour", word))
    return marks


def _shading(cell) -> str | None:
    from docx.oxml.ns import qn

    properties = cell._tc.tcPr
    shade = properties.find(qn("w:shd")) if properties is not None else None
    return colour_word(shade.get(qn("w:fill"))) if shade is not None else None


def _span(cell) -> int:
    from docx.oxml.ns import qn

    properties = cell._tc.tcPr
    span = properties.find(qn("w:gridSpan")) if properties is not None else None
    value = span.get(qn("w:val")) if span is not None else None
    return int(value) if value and value.isdigit() else 1


def _cell(cell) -> Cell:
    text = "\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
    marks = _run_marks(run for p in cell.paragraphs for run in p.runs)
    shade = _shading(cell)
    if shade:
        marks.append(Mark("colour", shade))
    bold = any(run.bold for p in cell.paragraphs for run in p.runs if run.text.strip())
    if bold and text:
        marks.append(Mark("bold", "vet"))
    return Cell(text, 0, tuple(marks), span=_span(cell))


def _rows(table) -> list[list[Cell]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats itself for every column it covers
                continue
            seen.add(id(cell._tc))
            cells.append(_cell(cell))
        rows.append(cells)
    return rows


def _paragraph(builder: DocumentBuilder, paragraph) -> None:
    text = paragraph.text.strip()
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING_STYLE.match(style)
    if style == "Title" or heading:
        builder.heading(text, int(heading.group(1)) if heading else 1)
        return
    numbered = parse_numbered(text) if text else None
    if numbered is not None and len(text) <= 150:
        builder.heading(text, numbered.depth)
        return
    builder.paragraph(text, tuple(_run_marks(paragraph.runs)), list_item="List" in style)


def read_docx(data: bytes) -> Document:
    """The document model of a Word document."""
    from docx import Document as open_document
    from docx.table import Table

    try:
        document = open_document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 — python-docx raises many kinds for broken packages
        raise UnreadableDocument(f"not a readable Word document ({type(error).__name__})") from None
    properties = document.core_properties
    builder = DocumentBuilder("docx", DocumentMeta(title=properties.title or None, author=properties.author or None))
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            builder.table(_rows(block))
        else:
            _paragraph(builder, block)
    return builder.build()
