"""Every SQL statement the dashboard runs, parameterized; each returns a DataFrame. Aggregation happens here."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.db import query, query_over
from dashboard.selection import Selection
from model.statuses import SEVERITY

# Latest status per activity and period: when several documents report the same period, the later one wins.
_FACTS = """
WITH facts AS (
    SELECT s.activity_key, s.period, s.period_order, s.status, s.status_raw, s.line, s.doc_id,
           a.code, a.name, a.programme, a.theme, a.target_year, a.proposal, d.municipality, d.title,
           row_number() OVER (PARTITION BY s.activity_key, s.period
                              ORDER BY d.year DESC NULLS LAST, d.loaded_at DESC) AS rank
    FROM statuses s
    JOIN activities a ON a.doc_id = s.doc_id AND a.activity_key = s.activity_key
    JOIN documents d ON d.doc_id = s.doc_id
    WHERE {where}
),
latest AS (SELECT * EXCLUDE (rank) FROM facts WHERE rank = 1)
"""
_SEVERITY = "CASE {col} " + " ".join(f"WHEN '{s}' THEN {n}" for s, n in SEVERITY.items()) + " END"


def _facts(selection: Selection) -> tuple[str, list]:
    where, params = selection.sql()
    return _FACTS.format(where=where), params


def over_latest(selection: Selection, sql: str, params: list, path: Path | None) -> pd.DataFrame:
    """`sql` over `latest` (the latest status per activity and period within the filters). With a municipality
    chosen its rows are read once and every aggregate runs over them; without, each runs in the database."""
    facts, fact_params = _facts(selection)
    if selection.municipality is None:
        return query(facts + sql, fact_params + params, path=path)
    return query_over(facts + "SELECT * FROM latest", fact_params, sql, params, path=path)


def _status_filter(selection: Selection, alias: str = "latest") -> tuple[str, list]:
    """Keep activities whose status in the chosen (else latest) period is one of the selected statuses."""
    if not selection.statuses:
        return "", []
    marks = ", ".join("?" for _ in selection.statuses)
    clause = f"""AND {alias}.activity_key IN (
        SELECT activity_key FROM latest l
        WHERE l.period = coalesce(?, (SELECT period FROM latest ORDER BY period_order DESC LIMIT 1))
          AND l.status IN ({marks}))"""
    return clause, [selection.period, *selection.statuses]


def has_no_documents(path: Path | None = None) -> bool:
    """True when the database holds no document (one row looked at, not counted)."""
    return query("SELECT 1 FROM documents LIMIT 1", path=path).empty


def document_titles(selection: Selection, path: Path | None = None) -> pd.DataFrame:
    """Id, title, source and page starts of the documents within the filters (what exports name as sources)."""
    where, params = selection.documents_sql()
    return query(
        f"SELECT d.doc_id, d.title, d.source, d.page_starts FROM documents d WHERE {where} ORDER BY d.year, d.title",
        params,
        path=path,
    )


def documents(selection: Selection | None = None, path: Path | None = None) -> pd.DataFrame:
    """Loaded documents within the filters (municipality, document) with counts of everything they yielded."""
    where, params = (selection or Selection()).documents_sql()
    return query(
        f"""
        SELECT d.doc_id, d.municipality, d.title, d.doc_type, d.year, d.source, d.loaded_at,
               (SELECT count(*) FROM activities a WHERE a.doc_id = d.doc_id) AS activities,
               (SELECT count(*) FROM statuses s WHERE s.doc_id = d.doc_id) AS statuses,
               (SELECT count(*) FROM budget_lines b WHERE b.doc_id = d.doc_id) AS budget_lines,
               (SELECT count(*) FROM deviations v WHERE v.doc_id = d.doc_id) AS deviations,
               (SELECT count(*) FROM indicators i WHERE i.doc_id = d.doc_id) AS indicators,
               (SELECT count(*) FROM goals g WHERE g.doc_id = d.doc_id) AS goals,
               (SELECT count(*) FROM warnings w WHERE w.doc_id = d.doc_id) AS warnings
        FROM documents d
        WHERE {where}
        ORDER BY d.municipality NULLS LAST, d.year, d.title
        """,
        params,
        path=path,
    )


def status_facts(selection: Selection, path: Path | None = None) -> pd.DataFrame:
    """Latest status per activity and period within the filters (the rows behind trend, matrix and lists)."""
    status_clause, status_params = _status_filter(selection)
    return over_latest(
        selection,
        f"SELECT * FROM latest WHERE TRUE {status_clause} ORDER BY code NULLS LAST, name, period_order",
        status_params,
        path,
    )


def status_counts(selection: Selection, path: Path | None = None) -> pd.DataFrame:
    """Number of activities per period and status (the status trend)."""
    status_clause, status_params = _status_filter(selection)
    return over_latest(
        selection,
        f"""SELECT period, min(period_order) AS period_order, status, count(*) AS n
            FROM latest WHERE TRUE {status_clause}
            GROUP BY period, status ORDER BY period_order, status""",
        status_params,
        path,
    )


def comparison(municipalities: list[str], path: Path | None = None) -> pd.DataFrame:
    """Per municipality the number of activities per status in its newest period (columns municipality, period,
    status, n), one municipality after the other: side by side, never summed."""
    parts = []
    for town in municipalities:
        counts = status_counts(Selection(town), path)
        if not counts.empty:
            newest = counts[counts["period_order"] == counts["period_order"].max()]
            parts.append(newest.assign(municipality=town)[["municipality", "period", "status", "n"]])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["municipality", "period", "status", "n"])


def status_by_group(selection: Selection, period: str, level: str, path: Path | None = None) -> pd.DataFrame:
    """Number of activities per programme (level 'programme') or theme ('theme') and status in one period."""
    column = {"programme": "programme", "theme": "theme"}[level]
    status_clause, status_params = _status_filter(selection)
    return over_latest(
        selection,
        f"""SELECT coalesce({column}, '(geen)') AS "group", status, count(*) AS n
            FROM latest WHERE period = ? {status_clause}
            GROUP BY 1, status ORDER BY 1, status""",
        [period, *status_params],
        path,
    )


_CHANGE = f"""CASE WHEN {_SEVERITY.format(col="b.status")} < {_SEVERITY.format(col="a.status")} THEN 'improved'
                    WHEN {_SEVERITY.format(col="b.status")} > {_SEVERITY.format(col="a.status")} THEN 'worsened'
                    ELSE 'unchanged' END"""


def _from_to(selection: Selection, periods: tuple[str, str], select: str, rest: str, path: Path | None) -> pd.DataFrame:
    """`select` … `rest` over each activity's status in the first period (a) and in the second (b)."""
    status_clause, status_params = _status_filter(selection, "a")
    first, second = periods
    return over_latest(
        selection,
        f"""{select} FROM latest a JOIN latest b ON a.activity_key = b.activity_key
            WHERE a.period = ? AND b.period = ? {status_clause} {rest}""",
        [first, second, *status_params],
        path,
    )


