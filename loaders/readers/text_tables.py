"""Tables in plain text, as web pages and PDF exports leave them.

Four layouts: rows of cells between pipes or tabs (empty cells kept); rows of a label followed by amounts
separated by spaces; one cell per line (a run of column names, then rows of a label and its values); and
fixed-width runs of one cell per line where every row has as many lines as the header has names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from loaders.readers.glued import glued_table
from loaders.readers.headers import (
    group_header_lines,
    is_continuation,
    is_flat_header,
    leading_words,
    simple_groups,
    split_flat_header,
)
from loaders.readers.numeric_rows import read_row
from loaders.readers.shapes import VALUE_SHAPES, Shape, column_role, looks_like_header, shape
from model.amounts import parse_unit
from model.document import Cell, Line, Table
from model.periods import YEAR

_PIPE_SPLIT = re.compile(r"\s*\|\s*|\t")
_CODE_LED = re.compile(r"^(\d{1,2}(?:\.\d{1,3}){1,4})\.?\s+\S")
_MAX_HEADER_LINES = 16
_MAX_SPACED_HEADER = 4
_MAX_SECTION_GAP = 3
_MAX_ROW_NUMBER = 999
_MAX_YEAR_NAME_WORDS = 5
_MAX_SINGLE_LABEL_WORDS = 10
_MIN_SINGLE_ROWS = 3
_MAX_SECTION_WORDS = 6
_MAX_STATUS_WORDS = 6
_LOOKAHEAD = 4
_MAX_FIRST_LABELS = 3


@dataclass
class Found:
    """A table found among the lines: the index of its first and after its last line, and the table."""

    start: int
    end: int
    table: Table


def _cell(line: Line, text: str, header: bool = False) -> Cell:
    return Cell(text=text, line=line.number, header=header)


# --- pipes and tabs ---------------------------------------------------------------------------------------------


def _is_pipe_row(line: Line) -> bool:
    return "|" in line.text or "\t" in line.text


def pipe_cells(text: str) -> list[str]:
    """The cells of a '|' or tab separated row, empty inner cells kept, the empty edges of '| a | b |' dropped."""
    stripped = text.strip()
    parts = [part.strip() for part in _PIPE_SPLIT.split(stripped)]
    framed = stripped.startswith("|") and stripped.endswith("|")
    if framed and parts and not parts[0]:
        parts = parts[1:]
    if stripped.endswith("|") and parts and not parts[-1]:
        parts = parts[:-1]
    return parts


def _pipe_table(lines: list[Line], start: int) -> Found | None:
    end = start
    while end < len(lines):
        if _is_pipe_row(lines[end]):
            end += 1
            continue
        gap = end
        while gap < len(lines) and gap - end < _MAX_SECTION_GAP and _section_line(lines[gap]):
            gap += 1
        if gap == end or gap >= len(lines) or not _is_pipe_row(lines[gap]):
            break
        end = gap
    rows = [tuple(_cell(line, text) for text in pipe_cells(line.text)) for line in lines[start:end]]
    widest = max(len(row) for row in rows)
    valued = any(shape(cell.text) in VALUE_SHAPES for row in rows for cell in row[1:])
    if (end - start < 2 and widest < 3) or (widest < 3 and not valued):
        return None
    header = 1 if looks_like_header([c.text for c in rows[0]]) else 0
    return Found(start, end, Table(rows=rows, line=lines[start].number, header_rows=header, layout="pipes"))


# --- space-separated amounts --------------------------------------------------------------------------------------


def _spaced_row(line: Line, minimum: int = 2) -> tuple[str, list[str]] | None:
    """(label, amount cells) when the line ends in at least `minimum` amounts after a short label."""
    if _is_pipe_row(line):
        return None
    row = read_row(0, line)
    if row is None or not row.label or len(row.cells) < minimum or shape(row.label) in VALUE_SHAPES:
        return None
    if all(shape(cell.raw) == Shape.YEAR for cell in row.cells):
        return None
    if minimum == 1 and (len(row.label.split()) > _MAX_SINGLE_LABEL_WORDS or row.label.endswith((".", ":", ","))):
        return None
    return row.label, [cell.raw for cell in row.cells]


def _starts_spaced(lines: list[Line], start: int) -> bool:
    """Rows of two or more amounts, or at least three rows in a row of one amount each."""
    if _spaced_row(lines[start]) is not None:
        return True
    run = lines[start : start + _MIN_SINGLE_ROWS]
    return len(run) == _MIN_SINGLE_ROWS and all(_spaced_row(line, 1) is not None for line in run)


def _spaced_values(line: Line, expected: int) -> tuple[str, list[str]] | None:
    row = read_row(0, line, expected)
    if row is None or not row.label:
        return None
    return row.label, [cell.raw for cell in row.cells]


def _section_line(line: Line) -> bool:
    """A short line without amounts between a header and the rows: a section ('Lasten', 'Saldo van ...')."""
    words = line.text.split()
    return 0 < len(words) <= _MAX_SECTION_WORDS and not is_flat_header(line.text) and read_row(0, line) is None


def _spaced_table(lines: list[Line], start: int, floor: int) -> Found | None:
    if not _starts_spaced(lines, start):
        return None
    rows: list[tuple[Line, str, list[str]]] = []
    cursor, gap = start, 0
    widths: Counter[int] = Counter()
    euro = "€" in lines[start].text
    while cursor < len(lines) and not _is_pipe_row(lines[cursor]):
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
    rows = [(line, *(_spaced_values(line, width) or (label, values))) if values else (line, label, values)
            for line, label, values in rows]
    sections = start
    while sections > floor and start - sections < _MAX_SECTION_GAP and _section_line(lines[sections - 1]):
        sections -= 1
    header_start = sections
    while header_start > floor and sections - header_start < _MAX_SPACED_HEADER and is_flat_header(
        lines[header_start - 1].text
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
        table_rows.append((_cell(anchor, lead, True), *(_cell(anchor, name, True) for name in names)))
    for line, label, values in rows:
        cells = [_cell(line, label)] + [_cell(line, value) for value in values]
        table_rows.append(tuple(cells))
    end = sections + len(rows)
    return Found(
        header_start,
        end,
        Table(rows=table_rows, line=lines[header_start].number, header_rows=1 if header_lines else 0, layout="spaced"),
    )


# --- one cell per line -------------------------------------------------------------------------------------------


def _is_value(line: Line) -> bool:
    return not _is_pipe_row(line) and shape(line.text) in VALUE_SHAPES


def _is_header_line(line: Line) -> bool:
    """A column name or part of one: a period, a column word, a year, or a short name with a year."""
    if _is_pipe_row(line):
        return False
    kind = shape(line.text)
    if kind in {Shape.PERIOD, Shape.COLUMN, Shape.YEAR} or is_continuation(line.text):
        return True
    return kind == Shape.SHORT and len(line.text.split()) <= _MAX_YEAR_NAME_WORDS and bool(YEAR.search(line.text))


def _row_number(text: str) -> bool:
    """A small whole number or a code before a row's label ('1', '6.1')."""
    kind = shape(text)
    return kind == Shape.CODE or (kind == Shape.NUMBER and text.isdigit() and int(text) <= _MAX_ROW_NUMBER)


