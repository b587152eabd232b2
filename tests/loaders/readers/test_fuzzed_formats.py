"""Hypothesis-driven fuzzing of the structured readers: HTML, Word, Excel and PDF files built from random tables of
status words, amounts, periods, colours and noise. Reading never fails except as an UnreadableDocument, never
takes long, and every record points at a line of the document (the text-format fuzzing is in test_robustness)."""

from __future__ import annotations

import html
import io
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.errors import UnreadableDocument
from loaders.extract import extract_bytes
from model.records import Extraction

SLOW_SECONDS = 10
CELLS = st.one_of(
    st.sampled_from(
        [
            "Groen", "Oranje", "Rood", "Volgens plan", "Bijsturing raad", "●", "✔", "+", "-", "=", "n.n.b.", "",
            "1e VGR", "2e VGR 2024", "Rekening 2023", "Begroting 2025", "Verschil", "N", "V", "x € 1.000",
            "1.234", "-7.882", "12,5%", "€ 39.000 N", "6.1.4 Vergroten grip op kosten", "Gemeente Zevenaar",
            "Legenda", "Groen = op schema", "Programma 1 Veiligheid", "Lasten", "Baten", "Saldo",
        ]
    ),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=25),  # what Office files can hold
)
TABLES = st.lists(st.lists(CELLS, min_size=1, max_size=6), min_size=1, max_size=8)
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _read(data: bytes, name: str) -> Extraction | None:
    start = time.perf_counter()
    try:
        extraction = extract_bytes(data, name)
    except UnreadableDocument:
        return None
    assert time.perf_counter() - start < SLOW_SECONDS
    lines = len(extraction.raw_text.splitlines())
    records = [*extraction.statuses, *extraction.activities, *extraction.budget_lines, *extraction.indicators]
    assert all(record.line is None or 1 <= record.line <= lines for record in records)
    return extraction


def _html(tables: list[list[list[str]]], colours: list[str]) -> bytes:
    parts = ["<html><head><title>Voortgang</title></head><body>"]
    for number, rows in enumerate(tables):
        parts.append("<table>")
        for row in rows:
            cells = "".join(
                f'<td style="background-color:{colours[(number + i) % len(colours)]}">{html.escape(cell)}</td>'
                for i, cell in enumerate(row)
            )
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table><p>Toelichting</p>")
    parts.append("</body></html>")
    return "".join(parts).encode()


@FUZZ
@given(st.lists(TABLES, min_size=1, max_size=3), st.lists(st.sampled_from(["#00a000", "red", "#ffbf00", ""]), min_size=1))
def test_random_html_tables_are_read_or_refused_never_crash(tables, colours):
    _read(_html(tables, colours), "fuzz.html")


@FUZZ
@given(TABLES, st.lists(CELLS, max_size=5))
def test_random_word_tables_are_read_or_refused_never_crash(rows, paragraphs):
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    _read(buffer.getvalue(), "fuzz.docx")


def _number_or_text(cell: str) -> float | str:
    """Dutch amounts as numbers ('1.234' → 1234.0), as a spreadsheet holds them; anything else as text."""
    plain = cell.replace(".", "").replace(",", ".")
    return float(plain) if re.fullmatch(r"-?\d+(?:\.\d+)?", plain) else cell


@FUZZ
@given(st.lists(TABLES, min_size=1, max_size=2))
def test_random_excel_sheets_are_read_or_refused_never_crash(sheets):
    from openpyxl import Workbook

    workbook = Workbook()
    for number, rows in enumerate(sheets):
        sheet = workbook.active if number == 0 else workbook.create_sheet(f"Blad {number + 1}")
        for row in rows:
            sheet.append([_number_or_text(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    _read(buffer.getvalue(), "fuzz.xlsx")


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu font missing (apt-get install fonts-dejavu-core)")
@FUZZ
@given(TABLES, st.lists(st.integers(min_value=10, max_value=180), min_size=1, max_size=6))
def test_random_positioned_pdf_text_is_read_or_refused_never_crash(rows, columns):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=8)
    for number, row in enumerate(rows):
        for position, text in enumerate(row):
            if text.strip():
                pdf.text(columns[position % len(columns)], 20 + 6 * number, text)
    _read(bytes(pdf.output()), "fuzz.pdf")
