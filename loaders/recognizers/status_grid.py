"""Status tables: a status per activity and reporting period, shown as words, letters, symbols, icons or colours.

Layouts: a row per activity with a column per period (theme rows inside the table give the theme); one row of
statuses under a numbered activity heading; a transposed table whose columns are activities and whose rows are
periods; a sheet per period whose single status column takes the period from the sheet's name.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from loaders.readers.pdf_lines import wrapped
from loaders.readers.shapes import Shape, shape, status_column_prefixes
from loaders.recognizers.fields import match_field
from loaders.recognizers.grid import Column, Grid, GridRow
from loaders.recognizers.legends import Legend
from loaders.recognizers.status_columns import field_columns, group_and_name, progress_beside_status
from loaders.recognizers.status_values import resolve_cell, shows_status
from model.document import Cell
from model.numbering import parse_numbered
from model.periods import ParsedPeriod, parse_period
from model.text import fold

_CODE_NAME = re.compile(r"^(?P<code>\d{1,2}(?:\.\d{1,3}){1,4}|[A-Z]{1,3}\d{1,3}(?:\.\d{1,3})*)\.?\s+(?P<name>\S.*)$")
_CODE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,3}){1,4}|[A-Z]{1,3}\d{1,3}(?:\.\d{1,3})*)\.?$")
_MIN_STATUS_SHARE = 0.5
_MAX_WRAPPED_WORDS = 5
_SENTENCE_END = re.compile(r"[.:;!?]$")


@dataclass
class StatusRow:
    """One activity of a status table: code, name, texts, theme and its status cells per period."""

    code: str | None
    name: str
    line: int
    theme: str | None = None
    description: str | None = None
    target_year: int | None = None
    programme: str | None = None
    progress: str | None = None
    cells: list[tuple[ParsedPeriod, Cell]] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)  # other labelled columns ('Planning' as 'timeline')


@dataclass
class StatusTable:
    """The activity rows of a status table, the periods of its columns, and whether its cells were empty."""

    rows: list[StatusRow] = field(default_factory=list)
    periods: list[ParsedPeriod] = field(default_factory=list)
    values_missing: bool = False
    header_line: int | None = None


def period_of(column: Column, year: int | None, document_period: ParsedPeriod | None) -> ParsedPeriod | None:
    """The period a status column stands for; a bare 'Status' column is the document's own period."""
    if column.period is not None:
        return parse_period(column.name, year)
    if fold(column.name) in status_column_prefixes() and document_period is not None:
        return document_period
    return None


def period_columns(grid: Grid, year: int | None, own: ParsedPeriod | None) -> list[tuple[Column, ParsedPeriod]]:
    found = []
    for column in grid.value_columns:
        period = period_of(column, year, own)
        if period is not None and not fold(column.name).startswith(("jaar realisatie", "realisatiejaar")):
            found.append((column, period))
    beside = progress_beside_status(grid)
    return [(column, period) for column, period in found if column is not beside]


def is_status_table(
    grid: Grid, year: int | None, own: ParsedPeriod | None, legend: Legend | None = None, municipality: str | None = None
) -> bool:
    """Period columns whose filled cells mostly show statuses (words, symbols, icons, colours), or period columns
    named 'Status …' (or under 'Stand van zaken') whose cells are all empty (icons lost in an export)."""
    columns = period_columns(grid, year, own)
    if not columns:
        return transposed(grid, year) is not None
    filled = [cell for row in grid.rows for column, _ in columns if (cell := row.value(column)) is not None]
    if not filled:
        under_progress = any((found := match_field(text)) and found[0] == "progress" for text in grid.table.caption[-1:])
        return under_progress or any(fold(c.name).startswith(status_column_prefixes()) for c, _ in columns)
    counted = [cell for cell in filled if any(m.kind != "bold" for m in cell.marks) or shape(cell.text) != Shape.MISSING]
    colours = {m.value for cell in filled for m in cell.marks if m.kind == "colour"}
    varied = len(colours) >= 2 or bool(legend and any(legend.lookup(c) for c in colours))
    needed = max(1, math.ceil(len(counted) * _MIN_STATUS_SHARE))
    misses = 0
    for cell in counted:
        marked = any(m.kind != "colour" or varied for m in cell.marks if m.kind != "bold")
        could = marked or shows_status(cell.text, ()) or _in_legend(cell, legend)  # cheap; resolving is not
        if not (could and (marked or ((found := resolve_cell(cell, legend, municipality)) and found.known))):
            misses += 1
            if misses > len(counted) - needed:
                return False  # too many cells without a status already: a table of figures, not statuses
    return len(counted) >= needed


