"""Every table of a document to the recognizer its header, caption and cells point to: deviations, budget,
indicators. A table that looks like figures but is read by none of them gives a warning, never silence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from loaders.readers.shapes import Shape, shape, status_column_prefixes
from loaders.recognizers.budget import is_budget, read_budget
from loaders.recognizers.budget_checks import check_budget
from loaders.recognizers.deviation_tables import is_deviation_table, read_deviation_table
from loaders.recognizers.grid import Column, Grid, Grids, is_kind_word
from loaders.recognizers.indicator_tables import continue_last, read_indicators, source_note
from loaders.recognizers.metadata import DocumentContext
from loaders.recognizers.money import Unit, sign_legend
from loaders.recognizers.signals import figures, indicator_signals, is_figure_table, money_signals
from loaders.recognizers.subjects import table_subject
from model.amounts import parse_unit, without_unit
from model.document import Cell, Document, Heading, Paragraph, Table
from model.periods import ParsedPeriod
from model.records import BudgetLine, Deviation, Indicator, WarningRecord
from model.text import fold, is_page_number
from model.vocabulary import load_vocabulary

_MIN_FIGURE_ROWS = 1
_MAX_FURNITURE_WORDS = 8
_OWN_FIGURES = {"begroting", "rekening"}  # documents whose tables show their own year's figures
_BULLETS = ("- ", "• ", "* ", "– ", "· ")
_PROSE_SCAN = 400  # characters: enough to count a sentence's first words
_MIN_SENTENCE_WORDS = 8
_TABLE_LABEL = re.compile(r"(?:tabel|table)\s+(?:nr\.?\s*)?\d", re.IGNORECASE)
_CONTINUED = re.compile(r"\b(?:volgende|vorige) pagina\b|^vervolg\b", re.IGNORECASE)
_WORD = re.compile(r"(?<!\S)[^\W\d_]")  # a word that starts with a letter


@dataclass
class TableRecords:
    """What the tables of a document yield, and which lines they took."""

    budget_lines: list[BudgetLine] = field(default_factory=list)
    deviations: list[Deviation] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    periods: list[ParsedPeriod] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)
    deviation_end: int | None = None  # last line of the first deviation table: explanations follow it
    deviation_unit: int = 1
    last_unit: tuple[tuple[str, ...], Unit] | None = None  # the columns and unit of the last budget table
    last_budget: tuple[Grid, str | None] | None = None  # the last budget table and its title
    last_indicators: tuple[Grid, str | None] | None = None  # the table read last, when it was an indicator table
    last_other: tuple[tuple[Grid, str | None], tuple[str, str]] | None = None  # the last table of amounts no budget


def table_title(table: Table, heading: str | None) -> str | None:
    """The table's title: the nearest caption line that is a name (not a unit, legend or sentence), else the
    heading above it."""
    listed = False
    for index in range(len(table.caption) - 1, -1, -1):
        text = table.caption[index]
        if _TABLE_LABEL.match(text):  # 'Tabel 10.3 Renterisiconorm Bedragen x € 1.000': the title, its unit cut off
            return without_unit(text)
        if parse_unit(text) is not None:  # 'Programma 1 Veiligheid (bedragen x € 1.000)': the name before the unit
            text = without_unit(text)
            if not text or sign_legend(text) or parse_unit(text) is not None:
                continue
        if sign_legend(text) or len(text.split()) > 12 or source_note(text):
            continue
        if text.lstrip().startswith(_BULLETS) or (listed and text.rstrip().endswith(":")):
            listed = True  # a list above the table, and the line that announces it
            continue
        if text.rstrip().endswith(":"):
            continue  # a line that announces the rows ('Toename:'), not their title
        if shape(text) in {Shape.PROSE, Shape.NUMBER, Shape.MISSING, Shape.YEAR} or _furniture(text):
            continue
        if text.lstrip()[:1].islower() and (
            len(text.split()) >= _MIN_SENTENCE_WORDS or (index and shape(table.caption[index - 1]) == Shape.PROSE)
        ):
            continue  # the rest of a sentence that began above ('programma 1- sociaal domein' is a title)
        return text.strip()
    return heading


def _furniture(text: str) -> bool:
    """A page number ('Pagina 118 van 120'), a note that the table goes on ('Vervolg op volgende pagina') or the
    end of a sentence that ran onto the lines above a table."""
    stripped = text.strip()
    return is_page_number(stripped) or bool(_CONTINUED.search(stripped)) or stripped.endswith((".", ";", ","))


def _prose(text: str) -> bool:
    """A sentence, not page furniture (a page number, a running title) nor a row that fell out of a table: text
    that ends what a table above it holds."""
    return len(_WORD.findall(text, 0, _PROSE_SCAN)) > _MAX_FURNITURE_WORDS


def _lines_of(table: Table) -> set[int]:
    return {cell.line for row in table.rows for cell in row} | {table.line}


def read_tables(
    document: Document, context: DocumentContext, taken: set[int] | None = None, grids: Grids | None = None
) -> TableRecords:
    """Budget lines, deviations and indicators of every table in `document` (but those whose lines are `taken`)."""
    records = TableRecords()
    heading: str | None = None
    year = context.info.year
    grids = grids or Grids(year)
    for block in document.blocks:
        continuing = records.last_budget is not None or records.last_indicators is not None
        if continuing and isinstance(block, (Heading, Paragraph)) and _prose(block.text):
            records.last_budget = records.last_indicators = records.last_other = None  # text between: a new table
        if isinstance(block, Heading):
            heading = block.text
            continue
        if not isinstance(block, Table) or (taken and block.line in taken):
            continue
        grid = grids(block)
        title = table_title(block, heading)
        if _read_one(grid, title, records, year, context.period, table_subject(title, heading)):
            records.consumed |= _lines_of(block)
    return records


def _read_one(
    grid: Grid,
    title: str | None,
    records: TableRecords,
    year: int | None,
    own: ParsedPeriod | None = None,
    subject: str | None = None,
) -> bool:
    """Give the grid to the recognizer its evidence points to; True when one read it. `own` is the document's
    period: a budget's or an annual account's columns named by a kind alone ('Lasten') are of that period;
    `subject` is what the table is about (see subjects.table_subject)."""
    if not grid.rows or not grid.value_columns:
        return False
    previous, records.last_indicators = records.last_indicators, None
    if previous is not None and _continued_indicators(grid, previous, records, year):
        return True
    if is_deviation_table(grid, title):
        table = read_deviation_table(grid, title, year, subject=subject)
        records.deviations.extend(table.deviations)
        records.warnings.extend(table.warnings)
        if records.deviation_end is None:
            records.deviation_end = grid.table.end_line
            records.deviation_unit = table.unit.multiplier
        return bool(table.deviations)
    if _status_columns(grid):
        return False
    other_before, records.last_other = records.last_other, None
    carried = not any(c.name for c in grid.value_columns)  # a "header" over no value column: a row's rest
    if other_before is not None and _continues(grid, other_before[0], carried) is not None:  # after a page break
        records.last_other = other_before
        _not_read(grid, records, f"the rest of a table of {other_before[1][0]} was not read: {other_before[1][1]}")
        return False
    continued = _continues(grid, records.last_budget)
    if continued is not None:
        title, subject = continued, table_subject(continued, None) or subject
    other = _not_budget(grid) if continued is None else None
    if other is not None:
        records.last_other = ((grid, title), other)
        name = f" {title!r}" if title else ""
        _not_read(grid, records, f"a table of {other[0]}{name} was not read: {other[1]}")
        return False
    if continued is not None or is_budget(grid, title):
        if own is not None and own.kind in _OWN_FIGURES:
            for column in grid.value_columns:
                column.period = column.period or (own if is_kind_word(column.name) else None)
        budget = read_budget(grid, title, records.last_unit, subject)
        if budget.unit.stated or records.last_unit is None:
            records.last_unit = (tuple(c.name for c in grid.value_columns), budget.unit)
        records.last_budget = (grid, title)
        records.budget_lines.extend(budget.lines)
        records.warnings.extend(budget.warnings)
        records.warnings.extend(check_budget(budget))
        return bool(budget.lines)
    if is_figure_table(grid) and _has_periods(grid) and _add_indicators(grid, title, records, year):
        return True
    _warn_unread(grid, title, records)
    return False


def _add_indicators(grid: Grid, title: str | None, records: TableRecords, year: int | None) -> bool:
    table = read_indicators(grid, title, year)
    if not table.indicators:
        return False
    records.indicators.extend(table.indicators)
    records.periods.extend(table.periods)
    records.warnings.extend(table.warnings)
    records.last_indicators = (grid, title)
    return True


def _continued_indicators(
    grid: Grid, previous: tuple[Grid, str | None], records: TableRecords, year: int | None
) -> bool:
    """Read `grid` as the rest of the indicator table read just before it, when it continues that table; the
    rest of a row that a page break carried over completes that table's last indicator."""
    before = previous[0]
    last = records.indicators[-1] if records.indicators else None
    rest = _carried_rest(grid, before)
    columns = grid.columns
    title = _continues(grid, previous, rest is not None)
    if title is None:
        return False
    if not _add_indicators(grid, title or None, records, year):
        grid.columns = columns
        return False
    if rest is not None and last is not None and before.rows and last.line == before.rows[-1].line:
        continue_last(last, before, rest)
    return True


