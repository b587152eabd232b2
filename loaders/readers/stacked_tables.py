"""Tables of one cell per line, as web pages leave them: a run of column names, then rows of a label (or a row
number and a label) and its values."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.readers.headers import (
    group_header_lines,
    is_continuation,
    simple_groups,
)
from loaders.readers.shapes import VALUE_SHAPES, Shape, column_role, is_text_column, shape
from loaders.readers.text_lines import (
    Found,
    header_run_at,
    is_header_line,
    is_pipe_row,
    is_value_line,
    line_cell,
    row_number,
)
from model.amounts import parse_unit
from model.document import Cell, Line, Table

_MAX_HEADER_LINES = 16
_MAX_FIRST_LABELS = 3
_CODE_CELL = 1  # characters of a letter cell ('I', 'S')
_OWN_YEAR_VALUE = re.compile(r"^(?:19|20)\d\d:\s*(?:€\s*)?-?\d[\d.,]*\s*%?(?:\s+[a-z]{1,6})?$")  # '2017: 174 kg'


@dataclass
class _Row:
    labels: list[Line]
    values: list[tuple[Line, str]]
    last: int = 0  # index of the row's last line
    texts: list[Line] = field(default_factory=list)  # cells of the trailing text columns ('Bron': CBS)


def _read_rows(
    lines: list[Line], start: int, cap: int | None, label_columns: int, text_columns: int = 0
) -> tuple[list[_Row], int]:
    """Rows from `start`: label lines, value lines (at most `cap`), then up to `text_columns` text cells; returns
    rows and the end."""
    rows: list[_Row] = []
    current = _Row([], [])
    bare_labels = 0
    uses_markers = False
    cursor = start
    while cursor < len(lines):
        line = lines[cursor]
        if is_pipe_row(line):
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
        if current.values and not full and _names_the_next_value(lines, cursor):
            current.values.append((line, f"{line.text} {lines[cursor + 1].text}"))  # '2019: € 248'
            current.last = cursor + 1
            cursor += 2
            continue
        if current.values and not full and (
            _OWN_YEAR_VALUE.match(line.text) or (cap and _text_between_values(lines, cursor, cap - len(current.values)))
        ):
            current.values.append((line, line.text))  # '2017: 174 kg', 'Nader bepalen' between two values
            current.last = cursor
            cursor += 1
            continue
        if kind in VALUE_SHAPES | {Shape.MARKER} and not row_number(line.text):
            break
        if cursor > start and header_run_at(lines, cursor):
            break
        if current.values and len(current.texts) < text_columns and _carries_text(lines, cursor, label_columns):
            current.texts.append(line)
            current.last = cursor
            cursor += 1
            continue
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


def _carries_text(lines: list[Line], index: int, label_columns: int) -> bool:
    """The text line after a row's values is that row's text cell ('CBS') when more text lines than a row has
    labels come before the next value (else it is the next row's label), or when no row follows and it is
    no sentence."""
    count = 0
    while index + count < len(lines) and count <= label_columns + 1:
        following = lines[index + count]
        if is_pipe_row(following):
            break
        if _value_line(following):
            return count > label_columns
        count += 1
    return shape(lines[index].text) != Shape.PROSE


def _value_line(line: Line) -> bool:
    return shape(line.text) in VALUE_SHAPES or bool(_OWN_YEAR_VALUE.match(line.text))


def _text_between_values(lines: list[Line], index: int, missing: int) -> bool:
    """A text line in a row that lacks `missing` values, followed by exactly the values that then complete it:
    a value cell in words ('Nader bepalen'), not the label of the next row."""
    if shape(lines[index].text) == Shape.PROSE:
        return False
    following = 0
    while index + 1 + following < len(lines) and _value_line(lines[index + 1 + following]):
        following += 1
    return following > 0 and following + 1 == missing


def _names_the_next_value(lines: list[Line], index: int) -> bool:
    """A year with a colon on its own line before a value: the value's own year ('2019:' / '€ 248', a national
    figure of another year than the columns), one cell with it."""
    text = lines[index].text
    return (
        index + 1 < len(lines)
        and text.endswith(":")
        and shape(text[:-1]) == Shape.YEAR
        and is_value_line(lines[index + 1])
    )


def _header_above(lines: list[Line], label_start: int, floor: int) -> int:
    """Index of the first header line above the first row's label (label_start when there is none)."""
    index = label_start
    while (
        index > floor
        and label_start - index < _MAX_HEADER_LINES
        and is_header_line(lines[index - 1])
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
        and not is_header_line(lines[start - 1])
        and (not is_value_line(lines[start - 1]) or row_number(lines[start - 1].text))
    ):
        start -= 1
    if start - 1 >= floor and is_header_line(lines[start - 1]):
        return start
    start = first_value - 1
    if start - 1 >= floor and row_number(lines[start - 1].text) and not is_value_line(lines[start]):
        start -= 1
    return start


