"""Indicator tables: a row per indicator with values per period, and where printed its unit, target and source.

Rows that hold only "Eenheid:", "Bron:" or "Toelichting:" describe the indicator above them; rows named
"Gemeente", "Provincie" or "Nederland" are series of the indicator above (the municipality's own series gives its
values); a row whose name starts in lower case ("aantal voorzieningen") is a sub-row of the row above.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.readers.pdf_lines import wrapped
from loaders.readers.shapes import VALUE_SHAPES, figure_unit, shape, without_notes
from loaders.recognizers.grid import Column, Grid, GridRow
from loaders.recognizers.indicators import IndicatorResult, unit_from_name
from loaders.recognizers.sections import indicator_vocabulary
from model.amounts import SCALE_WORDS, NotAnAmount, parse_amount
from model.document import Cell
from model.periods import ParsedPeriod, parse_period
from model.records import Indicator, IndicatorValue, WarningRecord
from model.text import fold

_COMPARATOR = re.compile(r"^\s*(?:[<>≤≥~±]|ca\.?|circa)\s*", re.IGNORECASE)
_OWN_YEAR = re.compile(r"\s*\(\s?(?P<after>(?:19|20)\d\d)\s?\)\s*$|^\s*(?P<before>(?:19|20)\d\d)\s?:\s*")  # '1,8 (2023)', '2019: € 248'
_TRAILING_WORDS = re.compile(r"^\s*(-?[\d.,]+\s*%?)\s+[a-z]+\s*$", re.IGNORECASE)
_ROW_NUMBER = re.compile(r"^\d{1,3}\.?\s+(?=\S)")


@cache
def _roles() -> dict[str, str]:
    vocabulary = indicator_vocabulary()
    roles = {
        "unit_labels": "unit",
        "source_labels": "source",
        "note_labels": "note",
        "target_words": "target",
        "series_labels": "series",
        "programme_labels": "programme",
        "year_labels": "year",
    }
    return {word: role for key, role in roles.items() for word in vocabulary[key]}


def indicator_role(text: str) -> str | None:
    """The role a column name or row label names ('Eenheid', 'Bron:'); a name whose first word is such a word
    and whose rest is the first row's text run into the header ('Bron Bureau') names it too."""
    folded = fold(text)
    return _roles().get(folded) or _roles().get(folded.split(" ", 1)[0]) if folded else None


def source_note(text: str) -> bool:
    """A line that names where figures come from ('Bron: CBS', 'Bron peilwaarde: CBS'), not what they are."""
    return indicator_role(text.split(":", 1)[0].rstrip()) == "source" if ":" in text else False


def column_period(name: str, year: int | None) -> ParsedPeriod:
    """The period a value column stands for; a name that is no period ('Cijfer Wassenaar') is its own period."""
    period = parse_period(name, year) if name else None
    if period is not None:
        return period
    years = re.findall(r"(?<!\d)(?:19|20|21)\d\d(?!\d)", name)
    found = int(years[-1]) if years else None
    return ParsedPeriod(name, "overig", found, None, 99, False, name)


def indicator_value(text: str) -> tuple[float | int | None, bool]:
    """(value, percent) of an indicator cell: '12,5%', '34**', '> 90%', '€ 285', '6 personen'; None when missing."""
    cleaned = _OWN_YEAR.sub("", _COMPARATOR.sub("", without_notes(text))).rstrip("*").strip()
    trailing = _TRAILING_WORDS.match(cleaned)
    if trailing and cleaned.split()[-1].lower() not in SCALE_WORDS:  # '6 personen' is 6, '1,2 mln' 1.200.000
        cleaned = trailing.group(1)
    try:
        amount = parse_amount(cleaned)
    except NotAnAmount:
        return None, False
    if amount.value is None:
        return None, False
    value = amount.value
    return (int(value) if value == value.to_integral_value() else float(value)), amount.percent