def _carried_rest(grid: Grid, before: Grid) -> list[Cell] | None:
    """The header of `grid` when it is no header but the end of the last row of `before` carried over a page
    break: one row with text under the label columns of `before` only."""
    if len(grid.header) != 1 or len(grid.columns) != len(before.columns):
        return None
    row = grid.header[0]
    texts = [i for i, cell in enumerate(row) if cell.text]
    if not texts or any(before.columns[i].value for i in texts):
        return None
    return row


def _continues(grid: Grid, previous: tuple[Grid, str | None] | None, carried: bool = False) -> str | None:
    """A table without a header (or whose header is a row's `carried` rest) that has as many value columns as the
    table before it continues that table (a page break, a gap): it takes that table's column names; returns
    that table's title."""
    if previous is None or (grid.header and not carried):
        return None
    before, title = previous
    if len(before.value_columns) != len(grid.value_columns) or len(grid.columns) != len(before.columns):
        return None
    grid.columns = [Column(column.index, named.name, named.period, named.value, column.bullets)
                    for column, named in zip(grid.columns, before.columns, strict=True)]
    return title or ""


def _not_budget(grid: Grid) -> tuple[str, str] | None:
    """(what, why) of a table of amounts that are no budget (investment credits, risks): its column names, or
    where the vocabulary says so its caption, name them (tables.toml not_budgets)."""
    columns = [set(re.findall(r"[a-z]+", fold(c.name))) for c in grid.columns]
    captions = [set(re.findall(r"[a-z]+", fold(text))) for text in grid.table.caption[-2:]]
    for what, why, caption, words in _not_budgets():
        if any(words & found for found in [*columns, *(captions if caption else [])]):
            return what, why
    return None


