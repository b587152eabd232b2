"""The charts and tables that can be exported, built from the same queries and chart builders as the pages.

Used by `voortgang export` (scripts) and by the download buttons in the app, so both give the same files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard import charts, filter_queries, money_queries, queries, strings
from dashboard.exports import ExportContext
from dashboard.format import as_list, indicator_values
from dashboard.selection import Selection
from model.document import page_of

CHART_FORMATS = ("png", "svg", "html")
DATA_FORMATS = ("csv", "xlsx")
Builder = Callable[[Selection, Path | None], tuple[go.Figure | None, pd.DataFrame]]


class ExportError(Exception):
    """The requested export cannot be made (no data for the filters, or a format the export lacks)."""


@dataclass(frozen=True)
class Export:
    """One exportable view: its name, what it shows, how to build it, and which columns hold euros."""

    name: str
    description: str
    build: Builder
    money: tuple[str, ...] = ()

    @property
    def formats(self) -> tuple[str, ...]:
        """Formats this export offers (tables without a chart only offer data formats)."""
        return DATA_FORMATS if self.name in _TABLE_ONLY else CHART_FORMATS + DATA_FORMATS


_STATUS_COLUMNS = ("status", "status_from", "status_to", "status_before")


def dutch_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The same data as users see it: Dutch column names, status words instead of codes, 'ja'/'nee'."""
    shown = frame.copy()
    for column in shown.columns:
        if column in _STATUS_COLUMNS:
            shown[column] = shown[column].map(lambda code: strings.STATUS_WORDS.get(code, code))
        elif column == "change":
            shown[column] = shown[column].map(lambda code: strings.CHANGE_LABELS.get(code, code))
        elif shown[column].dtype == bool:
            shown[column] = shown[column].map({True: strings.YES, False: strings.NO})
    return shown.rename(columns={c: strings.COLUMN_NAMES.get(c, c) for c in shown.columns})


def with_provenance(frame: pd.DataFrame, context: ExportContext) -> pd.DataFrame:
    """`frame` with the document, page and line each row comes from, last: from its doc_id (or document title)
    and line where it has them; a row that sums several (a count per period) names the documents it covers."""
    shown = frame.copy()
    titles = {doc_id: title for doc_id, (title, _) in context.documents.items()}
    starts = dict(context.documents.values())
    if "doc_id" in shown:
        document = shown.pop("doc_id").map(titles)
    else:
        named = next((c for c in ("document", "title", "documents") if c in shown), None)
        document = shown.pop(named) if named else pd.Series(["; ".join(titles.values())] * len(shown), index=shown.index)
    line = shown.pop("line") if "line" in shown else pd.Series([None] * len(shown), index=shown.index, dtype=object)
    page = [
        page_of(int(number), list(starts.get(title, ())) or None) if pd.notna(number) else None
        for title, number in zip(document, line, strict=True)
    ]
    return shown.assign(document=document, page=page, line=line)


def data_table(frame: pd.DataFrame, context: ExportContext) -> pd.DataFrame:
    """What a CSV or XLSX export holds: the rows with their provenance, in Dutch."""
    return dutch_table(with_provenance(frame, context))


def _finance_document(selection: Selection, path: Path | None) -> str:
    documents = money_queries.finance_documents(selection, path=path)
    if documents.empty:
        raise ExportError("no document with budget tables or deviations for these filters")
    return documents["doc_id"].iloc[0]


def _status_trend(selection: Selection, path: Path | None):
    counts = queries.status_counts(selection, path=path)
    return charts.status_trend(counts), counts[["period", "status", "n"]]


def _status_matrix(selection: Selection, path: Path | None):
    facts = queries.status_facts(selection, path=path)
    return charts.status_matrix(facts), facts[
        ["municipality", "code", "name", "period", "status", "status_raw", "title", "line"]
    ]


def _transitions(selection: Selection, path: Path | None):
    periods = filter_queries.filter_options(selection, path=path)["period"]
    if len(periods) < 2:
        raise ExportError("transitions need at least two periods for these filters")
    first, second = (
        (selection.period and periods[periods.index(selection.period) - 1], selection.period)
        if selection.period in periods[1:]
        else (periods[-2], periods[-1])
    )
    moves = queries.transitions(selection, first, second, path=path)
    return charts.transitions(moves, first, second), moves


