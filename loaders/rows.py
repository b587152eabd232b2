"""The rows of one document per table, built and checked before anything is written (pure: no database)."""

from __future__ import annotations

import json
from pathlib import Path

from model.records import Extraction
from model.text import fold


def source_key(source: str) -> str:
    """Identity of a file's origin: its absolute path, so a changed file from there replaces its records."""
    return str(Path(source).expanduser().resolve())


def activity_key(municipality_code: str | None, municipality: str | None, code: str | None, name: str) -> str:
    """Identity of an activity across documents: municipality plus code, or plus normalized name without a code."""
    town = municipality_code or fold(municipality or "") or "onbekend"
    return f"{town}|{code}" if code else f"{town}|naam:{fold(name)}"


DOCUMENT_COLUMNS = (
    "doc_id",
    "source",
    "source_key",
    "sha256",
    "format",
    "municipality",
    "municipality_code",
    "title",
    "doc_type",
    "year",
    "period",
    "raw_text",
    "page_starts",
    "threshold_eur",
    "threshold_percent",
    "threshold_line",
)


def document_rows(extraction: Extraction, key: str) -> dict[str, list[tuple]]:
    """The rows of one document, per table: checked and built before anything is written."""
    doc = extraction.sha256
    info = extraction.document
    threshold = info.explanation_threshold
    rows: dict[str, list[tuple]] = {
        "documents": [
            (
                doc,
                extraction.source,
                key,
                extraction.sha256,
                extraction.format or "text",
                info.municipality,
                info.municipality_code,
                info.title,
                info.doc_type,
                info.year,
                info.period,
                extraction.raw_text or "",
                extraction.page_starts,
                threshold.eur if threshold else None,
                threshold.percent if threshold else None,
                threshold.line if threshold else None,
            )
        ]
    }
    periods = {p.label: p for p in extraction.periods}
    rows["periods"] = [(doc, p.label, p.canonical, p.kind, p.year, p.order, p.year_guessed) for p in extraction.periods]
    keys = {}
    activity_rows = []
    for seq, activity in enumerate(extraction.activities):
        a_key = activity_key(info.municipality_code, info.municipality, activity.code, activity.name)
        if a_key in keys.values():
            raise ValueError(f"activity {activity.code or activity.name!r} appears twice")
        keys[(activity.code, activity.name)] = a_key
        activity_rows.append(
            (
                doc,
                seq,
                a_key,
                info.municipality,
                activity.code,
                activity.name,
                activity.programme,
                activity.theme,
                activity.target_year,
                activity.description,
                activity.progress,
                activity.proposal,
                json.dumps(activity.fields, ensure_ascii=False),
                activity.line,
            )
        )
    rows["activities"] = activity_rows
    status_rows = []
    for status in extraction.statuses:
        period = periods.get(status.period)
        if period is None:
            raise ValueError(
                f"status of {status.activity_code or status.activity_name} names unknown period {status.period!r}"
            )
        a_key = keys.get((status.activity_code, status.activity_name)) or activity_key(
            info.municipality_code, info.municipality, status.activity_code, status.activity_name
        )
        status_rows.append(
            (doc, a_key, status.period, period.canonical, period.order, status.status, status.status_raw, status.line)
        )
    rows["statuses"] = status_rows
    rows["budget_lines"] = [
        (
            doc,
            seq,
            b.scope,
            b.kind,
            b.column,
            b.year,
            b.amount_eur,
            b.column_kind,
            b.total,
            b.direction,
            b.activity,
            b.programme,
            b.note,
            b.line,
            b.row,
        )
        for seq, b in enumerate(extraction.budget_lines)
    ]
    rows["deviations"] = [
        (
            doc,
            seq,
            d.scope,
            d.item,
            d.amount_eur,
            d.direction,
            d.explanation,
            d.incidental,
            d.explanation_line,
            d.line,
        )
        for seq, d in enumerate(extraction.deviations)
    ]
    rows["deviation_parts"] = [
        (doc, seq, part_seq, p.text, p.amount_eur, p.direction, p.incidental, p.line)
        for seq, d in enumerate(extraction.deviations)
        for part_seq, p in enumerate(d.parts)
    ]
    rows["indicators"] = [
        (doc, seq, i.name, i.group, i.unit, i.target, i.source, i.line) for seq, i in enumerate(extraction.indicators)
    ]
    rows["indicator_values"] = [
        (doc, seq, v.period, v.value) for seq, i in enumerate(extraction.indicators) for v in i.values
    ]
    rows["goals"] = [
        (doc, seq, g.code, g.title, g.text, g.plan, g.progress, g.line) for seq, g in enumerate(extraction.goals)
    ]
    rows["warnings"] = [(doc, seq, w.code, w.line, w.message) for seq, w in enumerate(extraction.warnings)]
    return rows
