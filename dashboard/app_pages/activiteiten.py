"""Activiteiten: searchable table with latest status; one activity's history, texts and source."""

import pandas as pd
import streamlit as st

from dashboard import charts, check_queries, queries, strings
from dashboard.cross_documents import activity_links
from dashboard.downloads import downloads, report_button
from dashboard.filters import current_selection
from dashboard.format import inert
from dashboard.guard import require_documents
from dashboard.link_panel import activity_names, link_panel
from dashboard.linking import story
from dashboard.navigation import ACTIVITY_PARAM, selectable_table
from dashboard.tables import show_table
from dashboard.theme import status_label
from model.document import page_of

st.title(strings.ACTIVITIES_HEADER)
require_documents()
selection = current_selection()
search = st.text_input(strings.SEARCH, key="zoek", bind="query-params")
table = queries.activities(selection, search)
st.caption(strings.ACTIVITIES_CAPTION)
shown = table.assign(status=table["status"].map(lambda s: status_label(s) if isinstance(s, str) else "–"))
row = selectable_table(
    shown,
    {
        "municipality": strings.COL_MUNICIPALITY,
        "code": strings.COL_CODE,
        "name": strings.COL_ACTIVITY,
        "programme": strings.COL_PROGRAMME,
        "theme": strings.COL_THEME,
        "target_year": strings.COL_TARGET_YEAR,
        "period": strings.COL_PERIOD,
        "status": strings.COL_STATUS,
    },
    "activiteiten_tabel",
)
downloads("activiteiten", selection, data=table.drop(columns=["activity_key"]))
report_button(
    strings.ACTIVITIES_HEADER,
    selection,
    [],
    [(strings.ACTIVITIES_HEADER, table[["code", "name", "programme", "theme", "period", "status"]])],
    "rapport-activiteiten",
)
if row is not None:
    st.query_params[ACTIVITY_PARAM] = table.iloc[row]["activity_key"]
key = st.query_params.get(ACTIVITY_PARAM)
if key:
    links = activity_links(selection.municipality) if selection.municipality else []
    keys = story(key, links)
    versions = queries.activity_versions(keys, selection)
    if versions.empty:
        st.warning(strings.ACTIVITY_NOT_FOUND.format(key=inert(key)))
        st.stop()
    current = versions.iloc[0]
    st.header(inert(f"{current['code'] or ''} {current['name']}".strip()))
    st.caption(
        strings.DETAIL_PLACE.format(
            programme=inert(current["programme"] or strings.NONE), theme=inert(current["theme"] or strings.NONE)
        )
    )
    if pd.notna(current["target_year"]):
        st.write(strings.DETAIL_TARGET_YEAR.format(year=int(current["target_year"])))
    if selection.municipality:
        names = activity_names(check_queries.activities(selection.municipality))
        link_panel(selection.municipality, key, keys, links, names)
    history = queries.activity_history(keys, selection)
    st.subheader(strings.DETAIL_HISTORY)
    timeline = charts.status_timeline(history)
    st.plotly_chart(timeline, theme=None, key="tijdlijn")
    downloads(
        "statusverloop", selection, timeline, history[["period", "code", "status", "status_raw", "title", "line"]]
    )
    show_table(
        history.assign(status=history["status"].map(status_label))[
            ["period", "code", "status", "status_raw", "title", "line"]
        ].rename(
            columns={
                "period": strings.COL_PERIOD,
                "code": strings.COL_CODE,
                "status": strings.COL_STATUS,
                "status_raw": strings.COL_STATUS_RAW,
                "title": strings.COL_DOCUMENT,
                "line": strings.COL_LINE,
            }
        ),
        hide_index=True,
        key="geschiedenis",
    )
    if len(versions) > 1:
        st.subheader(strings.DETAIL_REPORTS)
        for version in versions.itertuples():
            label = strings.DETAIL_REPORT.format(
                title=version.title or version.source, code=version.code or "", name=version.name
            )
            with st.expander(inert(label)):
                for heading, text in (
                    (strings.DETAIL_PROGRESS, version.progress),
                    (strings.DETAIL_PROPOSAL, version.proposal),
                ):
                    if isinstance(text, str) and text:
                        st.markdown(f"**{heading}**")
                        st.markdown(inert(text))
                st.caption(
                    strings.DETAIL_SOURCE.format(
                        title=inert(version.title or ""), source=inert(version.source), line=version.line or "?"
                    )
                )
    for label, column in (
        (strings.DETAIL_DESCRIPTION, "description"),
        (strings.DETAIL_PROGRESS, "progress"),
        (strings.DETAIL_PROPOSAL, "proposal"),
    ):
        if isinstance(current[column], str) and current[column]:
            st.subheader(label)
            st.markdown(inert(current[column]))
    line = int(current["line"]) if pd.notna(current["line"]) else None
    starts = current["page_starts"]
    page = page_of(line, list(starts)) if hasattr(starts, "__iter__") else None
    st.caption(
        (strings.DETAIL_SOURCE_PAGE if page else strings.DETAIL_SOURCE).format(
            title=inert(current["title"] or ""), source=inert(current["source"]), page=page, line=line or "?"
        )
    )
