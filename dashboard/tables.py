"""Tables as the pages show them: a missing value is '—', never 'None' or 'nan'."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import strings
from dashboard.format import number


def without_missing(frame: pd.DataFrame, keep: tuple[str, ...] = ()) -> pd.DataFrame:
    """`frame` with every missing scalar shown as '—' (columns in `keep`, such as chart columns, stay as they are)."""
    shown = frame.copy()
    for column in shown.columns:
        if column in keep:
            continue
        values = shown[column]
        missing = values.map(lambda value: value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)))
        if missing.any():  # one type per column (Arrow needs it): the others become text as well
            shown[column] = [strings.MISSING if gone else _text(value) for value, gone in zip(values, missing, strict=True)]
    return shown


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return number(value, 2).rstrip("0").rstrip(",")
    return str(value)


def show_table(frame: pd.DataFrame, **options: Any) -> Any:
    """`st.dataframe` of `frame` without missing-value words; returns what Streamlit returns (selection events)."""
    keep = tuple((options.get("column_config") or {}).keys())
    return st.dataframe(without_missing(frame, keep), **options)