def _header_run_at(lines: list[Line], index: int) -> bool:
    """Two header lines in a row that are followed by values within a few lines: a new table starts."""
    if index + 1 >= len(lines) or not (_is_header_line(lines[index]) and _is_header_line(lines[index + 1])):
        return False
    return shape(lines[index].text) in {Shape.PERIOD, Shape.COLUMN, Shape.YEAR}


@dataclass
class _Row:
    labels: list[Line]
    values: list[tuple[Line, str]]
    last: int = 0  # index of the row's last line


def _read_rows(lines: list[Line], start: int, cap: int | None, label_columns: int) -> tuple[list[_Row], int]:
    """Rows from `start`: label lines then value lines, at most `cap` values a row; returns rows and the end."""
    rows: list[_Row] = []
    current = _Row([], [])
    bare_labels = 0
    uses_markers = False
    cursor = start
    while cursor < len(lines):
        line = lines[cursor]
        if _is_pipe_row(line):
            break
        kind = shape(line.text)
        full = cap is not None and len(current.values) >= cap
        if current.values and (kind == Shape.MARKER or (line.text == "-" and uses_markers)):
            uses_markers = uses_markers or kind == Shape.MARKER
            value_line, text = current.values[-1]
            current.values[-1] = (value_line, f"{text} {line.text}" if kind == Shape.MARKER else text)
            current.last = cursor
            cursor += 1
            continue
        if kind in VALUE_SHAPES and current.labels and not full:
            current.values.append((line, line.text))
            current.last = cursor
            bare_labels = 0
            cursor += 1
            continue
        if kind in VALUE_SHAPES | {Shape.MARKER} and not _row_number(line.text):
            break
        if cursor > start and _header_run_at(lines, cursor):
            break
        if current.values:
            rows.append(current)
            current = _Row([], [])
        current.labels.append(line)
        current.last = cursor
        bare_labels += 1
        if bare_labels > label_columns + 2:
            break
        cursor += 1
    if current.labels:
        rows.append(current)
    while rows and not rows[-1].values:
        rows.pop()
    return rows, (rows[-1].last + 1 if rows else start)


