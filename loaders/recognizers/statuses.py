"""Activities and their statuses per period, from status tables and status lines, in any arrangement.

The document is walked in order; numbered headings give the activity a table row or status line belongs to when
the row names none, and the theme and programme above it. An activity heading's section also gives the
activity's fields ('Jaar realisatie', 'Stand van zaken', 'Voorstel raad').
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.recognizers.fields import match_field
from loaders.recognizers.grid import Grids
from loaders.recognizers.legends import Legend
from loaders.recognizers.metadata import DocumentContext
from loaders.recognizers.sections import is_goal_stop
from loaders.recognizers.status_grid import StatusTable, heading_code, is_status_table, read_status_table
from loaders.recognizers.status_lines import heading_status, status_label, status_lines, status_value
from loaders.recognizers.status_values import known_status, resolve
from loaders.recognizers.status_warnings import read_warnings, unexplained_values
from model.document import Document, Heading, Mark, Paragraph, Table
from model.numbering import prefix_roles
from model.periods import YEAR, ParsedPeriod, parse_period
from model.records import Activity, StatusReport, WarningRecord
from model.text import fold

_TITLE_WORDS = 14
_TITLE_LOOKBACK = 4

_ELSEWHERE = "elsewhere"  # text under a chapter of its own inside a section (its finances): not kept as a field


@dataclass
class StatusResult:
    """Activities, statuses, the periods they use, warnings, and the lines of the tables read."""

    activities: list[Activity] = field(default_factory=list)
    statuses: list[StatusReport] = field(default_factory=list)
    periods: list[ParsedPeriod] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)


@dataclass
class _Section:
    """A numbered heading and what was said under it so far."""

    code: str
    title: str
    line: int
    depth: int
    text: str
    current: str = "description"
    texts: dict[str, list[str]] = field(
        default_factory=lambda: {"description": [], "progress": [], "proposal": [], _ELSEWHERE: []}
    )
    target_year: int | None = None
    has_status: bool = False


class _Walker:
    def __init__(self, context: DocumentContext, legend: Legend | None, grids: Grids) -> None:
        self.context = context
        self.grids = grids
        self.legend = legend
        self.year = context.info.year
        self.municipality = context.info.municipality
        self.result = StatusResult()
        self.activities: dict[str, Activity] = {}
        self.seen: dict[tuple[str, str], StatusReport] = {}
        self.periods: dict[str, ParsedPeriod] = {}
        self.stack: list[_Section] = []
        self.sections: list[_Section] = []
        self.last_title: tuple[str, int] | None = None
        self.labelled: ParsedPeriod | None = None  # the period of a status label alone on the line before

    # --- headings and fields --------------------------------------------------------------------------------

    def heading(self, text: str, line: int) -> None:
        found = heading_code(text)
        if found is None:
            self.last_title = (text, line)
            return
        code, title = found
        own = self.context.period
        trailing = heading_status(title) if own is not None else None
        if trailing and not known_status(trailing[1], (), self.legend, self.municipality):
            trailing = None
        depth = code.count(".") + 1
        while self.stack and self.stack[-1].depth >= depth:
            self.stack.pop()
        section = _Section(code, trailing[0] if trailing else title, line, depth, text)
        self.stack.append(section)
        self.sections.append(section)
        self.last_title = self.labelled = None
        if trailing and own is not None:  # 'Nieuw zwembad (groen)': the document's own period
            self.add(self.owner(line), own, trailing[1], (), line)

    def paragraph(self, paragraph: Paragraph) -> None:
        labelled, self.labelled = self.labelled, None
        value = status_value(paragraph, labelled) if labelled is not None else None
        if value is not None and known_status(value.text, value.marks, self.legend, self.municipality):
            self.add(self.owner(value.line), value.period, value.text, value.marks, value.line)
            if self.stack:
                self.stack[-1].current = "progress"
            return
        if self.stack and (label := status_label(paragraph, self.year, self.context.period)) is not None:
            self.labelled = label
            if match_field(paragraph.text) is None:  # 'Stand van zaken' also opens the progress text
                return
        lines = status_lines(paragraph, self.year, self.context.period)
        if lines:  # 'Stand van zaken: ...' only where it shows a known status
            lines = [
                found
                for found in lines
                if not found.needs_known or known_status(found.text, found.marks, self.legend, self.municipality)
            ]
        if lines:
            for found in lines:
                self.add(self.owner(paragraph.line), found.period, found.text, found.marks, found.line)
            if self.stack:
                self.stack[-1].current = "progress"
            return
        if self.stack:
            self._field(self.stack[-1], paragraph.text)
        elif len(paragraph.text.split()) <= _TITLE_WORDS and not paragraph.text.endswith((".", ":")):
            self.last_title = (paragraph.text, paragraph.line)

    def _field(self, section: _Section, text: str) -> None:
        found = match_field(text)
        if found is None and is_goal_stop(text):  # 'Financiën', 'Indicatoren': what follows is no field's text
            section.current = _ELSEWHERE
            return
        if found is None:
            if section.current == "target_year":
                years = YEAR.findall(text)
                if years and len(text.split()) <= 2:
                    section.target_year = int(years[-1])
                    section.current = "description"
                    return
                section.current = "description"
            section.texts[section.current].append(text)
            return
        name, rest = found
        if name == "target_year":
            years = YEAR.findall(rest)
            if years:
                section.target_year = int(years[-1])
            else:
                section.current = "target_year"
            return
        section.current = name
        if rest:
            section.texts[name].append(rest)

    # --- activities and statuses ----------------------------------------------------------------------------

    def owner(self, line: int) -> Activity | None:
        """The activity a status without a name of its own belongs to: the numbered heading above it, else the
        title line above it."""
        if self.stack:
            section = self.stack[-1]
            section.has_status = True
            return self.activity(section.code, section.title, section.line)
        if self.last_title and line - self.last_title[1] <= _TITLE_LOOKBACK:
            return self.activity(None, _strip_prefix(self.last_title[0]), self.last_title[1])
        self.result.warnings.append(
            WarningRecord(
                code="status-without-activity",
                line=line,
                message="status values found but no activity name above them; not stored",
            )
        )
        return None

    def _ancestor(self, depth: int) -> str | None:
        found = [s for s in self.stack if s.depth == depth]
        return found[-1].text if found else None

    def activity(self, code: str | None, name: str, line: int, theme: str | None = None) -> Activity:
        key = code or f"naam:{fold(name)}"
        if key in self.activities:
            existing = self.activities[key]
            if not existing.name and name:
                existing.name = name
            return existing
        depth = code.count(".") + 1 if code else None
        activity = Activity(
            code=code,
            name=name or code or "(zonder naam)",
            theme=theme or (self._ancestor(depth - 1) if depth and depth > 2 else None),
            programme=self._programme(depth),
            line=line,
        )
        self.activities[key] = activity
        self.result.activities.append(activity)
        return activity

    def _programme(self, depth: int | None) -> str | None:
        programme = self._ancestor(1)
        if programme is None and self.stack and (depth is None or self.stack[0].depth < depth):
            first = self.stack[0]
            programme = first.text if first.depth == 1 else None
        return programme

    def add(
        self, activity: Activity | None, period: ParsedPeriod, text: str, marks: tuple[Mark, ...], line: int
    ) -> None:
        if activity is None:
            return
        value = resolve(text, marks, self.legend, self.municipality)
        if value is None:
            return
        period = self.periods.setdefault(period.canonical, period)
        if not value.known:
            self.result.warnings.append(
                WarningRecord(
                    code="unmapped-status-label",
                    line=line,
                    message=f"status label {value.raw!r} of {activity.code or activity.name} ({period.label}) is not "
                    "in the status vocabulary or the document's legend; stored as unknown",
                )
            )
        key = (activity.code or activity.name, period.canonical)
        report = StatusReport(
            activity_code=activity.code,
            activity_name=activity.name,
            period=period.label,
            status=value.status,
            status_raw=re.sub(r"\s+", " ", value.raw).strip(),
            line=line,
        )
        if key in self.seen:
            if self.seen[key].status != report.status:
                self.result.warnings.append(
                    WarningRecord(
                        code="conflicting-status",
                        line=line,
                        message=f"{activity.code or activity.name} has status {self.seen[key].status_raw!r} for "
                        f"{period.label} at line {self.seen[key].line} and {report.status_raw!r} here; kept the first",
                    )
                )
            return
        self.seen[key] = report
        self.result.statuses.append(report)

    def table(self, table: Table) -> None:
        grid = self.grids(table)
        hint = parse_period(table.name, self.year) if table.name else None
        if not is_status_table(grid, self.year, hint or self.context.period, self.legend, self.municipality):
            if table.rows:
                self.last_title = None
            self.result.warnings.extend(unexplained_values(grid, self.year, hint or self.context.period))
            return
        theme = self.stack[-1].text if self.stack else None
        read = read_status_table(grid, self.year, self.context.period, theme, hint, self.legend)
        self._use(read, table)

    def _use(self, read: StatusTable, table: Table) -> None:
        self.result.consumed |= {cell.line for row in table.rows for cell in row}
        self.result.warnings.extend(read_warnings(read, table))
        for row in read.rows:
            if row.name or row.code:
                name = row.name or self._known_name(row.code)
                activity = self.activity(row.code, name, row.line, row.theme if row.name else None)
                activity.programme = row.programme or activity.programme
                activity.description = activity.description or row.description
                activity.progress = row.progress or activity.progress
                activity.fields = {**row.fields, **activity.fields}
                activity.target_year = activity.target_year or row.target_year
            else:
                activity = self.owner(row.line)
            for period, cell in row.cells:
                self.add(activity, period, cell.text, cell.marks, cell.line)

    def _known_name(self, code: str | None) -> str:
        section = next((s for s in reversed(self.sections) if s.code == code), None)
        return section.title if section else ""

    def finish(self) -> StatusResult:
        depths = Counter(s.depth for s in self.sections if s.has_status)
        if depths:
            depth = depths.most_common(1)[0][0]
            for section in self.sections:
                if section.depth == depth and section.code not in self.activities:
                    self.activity(section.code, section.title, section.line)
            self.result.activities.sort(key=lambda a: a.line or 0)
        by_code = {section.code: section for section in reversed(self.sections)}
        for activity in self.result.activities:
            if activity.code and "." in activity.code:
                parent = by_code.get(activity.code.rsplit(".", 1)[0])
                top = by_code.get(activity.code.split(".")[0])
                if parent is not None and parent is not top:
                    activity.theme = parent.text
                if top is not None and activity.programme in (None, activity.theme):
                    activity.programme = top.text
        for section in self.sections:
            activity = self.activities.get(section.code)
            if activity is None:
                continue
            activity.target_year = activity.target_year or section.target_year
            for name in ("description", "progress", "proposal"):
                text = "\n".join(section.texts[name]).strip()
                if text and not getattr(activity, name):
                    setattr(activity, name, text)
        self.result.periods = sorted(self.periods.values(), key=lambda p: p.order)
        return self.result


def _strip_prefix(text: str) -> str:
    """'Speerpunt: Meer groen in de wijk' → 'Meer groen in de wijk'."""
    label, _, rest = text.partition(":")
    return rest.strip() if rest.strip() and prefix_roles().get(fold(label)) == "activity" else text


def read_statuses(
    document: Document, context: DocumentContext, legend: Legend | None, grids: Grids | None = None
) -> StatusResult:
    """Activities and statuses of every status table and status line in `document`."""
    walker = _Walker(context, legend, grids or Grids(context.info.year))
    for block in document.blocks:
        if isinstance(block, Heading):
            walker.heading(block.text, block.line)
        elif isinstance(block, Paragraph):
            walker.paragraph(block)
        elif isinstance(block, Table):
            walker.table(block)
    return walker.finish()

