"""Money tables: budget tables ("Wat heeft het gekost") and deviation tables ("Belangrijkste afwijkingen").

Structure over wording: a unit line or a header with column words starts a table, rows are a label followed by
amount cells, short lines naming lasten/baten/reserves start sections. Checks a controller would run are
reported as warnings with the line they concern.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from loaders.readers.numeric_rows import Cell, NumericRow, read_row
from loaders.recognizers.metadata import DocumentContext
from loaders.recognizers.money_vocabulary import MoneyVocabulary, money_vocabulary
from model.amounts import NotAnAmount, parse_amount, parse_unit, to_euros
from model.document import Line
from model.periods import YEAR, parse_period
from model.records import BudgetLine, Deviation, WarningRecord
from model.text import fold

_TOLERANCE = Decimal(1)
_MAX_HEADER_LINES = 12
_MAX_SECTION_WORDS = 6
_LOOKBACK = 3
_MAX_UNIT_LINE_WORDS = 8
_MAX_GAP_LINES = 10
_MIN_YEAR_COLUMNS = 3
_MAX_HEADER_WORDS = 16
_NUMBER_WORD = re.compile(r"[-−(€]*\d[\d.,]*\)?")
_NUMERIC_LINE = re.compile(r"^[-−(€]*\d[\d.,]*-?\)?[NV]?$|^[-–—]$")


@dataclass
class Column:
    """A table column: its label as printed (joined from header lines), period kind and year."""

    label: str
    kind: str | None = None
    year: int | None = None


@dataclass
class Row:
    """A table row with its kind (lasten, baten, ...) and whether it is a section total."""

    numeric: NumericRow
    kind: str
    total: bool


@dataclass
class MoneyTable:
    """One table: where it starts, its title text, unit, columns and rows."""

    start: int
    end: int
    title: str
    multiplier: int
    unit_stated: bool
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    deviation_table: bool = False


@dataclass
class MoneyResult:
    """Budget lines, deviation items (with their table lines) and warnings."""

    budget_lines: list[BudgetLine] = field(default_factory=list)
    deviations: list[Deviation] = field(default_factory=list)
    tables: list[MoneyTable] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)


def _has_amounts(line: Line) -> bool:
    return read_row(0, line) is not None


def _continues_header(line: Line, vocabulary: MoneyVocabulary) -> bool:
    """'2018 Begroting Begroting 2019': only years and column words, so a header line, not a row."""
    words = [fold(w) for w in line.text.replace("|", " ").split()]
    if words and all(YEAR.fullmatch(w) or w in vocabulary.heads or w in vocabulary.nouns for w in words):
        return True
    return _year_row(line) is not None


def _year_row(line: Line) -> list[str] | None:
    """'2022 2023 2024 2025' or 'MJB 2023 - 2026': numbers that are all years (with at most two other words)."""
    words = line.text.replace("|", " ").split()
    years = [w for w in words if YEAR.fullmatch(w)]
    others = [w for w in words if not YEAR.fullmatch(w) and w not in {"-", "–", "t/m"}]
    if len(years) < 2 or len(others) > 2 or any(_NUMBER_WORD.fullmatch(w) for w in others):
        return None
    return years


def _next_full_row(lines: list[Line], index: int, expected: int | None) -> int | None:
    """Index of a full-width row within a few lines (sub-headings inside a table), or None at the table's end."""
    if not expected or expected < 2:
        return None
    for ahead in range(index + 1, min(len(lines), index + 1 + _MAX_GAP_LINES)):
        row = read_row(ahead, lines[ahead], expected)
        if row is not None and row.label and len(row.cells) == expected:
            return ahead
    return None


def _pure_amount(line: Line) -> Cell | None:
    if len(line.cells) > 1 or not _NUMERIC_LINE.match(line.text.replace(" ", "")):
        return None
    try:
        amount = parse_amount(line.text)
    except NotAnAmount:
        return None
    return Cell(amount.value, amount.direction, line.text)