def _header_above(lines: list[Line], label_start: int, floor: int) -> int:
    """Index of the first header line above the first row's label (label_start when there is none)."""
    index = label_start
    while (
        index > floor
        and label_start - index < _MAX_HEADER_LINES
        and _is_header_line(lines[index - 1])
        and parse_unit(lines[index - 1].text) is None
    ):
        index -= 1
    while index < label_start and is_continuation(lines[index].text):
        index += 1
    return index


def _first_label(lines: list[Line], first_value: int, floor: int) -> int:
    """Index where the first row's label starts: the labels right above the first value when a header is above
    them, else only the line above the first value (and a row number above it)."""
    start = first_value - 1
    while (
        start - 1 >= floor
        and first_value - start < _MAX_FIRST_LABELS
        and not _is_header_line(lines[start - 1])
        and (not _is_value(lines[start - 1]) or _row_number(lines[start - 1].text))
    ):
        start -= 1
    if start - 1 >= floor and _is_header_line(lines[start - 1]):
        return start
    start = first_value - 1
    if start - 1 >= floor and _row_number(lines[start - 1].text) and not _is_value(lines[start]):
        start -= 1
    return start


def _split_header(texts: list[str]) -> tuple[list[str], list[str]]:
    """Header lines into the label columns' names (the leading ones) and the value columns' lines."""
    count = 0
    while count < len(texts) and column_role(texts[count]) == "label":
        count += 1
    return texts[:count], texts[count:]


def _arrange(row: _Row, label_columns: int) -> list[tuple[list[Line], list[tuple[Line, str]]]]:
    """A row's label lines as label cells; extra leading labels become rows of their own (sections)."""
    labels = list(row.labels)
    if len(labels) > label_columns and len(labels) >= 2 and _row_number(labels[-label_columns - 1].text):
        number, first = labels[-label_columns - 1], labels[-label_columns]
        merged = Line(number.number, f"{number.text} {first.text}", (number.text, first.text))
        labels = [*labels[: -label_columns - 1], merged, *labels[len(labels) - label_columns + 1 :]]
    extra = max(0, len(labels) - label_columns)
    rows = [([label], []) for label in labels[:extra]]
    rows.append((labels[extra:], row.values))
    return rows


def _stacked_table(lines: list[Line], first_value: int, floor: int) -> Found | None:
    label_start = _first_label(lines, first_value, floor)
    if label_start < floor or (_is_value(lines[label_start]) and not _row_number(lines[label_start].text)):
        return None
    header_start = _header_above(lines, label_start, floor)
    header_texts = [line.text for line in lines[header_start:label_start]]
    label_names, value_texts = _split_header(header_texts)
    groups = simple_groups(value_texts) if value_texts else []
    label_columns = max(1, len(label_names))
    rows, end = _read_rows(lines, label_start, len(groups) or None, label_columns)
    widest_label = max((len(row.labels) for row in rows if row.values), default=label_columns)
    if len(label_names) > max(1, widest_label):
        # more label names than any row has labels: the first are a title above the header ('Indicatoren')
        header_start += len(label_names) - max(1, widest_label)
        label_names = label_names[len(label_names) - max(1, widest_label) :]
        label_columns = len(label_names)
    with_values = [row for row in rows if row.values]
    if not with_values or (not groups and len(with_values) < 2):
        return None
    widths = Counter(len(row.values) for row in with_values)
    most = max(widths)
    if groups and 2 <= most < len(groups) and widths[most] * 5 >= len(with_values) * 4:
        regrouped = group_header_lines(value_texts, most)
        groups = regrouped or groups
    width = max(most, len(groups))
    table_rows: list[tuple[Cell, ...]] = []
    if groups:
        anchor = lines[label_start - 1]
        names = [*label_names, *[""] * (label_columns - len(label_names))]
        header = [_cell(anchor, name, True) for name in names]
        header += [_cell(anchor, name, True) for name in [*groups, *[""] * (width - len(groups))]]
        table_rows.append(tuple(header))
    for row in rows:
        for labels, values in _arrange(row, label_columns):
            label_cells = [_cell(label, label.text) for label in labels]
            padding = [Cell("", labels[0].number)] * (label_columns - len(label_cells))
            value_cells = [_cell(line, text) for line, text in values]
            filler = [Cell("", (values[-1][0] if values else labels[-1]).number)] * (width - len(values))
            table_rows.append((*padding, *label_cells, *value_cells, *filler))
    return Found(
        header_start if groups else label_start,
        end,
        Table(rows=table_rows, line=lines[header_start].number, header_rows=1 if groups else 0, layout="stacked"),
    )


