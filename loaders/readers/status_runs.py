"""Fixed-width runs of one cell per line: a header of N names (periods) and rows of exactly N lines each, the
values short status words; also a header of periods whose values were lost."""

from __future__ import annotations

import re

from loaders.readers.shapes import (
    VALUE_SHAPES,
    Shape,
    column_role,
    is_progress_column,
    shape,
    status_column_prefixes,
)
from loaders.readers.text_lines import Found, is_header_line, is_pipe_row, is_value_line, line_cell
from model.document import Cell, Line, Table
from model.text import fold

_CODE_LED = re.compile(r"^(\d{1,2}(?:\.\d{1,3}){1,4})\.?\s+\S")
_MAX_STATUS_WORDS = 6
_LOOKAHEAD = 4
_MAX_NAMES = 6
_MAX_STATUS_NAME_WORDS = 4
_MIN_LOST_ROWS = 3
_CODE = re.compile(r"^(?:[A-Z]{1,3}\d{0,3}|\d{1,2})(?:\.\d{1,3})*\.?$")  # 'T2', 'P1', '6', '6.1.2'
_NOT_A_CELL = {Shape.PROSE, Shape.PERIOD}


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
    if Shape.PERIOD not in name_kinds and not announced:
        lost = _statuses_lost(lines, start)
        if lost is not None:
            return lost
    status_named = Shape.PERIOD not in name_kinds and any(_status_name(n) for n in names)  # 'Status': own period
    if (
        width < (1 if announced else 2)
        or (Shape.PERIOD not in name_kinds and not status_named)
        or any(k not in {Shape.PERIOD, Shape.COLUMN} for k in name_kinds)
    ):
        return None
    statuses = [_status_name(n) and not is_progress_column(n) for n in names]
    labels = [column_role(n) == "label" or (is_progress_column(n) and any(statuses)) for n in names]
    label_columns = sum(labels)
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
        kinds = [  # a text column after the first ('Toelichting', 'Planning') may hold words, a sentence or a date
            "text" if label and i and kind != Shape.COLUMN.value else kind
            for i, (kind, label) in enumerate(zip(map(_chunk_kind, chunk), labels, strict=True))
        ]
        if any(
            is_pipe_row(line) or shape(line.text) in {Shape.PERIOD, Shape.COLUMN}
            for line, kind in zip(chunk, kinds, strict=True)
            if kind != "text"
        ):
            break
        if any(
            k != Shape.SHORT.value or not _status_like(line.text)
            for k, line, label in zip(kinds, chunk, labels, strict=True)
            if not label
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
    if not rows or (name_kinds.count(Shape.PERIOD) < 2 and len(rows) < 2) or (label_columns and not labels[0]):
        return None  # a row starts with its activity, then its statuses: a period before the name is a title
    header = tuple(line_cell(lines[start + i], name, True) for i, name in enumerate(names))
    body = [tuple(line_cell(line, line.text) for line in chunk) for chunk in rows]
    return Found(start, cursor, Table(rows=[header, *body], line=lines[start].number, header_rows=1, layout="stacked"))


def _statuses_lost(lines: list[Line], start: int) -> Found | None:
    """A header whose last names are status columns ('Prog.', 'Speerpunt', 'Status') over rows that hold only the
    other columns' cells, one per line, in the same arrangement row after row: the statuses were icons that the
    export lost. The rows get empty status cells."""
    cursor = start
    while cursor < len(lines) and cursor - start < _MAX_NAMES and is_header_line(lines[cursor]):
        if _status_name(lines[cursor].text):
            break
        cursor += 1
    named = cursor - start
    while cursor < len(lines) and _status_name(lines[cursor].text):
        cursor += 1
    statuses = cursor - start - named
    if not named or not statuses:
        return None
    rows: list[list[Line]] = []
    signature: list[bool] | None = None
    while cursor + named <= len(lines):
        chunk = lines[cursor : cursor + named]
        if any(is_pipe_row(line) or _status_name(line.text) or shape(line.text) in _NOT_A_CELL for line in chunk):
            break
        kinds = [bool(_CODE.match(line.text)) for line in chunk]
        if signature is None:
            signature = kinds
        elif kinds != signature:
            break
        rows.append(chunk)
        cursor += named
    if len(rows) < _MIN_LOST_ROWS or not any(signature or ()):
        return None
    header = tuple(line_cell(line, line.text, True) for line in lines[start : start + named + statuses])
    body = [(*(line_cell(line, line.text) for line in chunk), *[Cell("", chunk[-1].number)] * statuses) for chunk in rows]
    return Found(start, cursor, Table(rows=[header, *body], line=lines[start].number, header_rows=1, layout="stacked"))


def _status_name(text: str) -> bool:
    """A column name that announces statuses ('Status', 'Status 2e VGR', 'Stand van zaken')."""
    return len(text.split()) <= _MAX_STATUS_NAME_WORDS and fold(text).startswith(status_column_prefixes())


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
