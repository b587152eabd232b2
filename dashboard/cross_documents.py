"""What the pages compute across one municipality's documents, cached per version of the database: the
controller's findings (Financiën), the indexed budget cycle (Vergelijken) and the activity links (Activiteiten)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import check_queries, comparisons, strings
from dashboard.checks import Finding, find_checks, municipality_cycle
from dashboard.comparisons import Account
from dashboard.db import database_path, file_identity
from dashboard.linking import Link, find_links
from dashboard.stages import Cycle
from model.warnings import dutch_meaning


@st.cache_data(max_entries=64, show_spinner=False)
def _findings(municipality: str, path: str, identity: tuple) -> list[Finding]:
    return find_checks(municipality, Path(path), _cycle(municipality, path, identity))


@st.cache_resource(max_entries=64, show_spinner=False)
def _cycle(municipality: str, path: str, identity: tuple) -> Cycle:
    return municipality_cycle(municipality, Path(path))  # frozen and never changed: shared, not copied


@st.cache_resource(max_entries=512, show_spinner=False)
def _account(municipality: str, path: str, identity: tuple) -> Account | None:  # frozen, read only: not copied
    return comparisons.newest_account(_cycle(municipality, path, identity))


def newest_account(municipality: str) -> Account | None:
    """`municipality`'s newest figures (what other municipalities are compared on), once per database version."""
    path = database_path()
    return _account(municipality, str(path), file_identity(path))


@st.cache_data(max_entries=64, show_spinner=False)
def _links(municipality: str, path: str, identity: tuple) -> list[Link]:
    cyc = _cycle(municipality, path, identity)
    located = Path(path)
    return find_links(
        cyc.reports,
        check_queries.activities(municipality, located),
        check_queries.link_decisions(municipality, located),
    )


def activity_links(municipality: str) -> list[Link]:
    """The links among `municipality`'s activities (assumed, proposed and decided), once per database version."""
    path = database_path()
    return _links(municipality, str(path), file_identity(path))


def findings(municipality: str) -> list[Finding]:
    """Every finding of `municipality`'s loaded documents (computed once per version of the database)."""
    path = database_path()
    return _findings(municipality, str(path), file_identity(path))


def budget_cycle(municipality: str) -> Cycle:
    """`municipality`'s documents, money lines and deviation items, indexed once per version of the database."""
    path = database_path()
    return _cycle(municipality, str(path), file_identity(path))


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
