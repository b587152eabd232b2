"""What a report of each page holds in its default view (`voortgang report --page NAME`): its title, charts and
tables, built from the same queries, exports and chart builders as the page. The pages' own buttons report what
they show at that moment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard import checks, queries, stage_charts, strings
from dashboard.export_catalog import CATALOG, ExportError
from dashboard.selection import Selection
from dashboard.stages import budget_stages


@dataclass(frozen=True)
class PageReport:
    """A page as a report: its title, its charts and its tables (each with a caption)."""

    title: str
    charts: list[go.Figure]
    tables: list[tuple[str, pd.DataFrame]]


def _built(name: str, selection: Selection, path: Path | None) -> tuple[go.Figure | None, pd.DataFrame | None]:
    try:
        return CATALOG[name].build(selection, path)
    except ExportError:
        return None, None


def _overview(selection: Selection, path: Path | None) -> PageReport:
    charts = [figure for name in ("status-trend", "status-matrix") if (figure := _built(name, selection, path)[0])]
    counts = queries.status_counts(selection, path=path)
    periods = counts.sort_values("period_order")["period"].drop_duplicates().tolist()
    tables = []
    if periods:
        previous = periods[-2] if len(periods) > 1 else None
        attention = queries.attention(selection, previous, periods[-1], path=path)
        tables.append((strings.ATTENTION_HEADER, attention[["code", "name", "status_before", "status", "proposal"]]))
    return PageReport(strings.OVERVIEW_HEADER, charts, tables)


def _activities(selection: Selection, path: Path | None) -> PageReport:
    _, table = _built("activities", selection, path)
    return PageReport(strings.ACTIVITIES_HEADER, [], [(strings.ACTIVITIES_HEADER, table)] if table is not None else [])


def _finance(selection: Selection, path: Path | None) -> PageReport:
    charts, tables = [], []
    for name in ("budget", "deviations", "waterfall"):
        figure, data = _built(name, selection, path)
        charts += [figure] if figure is not None else []
        if name == "deviations" and data is not None:
            tables.append((strings.DEVIATIONS_HEADER, data.drop(columns=["doc_id", "line"])))
    found = checks.find_checks(selection.municipality, path) if selection.municipality else []
    rows = [{"code": f.code, "line": f.line, "explanation": f.explanation} for f in found]
    tables.append((strings.CHECKS_HEADER, pd.DataFrame(rows, columns=["code", "line", "explanation"])))
    return PageReport(strings.FINANCE_HEADER, charts, tables)


def _indicators(selection: Selection, path: Path | None) -> PageReport:
    _, table = _built("indicators", selection, path)
    return PageReport(strings.INDICATORS_HEADER, [], [(strings.INDICATORS_HEADER, table)] if table is not None else [])


def _compare(selection: Selection, path: Path | None) -> PageReport:
    cyc = checks.municipality_cycle(selection.municipality or "", path)
    if not cyc.years:
        return PageReport(strings.COMPARE_HEADER, [], [])
    stages = budget_stages(cyc, cyc.years[0])
    lines = stages[~stages["total"]]
    charts = []
    if not lines.empty:
        key, kind, scope = lines.iloc[0][["key", "kind", "scope"]]
        steps = lines[(lines["key"] == key) & (lines["kind"] == kind)]
        title = strings.CHART_STAGES.format(scope=scope, kind=strings.KIND_LABELS.get(kind, kind).lower(), year=cyc.years[0])
        charts.append(stage_charts.stage_waterfall(steps, title))
    table = stages[["scope", "kind", "role", "title", "amount", "line"]].assign(role=stages["role"].map(strings.STAGE_ROLES))
    return PageReport(strings.COMPARE_HEADER, charts, [(strings.TAB_STAGES, table)])


def _sources(selection: Selection, path: Path | None) -> PageReport:
    documents = queries.documents(selection, path=path).drop(columns=["doc_id", "loaded_at"])
    warnings = queries.warnings(selection, path=path)
    return PageReport(
        strings.SOURCES_HEADER, [], [(strings.SOURCES_HEADER, documents), (strings.WARNINGS_HEADER, warnings)]
    )


PAGES: dict[str, Callable[[Selection, Path | None], PageReport]] = {
    "overzicht": _overview,
    "activiteiten": _activities,
    "financien": _finance,
    "indicatoren": _indicators,
    "vergelijken": _compare,
    "bronnen": _sources,
}
