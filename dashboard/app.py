"""Entry point of the dashboard: page setup, navigation and the shared filters (drawn here, before the page runs,
so that one selection serves every page); the pages do the rest."""

from __future__ import annotations

import gc

import streamlit as st

from dashboard import warmup

warmup.wait()  # the imports below are the warm-up's: one thread imports them, not two at once
from dashboard import db, strings
from dashboard.downloads import share_link
from dashboard.filters import remember_selection, sidebar_selection
from dashboard.guard import check_database
from dashboard.login import require_access
from dashboard.theme import register_template

st.set_page_config(page_title=strings.APP_TITLE, page_icon="📊", layout="wide")
db.install_cache(st.cache_data(max_entries=2048, show_spinner=False))
register_template()
if not gc.get_freeze_count():
    gc.freeze()  # what is loaded by now lives as long as the server: no full collection need walk it again
navigation = st.navigation(
    [
        st.Page("app_pages/overzicht.py", title=strings.PAGE_OVERVIEW, url_path="start", default=True),
        st.Page("app_pages/activiteiten.py", title=strings.PAGE_ACTIVITIES, url_path="activiteiten"),
        st.Page("app_pages/financien.py", title=strings.PAGE_FINANCE, url_path="financien"),
        st.Page("app_pages/indicatoren.py", title=strings.PAGE_INDICATORS, url_path="indicatoren"),
        st.Page("app_pages/vergelijken.py", title=strings.PAGE_COMPARE, url_path="vergelijken"),
        st.Page("app_pages/bronnen.py", title=strings.PAGE_SOURCES, url_path="bronnen"),
        st.Page("app_pages/toevoegen.py", title=strings.PAGE_UPLOAD, url_path="toevoegen"),
        # the default page lives at '/', but links and bookmarks may name it: same page, not 'Page not found'
        st.Page("app_pages/overzicht.py", title=strings.PAGE_OVERVIEW, url_path="overzicht", visibility="hidden"),
    ]
)
page = navigation.url_path or "overzicht"
access = require_access()  # with a login configured, stops here until the visitor has logged in
if check_database() is None:
    remember_selection(sidebar_selection(page, access))
    share_link(page)
navigation.run()
