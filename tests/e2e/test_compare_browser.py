"""Vergelijken in Chromium on a budget cycle the tests make: the stages and their waterfall, then two documents."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_browser import TIMEOUT, wait_idle


def test_the_stages_and_two_documents_side_by_side(page: Page, cycle_app_url: str):
    page.goto(f"{cycle_app_url}/vergelijken?gemeente=Doesburg")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Vergelijken over documenten, jaren en gemeenten")).to_be_visible(
        timeout=TIMEOUT
    )
    waterfall = page.locator(".js-plotly-plot").first
    expect(waterfall).to_contain_text("Wijziging: 1e Voortgangsrapportage 2024", timeout=TIMEOUT)
    expect(waterfall).to_contain_text("+300.000")
    page.screenshot(path=str(ARTIFACTS / "vergelijken-fasen.png"), full_page=True)

    page.get_by_role("tab", name="Twee documenten").click()
    wait_idle(page)
    expect(page.get_by_text("Bedragen per regel")).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=str(ARTIFACTS / "vergelijken-twee-documenten.png"), full_page=True)
    grid = page.get_by_test_id("stDataFrame").filter(has_text="Verschil").first
    expect(grid).to_contain_text("Tweede: Jaarrekening 2024", timeout=TIMEOUT)
