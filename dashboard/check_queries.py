"""What the controller's checks and the budget stages read: one municipality's documents in report order, their
money lines, deviations, statuses and the within-document check warnings. Parameterized SQL; DataFrames out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.db import query
from dashboard.selection import Selection


def documents(municipality: str, path: Path | None = None) -> pd.DataFrame:
    """The municipality's documents with their period, page starts and stated explanation threshold."""
    where, params = Selection(municipality).documents_sql()
    return query(
        f"""
        SELECT d.doc_id, d.title, d.source, d.doc_type, d.year, d.period, d.municipality, d.municipality_code,
               d.page_starts, d.threshold_eur, d.threshold_percent, d.threshold_line, d.loaded_at
        FROM documents d WHERE {where}
        ORDER BY d.year NULLS LAST, d.loaded_at
        """,
        params,
        path=path,
    )


def money_lines(municipality: str, path: Path | None = None) -> pd.DataFrame:
    """Budget lines of the municipality's money tables (not activity cost items)."""
    where, params = Selection(municipality).documents_sql()
    return query(
        f"""
        SELECT b.doc_id, b.seq, b.scope, b.kind, b.column_label, b.column_kind, b.year, b.amount_eur, b.direction,
               b.is_total, b.line
        FROM budget_lines b JOIN documents d USING (doc_id)
        WHERE {where} AND b.activity IS NULL AND b.amount_eur IS NOT NULL
        ORDER BY b.doc_id, b.seq
        """,
        params,
        path=path,
    )


def deviations(municipality: str, path: Path | None = None) -> pd.DataFrame:
    """Deviation items of the municipality's documents with their explanation (None when there is none)."""
    where, params = Selection(municipality).documents_sql()
    return query(
        f"""
        SELECT v.doc_id, v.seq, v.scope, v.item, v.amount_eur, v.direction, v.explanation, v.explanation_line, v.line
        FROM deviations v JOIN documents d USING (doc_id)
        WHERE {where}
        ORDER BY v.doc_id, v.seq
        """,
        params,
        path=path,
    )


def statuses(municipality: str, path: Path | None = None) -> pd.DataFrame:
    """Each document's latest status of each activity (its newest period in that document), with the activity's
    code and name, and its texts where it needs the council (the only statuses whose texts the checks read)."""
    where, params = Selection(municipality).activities_sql()
    return query(
        f"""
        WITH own AS (SELECT a.doc_id, a.activity_key, a.code, a.name, a.progress, a.proposal
                     FROM activities a WHERE {where}),
        latest AS (SELECT s.* FROM statuses s WHERE s.doc_id IN (SELECT DISTINCT doc_id FROM own)
                   QUALIFY row_number() OVER (PARTITION BY s.doc_id, s.activity_key ORDER BY s.period_order DESC) = 1)
        SELECT l.doc_id, l.activity_key, l.period, l.period_order, l.status, l.status_raw, l.line, own.code, own.name,
               CASE WHEN l.status = 'council_action' THEN own.progress END AS progress,
               CASE WHEN l.status = 'council_action' THEN own.proposal END AS proposal
        FROM latest l JOIN own USING (doc_id, activity_key)
        ORDER BY l.doc_id, l.activity_key
        """,
        params,
        path=path,
    )


def check_warnings(municipality: str, codes: tuple[str, ...], path: Path | None = None) -> pd.DataFrame:
    """The warnings with `codes`: the checks each document failed on its own (totals, differences, N/V)."""
    where, params = Selection(municipality).documents_sql()
    marks = ", ".join("?" for _ in codes)
    return query(
        f"""
        SELECT w.doc_id, w.code, w.line, w.message
        FROM warnings w JOIN documents d USING (doc_id)
        WHERE w.code IN ({marks}) AND {where}
        ORDER BY w.doc_id, w.seq
        """,
        [*codes, *params],
        path=path,
    )


def activities(municipality: str, path: Path | None = None) -> pd.DataFrame:
    """Every activity of the municipality in every document, with its code, name and place (not its texts)."""
    where, params = Selection(municipality).activities_sql()
    return query(
        f"""
        SELECT a.doc_id, a.activity_key, a.code, a.name, a.programme, a.theme, a.line
        FROM activities a WHERE {where}
        ORDER BY a.doc_id, a.seq
        """,
        params,
        path=path,
    )


def activity_texts(doc_ids: list[str], path: Path | None = None) -> pd.DataFrame:
    """The activities of the documents `doc_ids` with their texts: description, progress and proposal."""
    return query(
        """
        SELECT a.doc_id, a.activity_key, a.code, a.name, a.description, a.progress, a.proposal
        FROM activities a WHERE list_contains(?, a.doc_id)
        ORDER BY a.doc_id, a.seq
        """,
        [doc_ids],
        path=path,
    )


def link_decisions(municipality: str, path: Path | None = None) -> pd.DataFrame:
    """The latest decision a user made about each pair of the municipality's activities."""
    where, params = Selection(municipality).activities_sql("l")
    return query(
        f"""
        SELECT l.from_key, l.to_key, l.decision FROM link_decisions l WHERE {where}
        QUALIFY row_number() OVER (PARTITION BY l.from_key, l.to_key ORDER BY l.decided_at DESC) = 1
        """,
        params,
        path=path,
    )
