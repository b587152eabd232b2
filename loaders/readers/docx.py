"""Word (.docx) to text lines with python-docx: paragraphs and tables in document order.

Table rows become ' | ' rows; a cell that is only shaded (a traffic light without text) reads as its colour word.
"""

from __future__ import annotations

import io

from loaders.errors import UnreadableDocument
from model.colours import colour_word


def _shading(cell) -> str | None:
    from docx.oxml.ns import qn

    properties = cell._tc.tcPr
    shade = properties.find(qn("w:shd")) if properties is not None else None
    return colour_word(shade.get(qn("w:fill"))) if shade is not None else None


def _row_text(row) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # merged cells repeat the same cell
            continue
        seen.add(id(cell._tc))
        text = " ".join(cell.text.split())
        cells.append(text or _shading(cell) or "")
    return " | ".join(cells)


def docx_to_text(data: bytes) -> str:
    """Paragraph and table text of the document body, in order."""
    from docx import Document
    from docx.table import Table

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 — python-docx raises many kinds for broken packages
        raise UnreadableDocument(f"not a readable Word document ({type(error).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_row_text(row) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines)
