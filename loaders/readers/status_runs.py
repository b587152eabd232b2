"""Fixed-width runs of one cell per line: a header of N names (periods) and rows of exactly N lines each, the
values short status words; also a header of periods whose values were lost."""

from __future__ import annotations

import re

from loaders.readers.shapes import VALUE_SHAPES, Shape, column_role, shape
from loaders.readers.text_lines import Found, is_header_line, is_pipe_row, is_value_line, line_cell
from model.document import Cell, Line, Table

_CODE_LED = re.compile(r"^(\d{1,2}(?:\.\d{1,3}){1,4})\.?\s+\S")
_MAX_STATUS_WORDS = 6
_LOOKAHEAD = 4


def fixed_table(lines: list[Line], start: int) -> Found | None:
    """A header run of N names followed by rows of exactly N lines each, the values short texts (statuses)."""
    announced = False
    while start < len(lines) and column_role(lines[start].text) == "value" and shape(lines[start].text) != Shape.PERIOD:
        start += 1
        announced = True
    end_header = start
    while end_header < len(lines) and is_header_line(lines[end_header]) and not is_value_line(lines[end_header]):
        end_header += 1
    names = [line.text for line in lines[start:end_header]]
    width = len(names)
    name_kinds = [shape(n) for n in names]
    if (
        width < (1 if announced else 2)
        or Shape.PERIOD not in name_kinds
        or any(k not in {Shape.PERIOD, Shape.COLUMN} for k in name_kinds)
    ):
        return None
    label_columns = sum(1 for n in names if column_role(n) == "label")
    if label_columns >= width or any(is_value_line(line) for line in lines[end_header : end_header + _LOOKAHEAD]):
        return None
    rows: list[list[Line]] = []
    cursor = end_header
    signature: list[str] | None = None
    if label_columns == 0:
        partial = _partial_row(lines, end_header, width)
        if partial is not None:
            header = tuple(line_cell(lines[start + i], name, True) for i, name in enumerate(names))
            empty = [Cell("", partial[0].number)] * (width - len(partial))
            row = (*empty, *(line_cell(line, line.text) for line in partial))
            table = Table(rows=[header, row], line=lines[start].number, header_rows=1, layout="stacked")
            table.ragged = len(partial) < width
            return Found(start, end_header + len(partial), table)
    while cursor + width <= len(lines):
        chunk = lines[cursor : cursor + width]
        kinds = [_chunk_kind(line) for line in chunk]
        if any(is_pipe_row(line) or shape(line.text) in {Shape.PERIOD, Shape.COLUMN} for line in chunk):
            break
        if any(
            k != Shape.SHORT.value or not _status_like(line.text)
            for k, line in zip(kinds[label_columns:], chunk[label_columns:], strict=True)
        ):
            break
        if signature is None:
            signature = kinds
        elif kinds != signature:
            break
        rows.append(chunk)
        cursor += width
    if not rows and name_kinds.count(Shape.PERIOD) >= 2:
        return _header_only(lines, start, end_header, names)
    if not rows or (name_kinds.count(Shape.PERIOD) < 2 and len(rows) < 2):
        return None
    header = tuple(line_cell(lines[start + i], name, True) for i, name in enumerate(names))
    body = [tuple(line_cell(line, line.text) for line in chunk) for chunk in rows]
    return Found(start, cursor, Table(rows=[header, *body], line=lines[start].number, header_rows=1, layout="stacked"))


def _partial_row(lines: list[Line], start: int, width: int) -> list[Line] | None:
    """Up to `width` status words right below a header of periods (fewer when cells were lost)."""
    found: list[Line] = []
    while start + len(found) < len(lines) and len(found) < width:
        line = lines[start + len(found)]
        if is_pipe_row(line) or is_header_line(line) or not _status_like(line.text):
            break
        if shape(line.text) != Shape.SHORT:
            break
        found.append(line)
    return found or None


def _header_only(lines: list[Line], start: int, end_header: int, names: list[str]) -> Found:
    """A header of periods without values (icons lost): the header, and the activities listed below it."""
    header = tuple(line_cell(lines[start + i], name, True) for i, name in enumerate(names))
    rows: list[tuple[Cell, ...]] = [header]
    cursor = end_header
    codes: list[str] = []
    while cursor < len(lines) and (match := _CODE_LED.match(lines[cursor].text)):
        code = match.group(1)
        if code in codes or (codes and code.count(".") != codes[0].count(".")):
            break
        codes.append(code)
        rows.append((line_cell(lines[cursor], lines[cursor].text),))
        cursor += 1
    return Found(start, cursor, Table(rows=rows, line=lines[start].number, header_rows=1, layout="stacked"))


def _status_like(text: str) -> bool:
    """Short words without figures or a sentence's end: 'Volgens plan', 'duim omhoog', 'G'."""
    return len(text.split()) <= _MAX_STATUS_WORDS and not re.search(r"[\d€]", text) and not text.endswith((".", ":"))


def _chunk_kind(line: Line) -> str:
    kind = shape(line.text)
    if kind == Shape.PROSE:
        return "prose"
    if re.match(r"^\d{1,2}(?:\.\d{1,3}){1,4}\s+\S", line.text):
        return "code-text"
    return "value" if kind in VALUE_SHAPES else kind.value
