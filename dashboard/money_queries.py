"""The money side of the read side: documents with money tables, budget against actuals, deviations per theme
and item, the consistency checks and activity costs. Parameterized SQL; each returns a DataFrame."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.db import query, query_over
from dashboard.selection import Selection

# One document's money lines, read once and shared by the document's aggregates (each ran over all budget lines)
_DOCUMENT_LINES = """SELECT scope, kind, column_kind, year, amount_eur, direction, is_total, line FROM budget_lines
                     WHERE doc_id = ? AND activity IS NULL"""
_LASTEN_SIGN = """(SELECT CASE WHEN avg(CASE WHEN amount_eur < 0 THEN 1.0 ELSE 0.0 END) > 0.5 THEN 1 ELSE -1 END
                   FROM latest WHERE kind = 'lasten' AND coalesce(amount_eur, 0) <> 0)"""
_FAVOURABLE = """CASE b.direction WHEN 'V' THEN abs(b.amount_eur) WHEN 'N' THEN -abs(b.amount_eur)
                 ELSE CASE WHEN b.kind = 'lasten' AND {sign} = -1 THEN -b.amount_eur ELSE b.amount_eur END END"""
CHECK_CODES = (
    "budget-total-mismatch",
    "budget-difference-mismatch",
    "budget-direction-mismatch",
    "budget-columns-mismatch",
    "budget-row-width",
    "budget-unit-assumed",
    "deviation-total-mismatch",
    "deviation-explanation-mismatch",
    "deviation-direction-from-sign",
    "explanation-without-deviation",
    "amount-not-understood",
)


def finance_documents(selection: Selection, path: Path | None = None) -> pd.DataFrame:
    """Documents within the filters that hold budget lines or deviations, newest first (counted per document in
    one pass over each table, not a lookup per document)."""
    where, params = selection.documents_sql()
    return query(
        f"""
        WITH docs AS (SELECT d.doc_id, d.municipality, d.title, d.year, d.source, d.loaded_at
                      FROM documents d WHERE {where}),
        lines AS (SELECT doc_id, count(*) AS n FROM budget_lines
                  WHERE activity IS NULL AND doc_id IN (SELECT doc_id FROM docs) GROUP BY doc_id),
        items AS (SELECT doc_id, count(*) AS n FROM deviations WHERE doc_id IN (SELECT doc_id FROM docs) GROUP BY doc_id)
        SELECT docs.doc_id, docs.municipality, docs.title, docs.year, docs.source,
               coalesce(lines.n, 0) AS budget_lines, coalesce(items.n, 0) AS deviations
        FROM docs LEFT JOIN lines USING (doc_id) LEFT JOIN items USING (doc_id)
        WHERE lines.n > 0 OR items.n > 0
        ORDER BY docs.year DESC NULLS LAST, docs.loaded_at DESC, docs.doc_id
        """,
        params,
        path=path,
    )


def budget_comparison(doc_id: str, kind: str, path: Path | None = None) -> pd.DataFrame:
    """Per scope: primitieve begroting, actuele begroting and realisatie for lasten, baten or saldo."""
    value = (
        "b.amount_eur"
        if kind != "saldo"
        else f"CASE b.kind WHEN 'baten' THEN b.amount_eur ELSE b.amount_eur * {_LASTEN_SIGN} END"
    )
    kinds = ["lasten", "baten"] if kind == "saldo" else [kind]
    return query_over(
        _DOCUMENT_LINES,
        [doc_id],
        f"""
        WITH real_year AS (SELECT max(year) AS y FROM latest WHERE column_kind = 'rekening'),
        lines AS (
            SELECT b.scope, b.line, {value} AS value,
                   CASE WHEN b.column_kind = 'begroting' THEN 'primitieve'
                        WHEN b.column_kind = 'actuele_begroting' THEN 'actuele'
                        WHEN b.column_kind = 'rekening' AND b.year = (SELECT y FROM real_year) THEN 'realisatie'
                   END AS measure
            FROM latest b
            WHERE NOT b.is_total AND list_contains(?, b.kind)
        )
        SELECT scope, min(line) AS line,
               sum(value) FILTER (WHERE measure = 'primitieve') AS primitieve,
               sum(value) FILTER (WHERE measure = 'actuele') AS actuele,
               sum(value) FILTER (WHERE measure = 'realisatie') AS realisatie
        FROM lines WHERE measure IS NOT NULL
        GROUP BY scope ORDER BY line
        """,
        [kinds],
        path=path,
    )


def scope_deviations(doc_id: str, kind: str, path: Path | None = None) -> pd.DataFrame:
    """Per scope the Verschil column as a favourable-positive amount (V > 0, N < 0) for lasten, baten or saldo."""
    kinds = ["lasten", "baten"] if kind == "saldo" else [kind]
    favourable = _FAVOURABLE.format(sign=_LASTEN_SIGN)
    return query_over(
        _DOCUMENT_LINES,
        [doc_id],
        f"""
        SELECT b.scope, min(b.line) AS line, sum({favourable}) AS amount
        FROM latest b
        WHERE b.column_kind = 'verschil' AND NOT b.is_total AND list_contains(?, b.kind) AND b.amount_eur IS NOT NULL
        GROUP BY b.scope ORDER BY abs(amount) DESC
        """,
        [kinds],
        path=path,
    )


def result_budget_and_actual(doc_id: str, path: Path | None = None) -> pd.DataFrame:
    """The 'resultaat' (else 'saldo') row's amended budget and actuals: the two ends of the waterfall."""
    return query_over(
        _DOCUMENT_LINES,
        [doc_id],
        """
        WITH real_year AS (SELECT max(year) AS y FROM latest WHERE column_kind = 'rekening'),
        target AS (SELECT kind, scope FROM latest WHERE kind IN ('resultaat', 'saldo')
                   ORDER BY kind = 'resultaat' DESC, line DESC LIMIT 1)
        SELECT b.scope,
               sum(b.amount_eur) FILTER (WHERE b.column_kind = 'actuele_begroting') AS actuele,
               sum(b.amount_eur) FILTER (WHERE b.column_kind = 'rekening' AND b.year = (SELECT y FROM real_year))
                   AS realisatie
        FROM latest b JOIN target t ON b.kind = t.kind AND b.scope = t.scope
        GROUP BY b.scope
        """,
        [],
        path=path,
    )


