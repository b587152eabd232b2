"""The upload page: preview per file, errors in Dutch, and loading through the store on confirmation."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard import strings
from loaders.store import ensure_schema
from model import layers
from model.storage import DB_ENV
from tests.conftest import ZEVENAAR
from tests.dashboard.test_pages import APP

UPLOAD = "app_pages/toevoegen.py"


def upload_page(monkeypatch, db) -> AppTest:
    monkeypatch.setenv(DB_ENV, str(db))
    app = AppTest.from_file(APP, default_timeout=60)
    app.switch_page(UPLOAD)
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_file_is_previewed_then_loaded_on_confirmation(monkeypatch, tmp_path):
    db = tmp_path / "v.duckdb"
    ensure_schema(db)
    app = upload_page(monkeypatch, db)
    app.file_uploader[0].set_value(("zevenaar.txt", ZEVENAAR.read_bytes(), "text/plain")).run()
    assert not app.exception, app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert (metrics["Activiteiten"], metrics["Statussen"]) == ("14", "42")
    assert app.expander[0].label.startswith("zevenaar.txt — Zevenaar, 2e Voortgangsrapportage 2019")
    with layers.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    app.button(key="upload_bevestig").click().run()
    assert app.success[0].value == strings.UPLOAD_LOADED.format(name="zevenaar.txt", outcome="nieuw")
    with layers.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM statuses").fetchone()[0] == 42


def test_unreadable_files_get_a_dutch_message_and_others_still_preview(monkeypatch, tmp_path):
    db = tmp_path / "v.duckdb"
    ensure_schema(db)
    app = upload_page(monkeypatch, db)
    app.file_uploader[0].set_value(
        [("leeg.txt", b"", "text/plain"), ("zevenaar.txt", ZEVENAAR.read_bytes(), "text/plain")]
    ).run()
    assert app.error[0].value == "leeg.txt: het bestand is leeg"
    assert len(app.expander) == 1


def test_the_municipality_is_chosen_from_the_known_list_and_overrides_detection(monkeypatch, tmp_path):
    db = tmp_path / "v.duckdb"
    ensure_schema(db)
    app = upload_page(monkeypatch, db)
    choice = app.selectbox(key="upload_gemeente")
    assert choice.value == "" and "Den Haag" in choice.options and "Zevenaar" in choice.options
    assert len(choice.options) == 343  # "detect" and the 342 municipalities, nothing typed freely
    choice.set_value("Duiven").run()
    app.file_uploader[0].set_value(("zevenaar.txt", ZEVENAAR.read_bytes(), "text/plain")).run()
    assert not app.exception, app.exception
    assert app.expander[0].label.startswith("zevenaar.txt — Duiven, 2e Voortgangsrapportage 2019")


def test_a_zip_bomb_upload_gets_a_dutch_reason_and_loads_nothing(monkeypatch, tmp_path):
    from tests.loaders.test_hostile_files import _million_paragraphs

    db = tmp_path / "v.duckdb"
    ensure_schema(db)
    app = upload_page(monkeypatch, db)
    app.file_uploader[0].set_value(("veel.docx", _million_paragraphs(), "application/octet-stream")).run()
    assert not app.exception, app.exception
    assert app.error[0].value.startswith("veel.docx: het bestand pakt uit tot veel meer dan het lijkt")
    assert app.warning[0].value == strings.UPLOAD_NOTHING


def test_the_same_report_uploaded_twice_under_two_names_changes_nothing(monkeypatch, tmp_path):
    db = tmp_path / "v.duckdb"
    ensure_schema(db)
    app = upload_page(monkeypatch, db)
    app.file_uploader[0].set_value(("zevenaar.txt", ZEVENAAR.read_bytes(), "text/plain")).run()
    app.button(key="upload_bevestig").click().run()
    app.file_uploader[0].set_value(("kopie.txt", ZEVENAAR.read_bytes(), "text/plain")).run()
    app.button(key="upload_bevestig").click().run()
    assert app.success[0].value == strings.UPLOAD_LOADED.format(name="kopie.txt", outcome="was al geladen")
    with layers.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