def transposed(grid: Grid, year: int | None) -> list[str] | None:
    """The activity codes of a table whose columns are activities and whose rows are periods, if it is one."""
    later = grid.columns[1:]
    codes = [c.name for c in later if _CODE.match(c.name.strip())]
    if len(codes) < 2 or len(codes) < len(later) - 1:
        return None
    periods = [row for row in grid.rows if row.cells and parse_period(row.cells[0].text, year)]
    return codes if len(periods) >= 1 else None


def _holds_codes(grid: Grid, column: Column) -> bool:
    """More than half of the column's filled cells are activity codes ('6.1.4')."""
    cells = [row.cells[column.index].text for row in grid.rows if row.cells[column.index].text]
    return bool(cells) and sum(1 for text in cells if _CODE.match(text.strip())) * 2 > len(cells)


def _roles(grid: Grid, fielded: dict[str, Column]) -> dict[str, Column | None]:
    """Which label column holds the code, the name, the description and the progress ('Stand van zaken',
    'Toelichting': the field labels of an activity's progress); the `fielded` columns hold other fields."""
    code = description = progress = None
    group, name = group_and_name(grid)
    if group is not None and _holds_codes(grid, group):
        group = None  # 'Doel' over '2.1', '2.2': the activities' codes, not what groups them
    skipped = {column.index for column in fielded.values()} | {c.index for c in (group, name) if c}
    for column in grid.label_columns:
        if column.index in skipped:
            continue
        folded = fold(column.name)
        cells = [row.cells[column.index].text for row in grid.rows if row.cells[column.index].text]
        field_name = (match_field(column.name) or ("", ""))[0]
        if code is None and cells and _holds_codes(grid, column):
            code = column
        elif field_name == "progress" and name and progress is None:
            progress = column
        elif folded.startswith(("toelichting", "omschrijving", "beschrijving")) and name:
            description = column
        elif name is None:
            name = column
        elif description is None:
            description = column
    return {"code": code, "name": name, "description": description, "progress": progress, "group": group}


def _split_name(text: str) -> tuple[str | None, str, str | None]:
    """'2.1.1 Name\\nDescription' → (code, name, description); a short last line without a sentence end is the
    rest of a name the cell wrapped ('Toeleiding jongeren zonder\\nstartkwalificatie')."""
    first, _, rest = text.partition("\n")
    rest = rest.strip()
    if rest and len(rest.split()) <= _MAX_WRAPPED_WORDS and not _SENTENCE_END.search(rest):
        for part in rest.splitlines():  # a word broken by a hyphen ('cliënt-' / 'ondersteuning') is joined whole
            first = wrapped(first.strip(), part.strip(), " ")
        rest = ""
    match = _CODE_NAME.match(first.strip())
    if match:
        return match.group("code"), match.group("name").strip(), rest or None
    return None, first.strip(), rest or None


def _depth(text: str) -> int | None:
    match = _CODE_NAME.match(text.strip()) or _CODE.match(text.strip())
    return match.group(0).split()[0].rstrip(".").count(".") + 1 if match else None


def _activity_depth(grid: Grid, roles: dict[str, Column | None]) -> int | None:
    """The depth of the codes most rows carry (3 for '3.1.2')."""
    depths: list[int] = []
    for row in grid.rows:
        for column in (roles["code"], roles["name"]):
            if column is not None and (depth := _depth(row.cells[column.index].text)):
                depths.append(depth)
                break
    return max(set(depths), key=depths.count) if depths else None


def _theme(row: GridRow, columns: list[tuple[Column, ParsedPeriod]], depth: int | None) -> str | None:
    """A row that only names a theme ('3.1 Jeugd en gezin' above rows of '3.1.2 ...'), often spanning the table."""
    filled = [cell for cell in row.cells if not cell.empty]
    if not filled or any(row.value(c) is not None for c, _ in columns):
        return None
    texts = list(dict.fromkeys(cell.text for cell in filled))
    if len(texts) != 1 or shape(texts[0]) == Shape.PROSE:
        return None
    own = _depth(texts[0])
    if own is not None and depth is not None and own >= depth:
        return None
    return texts[0]


