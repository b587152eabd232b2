"""Activities with their status per reporting period."""

import streamlit as st

from dashboard import queries, strings
from dashboard.guard import require_documents
from dashboard.tables import status_matrix

st.title(strings.ACTIVITIES_HEADER)
require_documents()

options = [strings.ALL, *queries.municipalities()]
choice = st.sidebar.selectbox(strings.FILTER_MUNICIPALITY, options, key="gemeente")
municipality = None if choice == strings.ALL else choice

history = queries.status_history(municipality)
if history.empty:
    st.info(strings.NO_ACTIVITIES if municipality is None else strings.NO_ACTIVITIES_FOR_FILTER)
    st.stop()

st.caption(strings.ACTIVITIES_CAPTION)
for (town, programme), group in history.groupby(["municipality", "programme"], dropna=False, sort=False):
    st.subheader(" — ".join(str(part) for part in (town, programme) if isinstance(part, str)) or strings.ALL)
    st.dataframe(status_matrix(group), hide_index=True, width="stretch")
