"""Reports to hand on: `voortgang report` writes any page as PDF (charts as vector graphics, the filters, sources and
date on every page, Dutch page numbers) or HTML."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import exports, page_reports
from loaders.cli import REPORT_PAGES

needs_chromium = pytest.mark.skipif(exports.chromium_path() is None, reason="Chromium not installed")


def _report(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "voortgang"), "report", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def _zevenaar_overview(fmt: str, db: Path, folder: Path) -> subprocess.CompletedProcess:
    """`voortgang report` of Zevenaar's Overzicht as `fmt`, written to r.FMT in `folder`."""
    return _report(
        "--page",
        "overzicht",
        "--municipality",
        "Zevenaar",
        "--format",
        fmt,
        "-o",
        f"r.{fmt}",
        "--db",
        str(db),
        cwd=folder,
    )


def pdf_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return [document[number].get_textpage().get_text_range() for number in range(len(document))]
    finally:
        document.close()


@needs_chromium
def test_the_overview_of_zevenaar_as_pdf_names_the_filters_date_sources_and_6_1_4_with_its_status(samples_db, tmp_path):
    done = _zevenaar_overview("pdf", samples_db, tmp_path)
    assert done.returncode == 0, done.stderr
    pages = pdf_pages(tmp_path / "r.pdf")
    text = "\n".join(pages)
    assert "Filters: Gemeente: Zevenaar" in text and "Bronnen: 2e Voortgangsrapportage 2019" in text
    assert re.search(r"Gemaakt op: \d\d-\d\d-\d{4} \d\d:\d\d", text)
    assert re.search(r"6\.1\.4\s+Vergroten grip op kosten\s+bijsturing\s+raad", text)  # a narrow cell wraps
    for number, page in enumerate(pages, start=1):  # every page carries the filters, the date and its number
        assert "Gemeente: Zevenaar · Gemaakt op:" in page and f"Pagina {number} van {len(pages)}" in page


def test_the_overview_as_html_holds_the_same_without_chromium(samples_db, tmp_path):
    done = _zevenaar_overview("html", samples_db, tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Gemeente: Zevenaar" in page and "6.1.4" in page and "bijsturing raad" in page


@pytest.mark.parametrize("page", list(page_reports.PAGES))
def test_every_page_has_a_report_with_a_title_and_content(samples_db, tmp_path, page):
    from dashboard.selection import Selection
    from tests.cycle import load_cycle

    town = {"financien": "Ooststellingwerf", "indicatoren": "Bronckhorst", "vergelijken": "Doesburg"}.get(
        page, "Zevenaar"
    )
    db = load_cycle(tmp_path) if page == "vergelijken" else samples_db
    report = page_reports.PAGES[page](Selection(town), db)
    assert report.title and (report.charts or any(not table.empty for _, table in report.tables)), page


def test_the_command_line_offers_every_page_the_reports_know():
    assert tuple(page_reports.PAGES) == REPORT_PAGES


def test_a_report_of_a_municipality_without_documents_says_which_are_loaded(samples_db, tmp_path):
    done = _report("--page", "overzicht", "--municipality", "Epe", "--db", str(samples_db), cwd=tmp_path)
    assert (
        done.returncode == 1 and "no documents of municipality 'Epe'" in done.stderr and "Traceback" not in done.stderr
    )