def _deviations(selection: Selection, path: Path | None):
    doc = _finance_document(selection, path)
    items = money_queries.deviations(doc, path=path)
    figure = charts.deviations_by_scope(
        money_queries.scope_deviations(doc, "lasten", path=path),
        0,
        strings.CHART_DEVIATIONS.format(kind="lasten", threshold="€ 0"),
    )
    return figure, items[["item", "scope", "amount_eur", "direction", "incidental", "explanation", "line"]].assign(doc_id=doc)


def _waterfall(selection: Selection, path: Path | None):
    doc = _finance_document(selection, path)
    items = money_queries.deviations(doc, path=path)
    ends = money_queries.result_budget_and_actual(doc, path=path)
    if items.empty or ends.empty or ends.iloc[0].isna().any():
        raise ExportError("no deviation items with a budgeted and actual result for these filters")
    end = ends.iloc[0]
    figure = charts.waterfall(
        strings.WATERFALL_START.format(scope=end["scope"]),
        end["actuele"],
        items,
        strings.WATERFALL_END.format(scope=end["scope"]),
        end["realisatie"],
    )
    return figure, items[["item", "signed", "line"]].rename(columns={"signed": "amount_eur"}).assign(doc_id=doc)


def _budget(selection: Selection, path: Path | None):
    doc = _finance_document(selection, path)
    frame = money_queries.budget_comparison(doc, "lasten", path=path)
    figure = charts.budget_comparison(frame, strings.CHART_COMPARISON.format(kind="Lasten"))
    return figure, frame.assign(doc_id=doc).rename(columns=strings.MEASURES)


def _indicators(selection: Selection, path: Path | None):
    frame = queries.indicators(selection, path=path)
    frame = frame.assign(
        indicator=frame["name"],
        values=[indicator_values(ps, vs) for ps, vs in zip(frame["periods"], frame["values"], strict=True)],
    )
    return None, frame[["group_name", "indicator", "unit", "values", "target", "source", "title", "line"]]


def _activities(selection: Selection, path: Path | None):
    frame = queries.activities(selection, path=path)
    columns = ["municipality", "code", "name", "programme", "theme", "target_year", "period", "status", "doc_id", "line"]
    return None, frame[columns]


_TABLE_ONLY = {"indicators", "activities"}
CATALOG: dict[str, Export] = {
    export.name: export
    for export in (
        Export("status-trend", "number of activities per status in each reporting period", _status_trend),
        Export("status-matrix", "status of every activity in every period (stoplicht)", _status_matrix),
        Export(
            "transitions", "status changes between the last two periods (or --period and the one before)", _transitions
        ),
        Export(
            "deviations",
            "deviations per theme (chart) and the deviation items with explanations (data)",
            _deviations,
            money=("amount_eur",),
        ),
        Export(
            "waterfall",
            "from the amended budget to the actuals through the deviation items",
            _waterfall,
            money=("amount_eur",),
        ),
        Export(
            "budget",
            "primitieve begroting, actuele begroting and realisatie of lasten per theme",
            _budget,
            money=tuple(strings.MEASURES.values()),
        ),
        Export("indicators", "indicators with values, target and source (data only)", _indicators),
        Export("activities", "activities with their latest status (data only)", _activities),
    )
}


def context_for(selection: Selection, path: Path | None = None) -> ExportContext:
    """Filters in Dutch and the titles of the documents they cover (of the compared municipalities too)."""
    documents = pd.concat(
        [queries.document_titles(selection, path=path)]
        + [queries.document_titles(Selection(town), path=path) for town in selection.compare],
        ignore_index=True,
    )
    titles = dict(zip(documents["doc_id"], documents["title"].fillna(documents["source"]), strict=True))
    chosen = (
        (strings.FILTER_MUNICIPALITY, selection.municipality),
        (strings.FILTER_COMPARE, ", ".join(selection.compare)),
        (strings.FILTER_DOCUMENT, titles.get(selection.doc_id) if selection.doc_id else None),
        (strings.FILTER_PROGRAMME, selection.programme),
        (strings.FILTER_THEME, selection.theme),
        (strings.FILTER_PERIOD, selection.period),
        (strings.FILTER_STATUS, ", ".join(strings.STATUS_WORDS[s] for s in selection.statuses)),
    )
    sources = tuple(f"{t} ({s})" for t, s in zip(documents["title"].fillna(""), documents["source"], strict=True))
    pages = {
        doc_id: (titles[doc_id], tuple(int(p) for p in as_list(starts)))  # DuckDB gives a list as an array
        for doc_id, starts in zip(documents["doc_id"], documents["page_starts"], strict=True)
    }
    return ExportContext(filters={label: value for label, value in chosen if value}, sources=sources, documents=pages)
