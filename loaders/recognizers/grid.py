"""A table read as a grid: header rows joined into column names, label columns told from value columns, and body
rows with their label and their value cells. Every table recognizer starts from this view."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from loaders.readers.shapes import VALUE_SHAPES, Shape, column_role, looks_like_header, shape
from model.amounts import parse_unit
from model.document import Cell, Table
from model.periods import YEAR, ParsedPeriod, parse_period
from model.text import fold
from model.vocabulary import load_vocabulary

_MAX_HEADER_ROWS = 4
_MAX_TITLE_ROWS = 2
_MIN_BODY_ROWS = 2  # rows of figures below a first row of names before it counts as the header
_BULLETS = frozenset({"-", "–", "—", "•", "·", "*", "o", "▪", "■", "►"})


@dataclass
class Column:
    """A column: its position, its name as printed (header rows joined) and the period it names, if any."""

    index: int
    name: str
    period: ParsedPeriod | None = None
    value: bool = True
    bullets: bool = False  # an unnamed column of list dashes before the labels: neither values nor a label

    @property
    def year(self) -> int | None:
        """The year in the name ('Rekening 2021' → 2021; the last of several)."""
        years = YEAR.findall(self.name)
        if years:
            return int(years[-1])
        return self.period.year if self.period else None


@dataclass
class GridRow:
    """A body row: its cells by column, its label (the label cells joined) and its first line."""

    cells: list[Cell]
    label_cells: list[Cell]
    line: int

    @property
    def label(self) -> str:
        """The row's name: its label cells joined."""
        return " ".join(cell.text for cell in self.label_cells if cell.text)

    def value(self, column: Column) -> Cell | None:
        """The cell in `column`, or None when that cell is empty."""
        cell = self.cells[column.index] if column.index < len(self.cells) else None
        return cell if cell is not None and not cell.empty else None

    def has_values(self, columns: list[Column]) -> bool:
        """True when any value column holds text or a mark."""
        return any(self.value(column) is not None for column in columns)


@dataclass
class Grid:
    """A table as columns and rows, with the text around it (caption and header) for units and legends."""

    table: Table
    columns: list[Column]
    rows: list[GridRow]
    header: list[list[Cell]] = field(default_factory=list)
    figure_counts: dict[tuple[int, ...], tuple[int, int, int]] = field(default_factory=dict, repr=False, compare=False)

    def texts(self, column: Column) -> list[str]:
        """The texts of the column's filled body cells."""
        return [cell.text for row in self.rows if (cell := row.value(column)) is not None and cell.text]

    @property
    def value_columns(self) -> list[Column]:
        """The columns that hold values."""
        return [column for column in self.columns if column.value and not column.bullets]

    @property
    def label_columns(self) -> list[Column]:
        """The columns that name the rows."""
        return [column for column in self.columns if not column.value and not column.bullets]

    @property
    def context(self) -> str:
        """Caption lines and header cells as one text: where units, sign legends and titles are stated."""
        header = " ".join(cell.text for row in self.header for cell in row if cell.text)
        return " ".join([*self.table.caption, header])


def expand(row: tuple[Cell, ...], header: bool) -> list[Cell]:
    """A row's cells by column position: a spanning header cell fills every column it spans."""
    cells: list[Cell] = []
    for cell in row:
        cells.append(cell)
        for _ in range(cell.span - 1):
            cells.append(cell if header else Cell("", cell.line))
    return cells


def _is_header_row(row: list[Cell]) -> bool:
    return looks_like_header([cell.text for cell in row])


def _header_span(table: Table, rows: list[list[Cell]]) -> tuple[int, int]:
    """(first, count) of the header rows; a title row ('Banen per 1.000 inwoners | | |') may come first."""
    if table.header_rows:
        count = table.header_rows
        while count < min(len(rows) - 1, _MAX_HEADER_ROWS) and _years_row(rows[count]):
            count += 1  # the years under the column names, on a line of their own that the layout took for a row
        return 0, count
    for first in range(min(_MAX_TITLE_ROWS, len(rows)) + 1):
        if first and sum(1 for cell in rows[first - 1] if cell.text) != 1:
            break
        count = 0
        while first + count < len(rows) - 1 and count < _MAX_HEADER_ROWS and _is_header_row(rows[first + count]):
            count += 1
        if count:
            return first, count
    return (0, 1) if _names_over_figures(rows) else (0, 0)


def _names_over_figures(rows: list[list[Cell]]) -> bool:
    """A first row of names (no figures, no sentences) over rows with figures in every column it names after
    the first: 'Jaar | Niet-sporters (%) | ...' over '2021 | 46,0 | ...'."""
    if len(rows) < _MIN_BODY_ROWS + 1:
        return False
    named = [i for i, cell in enumerate(rows[0]) if cell.text]
    kinds = [shape(rows[0][i].text) for i in named]
    if len(named) < 2 or any(kind in VALUE_SHAPES or kind == Shape.PROSE for kind in kinds):
        return False
    body = rows[1:]
    return all(
        sum(1 for row in body if i < len(row) and shape(row[i].text) in VALUE_SHAPES) * 2 > len(body)
        for i in named[1:]
    )


def _years_row(row: list[Cell]) -> bool:
    """A row whose figures are all years, two or more ('… bedragen x € 1.000 | 2024 | 2025 | 2026')."""
    filled = [cell.text for cell in row[1:] if cell.text]
    return len(filled) >= 2 and all(shape(text) == Shape.YEAR for text in filled)