def _in_legend(cell: Cell, legend: Legend | None) -> bool:
    """A cell whose text the legend names as a status, even a figure ('100% = afgerond')."""
    return legend is not None and bool(cell.text.strip()) and legend.lookup(cell.text.strip()) is not None


def read_status_table(
    grid: Grid,
    year: int | None,
    own: ParsedPeriod | None,
    theme: str | None,
    period_hint: ParsedPeriod | None,
    legend: Legend | None = None,
) -> StatusTable:
    """The activity rows of a status table; `period_hint` is the period of a sheet or block without one."""
    codes = transposed(grid, year)
    if codes is not None:
        return _read_transposed(grid, year)
    columns = period_columns(grid, year, period_hint or own)
    result = StatusTable(periods=[p for _, p in columns], header_line=_header_line(grid, columns))
    fielded = field_columns(grid)
    roles = _roles(grid, fielded)
    beside = progress_beside_status(grid)
    programme_column = None
    if roles["code"] is not None:
        codes = [row.cells[roles["code"].index].text for row in grid.rows if row.cells[roles["code"].index].text]
        if len(set(codes)) < len(codes):
            programme_column, roles["code"] = roles["code"], None
    years = [c for c in grid.value_columns if fold(c.name).startswith(("jaar realisatie", "realisatiejaar"))]
    depth = _activity_depth(grid, roles)
    current_theme = theme
    any_value = False
    for row in grid.rows:
        found = _theme(row, columns, depth)
        if found is not None:
            current_theme = found
            continue
        if roles["group"] is not None and row.cells[roles["group"].index].text:
            current_theme = row.cells[roles["group"].index].text
        name_cell = row.cells[roles["name"].index] if roles["name"] else None
        code_cell = row.cells[roles["code"].index] if roles["code"] else None
        code, name, description = _split_name(name_cell.text) if name_cell and name_cell.text else (None, "", None)
        if code_cell is not None and code_cell.text:
            code = code_cell.text.strip().rstrip(".")
        if roles["description"] is not None and row.cells[roles["description"].index].text:
            description = row.cells[roles["description"].index].text
        status_row = StatusRow(code, name, row.line, current_theme, description)
        progress = roles["progress"] or beside
        if progress is not None:
            status_row.progress = row.cells[progress.index].text or None
        status_row.fields = {name: text for name, c in fielded.items() if (text := row.cells[c.index].text)}
        if programme_column is not None and row.cells[programme_column.index].text:
            status_row.programme = row.cells[programme_column.index].text
        for column in years:
            cell = row.value(column)
            if cell is not None and re.fullmatch(r"\d{4}", cell.text.strip()):
                status_row.target_year = int(cell.text.strip())
        for column, period in columns:
            cell = row.value(column)
            if cell is not None and (
                shows_status(cell.text, [m for m in cell.marks if m.kind != "bold"]) or _in_legend(cell, legend)
            ):
                status_row.cells.append((period, cell))
                any_value = True
        if name or code or status_row.cells:
            result.rows.append(status_row)
    result.values_missing = not any_value and bool(columns)
    return result


def _header_line(grid: Grid, columns: list[tuple[Column, ParsedPeriod]]) -> int | None:
    """The line of the first period column's name."""
    for row in grid.header:
        for column, _ in columns:
            if column.index < len(row) and row[column.index].text:
                return row[column.index].line
    return None


def _read_transposed(grid: Grid, year: int | None) -> StatusTable:
    result = StatusTable()
    rows: dict[str, StatusRow] = {}
    for row in grid.rows:
        period = parse_period(row.cells[0].text, year) if row.cells and row.cells[0].text else None
        if period is None:
            continue
        result.periods.append(period)
        for column in grid.columns[1:]:
            cell = row.value(column)
            code = column.name.strip().rstrip(".")
            if cell is None or not _CODE.match(code):
                continue
            status_row = rows.setdefault(code, StatusRow(code, "", row.line))
            status_row.cells.append((period, cell))
    result.rows = list(rows.values())
    return result


def heading_code(text: str) -> tuple[str, str] | None:
    """(code, title) of a numbered heading, if it is one."""
    numbered = parse_numbered(text)
    return (numbered.code, numbered.title) if numbered else None
