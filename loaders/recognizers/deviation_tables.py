"""Deviation tables: items with an amount and N/V ("Belangrijkste afwijkingen", "Toelichting budgetverschillen").

The amount column is the first value column that holds figures; a second column named 'Totaal ...' holds the
totals of groups. N/V comes from the cell ('328 N'), a V/N column, the table's sign legend, else the sign. Rows
without an amount ('6.2 Wijkteams') and a leading group column give the scope of the items below them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from loaders.recognizers.grid import Column, Grid, GridRow
from loaders.recognizers.money import Unit, amount_of, sign_legend
from loaders.recognizers.money_vocabulary import money_vocabulary
from loaders.recognizers.signals import is_figure_table
from model.amounts import parse_unit, to_euros
from model.records import Deviation, WarningRecord
from model.text import fold

_TOLERANCE = Decimal(1)
_MAX_AMOUNT_COLUMNS = 3
_LIST_MARK = re.compile(r"^(?:\d{1,3}[.)]|[•·▪◦*–-])\s+")  # '1. ', '2) ', a list's bullet


@dataclass
class DeviationTable:
    """The items of a deviation table, its unit and warnings."""

    unit: Unit
    deviations: list[Deviation] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)


def _amount_columns(grid: Grid) -> list[Column]:
    columns = []
    for column in grid.value_columns:
        texts = [cell.text for row in grid.rows if (cell := row.value(column)) is not None]
        if any(amount_of(text) is not None and amount_of(text).value is not None for text in texts):
            columns.append(column)
    return columns


def is_deviation_table(grid: Grid, title: str | None) -> bool:
    """A table of items with one amount each, titled as deviations; or with an amount per year ('2024 | 2025 |
    2026'), the effect of each deviation on this year and the years after it."""
    if not is_figure_table(grid):
        return False
    words = f"{grid.context} {title or ''}"
    if not money_vocabulary().names_deviations(words):
        return False
    columns = [c for c in _amount_columns(grid) if not fold(c.name).startswith("totaal")]
    if _directed(grid) is not None or _recurrence(grid) is not None:  # 'Voordeel | Nadeel', 'Incidenteel | ...'
        return len(columns) == 2
    if _yearly(columns):  # years are also an indicator table's columns: only with a money unit or a sign legend
        return parse_unit(words) is not None or sign_legend(words) is not None
    if _balance_column(columns) is not None:  # 'Lasten | Baten | Saldo': each item's effect on both and the net
        return True
    return 1 <= len(columns) <= 1 and len(_amount_columns(grid)) <= _MAX_AMOUNT_COLUMNS


def _balance_column(columns: list[Column]) -> Column | None:
    """Of amount columns each named for what it holds ('Lasten | Baten | Saldo'; budget.toml [row_kinds]), the
    one balance column: a deviation's net effect, the amount its N/V is about."""
    kinds = [money_vocabulary().row_kind(c.name) for c in columns]
    balances = [c for c, kind in zip(columns, kinds, strict=True) if kind == "saldo"]
    if len(columns) < 2 or None in kinds or len(balances) != 1 or len(set(kinds)) != len(kinds):
        return None
    return balances[0]


def _yearly(columns: list[Column]) -> bool:
    """Two or more amount columns named by successive years alone ('2024', '2025', ...)."""
    years = [int(c.name) if c.name.strip().isdigit() else None for c in columns]
    return len(years) >= 2 and None not in years and all(b == a + 1 for a, b in itertools.pairwise(years))


def _explanation_column(grid: Grid) -> Column | None:
    """A label column named as the items' explanation ('Toelichting', 'Oorzaak')."""
    words = money_vocabulary().explanation_columns
    return next((c for c in grid.label_columns if fold(c.name).startswith(words)), None)


def _directed(grid: Grid) -> dict[int, str] | None:
    """Two amount columns named for a direction ('Voordeel', 'Nadeel'): their indexes and direction."""
    directions = money_vocabulary().directions
    named = {c.index: directions.get(fold(c.name)) for c in _amount_columns(grid)}
    found = {index: direction for index, direction in named.items() if direction}
    return found if sorted(found.values()) == ["N", "V"] else None


def _recurrence(grid: Grid) -> dict[int, bool] | None:
    """Two amount columns named one-off and lasting ('Incidenteel | Structureel'): index → incidental."""
    words = money_vocabulary().recurrence_columns
    named = {c.index: fold(c.name) for c in _amount_columns(grid)}
    found = {i: name in words["incidental"] for i, name in named.items() if name in words["incidental"] | words["structural"]}
    return found if sorted(found.values()) == [False, True] else None


def _incidental_column(grid: Grid) -> Column | None:
    """A label column of only I and S (incidenteel, structureel)."""
    for column in grid.label_columns:
        texts = {text.strip().upper() for text in grid.texts(column)}
        if texts and texts <= {"I", "S"}:
            return column
    return None


def _direction_column(grid: Grid) -> Column | None:
    for column in grid.columns:
        texts = set(grid.texts(column))
        if texts and texts <= {"N", "V", "-"}:
            return column
    return None


def read_deviation_table(
    grid: Grid, title: str | None, year: int | None = None, only: Column | None = None, subject: str | None = None
) -> DeviationTable:
    """The deviation items of a deviation table, scoped by its `subject` (else its title); of a table per year,
    the amounts of `year` (else the first); of a table with an incidental and a structural column, the items of
    each (`only` reads one of them)."""
    recurrence = _recurrence(grid)
    if recurrence is not None and only is None:
        parts = [read_deviation_table(grid, title, year, c, subject) for c in grid.columns if c.index in recurrence]
        merged = DeviationTable(parts[0].unit, warnings=[w for part in parts for w in part.warnings])
        merged.deviations = sorted((d for part in parts for d in part.deviations), key=lambda d: d.line or 0)
        return merged
    vocabulary = money_vocabulary()
    context = f"{' '.join(grid.table.caption)} {grid.context}"
    stated = parse_unit(context)
    result = DeviationTable(Unit(stated or 1, stated is not None))
    amounts = [only] if only is not None else [c for c in _amount_columns(grid) if not fold(c.name).startswith("totaal")]
    if _yearly(amounts):
        amounts = [next((c for c in amounts if c.name.strip() == str(year)), amounts[0])]
    balance = _balance_column(amounts) if only is None else None
    amounts = [balance] if balance is not None else amounts
    column = amounts[0]
    directed = _directed(grid) or {}
    direction_column = _direction_column(grid)
    negative = sign_legend(context)
    incidental_column = _incidental_column(grid)
    explanation_column = _explanation_column(grid)
    label_columns = [  # a column left empty (a V/N column whose marks went with the amounts) names no group
        c
        for c in grid.label_columns
        if c not in (incidental_column, explanation_column, direction_column) and any(grid.texts(c))
    ]
    scope = subject or title
    group_scope: str | None = None
    group: list[Decimal] = []  # the items since the last total row
    totals: list[Decimal] = []  # the group totals since the last grand total
    for row in grid.rows:
        cell = row.value(column)
        if directed:
            column = next((c for c in amounts if c.index in directed and row.value(c) is not None), column)
            cell = row.value(column)
        amount = amount_of(cell.text) if cell else None
        label = _item_label(row, label_columns)
        if len(label_columns) >= 2 and row.cells[label_columns[0].index].text:
            group_scope = row.cells[label_columns[0].index].text
        if amount is None or amount.value is None:
            if label and not row.has_values(grid.value_columns):
                scope, group_scope = label, None
            continue
        marker = row.value(direction_column) if direction_column else None
        direction = amount.direction or (marker.text if marker and marker.text in {"N", "V"} else None)
        direction = direction or directed.get(column.index)
        from_sign = direction is None
        if direction is None:
            if negative:
                direction = negative if amount.value < 0 else ("V" if negative == "N" else "N")
            else:
                direction = "N" if amount.value < 0 else "V"
        signed = abs(amount.value) if direction == "V" else -abs(amount.value)
        if directed and vocabulary.is_total(label):
            signed = _net(row, amounts, directed)  # a total of both columns: voordelen minus nadelen
        if vocabulary.is_total(label):
            parts = group or totals  # a total right after totals adds those up (a grand total)
            if len(parts) > 1 and abs(sum(parts, Decimal(0)) - signed) > _TOLERANCE:
                result.warnings.append(_total_mismatch(row, sum(parts, Decimal(0)), signed))
            totals = [*totals, signed] if group else []
            group = []
            continue
        if from_sign and not negative:
            result.warnings.append(
                WarningRecord(
                    code="deviation-direction-from-sign",
                    line=row.line,
                    message=f"{label!r} has no N/V; took {direction} from the sign",
                )
            )
        group.append(signed)
        told = row.value(explanation_column) if explanation_column is not None else None
        result.deviations.append(
            Deviation(
                scope=group_scope or scope,
                item=label.rstrip("* ").strip() or "(zonder naam)",
                amount_eur=to_euros(abs(amount.value), result.unit.multiplier),
                direction=direction,  # type: ignore[arg-type]
                incidental=label.endswith("*")
                or _marked_incidental(row, incidental_column)
                or bool(recurrence and only is not None and recurrence[only.index]),
                explanation=told.text if told is not None else None,
                explanation_line=told.line if told is not None else None,
                line=row.line,
            )
        )
    return result


def _net(row: GridRow, amounts: list[Column], directed: dict[int, str]) -> Decimal:
    net = Decimal(0)
    for column in amounts:
        cell = row.value(column)
        found = amount_of(cell.text) if cell is not None and column.index in directed else None
        if found is not None and found.value is not None:
            net += abs(found.value) if directed[column.index] == "V" else -abs(found.value)
    return net


def _marked_incidental(row: GridRow, column: Column | None) -> bool:
    cell = row.value(column) if column is not None else None
    return cell is not None and cell.text.strip().upper() == "I"


def _total_mismatch(row: GridRow, computed: Decimal, printed: Decimal) -> WarningRecord:
    return WarningRecord(
        code="deviation-total-mismatch",
        line=row.line,
        message=f"the deviation items add up to {_signed(computed)} but the total says {_signed(printed)}",
    )


def _item_label(row: GridRow, label_columns: list[Column]) -> str:
    """The item's name: the longest label cell (not a group code or an L/B marker)."""
    names = [row.cells[c.index].text for c in label_columns if row.cells[c.index].text]
    text = max(names, key=len) if names else ""
    return _LIST_MARK.sub("", text).strip()


def _signed(value: Decimal) -> str:
    return f"{abs(value):n} {'V' if value >= 0 else 'N'}"
