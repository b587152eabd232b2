"""Entry point of the dashboard: page setup, the shared filters and navigation; the pages do the rest."""

from __future__ import annotations

import streamlit as st

from dashboard import strings
from dashboard.theme import register_template

st.set_page_config(page_title=strings.APP_TITLE, page_icon="📊", layout="wide")
register_template()
navigation = st.navigation(
    [
        st.Page("app_pages/overzicht.py", title=strings.PAGE_OVERVIEW, url_path="overzicht", default=True),
        st.Page("app_pages/activiteiten.py", title=strings.PAGE_ACTIVITIES, url_path="activiteiten"),
        st.Page("app_pages/financien.py", title=strings.PAGE_FINANCE, url_path="financien"),
        st.Page("app_pages/indicatoren.py", title=strings.PAGE_INDICATORS, url_path="indicatoren"),
        st.Page("app_pages/bronnen.py", title=strings.PAGE_SOURCES, url_path="bronnen"),
        st.Page("app_pages/toevoegen.py", title=strings.PAGE_UPLOAD, url_path="toevoegen"),
    ]
)
navigation.run()
