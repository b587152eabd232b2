"""Excel (.xlsx) to text lines with openpyxl: each sheet's rows as ' | ' rows, numbers in Dutch notation.

A filled cell without text (a traffic light) reads as its colour word.
"""

from __future__ import annotations

import io

from loaders.errors import UnreadableDocument
from model.amounts import format_amount
from model.colours import colour_word


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        fill = cell.fill
        if fill is not None and fill.fill_type == "solid":
            return colour_word(str(fill.fgColor.rgb) if fill.fgColor.type == "rgb" else None) or ""
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value) if 1900 <= value <= 2200 else format_amount(value)
    if isinstance(value, float):
        return format_amount(round(value, 2), decimals=0 if value == int(value) else 2)
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    return " ".join(str(value).split())


def xlsx_to_text(data: bytes) -> str:
    """Every sheet: its name as a heading line, then its non-empty rows."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # noqa: BLE001 — openpyxl raises many kinds for broken packages
        raise UnreadableDocument(f"not a readable Excel workbook ({type(error).__name__})") from None
    lines: list[str] = []
    for sheet in book.worksheets:
        lines.append(sheet.title)
        for row in sheet.iter_rows():
            cells = [_cell_text(cell) for cell in row]
            while cells and not cells[-1]:
                cells.pop()
            if any(cells):
                lines.append(" | ".join(cells))
    return "\n".join(lines)