@cache
def _not_budgets() -> tuple[tuple[str, str, bool, frozenset[str]], ...]:
    entries = load_vocabulary("tables")["not_budgets"].values()
    return tuple((e["what"], e["why"], e["caption"], frozenset(fold(w) for w in e["words"])) for e in entries)


def _status_columns(grid: Grid) -> bool:
    """Columns named 'Status 2019', 'Stand van zaken 1e Burap': the status recognizer reads those."""
    return any(fold(c.name).startswith(status_column_prefixes()) for c in grid.value_columns if c.period is not None)


def _has_periods(grid: Grid) -> bool:
    return any(c.period is not None or c.year is not None for c in grid.value_columns) or (
        indicator_signals(grid) > money_signals(grid)
    )


def _warn_unread(grid: Grid, title: str | None, records: TableRecords) -> None:
    filled, numbers, _ = figures(grid)
    if numbers >= _MIN_FIGURE_ROWS * 2 and filled:
        name = f" {title!r}" if title else ""
        _not_read(grid, records, f"a table{name} with {numbers} figures was not read: its header names no periods "
                  "or money columns that the vocabularies know")


def _not_read(grid: Grid, records: TableRecords, message: str) -> None:
    records.warnings.append(WarningRecord(code="table-not-read", line=grid.table.line, message=message))
