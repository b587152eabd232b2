"""What a status table does not show, told as warnings: status columns without values (icons lost in an export),
fewer values than period columns, and period columns of symbols or percentages that nothing explains."""

from __future__ import annotations

from loaders.readers.shapes import Shape, shape
from loaders.recognizers.grid import Grid
from loaders.recognizers.status_grid import StatusTable, period_columns
from model.document import Table
from model.periods import ParsedPeriod
from model.records import WarningRecord

_MAX_SHOWN = 4
_MAX_SYMBOL = 3  # characters of a status symbol or letter: '◆', 'A', '+/-'


def _unexplained_like(text: str) -> bool:
    """A cell that shows a symbol, a letter or a share done ('◆', 'A', '+/-', '80%'), not a word, another figure or
    a missing value."""
    if text.endswith("%"):
        return shape(text) == Shape.NUMBER
    return len(text) <= _MAX_SYMBOL and not any(ch.isdigit() for ch in text) and shape(text) != Shape.MISSING


def unexplained_values(grid: Grid, year: int | None, own: ParsedPeriod | None) -> list[WarningRecord]:
    """A warning for a table that is no status table but whose period columns hold only symbols, letters or shares
    done ('◆', 'A', '80%'): statuses that no legend or vocabulary explains, which are not guessed."""
    columns = period_columns(grid, year, own)
    texts = [cell.text.strip() for row in grid.rows for column, _ in columns if (cell := row.value(column)) is not None]
    texts = [text for text in texts if text]
    if len(texts) < 2 or not all(_unexplained_like(text) for text in texts):
        return []
    names, shown = ", ".join(c.name for c, _ in columns), ", ".join(map(repr, list(dict.fromkeys(texts))[:_MAX_SHOWN]))
    return [
        WarningRecord(
            code="status-values-unexplained",
            line=grid.table.line,
            message=f"period columns ({names}) show {shown}, which no legend in the document and no status vocabulary "
            "explains; not read as statuses",
        )
    ]


def read_warnings(read: StatusTable, table: Table) -> list[WarningRecord]:
    """The warnings of a status table that was read: its values missing, or fewer of them than its periods."""
    warnings = []
    if read.values_missing:
        labels = ", ".join(p.label for p in read.periods)
        warnings.append(
            WarningRecord(
                code="status-values-missing",
                line=read.header_line or table.line,
                message=f"status columns ({labels}) without status values (icons or colours lost in the "
                "export?); no statuses taken from this table",
            )
        )
    if table.ragged:
        filled = max((len(row.cells) for row in read.rows), default=0)
        assigned = ", ".join(p.label for p in read.periods[len(read.periods) - filled :])
        warnings.append(
            WarningRecord(
                code="status-values-partial",
                line=table.line,
                message=f"{len(read.periods)} period columns but {filled} status values; assigned them to the "
                f"latest periods ({assigned})",
            )
        )
    return warnings