def _stacked_row(lines: list[Line], index: int, expected: int | None) -> NumericRow | None:
    """A label line followed by one amount per line, as many as the table has columns."""
    if not expected or index + expected >= len(lines) or _pure_amount(lines[index]) or read_row(0, lines[index]):
        return None
    cells = [_pure_amount(line) for line in lines[index + 1 : index + 1 + expected]]
    if any(cell is None for cell in cells):
        return None
    return NumericRow(index, lines[index], lines[index].text, tuple(c for c in cells if c is not None))


def _is_section(line: Line, vocabulary: MoneyVocabulary) -> bool:
    """A short line naming a kind of rows ('Lasten', 'Mutatie reserves') and no column words."""
    return (
        len(line.text.split()) <= _MAX_SECTION_WORDS
        and vocabulary.row_kind(line.text) is not None
        and not _head_words(line.text, vocabulary)
        and read_row(0, line) is None
    )


def _head_words(text: str, vocabulary: MoneyVocabulary) -> list[int]:
    words = [fold(w) for w in text.split()]
    return [i for i, w in enumerate(words) if w in vocabulary.heads]


def _is_table_start(line: Line, vocabulary: MoneyVocabulary) -> bool:
    if len(line.text.split()) <= _MAX_UNIT_LINE_WORDS and parse_unit(line.text) is not None:
        return True
    if _continues_header(line, vocabulary):
        return len(_head_words(line.text, vocabulary)) >= 2
    if _has_amounts(line):
        return False
    if len(line.cells) > 1:
        return sum(1 for cell in line.cells if _head_words(cell, vocabulary)) >= 2
    return len(_head_words(line.text, vocabulary)) >= 2 and len(line.text.split()) <= 16


def _columns_from_words(lines: list[Line], vocabulary: MoneyVocabulary) -> list[Column]:
    """Columns from header lines that lost their cell boundaries; continuation lines complete the heads."""
    first, *rest = lines
    words = first.text.split()
    heads = _head_words(first.text, vocabulary)
    if not heads:
        return []
    parts: list[list[str]] = []
    for position, start in enumerate(heads):
        end = heads[position + 1] if position + 1 < len(heads) else len(words)
        parts.append(words[start:end])
    takes = [vocabulary.heads[fold(p[0])] for p in parts]
    for line in rest:
        pointer = 0
        for word in line.text.split():
            wanted = "year" if YEAR.fullmatch(word) else "noun" if fold(word) in vocabulary.nouns else None
            if wanted is None:
                continue
            for index in range(pointer, len(parts)):
                if takes[index] in (wanted, "both") and not _completed(parts[index], wanted, vocabulary):
                    parts[index].append(word)
                    pointer = index + 1
                    break
    return [Column(" ".join(p)) for p in parts]


def _completed(part: list[str], wanted: str, vocabulary: MoneyVocabulary) -> bool:
    if wanted == "year":
        return any(YEAR.fullmatch(w) for w in part)
    return any(fold(w) in vocabulary.nouns for w in part[1:])


def _columns(header: list[Line], vocabulary: MoneyVocabulary) -> list[Column]:
    celled = [line for line in header if len(line.cells) > 1]
    if celled:
        cells = list(celled[-1].cells)
        if len(celled) > 1 and len(celled[-2].cells) == len(cells):
            cells = [f"{a} {b}" for a, b in zip(celled[-2].cells, cells, strict=True)]
        return [Column(c) for c in cells if _head_words(c, vocabulary) or YEAR.search(c)]
    per_line = [
        line
        for line in header
        if len(line.text.split()) <= 4 and (_head_words(line.text, vocabulary) or YEAR.fullmatch(line.text.strip()))
    ]
    if len(per_line) >= 2 and len(per_line) == len([ln for ln in header if parse_unit(ln.text) is None]):
        return [Column(line.text) for line in per_line]
    year_rows = [years for line in header if (years := _year_row(line)) and len(years) >= _MIN_YEAR_COLUMNS]
    if year_rows:
        return [Column(year) for year in year_rows[-1]]
    with_heads = [
        i
        for i, line in enumerate(header)
        if _head_words(line.text, vocabulary) and len(line.text.split()) <= _MAX_HEADER_WORDS
    ]
    if not with_heads:
        return []
    return _columns_from_words(header[with_heads[0] :], vocabulary)


