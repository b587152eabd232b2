"""Budget tables ("Wat heeft het gekost?", "Overzicht van baten en lasten", multi-year overviews) as budget lines.

A table is a budget table by what its header and caption mean: a unit, period or difference columns, rows or
columns that name lasten, baten, saldo or reserves. Each value cell becomes a budget line with its scope (the row
or the table's title), kind, column, year, amount in euros and N/V.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from loaders.readers.shapes import Shape, is_missing, shape
from loaders.recognizers.grid import Column, Grid, GridRow
from loaders.recognizers.money import Unit, amount_of, sign_legend, table_unit
from loaders.recognizers.money_vocabulary import MoneyVocabulary, money_vocabulary
from loaders.recognizers.signals import indicator_signals, money_signals
from loaders.recognizers.subjects import names_only_a_kind
from model.amounts import Amount, parse_unit, to_euros
from model.document import Cell
from model.records import BudgetLine, WarningRecord
from model.text import fold

_MIN_SCORE = 3
_CODED = re.compile(r"^(?:[A-Z]{0,2}\d{1,2}(?:\.\d{1,3})*\.?)\s+\S")
_MARKERS = {"L": "lasten", "B": "baten"}  # an L/B column says whether a row is lasten or baten
_NIL = {"-", "–", "—", "−"}  # a dash in a financial table is nil: zero, not unknown


@dataclass
class BudgetCell:
    """One amount of a budget table, before it becomes a record (kept for the checks)."""

    row: GridRow
    column: Column
    value: Decimal | None
    direction: str | None
    kind: str
    total: bool
    label: str = ""  # the row's name, as its budget lines are scoped


@dataclass
class BudgetTable:
    """A budget table read: its unit, its cells and its warnings."""

    grid: Grid
    unit: Unit
    cells: list[BudgetCell] = field(default_factory=list)
    lines: list[BudgetLine] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)


def _direction_columns(grid: Grid) -> dict[int, Column]:
    """Columns that hold only N and V ('Verschil | V/N'), by the index of the amount column left of each: they
    give that column's direction."""
    found: dict[int, Column] = {}
    for left, column in zip(grid.columns, grid.columns[1:], strict=False):
        marks = [text.strip().upper() for text in grid.texts(column)]
        if left.value and marks and all(mark in {"N", "V"} for mark in marks):
            found[left.index] = column
    return found


def column_kind(column: Column, vocabulary: MoneyVocabulary) -> str | None:
    """What a column holds: 'verschil' for differences, else the period kind of its name."""
    if vocabulary.is_difference(column.name) or fold(column.name).startswith("resultaat"):
        return "verschil"
    return column.period.kind if column.period else None


def _pick(columns: list[Column], kinds: tuple[str, ...], before: int) -> Column | None:
    found = [c for c in columns if c.index < before and c.period and c.period.kind in kinds]
    return found[-1] if found else None


def difference_columns(columns: list[Column], vocabulary: MoneyVocabulary) -> tuple[Column, Column, Column] | None:
    """(realisatie, budget, verschil): the columns of a Verschil that compares the actuals with the (amended)
    budget, or None when the table has no such three."""
    difference = next((c for c in columns if column_kind(c, vocabulary) == "verschil"), None)
    actual = _pick(columns, ("rekening",), difference.index) if difference else None
    if difference is None or actual is None:
        return None
    budget = _pick(columns, ("actuele_begroting",), difference.index) or _pick(columns, ("begroting",), actual.index)
    return (actual, budget, difference) if budget else None


def _amended_after_original(
    columns: list[Column], kinds: dict[int, tuple[str | None, str | None]]
) -> dict[int, tuple[str | None, str | None]]:
    """In an account (a year's budget beside that year's actuals), a second budget column of that year and of the
    same lasten/baten is the amended budget ('Primitief 2020 | Begroot 2020 | Realisatie 2020'), not the original
    a second time. Multi-year budgets that repeat a year per kind have no actuals of it and are left alone."""
    actual_years = {c.year for c in columns if kinds[c.index][0] == "rekening"}
    seen: set[tuple[int, str | None]] = set()
    resolved = dict(kinds)
    for column in columns:
        holds, names_kind = kinds[column.index]
        if holds != "begroting" or column.year is None or column.year not in actual_years:
            continue
        if (column.year, names_kind) in seen:
            resolved[column.index] = ("actuele_begroting", names_kind)
        seen.add((column.year, names_kind))
    return resolved


def _kind_of_column(column: Column, vocabulary: MoneyVocabulary) -> str | None:
    words = fold(column.name).split()
    for kind in ("baten", "lasten", "saldo"):
        if kind in words:
            return kind
    return None


