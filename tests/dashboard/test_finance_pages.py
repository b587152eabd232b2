"""Financiën and Indicatoren pages with AppTest: sample data, a threshold change, a selection, an empty database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import strings
from loaders.store import ensure_schema
from model.warnings import dutch_meaning
from tests.dashboard.test_pages import open_app, table_with

FINANCE, INDICATORS = "app_pages/financien.py", "app_pages/indicatoren.py"


def open_page(monkeypatch, db: Path, page: str, **params: str) -> AppTest:
    return open_app(monkeypatch, db, page, **params)


def figure(app: AppTest, title_start: str) -> dict:
    for chart in app.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if spec["layout"].get("title", {}).get("text", "").startswith(title_start):
            return spec
    raise AssertionError(f"no chart titled {title_start!r}")


def test_theme_deviations_of_ooststellingwerf_lasten(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Ooststellingwerf")
    bars = figure(app, "Afwijkingen lasten per thema")["data"][0]
    labelled = dict(zip(bars["y"], bars["text"], strict=True))
    assert labelled["1.1 Thema Jeugd"] == "−328.000 N"
    assert labelled["1.2 Thema WMO (incl. AWBZ)"] == "−240.000 N"
    assert labelled["1.3 Thema Participatie"] == "+66.000 V"
    assert bars["y"][-1] == "1.1 Thema Jeugd"  # sorted by size, largest at the top


def test_raising_the_threshold_hides_smaller_deviations(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Ooststellingwerf")
    app.number_input(key="drempel").set_value(150_000).run()
    bars = figure(app, "Afwijkingen lasten per thema")["data"][0]
    assert bars["y"] == ["1.2 Thema WMO (incl. AWBZ)", "1.1 Thema Jeugd"]


def test_budget_and_actuals_side_by_side(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Ooststellingwerf")
    series = {bar["name"]: bar["y"] for bar in figure(app, "Lasten per programma/thema")["data"]}
    assert series["Actuele begroting"][0] == -7_814_000 and series["Realisatie"][0] == -8_142_000


def test_seven_deviation_items_add_up_to_127_000_v_and_the_waterfall_ends_at_the_actuals(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Ooststellingwerf")
    assert strings.DEVIATIONS_TOTAL.format(n=7, amount="€ 127.000 V") in [m.value for m in app.markdown]
    assert len(app.dataframe(key="afwijkingen_tabel").value) == 7
    steps = figure(app, strings.CHART_WATERFALL)["data"][0]
    assert steps["y"][0] == -18_816_000 and steps["y"][-1] == -18_689_000 and len(steps["x"]) == 9


def test_selecting_jeugdzorg_shows_its_explanation_sub_items_and_source(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Ooststellingwerf")
    table = app.dataframe(key="afwijkingen_tabel").value
    row = list(table[strings.COL_ITEM]).index("Jeugdzorg")
    app.session_state["afwijkingen_tabel"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()
    texts = [m.value for m in app.markdown]
    assert any("Crisis Jeugdhulp" in text for text in texts)
    assert app.code[0].value.splitlines()[2].endswith("Jeugdgezondheidszorg, nadeel € 328.000")
    assert any(c.value.startswith("Uit Programma 1 \\| Sociaal domein") for c in app.caption)  # '|' shown as text


def test_search_narrows_the_deviation_table(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Ooststellingwerf")
    app.text_input(key="zoek_afwijking").set_value("bijstand").run()
    assert list(app.dataframe(key="afwijkingen_tabel").value[strings.COL_ITEM]) == ["Bijzondere bijstand"]


def test_without_budget_tables_the_activity_costs_are_still_shown(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Bronckhorst")
    assert app.info[0].value == strings.FINANCE_NONE
    assert any(m.value.startswith("**Uitvoeringsprogramma 5") for m in app.markdown)


def test_activity_costs_are_grouped_by_programme(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Bronckhorst")
    headings = [m.value for m in app.markdown if m.value.startswith("**Uitvoeringsprogramma")]
    assert len(headings) == 6 and headings[0].startswith("**Uitvoeringsprogramma 1: Gezond en weerbaar** — € ")
    assert dutch_meaning("amount-not-understood") in set(table_with(app, strings.COL_CHECK)[strings.COL_CHECK])


def test_the_checks_list_names_the_unexplained_deviation_with_the_documents_own_threshold(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Ooststellingwerf")
    [finding] = table_with(app, strings.COL_CHECK).to_dict("records")
    assert (finding[strings.COL_CHECK], finding[strings.COL_SEVERITY], finding[strings.COL_LINE]) == (
        dutch_meaning("deviation-unexplained"),
        "controle",
        330,
    )
    assert finding[strings.COL_EXPLANATION].startswith("Overige kleine afwijkingen: € 39.000 V boven de")
    assert any("anders boven € 50.000 (standaardgrens" in c.value for c in app.caption)


def test_indicators_of_bronckhorst_in_five_kaders(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, INDICATORS, gemeente="Bronckhorst")
    table = table_with(app, strings.COL_INDICATOR)
    assert 29 <= len(table) <= 30 and table[strings.COL_GROUP].nunique() == 5
    assert set(table[strings.COL_VALUES]) == {strings.NO_VALUES}
    app.selectbox(key="kader").set_value("Kader 5: iedereen een stevige basis").run()
    assert len(table_with(app, strings.COL_INDICATOR)) == 11


@pytest.mark.parametrize("page", [FINANCE, INDICATORS])
def test_finance_pages_on_an_empty_database(monkeypatch, tmp_path, page):
    db = tmp_path / "empty.duckdb"
    ensure_schema(db)
    app = open_page(monkeypatch, db, page)
    assert app.info[0].value == strings.EMPTY_DATABASE


def test_indicator_values_target_and_trend_are_shown(monkeypatch, tmp_path):
    from loaders.extract import parse_text
    from loaders.store import load_extractions

    text = (
        "Beleidsindicatoren\n2.1 Werk\nBanen per 1.000 inwoners | | |\nRealisatie | Realisatie | Streefwaarde\n"
        "2020 | 2021 | 2021\n612,5 | 640 | 650\nBron: | CBS\nAantal bijstandsuitkeringen | |\n"
    )
    db = tmp_path / "v.duckdb"
    load_extractions([parse_text(text, str(tmp_path / "a.txt"), "1" * 64, "Ede")], db)
    table = table_with(open_page(monkeypatch, db, INDICATORS), strings.COL_INDICATOR)
    first, second = table.iloc[0], table.iloc[1]
    assert first[strings.COL_VALUES] == "2020: 612,5; 2021: 640"
    assert (first[strings.COL_TARGET], first[strings.COL_SOURCE_NAME], list(first[strings.COL_TREND])) == (
        "650",
        "CBS",
        [612.5, 640.0],
    )
    assert second[strings.COL_VALUES] == strings.NO_VALUES


def test_clicking_a_theme_bar_keeps_the_deviations_of_that_theme(monkeypatch, samples_db):
    app = open_page(monkeypatch, samples_db, FINANCE, gemeente="Ooststellingwerf")
    app.session_state["afwijkingen_thema"] = {"selection": {"points": [{"y": "1.4 Thema Inkomensverstrekking"}]}}
    app.run()
    items = list(app.dataframe(key="afwijkingen_tabel").value[strings.COL_ITEM])
    assert sorted(items) == ["Bijzondere bijstand", "Levensonderhoud"]
