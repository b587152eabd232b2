"""Checks every page makes first: is there a database, and does it hold documents?"""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

from dashboard import queries, strings
from dashboard.db import database_path
from dashboard.format import inert
from model import layers
from model.storage import SCHEMA_VERSION


@functools.lru_cache(maxsize=8)
def _state(path: Path, identity: tuple) -> tuple[str, str]:
    """layers.examine once per version of the database file (opening it costs a page run 30-80 ms)."""
    return layers.examine(path)


def database_problem() -> tuple[str, str] | None:
    """Why the pages cannot show anything (no database, not readable, in use, another schema, no documents): ('error'
    or 'info', the Dutch explanation); None when there are documents to show."""
    path = database_path()
    state, detail = _state(path, layers.identity(path)) if path.exists() else ("missing", "")
    if state != "ok":
        _state.cache_clear()  # a lock or a repair changes no file identity: look again on the next run
    messages = {
        "missing": ("info", strings.DATABASE_MISSING),
        "unreadable": ("error", strings.DATABASE_UNREADABLE),
        "locked": ("error", strings.DATABASE_LOCKED),
        "foreign": ("error", strings.DATABASE_FOREIGN),
        "older": ("error", strings.DATABASE_OLD),
        "newer": ("error", strings.DATABASE_NEW),
    }
    if state in messages:
        kind, message = messages[state]
        return kind, message.format(path=path, version=inert(detail), current=SCHEMA_VERSION)
    if queries.has_no_documents():
        return "info", strings.EMPTY_DATABASE
    return None


_CHECKED = "_database_problem"


def check_database() -> tuple[str, str] | None:
    """The entry point's check, kept for the page that runs after it (one check per run)."""
    problem = st.session_state[_CHECKED] = database_problem()
    return problem


def require_documents() -> None:
    """Stop the page with that explanation when there is a problem."""
    problem = st.session_state[_CHECKED] if _CHECKED in st.session_state else database_problem()
    if problem is not None:
        kind, message = problem
        (st.error if kind == "error" else st.info)(message)
        st.stop()
