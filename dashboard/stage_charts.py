"""Charts of the comparisons across documents: a line's budget stages as a waterfall whose steps are the
documents, a line over the years, and the same line in other municipalities. DataFrame in, Figure out."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from dashboard import strings
from dashboard.charts import empty_figure, plain_figure
from dashboard.format import change, euro, number
from dashboard.theme import MEASURE_COLOURS

_YEAR_MEASURES = {"original": "primitieve", "amendment": "actuele", "actuals": "realisatie"}


def stage_waterfall(steps: pd.DataFrame, title: str) -> go.Figure:
    """The original budget, each document's change and the actuals (columns title, role, amount, change,
    explanation), one bar per document; the hover shows the document's explanation."""
    if steps.empty:
        return empty_figure(title)
    labels = [
        strings.STAGE_STEP.format(role=strings.STAGE_CHANGES[r], title=t)
        for r, t in zip(steps["role"], steps["title"], strict=True)
    ]
    values = [steps["amount"].iloc[0], *steps["change"].iloc[1:]]
    measures = ["absolute", *(["relative"] * (len(steps) - 1))]
    texts = [euro(values[0]), *(change(v) for v in values[1:])]
    last = steps["amount"].iloc[-1]
    hover = [
        html.escape(e[:300] if isinstance(e, str) and e else strings.STAGE_NO_EXPLANATION).replace("\n", "<br>")
        for e in steps["explanation"]
    ]
    trace = {
        "type": "waterfall",
        "x": [*labels, strings.STAGE_END],
        "y": [*values, last],
        "measure": [*measures, "total"],
        "text": [*texts, euro(last)],
        "textposition": "outside",
        "customdata": [*hover, ""],
        "hovertemplate": "%{x}<br>%{text}<br>%{customdata}<extra></extra>",
        "increasing": {"marker": {"color": "#E69F00"}},  # up or down, not good or bad: that depends on the kind
        "decreasing": {"marker": {"color": "#56B4E9"}},
        "totals": {"marker": {"color": "#0072B2"}},
        "connector": {"line": {"color": "#BBBBBB"}},
    }
    return plain_figure(
        trace,
        layout={"title": title, "showlegend": False, "yaxis": {"title": strings.AXIS_EUROS, "tickformat": ",.0f"}},
    )


def over_years(frame: pd.DataFrame, title: str) -> go.Figure:
    """Per year the original budget, the last amended budget and the actuals of one line, as grouped bars."""
    if frame.empty:
        return empty_figure(title)
    years = [str(y) for y in frame["year"]]
    bars = []
    for role, measure in _YEAR_MEASURES.items():
        values = [v if pd.notna(v) else None for v in frame[role]]
        bars.append(
            {
                "type": "bar",
                "name": strings.MEASURES[measure],
                "x": years,
                "y": values,
                "marker": {"color": MEASURE_COLOURS[measure]},
                "text": [euro(v) if v is not None else "" for v in values],
                "textposition": "outside",
                "hovertemplate": "%{x}<br>" + strings.MEASURES[measure] + ": %{text}<extra></extra>",
            }
        )
    layout = {
        "title": title,
        "barmode": "group",
        "xaxis": {"type": "category", "title": strings.AXIS_YEAR},
        "yaxis": {"title": strings.AXIS_EUROS, "tickformat": ",.0f"},
    }
    return plain_figure(*bars, layout=layout)


def peers(frame: pd.DataFrame, per_inhabitant: bool, title: str) -> go.Figure:
    """One bar per municipality: the matched line's actuals, or per inhabitant."""
    column = "per_inhabitant" if per_inhabitant else "amount"
    shown = frame.dropna(subset=[column]) if column in frame else frame.iloc[0:0]
    if shown.empty:
        return empty_figure(title)
    values = shown[column].tolist()
    texts = [f"€ {number(v, 2)}" if per_inhabitant else euro(v) for v in values]
    bar = {
        "type": "bar",
        "x": shown["municipality"].tolist(),
        "y": values,
        "text": texts,
        "textposition": "outside",
        "marker": {"color": "#0072B2"},
        "customdata": [html.escape(str(scope)) for scope in shown["scope"]],
        "hovertemplate": "%{x}: %{customdata}<br>%{text}<extra></extra>",
    }
    axis = strings.AXIS_EUROS_PER_INHABITANT if per_inhabitant else strings.AXIS_EUROS
    return plain_figure(
        bar, layout={"title": title, "showlegend": False, "yaxis": {"title": axis, "tickformat": ",.0f"}}
    )
