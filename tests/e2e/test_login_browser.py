"""The optional login in Chromium, against a local OpenID Connect provider: nothing before logging in, then only
the municipality the role file allows, on the pages, in a downloaded export and in the share link."""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_browser import TIMEOUT, shared_link, wait_idle

OTHER_TOWNS = ("Ooststellingwerf", "Bronckhorst", "Heusden", "Oude IJsselstreek")


def log_in(page: Page, url: str, subject: str) -> None:
    """Start on `url`, press the login button and authorize `subject` at the provider."""
    page.goto(url)
    wait_idle(page)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_placeholder("sub").fill(subject)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(r"^http://localhost:\d+/"), timeout=TIMEOUT)
    wait_idle(page)


def test_without_logging_in_no_page_shows_data(page: Page, login_app_url: str):
    for path in ("/?gemeente=Zevenaar", "/financien?gemeente=Ooststellingwerf", "/bronnen", "/toevoegen"):
        page.goto(f"{login_app_url}{path}")
        wait_idle(page)
        expect(page.get_by_role("button", name="Inloggen")).to_be_visible(timeout=TIMEOUT)
        body = page.inner_text("body")
        assert "Zevenaar" not in body and not any(town in body for town in OTHER_TOWNS), path
        assert page.get_by_test_id("stMetric").count() == 0 and page.locator(".js-plotly-plot").count() == 0


def test_a_user_allowed_zevenaar_sees_only_zevenaar_in_pages_exports_and_the_share_link(
    page: Page, login_app_url: str
):
    log_in(page, f"{login_app_url}/?gemeente=Ooststellingwerf", "alice")
    expect(page.get_by_text("Ingelogd als alice")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Gemeente: Zevenaar")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "login-zevenaar.png"), full_page=True)

    page.goto(f"{login_app_url}/activiteiten?gemeente=Ooststellingwerf")
    wait_idle(page)
    expect(page.get_by_text("Gemeente: Zevenaar")).to_be_visible(timeout=TIMEOUT)
    page.get_by_test_id("stSelectbox").filter(has_text="Gemeente").click()
    assert page.get_by_role("option").all_inner_texts() == ["Zevenaar"]
    page.keyboard.press("Escape")
    shared = shared_link(page)
    assert "gemeente=Zevenaar" in shared and not any(town in shared for town in OTHER_TOWNS)

    page.get_by_role("button", name="Downloaden").first.click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Gegevens (CSV)").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    exported = "\n".join(",".join(row) for row in rows)
    assert "6.1.4" in exported and not any(town in exported for town in OTHER_TOWNS)
