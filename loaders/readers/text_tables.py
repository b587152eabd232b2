"""Tables in plain text, as web pages and PDF exports leave them.

Four layouts: rows of cells between pipes or tabs (empty cells kept); rows of a label followed by amounts
separated by spaces; one cell per line (a run of column names, then rows of a label and its values); and
fixed-width runs of one cell per line where every row has as many lines as the header has names.
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.readers.glued import glued_table
from loaders.readers.headers import (
    is_flat_header,
    leading_words,
    split_flat_header,
)
from loaders.readers.numeric_rows import read_row
from loaders.readers.shapes import VALUE_SHAPES, Shape, is_text_column, looks_like_header, shape
from loaders.readers.stacked_tables import stacked_table, starts_rows
from loaders.readers.status_runs import fixed_table
from loaders.readers.text_lines import Found, header_run_at, is_pipe_row, line_cell, pipe_cells
from model.amounts import parse_unit
from model.document import Cell, Line, Table

_MAX_SPACED_HEADER = 4
_MAX_SECTION_GAP = 3
_MAX_SINGLE_LABEL_WORDS = 10
_MIN_SINGLE_ROWS = 3
_MAX_SECTION_WORDS = 6
_GAP = re.compile(r"\s{2,}")  # the run of spaces between two aligned columns
_MIN_ALIGNED = 3  # header names of a table aligned with spaces
_MIN_ALIGNED_ROWS = 2


def _pipe_table(lines: list[Line], start: int) -> tuple[Found | None, int]:
    """The table of the run of pipe rows from `start` (section lines between them kept), and where the run ends:
    a run that is no table is skipped whole, so long runs are read once. A header of another width after a
    section line ('Kerngegevens') starts a table of its own."""
    end = start
    width = len(pipe_cells(lines[start].text))
    while end < len(lines):
        if is_pipe_row(lines[end]):
            end += 1
            continue
        gap = end
        while gap < len(lines) and gap - end < _MAX_SECTION_GAP and not is_pipe_row(lines[gap]) and _section_line(lines[gap]):
            gap += 1
        if gap == end or gap >= len(lines) or not is_pipe_row(lines[gap]):
            break
        after = pipe_cells(lines[gap].text)
        if len(after) != width and not any(shape(cell) in {Shape.NUMBER, Shape.MISSING} for cell in after):
            break  # a header of another width: a new table (the first rows' width may lack the label column)
        end = gap
    texts = [pipe_cells(line.text) for line in lines[start:end]]
    widest = max(len(row) for row in texts)
    if end - start < 2 and widest < 3:
        return None, end
    header = 1 if looks_like_header(texts[0]) else 0
    if widest < 3 and not header and not any(shape(text) in VALUE_SHAPES for row in texts for text in row[1:]):
        return None, end  # two columns of words are a table only under a header ('Activiteit | Status')
    rows = [tuple(line_cell(line, text) for text in row) for line, row in zip(lines[start:end], texts, strict=True)]
    return Found(start, end, Table(rows=rows, line=lines[start].number, header_rows=header, layout="pipes")), end


def _spaced_row(line: Line, minimum: int = 2) -> tuple[str, list[str]] | None:
    """(label, amount cells) when the line ends in at least `minimum` amounts after a short label."""
    if is_pipe_row(line):
        return None
    row = read_row(line)
    if row is None:
        return None
    label, cells = row
    if not label or len(cells) < minimum or shape(label) in VALUE_SHAPES:
        return None
    if all(shape(cell.raw) == Shape.YEAR for cell in cells):
        return None
    if minimum == 1 and (len(label.split()) > _MAX_SINGLE_LABEL_WORDS or label.endswith((".", ":", ","))):
        return None
    return label, [cell.raw for cell in cells]


def _starts_spaced(lines: list[Line], start: int) -> bool:
    """Rows of two or more amounts, or at least three rows in a row of one amount each."""
    if is_pipe_row(lines[start]) or read_row(lines[start]) is None:
        return False
    if _spaced_row(lines[start]) is not None:
        return True
    run = lines[start : start + _MIN_SINGLE_ROWS]
    return len(run) == _MIN_SINGLE_ROWS and all(_spaced_row(line, 1) is not None for line in run)


def _spaced_values(line: Line, expected: int) -> tuple[str, list[str]] | None:
    row = read_row(line, expected)
    if row is None or not row[0]:
        return None
    return row[0], [cell.raw for cell in row[1]]


def _section_line(line: Line) -> bool:
    """A short line without amounts between a header and the rows: a section ('Lasten', 'Saldo van ...')."""
    words = line.text.split()
    return 0 < len(words) <= _MAX_SECTION_WORDS and not is_flat_header(line.text) and read_row(line) is None


def _spaced_table(lines: list[Line], start: int, floor: int) -> Found | None:
    if not _starts_spaced(lines, start):
        return None
    rows: list[tuple[Line, str, list[str]]] = []
    cursor, gap = start, 0
    widths: Counter[int] = Counter()
    euro = "€" in lines[start].text
    while cursor < len(lines) and not is_pipe_row(lines[cursor]):
        text = lines[cursor].text
        if cursor > start and (is_flat_header(text) or parse_unit(text) is not None or ("€" in text) != euro):
            break
        single = widths.get(1) or cursor == start
        found = _spaced_row(lines[cursor], 1 if single else 2)
        if found is None and widths and not single:
            found = _spaced_values(lines[cursor], widths.most_common(1)[0][0])
            found = found if found and len(found[1]) >= 2 else None
        if found is not None:
            rows.append((lines[cursor], *found))
            widths[len(found[1])] += 1
            cursor, gap = cursor + 1, 0
            continue
        if gap >= _MAX_SECTION_GAP or shape(lines[cursor].text) == Shape.PROSE:
            break
        rows.append((lines[cursor], lines[cursor].text, []))
        cursor, gap = cursor + 1, gap + 1
    while rows and not rows[-1][2]:
        rows.pop()
    if sum(1 for _, _, values in rows if values) < 2:
        return None
    width = widths.most_common(1)[0][0]
    rows = [
        (line, *(_spaced_values(line, width) or (label, values))) if values else (line, label, values)
        for line, label, values in rows
    ]
    sections = start
    while sections > floor and start - sections < _MAX_SECTION_GAP and _section_line(lines[sections - 1]):
        sections -= 1
    header_start = sections
    while (
        header_start > floor
        and sections - header_start < _MAX_SPACED_HEADER
        and is_flat_header(lines[header_start - 1].text)
    ):
        header_start -= 1
    if header_start == sections:
        sections = header_start = start
    header_lines = lines[header_start:sections]
    rows = [(line, line.text, []) for line in lines[sections:start]] + rows
    names = split_flat_header([line.text for line in header_lines], width) if header_lines else None
    table_rows: list[tuple[Cell, ...]] = []
    if header_lines:
        anchor = header_lines[-1]
        if names:
            lead = " ".join(filter(None, (leading_words(line.text) for line in header_lines)))
        else:
            lead, names = " ".join(line.text for line in header_lines), [""] * width
        table_rows.append((line_cell(anchor, lead, True), *(line_cell(anchor, name, True) for name in names)))
    for line, label, values in rows:
        cells = [line_cell(line, label)] + [line_cell(line, value) for value in values]
        table_rows.append(tuple(cells))
    end = sections + len(rows)
    return Found(
        header_start,
        end,
        Table(rows=table_rows, line=lines[header_start].number, header_rows=1 if header_lines else 0, layout="spaced"),
    )


def _aligned_table(lines: list[Line], start: int) -> Found | None:
    """Columns aligned with runs of spaces under a header of three or more names ('Indicator   Eenheid   2022
    2023'): every row has as many cells as the header, cut at those runs (so a unit is a column of its own and a
    lone '-' an empty cell); a short line between rows is a section. Rows need a value in their last cell before
    any text columns at the end ('Bron')."""
    names = _GAP.split(lines[start].text.strip())
    if len(names) < _MIN_ALIGNED or start + 1 >= len(lines) or is_pipe_row(lines[start]):
        return None
    if len(_GAP.split(lines[start + 1].text.strip())) != len(names) or not looks_like_header(names):
        return None  # the first row has as many cells as the header: most lines fail that without a look at them
    body: list[tuple[Cell, ...]] = []
    last = len(names) - 1
    while last > 1 and is_text_column(names[last]):
        last -= 1  # a source or a remark at the end ('Bron': CBS): the row's last value is before it
    cursor = start + 1
    while cursor < len(lines) and not is_pipe_row(lines[cursor]):
        line = lines[cursor]
        parts = _GAP.split(line.text.strip())
        if len(parts) == len(names) and shape(parts[last]) in VALUE_SHAPES:
            body.append(tuple(line_cell(line, text) for text in parts))
        elif len(parts) == 1 and body and _section_line(line) and cursor + 1 < len(lines):
            body.append((line_cell(line, line.text), *(line_cell(line, "") for _ in names[1:])))
        else:
            break
        cursor += 1
    while body and not any(cell.text for cell in body[-1][1:]):
        body.pop()
        cursor -= 1
    if sum(1 for row in body if any(cell.text for cell in row[1:])) < _MIN_ALIGNED_ROWS:
        return None
    header = tuple(line_cell(lines[start], name, True) for name in names)
    return Found(start, cursor, Table(rows=[header, *body], line=lines[start].number, header_rows=1, layout="spaced"))


def find_tables(lines: list[Line]) -> list[Found]:
    """Every table among `lines`, in order, none overlapping."""
    found: list[Found] = []
    floor = 0
    index = 0
    while index < len(lines):
        if is_pipe_row(lines[index]):
            table, end = _pipe_table(lines, index)
            if table is None:
                index = max(end, index + 1)
                continue
        else:
            table = _table_at(lines, index, floor)
        if table is None:
            index += 1
            continue
        found.append(table)
        floor = index = max(table.end, index + 1)
    return found


def _table_at(lines: list[Line], index: int, floor: int) -> Found | None:
    glued = glued_table(lines, index)
    if glued is not None:
        return Found(index, glued[1], glued[0])
    aligned = _aligned_table(lines, index) if "  " in lines[index].text else None
    if aligned is not None:
        return aligned
    spaced = _spaced_table(lines, index, floor)
    if spaced is not None:
        return spaced
    if header_run_at(lines, index):
        fixed = fixed_table(lines, index)
        if fixed is not None:
            return fixed
    if starts_rows(lines, index):
        return stacked_table(lines, index + 1, floor)
    return None
