"""The status matrix shaping, without Streamlit."""

from __future__ import annotations

import pandas as pd

from dashboard import strings
from dashboard.tables import status_matrix


def history(rows):
    return pd.DataFrame(
        rows, columns=["activity_key", "code", "name", "target_year", "period", "period_order", "status"]
    )


def test_periods_become_columns_in_time_order_with_icon_and_word():
    frame = history(
        [
            ("a", "1.1", "A", 2022, "2e VGR 2019", 201965, "partly"),
            ("a", "1.1", "A", 2022, "Rekening 2018", 201895, "on_track"),
        ]
    )
    matrix = status_matrix(frame)
    assert list(matrix.columns) == [
        strings.COL_CODE,
        strings.COL_ACTIVITY,
        strings.COL_TARGET_YEAR,
        "Rekening 2018",
        "2e VGR 2019",
    ]
    assert list(matrix.iloc[0, -2:]) == ["✓ op koers", "◐ deels"]


def test_missing_status_shows_a_dash_and_activities_without_any_status_are_kept():
    frame = history([("a", "1.1", "A", None, "Q1 2022", 202225, "done"), ("b", "1.2", "B", None, None, None, None)])
    matrix = status_matrix(frame)
    assert list(matrix["Q1 2022"]) == ["● gereed", strings.NO_STATUS]


def test_every_status_label_pairs_a_symbol_with_a_word():
    for label in strings.STATUS_LABELS.values():
        symbol, word = label.split(" ", 1)
        assert not symbol.isalnum() and any(ch.isalpha() for ch in word)
