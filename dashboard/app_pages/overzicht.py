"""Overzicht: KPI tiles, status trend, status per programme, the stoplicht matrix, transitions and attention list."""

import html
from dataclasses import replace

import streamlit as st

from dashboard import charts, format, queries, strings
from dashboard.downloads import downloads, report_button
from dashboard.filters import current_selection
from dashboard.format import inert
from dashboard.guard import require_documents
from dashboard.navigation import ACTIVITY_PAGE, activity_params, open_activity, selectable_table, selected_points
from dashboard.theme import status_label

MATRIX_PERIODS = 12  # the matrix shows the latest periods and the first activities; the download holds them all
MATRIX_ROWS = 80
CHANGES_SHOWN = 12  # per direction; the rest is counted

st.title(strings.OVERVIEW_HEADER)
require_documents()
selection = current_selection()
facts = queries.status_facts(selection)
if facts.empty:
    st.info(strings.NO_ACTIVITIES_FOR_FILTER)
    st.stop()

periods = facts.drop_duplicates("period").sort_values("period_order")["period"].tolist()
latest = selection.period if selection.period in periods else periods[-1]
previous = periods[periods.index(latest) - 1] if periods.index(latest) > 0 else None
now = facts[facts["period"] == latest]
before = facts[facts["period"] == previous] if previous else facts.iloc[0:0]

tiles = st.columns(4)
tiles[0].metric(strings.KPI_ACTIVITIES, facts["activity_key"].nunique())
share = (now["status"] == "on_track").mean() if len(now) else 0.0
delta = None
if previous and len(before):
    change = (share - (before["status"] == "on_track").mean()) * 100
    delta = strings.KPI_DELTA.format(delta=("+" if change >= 0 else "") + format.number(change, 1), period=previous)
tiles[1].metric(strings.KPI_ON_TRACK.format(period=latest), format.percent(share), delta)
tiles[2].metric(strings.KPI_COUNCIL, int((now["status"] == "council_action").sum()))
paired = now.merge(before, on="activity_key", suffixes=("", "_before"))
if previous:
    tiles[3].metric(strings.KPI_CHANGED.format(period=previous), int((paired["status"] != paired["status_before"]).sum()))
else:
    tiles[3].metric(strings.KPI_CHANGED_NONE, strings.NO_STATUS, help=strings.KPI_CHANGED_NONE_HELP)

if selection.compare:
    st.subheader(strings.COMPARE_HEADER)
    st.caption(strings.COMPARE_CAPTION.format(municipality=inert(selection.municipality or "")))
    towns = [selection.municipality or "", *selection.compare]
    side_by_side = queries.comparison(towns)
    for town in sorted(set(towns) - set(side_by_side["municipality"])):
        st.info(strings.COMPARE_NONE.format(municipality=inert(town)))
    grouped = side_by_side.assign(
        group=[
            strings.COMPARE_GROUP.format(municipality=town, period=period)
            for town, period in zip(side_by_side["municipality"], side_by_side["period"], strict=True)
        ]
    )
    compare_figure = charts.status_by_group(
        grouped[["group", "status", "n"]], strings.CHART_COMPARE, list(dict.fromkeys(grouped["group"]))
    )
    st.plotly_chart(compare_figure, theme=None, key="naast_elkaar")
    downloads("naast-elkaar", selection, compare_figure, side_by_side)
selection = replace(selection, compare=())  # the rest of the page, and its downloads, show the chosen one alone

trend_counts = queries.status_counts(selection)
trend_figure = charts.status_trend(trend_counts)
trend = st.plotly_chart(
    trend_figure,
    theme=None,
    key="trend",
    on_select="rerun",
    selection_mode="points",
)
downloads("statustrend", selection, trend_figure, trend_counts[["period", "status", "n"]])
points = selected_points(trend)
if points:
    period = html.unescape(str(points[0].get("x")))  # the chart shows document text escaped
    picked = facts[(facts["period"] == period) & (facts["status"] == points[0].get("customdata"))]
    row = selectable_table(
        picked,
        {"code": strings.COL_CODE, "name": strings.COL_ACTIVITY, "status_raw": strings.COL_STATUS_RAW},
        "trend_rows",
    )
    if row is not None:
        open_activity(picked.iloc[row]["activity_key"])

level = st.segmented_control(
    strings.GROUP_LEVEL, [strings.LEVEL_PROGRAMME, strings.LEVEL_THEME], default=strings.LEVEL_PROGRAMME, key="indeling"
)
level_key = "theme" if level == strings.LEVEL_THEME else "programme"
title = (strings.CHART_BY_THEME if level_key == "theme" else strings.CHART_BY_PROGRAMME).format(period=latest)
group_counts = queries.status_by_group(selection, latest, level_key)
group_figure = charts.status_by_group(group_counts, title)
st.plotly_chart(group_figure, theme=None, key="per_groep")
downloads("status-per-groep", selection, group_figure, group_counts)

