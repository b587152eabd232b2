"""Checks every page makes first: is there a database, and does it hold documents?"""

from __future__ import annotations

import streamlit as st

from dashboard import queries, strings
from dashboard.db import database_path
from loaders.store import SCHEMA_VERSION


def require_documents() -> None:
    """Stop the page with a Dutch explanation when there is no database or it holds no documents."""
    path = database_path()
    if not path.exists():
        st.info(strings.DATABASE_MISSING.format(path=path))
        st.stop()
    version = queries.schema_version()
    if version != SCHEMA_VERSION:
        st.error(strings.DATABASE_OLD.format(path=path, version=version or "?", current=SCHEMA_VERSION))
        st.stop()
    if queries.documents().empty:
        st.info(strings.EMPTY_DATABASE)
        st.stop()
