"""PDF, Word and Excel files, generated in the test, yield the same records as the equivalent text."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from loaders.errors import UnreadableDocument
from loaders.extract import extract_bytes
from model.colours import colour_word
from tests.conftest import ZEVENAAR

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVu font missing (apt-get install fonts-dejavu-core)")

STATUS_ROWS = [("1.1.1 Fietspaden verbreden", "Groen", "Oranje"), ("1.1.2 Laadpalen plaatsen", "Groen", "Rood")]
BUDGET_ROWS = [("Jeugd", 1200, 1350, 150), ("Wmo", 800, 760, 40)]
# Long enough to need two PDF pages; the activity stands on page 2.
TWO_PAGE_REPORT = [
    "2e Voortgangsrapportage 2019",
    "Gemeente Zevenaar",
    *["Tekst."] * 70,
    "6.1.1 Iets doen",
    "Stand van zaken",
    "Rek. 2018",
    "1e VGR",
    "Volgens plan",
    "Volgens plan",
]


def _pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=8)
    for line in lines:
        pdf.multi_cell(0, 4, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@needs_font
def test_a_pdf_of_the_zevenaar_report_gives_the_42_statuses():
    extraction = extract_bytes(_pdf(ZEVENAAR.read_text(encoding="utf-8").splitlines()), "zevenaar.pdf")
    assert extraction.format == "pdf" and extraction.document.municipality == "Zevenaar"
    counts = [Counter(s.status for s in extraction.statuses if s.period == p.label) for p in extraction.periods]
    assert [(c["on_track"], c["partly"], c["council_action"]) for c in counts] == [(11, 2, 1), (11, 2, 1), (8, 5, 1)]


def test_a_pdf_without_text_is_reported_as_a_scan():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50, style="F")
    with pytest.raises(UnreadableDocument, match="no text layer"):
        extract_bytes(bytes(pdf.output()), "scan.pdf")


def _docx() -> bytes:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    document.add_paragraph("2e Voortgangsrapportage 2021")
    document.add_paragraph("Gemeente Lingewaard")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Activiteit", "1e VGR", "2e VGR"), strict=True):
        cell.text = text
    fills = {"Groen": "00B050", "Oranje": "FFC000", "Rood": "FF0000"}
    for name, first, second in STATUS_ROWS:
        cells = table.add_row().cells
        cells[0].text = name
        for cell, colour in ((cells[1], first), (cells[2], second)):
            shade = OxmlElement("w:shd")
            shade.set(qn("w:val"), "clear")
            shade.set(qn("w:fill"), fills[colour])
            cell._tc.get_or_add_tcPr().append(shade)
    document.add_paragraph("x € 1.000")
    budget = document.add_table(rows=1, cols=4)
    for cell, text in zip(budget.rows[0].cells, ("Lasten", "Begroting 2021", "Rekening 2021", "Verschil"), strict=True):
        cell.text = text
    for name, planned, actual, difference in BUDGET_ROWS:
        for cell, text in zip(
            budget.add_row().cells, (name, str(planned), str(actual), f"{difference} N"), strict=True
        ):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _records(extraction):
    return (
        [(s.activity_code, s.period, s.status) for s in extraction.statuses],
        [(b.scope, b.column, b.amount_eur) for b in extraction.budget_lines],
    )


TEXT_EQUIVALENT = """\
2e Voortgangsrapportage 2021
Gemeente Lingewaard
Activiteit | 1e VGR | 2e VGR
1.1.1 Fietspaden verbreden | Groen | Oranje
1.1.2 Laadpalen plaatsen | Groen | Rood
x € 1.000
Lasten | Begroting 2021 | Rekening 2021 | Verschil
Jeugd | 1.200 | 1.350 | 150 N
Wmo | 800 | 760 | 40 N
"""


def test_a_word_document_with_shaded_status_cells_gives_the_same_records_as_text():
    from_word = extract_bytes(_docx(), "rapportage.docx")
    from_text = extract_bytes(TEXT_EQUIVALENT.encode(), "rapportage.txt")
    assert from_word.format == "docx"
    assert _records(from_word) == _records(from_text)
    assert [s.status for s in from_word.statuses] == ["on_track", "partly", "on_track", "council_action"]
    assert ("Jeugd", "Rekening 2021", 1_350_000) in _records(from_word)[1]


def _xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "2e Voortgangsrapportage 2021"
    sheet.append(["Gemeente Lingewaard"])
    sheet.append(["Activiteit", "1e VGR", "2e VGR"])
    fills = {"Groen": "FF00B050", "Oranje": "FFFFC000", "Rood": "FFFF0000"}
    for name, first, second in STATUS_ROWS:
        sheet.append([name, None, None])
        for column, colour in ((2, first), (3, second)):
            sheet.cell(sheet.max_row, column).fill = PatternFill("solid", fgColor=fills[colour])
    sheet.append(["x € 1.000"])
    sheet.append(["Lasten", "Begroting 2021", "Rekening 2021", "Verschil"])
    for name, planned, actual, difference in BUDGET_ROWS:
        sheet.append([name, planned, actual, f"{difference} N"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_excel_sheet_with_filled_status_cells_gives_the_same_records_as_text():
    from_excel = extract_bytes(_xlsx(), "rapportage.xlsx")
    assert from_excel.format == "xlsx"
    assert _records(from_excel) == _records(extract_bytes(TEXT_EQUIVALENT.encode(), "rapportage.txt"))


def test_html_with_status_icons_gives_the_same_records_as_text():
    markup = (
        "<html><body><nav>Home</nav><p>2e Voortgangsrapportage 2021</p><p>Gemeente Lingewaard</p><table>"
        "<tr><th>Activiteit</th><th>1e VGR</th><th>2e VGR</th></tr>"
        "<tr><td>1.1.1 Fietspaden verbreden</td><td><img alt='Groen'></td><td><img alt='Oranje'></td></tr>"
        "<tr><td>1.1.2 Laadpalen plaatsen</td><td><img alt='Groen'></td><td><img alt='Rood'></td></tr>"
        "</table></body></html>"
    )
    from_html = extract_bytes(markup.encode(), "rapportage.html")
    assert _records(from_html)[0] == _records(extract_bytes(TEXT_EQUIVALENT.encode(), "rapportage.txt"))[0]


@pytest.mark.parametrize(
    ("rgb", "word"),
    [
        ("00B050", "groen"),
        ("FFFFC000", "oranje"),
        ("#FF0000", "rood"),
        ("FFFF00", "geel"),
        ("A6A6A6", "grijs"),
        ("FFFFFF", None),
        (None, None),
    ],
)
def test_fill_colours_become_colour_words(rgb, word):
    assert colour_word(rgb) == word


@needs_font
def test_coloured_dots_in_a_pdf_status_table_are_read_as_statuses():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=10)
    colours = {"Groen": (0, 176, 80), "Oranje": (255, 192, 0), "Rood": (255, 0, 0)}
    rows = [
        ("2e Voortgangsrapportage 2021", None, None),
        ("Gemeente Lingewaard", None, None),
        ("Activiteit", "1e VGR", "2e VGR"),
        *STATUS_ROWS,
    ]
    y = 20
    for name, first, second in rows:
        pdf.text(15, y, name)
        for x, cell in ((120, first), (160, second)):
            if cell in colours:
                pdf.set_fill_color(*colours[cell])
                pdf.ellipse(x, y - 3.5, 4, 4, style="F")
            elif cell:
                pdf.text(x, y, cell)
        y += 8
    extraction = extract_bytes(bytes(pdf.output()), "stoplicht.pdf")
    assert [(s.activity_code, s.period, s.status) for s in extraction.statuses] == [
        ("1.1.1", "1e VGR", "on_track"),
        ("1.1.1", "2e VGR", "partly"),
        ("1.1.2", "1e VGR", "on_track"),
        ("1.1.2", "2e VGR", "council_action"),
    ]


@needs_font
def test_a_pdf_with_dots_and_a_budget_table_gives_the_same_records_as_text():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=10)
    colours = {"Groen": (0, 176, 80), "Oranje": (255, 192, 0), "Rood": (255, 0, 0)}
    y = 20
    for text in ("2e Voortgangsrapportage 2021", "Gemeente Lingewaard"):
        pdf.text(15, y, text)
        y += 8
    for name, first, second in [("Activiteit", "1e VGR", "2e VGR"), *STATUS_ROWS]:
        pdf.text(15, y, name)
        for x, cell in ((120, first), (160, second)):
            if cell in colours:
                pdf.set_fill_color(*colours[cell])
                pdf.ellipse(x, y - 3.5, 4, 4, style="F")
            else:
                pdf.text(x, y, cell)
        y += 8
    pdf.text(15, y, "x € 1.000")
    y += 8
    for cells in [
        ("Lasten", "Begroting 2021", "Rekening 2021", "Verschil"),
        *[(n, f"{p:,}".replace(",", "."), f"{a:,}".replace(",", "."), f"{d} N") for n, p, a, d in BUDGET_ROWS],
    ]:
        for x, cell in zip((15, 70, 110, 150), cells, strict=True):
            pdf.text(x, y, cell)
        y += 8
    from_pdf = extract_bytes(bytes(pdf.output()), "rapportage.pdf")
    assert _records(from_pdf) == _records(extract_bytes(TEXT_EQUIVALENT.encode(), "rapportage.txt"))


@needs_font
def test_pdf_lines_keep_their_page():
    from model.document import page_of

    extraction = extract_bytes(_pdf(TWO_PAGE_REPORT), "lang.pdf")
    assert len(extraction.page_starts) == 2
    [activity] = extraction.activities
    assert page_of(activity.line, extraction.page_starts) == 2
    assert extraction.to_json_dict()["page_starts"] == extraction.page_starts
