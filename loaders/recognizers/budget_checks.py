"""Checks a controller runs on a budget table: totals add up, Verschil = realisatie − actuele begroting, and the
printed N/V agrees with the difference. Each failure is a warning with the line it concerns."""

from __future__ import annotations

from decimal import Decimal

from loaders.recognizers.budget import BudgetCell, BudgetTable, cells_by_row, column_kind, difference_columns
from loaders.recognizers.money_vocabulary import money_vocabulary
from model.records import WarningRecord

_TOLERANCE = Decimal(1)


def check_budget(table: BudgetTable) -> list[WarningRecord]:
    """All checks of one budget table."""
    by_row = cells_by_row(table.cells)
    ordered = list(by_row)
    warnings = _section_totals(table, ordered, by_row)
    warnings += _difference_checks(table, ordered, by_row)
    return warnings


def _section_totals(
    table: BudgetTable, ordered: list[int], by_row: dict[int, dict[int, BudgetCell]]
) -> list[WarningRecord]:
    """A 'Totaal lasten' row equals the sum of the lasten rows above it (per column)."""
    warnings: list[WarningRecord] = []
    members: list[int] = []
    for key in ordered:
        cells = by_row[key]
        first = next(iter(cells.values()))
        if not first.total:
            members.append(key)
            continue
        same_kind = [m for m in members if next(iter(by_row[m].values())).kind == first.kind]
        if len(same_kind) >= 2 and first.kind in {"lasten", "baten", "reserves"}:
            for index, total_cell in cells.items():
                if total_cell.value is None or column_kind(total_cell.column, money_vocabulary()) == "verschil":
                    continue
                parts = [by_row[m][index].value for m in same_kind if index in by_row[m]]
                computed = sum((v for v in parts if v is not None), Decimal(0))
                # each printed figure is rounded to the unit: the sum of n of them may be n/2 off
                if abs(computed - total_cell.value) > max(_TOLERANCE, Decimal(len(parts)) / 2):
                    warnings.append(
                        WarningRecord(
                            code="budget-total-mismatch",
                            line=total_cell.row.line,
                            message=f"{total_cell.label or total_cell.row.label!r} {total_cell.column.name}: printed "
                            f"{total_cell.value:n}, the rows above add up to {computed:n}",
                        )
                    )
        members = []
    return warnings


def _difference_checks(
    table: BudgetTable, ordered: list[int], by_row: dict[int, dict[int, BudgetCell]]
) -> list[WarningRecord]:
    """Verschil = realisatie − (actuele) begroting, and N/V agrees with that difference."""
    found = difference_columns(table.grid.value_columns, money_vocabulary())
    if found is None:
        return []
    actual, budget, difference = found
    lasten_negative = _mostly_negative(table, "lasten")
    costs_positive = not lasten_negative and _mostly_negative(table, "baten")  # baten printed negative: costs are +
    warnings: list[WarningRecord] = []
    for key in ordered:
        cells = by_row[key]
        real, planned, printed = (cells.get(c.index) for c in (actual, budget, difference))
        if real is None or planned is None or printed is None:
            continue
        if real.value is None or planned.value is None or printed.value is None:
            continue
        expected = real.value - planned.value
        where = f"{real.label or real.row.label!r}: {actual.name} {real.value:n} − {budget.name} {planned.value:n}"
        if abs(abs(expected) - abs(printed.value)) > _TOLERANCE:
            warnings.append(
                WarningRecord(
                    code="budget-difference-mismatch",
                    line=printed.row.line,
                    message=f"{where} = {expected:n}, but {difference.name} says {printed.value:n}",
                )
            )
        signed = _signed(real) - _signed(planned) if real.direction and planned.direction else None
        if printed.direction and expected != 0 and real.kind not in {"reserves", "other"} and signed != 0:
            if signed is not None:  # every figure carries its own N/V ('98.653 N'): the marks are their signs
                favourable = signed > 0
            elif costs_positive:
                favourable = expected < 0
            else:
                favourable = expected > 0 if (lasten_negative or real.kind != "lasten") else expected < 0
            implied = "V" if favourable else "N"
            if implied != printed.direction:
                warnings.append(
                    WarningRecord(
                        code="budget-direction-mismatch",
                        line=printed.row.line,
                        message=f"{where} = {expected:n} is {implied}, but the table says {printed.direction}",
                    )
                )
    return warnings


def _signed(cell: BudgetCell) -> Decimal:
    """A figure printed with its own N/V as a signed amount: a nadeel below zero, a voordeel above."""
    return -abs(cell.value) if cell.direction == "N" else abs(cell.value)


def _mostly_negative(table: BudgetTable, kind: str) -> bool:
    """Whether most figures of one kind are printed negative: the table's sign convention."""
    values = [c.value for c in table.cells if c.kind == kind and c.value]
    return bool(values) and sum(1 for v in values if v < 0) > len(values) / 2
