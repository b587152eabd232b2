"""A municipality's budget through the year's documents: the original budget (begroting), each amendment
(voortgangsrapportage, najaarsnota: their "begroting na wijziging") and the actuals (jaarrekening), per scope. Pure
functions over the frames of dashboard/check_queries; the stages page and the stage checks read them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from dashboard.scopes import deviation_key, scope_key
from model.periods import parse_period
from model.records import page_of
from model.vocabulary import load_vocabulary

ROLE_RANK = {"original": 0, "amendment": 1, "actuals": 2}
_MEASURE = {"original": "begroting", "amendment": "actuele_begroting", "actuals": "rekening"}


@dataclass(frozen=True)
class Report:
    """One document in the municipality's budget cycle: its part in it and where it stands in time."""

    doc_id: str
    title: str
    year: int | None
    role: str | None  # original, amendment, actuals; None for documents outside the cycle
    order: tuple
    page_starts: tuple[int, ...]
    threshold_eur: float | None = None
    threshold_percent: float | None = None
    threshold_line: int | None = None

    def page(self, line: int | None) -> int | None:
        """The page `line` is on (None for documents without pages)."""
        return page_of(line, list(self.page_starts) or None)


@cache
def _roles() -> dict[str, str]:
    stages = load_vocabulary("budget")["stages"]
    return {kind: role for role, kinds in stages.items() for kind in kinds}


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def reports(documents: pd.DataFrame) -> list[Report]:
    """The documents in report order: by year, then the rank of their own period (begroting, VGRs, rekening)."""
    found = []
    for row in documents.itertuples():
        period = parse_period(row.period) if isinstance(row.period, str) else None
        year = int(row.year) if pd.notna(row.year) else None
        starts = row.page_starts if isinstance(row.page_starts, list | tuple) else ()
        found.append(
            Report(
                doc_id=row.doc_id,
                title=row.title if isinstance(row.title, str) else row.source,
                year=year,
                role=_roles().get(period.kind) if period else None,
                order=(year or 0, period.rank if period else 50, str(row.loaded_at)),
                page_starts=tuple(int(s) for s in starts),
                threshold_eur=_number(row.threshold_eur),
                threshold_percent=_number(row.threshold_percent),
                threshold_line=int(row.threshold_line) if pd.notna(row.threshold_line) else None,
            )
        )
    return sorted(found, key=lambda report: report.order)


def keyed_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """Money lines with their scope key; the first line per document, key, kind, column kind and year."""
    keyed = lines.assign(key=lines["scope"].map(scope_key))
    return keyed.drop_duplicates(["doc_id", "key", "kind", "column_kind", "year"], keep="first")


def keyed_deviations(deviations: pd.DataFrame) -> pd.DataFrame:
    """Deviation items with the scope key they explain."""
    keys = [deviation_key(item, scope) for item, scope in zip(deviations["item"], deviations["scope"], strict=True)]
    return deviations.assign(key=keys)


def budget_years(reports_: list[Report], lines: pd.DataFrame) -> list[int]:
    """Years for which some document in the cycle has a budget, amendment or actuals figure, newest first."""
    in_cycle = {r.doc_id for r in reports_ if r.role}
    years = lines[lines["doc_id"].isin(in_cycle) & lines["column_kind"].isin(list(_MEASURE.values()))]["year"]
    return sorted({int(y) for y in years.dropna()}, reverse=True)


def budget_stages(reports_: list[Report], lines: pd.DataFrame, deviations: pd.DataFrame, year: int) -> pd.DataFrame:
    """One row per scope, kind and stage for `year`: the original budget (from the begroting, else the first
    document that prints it), each amendment's amended budget and the actuals, with the change against the stage
    before, the document, its line and page, and that document's explanations of the scope."""
    keyed, explained = keyed_lines(lines), keyed_deviations(deviations)
    rows = []
    for key, scope_lines in keyed[keyed["year"] == year].groupby("key", sort=False):
        for kind, kind_lines in scope_lines.groupby("kind", sort=False):
            steps = _steps(reports_, kind_lines, year)
            previous = None
            for number, (report, role, line) in enumerate(steps):
                amount = float(line.amount_eur)
                texts = explained[(explained["doc_id"] == report.doc_id) & (explained["key"] == key)]["explanation"]
                rows.append(
                    {
                        "key": key,
                        "scope": scope_lines["scope"].iloc[0],
                        "kind": kind,
                        "total": bool(line.is_total),
                        "step": number,
                        "role": role,
                        "doc_id": report.doc_id,
                        "title": report.title,
                        "amount": amount,
                        "change": None if previous is None else amount - previous,
                        "line": int(line.line) if pd.notna(line.line) else None,
                        "page": report.page(int(line.line)) if pd.notna(line.line) else None,
                        "explanation": "\n".join(t for t in texts.dropna() if t) or None,
                    }
                )
                previous = amount
    return pd.DataFrame(rows)


def _steps(reports_: list[Report], lines: pd.DataFrame, year: int) -> list[tuple[Report, str, object]]:
    """(report, role, line) of each stage of `year` in order: the original budget from that year's begroting,
    else from the first document of the year that prints it, else from an earlier one (a multi-year estimate)."""
    by_doc = {(row.doc_id, row.column_kind): row for row in lines.itertuples()}
    printing = [r for r in reports_ if (r.doc_id, "begroting") in by_doc]
    candidates = (
        [r for r in printing if r.role == "original" and r.year == year]
        + [r for r in printing if r.year == year]
        + [r for r in reversed(printing) if r.year is not None and r.year < year]
    )
    steps: list[tuple[Report, str, object]] = []
    if candidates:
        steps.append((candidates[0], "original", by_doc[(candidates[0].doc_id, "begroting")]))
    for report in reports_:
        if report.year == year and report.role in ("amendment", "actuals"):
            line = by_doc.get((report.doc_id, _MEASURE[report.role]))
            if line is not None:
                steps.append((report, report.role, line))
    return steps
