"""One entry point per file: read bytes, detect the format, run every parser, merge records and warnings."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from loaders.errors import UnreadableDocument
from loaders.readers.docx import docx_to_text
from loaders.readers.formats import check_extension, decode_text, detect_format, require_supported
from loaders.readers.html import html_to_text
from loaders.readers.lines import Line, split_lines
from loaders.readers.pdf import page_starts, pdf_pages
from loaders.readers.xlsx import xlsx_to_text
from loaders.recognizers.activity_cards import parse_activity_cards
from loaders.recognizers.budget_tables import parse_money_tables
from loaders.recognizers.explanations import find_explanations, find_prose_deviations, link_explanations
from loaders.recognizers.goals import parse_goals
from loaders.recognizers.indicators import parse_indicators
from loaders.recognizers.legends import find_legend
from loaders.recognizers.metadata import DocumentContext, describe_document
from loaders.recognizers.status_tables import parse_status_tables
from loaders.template.workbook import is_template, read_template
from model.periods import ParsedPeriod
from model.records import Activity, Extraction, Period, WarningRecord
from model.text import fold


def _is_template(data: bytes) -> bool:
    from openpyxl import load_workbook

    try:
        return is_template(load_workbook(io.BytesIO(data), read_only=True).sheetnames)
    except Exception:  # noqa: BLE001 — an unreadable workbook is reported by the generic reader
        return False


_BINARY_READERS = {"docx": docx_to_text, "xlsx": xlsx_to_text}


class _Periods:
    """Periods used in the document, one per canonical name; the first label seen names it."""

    def __init__(self) -> None:
        self.by_canonical: dict[str, ParsedPeriod] = {}

    def add(self, period: ParsedPeriod) -> str:
        """Register `period`; return the label records must use for it."""
        return self.by_canonical.setdefault(period.canonical, period).label

    def records(self, warnings: list[WarningRecord]) -> list[Period]:
        periods = []
        for period in sorted(self.by_canonical.values(), key=lambda p: p.order):
            if period.year_guessed:
                warnings.append(
                    WarningRecord(
                        code="period-year-guessed",
                        message=f"period {period.label!r} names no year; took the document's year ({period.year})",
                    )
                )
            periods.append(
                Period(
                    label=period.label,
                    year=period.year,
                    order=period.order,
                    kind=period.kind,
                    canonical=period.canonical,
                    year_guessed=period.year_guessed,
                )
            )
        return periods


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


def _money(lines: list[Line], context: DocumentContext, warnings: list[WarningRecord]):
    money = parse_money_tables(lines, context)
    warnings.extend(money.warnings)
    deviation_tables = [t for t in money.tables if t.deviation_table]
    start = deviation_tables[0].end if deviation_tables else 0
    unit = deviation_tables[0].multiplier if deviation_tables else 1
    explanations = find_explanations(lines, start)
    if not money.deviations and not explanations:
        explanations = find_prose_deviations(lines)
    deviations, link_warnings = link_explanations(money.deviations, explanations, unit)
    warnings.extend(link_warnings)
    return money.budget_lines, deviations


def parse_text(text: str, source: str, sha256: str, municipality: str | None = None, fmt: str = "text") -> Extraction:
    """Parse document text into records; never raises for problems inside the document."""
    lines = split_lines(text)
    if not lines:
        raise UnreadableDocument("the file has no text")
    context = describe_document(lines, municipality)
    warnings = list(context.warnings)
    legend = find_legend(lines, context.info.municipality)
    if legend:
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
    periods = _Periods()

    tables = parse_status_tables(lines, context)
    warnings.extend(tables.warnings)
    for period in tables.periods:
        periods.add(period)

    goals = parse_goals(lines, context, {a.code for a in tables.activities if a.code})
    warnings.extend(goals.warnings)
    for period in goals.periods:
        label = periods.add(period)
        for status in goals.statuses:
            if status.period == period.label:
                status.period = label

    budget_lines, deviations = _money(lines, context, warnings)
    cards = parse_activity_cards(lines)
    warnings.extend(cards.warnings)

    indicators = parse_indicators(lines, context)
    warnings.extend(indicators.warnings)
    labels = {p.label: periods.add(p) for p in indicators.periods}
    for indicator in indicators.indicators:
        for value in indicator.values:
            value.period = labels.get(value.period, value.period)

    activities = _merge_activities([tables.activities, goals.activities, cards.activities], warnings)
    period_records = periods.records(warnings)
    return Extraction(
        source=source,
        sha256=sha256,
        format=fmt,
        document=context.info,
        periods=period_records,
        activities=activities,
        statuses=[*tables.statuses, *goals.statuses],
        budget_lines=[*budget_lines, *cards.budget_lines],
        deviations=deviations,
        indicators=indicators.indicators,
        goals=goals.goals,
        warnings=sorted(warnings, key=lambda w: w.line or 0),
        raw_text=text,
    )


def extract_bytes(data: bytes, source: str, municipality: str | None = None) -> Extraction:
    """Parse the bytes of one file. Raises UnreadableDocument when they cannot be read at all."""
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = detect_format(data)
    require_supported(fmt)
    warnings: list[WarningRecord] = []
    if fmt == "xlsx" and _is_template(data):
        return read_template(data, source, sha256, municipality)
    pages = pdf_pages(data) if fmt == "pdf" else None
    if pages is not None:
        text = "\n".join(pages)
    elif fmt in _BINARY_READERS:
        text = _BINARY_READERS[fmt](data)
    else:
        text, warnings = decode_text(data)
        if fmt == "html":
            text = html_to_text(text)
    mismatch = check_extension(Path(source).suffix, fmt)
    extraction = parse_text(text, source, sha256, municipality, fmt)
    extraction.warnings = [*([mismatch] if mismatch else []), *warnings, *extraction.warnings]
    extraction.page_starts = page_starts(pages) if pages is not None else None
    return extraction


def read_file(path: Path) -> bytes:
    """The bytes of `path`, or UnreadableDocument saying why they cannot be had."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument("file not found") from None
    except IsADirectoryError:
        raise UnreadableDocument("is a directory, not a file") from None
    except PermissionError:
        raise UnreadableDocument("permission denied") from None
    except OSError as error:
        raise UnreadableDocument(error.strerror or str(error)) from None


def extract_file(path: str | Path, municipality: str | None = None) -> Extraction:
    """Parse one file; problems that make it unreadable come back as an Extraction with `error` set."""
    source = str(path)
    try:
        data = read_file(Path(path))
    except UnreadableDocument as error:
        return Extraction(source=source, sha256="", error=f"{source}: {error.reason}")
    try:
        return extract_bytes(data, source, municipality)
    except UnreadableDocument as error:
        return Extraction(source=source, sha256=hashlib.sha256(data).hexdigest(), error=f"{source}: {error.reason}")