def is_budget(grid: Grid, title: str | None = None) -> bool:
    """True when the table's header, caption and rows say it holds budget figures."""
    return money_signals(grid, title) - indicator_signals(grid) >= _MIN_SCORE


def _values(grid: Grid) -> list[Decimal]:
    found = []
    for row in grid.rows:
        for column in grid.value_columns:
            cell = row.value(column)
            amount = amount_of(cell.text) if cell else None
            if amount is not None and amount.value is not None and not amount.percent:
                found.append(amount.value)
    return found


def read_budget(
    grid: Grid,
    title: str | None,
    previous: tuple[tuple[str, ...], Unit] | None = None,
    subject: str | None = None,
) -> BudgetTable:
    """Budget lines of a budget table. When every row only names a kind ('Lasten', 'Baten', 'Saldo'), the table
    is about its `subject` (a programme), which is then their scope. A table without a unit whose columns repeat
    those of the `previous` budget table takes that table's unit."""
    vocabulary = money_vocabulary()
    context = grid.context
    around = fold(" ".join([*grid.table.caption, title or ""]))
    programme_level = (
        any(vocabulary.row_kind(row.label) for row in grid.rows)
        or any(_kind_of_column(c, vocabulary) for c in grid.value_columns)
        or any(word in around for word in vocabulary.money_context)
    )
    values = grid.value_columns
    stated = parse_unit(context)
    if stated is not None:
        unit = Unit(stated, True)
    else:  # guessed from the figures: only then are they all read
        euro_signs = any("€" in cell.text for row in grid.rows for c in values if (cell := row.value(c)) is not None)
        unit = table_unit(context, _values(grid) if programme_level else [], euro_signs)
    if not unit.stated and previous and previous[0] == tuple(c.name for c in values):
        unit = previous[1]
    result = BudgetTable(grid, unit)
    if not unit.stated:
        assumed = "thousands of euros (programme figures below a million)" if unit.multiplier == 1000 else "euros"
        result.warnings.append(
            WarningRecord(
                code="budget-unit-assumed",
                line=grid.table.line,
                message=f"the table states no unit (such as 'x € 1.000'); amounts taken as {assumed}",
            )
        )
    negative = sign_legend(context)
    default = "saldo" if _per_programme(grid, around, vocabulary) else "other"
    section: str | None = None
    section_label = ""
    unnamed = [c for c in values if not c.name]
    if unnamed:
        result.warnings.append(
            WarningRecord(
                code="budget-columns-mismatch",
                line=grid.table.line,
                message=f"{len(unnamed)} value columns have no name in the header; named by their position",
            )
        )
    column_kinds = _amended_after_original(
        values, {c.index: (column_kind(c, vocabulary), _kind_of_column(c, vocabulary)) for c in values}
    )
    defaulted: list[int] = []  # the cells whose kind nothing named
    scoped = False  # some row names what it is about (a theme, a taakveld), not only a kind
    marked_labels = any("l/b" in fold(c.name) for c in grid.label_columns)
    directions = _direction_columns(grid)
    values = [c for c in values if c not in directions.values()]
    first_value = min((c.index for c in values), default=0)
    leading = [i for i, c in enumerate(grid.label_columns) if c.index < first_value]
    marking = {c.index for c in directions.values()}
    trailing = [i for i, c in enumerate(grid.label_columns) if i not in leading and c.index not in marking]
    trailing = trailing if leading else []
    carried = ""  # the group ('6.1 Samenkracht') of the kind rows below it, printed once or spanning them
    for row in grid.rows:
        naming = [row.label_cells[i] for i in leading] if leading else row.label_cells
        note = " ".join(filter(None, (" ".join(row.label_cells[i].text.split()) for i in trailing))) or None
        marker = next((cell.text for cell in naming if cell.text in _MARKERS), None)
        label = " ".join(cell.text for cell in naming if cell.text and cell.text not in _MARKERS)
        group, carried = _group(naming, carried)
        if marker is None and marked_labels and label.rsplit(" ", 1)[-1] in _MARKERS:
            label, marker = label.rsplit(" ", 1)  # the L/B column ran into the label in a space-separated export
        row_kind = _MARKERS[marker] if marker else vocabulary.row_kind(label)
        cells = [row.value(c) for c in values]
        if any(cells) and all(cell is None or shape(cell.text) == Shape.YEAR for cell in cells):
            continue  # a row of years is a header the layout did not see, not amounts
        if not any(cells):
            if row_kind:
                section, section_label = row_kind, fold(label)
            continue
        total = vocabulary.is_total(label) or (bool(section_label) and fold(label) == section_label)
        scoped = scoped or bool(group) or not names_only_a_kind(label)
        for position, (column, cell) in enumerate(zip(values, cells, strict=True)):
            if cell is None:
                continue
            amount = Amount(Decimal(0)) if cell.text.strip() in _NIL else amount_of(cell.text)
            if amount is None and is_missing(cell.text):
                amount = Amount(None)
            if amount is None or amount.percent:
                continue
            holds, names_kind = column_kinds[column.index]
            kind = names_kind or row_kind or section or default
            if kind == default:
                defaulted.append(len(result.cells))
            direction = amount.direction
            if direction is None and column.index in directions:
                marked = row.value(directions[column.index])
                direction = marked.text.strip().upper() if marked is not None else None
            difference = holds == "verschil"
            if direction is None and difference and negative and amount.value:
                direction = negative if amount.value < 0 else ("V" if negative == "N" else "N")
            result.cells.append(BudgetCell(row, column, amount.value, direction, kind, total, label))
            result.lines.append(
                BudgetLine(
                    scope=group or label or title or "(zonder naam)",
                    row=(naming[-1].text if group and naming[-1].text not in _MARKERS else label) or None,
                    kind=kind,  # type: ignore[arg-type]
                    column=column.name or f"kolom {position + 1}",
                    year=column.year,
                    amount_eur=to_euros(amount.value, unit.multiplier) if amount.value is not None else None,
                    column_kind=holds,
                    total=total,
                    direction=direction,
                    note=note,
                    table=title,
                    line=cell.line,
                )
            )
    if subject and not scoped:
        for line in result.lines:
            line.scope = subject
    if default == "saldo" and _costs_by_their_directions(result, defaulted, vocabulary):
        for index in defaulted:
            result.cells[index].kind = result.lines[index].kind = "lasten"
        result.warnings.append(
            WarningRecord(
                code="budget-kind-from-directions",
                line=grid.table.line,
                message="the table names no lasten or baten; its N/V call spending more than budgeted unfavourable, "
                "so its figures are read as lasten",
            )
        )
    return result


