"""The optional login, run with AppTest: without logging in nothing is shown; a user sees only the municipalities
the role file names for them, on every page, in its tables and charts, its exports' context and its share link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import strings
from model.access import ROLES_ENV
from model.storage import DB_ENV
from tests.dashboard.test_pages import open_app

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = {
    "overzicht": None,
    "activiteiten": "app_pages/activiteiten.py",
    "financien": "app_pages/financien.py",
    "indicatoren": "app_pages/indicatoren.py",
    "vergelijken": "app_pages/vergelijken.py",
    "bronnen": "app_pages/bronnen.py",
    "toevoegen": "app_pages/toevoegen.py",
}
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-geheim-van-voldoende-lengte-0123456789",
    "client_id": "voortgang",
    "client_secret": "geheim",
    "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration",
}
OTHER_TOWNS = ("Ooststellingwerf", "Bronckhorst", "Heusden", "Oude IJsselstreek")


@pytest.fixture
def roles(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "rollen.toml"
    path.write_text('[users]\n"alice@zevenaar.nl" = ["Zevenaar"]\n"bob@provincie.nl" = ["*"]\n', encoding="utf-8")
    monkeypatch.setenv(ROLES_ENV, str(path))
    return path


def open_as(monkeypatch, db: Path, user: dict, page: str | None = None, **params: str) -> AppTest:
    def logged(app: AppTest) -> None:
        app.secrets["auth"] = AUTH
        app.user = user

    return open_app(monkeypatch, db, page, logged, **params)


def shown_text(app: AppTest) -> str:
    """Everything the page shows as text: markdown, captions, messages, metrics, tables, charts and options; not
    the notice that repeats a value the visitor typed into the URL."""
    ignored = strings.INVALID_FILTER.format(filter=strings.FILTER_MUNICIPALITY.lower(), value="'Ooststellingwerf'")
    parts = [
        element.value for kind in ("markdown", "caption", "title", "header", "subheader") for element in app.get(kind)
    ]
    parts += [
        str(element.value)
        for kind in ("info", "warning", "error", "success")
        for element in app.get(kind)
        if element.value != ignored
    ]
    parts += [f"{metric.label} {metric.value}" for metric in app.metric]
    parts += [frame.value.to_csv() for frame in app.dataframe]
    parts += [chart.proto.spec for chart in app.get("plotly_chart")]
    parts += [" ".join(map(str, box.options)) for box in [*app.selectbox, *app.multiselect]]
    parts += [code.value for code in app.code]
    return "\n".join(parts)


ALICE = {"is_logged_in": True, "email": "Alice@Zevenaar.nl", "sub": "alice"}


@pytest.mark.parametrize("page", list(PAGES))
def test_without_logging_in_a_page_shows_the_login_button_and_no_data(monkeypatch, samples_db, roles, page):
    app = open_as(monkeypatch, samples_db, {"is_logged_in": False}, PAGES[page], gemeente="Zevenaar")
    assert [button.label for button in app.button] == [strings.LOGIN_BUTTON]
    text = shown_text(app)
    assert "Zevenaar" not in text and not app.dataframe and not app.metric and not app.get("plotly_chart")
    assert not any(town in text for town in OTHER_TOWNS)


@pytest.mark.parametrize("page", list(PAGES))
def test_a_user_allowed_zevenaar_sees_only_zevenaar_on_every_page(monkeypatch, samples_db, roles, page):
    app = open_as(monkeypatch, samples_db, ALICE, PAGES[page], gemeente="Ooststellingwerf")
    text = shown_text(app)
    assert not any(town in text for town in OTHER_TOWNS), page
    if page != "toevoegen":
        assert app.selectbox(key="gemeente").options == ["Zevenaar"]
        assert "Gemeente: **Zevenaar**" in text
    assert app.session_state["_selection"].municipality == "Zevenaar"


def test_the_share_link_of_a_user_allowed_zevenaar_names_zevenaar(monkeypatch, samples_db, roles):
    monkeypatch.setenv(DB_ENV, str(samples_db))
    app = AppTest.from_file(APP, default_timeout=60)
    app.secrets["auth"] = AUTH
    app.user = ALICE
    app.context = {"url": "http://dashboard.gemeente.nl/financien?gemeente=Ooststellingwerf"}
    app.switch_page(PAGES["financien"])
    app.query_params["gemeente"] = "Ooststellingwerf"
    app.run()
    assert [code.value for code in app.code] == ["http://dashboard.gemeente.nl/financien?gemeente=Zevenaar"]


def test_a_user_allowed_zevenaar_may_upload_only_for_zevenaar(monkeypatch, samples_db, roles):
    app = open_as(monkeypatch, samples_db, ALICE, PAGES["toevoegen"])
    assert app.selectbox(key="upload_gemeente").options == ["Zevenaar"]


def test_an_activity_of_another_municipality_is_not_shown_through_its_link(monkeypatch, samples_db, roles):
    app = open_as(monkeypatch, samples_db, ALICE, PAGES["activiteiten"], activiteit="GM1509|2.1")
    assert [w.value for w in app.warning] == [strings.ACTIVITY_NOT_FOUND.format(key="GM1509\\|2.1")]


def test_the_exports_of_a_user_allowed_zevenaar_name_only_zevenaar(monkeypatch, samples_db, roles):
    from dashboard.export_catalog import context_for

    app = open_as(monkeypatch, samples_db, ALICE, gemeente="Ooststellingwerf")
    context = context_for(app.session_state["_selection"])
    stamped = json.dumps([context.filters, context.sources], default=str)
    assert "Zevenaar" in stamped and not any(town in stamped for town in OTHER_TOWNS)


def test_a_user_allowed_everything_chooses_among_all_municipalities(monkeypatch, samples_db, roles):
    app = open_as(monkeypatch, samples_db, {"is_logged_in": True, "email": "bob@provincie.nl"}, gemeente="Heusden")
    assert len(app.selectbox(key="gemeente").options) >= 5 and "Gemeente: **Heusden**" in shown_text(app)


def test_a_logged_in_user_the_role_file_does_not_name_sees_no_data(monkeypatch, samples_db, roles):
    app = open_as(monkeypatch, samples_db, {"is_logged_in": True, "email": "eve@elders.nl"}, gemeente="Zevenaar")
    assert [w.value for w in app.warning] == [strings.LOGIN_NO_ACCESS.format(user="eve⁠@elders.nl")]
    assert not app.dataframe and not app.metric and "Zevenaar" not in shown_text(app)


def test_a_login_without_a_role_file_lets_nobody_in(monkeypatch, samples_db):
    monkeypatch.delenv(ROLES_ENV, raising=False)
    app = open_as(monkeypatch, samples_db, ALICE, gemeente="Zevenaar")
    assert [e.value for e in app.error] == [strings.LOGIN_NO_ROLES] and not app.metric


def test_without_a_login_configured_the_dashboard_is_open(monkeypatch, samples_db):
    monkeypatch.delenv(ROLES_ENV, raising=False)
    monkeypatch.setenv(DB_ENV, str(samples_db))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["gemeente"] = "Heusden"
    app.run()
    assert not app.exception and strings.LOGIN_BUTTON not in [b.label for b in app.button]
    assert len(app.selectbox(key="gemeente").options) >= 5
