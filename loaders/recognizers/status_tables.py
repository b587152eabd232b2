"""Status-table progress reports: activities with a status per reporting period.

Works on structure, not wording: a run of period headers ("Rek. 2018", "1e VGR", "2e VGR") either one cell per
line or as one row of cells, followed by as many status labels; numbered headings own the blocks below them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.recognizers.fields import match_field
from loaders.recognizers.headings import Heading, find_headings
from loaders.recognizers.metadata import DocumentContext
from model.document import Line
from model.periods import YEAR, ParsedPeriod, parse_period
from model.records import Activity, StatusReport, WarningRecord
from model.statuses import Status, match_status
from model.text import fold
from model.vocabulary import load_vocabulary

_MAX_LABEL_CHARS = 60
_MAX_LABEL_WORDS = 7
_NAME_LOOKBACK = 4
_MAX_NAME_WORDS = 14
_STATUS_PREFIXES = tuple(load_vocabulary("periods")["prefixes"])  # words such as "Status" before a period
_ROW_CODE = re.compile(r"[A-Za-z]{0,3}\d{1,3}(?:\.\d{1,3})*[a-z]?")
_CODE_NAME = re.compile(r"^(?P<code>\d{1,2}(?:\.\d{1,3}){1,4})\.?\s+(?P<name>\S.*)$")


@dataclass
class Block:
    """A status table found in the text: its header periods and, per row, the statuses (None = not printed)."""

    index: int  # index in the line list where the header starts
    end: int  # index after the last line it consumed
    periods: list[ParsedPeriod]
    values: list[tuple[Line, str]] = field(default_factory=list)
    partial: bool = False
    rows: list[TableRow] = field(default_factory=list)  # a table with one row per activity


@dataclass
class TableRow:
    """One activity row of a status table: who it is and its status cells, one per period column."""

    line: Line
    code: str | None
    name: str
    programme: str | None
    values: list[str]


@dataclass
class StatusTableResult:
    """Activities, statuses, the periods they use, and warnings."""

    activities: list[Activity] = field(default_factory=list)
    statuses: list[StatusReport] = field(default_factory=list)
    periods: list[ParsedPeriod] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)


def _period(cell: str, year: int | None, allow_bare_year: bool) -> ParsedPeriod | None:
    period = parse_period(cell, year)
    if period is None:
        return None
    if period.kind == "jaar" and not allow_bare_year and not cell.lower().startswith(_STATUS_PREFIXES):
        return None
    return period


def _label_like_text(text: str) -> bool:
    """Short, word-like text that could be a status label (used for labels not in the vocabulary)."""
    return (
        0 < len(text) <= _MAX_LABEL_CHARS
        and len(text.split()) <= _MAX_LABEL_WORDS
        and not text.endswith((".", ":", ";", ","))
        and not any(ch.isdigit() for ch in text)
        and any(ch.isalpha() for ch in text)
    )


def _label_like(
    line: Line, headings: dict[int, Heading], index: int, municipality: str | None, legend: dict[str, Status]
) -> bool:
    text = line.text
    if index in headings or len(line.cells) > 1 or match_field(text):
        return False
    if match_status(text, municipality, legend).known:
        return True
    return (
        len(text) <= _MAX_LABEL_CHARS
        and len(text.split()) <= _MAX_LABEL_WORDS
        and not text.endswith((".", ":", ";", ","))
        and not any(ch.isdigit() for ch in text)
        and any(ch.isalpha() for ch in text)
        and parse_period(text) is None
    )


class _Scanner:
    """Finds status blocks in the lines of one document."""

    def __init__(self, lines: list[Line], headings: dict[int, Heading], context: DocumentContext) -> None:
        self.lines = lines
        self.headings = headings
        self.year = context.info.year
        self.municipality = context.info.municipality
        self.document_period = context.period
        self.legend = context.legend
        self.warnings: list[WarningRecord] = []

    def scan(self) -> list[Block]:
        blocks: list[Block] = []
        index = 0
        while index < len(self.lines):
            block = self._block_at(index)
            if block is None:
                index += 1
                continue
            if block.values or block.rows:
                blocks.append(block)
            index = max(block.end, index + 1)
        return blocks

    def _block_at(self, index: int) -> Block | None:
        line = self.lines[index]
        if index in self.headings:
            return None
        if len(line.cells) > 1:
            return self._row_block(index)
        inline = self._inline_block(index)
        if inline:
            return inline
        return self._column_block(index)

    def _inline_block(self, index: int) -> Block | None:
        """'Status 2e VGR: Volgens plan' or 'Status: Op koers' (the document's own period)."""
        line = self.lines[index]
        if ":" not in line.text:
            return None
        left, right = (part.strip() for part in line.text.split(":", 1))
        if not right or not match_status(right, self.municipality, self.legend).known:
            return None
        period = _period(left, self.year, allow_bare_year=True)
        if period is None and left.lower() in _STATUS_PREFIXES and self.document_period:
            period = self.document_period
        if period is None:
            return None
        return Block(index, index + 1, [period], [(line, right)])

    def _header_period(self, cell: str) -> ParsedPeriod | None:
        """A period column header; a bare 'Status' column stands for the document's own period."""
        period = _period(cell, self.year, allow_bare_year=True)
        if period is None and fold(cell) in _STATUS_PREFIXES and self.document_period:
            return self.document_period
        return period

    def _row_block(self, index: int) -> Block | None:
        """A header row of cells ('Activiteit | Rek. 2018 | 1e VGR') and the row(s) below it.

        Rows with leading cells name their own activity (a table of activities); a row of status cells
        only belongs to the numbered heading above the table.
        """
        cells = self.lines[index].cells
        periods = [self._header_period(cell) for cell in cells]
        width = 0
        while width < len(periods) and periods[len(periods) - 1 - width] is not None:
            width += 1
        found = [p for p in periods[len(periods) - width :] if p]
        if not found or (width == 1 and len(cells) == 1):
            return None
        next_index = index + 1
        if next_index >= len(self.lines):
            return self._missing(index, found, next_index) if self._status_context(index, found) else None
        row = self.lines[next_index]
        if len(row.cells) > width:
            return self._table_rows(index, found, width)
        values = row.cells[-width:] if len(row.cells) >= width else ()
        if not values or not any(self._known(v) for v in values):
            return self._missing(index, found, next_index) if self._status_context(index, found) else None
        return Block(index, next_index + 1, found, [(row, value) for value in values])

    def _known(self, text: str) -> bool:
        return match_status(text, self.municipality, self.legend).known

    def _table_rows(self, index: int, periods: list[ParsedPeriod], width: int) -> Block | None:
        """Activity rows below a header: leading cells name the activity, the last `width` cells are statuses."""
        rows: list[tuple[Line, tuple[str, ...], list[str]]] = []
        cursor = index + 1
        while cursor < len(self.lines) and len(self.lines[cursor].cells) > width:
            line = self.lines[cursor]
            values = list(line.cells[-width:])
            if not any(self._known(v) or _label_like_text(v) for v in values):
                break
            rows.append((line, line.cells[:-width], values))
            cursor += 1
        if not rows or not any(self._known(v) for _, _, values in rows for v in values):
            return None
        firsts = [lead[0] for _, lead, _ in rows if len(lead) >= 2]
        codes_unique = (
            len(firsts) == len(rows)
            and len(set(firsts)) == len(firsts)
            and all(_ROW_CODE.fullmatch(code) for code in firsts)
        )
        table_rows = []
        for line, lead, values in rows:
            if codes_unique:
                code, name, programme = lead[0], " ".join(lead[1:]), None
            elif (match := _CODE_NAME.match(lead[-1])) and len(lead) == 1:
                code, name, programme = match.group("code"), match.group("name"), None
            else:
                code, name = None, lead[-1]
                programme = " ".join(lead[:-1]) or None
            table_rows.append(TableRow(line, code, name, programme, values))
        return Block(index, cursor, periods, rows=table_rows)

    def _column_block(self, index: int) -> Block | None:
        """Period headers one per line, then one status label per line."""
        periods: list[ParsedPeriod] = []
        cursor = index
        while cursor < len(self.lines) and cursor not in self.headings and len(self.lines[cursor].cells) == 1:
            period = _period(self.lines[cursor].text, self.year, allow_bare_year=len(periods) > 0)
            if period is None:
                break
            periods.append(period)
            cursor += 1
        if (
            len(periods) == 1
            and periods[0].kind == "jaar"
            and not self.lines[index].text.lower().startswith(_STATUS_PREFIXES)
        ):
            return None
        if not periods:
            return None
        candidates: list[tuple[Line, str]] = []
        while (
            len(candidates) < len(periods)
            and cursor < len(self.lines)
            and _label_like(self.lines[cursor], self.headings, cursor, self.municipality, self.legend)
        ):
            candidates.append((self.lines[cursor], self.lines[cursor].text))
            cursor += 1
        known = sum(1 for _, text in candidates if match_status(text, self.municipality, self.legend).known)
        if known == 0:
            if len(periods) >= 2 and self._status_context(index, periods):
                return self._missing(index, periods, index + len(periods))
            return None
        block = Block(index, cursor, periods, candidates, partial=len(candidates) < len(periods))
        if block.partial:
            assigned = ", ".join(p.label for p in periods[-len(candidates) :])
            self.warnings.append(
                WarningRecord(
                    code="status-values-partial",
                    line=self.lines[index].number,
                    message=f"{len(periods)} period columns but {len(candidates)} status values; "
                    f"assigned them to the latest periods ({assigned})",
                )
            )
        return block

    def _status_context(self, index: int, periods: list[ParsedPeriod]) -> bool:
        """True when the header clearly announces statuses: 'Status …' cells or a progress label just above."""
        if any(p.label.lower().startswith(_STATUS_PREFIXES) for p in periods):
            return True
        previous = self.lines[index - 1].text if index else ""
        found = match_field(previous)
        return bool(found and found[0] == "progress")

    def _missing(self, index: int, periods: list[ParsedPeriod], end: int) -> Block:
        labels = ", ".join(p.label for p in periods)
        self.warnings.append(
            WarningRecord(
                code="status-values-missing",
                line=self.lines[index].number,
                message=f"status columns ({labels}) without status values (icons or colours lost in the export?); "
                "no statuses taken from this table",
            )
        )
        return Block(index, end, periods)


def _section_end(heading: Heading, headings: list[Heading], depth: int, total: int) -> int:
    for other in headings:
        if other.index > heading.index and other.depth <= depth:
            return other.index
    return total


def _join(parts: list[str]) -> str | None:
    text = "\n".join(part for part in parts if part).strip()
    return text or None


@dataclass
class _Section:
    heading: Heading
    end: int
    blocks: list[Block]
    target_year: int | None = None
    description: list[str] = field(default_factory=list)
    progress: list[str] = field(default_factory=list)
    proposal: list[str] = field(default_factory=list)

    @property
    def richness(self) -> int:
        return len(self.blocks) * 10 + (self.end - self.heading.index)


def _read_fields(section: _Section, lines: list[Line]) -> None:
    """Fill target year, description, progress and proposal from the lines of the section."""
    consumed = {i for block in section.blocks for i in range(block.index, block.end)}
    current = "description"
    index = section.heading.index + 1
    while index < section.end:
        if index in consumed:
            current = "progress"
            index += 1
            continue
        text = lines[index].text
        found = match_field(text)
        if found:
            name, rest = found
            if name == "target_year":
                value = rest or (lines[index + 1].text if index + 1 < section.end else "")
                years = YEAR.findall(value)
                if years:
                    section.target_year = int(years[-1])
                    index += 1 if rest else 2
                    continue
            else:
                current = name
                if rest:
                    getattr(section, current).append(rest)
            index += 1
            continue
        getattr(section, current).append(text)
        index += 1


def parse_status_tables(lines: list[Line], context: DocumentContext) -> StatusTableResult:
    """Find status tables: blocks owned by the numbered activity above them, and tables of activity rows."""
    headings = find_headings(lines)
    scanner = _Scanner(lines, headings, context)
    found = scanner.scan()
    result = StatusTableResult(warnings=scanner.warnings)
    seen_periods: dict[str, ParsedPeriod] = {}
    seen_statuses: dict[tuple[str, str], StatusReport] = {}
    _heading_activities(lines, headings, [b for b in found if b.values], context, result, seen_periods, seen_statuses)
    _table_activities([b for b in found if b.rows], context, result, seen_periods, seen_statuses)
    result.periods = sorted(seen_periods.values(), key=lambda p: p.order)
    return result


def _table_activities(
    blocks: list[Block],
    context: DocumentContext,
    result: StatusTableResult,
    seen_periods: dict[str, ParsedPeriod],
    seen_statuses: dict[tuple[str, str], StatusReport],
) -> None:
    """Activities named in the rows of a status table, with their statuses per period column."""
    known = {a.code: a for a in result.activities if a.code}
    for block in blocks:
        periods = block.periods
        for row in block.rows:
            activity = known.get(row.code) if row.code else None
            if activity is None:
                activity = Activity(code=row.code, name=row.name, programme=row.programme, line=row.line.number)
                result.activities.append(activity)
                if row.code:
                    known[row.code] = activity
            values = [(row.line, raw) for raw in row.values]
            _add_statuses(result, seen_periods, seen_statuses, activity, periods, values, context)


def _heading_activities(
    lines: list[Line],
    headings: dict[int, Heading],
    blocks: list[Block],
    context: DocumentContext,
    result: StatusTableResult,
    seen_periods: dict[str, ParsedPeriod],
    seen_statuses: dict[tuple[str, str], StatusReport],
) -> None:
    """Numbered activities whose sections hold status blocks, with their fields."""
    ordered = sorted(headings.values(), key=lambda h: h.index)
    owners: dict[int, Heading | None] = {}
    for block in blocks:
        owners[block.index] = next((h for h in reversed(ordered) if h.index < block.index), None)
    depths = Counter(owner.depth for owner in owners.values() if owner)
    if not depths:
        _named_activities(lines, blocks, context, result, seen_periods, seen_statuses)
        return
    depth = depths.most_common(1)[0][0]
    sections: dict[str, _Section] = {}
    order: list[str] = []
    for heading in (h for h in ordered if h.depth == depth):
        end = _section_end(heading, ordered, depth, len(lines))
        section = _Section(heading, end, [b for b in blocks if owners.get(b.index) is heading])
        _read_fields(section, lines)
        if heading.code not in sections:
            order.append(heading.code)
            sections[heading.code] = section
        elif section.richness > sections[heading.code].richness:
            sections[heading.code] = section
    unowned = [b for b in blocks if owners[b.index] is None or owners[b.index].depth != depth]
    _named_activities(lines, unowned, context, result, seen_periods, seen_statuses)
    by_code = {h.code: h for h in reversed(ordered)}  # first occurrence wins
    for code in order:
        section = sections[code]
        heading = section.heading
        activity = Activity(
            code=heading.code,
            name=heading.title,
            programme=_ancestor(by_code, heading, 1, depth),
            theme=_ancestor(by_code, heading, depth - 1, depth),
            target_year=section.target_year,
            description=_join(section.description),
            progress=_join(section.progress),
            proposal=_join(section.proposal),
            line=heading.line,
        )
        result.activities.append(activity)
        for block in section.blocks:
            _add_statuses(result, seen_periods, seen_statuses, activity, block.periods, block.values, context)


def _activity_name(lines: list[Line], block: Block) -> tuple[str, int] | None:
    """The name above a status block without a numbered activity: 'Speerpunt: X', else a title-like line."""
    prefixes = tuple(fold(w) for w in load_vocabulary("documents")["headings"]["activity"])
    for line in reversed(lines[max(0, block.index - _NAME_LOOKBACK) : block.index]):
        text = line.text.strip(" |")
        label, _, rest = text.partition(":")
        if rest.strip() and fold(label) in prefixes:
            return rest.strip(), line.number
        if (
            len(text.split()) <= _MAX_NAME_WORDS
            and not text.endswith((".", ":", ";", ","))
            and not match_field(text)
            and parse_period(text) is None
            and not match_status(text).known
            and any(ch.isalpha() for ch in text)
        ):
            return text, line.number
    return None


def _named_activities(
    lines: list[Line],
    blocks: list[Block],
    context: DocumentContext,
    result: StatusTableResult,
    seen_periods: dict[str, ParsedPeriod],
    seen_statuses: dict[tuple[str, str], StatusReport],
) -> None:
    """Activities without a code, named by the line above their status block."""
    known = {a.name: a for a in result.activities if a.code is None}
    for block in blocks:
        found = _activity_name(lines, block)
        if found is None:
            result.warnings.append(
                WarningRecord(
                    code="status-without-activity",
                    line=lines[block.index].number,
                    message="status values found but no activity name above them; not stored",
                )
            )
            continue
        name, number = found
        activity = known.get(name)
        if activity is None:
            activity = Activity(name=name, line=number)
            known[name] = activity
            result.activities.append(activity)
        _add_statuses(result, seen_periods, seen_statuses, activity, block.periods, block.values, context)


def _ancestor(by_code: dict[str, Heading], heading: Heading, level: int, depth: int) -> str | None:
    if level < 1 or level >= depth:
        return None
    code = ".".join(heading.code.split(".")[:level])
    ancestor = by_code.get(code)
    return ancestor.text if ancestor else None


def _add_statuses(
    result: StatusTableResult,
    seen_periods: dict[str, ParsedPeriod],
    seen_statuses: dict[tuple[str, str], StatusReport],
    activity: Activity,
    periods: list[ParsedPeriod],
    values: list[tuple[Line, str]],
    context: DocumentContext,
) -> None:
    """Statuses of one activity; fewer values than periods belong to the latest periods."""
    for period, (line, raw) in zip(periods[-len(values) :], values, strict=True):
        canonical = seen_periods.setdefault(period.canonical, period)
        _add_status(result, seen_statuses, activity, canonical, line, raw, context)


def _add_status(
    result: StatusTableResult,
    seen: dict[tuple[str, str], StatusReport],
    activity: Activity,
    period: ParsedPeriod,
    line: Line,
    raw: str,
    context: DocumentContext,
) -> None:
    match = match_status(raw, context.info.municipality, context.legend)
    if not match.known:
        result.warnings.append(
            WarningRecord(
                code="unmapped-status-label",
                line=line.number,
                message=f"status label {raw!r} of {activity.code or activity.name} ({period.label}) is not in the "
                "status vocabulary; stored as unknown",
            )
        )
    key = (activity.code or activity.name, period.canonical)
    report = StatusReport(
        activity_code=activity.code,
        activity_name=activity.name,
        period=period.label,
        status=match.status,
        status_raw=re.sub(r"\s+", " ", raw).strip(),
        line=line.number,
    )
    if key in seen:
        if seen[key].status_raw != report.status_raw:
            result.warnings.append(
                WarningRecord(
                    code="conflicting-status",
                    line=line.number,
                    message=f"{activity.code or activity.name} has status {seen[key].status_raw!r} for {period.label} "
                    f"at line {seen[key].line} and {report.status_raw!r} here; kept the first",
                )
            )
        return
    seen[key] = report
    result.statuses.append(report)
