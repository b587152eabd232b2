"""Loaded documents, what was extracted from each, and the warnings."""

import streamlit as st

from dashboard import queries, strings
from dashboard.guard import require_documents

st.title(strings.SOURCES_HEADER)
require_documents()
st.caption(strings.SOURCES_CAPTION)

documents = queries.documents()
columns = st.columns(3)
columns[0].metric(strings.METRIC_DOCUMENTS, len(documents))
columns[1].metric(strings.METRIC_ACTIVITIES, int(documents["activities"].sum()))
columns[2].metric(strings.METRIC_STATUSES, int(documents["statuses"].sum()))

st.dataframe(
    documents.drop(columns=["doc_id"]).rename(
        columns={
            "municipality": strings.COL_MUNICIPALITY,
            "title": strings.COL_TITLE,
            "doc_type": strings.COL_DOC_TYPE,
            "year": strings.COL_YEAR,
            "source": strings.COL_SOURCE,
            "loaded_at": strings.COL_LOADED_AT,
            "activities": strings.COL_ACTIVITIES,
            "statuses": strings.COL_STATUSES,
            "warnings": strings.COL_WARNINGS,
        }
    ),
    hide_index=True,
    width="stretch",
)

st.subheader(strings.WARNINGS_HEADER)
warnings = queries.warnings()
if warnings.empty:
    st.write(strings.NO_WARNINGS)
else:
    st.dataframe(
        warnings.rename(
            columns={
                "title": strings.COL_DOCUMENT,
                "source": strings.COL_SOURCE,
                "line": strings.COL_LINE,
                "code": strings.COL_WARNING_CODE,
                "message": strings.COL_MESSAGE,
            }
        ),
        hide_index=True,
        width="stretch",
    )