def _describe_columns(columns: list[Column], year: int | None, vocabulary: MoneyVocabulary) -> None:
    for column in columns:
        if vocabulary.is_difference(column.label):
            column.kind = "verschil"
            continue
        period = parse_period(column.label, year)
        if period:
            column.kind, column.year = period.kind, period.year


def find_tables(lines: list[Line], context: DocumentContext) -> list[MoneyTable]:
    """Every money table in the document, in order."""
    vocabulary = money_vocabulary()
    tables: list[MoneyTable] = []
    index = 0
    while index < len(lines):
        if not _is_table_start(lines[index], vocabulary):
            index += 1
            continue
        table = _read_table(lines, index, context, vocabulary)
        if table is None:
            index += 1
            continue
        tables.append(table)
        index = table.end
    return tables


def _read_table(
    lines: list[Line], start: int, context: DocumentContext, vocabulary: MoneyVocabulary
) -> MoneyTable | None:
    header: list[Line] = []
    cursor = start
    while (
        cursor < len(lines)
        and len(header) <= _MAX_HEADER_LINES
        and not _is_section(lines[cursor], vocabulary)
        and (
            not _has_amounts(lines[cursor])
            or _continues_header(lines[cursor], vocabulary)
            or (cursor == start and parse_unit(lines[cursor].text))
        )
    ):
        if _pure_amount(lines[cursor]) and not YEAR.fullmatch(lines[cursor].text.strip()):
            break  # one amount per line starts: the line above is the first row's label, not a header
        header.append(lines[cursor])
        cursor += 1
    if header and cursor < len(lines) and _pure_amount(lines[cursor]) and len(header) > 1:
        header.pop()
        cursor -= 1
    if not header or cursor >= len(lines):
        return None
    units = [parse_unit(line.text) for line in (*lines[max(0, start - 1) : start], *header)]
    multiplier = next((u for u in units if u), None)
    columns = _columns(header, vocabulary)
    _describe_columns(columns, context.info.year, vocabulary)
    title_lines = [ln.text for ln in lines[max(0, start - _LOOKBACK) : start]] + [ln.text for ln in header]
    table = MoneyTable(start, cursor, " | ".join(title_lines), multiplier or 1, multiplier is not None, columns)
    expected = len(columns) or None
    section: str | None = None
    section_label = ""
    while cursor < len(lines):
        line = lines[cursor]
        stacked = _stacked_row(lines, cursor, expected)
        if stacked is not None:
            kind = vocabulary.row_kind(stacked.label) or section or "other"
            table.rows.append(Row(stacked, kind, vocabulary.is_total(stacked.label)))
            cursor += 1 + len(stacked.cells)
            continue
        row = read_row(cursor, line, expected)
        if row is not None and row.label and not (expected and len(row.cells) > expected + 1):
            kind = vocabulary.row_kind(row.label) or section or "other"
            total = vocabulary.is_total(row.label) or (section_label != "" and fold(row.label) == section_label)
            table.rows.append(Row(row, kind, total))
            cursor += 1
            continue
        if row is None and _is_section(line, vocabulary):
            section, section_label = vocabulary.row_kind(line.text), fold(line.text)
            cursor += 1
            continue
        resume = _next_full_row(lines, cursor, expected)
        if resume is None:
            break
        cursor = resume
    table.end = cursor
    if not table.rows:
        return None
    widths = Counter(len(r.numeric.cells) for r in table.rows)
    table.deviation_table = widths.most_common(1)[0][0] == 1 and vocabulary.names_deviations(table.title)
    if not table.deviation_table and len(table.rows) < 2:
        return None
    return table


def parse_money_tables(lines: list[Line], context: DocumentContext) -> MoneyResult:
    """Budget lines and deviation-table items of every money table, with the consistency checks."""
    result = MoneyResult()
    vocabulary = money_vocabulary()
    for table in find_tables(lines, context):
        result.tables.append(table)
        if not table.unit_stated:
            result.warnings.append(
                WarningRecord(
                    code="budget-unit-assumed",
                    line=lines[table.start].number,
                    message="the table states no unit (such as 'x € 1.000'); amounts taken as euros",
                )
            )
        if table.deviation_table:
            result.deviations.extend(_deviation_items(table, result.warnings, vocabulary))
        else:
            result.budget_lines.extend(_budget_lines(table, result.warnings))
            result.warnings.extend(check_budget_table(table))
    return result


