"""The real app in headless Chromium: overview, a filter that lands in the URL, click-through to an activity."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS

TIMEOUT = 30_000


def wait_idle(page: Page, timeout: int = TIMEOUT) -> None:
    """Wait until Streamlit is connected and has finished running the script."""
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=timeout)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout)


def choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the select box labelled `label`."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label)
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


def shared_link(page: Page) -> str:
    """The address in the sidebar's share box, opened as a user opens it, and closed again."""
    page.get_by_test_id("stSidebar").get_by_role("button", name="Link naar deze weergave").click()
    box = page.get_by_test_id("stCode").first
    expect(box).to_be_visible(timeout=TIMEOUT)
    address = box.inner_text().strip()
    page.keyboard.press("Escape")
    return address


def test_overview_filter_and_click_through_to_an_activity(page: Page, app_url: str):
    page.goto(app_url)
    wait_idle(page)
    expect(page.get_by_role("heading", name="Overzicht van de voortgang")).to_be_visible(timeout=TIMEOUT)

    choose(page, "Gemeente", "Zevenaar")
    expect(page).to_have_url(re.compile(r"gemeente=Zevenaar"), timeout=TIMEOUT)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("14", timeout=TIMEOUT)
    page.screenshot(path=str(ARTIFACTS / "overzicht-zevenaar.png"), full_page=True)

    page.get_by_role("link", name="Open 6.1.4 Vergroten grip op kosten").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="6.1.4 Vergroten grip op kosten")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"activiteit=GM0299"), timeout=TIMEOUT)
    expect(page.get_by_text("Wij stellen u voor de ingezette inhoudelijke lijn voort te zetten")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "activiteit-6.1.4.png"), full_page=True)


def test_a_shared_link_restores_the_filtered_view(page: Page, app_url: str):
    page.goto(f"{app_url}/?gemeente=Zevenaar&periode=1e+VGR+2019")
    wait_idle(page)
    expect(page.get_by_text("Op koers in 1e VGR 2019")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("78,6%")).to_be_visible()


def test_finance_and_indicator_pages(page: Page, app_url: str):
    page.goto(f"{app_url}/financien?gemeente=Ooststellingwerf")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Financiën: begroting, realisatie en afwijkingen")).to_be_visible(
        timeout=TIMEOUT
    )
    expect(page.get_by_text("7 afwijkingen, samen € 127.000 V")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(".js-plotly-plot")).to_have_count(3, timeout=TIMEOUT)
    page.screenshot(path=str(ARTIFACTS / "financien-ooststellingwerf.png"), full_page=True)

    page.goto(f"{app_url}/indicatoren?gemeente=Bronckhorst")
    wait_idle(page)
    expect(page.get_by_text("30 indicatoren in 5 groepen")).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=str(ARTIFACTS / "indicatoren-bronckhorst.png"), full_page=True)


def test_upload_preview_and_load_a_document(page: Page, empty_app_url: str):
    from tests.conftest import ZEVENAAR

    page.goto(f"{empty_app_url}/toevoegen")
    wait_idle(page)
    page.locator("input[type=file]").set_input_files(str(ZEVENAAR))
    wait_idle(page)
    expect(page.get_by_text("003_543c4b251921b3a7.txt — Zevenaar, 2e Voortgangsrapportage 2019 (2019)")).to_be_visible(
        timeout=TIMEOUT
    )
    page.get_by_role("button", name="Laden in de database").click()
    wait_idle(page)
    expect(page.get_by_text("003_543c4b251921b3a7.txt: geladen (nieuw).")).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=str(ARTIFACTS / "toevoegen.png"), full_page=True)
    page.goto(f"{empty_app_url}/?gemeente=Zevenaar")
    wait_idle(page)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("14", timeout=TIMEOUT)


def test_the_first_overview_shows_one_municipality_and_says_which(page: Page, app_url: str):
    page.goto(app_url)
    wait_idle(page)
    expect(page.get_by_text("Gemeente: Oude IJsselstreek")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"gemeente=Oude\+IJsselstreek"), timeout=TIMEOUT)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("3", timeout=TIMEOUT)


def test_zevenaar_shows_the_council_item_and_what_got_worse(page: Page, app_url: str):
    page.goto(app_url)
    wait_idle(page)
    choose(page, "Gemeente", "Zevenaar")
    expect(page.get_by_role("link", name="Open 6.1.4 Vergroten grip op kosten")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("▼ verslechterd (3)")).to_be_visible()
    for code in ("6.1.5", "6.2.2", "6.2.3"):
        expect(page.get_by_role("link", name=re.compile(rf"^{re.escape(code)} .*✓ op koers → ◐ deels$"))).to_be_visible()


