"""Indicatoren: indicators per kader or programme with unit, values per period, target and source."""

import pandas as pd
import streamlit as st

from dashboard import queries, strings
from dashboard.downloads import downloads, report_button
from dashboard.filters import current_selection
from dashboard.format import as_list, indicator_values, is_known, number
from dashboard.guard import require_documents
from dashboard.tables import show_table

st.title(strings.INDICATORS_HEADER)
require_documents()
selection = current_selection()
st.caption(strings.INDICATORS_CAPTION)
left, right = st.columns([2, 1])
search = left.text_input(strings.INDICATORS_SEARCH, key="zoek_indicator")
groups = queries.indicator_groups(selection)
group = right.selectbox(strings.INDICATORS_GROUP, [strings.ALL, *groups], key="kader")
table = queries.indicators(selection, search, None if group == strings.ALL else group)
if table.empty:
    st.info(strings.INDICATORS_NONE)
    st.stop()

st.write(strings.INDICATORS_COUNT.format(n=len(table), groups=table["group_name"].nunique()))


shown = table.assign(
    shown_values=[indicator_values(p, v) for p, v in zip(table["periods"], table["values"], strict=True)],
    trend=[[x for x in as_list(v) if is_known(x)] if len(as_list(v)) >= 2 else None for v in table["values"]],
    target=table["target"].map(lambda v: number(v, 1).removesuffix(",0") if pd.notna(v) else ""),
)
show_table(
    shown[["group_name", "name", "unit", "shown_values", "trend", "target", "source"]].rename(
        columns={
            "group_name": strings.COL_GROUP,
            "name": strings.COL_INDICATOR,
            "unit": strings.COL_UNIT,
            "shown_values": strings.COL_VALUES,
            "trend": strings.COL_TREND,
            "target": strings.COL_TARGET,
            "source": strings.COL_SOURCE_NAME,
        }
    ),
    hide_index=True,
    key="indicatoren_tabel",
    column_config={strings.COL_TREND: st.column_config.LineChartColumn(strings.COL_TREND, width="small")},
)
downloads(
    "indicatoren",
    selection,
    data=shown[["group_name", "name", "unit", "shown_values", "target", "source", "title", "line"]].rename(
        columns={"name": "indicator", "shown_values": "values"}
    ),
)
report_button(
    strings.INDICATORS_HEADER,
    selection,
    [],
    [
        (
            strings.INDICATORS_HEADER,
            shown[["group_name", "name", "unit", "shown_values", "target", "source"]].rename(
                columns={"shown_values": strings.COL_VALUES}
            ),
        )
    ],
    "rapport-indicatoren",
)