def _budget_lines(table: MoneyTable, warnings: list[WarningRecord]) -> list[BudgetLine]:
    columns = table.columns
    widths = Counter(len(r.numeric.cells) for r in table.rows)
    width = widths.most_common(1)[0][0]
    if len(columns) != width:
        warnings.append(
            WarningRecord(
                code="budget-columns-mismatch",
                line=table.rows[0].numeric.line.number,
                message=f"the header names {len(columns)} columns ({', '.join(c.label for c in columns) or 'none'}) "
                f"but rows have {width} amounts; columns numbered instead",
            )
        )
        columns = [Column(f"kolom {i + 1}") for i in range(width)]
    lines = []
    for row in table.rows:
        cells = row.numeric.cells
        if len(cells) != len(columns):
            warnings.append(
                WarningRecord(
                    code="budget-row-width",
                    line=row.numeric.line.number,
                    message=f"row {row.numeric.label!r} has {len(cells)} amounts for {len(columns)} columns; skipped",
                )
            )
            continue
        for column, cell in zip(columns, cells, strict=True):
            amount = to_euros(cell.value, table.multiplier) if cell.value is not None else None
            lines.append(
                BudgetLine(
                    scope=row.numeric.label,
                    kind=row.kind if row.kind != "other" else (money_vocabulary().row_kind(column.label) or "other"),
                    column=column.label,
                    year=column.year,
                    amount_eur=amount,
                    column_kind=column.kind,
                    total=row.total,
                    direction=cell.direction,
                    line=row.numeric.line.number,
                )
            )
    return lines


def _deviation_items(table: MoneyTable, warnings: list[WarningRecord], vocabulary: MoneyVocabulary) -> list[Deviation]:
    items: list[Deviation] = []
    signed_sum = Decimal(0)
    total: tuple[Row, Decimal] | None = None
    for row in table.rows:
        cell = row.numeric.cells[-1]
        if cell.value is None:
            continue
        direction = cell.direction or ("N" if cell.value < 0 else "V")
        signed = abs(cell.value) if direction == "V" else -abs(cell.value)
        if vocabulary.is_total(row.numeric.label):
            total = (row, signed)
            continue
        if cell.direction is None:
            warnings.append(
                WarningRecord(
                    code="deviation-direction-from-sign",
                    line=row.numeric.line.number,
                    message=f"{row.numeric.label!r} has no N/V; took {direction} from the sign",
                )
            )
        signed_sum += signed
        label = row.numeric.label.rstrip("* ").strip()
        items.append(
            Deviation(
                item=label,
                amount_eur=to_euros(abs(cell.value), table.multiplier),
                direction=direction,
                incidental=row.numeric.label.endswith("*"),
                line=row.numeric.line.number,
            )
        )
    if total and abs(total[1] - signed_sum) > _TOLERANCE:
        row, printed = total
        warnings.append(
            WarningRecord(
                code="deviation-total-mismatch",
                line=row.numeric.line.number,
                message=f"the deviation items add up to {_signed(signed_sum)} but the total says {_signed(printed)}",
            )
        )
    return items


def _signed(value: Decimal) -> str:
    return f"{abs(value):n} {'V' if value >= 0 else 'N'}"


def _column_index(columns: list[Column], kinds: tuple[str, ...], before: int | None = None) -> int | None:
    limit = len(columns) if before is None else before
    found = [i for i in range(limit) if columns[i].kind in kinds]
    return found[-1] if found else None


def check_budget_table(table: MoneyTable) -> list[WarningRecord]:
    """Totals add up, Verschil = realisatie − actuele begroting, and N/V agrees with the difference."""
    warnings: list[WarningRecord] = []
    rows = [r for r in table.rows if len(r.numeric.cells) == len(table.columns)] if table.columns else []
    if not rows:
        return warnings
    lasten_negative = _lasten_negative(rows)
    warnings += _section_totals(table, rows)
    if lasten_negative:
        warnings += _derived_totals(table, rows)
    warnings += _difference_checks(table, rows, lasten_negative)
    return warnings


def _lasten_negative(rows: list[Row]) -> bool:
    values = [c.value for r in rows if r.kind == "lasten" for c in r.numeric.cells[:-1] if c.value]
    return bool(values) and sum(1 for v in values if v < 0) > len(values) / 2