def test_the_municipality_stays_across_pages_links_and_a_shared_url(page: Page, app_url: str):
    page.goto(f"{app_url}/?gemeente=Zevenaar")
    wait_idle(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Financiën").click()
    wait_idle(page)
    expect(page.get_by_text("Gemeente: Zevenaar")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"/financien\?gemeente=Zevenaar"), timeout=TIMEOUT)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Overzicht").click()
    wait_idle(page)
    page.get_by_role("link", name="Open 6.1.4 Vergroten grip op kosten").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="6.1.4 Vergroten grip op kosten")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Gemeente: Zevenaar")).to_be_visible()
    shared = shared_link(page)
    assert "/activiteiten?" in shared and "gemeente=Zevenaar" in shared and "activiteit=GM0299" in shared
    page.goto(shared)
    wait_idle(page)
    expect(page.get_by_role("heading", name="6.1.4 Vergroten grip op kosten")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Gemeente: Zevenaar")).to_be_visible()


def test_clicking_a_matrix_cell_opens_the_activity(page: Page, app_url: str):
    page.goto(f"{app_url}/?gemeente=Zevenaar")
    wait_idle(page)
    matrix = page.locator(".js-plotly-plot").nth(2)
    matrix.scroll_into_view_if_needed()
    cells = matrix.locator(".scatterlayer path.point")
    expect(cells).to_have_count(42, timeout=TIMEOUT)
    box = cells.nth(9).bounding_box()  # rows are in code order, three periods each: the fourth row is 6.1.4
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_idle(page)
    expect(page.get_by_role("heading", name="6.1.4 Vergroten grip op kosten")).to_be_visible(timeout=TIMEOUT)


# Case-sensitive: the lower-case names of icons ('upload', 'expand_more') are not shown as words
_ENGLISH = re.compile(r"\b(None|nan|NaN|Page not found|Upload|Browse files|Drag and drop|per file|Limit)\b")


def test_no_page_shows_english_words_or_none(page: Page, app_url: str):
    for path in (
        "/?gemeente=Zevenaar",
        "/activiteiten?gemeente=Zevenaar&activiteit=GM0299%7C6.1.4",
        "/financien?gemeente=Ooststellingwerf",
        "/indicatoren?gemeente=Bronckhorst",
        "/vergelijken?gemeente=Ooststellingwerf",
        "/bronnen?gemeente=Heusden",
        "/toevoegen",
        "/overzicht",
    ):
        page.goto(f"{app_url}{path}")
        wait_idle(page)
        expect(page.locator("h1").first).to_be_visible(timeout=TIMEOUT)
        found = _ENGLISH.findall(page.inner_text("body"))
        assert not found, f"{path}: {found}"


def test_no_link_or_image_from_a_document_a_file_name_or_the_url_appears(page: Page, hostile_app_url: str):
    asked: list[str] = []
    page.route("**/*evil.example*/**", lambda route: (asked.append(route.request.url), route.abort()))
    injected = "gemeente=%5BKLIK%5D(https%3A%2F%2Fevil.example%2Fu)%20!%5Bt%5D(https%3A%2F%2Fevil.example%2Ft.png)"
    for path in (
        "/?gemeente=Doesburg",
        f"/?{injected}",
        "/activiteiten?gemeente=Doesburg&activiteit=GM0221%7C2.1.1",
        "/bronnen?gemeente=Doesburg",
        "/indicatoren?gemeente=Doesburg",
    ):
        page.goto(f"{hostile_app_url}{path}")
        wait_idle(page)
        expect(page.locator("h1").first).to_be_visible(timeout=TIMEOUT)
        page.wait_for_timeout(500)  # charts draw after the script run
        found = page.locator('a[href*="evil.example"], img[src*="evil.example"], image[href*="evil.example"]')
        assert found.evaluate_all("elements => elements.map(e => e.outerHTML)") == [], path
    page.goto(f"{hostile_app_url}/?gemeente=Doesburg")
    wait_idle(page)
    expect(page.get_by_text("[KLIK](https://evil.example/a)", exact=False).first).to_be_attached(timeout=TIMEOUT)
    assert asked == []


def test_ten_browsers_opening_a_fresh_server_at_once_all_get_the_overview(chromium_path: str, fresh_cli_url: str):
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        tabs = [browser.new_page() for _ in range(10)]
        for tab in tabs:
            tab.goto(f"{fresh_cli_url}/?gemeente=Zevenaar", wait_until="commit")
        for tab in tabs:  # ten sessions and ten renderers share two cores: slow, but every one must get there
            wait_idle(tab, timeout=180_000)
            expect(tab.get_by_role("heading", name="Overzicht van de voortgang")).to_be_visible(timeout=TIMEOUT)
            assert tab.get_by_test_id("stException").count() == 0
        browser.close()