def read_indicators(grid: Grid, group: str | None, year: int | None) -> IndicatorResult:
    """The indicators of an indicator table."""
    result = IndicatorResult()
    columns = {
        role: [c for c in grid.columns if indicator_role(c.name) == role] for role in ("unit", "source", "target", "programme")
    }
    columns["year"] = [c for c in grid.columns if indicator_role(c.name) == "year" and _years_only(grid, c)]
    period_columns = [
        c
        for c in grid.value_columns
        if indicator_role(c.name) not in {"unit", "source", "target", "programme"} and c not in columns["year"]
    ]
    if len({c.year for c in columns["target"]} - {None}) > 1:  # targets per year: a series; the first is the target
        period_columns = sorted([*period_columns, *columns["target"]], key=lambda c: c.index)
        columns["target"] = columns["target"][:1]
    name_columns = _name_columns(grid)
    if columns["year"] and not any(_cells(row, name_columns) for row in grid.rows) and _names_indicators(period_columns):
        return _read_transposed(grid, group, columns["year"][0], period_columns, year)
    periods = {c.index: column_period(c.name or f"kolom {c.index + 1}", year) for c in period_columns}
    current: Indicator | None = None
    parent: Indicator | None = None
    pending: GridRow | None = None
    _pending_name = ""
    for row in grid.rows:
        label = " ".join(" ".join(row.cells[c.index].text.split()) for c in name_columns).strip()
        if not name_columns and row.cells and row.cells[0].text and shape(row.cells[0].text) not in VALUE_SHAPES:
            label = row.cells[0].text
        role = indicator_role(label.rstrip(":"))
        row_year = next(iter(_cells(row, columns["year"])), None)
        values = _row_values(row, period_columns, periods, row_year)
        for value in values:
            if all(value.period != p.label for p in result.periods):
                result.periods.append(column_period(value.period, year))
        if role in {"unit", "source", "note"} and current is not None:
            text = _row_text(row, grid)
            if role == "unit" and text:
                current.unit = text
            elif role == "source" and text:
                current.source = text
            continue
        if role == "series":
            if pending is not None:
                current = _indicator(pending, group, columns, _pending_name)
                result.indicators.append(current)
                pending = None
            if current is not None and not current.values and values:
                current.values = values
            continue
        if not values and not _cells(row, columns["target"]):
            pending, _pending_name = row, _ROW_NUMBER.sub("", label)
            continue
        pending = None
        name = _ROW_NUMBER.sub("", label) if label else _pending_name
        if label[:1].islower() and parent is not None:
            name = f"{parent.name} - {name}"
        current = _indicator(row, group, columns, name)
        current.values = values
        if not current.unit:
            current.unit = next((u for u in (_percent(row, period_columns),) if u), None)
        result.indicators.append(current)
        if not label[:1].islower():
            parent = current
        if grid.table.layout == "stacked" and 0 < len(row_cells := _filled(row, period_columns)) < len(period_columns):
            result.warnings.append(
                WarningRecord(
                    code="indicator-periods-unknown",
                    line=row.line,
                    message=f"{current.name!r} has {len(row_cells)} values for {len(period_columns)} periods (empty "
                    "cells were lost); assigned them to the first periods",
                )
            )
    return result


def _names_indicators(columns: list[Column]) -> bool:
    """Value columns named by what they measure ('Niet-sporters (%)'), not by a period: a table whose rows are
    the years."""
    return len(columns) >= 1 and all(c.name and parse_period(c.name) is None and c.year is None for c in columns)


def _read_transposed(
    grid: Grid, group: str | None, years: Column, columns: list[Column], year: int | None
) -> IndicatorResult:
    """A table with a row per year and a column per indicator ('Jaar | Niet-sporters (%) | ...')."""
    result = IndicatorResult()
    line = grid.header[-1][0].line if grid.header and grid.header[-1] else grid.table.line
    for column in columns:
        name = " ".join(column.name.split())
        indicator = Indicator(name=name, group=group, unit=unit_from_name(name), line=line)
        for row in grid.rows:
            period, cell = row.value(years), row.value(column)
            if period is None or cell is None or not cell.text:
                continue
            if shape(cell.text) not in VALUE_SHAPES and indicator_value(cell.text)[0] is None:
                continue
            label = period.text.strip()
            indicator.values.append(IndicatorValue(period=label, value=indicator_value(cell.text)[0]))
            if all(label != p.label for p in result.periods):
                result.periods.append(column_period(label, year))
        if indicator.unit is None and any("%" in text for text in grid.texts(column)):
            indicator.unit = "%"
        result.indicators.append(indicator)
    return result


def _name_columns(grid: Grid) -> list[Column]:
    """The label columns that make up an indicator's name: not its unit, source, note, target, programme or number,
    and none right of the figures ('Behaald?': Ja), where a name column never stands."""
    roles = {"unit", "source", "note", "target", "programme", "year"}
    named = [c for c in grid.label_columns if indicator_role(c.name) not in roles and not _numbering(grid, c)]
    first_value = min((c.index for c in grid.value_columns), default=None)
    before = [c for c in named if first_value is None or c.index < first_value]
    return before or named


