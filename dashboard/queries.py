"""Every SQL statement the dashboard runs, parameterized; each returns a DataFrame."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.db import query


def documents(path: Path | None = None) -> pd.DataFrame:
    """Loaded documents with the number of activities, statuses and warnings each yielded."""
    return query(
        """
        SELECT d.doc_id, d.municipality, d.title, d.doc_type, d.year, d.source, d.loaded_at,
               (SELECT count(*) FROM activities a WHERE a.doc_id = d.doc_id) AS activities,
               (SELECT count(*) FROM statuses s WHERE s.doc_id = d.doc_id) AS statuses,
               (SELECT count(*) FROM warnings w WHERE w.doc_id = d.doc_id) AS warnings
        FROM documents d
        ORDER BY d.municipality NULLS LAST, d.year, d.title
        """,
        path=path,
    )


def municipalities(path: Path | None = None) -> list[str]:
    """Municipalities that have at least one loaded document."""
    frame = query("SELECT DISTINCT municipality FROM documents WHERE municipality IS NOT NULL ORDER BY 1", path=path)
    return frame["municipality"].tolist()


def periods(municipality: str | None = None, path: Path | None = None) -> pd.DataFrame:
    """Reporting periods with statuses, in time order (one row per canonical period)."""
    return query(
        """
        SELECT s.period, min(s.period_order) AS period_order
        FROM statuses s JOIN documents d USING (doc_id)
        WHERE ?::VARCHAR IS NULL OR d.municipality = ?
        GROUP BY s.period
        ORDER BY period_order
        """,
        [municipality, municipality],
        path=path,
    )


def status_history(municipality: str | None = None, path: Path | None = None) -> pd.DataFrame:
    """One row per activity and period with the latest reported status (later documents win)."""
    return query(
        """
        WITH latest_activity AS (
            SELECT a.*, d.municipality AS gemeente,
                   row_number() OVER (PARTITION BY a.activity_key ORDER BY d.year DESC, d.loaded_at DESC) AS rn
            FROM activities a JOIN documents d USING (doc_id)
            WHERE ?::VARCHAR IS NULL OR d.municipality = ?
        ),
        latest_status AS (
            SELECT s.*, row_number() OVER (PARTITION BY s.activity_key, s.period
                                           ORDER BY d.year DESC, d.loaded_at DESC) AS rn
            FROM statuses s JOIN documents d USING (doc_id)
        )
        SELECT la.activity_key, la.gemeente AS municipality, la.code, la.name, la.programme, la.theme,
               la.target_year, ls.period, ls.period_order, ls.status, ls.status_raw
        FROM latest_activity la
        LEFT JOIN latest_status ls ON ls.activity_key = la.activity_key AND ls.rn = 1
        WHERE la.rn = 1
        ORDER BY la.gemeente, la.code NULLS LAST, la.name, ls.period_order
        """,
        [municipality, municipality],
        path=path,
    )


def warnings(path: Path | None = None) -> pd.DataFrame:
    """Warnings of every loaded document, in document and line order."""
    return query(
        """
        SELECT d.title, d.source, w.line, w.code, w.message
        FROM warnings w JOIN documents d USING (doc_id)
        ORDER BY d.municipality NULLS LAST, d.title, w.seq
        """,
        path=path,
    )