def _split_header(texts: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Header lines into the label columns' names (the leading ones), the value columns' lines and the trailing
    names of text columns ('Bron', tables.toml text_columns): their cells are words, not figures."""
    count = 0
    while count < len(texts) and column_role(texts[count]) == "label":
        count += 1
    end = len(texts)
    while end > count + 1 and is_text_column(texts[end - 1]):
        end -= 1
    return texts[:count], texts[count:end], texts[end:]


def _arrange(row: _Row, label_columns: int) -> list[tuple[list[Line], list[tuple[Line, str]]]]:
    """A row's label lines as label cells; extra leading labels become rows of their own (sections)."""
    labels = list(row.labels)
    if len(labels) > label_columns and len(labels) >= 2 and row_number(labels[-label_columns - 1].text):
        number, first = labels[-label_columns - 1], labels[-label_columns]
        merged = Line(number.number, f"{number.text} {first.text}", (number.text, first.text))
        labels = [*labels[: -label_columns - 1], merged, *labels[len(labels) - label_columns + 1 :]]
    extra = max(0, len(labels) - label_columns)
    rows = [([label], []) for label in labels[:extra]]
    rows.append((labels[extra:], row.values))
    return rows


def _complete(rows: list[_Row], label_columns: int, text_columns: int) -> bool:
    """Every row has as many labels as the table has label columns, and (but the last) all its text cells."""
    valued = [row for row in rows if row.values]
    return len(valued) >= 2 and all(
        len(row.labels) == label_columns and (row is valued[-1] or len(row.texts) == text_columns) for row in valued
    )


def _odd_last_texts(rows: list[_Row]) -> int:
    """Drop the last row's text cells from the first one unlike its column's ('I', 'S', then a heading below the
    table): that line is what follows the table. Returns how many lines were dropped."""
    if len(rows) < 2 or not rows[-1].texts:
        return 0
    last = rows[-1]
    for position, line in enumerate(last.texts):
        above = [row.texts[position].text for row in rows[:-1] if len(row.texts) > position]
        if above and all(len(text) <= _CODE_CELL for text in above) and len(line.text) > _CODE_CELL:
            dropped = len(last.texts) - position
            del last.texts[position:]
            last.last -= dropped
            return dropped
    return 0


def _header(header: list[Line]) -> tuple[list[str], list[str], list[str], list[str]]:
    """The header lines' label names, value column lines, text column names and value column names."""
    label_names, value_texts, text_names = _split_header([line.text for line in header])
    groups = simple_groups(value_texts) if value_texts else []
    return label_names, value_texts, text_names if groups else [], groups


def _labels_in_header(rows: list[_Row], label_columns: int, header: list[Line]) -> int:
    """How many of the header's last lines are the first row's labels: the first row has fewer labels than the
    header names label columns while every other row has them all, and those lines are no year or period (not
    asked of a table with text columns at the end: their cells can pass for the next row's labels)."""
    valued = [row for row in rows if row.values]
    if len(valued) < 2 or rows[0] is not valued[0] or any(len(row.labels) != label_columns for row in valued[1:]):
        return 0
    missing = label_columns - len(valued[0].labels)
    if missing <= 0 or missing >= len(header) - label_columns:
        return 0
    if any(shape(line.text) in {Shape.YEAR, Shape.PERIOD} for line in header[-missing:]):
        return 0
    return missing


def stacked_table(lines: list[Line], first_value: int, floor: int) -> Found | None:
    label_start = _first_label(lines, first_value, floor)
    if label_start < floor or (is_value_line(lines[label_start]) and not row_number(lines[label_start].text)):
        return None
    header_start = _header_above(lines, label_start, floor)
    label_names, value_texts, text_names, groups = _header(lines[header_start:label_start])
    label_columns = max(1, len(label_names))
    rows, end = _read_rows(lines, label_start, len(groups) or None, label_columns, len(text_names))
    taken = 0 if text_names else _labels_in_header(rows, label_columns, lines[header_start:label_start])
    if taken:  # the first row's name looked like a column name ('Aantal inwoners' above its unit 'aantal')
        label_start -= taken
        label_names, value_texts, text_names, groups = _header(lines[header_start:label_start])
        rows, end = _read_rows(lines, label_start, len(groups) or None, label_columns, len(text_names))
    if label_columns >= 2 and text_names and not _complete(rows, label_columns, len(text_names)):
        fewer, fewer_end = _read_rows(lines, label_start, len(groups) or None, label_columns - 1, len(text_names))
        if _complete(fewer, label_columns - 1, len(text_names)):
            rows, end = fewer, fewer_end  # the first label name is a title above the header ('Indicatoren')
    end -= _odd_last_texts(rows)
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
        header = [line_cell(anchor, name, True) for name in names]
        header += [line_cell(anchor, name, True) for name in [*groups, *[""] * (width - len(groups)), *text_names]]
        table_rows.append(tuple(header))
    for row in rows:
        for labels, values in _arrange(row, label_columns):
            label_cells = [line_cell(label, label.text) for label in labels]
            padding = [Cell("", labels[0].number)] * (label_columns - len(label_cells))
            value_cells = [line_cell(line, text) for line, text in values]
            filler = [Cell("", (values[-1][0] if values else labels[-1]).number)] * (width - len(values))
            texts = [line_cell(line, line.text) for line in row.texts] if values is row.values else []
            blank = [Cell("", labels[-1].number)] * (len(text_names) - len(texts))
            table_rows.append((*padding, *label_cells, *value_cells, *filler, *texts, *blank))
    return Found(
        header_start if groups else label_start,
        end,
        Table(rows=table_rows, line=lines[header_start].number, header_rows=1 if groups else 0, layout="stacked"),
    )


def starts_rows(lines: list[Line], index: int) -> bool:
    """A label followed by a value, where the label is not a column name whose year or row number follows."""
    if index + 1 >= len(lines) or not is_value_line(lines[index + 1]) or is_value_line(lines[index]):
        return False
    if not is_header_line(lines[index]):
        return True
    following = lines[index + 1].text
    if shape(following) == Shape.YEAR:
        return False
    return not (row_number(following) and index + 2 < len(lines) and not is_value_line(lines[index + 2]))