def continue_last(indicator: Indicator, grid: Grid, rest: list[Cell]) -> None:
    """The rest of the indicator's row that a page break carried over ('Lopende re-' + 'integratievoorzieningen'):
    `rest` holds the carried cells by column of `grid`, the table the indicator was read from."""
    texts = {c.index: " ".join(rest[c.index].text.split()) for c in grid.columns if c.index < len(rest)}
    name = " ".join(filter(None, (texts.get(c.index) for c in _name_columns(grid))))
    indicator.name = wrapped(indicator.name, name, " ")
    for role in ("unit", "source"):
        extra = " ".join(filter(None, (texts.get(c.index) for c in grid.columns if indicator_role(c.name) == role)))
        if extra:
            setattr(indicator, role, wrapped(getattr(indicator, role) or "", extra, " "))


def _years_only(grid: Grid, column: Column) -> bool:
    texts = [text.strip() for text in grid.texts(column) if text.strip()]
    return bool(texts) and all(re.fullmatch(r"(?:19|20)\d\d", text) for text in texts)


def _numbering(grid: Grid, column: Column) -> bool:
    """A column of row numbers or codes ('6.', '17', 'P2'), not part of an indicator's name."""
    texts = grid.texts(column)
    return bool(texts) and all(re.fullmatch(r"[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*\.?", t.strip()) for t in texts)


def _filled(row: GridRow, columns: list[Column]) -> list[Column]:
    return [c for c in columns if row.value(c) is not None and row.value(c).text]


def _cells(row: GridRow, columns: list[Column]) -> list[str]:
    return [cell.text for c in columns if (cell := row.value(c)) is not None and cell.text]


def _row_text(row: GridRow, grid: Grid) -> str:
    texts = [cell.text for cell in row.cells if cell.text]
    return " ".join(texts[1:]) if len(texts) > 1 else ""


def _percent(row: GridRow, columns: list[Column]) -> str | None:
    return "%" if any("%" in text for text in _cells(row, columns)) else None


def _row_values(
    row: GridRow, columns: list[Column], periods: dict[int, ParsedPeriod], year: str | None = None
) -> list[IndicatorValue]:
    """The row's values by period; `year` is the row's own year (a 'Periode' column), for columns without one."""
    values = []
    for column in columns:
        cell = row.value(column)
        if (
            cell is None
            or not cell.text
            or (shape(cell.text) not in VALUE_SHAPES and indicator_value(cell.text)[0] is None)
        ):
            continue
        value, _ = indicator_value(cell.text)
        text = cell.text if year is None or _OWN_YEAR.search(cell.text) else f"{cell.text} ({year.strip()})"
        values.append(IndicatorValue(period=_own_period(periods[column.index], text).label, value=value))
    return values


@cache
def _year_placeholder() -> re.Pattern[str]:
    words = "|".join(
        re.escape(word) for word in sorted(indicator_vocabulary()["year_placeholders"], key=len, reverse=True)
    )
    return re.compile(rf"\(\s*(?:{words})\s*\)", re.IGNORECASE)


def _own_period(period: ParsedPeriod, text: str) -> ParsedPeriod:
    """A value that states its own year ('1,8 (2023)') under a column without one ('Realisatie (jaartal)') is
    of that year: the column's name with the year in place of the placeholder."""
    own = _OWN_YEAR.search(text)
    if own is None or period.year is not None:
        return period
    year = int(own.group("after") or own.group("before"))
    name = _year_placeholder().sub(str(year), period.label)
    label = name if name != period.label else f"{period.label} {year}"
    return column_period(label, year)


def _indicator(row: GridRow, group: str | None, columns: dict[str, list[Column]], name: str) -> Indicator:
    label = name
    unit = next((" ".join(u.split()) for u in _cells(row, columns["unit"])), None) or unit_from_name(label)
    printed = {figure_unit(cell.text) for cell in row.cells if cell.text} - {None}
    unit = unit or (printed.pop() if len(printed) == 1 else None)  # the unit its figures carry ('205 kg')
    source = next((" ".join(s.split()) for s in _cells(row, columns["source"])), None)
    programme = next((" ".join(p.split()) for p in _cells(row, columns["programme"])), None)
    if programme is not None:
        group = f"Programma {programme}" if shape(programme) in VALUE_SHAPES else programme
    target_text = next(iter(_cells(row, columns["target"])), None)
    target = indicator_value(target_text)[0] if target_text else None
    return Indicator(name=label or "(zonder naam)", group=group, unit=unit, target=target, source=source, line=row.line)