def _align(row: list[Cell], width: int) -> list[Cell]:
    """A header row shorter than the body that starts with a value column's name lacks the label column's name:
    it is aligned to the right."""
    if len(row) >= width or not row or column_role(row[0].text) == "label" or not row[0].text:
        return row
    if column_role(row[0].text) != "value" and parse_period(row[0].text) is None and not YEAR.search(row[0].text):
        return row
    return [Cell("", row[0].line, header=True)] * (width - len(row)) + row


def _unit_row(row: list[Cell]) -> bool:
    """A header row that only states the unit, one cell over several columns ('Bedragen x € 1.000'): no part of
    the column names (it stays in the grid's context, where units are read)."""
    texts = {cell.text for cell in row if cell.text}
    return len(texts) == 1 and sum(1 for cell in row if cell.text) >= 2 and parse_unit(next(iter(texts))) is not None


def _names(header: list[list[Cell]], width: int) -> list[str]:
    names = []
    naming = [row for row in header if not _unit_row(row)] if len(header) > 1 else header
    for index in range(width):
        parts: list[str] = []
        for row in naming:
            text = row[index].text if index < len(row) else ""
            if text and text not in parts:
                parts.append(text)
        names.append(" ".join(parts))
    return names


def is_kind_word(text: str) -> bool:
    """A column name that is only a kind: 'Lasten', 'Baten', 'Saldo'."""
    return fold(text) in _kind_words()


@cache
def _kind_words() -> frozenset[str]:
    kinds = load_vocabulary("budget")["row_kinds"]
    return frozenset(fold(word) for key in ("lasten", "baten", "saldo") for word in kinds[key])


def name_period(name: str, year: int | None = None) -> ParsedPeriod | None:
    """The period a column name stands for; a kind word before or after it ('Rekening 2024 baten', a group name
    over its sub-columns) is no part of the period."""
    period = parse_period(name, year)
    if period is not None:
        return period
    words = name.split()
    if len(words) > 1 and fold(words[-1]) in _kind_words():
        return parse_period(" ".join(words[:-1]), year)
    if len(words) > 1 and fold(words[0]) in _kind_words():
        return parse_period(" ".join(words[1:]), year)
    return None


def _value_column(name: str, cells: list[Cell]) -> bool:
    """A column holds values when its name says so or most of its cells are figures."""
    role = column_role(name) if name else None
    if role == "label":
        return False
    filled = [cell for cell in cells if cell.text]
    figures = sum(1 for cell in filled if shape(cell.text) in VALUE_SHAPES)
    if role == "value" or parse_period(name) is not None or YEAR.search(name):
        return True
    return (bool(filled) and figures * 2 > len(filled)) or (not filled and any(cell.marks for cell in cells))


def _bullet_column(name: str, cells: list[Cell], following: list[Cell]) -> bool:
    """An unnamed column of only dashes before a column of texts: the bullets of a list ('- Huisvestingswet'),
    not empty values."""
    filled = [cell.text for cell in cells if cell.text]
    if name or not filled or any(text.strip() not in _BULLETS for text in filled):
        return False
    texts = [cell.text for cell in following if cell.text]
    return bool(texts) and sum(1 for text in texts if shape(text) not in VALUE_SHAPES) * 2 > len(texts)


def _has_figures(cells: list[Cell]) -> bool:
    return any(shape(cell.text) in VALUE_SHAPES for cell in cells if cell.text)


def read_grid(table: Table, year: int | None = None) -> Grid:
    """The grid view of `table`; `year` completes period names without a year."""
    expanded = [expand(row, header=False) for row in table.rows]
    first, count = _header_span(table, expanded)
    body = expanded[:first] + expanded[first + count :]
    width = max((len(row) for row in expanded), default=0)
    header = [_align(expand(row, header=True), width) for row in table.rows[first : first + count]]
    names = _names(header, width)
    columns = []
    seen_value = False
    for index, name in enumerate(names):
        cells = [row[index] for row in body if index < len(row)]
        following = [row[index + 1] for row in body if index + 1 < len(row)]
        if index + 1 < width and not seen_value and _bullet_column(name, cells, following):
            columns.append(Column(index, name, None, False, bullets=True))
            continue
        value = _value_column(name, cells) and (
            index > 0 or (bool(name) and (parse_period(name) is not None or _has_figures(cells)))
        )
        if index > 0 and not value and seen_value and not name:
            value = True
        seen_value = seen_value or value
        columns.append(Column(index, name, name_period(name, year) if name else None, value))
    label_indexes = [c.index for c in columns if not c.value and not c.bullets]
    rows = []
    for cells in body:
        padded = cells + [Cell("", cells[-1].line if cells else table.line)] * (width - len(cells))
        label_cells = [padded[i] for i in label_indexes]
        rows.append(GridRow(padded, label_cells, min((c.line for c in padded if c.text), default=table.line)))
    return Grid(table, columns, rows, header)



class Grids:
    """Each table's grid, read once and shared by the recognizers that look at it (statuses first, then money
    and indicators, which may name a headerless continuation's columns)."""

    def __init__(self, year: int | None) -> None:
        self._year = year
        self._read: dict[int, Grid] = {}

    def __call__(self, table: Table) -> Grid:
        found = self._read.get(id(table))
        if found is None or found.table is not table:
            found = self._read[id(table)] = read_grid(table, self._year)
        return found