def _fixed_table(lines: list[Line], start: int) -> Found | None:
    """A header run of N names followed by rows of exactly N lines each, the values short texts (statuses)."""
    announced = False
    while start < len(lines) and column_role(lines[start].text) == "value" and shape(lines[start].text) != Shape.PERIOD:
        start += 1
        announced = True
    end_header = start
    while end_header < len(lines) and _is_header_line(lines[end_header]) and not _is_value(lines[end_header]):
        end_header += 1
    names = [line.text for line in lines[start:end_header]]
    width = len(names)
    name_kinds = [shape(n) for n in names]
    if width < (1 if announced else 2) or Shape.PERIOD not in name_kinds or any(k not in {Shape.PERIOD, Shape.COLUMN} for k in name_kinds):
        return None
    label_columns = sum(1 for n in names if column_role(n) == "label")
    if label_columns >= width or any(_is_value(line) for line in lines[end_header : end_header + _LOOKAHEAD]):
        return None
    rows: list[list[Line]] = []
    cursor = end_header
    signature: list[str] | None = None
    if label_columns == 0:
        partial = _partial_row(lines, end_header, width)
        if partial is not None:
            header = tuple(_cell(lines[start + i], name, True) for i, name in enumerate(names))
            empty = [Cell("", partial[0].number)] * (width - len(partial))
            row = (*empty, *(_cell(line, line.text) for line in partial))
            table = Table(rows=[header, row], line=lines[start].number, header_rows=1, layout="stacked")
            table.ragged = len(partial) < width
            return Found(start, end_header + len(partial), table)
    while cursor + width <= len(lines):
        chunk = lines[cursor : cursor + width]
        kinds = [_chunk_kind(line) for line in chunk]
        if any(_is_pipe_row(line) or shape(line.text) in {Shape.PERIOD, Shape.COLUMN} for line in chunk):
            break
        if any(k != Shape.SHORT.value or not _status_like(line.text) for k, line in zip(
            kinds[label_columns:], chunk[label_columns:], strict=True
        )):
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
    header = tuple(_cell(lines[start + i], name, True) for i, name in enumerate(names))
    body = [tuple(_cell(line, line.text) for line in chunk) for chunk in rows]
    return Found(start, cursor, Table(rows=[header, *body], line=lines[start].number, header_rows=1, layout="stacked"))


def _partial_row(lines: list[Line], start: int, width: int) -> list[Line] | None:
    """Up to `width` status words right below a header of periods (fewer when cells were lost)."""
    found: list[Line] = []
    while start + len(found) < len(lines) and len(found) < width:
        line = lines[start + len(found)]
        if _is_pipe_row(line) or _is_header_line(line) or not _status_like(line.text):
            break
        if shape(line.text) != Shape.SHORT:
            break
        found.append(line)
    return found or None


def _header_only(lines: list[Line], start: int, end_header: int, names: list[str]) -> Found:
    """A header of periods without values (icons lost): the header, and the activities listed below it."""
    header = tuple(_cell(lines[start + i], name, True) for i, name in enumerate(names))
    rows: list[tuple[Cell, ...]] = [header]
    cursor = end_header
    codes: list[str] = []
    while cursor < len(lines) and (match := _CODE_LED.match(lines[cursor].text)):
        code = match.group(1)
        if code in codes or (codes and code.count(".") != codes[0].count(".")):
            break
        codes.append(code)
        rows.append((_cell(lines[cursor], lines[cursor].text),))
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


# --- all layouts --------------------------------------------------------------------------------------------------


def find_tables(lines: list[Line]) -> list[Found]:
    """Every table among `lines`, in order, none overlapping."""
    found: list[Found] = []
    floor = 0
    index = 0
    while index < len(lines):
        table = _table_at(lines, index, floor)
        if table is None:
            index += 1
            continue
        found.append(table)
        floor = index = max(table.end, index + 1)
    return found


def _table_at(lines: list[Line], index: int, floor: int) -> Found | None:
    line = lines[index]
    if _is_pipe_row(line):
        return _pipe_table(lines, index)
    glued = glued_table(lines, index)
    if glued is not None:
        return Found(index, glued[1], glued[0])
    spaced = _spaced_table(lines, index, floor)
    if spaced is not None:
        return spaced
    if _header_run_at(lines, index):
        fixed = _fixed_table(lines, index)
        if fixed is not None:
            return fixed
    if _starts_rows(lines, index):
        return _stacked_table(lines, index + 1, floor)
    return None


def _starts_rows(lines: list[Line], index: int) -> bool:
    """A label followed by a value, where the label is not a column name whose year or row number follows."""
    if index + 1 >= len(lines) or not _is_value(lines[index + 1]) or _is_value(lines[index]):
        return False
    if not _is_header_line(lines[index]):
        return True
    following = lines[index + 1].text
    if shape(following) == Shape.YEAR:
        return False
    return not (_row_number(following) and index + 2 < len(lines) and not _is_value(lines[index + 2]))