def cells_by_row(cells: Iterable[BudgetCell]) -> dict[int, dict[int, BudgetCell]]:
    """The cells per row (keyed by the row's identity, in table order), each row's by column index."""
    rows: dict[int, dict[int, BudgetCell]] = {}
    for cell in cells:
        rows.setdefault(id(cell.row), {})[cell.column.index] = cell
    return rows


def _costs_by_their_directions(table: BudgetTable, defaulted: list[int], vocabulary: MoneyVocabulary) -> bool:
    """The cells nothing gave a kind are costs when they are mostly positive and every N/V printed beside them
    (two rows at least) calls actuals above the budget unfavourable, as costs are; read as saldo, all disagree."""
    columns = difference_columns(table.grid.value_columns, vocabulary)
    figures = [table.cells[index].value for index in defaulted if table.cells[index].value]
    if columns is None or sum(1 for v in figures if v > 0) * 2 <= len(figures):
        return False
    votes = []
    for cells in cells_by_row(table.cells[index] for index in defaulted).values():
        real, planned, printed = (cells.get(column.index) for column in columns)
        if real is None or planned is None or printed is None or printed.direction is None:
            continue
        if real.value is not None and planned.value is not None and real.value != planned.value:
            votes.append((real.value > planned.value) == (printed.direction == "N"))
    return len(votes) >= 2 and all(votes)


def _per_programme(grid: Grid, around: str, vocabulary: MoneyVocabulary) -> bool:
    """An overview with one figure per programme or taakveld and nothing naming lasten or baten: the figures are
    each row's saldo."""
    if any(vocabulary.row_kind(row.label) for row in grid.rows if not vocabulary.is_total(row.label)):
        return False
    if any(_kind_of_column(c, vocabulary) for c in grid.value_columns):
        return False
    coded = sum(1 for row in grid.rows if _CODED.match(row.label))
    return coded * 2 > len(grid.rows) or any(word in around.split() for word in ("taakveld", "programma"))


def _group(naming: list[Cell], carried: str) -> tuple[str, str]:
    """(the group a row belongs to, the group carried to the rows below): where the last label cell names only a
    kind ('Lasten', 'B'), the cells before it name the group ('6.1 Samenkracht'), or, left empty under a name
    printed once or spanning rows, the group above; a row of another label ends the group."""
    last = naming[-1].text.strip() if len(naming) >= 2 else ""
    if not last or not (last in _MARKERS or names_only_a_kind(last)):
        return "", ""
    group = " ".join(cell.text for cell in naming[:-1] if cell.text and cell.text not in _MARKERS)
    if group and names_only_a_kind(group):
        return "", ""  # kinds in both columns ('Baten' | 'Baten'): no group
    return (group, group) if group else (carried, carried)