def _section_totals(table: MoneyTable, rows: list[Row]) -> list[WarningRecord]:
    warnings = []
    for kind in ("lasten", "baten", "reserves"):
        members = [r for r in rows if r.kind == kind and not r.total]
        totals = [r for r in rows if r.kind == kind and r.total]
        if len(totals) != 1 or len(members) < 2:
            continue
        total = totals[0]
        for position, column in enumerate(table.columns):
            if column.kind == "verschil":
                continue
            printed = total.numeric.cells[position].value
            computed = sum((m.numeric.cells[position].value or Decimal(0) for m in members), Decimal(0))
            if printed is not None and abs(printed - computed) > _TOLERANCE:
                warnings.append(
                    WarningRecord(
                        code="budget-total-mismatch",
                        line=total.numeric.line.number,
                        message=f"{total.numeric.label!r} {column.label}: printed {printed:n}, the rows above add up "
                        f"to {computed:n}",
                    )
                )
    return warnings


def _derived_totals(table: MoneyTable, rows: list[Row]) -> list[WarningRecord]:
    """Saldo = totaal baten + totaal lasten, resultaat = saldo + mutatie reserves (lasten printed negative)."""

    def single(kind: str, total: bool | None = None) -> Row | None:
        found = [r for r in rows if r.kind == kind and (total is None or r.total == total)]
        return found[0] if len(found) == 1 else None

    checks = [
        (single("saldo"), (single("lasten", True), single("baten", True))),
        (single("resultaat"), (single("saldo"), single("reserves", True))),
    ]
    warnings = []
    for target, parts in checks:
        if target is None or any(p is None for p in parts):
            continue
        for position, column in enumerate(table.columns):
            if column.kind == "verschil":
                continue
            values = [p.numeric.cells[position].value for p in parts]
            printed = target.numeric.cells[position].value
            if printed is None or any(v is None for v in values):
                continue
            computed = sum(values, Decimal(0))
            if abs(printed - computed) > _TOLERANCE:
                names = " + ".join(p.numeric.label for p in parts)
                warnings.append(
                    WarningRecord(
                        code="budget-total-mismatch",
                        line=target.numeric.line.number,
                        message=f"{target.numeric.label!r} {column.label}: printed {printed:n}, {names} give {computed:n}",
                    )
                )
    return warnings


def _difference_checks(table: MoneyTable, rows: list[Row], lasten_negative: bool) -> list[WarningRecord]:
    columns = table.columns
    difference = next((i for i, c in enumerate(columns) if c.kind == "verschil"), None)
    actual = _column_index(columns, ("rekening",), difference)
    budget = _column_index(columns, ("actuele_begroting",), actual) if actual is not None else None
    if budget is None and actual is not None:
        budget = _column_index(columns, ("begroting",), actual)
    if difference is None or actual is None or budget is None:
        return []
    warnings = []
    for row in rows:
        cells = row.numeric.cells
        real, planned, printed = cells[actual].value, cells[budget].value, cells[difference]
        if real is None or planned is None or printed.value is None:
            continue
        expected = real - planned
        where = f"{row.numeric.label!r}: {columns[actual].label} {real:n} − {columns[budget].label} {planned:n}"
        if abs(abs(expected) - abs(printed.value)) > _TOLERANCE:
            warnings.append(
                WarningRecord(
                    code="budget-difference-mismatch",
                    line=row.numeric.line.number,
                    message=f"{where} = {expected:n}, but {columns[difference].label} says {printed.value:n}",
                )
            )
        if printed.direction and expected != 0 and row.kind != "reserves":
            favourable = expected > 0 if (lasten_negative or row.kind != "lasten") else expected < 0
            implied = "V" if favourable else "N"
            if implied != printed.direction:
                warnings.append(
                    WarningRecord(
                        code="budget-direction-mismatch",
                        line=row.numeric.line.number,
                        message=f"{where} = {expected:n} is {implied}, but the table says {printed.direction}",
                    )
                )
    return warnings


__all__ = ["MoneyResult", "MoneyTable", "check_budget_table", "find_tables", "parse_money_tables"]
