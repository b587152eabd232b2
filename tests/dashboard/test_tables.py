"""Tables as pages show them, and the shareable address of a view."""

from __future__ import annotations

import pandas as pd

from dashboard import strings
from dashboard.downloads import view_url
from dashboard.tables import without_missing


def test_missing_values_show_as_a_dash_and_their_column_as_text():
    shown = without_missing(pd.DataFrame({"Regel": [12.0, None], "Naam": ["a", None], "Jaar": [2019, 2020]}))
    assert shown["Regel"].tolist() == ["12", strings.MISSING]
    assert shown["Naam"].tolist() == ["a", strings.MISSING]
    assert shown["Jaar"].tolist() == [2019, 2020]


def test_columns_kept_as_they_are_stay_untouched():
    shown = without_missing(pd.DataFrame({"Trend": [[1, 2], None]}), keep=("Trend",))
    assert shown["Trend"].tolist() == [[1, 2], None]


def test_the_view_url_names_the_page_and_every_filter():
    url = view_url(
        "http://host:8501/activiteiten",
        "financien",
        {"gemeente": ["Bergen (NH.)"], "status": ["deels", "bijsturing raad"]},
        ("activiteiten", "financien"),
    )
    assert url == "http://host:8501/financien?gemeente=Bergen+%28NH.%29&status=deels&status=bijsturing+raad"


def test_the_overview_is_the_root_of_the_app():
    assert view_url("http://host:8501/", "overzicht", {"gemeente": ["Zevenaar"]}) == "http://host:8501/?gemeente=Zevenaar"
