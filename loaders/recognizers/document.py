"""All recognizers over one document model: metadata and legend first, then tables, then the layouts that live in
paragraphs (status blocks under numbered headings, goals, activity cards, explained deviations, indicator lists).
Merges their records and warnings into one Extraction."""

from __future__ import annotations

from loaders.recognizers.activity_cards import parse_activity_cards
from loaders.recognizers.explanations import (
    explain_by_name,
    find_explanations,
    find_prose_deviations,
    link_explanations,
)
from loaders.recognizers.goals import parse_goals
from loaders.recognizers.grid import Grids
from loaders.recognizers.indicator_cards import read_indicator_cards
from loaders.recognizers.indicators import parse_indicators
from loaders.recognizers.legends import Legend, find_legend
from loaders.recognizers.metadata import DocumentContext, describe_document
from loaders.recognizers.periods import PeriodRegistry
from loaders.recognizers.statuses import read_statuses
from loaders.recognizers.tables import TableRecords, read_tables
from loaders.recognizers.thresholds import find_threshold
from model.document import Document, Heading, Line, Table
from model.records import Activity, Deviation, Extraction, Indicator, WarningRecord
from model.text import fold


def _activity_key(activity: Activity) -> str:
    return activity.code or f"naam:{fold(activity.name)}"


def _merge_activities(groups: list[list[Activity]], warnings: list[WarningRecord]) -> list[Activity]:
    merged: dict[str, Activity] = {}
    for group in groups:
        for activity in group:
            key = _activity_key(activity)
            if key in merged:
                warnings.append(
                    WarningRecord(
                        code="duplicate-activity",
                        line=activity.line,
                        message=f"activity {activity.code or activity.name!r} appears again; kept the first",
                    )
                )
                continue
            merged[key] = activity
    return list(merged.values())


def _use_legend(document: Document, context: DocumentContext, warnings: list[WarningRecord]) -> Legend | None:
    legend = find_legend(document, context.info.municipality)
    if not legend:
        return None
    context.legend = legend.mapping
    context.info.legend = {key: status for key, _, status in legend.entries}
    described = ", ".join(f"{key} → {status}" for key, _, status in legend.entries)
    warnings.append(
        WarningRecord(
            code="status-legend-used",
            line=legend.line,
            message=f"the document's legend maps {described}; used for this document",
        )
    )
    return legend


def _breaks(document: Document) -> tuple[frozenset[int], frozenset[int]]:
    """The lines of headings and of every table (its header and rows), where an explanation ends; and the table
    lines alone, where no sentence tells a deviation."""
    headings: set[int] = set()
    tabled: set[int] = set()
    for block in document.blocks:
        if isinstance(block, Heading):
            headings.add(block.line)
        elif isinstance(block, Table):
            last = max((cell.line for row in block.rows for cell in row), default=block.line)
            tabled.update(range(block.line, last + 1))
    return frozenset(headings | tabled), frozenset(tabled)


def _deviations(
    lines: list[Line], tables: TableRecords, warnings: list[WarningRecord], breaks: tuple[frozenset[int], frozenset[int]]
) -> list[Deviation]:
    """Deviation-table items linked to the explanations below the table; explanations alone without a table."""
    ends, tabled = breaks
    start = 0
    if tables.deviation_end is not None:
        start = next((i for i, line in enumerate(lines) if line.number > tables.deviation_end), len(lines))
    explanations = find_explanations(lines, start, ends)
    if not tables.deviations and any("€" in line.text for line in lines):  # sentences beside item lines: both
        used = {text for e in explanations for text in (e.line.text, *e.text)}
        told = [e for e in find_prose_deviations(lines, ends) if e.line.text not in used and e.line.number not in tabled]
        explanations = sorted([*explanations, *told], key=lambda e: e.line.number)
    deviations, link_warnings = link_explanations(tables.deviations, explanations, tables.deviation_unit)
    warnings.extend(link_warnings)
    if tables.deviations:
        explain_by_name(deviations, lines[start:], ends)
    return deviations


def _one_value_per_period(indicator: Indicator, warnings: list[WarningRecord]) -> None:
    """Keep an indicator's first value of each period: columns whose names lost what told them apart ('2024'
    four times, 'Begroting' for three years) would otherwise give one period two values."""
    seen: set[str] = set()
    kept = []
    for value in indicator.values:
        if value.period in seen:
            warnings.append(
                WarningRecord(
                    code="indicator-period-repeated",
                    line=indicator.line,
                    message=f"{indicator.name!r} has more than one value for {value.period!r}; kept the first",
                )
            )
            continue
        seen.add(value.period)
        kept.append(value)
    indicator.values = kept


def parse_document(document: Document, source: str, sha256: str, municipality: str | None = None) -> Extraction:
    """Every record the recognizers find in `document`; problems inside it become warnings, never exceptions."""
    lines = document.lines
    context = describe_document(document, municipality)
    context.info.explanation_threshold = find_threshold(lines)
    warnings = list(context.warnings)
    legend = _use_legend(document, context, warnings)
    periods = PeriodRegistry()

    grids = Grids(context.info.year)
    statuses = read_statuses(document, context, legend, grids)
    warnings.extend(statuses.warnings)
    for period in statuses.periods:
        periods.add(period)

    tables = read_tables(document, context, statuses.consumed, grids)
    warnings.extend(tables.warnings)
    consumed = tables.consumed | statuses.consumed
    free = [line for line in lines if line.number not in consumed]

    goals = parse_goals(free, context, {a.code for a in statuses.activities if a.code})
    warnings.extend(goals.warnings)
    for period in goals.periods:
        label = periods.add(period)
        for status in goals.statuses:
            if status.period == period.label:
                status.period = label

    deviations = _deviations(free, tables, warnings, _breaks(document))
    cards = parse_activity_cards(free)
    warnings.extend(cards.warnings)

    listed = parse_indicators(free if not tables.indicators else [], context)
    warnings.extend(listed.warnings)
    indicator_cards = read_indicator_cards(free, context.info.year)
    taken = {indicator.line for indicator in listed.indicators}
    carded = [indicator for indicator in indicator_cards.indicators if indicator.line not in taken]
    indicators = [*tables.indicators, *listed.indicators, *carded]
    labels = {p.label: periods.add(p) for p in [*tables.periods, *listed.periods, *indicator_cards.periods]}
    for indicator in indicators:
        for value in indicator.values:
            value.period = labels.get(value.period, value.period)
        _one_value_per_period(indicator, warnings)

    activities = _merge_activities([statuses.activities, goals.activities, cards.activities], warnings)
    return Extraction(
        source=source,
        sha256=sha256,
        format=document.format,
        document=context.info,
        periods=periods.records(warnings),
        activities=activities,
        statuses=[*statuses.statuses, *goals.statuses],
        budget_lines=[*tables.budget_lines, *cards.budget_lines],
        deviations=deviations,
        indicators=indicators,
        goals=goals.goals,
        warnings=sorted(warnings, key=lambda w: w.line or 0),
        raw_text=document.text,
        page_starts=document.page_starts,
    )
