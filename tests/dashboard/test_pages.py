"""Every dashboard page, run with AppTest on the sample data, on an empty database and without a database."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import strings
from loaders.store import ensure_schema
from model.storage import DB_ENV

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
OVERVIEW, ACTIVITIES, SOURCES = "app_pages/overzicht.py", "app_pages/activiteiten.py", "app_pages/bronnen.py"


def open_app(
    monkeypatch, db: Path, page: str | None = None, setup: Callable[[AppTest], None] | None = None, **params: str
) -> AppTest:
    """The app on `db`, at `page` with URL parameters `params`, after `setup` (secrets, the user), run once."""
    monkeypatch.setenv(DB_ENV, str(db))
    app = AppTest.from_file(APP, default_timeout=60)
    if setup:
        setup(app)
    if page:
        app.switch_page(page)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def figures(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def table_with(app: AppTest, column: str):
    """The first table on the page that has `column` (tables without selection carry no key in AppTest)."""
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_overview_of_zevenaar_shows_the_trend_of_three_periods(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar")
    trend = figures(app)[0]
    assert trend["layout"]["xaxis"]["categoryarray"] == ["Rekening 2018", "1e VGR 2019", "2e VGR 2019"]
    series = {bar["name"]: bar["y"] for bar in trend["data"]}
    assert series == {"✓ op koers": [11, 11, 8], "◐ deels": [2, 2, 5], "⚠ bijsturing raad": [1, 1, 1]}


def test_overview_kpis_for_zevenaar(monkeypatch, samples_db):
    found = metrics(open_app(monkeypatch, samples_db, gemeente="Zevenaar"))
    assert found == {
        "Activiteiten": "14",
        "Op koers in 2e VGR 2019": "57,1%",
        "Bijsturing raad nodig": "1",
        "Gewijzigd sinds 1e VGR 2019": "3",
    }


def test_matrix_flags_grip_op_kosten_red_in_every_period(monkeypatch, samples_db):
    matrix = next(
        f for f in figures(open_app(monkeypatch, samples_db, gemeente="Zevenaar")) if f["data"][0]["type"] == "heatmap"
    )["data"][0]
    row = matrix["y"].index("6.1.4 Vergroten grip op kosten")
    assert matrix["text"][row] == ["⚠ bijsturing raad"] * 3
    assert len(matrix["y"]) == 14


def test_attention_list_names_worsened_and_council_activities_with_proposal(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar")
    table = app.dataframe(key="aandacht").value
    assert list(table[strings.COL_CODE]) == ["6.1.4", "6.1.5", "6.2.2", "6.2.3"]
    assert table[strings.COL_PROPOSAL].iloc[0].startswith("Wij stellen u voor de ingezette inhoudelijke lijn")


def test_what_changed_lists_the_three_worsened_activities_between_the_last_two_periods(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar")
    assert (app.selectbox(key="van").value, app.selectbox(key="naar").value) == ("1e VGR 2019", "2e VGR 2019")
    assert "**▼ verslechterd** (3)" in [m.value for m in app.markdown]
    links = [link.proto.label for link in app.get("page_link") if "→" in link.proto.label]
    assert links == [
        (
            "6.1.5 Versterken tellen, luisteren en vertellen om ontwikkelingen in het sociaal domein te volgen: "
            "✓ op koers → ◐ deels"
        ),
        "6.2.2 Stimuleren en ontwikkelen van preventieve activiteiten: ✓ op koers → ◐ deels",
        "6.2.3 Versterken samenwerking tussen zorg en veiligheid: ✓ op koers → ◐ deels",
    ]


def test_transitions_from_an_earlier_period(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar")
    app.selectbox(key="van").set_value("Rekening 2018").run()
    sankey = next(f for f in figures(app) if f["data"][0]["type"] == "sankey")["data"][0]
    assert sum(sankey["link"]["value"]) == 14


def test_a_period_filter_changes_the_kpis(monkeypatch, samples_db):
    found = metrics(open_app(monkeypatch, samples_db, gemeente="Zevenaar", periode="1e VGR 2019"))
    assert found["Op koers in 1e VGR 2019"] == "78,6%" and found["Gewijzigd sinds Rekening 2018"] == "0"


def test_a_status_filter_keeps_matching_activities(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar", status="bijsturing raad")
    assert metrics(app)["Activiteiten"] == "1"


def test_an_unknown_url_value_is_ignored_with_a_notice(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Atlantis")
    assert app.warning[0].value == strings.INVALID_FILTER.format(filter="gemeente", value="'Atlantis'")
    assert app.selectbox(key="gemeente").value == "Oude IJsselstreek"  # the newest document with statuses


def test_clicking_an_attention_row_opens_the_activity(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar")
    app.session_state["aandacht"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()
    assert "6.1.4 Vergroten grip op kosten" in [h.value for h in app.main.header]


def test_activities_page_searches_and_shows_history_text_and_source(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, ACTIVITIES, gemeente="Zevenaar")
    assert len(app.dataframe(key="activiteiten_tabel").value) == 14
    app.text_input(key="zoek").set_value("mantelzorg").run()
    table = app.dataframe(key="activiteiten_tabel").value
    assert list(table[strings.COL_CODE]) == ["6.2.4"]
    app.session_state["activiteiten_tabel"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()
    assert "6.2.4 Ondersteunen mantelzorgers" in [h.value for h in app.main.header]
    history = table_with(app, strings.COL_STATUS_RAW)
    assert list(history[strings.COL_PERIOD]) == ["Rekening 2018", "1e VGR 2019", "2e VGR 2019"]
    assert "Jaar realisatie: 2019" in [m.value for m in app.markdown]
    assert any("2e Voortgangsrapportage 2019" in c.value and "regel" in c.value for c in app.caption)


def test_activity_link_from_the_url_opens_directly(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, ACTIVITIES, activiteit="GM0299|6.1.4")
    timeline = figures(app)[0]["data"][0]
    assert timeline["text"] == ["⚠ bijsturing raad"] * 3


def test_sources_page_lists_documents_counts_and_warnings(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, SOURCES, gemeente="Zevenaar")
    assert metrics(app)["Documenten"] == "1" and metrics(app)["Statussen"] == "42"
    documents = table_with(app, strings.COL_LOADED_AT)
    assert list(documents[strings.COL_MUNICIPALITY]) == ["Zevenaar"]
    warnings = table_with(app, strings.COL_WARNING_MEANING)
    assert "Statuskolommen zonder waarden (iconen verloren bij export)" in set(warnings[strings.COL_WARNING_MEANING])


@pytest.mark.parametrize("page", [None, ACTIVITIES, SOURCES])
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


def test_every_chart_and_table_offers_downloads_and_the_page_a_report(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar")
    labels = [button.label for button in app.get("download_button")]
    assert labels.count(strings.DOWNLOAD_CSV) == 5 and labels.count(strings.DOWNLOAD_XLSX) == 5
    assert labels.count(strings.DOWNLOAD_HTML) == 4 and strings.DOWNLOAD_REPORT in labels


def test_without_chromium_image_downloads_say_how_to_install_it(monkeypatch, samples_db):
    monkeypatch.setattr("dashboard.exports.chromium_path", lambda: None)
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar")
    labels = [button.label for button in app.get("download_button")]
    assert strings.DOWNLOAD_PNG not in labels and strings.DOWNLOAD_CSV in labels
    assert strings.NO_CHROMIUM in [caption.value for caption in app.caption]


def test_an_activity_from_a_pdf_names_its_page_in_the_source(monkeypatch, tmp_path):
    from loaders.extract import extract_bytes
    from loaders.store import load_extractions
    from tests.loaders.test_document_formats import FONT, TWO_PAGE_REPORT, _pdf

    if not FONT.exists():
        pytest.skip("DejaVu font missing (apt-get install fonts-dejavu-core)")
    db = tmp_path / "v.duckdb"
    load_extractions([extract_bytes(_pdf(TWO_PAGE_REPORT), str(tmp_path / "lang.pdf"))], db)
    app = open_app(monkeypatch, db, ACTIVITIES, activiteit="GM0299|6.1.1")
    assert any(", pagina 2, regel " in caption.value for caption in app.caption)


def test_a_database_of_an_older_version_is_explained_not_a_traceback(monkeypatch, tmp_path):
    import duckdb

    db = tmp_path / "old.duckdb"
    ensure_schema(db)
    with duckdb.connect(str(db)) as connection:
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    app = open_app(monkeypatch, db)
    assert app.error[0].value.startswith(f"Database {db} is gemaakt door een oudere versie (schema 1, nu ")


def test_the_first_overview_shows_the_municipality_of_the_newest_report_and_says_so(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db)
    assert app.selectbox(key="gemeente").value == "Oude IJsselstreek"
    assert strings.SHOWING.format(municipality="Oude IJsselstreek", document="") in [c.value for c in app.caption]
    assert metrics(app)["Activiteiten"] == "3"


def test_the_selection_is_written_to_the_url(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar", status="bijsturing raad")
    assert app.query_params["gemeente"] == "Zevenaar" and app.query_params["status"] == "bijsturing raad"


def test_a_long_list_of_changed_activities_shows_the_first_and_counts_the_rest(monkeypatch, tmp_path):
    from loaders.demo import DemoSize, national_documents
    from loaders.store import load_new_documents

    db = tmp_path / "demo.duckdb"
    load_new_documents(national_documents(DemoSize(municipalities=1, years=2)), db)
    app = open_app(monkeypatch, db)
    counted = [c.value for c in app.caption if c.value.startswith("… en nog ")]
    assert counted, "sixty random statuses change for more than twelve activities"
    headers = [m.value for m in app.markdown if m.value.startswith(("**▲", "**▼"))]
    total = sum(int(h.rsplit("(", 1)[1].rstrip(")")) for h in headers)
    shown = total - sum(int(c.split()[3]) for c in counted)
    assert shown <= 2 * 12
    links = [link for link in app.get("page_link") if "→" in link.proto.label]
    assert len(links) == shown


def test_other_municipalities_are_shown_beside_the_chosen_one_never_summed(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, gemeente="Zevenaar")
    app.multiselect(key="vergelijk").set_value(["Oude IJsselstreek"]).run()
    assert not app.exception, app.exception
    [side_by_side] = [f for f in figures(app) if f["layout"]["title"]["text"] == strings.CHART_COMPARE]
    bars = {trace["name"]: dict(zip(trace["y"], trace["x"], strict=True)) for trace in side_by_side["data"]}
    groups = {group for values in bars.values() for group in values}
    assert groups == {"Zevenaar (2e VGR 2019)", "Oude IJsselstreek (2022)"}
    assert sum(values.get("Zevenaar (2e VGR 2019)", 0) for values in bars.values()) == 14  # Zevenaar's own, alone
    assert app.query_params["vergelijk"] in ("Oude IJsselstreek", ["Oude IJsselstreek"])


def test_the_comparison_is_not_offered_where_it_does_not_apply(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, page="app_pages/activiteiten.py", gemeente="Zevenaar")
    assert "vergelijk" not in [m.key for m in app.multiselect]


def test_a_file_that_is_not_a_database_gets_one_dutch_message_not_a_traceback(monkeypatch, tmp_path):
    db = tmp_path / "notities.duckdb"
    db.write_text("geen database")
    app = open_app(monkeypatch, db)
    assert [e.value for e in app.error] == [strings.DATABASE_UNREADABLE.format(path=db)]


def test_a_database_of_a_newer_version_is_explained_and_left_alone(monkeypatch, tmp_path):
    import duckdb

    db = tmp_path / "nieuw.duckdb"
    ensure_schema(db)
    with duckdb.connect(str(db)) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = db.read_bytes()
    app = open_app(monkeypatch, db)
    assert app.error[0].value.startswith(f"Database {db} is gemaakt door een nieuwere versie")
    assert db.read_bytes() == before


def test_a_link_naming_only_an_activity_opens_it_in_its_own_municipality(monkeypatch, samples_db):
    app = open_app(monkeypatch, samples_db, ACTIVITIES, activiteit="GM0299|6.1.4")
    assert app.session_state["_selection"].municipality == "Zevenaar"
    assert app.query_params["gemeente"] == "Zevenaar"


def test_indicatoren_shows_an_indicator_with_a_missing_value_as_a_dash(monkeypatch, tmp_path, write_text):
    from loaders import extract_file
    from loaders.store import load_extractions

    source = write_text(
        "ede.txt", "Begroting 2024 gemeente Ede\nIndicatoren\nIndicator | 2021 | 2022 | 2023\nNiet-sporters | 44,2 | - | 46,4\n"
    )
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(source)], db)
    app = open_app(monkeypatch, db, "app_pages/indicatoren.py", gemeente="Ede")
    table = table_with(app, strings.COL_VALUES)
    assert table[strings.COL_VALUES].tolist() == ["2021: 44,2; 2022: –; 2023: 46,4"]
