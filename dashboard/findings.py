"""The controller's findings on a page: cached per municipality and version of the database, shown in Dutch."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import strings
from dashboard.checks import Finding, find_checks
from dashboard.db import database_path, file_identity
from model.warnings import dutch_meaning


@st.cache_data(max_entries=64, show_spinner=False)
def _cached(municipality: str, path: str, identity: tuple) -> list[Finding]:
    return find_checks(municipality, Path(path))


def findings(municipality: str) -> list[Finding]:
    """Every finding of `municipality`'s loaded documents (computed once per version of the database)."""
    path = database_path()
    return _cached(municipality, str(path), file_identity(path))


def findings_table(found: list[Finding]) -> pd.DataFrame:
    """The findings as the page shows and exports them: what, how serious, where and why, in Dutch."""
    return pd.DataFrame(
        {
            strings.COL_CHECK: [dutch_meaning(f.code) for f in found],
            strings.COL_SEVERITY: [strings.SEVERITY_WORDS[f.severity] for f in found],
            strings.COL_DOCUMENT: ["; ".join(f.documents) for f in found],
            strings.COL_PAGE: [f.page for f in found],
            strings.COL_LINE: [f.line for f in found],
            strings.COL_EXPLANATION: [f.explanation for f in found],
            strings.COL_CODE_CHECK: [f.code for f in found],
        }
    )
