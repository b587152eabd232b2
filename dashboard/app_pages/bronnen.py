"""Bronnen: loaded documents, what was extracted from each, and what was not understood."""

import streamlit as st

from dashboard import format, queries, strings
from dashboard.downloads import downloads, report_button
from dashboard.filters import current_selection
from dashboard.guard import require_documents
from dashboard.tables import show_table
from model.warnings import dutch_meaning

st.title(strings.SOURCES_HEADER)
require_documents()
selection = current_selection()
st.caption(strings.SOURCES_CAPTION)

documents = queries.documents(selection)
warnings = queries.warnings(selection)
tiles = st.columns(4)
tiles[0].metric(strings.METRIC_DOCUMENTS, len(documents))
tiles[1].metric(strings.METRIC_ACTIVITIES, int(documents["activities"].sum()))
tiles[2].metric(strings.METRIC_STATUSES, int(documents["statuses"].sum()))
tiles[3].metric(strings.METRIC_WARNINGS, len(warnings))

shown = documents.drop(columns=["doc_id"]).assign(loaded_at=documents["loaded_at"].map(format.date_time))
show_table(
    shown.rename(
        columns={
            "municipality": strings.COL_MUNICIPALITY,
            "title": strings.COL_TITLE,
            "doc_type": strings.COL_DOC_TYPE,
            "year": strings.COL_YEAR,
            "source": strings.COL_SOURCE,
            "loaded_at": strings.COL_LOADED_AT,
            "activities": strings.COL_ACTIVITIES,
            "statuses": strings.COL_STATUSES,
            "budget_lines": strings.COL_BUDGET_LINES,
            "deviations": strings.COL_DEVIATIONS,
            "indicators": strings.COL_INDICATORS,
            "goals": strings.COL_GOALS,
            "warnings": strings.COL_WARNINGS,
        }
    ),
    hide_index=True,
    key="documenten",
)

downloads("documenten", selection, data=documents.drop(columns=["doc_id"]))

st.subheader(strings.WARNINGS_HEADER)
if warnings.empty:
    st.write(strings.NO_WARNINGS)
else:
    meaning = warnings["code"].map(dutch_meaning)
    show_table(
        warnings.assign(meaning=meaning)[["municipality", "title", "line", "meaning", "code", "message"]].rename(
            columns={
                "municipality": strings.COL_MUNICIPALITY,
                "title": strings.COL_DOCUMENT,
                "line": strings.COL_LINE,
                "meaning": strings.COL_WARNING_MEANING,
                "code": strings.COL_WARNING_CODE,
                "message": strings.COL_MESSAGE,
            }
        ),
        hide_index=True,
        key="meldingen",
    )
    downloads("meldingen", selection, data=warnings)

st.divider()
report_button(
    strings.SOURCES_HEADER,
    selection,
    [],
    [(strings.SOURCES_HEADER, shown), (strings.WARNINGS_HEADER, warnings)],
    "rapport-bronnen",
)
