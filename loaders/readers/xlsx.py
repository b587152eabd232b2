"""Excel (.xlsx) to the document model with openpyxl: each sheet a heading (its name) and a table of its rows.

Numbers are written the Dutch way, so recognizers read them as they read printed tables; a filled cell keeps its
fill as a colour mark and a coloured symbol its font colour, so a status shown as a colour can be read.
"""

from __future__ import annotations

import io
from decimal import Decimal

from loaders.errors import UnreadableDocument
from loaders.readers.builder import DocumentBuilder
from loaders.readers.shapes import looks_like_header
from model.amounts import format_amount
from model.colours import colour_word, is_symbol
from model.document import Cell, Document, Mark

_MAX_SPAN = 50


def _text(value, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)) and "%" in number_format:
        return _percent(value, number_format)
    if isinstance(value, int):
        return str(value) if 1900 <= value <= 2200 else format_amount(value)
    if isinstance(value, float):
        return format_amount(round(value, 2), decimals=0 if value == int(value) else 2)
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    return "\n".join(" ".join(part.split()) for part in str(value).splitlines() if part.strip())


def _percent(value: float, number_format: str) -> str:
    """A fraction shown as a percentage ('0.0%': 0,045 → '4,5%'), as Excel shows it."""
    shown = number_format.split(";")[0]
    decimals = len(shown.split(".")[1].split("%")[0]) if "." in shown else 0
    return f"{format_amount(Decimal(repr(round(value * 100, decimals))), decimals)}%"


def _rgb(colour) -> str | None:
    return str(colour.rgb) if colour is not None and colour.type == "rgb" and isinstance(colour.rgb, str) else None


def _cell(cell) -> Cell:
    text = _text(cell.value, cell.number_format or "General")
    marks: list[Mark] = []
    fill = cell.fill
    if fill is not None and fill.fill_type == "solid":
        word = colour_word(_rgb(fill.fgColor))
        if word:
            marks.append(Mark("colour", word))
    if is_symbol(text):
        marks.append(Mark("glyph", text))
        word = colour_word(_rgb(cell.font.color)) if cell.font is not None else None
        if word:
            marks.append(Mark("colour", word))
    if text and cell.font is not None and cell.font.bold:
        marks.append(Mark("bold", "vet"))
    return Cell(text, 0, tuple(marks))


def read_xlsx(data: bytes) -> Document:
    """The document model of a workbook: every sheet in order."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # noqa: BLE001 — openpyxl raises many kinds for broken packages
        raise UnreadableDocument(f"not a readable Excel workbook ({type(error).__name__})") from None
    builder = DocumentBuilder("xlsx")
    for sheet in book.worksheets:
        builder.heading(sheet.title, 1)
        spans = _spans(sheet)
        rows = []
        for row in sheet.iter_rows():
            cells = [_spanned(_cell(cell), spans.get((cell.row, cell.column))) for cell in row]
            cells = [cell for cell in cells if cell is not None]
            while cells and cells[-1].empty:
                cells.pop()
            rows.append(cells)
        _add_sheet(builder, rows, sheet.title)
        builder.blank()
    return builder.build()


def _spans(sheet) -> dict[tuple[int, int], int]:
    """Merged cells across columns ('Begroting 2023' over 'primitief' and 'na wijziging'): the width of each
    range's first cell, and 0 for the cells it covers in its first row (rows below keep their empty cells)."""
    spans: dict[tuple[int, int], int] = {}
    for merged in sheet.merged_cells.ranges:
        width = min(merged.max_col - merged.min_col + 1, _MAX_SPAN)
        if width < 2:
            continue
        spans[(merged.min_row, merged.min_col)] = width
        for column in range(merged.min_col + 1, merged.min_col + width):
            spans[(merged.min_row, column)] = 0
    return spans


def _spanned(cell: Cell, span: int | None) -> Cell | None:
    if span is None:
        return cell
    return Cell(cell.text, cell.line, cell.marks, cell.header, span) if span else None


def _filled(row: list[Cell]) -> list[Cell]:
    return [cell for cell in row if not cell.empty]


def _add_sheet(builder: DocumentBuilder, rows: list[list[Cell]], name: str) -> None:
    """A sheet's rows as tables: an empty row ends a table, a header row after rows of data starts a new one, and
    a single filled cell before a table (a title, a unit) is a paragraph."""
    table: list[list[Cell]] = []
    body = 0
    for position, row in enumerate(rows):
        filled = _filled(row)
        header = looks_like_header([cell.text for cell in row])
        if not filled or (header and body):
            if table:
                builder.table(table, name=name)
            table, body = [], 0
            if not filled:
                continue
        following = rows[position + 1] if position + 1 < len(rows) else []
        if len(filled) == 1 and (not table or looks_like_header([c.text for c in following])):
            if table:
                builder.table(table, name=name)
                table, body = [], 0
            builder.paragraph(filled[0].text, filled[0].marks)
            continue
        table.append(row)
        body += 0 if header else 1
    if table:
        builder.table(table, name=name)
