"""Every dashboard page, run with AppTest on the sample data, on an empty database and without a database."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import strings
from loaders.store import DB_ENV, ensure_schema

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def open_app(monkeypatch, db: Path, page: str | None = None) -> AppTest:
    monkeypatch.setenv(DB_ENV, str(db))
    app = AppTest.from_file(APP, default_timeout=60).run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def test_activities_page_shows_the_zevenaar_status_matrix(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db)
    assert app.title[0].value == strings.ACTIVITIES_HEADER
    headers = [s.value for s in app.subheader]
    matrix = app.dataframe[headers.index("Zevenaar — 6. Sociaal domein")].value
    assert list(matrix.columns[-3:]) == ["Rekening 2018", "1e VGR 2019", "2e VGR 2019"]
    assert len(matrix) == 14
    grip = matrix[matrix[strings.COL_CODE] == "6.1.4"].iloc[0]
    assert list(grip.iloc[-3:]) == ["⚠ bijsturing raad"] * 3
    last_period = matrix["2e VGR 2019"].value_counts()
    assert (last_period["✓ op koers"], last_period["◐ deels"], last_period["⚠ bijsturing raad"]) == (8, 5, 1)


def test_municipality_filter_limits_the_activities(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db)
    assert app.selectbox(key="gemeente").options[0] == strings.ALL
    app.selectbox(key="gemeente").set_value("Heusden").run()
    assert app.info[0].value == strings.NO_ACTIVITIES_FOR_FILTER
    app.selectbox(key="gemeente").set_value("Bronckhorst").run()
    assert {s.value.split(" — ")[0] for s in app.subheader} == {"Bronckhorst"}
    app.selectbox(key="gemeente").set_value("Zevenaar").run()
    assert len(app.dataframe[0].value) == 14


def test_sources_page_lists_documents_counts_and_warnings(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, "app_pages/bronnen.py")
    assert [m.value for m in app.metric] == ["5", "55", "45"]
    documents = app.dataframe[0].value
    assert sorted(documents[strings.COL_MUNICIPALITY]) == [
        "Bronckhorst",
        "Heusden",
        "Ooststellingwerf",
        "Oude IJsselstreek",
        "Zevenaar",
    ]
    warnings = app.dataframe[1].value
    assert "status-values-missing" in set(warnings[strings.COL_WARNING_CODE])


@pytest.mark.parametrize("page", [None, "app_pages/bronnen.py"])
def test_pages_on_an_empty_database_explain_what_to_do(monkeypatch, tmp_path, page):
    db = tmp_path / "empty.duckdb"
    ensure_schema(db)
    app = open_app(monkeypatch, db, page)
    assert app.info[0].value == strings.EMPTY_DATABASE
    assert not app.dataframe


def test_pages_without_a_database_name_the_command_to_run(monkeypatch, tmp_path):
    db = tmp_path / "none.duckdb"
    app = open_app(monkeypatch, db)
    assert app.info[0].value == strings.DATABASE_MISSING.format(path=db)
