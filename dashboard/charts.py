"""Chart builders: DataFrame in, plotly Figure out; no Streamlit, so they are tested on their own."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard import strings
from dashboard.format import euro, signed_amount
from dashboard.theme import (
    DIRECTION_COLOURS,
    MEASURE_COLOURS,
    STATUS_COLOURS,
    STATUS_ORDER,
    register_template,
    status_label,
)
from model.statuses import SEVERITY


def plain_figure(*traces: dict, layout: dict) -> go.Figure:
    """A figure in the project's template from plain trace and layout dicts, built without plotly's per-property
    validation (two thirds of a chart's time, on every page view); titles are written in plotly's object form here,
    which validation would otherwise do. Later changes to the figure are validated as usual."""
    layout = {"template": pio.templates[register_template()], **layout}  # the object: names need validation
    for part in (layout, layout.get("xaxis"), layout.get("yaxis")):
        if part and isinstance(part.get("title"), str):
            part["title"] = {"text": _inert(part["title"])}
    traces = tuple({key: _inert(value) if key in _SHOWN_TEXT else value for key, value in t.items()} for t in traces)
    figure = go.Figure(list(traces), layout=layout, _validate=False)
    for part in (figure, figure.layout, *figure.data):  # plotly's own switch: only the construction skipped it
        part._validate = True
    return figure


_SHOWN_TEXT = frozenset({"x", "y", "text", "labels", "name"})  # trace keys whose strings plotly shows


def _inert(value: object) -> object:
    """Strings (also in nested lists) with <, > and & escaped: plotly reads shown text as HTML (<a href> makes a
    live link), and text from documents must show as it is written."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list | tuple):
        return [_inert(item) for item in value]
    return value




def empty_figure(title: str) -> go.Figure:
    figure = plain_figure(layout={"title": title})
    figure.add_annotation(text=strings.NO_DATA_FOR_CHART, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    return figure


def _status_bars(counts: pd.DataFrame, category: str, categories: list[str], horizontal: bool) -> list[dict]:
    """One stacked bar series per status that occurs, labelled with icon and word, in the status colour."""
    found: dict[tuple, int] = {}
    for key, status, n in zip(counts[category].tolist(), counts["status"].tolist(), counts["n"].tolist(), strict=True):
        found[key, status] = found.get((key, status), 0) + int(n)
    bars = []
    for status in STATUS_ORDER:
        values = [found.get((key, status), 0) for key in categories]
        if not any(values):
            continue
        axes = {"y": categories, "x": values, "orientation": "h"} if horizontal else {"x": categories, "y": values}
        value_axis = "x" if horizontal else "y"
        bars.append(
            {
                "type": "bar",
                "name": status_label(status),
                "marker": {"color": STATUS_COLOURS[status]},
                "text": values,
                "textposition": "inside",
                "customdata": [status] * len(categories),
                "hovertemplate": f"%{{{'y' if horizontal else 'x'}}}<br>{status_label(status)}: "
                f"%{{{value_axis}}}<extra></extra>",
                **axes,
            }
        )
    return bars


def status_trend(counts: pd.DataFrame) -> go.Figure:
    """Stacked bars: number of activities per status for each period (columns period, period_order, status, n)."""
    if counts.empty:
        return empty_figure(strings.CHART_TREND)
    periods = counts.drop_duplicates("period").sort_values("period_order")["period"].tolist()
    return plain_figure(
        *_status_bars(counts, "period", periods, horizontal=False),
        layout={
            "title": strings.CHART_TREND,
            "barmode": "stack",
            "xaxis": {"title": strings.AXIS_PERIOD, "categoryorder": "array", "categoryarray": periods},
            "yaxis": {"title": strings.AXIS_ACTIVITIES},
        },
    )


def status_by_group(counts: pd.DataFrame, title: str, order: list[str] | None = None) -> go.Figure:
    """Horizontal stacked bars per programme or theme for one period (columns group, status, n); the groups from
    top to bottom in `order` (default: alphabetical)."""
    if counts.empty:
        return empty_figure(title)
    groups = list(reversed(order)) if order else sorted(counts["group"].unique().tolist(), reverse=True)
    return plain_figure(
        *_status_bars(counts, "group", groups, horizontal=True),
        layout={
            "title": title,
            "barmode": "stack",
            "xaxis": {"title": strings.AXIS_ACTIVITIES},
            "height": 160 + 40 * len(groups),
            "legend": {"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom"},  # above: a short chart has no room below
        },
    )


def status_matrix(facts: pd.DataFrame) -> go.Figure:
    """Activities × periods grid ('stoplicht'); each cell coloured and labelled with icon and word."""
    if facts.empty:
        return empty_figure(strings.CHART_MATRIX)
    periods = facts.drop_duplicates("period").sort_values("period_order")["period"].tolist()
    rows = facts.drop_duplicates("activity_key").sort_values(["code", "name"], na_position="last")
    labels = [f"{c} {n}" if isinstance(c, str) else n for c, n in zip(rows["code"], rows["name"], strict=True)]
    lookup = {(k, p): s for k, p, s in zip(facts["activity_key"], facts["period"], facts["status"], strict=True)}
    levels, texts, keys, cells = [], [], [], []
    for key, label in zip(rows["activity_key"], labels, strict=True):
        statuses = [lookup.get((key, period)) for period in periods]
        levels.append([STATUS_ORDER.index(s) if s else None for s in statuses])
        texts.append([status_label(s) if s else strings.NO_STATUS for s in statuses])
        keys.append([key] * len(periods))
        cells += [(period, label, key, status_label(s)) for period, s in zip(periods, statuses, strict=True) if s]
    scale = []
    for index, status in enumerate(STATUS_ORDER):
        low, high = index / len(STATUS_ORDER), (index + 1) / len(STATUS_ORDER)
        scale += [[low, STATUS_COLOURS[status]], [high, STATUS_COLOURS[status]]]
    heatmap = {
        "type": "heatmap",
        "z": levels,
        "x": periods,
        "y": labels,
        "text": texts,
        "texttemplate": "%{text}",
        "customdata": keys,
        "zmin": -0.5,
        "zmax": len(STATUS_ORDER) - 0.5,
        "colorscale": scale,
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
        "hoverinfo": "skip",
    }
    clicks = {  # heatmaps cannot be clicked: an invisible point on every cell carries the activity
        "type": "scatter",
        "x": [cell[0] for cell in cells],
        "y": [cell[1] for cell in cells],
        "customdata": [cell[2] for cell in cells],
        "text": [cell[3] for cell in cells],
        "mode": "markers",
        "marker": {"symbol": "square", "size": 26, "opacity": 0.01, "color": "#000000"},
        "hovertemplate": "%{y}<br>%{x}: %{text}<extra></extra>",
        "showlegend": False,
    }
    figure = plain_figure(
        heatmap,
        clicks,
        layout={
            "title": strings.CHART_MATRIX,
            "clickmode": "event+select",
            "height": 140 + 32 * len(labels),
            "yaxis": {"autorange": "reversed", "automargin": True},
            "xaxis": {"side": "top"},
        },
    )
    return figure


def transitions(moves: pd.DataFrame, first: str, second: str) -> go.Figure:
    """Sankey of status changes between two periods (columns status_from, status_to, n)."""
    title = strings.CHART_TRANSITIONS.format(first=first, second=second)
    if moves.empty:
        return empty_figure(title)
    left = [s for s in STATUS_ORDER if s in set(moves["status_from"])]
    right = [s for s in STATUS_ORDER if s in set(moves["status_to"])]
    labels = [f"{status_label(s)} ({first})" for s in left] + [f"{status_label(s)} ({second})" for s in right]
    colours = [STATUS_COLOURS[s] for s in left + right]
    return plain_figure(
        {
            "type": "sankey",
            "node": {"label": labels, "color": colours, "pad": 18},
            "link": {
                "source": [left.index(s) for s in moves["status_from"]],
                "target": [len(left) + right.index(s) for s in moves["status_to"]],
                "value": moves["n"].tolist(),
            },
        },
        layout={"title": title},
    )


def status_timeline(history: pd.DataFrame) -> go.Figure:
    """One activity's status per period across documents (columns period, period_order, status)."""
    if history.empty:
        return empty_figure(strings.CHART_TIMELINE)
    ordered = history.sort_values("period_order")
    levels = [SEVERITY.get(s) for s in ordered["status"]]
    figure = go.Figure(
        go.Scatter(
            x=_inert(ordered["period"].tolist()),
            y=levels,
            mode="lines+markers+text",
            text=[status_label(s) for s in ordered["status"]],
            textposition="top center",
            marker={"size": 16, "color": [STATUS_COLOURS[s] for s in ordered["status"]]},
            line={"color": "#BBBBBB"},
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        template=register_template(),
        title=strings.CHART_TIMELINE,
        showlegend=False,
        yaxis={
            "tickvals": list(SEVERITY.values()),
            "autorange": "reversed",
            "ticktext": [status_label(s) for s in SEVERITY],
            "range": [3.5, -0.5],
        },
    )
    return figure


def budget_comparison(frame: pd.DataFrame, title: str) -> go.Figure:
    """Primitieve begroting, actuele begroting and realisatie side by side per scope (columns as in the query)."""
    if frame.empty:
        return empty_figure(title)
    bars = []
    for column, label in strings.MEASURES.items():
        values = [v if pd.notna(v) else None for v in frame[column]]
        bars.append(
            {
                "type": "bar",
                "name": label,
                "x": frame["scope"].tolist(),
                "y": values,
                "marker": {"color": MEASURE_COLOURS[column]},
                "text": [euro(v) if v is not None else "" for v in values],
                "textposition": "outside",
                "hovertemplate": "%{x}<br>" + label + ": %{text}<extra></extra>",
            }
        )
    return plain_figure(
        *bars,
        layout={"title": title, "barmode": "group", "yaxis": {"title": strings.AXIS_EUROS, "tickformat": ",.0f"}},
    )


def deviations_by_scope(frame: pd.DataFrame, threshold: float, title: str) -> go.Figure:
    """Diverging bars of deviations per scope (V right, N left), sorted by size; smaller than `threshold` hidden."""
    shown = frame[frame["amount"].abs() >= threshold].sort_values("amount", key=abs) if not frame.empty else frame
    if shown.empty:
        return empty_figure(title)
    labels = [signed_amount(a) for a in shown["amount"]]
    reach = max(abs(shown["amount"].min()), abs(shown["amount"].max()))
    span = [min(0, shown["amount"].min()) - 0.35 * reach, max(0, shown["amount"].max()) + 0.35 * reach]
    bars = {
        "type": "bar",
        "x": shown["amount"].tolist(),
        "y": shown["scope"].tolist(),
        "orientation": "h",
        "text": labels,
        "textposition": "outside",
        "marker": {"color": [DIRECTION_COLOURS["V" if a > 0 else "N"] for a in shown["amount"]]},
        "customdata": shown["scope"].tolist(),
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }
    return plain_figure(
        bars,
        layout={
            "title": title,
            "showlegend": False,
            "height": 140 + 40 * len(shown),
            "xaxis": {"title": strings.AXIS_DEVIATION, "zeroline": True, "tickformat": ",.0f", "range": span},
            "yaxis": {"automargin": True},
        },
    )


def waterfall(start_label: str, start: float, items: pd.DataFrame, end_label: str, end: float) -> go.Figure:
    """From the amended budget to the actuals through the deviation items (columns item, signed)."""
    steps = list(zip(items["item"], items["signed"], strict=True))
    rest = end - start - sum(value for _, value in steps)
    if abs(rest) >= 1:
        steps.append((strings.WATERFALL_REST, rest))
    figure = go.Figure(
        go.Waterfall(
            x=_inert([start_label, *(name for name, _ in steps), end_label]),
            y=[start, *(value for _, value in steps), end],
            measure=["absolute", *(["relative"] * len(steps)), "total"],
            text=[euro(start), *(signed_amount(v) for _, v in steps), euro(end)],
            textposition="outside",
            increasing={"marker": {"color": DIRECTION_COLOURS["V"]}},
            decreasing={"marker": {"color": DIRECTION_COLOURS["N"]}},
            totals={"marker": {"color": "#0072B2"}},
            connector={"line": {"color": "#BBBBBB"}},
        )
    )
    figure.update_layout(
        template=register_template(),
        title=strings.CHART_WATERFALL,
        showlegend=False,
        yaxis={"title": strings.AXIS_EUROS, "tickformat": ",.0f"},
    )
    return figure

