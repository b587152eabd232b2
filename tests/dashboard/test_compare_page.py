"""Vergelijken, run with AppTest on a budget cycle the tests make (begroting, one amendment, jaarrekening): the
stages table and waterfall show the three steps, the two-document view both amounts and the difference."""

from __future__ import annotations

import json

import pytest

from dashboard import strings
from tests.cycle import load_cycle
from tests.dashboard.test_pages import open_app, table_with

COMPARE = "app_pages/vergelijken.py"
TWO, YEARS = strings.TAB_TWO_DOCUMENTS, strings.TAB_YEARS_PEERS  # only the open tab is drawn
STEPS = [
    "Begroting: Programmabegroting 2024",
    "Wijziging: 1e Voortgangsrapportage 2024",
    "Realisatie: Jaarrekening 2024",
]


@pytest.fixture
def cycle_db(tmp_path):
    return load_cycle(tmp_path)


def test_the_stages_table_shows_each_line_in_the_three_documents(monkeypatch, cycle_db):
    app = open_app(monkeypatch, cycle_db, COMPARE, gemeente="Doesburg")
    table = table_with(app, STEPS[0])
    assert list(table.columns) == [strings.STAGE_SCOPE, *STEPS]
    assert table.iloc[0].tolist() == ["1.1 Thema Jeugd", "€ 7.500.000", "€ 7.800.000", "€ 8.000.000"]
    assert table.iloc[1].tolist() == ["1.2 Thema Wmo", "€ 6.400.000", "€ 6.350.000", "€ 6.300.000"]


def test_the_waterfall_steps_are_the_documents_with_their_changes(monkeypatch, cycle_db):
    app = open_app(monkeypatch, cycle_db, COMPARE, gemeente="Doesburg")
    waterfall = next(
        json.loads(c.proto.spec)
        for c in app.get("plotly_chart")
        if json.loads(c.proto.spec)["data"][0]["type"] == "waterfall"
    )
    trace = waterfall["data"][0]
    assert trace["x"] == [
        "Begroting: Programmabegroting 2024",
        "Wijziging: 1e Voortgangsrapportage 2024",
        "Verschil met realisatie: Jaarrekening 2024",
        strings.STAGE_END,
    ]
    assert trace["y"] == [7_500_000, 300_000, 200_000, 8_000_000]
    assert trace["measure"] == ["absolute", "relative", "relative", "total"]
    assert "nadeel van € 300.000 door meer jeugdzorg" in trace["customdata"][1]


def test_each_step_names_its_document_line_and_explanation(monkeypatch, cycle_db):
    app = open_app(monkeypatch, cycle_db, COMPARE, gemeente="Doesburg")
    steps = table_with(app, strings.COL_STAGE)
    assert steps[strings.COL_DOCUMENT].tolist() == [s.split(": ", 1)[1] for s in STEPS]
    assert steps[strings.COL_CHANGE].tolist() == ["—", "+300.000", "+200.000"]
    assert steps[strings.COL_LINE].tolist() == [7, 7, 7]
    assert (
        steps[strings.COL_EXPLANATION].iloc[2]
        == "1.1 Thema Jeugd: nadeel van € 200.000 door hogere tarieven jeugdzorg."
    )


def test_two_documents_side_by_side_give_both_amounts_the_difference_and_n_or_v(monkeypatch, cycle_db):
    app = open_app(monkeypatch, cycle_db, COMPARE, gemeente="Doesburg", weergave=TWO)
    money = table_with(app, strings.COL_DIFFERENCE)
    first, second = "Eerste: 1e Voortgangsrapportage 2024", "Tweede: Jaarrekening 2024"
    assert money.iloc[0][
        [strings.STAGE_SCOPE, first, second, strings.COL_DIFFERENCE, strings.COL_DIRECTION]
    ].tolist() == ["1.1 Thema Jeugd", "€ 7.800.000", "€ 8.000.000", "€ 200.000", "N"]
    assert money.iloc[1][strings.COL_DIRECTION] == "V"  # Wmo cost 50.000 less


def test_choosing_the_begroting_as_first_document_compares_the_budget_with_the_actuals(monkeypatch, cycle_db):
    app = open_app(monkeypatch, cycle_db, COMPARE, gemeente="Doesburg", weergave=TWO)
    app.selectbox(key="eerste").select_index(0).run()
    money = table_with(app, strings.COL_DIFFERENCE)
    assert money.iloc[0][strings.COL_DIFFERENCE] == "€ 500.000"


def test_the_changed_explanations_of_both_documents_are_listed(monkeypatch, cycle_db):
    app = open_app(monkeypatch, cycle_db, COMPARE, gemeente="Doesburg", weergave=TWO)
    texts = next(f.value for f in app.dataframe if strings.COL_ITEM in f.value.columns)
    assert texts.iloc[0][strings.COL_ITEM] == "1.1 Thema Jeugd"
    assert "€ 300.000" in texts.iloc[0].iloc[1] and "€ 200.000" in texts.iloc[0].iloc[2]


def test_a_line_over_the_years_shows_budget_amended_and_actuals(monkeypatch, cycle_db):
    app = open_app(monkeypatch, cycle_db, COMPARE, gemeente="Doesburg", weergave=YEARS)
    years = next(
        json.loads(c.proto.spec)
        for c in app.get("plotly_chart")
        if "over de jaren" in json.dumps(json.loads(c.proto.spec)["layout"]["title"])
    )
    assert [trace["y"] for trace in years["data"]] == [[7_500_000], [7_800_000], [8_000_000]]


def test_only_the_open_tab_is_drawn_and_the_url_names_it(monkeypatch, cycle_db):
    app = open_app(monkeypatch, cycle_db, COMPARE, gemeente="Doesburg", weergave=YEARS)
    assert not [frame for frame in app.dataframe if STEPS[0] in frame.value.columns]  # the stages tab's table
    assert app.query_params["weergave"] == YEARS
