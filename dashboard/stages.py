"""A municipality's budget through the year's documents: the original budget (begroting), each amendment
(voortgangsrapportage, najaarsnota: their "begroting na wijziging") and the actuals (jaarrekening), per scope. Pure
functions over the frames of dashboard/check_queries; the stages page and the stage checks read them."""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass
from functools import cache

import pandas as pd

from dashboard.format import as_list
from dashboard.scopes import deviation_key, scope_key
from model.document import page_of
from model.periods import parse_period
from model.vocabulary import load_vocabulary

ROLE_RANK = {"original": 0, "amendment": 1, "actuals": 2}
# the column kind each part of the cycle states its figure in
MEASURE = {"original": "begroting", "amendment": "actuele_begroting", "actuals": "rekening"}


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
        found.append(
            Report(
                doc_id=row.doc_id,
                title=row.title if isinstance(row.title, str) else row.source,
                year=year,
                role=_roles().get(period.kind) if period else None,
                order=(year or 0, period.rank if period else 50, str(row.loaded_at)),
                page_starts=tuple(int(s) for s in as_list(row.page_starts)),  # DuckDB gives an array
                threshold_eur=_number(row.threshold_eur),
                threshold_percent=_number(row.threshold_percent),
                threshold_line=int(row.threshold_line) if pd.notna(row.threshold_line) else None,
            )
        )
    return sorted(found, key=lambda report: report.order)


def rows_of(frame: pd.DataFrame) -> list:
    """The rows of `frame` as named tuples, read column by column (row access on Arrow-backed text columns is
    several times slower)."""
    row = namedtuple("Row", frame.columns)
    return list(map(row._make, zip(*(frame[column].tolist() for column in frame.columns), strict=True)))


def keyed_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """Money lines with their scope key; the first line per document, key, kind, column kind and year."""
    keyed = lines.assign(key=lines["scope"].map(scope_key))
    return keyed.drop_duplicates(["doc_id", "key", "kind", "column_kind", "year"], keep="first")


def keyed_deviations(deviations: pd.DataFrame) -> pd.DataFrame:
    """Deviation items with the scope key they explain."""
    keys = [deviation_key(item, scope) for item, scope in zip(deviations["item"], deviations["scope"], strict=True)]
    return deviations.assign(key=keys)


@dataclass(frozen=True)
class Figure:
    """One figure of a money table: its scope as printed, whether it is a total, its amount and line."""

    scope: str
    total: bool
    amount: float
    line: int | None


@dataclass(frozen=True)
class Cycle:
    """One municipality's documents with their money lines and deviation items, indexed once: per year, scope key
    and kind, the figure each document prints in each kind of column; per document and key, its explanations."""

    reports: list[Report]
    lines: pd.DataFrame  # keyed_lines
    items: pd.DataFrame  # keyed_deviations
    figures: dict[int, dict[tuple[str, str], dict[tuple[str, str], Figure]]]
    explanations: dict[tuple[str, str], str]

    @property
    def years(self) -> list[int]:
        """Years for which a document in the cycle prints a budget, amended budget or actuals, newest first."""
        in_cycle = {r.doc_id for r in self.reports if r.role}
        measures = set(MEASURE.values())
        return sorted(
            (year for year, scopes in self.figures.items()
             if any(doc in in_cycle and kind in measures for found in scopes.values() for doc, kind in found)),
            reverse=True,
        )


def cycle(documents: pd.DataFrame, lines: pd.DataFrame, deviations: pd.DataFrame) -> Cycle:
    """The cycle of the frames of dashboard/check_queries (one municipality)."""
    keyed, items = keyed_lines(lines), keyed_deviations(deviations)
    figures: dict[int, dict[tuple[str, str], dict[tuple[str, str], Figure]]] = {}
    for row in rows_of(keyed):
        if pd.isna(row.year) or not isinstance(row.column_kind, str):
            continue
        line = int(row.line) if pd.notna(row.line) else None
        by_scope = figures.setdefault(int(row.year), {}).setdefault((row.key, row.kind), {})
        by_scope[(row.doc_id, row.column_kind)] = Figure(row.scope, bool(row.is_total), float(row.amount_eur), line)
    explanations: dict[tuple[str, str], list[str]] = {}
    for doc_id, key, text in zip(items["doc_id"], items["key"], items["explanation"], strict=True):
        if isinstance(text, str) and text:
            explanations.setdefault((doc_id, key), []).append(text)
    joined = {place: "\n".join(texts) for place, texts in explanations.items()}
    return Cycle(reports(documents), keyed, items, figures, joined)


def stage_rows(cycle_: Cycle, year: int) -> list[dict]:
    """One row per scope, kind and stage of `year`: the original budget (from the begroting, else the first
    document that prints it), each amendment's amended budget and the actuals, with the change against the stage
    before, the document, its line and page, and that document's explanations of the scope."""
    rows = []
    for (key, kind), found in cycle_.figures.get(year, {}).items():
        previous = None
        for number, (report, role, figure) in enumerate(_steps(cycle_.reports, found, year)):
            rows.append(
                {
                    "key": key,
                    "scope": next(iter(found.values())).scope,
                    "kind": kind,
                    "total": figure.total,
                    "step": number,
                    "role": role,
                    "doc_id": report.doc_id,
                    "title": report.title,
                    "amount": figure.amount,
                    "change": None if previous is None else figure.amount - previous,
                    "line": figure.line,
                    "page": report.page(figure.line),
                    "explanation": cycle_.explanations.get((report.doc_id, key)),
                }
            )
            previous = figure.amount
    return rows


def budget_stages(cycle_: Cycle, year: int) -> pd.DataFrame:
    """stage_rows as a table (what the stages page shows and exports)."""
    return pd.DataFrame(stage_rows(cycle_, year))


def _steps(reports_: list[Report], found: dict[tuple[str, str], Figure], year: int) -> list[tuple[Report, str, Figure]]:
    """(report, role, figure) of each stage of `year` in order: the original budget from that year's begroting,
    else from the first document of the year that prints it, else from an earlier one (a multi-year estimate)."""
    printing = [r for r in reports_ if (r.doc_id, "begroting") in found]
    candidates = (
        [r for r in printing if r.role == "original" and r.year == year]
        + [r for r in printing if r.year == year]
        + [r for r in reversed(printing) if r.year is not None and r.year < year]
    )
    steps: list[tuple[Report, str, Figure]] = []
    if candidates:
        steps.append((candidates[0], "original", found[(candidates[0].doc_id, "begroting")]))
    for report in reports_:
        if report.year == year and report.role in ("amendment", "actuals"):
            figure = found.get((report.doc_id, MEASURE[report.role]))
            if figure is not None:
                steps.append((report, report.role, figure))
    return steps