def transitions(selection: Selection, first: str, second: str, path: Path | None = None) -> pd.DataFrame:
    """Activities per (status in `first`, status in `second`), with whether that is better, worse or equal."""
    return _from_to(
        selection,
        (first, second),
        f"SELECT a.status AS status_from, b.status AS status_to, count(*) AS n, {_CHANGE} AS change",
        "GROUP BY ALL ORDER BY n DESC",
        path,
    )


def changes(selection: Selection, first: str, second: str, path: Path | None = None) -> pd.DataFrame:
    """The activities whose status got better or worse from `first` to `second`, worst news first."""
    changed = _from_to(
        selection,
        (first, second),
        f"SELECT b.activity_key, b.code, b.name, a.status AS status_from, b.status AS status_to, {_CHANGE} AS change",
        "ORDER BY b.code NULLS LAST, b.name",
        path,
    )
    changed = changed[changed["change"] != "unchanged"]
    return changed.sort_values("change", key=lambda c: c == "improved", kind="stable").reset_index(drop=True)


def attention(selection: Selection, previous: str | None, latest: str, path: Path | None = None) -> pd.DataFrame:
    """Activities that need council action in `latest` or worsened since `previous`, with the council proposal."""
    status_clause, status_params = _status_filter(selection, "b")
    severity_a, severity_b = _SEVERITY.format(col="a.status"), _SEVERITY.format(col="b.status")
    return over_latest(
        selection,
        f"""SELECT b.activity_key, b.municipality, b.code, b.name, a.status AS status_before,
                                    b.status, b.proposal, b.title, b.line,
                                    b.status = 'council_action' AS council_action,
                                    coalesce({severity_b} > {severity_a}, FALSE) AS worsened
                             FROM latest b LEFT JOIN latest a ON a.activity_key = b.activity_key AND a.period = ?
                             WHERE b.period = ? AND (b.status = 'council_action' OR {severity_b} > {severity_a})
                             {status_clause}
                             ORDER BY b.status = 'council_action' DESC, b.code NULLS LAST, b.name""",
        [previous, latest, *status_params],
        path,
    )


def activities(selection: Selection, search: str = "", path: Path | None = None) -> pd.DataFrame:
    """Activities within the filters with their latest status; `search` matches code, name or description."""
    where, params = selection.sql()
    facts, fact_params = _facts(selection)
    status_clause, status_params = _status_filter(selection, "act")
    pattern = f"%{search.strip()}%" if search.strip() else None
    return query(
        facts
        + f"""
        , act AS (
            SELECT a.*, d.municipality AS town, d.title AS document,
                   row_number() OVER (PARTITION BY a.activity_key ORDER BY d.year DESC NULLS LAST,
                                      d.loaded_at DESC) AS rank
            FROM activities a JOIN documents d USING (doc_id) WHERE {where}
        )
        SELECT act.activity_key, act.town AS municipality, act.code, act.name, act.programme, act.theme,
               act.target_year, last.period, last.status, last.status_raw,
               coalesce(last.doc_id, act.doc_id) AS doc_id, coalesce(last.line, act.line) AS line
        FROM act
        LEFT JOIN (SELECT * FROM latest QUALIFY row_number() OVER (PARTITION BY activity_key
                   ORDER BY period_order DESC) = 1) last USING (activity_key)
        WHERE act.rank = 1 {status_clause}
          AND (?::VARCHAR IS NULL OR act.code ILIKE ? OR act.name ILIKE ? OR act.description ILIKE ?)
        ORDER BY act.town, act.code NULLS LAST, act.name
        """,
        [*fact_params, *params, *status_params, pattern, pattern, pattern, pattern],
        path=path,
    )