st.subheader(strings.MATRIX_HEADER)
matrix_facts = facts[facts["period"].isin(periods[-MATRIX_PERIODS:])]
keys = matrix_facts.drop_duplicates("activity_key")["activity_key"]
if len(periods) > MATRIX_PERIODS or len(keys) > MATRIX_ROWS:
    st.caption(strings.MATRIX_LIMITED.format(periods=min(len(periods), MATRIX_PERIODS), rows=min(len(keys), MATRIX_ROWS)))
    matrix_facts = matrix_facts[matrix_facts["activity_key"].isin(keys.head(MATRIX_ROWS))]
matrix_figure = charts.status_matrix(matrix_facts)
matrix = st.plotly_chart(matrix_figure, theme=None, key="matrix", on_select="rerun", selection_mode="points")
downloads(
    "stoplicht", selection, matrix_figure, facts[["code", "name", "period", "status", "status_raw", "title", "line"]]
)
cells = selected_points(matrix)
if cells and cells[0].get("customdata"):
    open_activity(cells[0]["customdata"])

st.subheader(strings.TRANSITIONS_HEADER)
if len(periods) < 2:
    st.info(strings.TRANSITIONS_NEED_TWO)
else:
    left, right = st.columns(2)
    first = left.selectbox(strings.TRANSITION_FROM, periods, index=periods.index(previous or periods[0]), key="van")
    second = right.selectbox(strings.TRANSITION_TO, periods, index=periods.index(latest), key="naar")
    moves = queries.transitions(selection, first, second)
    transitions_figure = charts.transitions(moves, first, second)
    st.plotly_chart(transitions_figure, theme=None, key="verschuivingen")
    downloads("verschuivingen", selection, transitions_figure, moves)
    changed = queries.changes(selection, first, second)
    if changed.empty:
        st.write(strings.NOTHING_CHANGED.format(first=first, second=second))
    for change, group in changed.groupby("change", sort=False):
        st.markdown(f"**{strings.CHANGE_LABELS[change]}** ({len(group)})")
        for item in group.head(CHANGES_SHOWN).itertuples():
            st.page_link(
                ACTIVITY_PAGE,
                label=strings.CHANGED_ACTIVITY.format(
                    name=inert(f"{item.code or ''} {item.name}".strip()),
                    before=status_label(item.status_from),
                    after=status_label(item.status_to),
                ),
                query_params=activity_params(item.activity_key),
            )
        if len(group) > CHANGES_SHOWN:
            st.caption(strings.CHANGED_MORE.format(count=len(group) - CHANGES_SHOWN))

st.subheader(strings.ATTENTION_HEADER)
attention = queries.attention(selection, previous, latest)
if attention.empty:
    st.write(strings.ATTENTION_NONE.format(period=latest))
else:
    st.caption(strings.ATTENTION_CAPTION.format(period=previous or latest) + " " + strings.SELECT_HINT)
    shown = attention.assign(
        status=attention["status"].map(status_label),
        status_before=attention["status_before"].map(lambda s: status_label(s) if isinstance(s, str) else "–"),
        reason=[strings.REASON_COUNCIL if c else strings.REASON_WORSENED for c in attention["council_action"]],
    )
    row = selectable_table(
        shown,
        {
            "code": strings.COL_CODE,
            "name": strings.COL_ACTIVITY,
            "status_before": strings.COL_STATUS_BEFORE,
            "status": strings.COL_STATUS,
            "reason": strings.COL_REASON,
            "proposal": strings.COL_PROPOSAL,
        },
        "aandacht",
    )
    downloads(
        "aandacht", selection, data=attention[["code", "name", "status_before", "status", "proposal", "title", "line"]]
    )
    if row is not None:
        open_activity(attention.iloc[row]["activity_key"])
    for item in attention.itertuples():
        st.page_link(
            ACTIVITY_PAGE,
            label=strings.OPEN_ACTIVITY.format(name=inert(f"{item.code or ''} {item.name}".strip())),
            query_params=activity_params(item.activity_key),
        )

st.divider()
report_button(
    strings.OVERVIEW_HEADER,
    selection,
    [trend_figure, group_figure, matrix_figure],
    [(strings.ATTENTION_HEADER, attention[["code", "name", "status", "proposal"]])],
    "rapport-overzicht",
)
