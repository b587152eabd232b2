"""Drill-down from any page to one activity; the bound filter widgets keep the filters in the URL."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.tables import show_table

ACTIVITY_PAGE = "app_pages/activiteiten.py"
ACTIVITY_PARAM = "activiteit"


def activity_params(activity_key: str) -> dict[str, str]:
    """Query parameters that open `activity_key`; the filters follow by themselves (their widgets are bound)."""
    return {ACTIVITY_PARAM: activity_key}


def open_activity(activity_key: str) -> None:
    """Switch to the activity page showing `activity_key`."""
    st.switch_page(ACTIVITY_PAGE, query_params=activity_params(activity_key))


def selected_row(event: object) -> int | None:
    """Index of the row selected in a dataframe selection event, if any (events are read dict-style)."""
    rows = (
        (event or {}).get("selection", {}).get("rows", [])
        if isinstance(event, dict)
        else getattr(getattr(event, "selection", None), "rows", [])
    )
    return rows[0] if rows else None


def selected_points(event: object) -> list[dict]:
    """Points selected in a plotly chart selection event."""
    if isinstance(event, dict):
        return list(event.get("selection", {}).get("points", []))
    return list(getattr(getattr(event, "selection", None), "points", []) or [])


def selectable_table(frame: pd.DataFrame, columns: dict[str, str], key: str) -> int | None:
    """Show `columns` of `frame` under their Dutch names, one row selectable; return the selected row index."""
    show_table(
        frame[list(columns)].rename(columns=columns),
        hide_index=True,
        key=key,
        on_select="rerun",
        selection_mode="single-row",
    )
    row = selected_row(st.session_state.get(key))
    return row if row is not None and row < len(frame) else None