_CODE = r"\d+(?:\.\d+)+"


def deviations(doc_id: str, search: str = "", scope: str | None = None, path: Path | None = None) -> pd.DataFrame:
    """Deviation items of one document (largest first); `search` matches item, scope or explanation; `scope` (a
    theme of the budget table, '1.1 Thema Jeugd') keeps the items under it ('Thema 1.1 Jeugd': same code)."""
    pattern = f"%{search.strip()}%" if search.strip() else None
    return query_over(
        """SELECT seq, item, scope, amount_eur, direction, incidental, explanation, explanation_line, line
           FROM deviations WHERE doc_id = ?""",
        [doc_id],
        """
        SELECT seq, item, scope, amount_eur, direction, incidental, explanation, explanation_line, line,
               CASE direction WHEN 'V' THEN amount_eur ELSE -amount_eur END AS signed
        FROM latest
        WHERE (?::VARCHAR IS NULL OR item ILIKE ? OR scope ILIKE ? OR explanation ILIKE ?)
          AND (?::VARCHAR IS NULL OR lower(scope) = lower(?)
               OR (regexp_extract(?, ?) <> '' AND regexp_extract(scope, ?) = regexp_extract(?, ?)))
        ORDER BY amount_eur DESC
        """,
        [pattern, pattern, pattern, pattern, scope, scope, scope, _CODE, _CODE, scope, _CODE],
        path=path,
    )


def deviation_parts(doc_id: str, seq: int, path: Path | None = None) -> pd.DataFrame:
    """Sub-items of one explained deviation."""
    return query(
        """SELECT text, amount_eur, direction, incidental, line FROM deviation_parts
                    WHERE doc_id = ? AND deviation_seq = ? ORDER BY seq""",
        [doc_id, seq],
        path=path,
    )


def activity_costs(selection: Selection, path: Path | None = None) -> pd.DataFrame:
    """Cost amounts of activities in execution programmes, grouped by programme."""
    where, params = selection.documents_sql()
    return query(
        f"""
        SELECT d.municipality, b.programme, b.activity, b.kind, b.amount_eur, b.note, b.line, d.title
        FROM budget_lines b JOIN documents d USING (doc_id)
        WHERE b.activity IS NOT NULL AND {where} AND (?::VARCHAR IS NULL OR b.programme = ?)
        ORDER BY d.municipality, b.programme NULLS LAST, b.line
        """,
        [*params, selection.programme, selection.programme],
        path=path,
    )
