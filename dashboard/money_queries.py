"""The money side of the read side: documents with money tables, budget against actuals, deviations per theme
and item, the consistency checks and activity costs. Parameterized SQL; each returns a DataFrame."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.db import query
from dashboard.selection import Selection

_LASTEN_SIGN = """(SELECT CASE WHEN avg(CASE WHEN amount_eur < 0 THEN 1.0 ELSE 0.0 END) > 0.5 THEN 1 ELSE -1 END
                   FROM budget_lines WHERE doc_id = ? AND kind = 'lasten' AND coalesce(amount_eur, 0) <> 0)"""
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
    """Documents within the filters that hold budget lines or deviations, newest first."""
    where, params = selection.documents_sql()
    return query(
        f"""
        SELECT d.doc_id, d.municipality, d.title, d.year, d.source,
               (SELECT count(*) FROM budget_lines b WHERE b.doc_id = d.doc_id AND b.activity IS NULL) AS budget_lines,
               (SELECT count(*) FROM deviations v WHERE v.doc_id = d.doc_id) AS deviations
        FROM documents d
        WHERE {where}
          AND (EXISTS (SELECT 1 FROM budget_lines b WHERE b.doc_id = d.doc_id AND b.activity IS NULL)
               OR EXISTS (SELECT 1 FROM deviations v WHERE v.doc_id = d.doc_id))
        ORDER BY d.year DESC NULLS LAST, d.loaded_at DESC
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
    sign_params = [doc_id] if kind == "saldo" else []
    return query(
        f"""
        WITH real_year AS (SELECT max(year) AS y FROM budget_lines WHERE doc_id = ? AND column_kind = 'rekening'),
        lines AS (
            SELECT b.scope, b.line, {value} AS value,
                   CASE WHEN b.column_kind = 'begroting' THEN 'primitieve'
                        WHEN b.column_kind = 'actuele_begroting' THEN 'actuele'
                        WHEN b.column_kind = 'rekening' AND b.year = (SELECT y FROM real_year) THEN 'realisatie'
                   END AS measure
            FROM budget_lines b
            WHERE b.doc_id = ? AND NOT b.is_total AND b.activity IS NULL AND list_contains(?, b.kind)
        )
        SELECT scope, min(line) AS line,
               sum(value) FILTER (WHERE measure = 'primitieve') AS primitieve,
               sum(value) FILTER (WHERE measure = 'actuele') AS actuele,
               sum(value) FILTER (WHERE measure = 'realisatie') AS realisatie
        FROM lines WHERE measure IS NOT NULL
        GROUP BY scope ORDER BY line
        """,
        [doc_id, *sign_params, doc_id, kinds],
        path=path,
    )


def scope_deviations(doc_id: str, kind: str, path: Path | None = None) -> pd.DataFrame:
    """Per scope the Verschil column as a favourable-positive amount (V > 0, N < 0) for lasten, baten or saldo."""
    kinds = ["lasten", "baten"] if kind == "saldo" else [kind]
    favourable = _FAVOURABLE.format(sign=_LASTEN_SIGN)
    return query(
        f"""
        SELECT b.scope, min(b.line) AS line, sum({favourable}) AS amount
        FROM budget_lines b
        WHERE b.doc_id = ? AND b.column_kind = 'verschil' AND NOT b.is_total AND b.activity IS NULL
          AND list_contains(?, b.kind) AND b.amount_eur IS NOT NULL
        GROUP BY b.scope ORDER BY abs(amount) DESC
        """,
        [doc_id, doc_id, kinds],
        path=path,
    )


def result_budget_and_actual(doc_id: str, path: Path | None = None) -> pd.DataFrame:
    """The 'resultaat' (else 'saldo') row's amended budget and actuals: the two ends of the waterfall."""
    return query(
        """
        WITH real_year AS (SELECT max(year) AS y FROM budget_lines WHERE doc_id = ? AND column_kind = 'rekening'),
        target AS (SELECT kind, scope FROM budget_lines WHERE doc_id = ? AND kind IN ('resultaat', 'saldo')
                   AND activity IS NULL ORDER BY kind = 'resultaat' DESC, line DESC LIMIT 1)
        SELECT b.scope,
               sum(b.amount_eur) FILTER (WHERE b.column_kind = 'actuele_begroting') AS actuele,
               sum(b.amount_eur) FILTER (WHERE b.column_kind = 'rekening' AND b.year = (SELECT y FROM real_year))
                   AS realisatie
        FROM budget_lines b JOIN target t ON b.kind = t.kind AND b.scope = t.scope
        WHERE b.doc_id = ? GROUP BY b.scope
        """,
        [doc_id, doc_id, doc_id],
        path=path,
    )


_CODE = r"\d+(?:\.\d+)+"


def deviations(doc_id: str, search: str = "", scope: str | None = None, path: Path | None = None) -> pd.DataFrame:
    """Deviation items of one document (largest first); `search` matches item, scope or explanation; `scope` (a
    theme of the budget table, '1.1 Thema Jeugd') keeps the items under it ('Thema 1.1 Jeugd': same code)."""
    pattern = f"%{search.strip()}%" if search.strip() else None
    return query(
        """
        SELECT seq, item, scope, amount_eur, direction, incidental, explanation, explanation_line, line,
               CASE direction WHEN 'V' THEN amount_eur ELSE -amount_eur END AS signed
        FROM deviations
        WHERE doc_id = ? AND (?::VARCHAR IS NULL OR item ILIKE ? OR scope ILIKE ? OR explanation ILIKE ?)
          AND (?::VARCHAR IS NULL OR lower(scope) = lower(?)
               OR (regexp_extract(?, ?) <> '' AND regexp_extract(scope, ?) = regexp_extract(?, ?)))
        ORDER BY amount_eur DESC
        """,
        [doc_id, pattern, pattern, pattern, pattern, scope, scope, scope, _CODE, _CODE, scope, _CODE],
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