def activity_history(keys: list[str], selection: Selection, path: Path | None = None) -> pd.DataFrame:
    """Every status ever reported for one activity (all its `keys`: linked codes count as one) of the selected
    municipality, in every loaded document, in time order (another municipality's activity gives nothing)."""
    where, params = Selection(selection.municipality).documents_sql()
    return query(
        f"""
        SELECT s.period, s.period_order, s.status, s.status_raw, s.line, a.code, d.title, d.source, d.year
        FROM statuses s JOIN documents d USING (doc_id)
        LEFT JOIN activities a ON a.doc_id = s.doc_id AND a.activity_key = s.activity_key
        WHERE list_contains(?, s.activity_key) AND {where}
        ORDER BY s.period_order, d.year, d.loaded_at
        """,
        [keys, *params],
        path=path,
    )


def activity_versions(keys: list[str], selection: Selection, path: Path | None = None) -> pd.DataFrame:
    """What each loaded document of the selected municipality says about one activity (all its `keys`): texts,
    proposal, and where it stands; the newest first."""
    where, params = Selection(selection.municipality).documents_sql()
    return query(
        f"""
        SELECT a.activity_key, a.code, a.name, a.programme, a.theme, a.target_year, a.description, a.progress,
               a.proposal, a.line, d.title, d.source, d.year, d.municipality, d.page_starts
        FROM activities a JOIN documents d USING (doc_id)
        WHERE list_contains(?, a.activity_key) AND {where}
        ORDER BY d.year DESC NULLS LAST, d.loaded_at DESC
        """,
        [keys, *params],
        path=path,
    )


def warnings(selection: Selection | None = None, path: Path | None = None) -> pd.DataFrame:
    """Warnings of the documents within the filters, in document and line order."""
    where, params = (selection or Selection()).documents_sql()
    return query(
        f"""
        SELECT d.municipality, d.title, d.source, w.line, w.code, w.message
        FROM warnings w JOIN documents d USING (doc_id)
        WHERE {where}
        ORDER BY d.municipality NULLS LAST, d.title, w.seq
        """,
        params,
        path=path,
    )


def document_text(doc_id: str, path: Path | None = None) -> tuple[str, str, str]:
    """(title, source, raw text) of one document, for showing where a number came from."""
    row = query(
        "SELECT coalesce(title, source) AS title, source, raw_text FROM documents WHERE doc_id = ?", [doc_id], path=path
    ).iloc[0]
    return row["title"], row["source"], row["raw_text"]


# --- indicators --------------------------------------------------------------------------------------------------


def indicators(
    selection: Selection, search: str = "", group: str | None = None, path: Path | None = None
) -> pd.DataFrame:
    """Indicators with their values in period order (as lists), target, unit and source."""
    pattern = f"%{search.strip()}%" if search.strip() else None
    where, params = selection.documents_sql()
    return query(
        f"""
        SELECT d.municipality, i.group_name, i.name, i.unit, i.target, i.source, i.line, d.title,
               list(v.period ORDER BY p.sort_order) FILTER (WHERE v.period IS NOT NULL) AS periods,
               list(v.value ORDER BY p.sort_order) FILTER (WHERE v.period IS NOT NULL) AS "values",
               count(v.value) AS measured
        FROM indicators i JOIN documents d USING (doc_id)
        LEFT JOIN indicator_values v ON v.doc_id = i.doc_id AND v.indicator_seq = i.seq
        LEFT JOIN periods p ON p.doc_id = v.doc_id AND p.label = v.period
        WHERE {where} AND (?::VARCHAR IS NULL OR i.group_name = ?)
          AND (?::VARCHAR IS NULL OR i.name ILIKE ? OR i.group_name ILIKE ?)
        GROUP BY ALL
        ORDER BY d.municipality, i.line
        """,
        [*params, group, group, pattern, pattern, pattern],
        path=path,
    )


def indicator_groups(selection: Selection, path: Path | None = None) -> list[str]:
    """Indicator groups (kaders, programmes) within the filters."""
    where, params = selection.documents_sql()
    return query(
        f"""SELECT DISTINCT i.group_name FROM indicators i JOIN documents d USING (doc_id)
            WHERE i.group_name IS NOT NULL AND {where} ORDER BY 1""",
        params,
        path=path,
    )["group_name"].tolist()
