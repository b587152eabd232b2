"""The PDF report from the Overzicht's button in Chromium: what the page shows, with filters, sources and date."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from tests.dashboard.test_reports import pdf_pages
from tests.e2e.test_browser import wait_idle


def test_the_report_button_gives_a_pdf_of_the_overview(page: Page, app_url: str, tmp_path):
    page.goto(f"{app_url}/?gemeente=Zevenaar")
    wait_idle(page)
    button = page.get_by_role("button", name="Rapport van deze pagina (PDF)")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=120_000) as download:
        button.click()
    path = tmp_path / "overzicht.pdf"
    download.value.save_as(path)
    pages = pdf_pages(path)
    text = "\n".join(pages)
    assert "Filters: Gemeente: Zevenaar" in text and "Bronnen: 2e Voortgangsrapportage 2019" in text
    assert re.search(r"6\.1\.4\s+Vergroten grip op kosten\s+bijsturing\s+raad", text)
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]
