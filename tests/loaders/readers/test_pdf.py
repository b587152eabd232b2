"""The PDF reader: tables from the words' positions, status squares as colour marks, pages, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.errors import UnreadableDocument
from loaders.readers.pdf import read_pdf
from model.document import Heading, Mark, Paragraph

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = FONT.with_name("DejaVuSans-Bold.ttf")
pytestmark = pytest.mark.skipif(not BOLD.exists(), reason="DejaVu fonts missing (apt-get install fonts-dejavu-core)")

BUDGET = [
    ("Omschrijving", "Begroting 2024", "Rekening 2024", "Verschil"),
    ("Jeugdzorg", "1.200", "1.350", "150 N"),
    ("Onderwijs", "800", "", "40 V"),
    ("Totaal", "2.000", "2.110", "110 N"),
]
SQUARES = [("1.1 Fietspaden", ((0, 176, 80), (255, 192, 0))), ("1.2 Laadpalen", ((0, 176, 80), (255, 0, 0)))]


def _report() -> bytes:
    """A page with a heading, prose, a unit line, a budget table in right-aligned columns between rules and a
    status table of coloured squares; then a second page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(BOLD))
    pdf.set_title("Programmabegroting 2024")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.cell(0, 8, "Programma 1 Jeugd", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(
        0,
        5,
        "Het college investeert in de jeugd en de lasten stijgen door hogere kosten van zorg.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.cell(0, 6, "Bedragen x € 1.000", new_x="LMARGIN", new_y="NEXT")

    def row(cells, bold: bool = False) -> None:
        pdf.set_font("DejaVu", "B" if bold else "", 9)
        pdf.cell(60, 6, cells[0])
        for text in cells[1:]:
            pdf.cell(35, 6, text, align="R")
        pdf.ln(6)

    row(BUDGET[0], bold=True)
    pdf.line(10, pdf.get_y(), 200, pdf.get_y())
    for cells in BUDGET[1:]:
        row(cells, bold=cells[0] == "Totaal")
    pdf.line(10, pdf.get_y(), 200, pdf.get_y())
    pdf.ln(4)
    row(("Activiteit", "1e VGR 2024", "2e VGR 2024"), bold=True)
    for name, colours in SQUARES:
        top = pdf.get_y()
        pdf.cell(60, 6, name)
        for position, rgb in enumerate(colours):
            pdf.set_fill_color(*rgb)
            pdf.rect(100 + 35 * position, top + 1.5, 3, 3, style="F")
        pdf.ln(6)
    pdf.add_page()
    pdf.cell(0, 6, "Tweede pagina met tekst.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _glyph_ids_only(lines: int = 60) -> bytes:
    """A PDF whose font has no map to Unicode: its text layer holds glyph numbers (control codes), not text."""
    codes = "".join(f"{code:04X}" for code in range(3, 40))
    stream = "\n".join(f"BT /F1 10 Tf 40 {800 - 12 * i} Td <{codes}> Tj ET" for i in range(lines)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 6 0 R >>"
        ),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [5 0 R] >>",
        (
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering "
            b"(Identity) /Supplement 0 >> /DW 500 >>"
        ),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF" % (len(objects) + 1, start)
    return bytes(out)


def test_columns_of_right_aligned_amounts_become_cells_under_their_header():
    budget = read_pdf(_report()).tables()[0]
    assert budget.layout == "positioned" and budget.header_rows == 1
    assert [tuple(cell.text for cell in row) for row in budget.rows] == BUDGET


def test_the_unit_line_and_heading_above_a_table_are_its_caption():
    budget = read_pdf(_report()).tables()[0]
    assert budget.caption[0] == "Programma 1 Jeugd" and budget.caption[-1] == "Bedragen x € 1.000"


def test_coloured_squares_are_cells_that_show_a_colour():
    statuses = read_pdf(_report()).tables()[1]
    assert [c.text for c in statuses.rows[0]] == ["Activiteit", "1e VGR 2024", "2e VGR 2024"]
    assert [[m for c in row[1:] for m in c.marks] for row in statuses.rows[1:]] == [
        [Mark("colour", "groen"), Mark("colour", "oranje")],
        [Mark("colour", "groen"), Mark("colour", "rood")],
    ]


def test_headings_paragraphs_and_pages_keep_their_order():
    document = read_pdf(_report())
    texts = [(type(b).__name__, b.text, b.page) for b in document.blocks if isinstance(b, (Heading, Paragraph))]
    assert texts[0] == ("Heading", "Programma 1 Jeugd", 1)
    assert texts[-1] == ("Paragraph", "Tweede pagina met tekst.", 2)
    assert document.page_starts == [1, document.blocks[-1].line]
    assert document.meta.title == "Programmabegroting 2024"


def test_bold_type_is_kept_as_a_mark():
    total = read_pdf(_report()).tables()[0].rows[-1]
    assert all(Mark("bold", "vet") in cell.marks for cell in total)


def test_a_text_layer_of_glyph_numbers_is_refused_as_unreadable():
    with pytest.raises(UnreadableDocument, match="text layer is unreadable"):
        read_pdf(_glyph_ids_only())


def test_a_page_without_text_is_refused_as_a_scan():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 80, 80, style="F")
    with pytest.raises(UnreadableDocument, match="no text layer"):
        read_pdf(bytes(pdf.output()))


def test_bytes_that_are_no_pdf_are_refused_with_the_reason():
    with pytest.raises(UnreadableDocument, match="not a readable PDF"):
        read_pdf(b"%PDF-1.4 broken")


def test_a_word_hyphenated_at_the_end_of_a_line_is_joined_whole():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    for label, first, second in (
        ("Indicator", "2023", "2024"),
        ("Lopende re-", "8,4", "9,1"),
        ("integratievoorzieningen", "", ""),
        ("Banen", "612", "620"),
    ):
        pdf.cell(60, 5, label)
        pdf.cell(30, 5, first, align="R")
        pdf.cell(30, 5, second, align="R")
        pdf.ln(5)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert [c.text for c in table.rows[1]] == ["Lopende re-integratievoorzieningen", "8,4", "9,1"]


def test_a_section_name_under_the_header_is_the_first_body_row():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(BOLD))
    pdf.add_page()
    for label, values, bold in (
        ("Taakveld", ("Begroting 2024", "Raming 2025"), True),
        ("Lasten", (), True),
        ("Jeugd", ("1.200", "1.300"), False),
        ("Wmo", ("800", "850"), False),
    ):
        pdf.set_font("DejaVu", "B" if bold else "", 9)
        pdf.cell(60, 5, label)
        for value in values:
            pdf.cell(35, 5, value, align="R")
        pdf.ln(5)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert table.header_rows == 1 and [c.text for c in table.rows[0]] == ["Taakveld", "Begroting 2024", "Raming 2025"]
    assert [c.text for c in table.rows[1]] == ["Lasten", "", ""]


def test_a_rule_across_the_table_ends_the_header_even_when_a_cell_starts_above_its_row():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    for x, text in ((20, "Indicator"), (70, "Eenheid"), (120, "Bron"), (150, "2022"), (180, "2023")):
        pdf.text(x, 30, text)
    pdf.line(15, 33, 195, 33)
    for top, rows in (
        (38, ((70, "Aantal per 1.000"), (120, "Bureau"))),
        (42, ((20, "Verwijzingen Halt"), (150, "10"), (180, "8"))),
        (46, ((70, "jongeren"), (120, "Halt"))),
    ):
        for x, text in rows:
            pdf.text(x, top, text)
    pdf.line(15, 49, 195, 49)
    for x, text in ((20, "Winkeldiefstallen"), (70, "Aantal per 1.000"), (120, "CBS"), (150, "0,6"), (180, "2,3")):
        pdf.text(x, 54, text)
    pdf.line(15, 57, 195, 57)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert [c.text for c in table.rows[0]] == ["Indicator", "Eenheid", "Bron", "2022", "2023"]
    assert [c.text for c in table.rows[1]] == [
        "Verwijzingen Halt",
        "Aantal per 1.000\njongeren",
        "Bureau\nHalt",
        "10",
        "8",
    ]


def _rows_pdf(rows: tuple[tuple[str, ...], ...]) -> bytes:
    """One table: a label column and right-aligned figures, one printed line per tuple."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    for label, *values in rows:
        pdf.cell(70, 5, label)
        for value in values:
            pdf.cell(30, 5, value, align="R")
        pdf.ln(5)
    return bytes(pdf.output())


def test_a_label_that_wrapped_onto_the_line_of_its_figures_is_one_row():
    data = _rows_pdf(
        (
            ("Effectindicator", "2025", "2026"),
            ("Percentage inwoners met",),
            ("schuldenproblematiek", "7,4", "6,3"),
            ("Aantal inwoners met bijstand", "14,3", "14,1"),
        )
    )
    [table] = read_pdf(data).tables()
    assert [c.text for c in table.rows[1]] == ["Percentage inwoners met\nschuldenproblematiek", "7,4", "6,3"]
    assert [c.text for c in table.rows[2]] == ["Aantal inwoners met bijstand", "14,3", "14,1"]


def test_a_label_wrapped_over_three_lines_is_one_row_and_the_next_row_stays_apart():
    data = _rows_pdf(
        (
            ("Kengetal", "2025", "2026"),
            ("1a. Netto schuldquote", "-10", "-1,3"),
            ("1b. Netto schuldquote",),
            ("gecorrigeerd voor",),
            ("verstrekte leningen", "-16", "-6,7"),
            ("2. Solvabiliteitsratio", "64", "62,1"),
        )
    )
    [table] = read_pdf(data).tables()
    labels = [row[0].text.replace("\n", " ") for row in table.rows[1:]]
    assert labels == [
        "1a. Netto schuldquote",
        "1b. Netto schuldquote gecorrigeerd voor verstrekte leningen",
        "2. Solvabiliteitsratio",
    ]
    assert [c.text for c in table.rows[3]][1:] == ["64", "62,1"]


def test_the_rest_of_a_label_that_wrapped_below_its_figures_is_part_of_that_row():
    data = _rows_pdf(
        (
            ("Indicator", "2022", "2023"),
            ("Inwoners dat zich", "45", "47"),
            ("eenzaam voelt",),
            ("Cliënttevredenheid Wmo", "7,6", "7,8"),
        )
    )
    [table] = read_pdf(data).tables()
    assert [[c.text for c in row] for row in table.rows[1:]] == [
        ["Inwoners dat zich\neenzaam voelt", "45", "47"], ["Cliënttevredenheid Wmo", "7,6", "7,8"],
    ]


def test_lower_case_items_under_a_heading_row_stay_rows_of_their_own():
    data = _rows_pdf(
        (
            ("Tarief", "2023", "2024"),
            ("Hondenbelasting",),
            ("eerste hond", "92,04", "95,04"),
            ("tweede hond", "138,36", "142,80"),
        )
    )
    [table] = read_pdf(data).tables()
    assert [row[0].text for row in table.rows[1:]] == ["Hondenbelasting", "eerste hond", "tweede hond"]


def test_a_minus_sign_drawn_apart_from_its_figure_is_on_its_line_and_signs_it():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    for x, text in ((20, "Programma"), (90, "Baten"), (130, "Lasten")):
        pdf.text(x, 30, text)
    for top, label, baten, lasten in ((38, "P1 Veiligheid", "102", "4.204"), (44, "P2 Sociaal", "11.652", "38.934")):
        pdf.text(20, top, label)
        pdf.text(100 - pdf.get_string_width(baten), top, baten)
        left = 140 - pdf.get_string_width(lasten)
        pdf.set_font_size(3)  # a run of its own whose box is a sliver inside the figure's height
        pdf.text(left - pdf.get_string_width("-"), top, "-")
        pdf.set_font_size(9)
        pdf.text(left, top, lasten)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert [[c.text for c in row] for row in table.rows[1:]] == [
        ["P1 Veiligheid", "102", "-4.204"],
        ["P2 Sociaal", "11.652", "-38.934"],
    ]


def test_a_header_row_set_apart_from_the_rows_by_a_wider_gap_is_the_tables_header():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    pdf.cell(0, 5, "Tabel 2.1 - Effectindicatoren", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for names in (("", "", "Streefwaarde", "Streefwaarde"), ("Effectindicator", "Peilwaarde", "2026 (%)", "2027 (%)")):
        pdf.cell(70, 5, names[0])
        for name in names[1:]:
            pdf.cell(30, 5, name, align="R")
        pdf.ln(5)
    pdf.ln(9)  # the header row's padding: a gap wider than two lines
    for label, *values in (("Schuldenproblematiek", "7,4 (2024)", "6,3", "5,8"), ("Eenzaamheid", "49 (2024)", "46", "45")):
        pdf.cell(70, 5, label)
        for value in values:
            pdf.cell(30, 5, value, align="R")
        pdf.ln(5)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert table.header_rows == 1
    assert [c.text for c in table.rows[0]] == [
        "Effectindicator", "Peilwaarde", "Streefwaarde 2026 (%)", "Streefwaarde 2027 (%)"
    ]
    assert [c.text for c in table.rows[1]] == ["Schuldenproblematiek", "7,4 (2024)", "6,3", "5,8"]


def _ruled_budget() -> bytes:
    """A jaarrekening table: a two-line header whose second line starts left of the first figures, section rows
    (Lasten, Baten) and rules under the header and each section's total."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    pdf.cell(0, 5, "Wat heeft het gekost? (bedragen x € 1.000)", new_x="LMARGIN", new_y="NEXT")
    columns = ((10, 62, "L"), (72, 30, "R"), (102, 30, "R"), (132, 30, "R"), (162, 30, "R"))

    def row(cells: tuple[str, ...], rule: bool = False) -> None:
        top = pdf.get_y()
        for (x, width, align), text in zip(columns, cells, strict=True):
            pdf.set_xy(x, top)
            pdf.cell(width, 5, text, align=align)
        pdf.set_xy(10, top + 5)
        if rule:
            pdf.line(10, pdf.get_y(), 192, pdf.get_y())

    row(("", "Begroting", "Begroting na", "Rekening", "Verschil"))
    row(("", "primitief 2023", "wijziging 2023", "2023", ""), rule=True)
    row(("Lasten", "", "", "", ""))
    row(("Jeugd", "12.345", "13.100", "14.050", "(950)"))
    row(("Wmo", "8.200", "8.400", "8.150", "250"))
    row(("Totaal lasten", "20.545", "21.500", "22.200", "(700)"), rule=True)
    row(("Baten", "", "", "", ""))
    row(("Rijksbijdragen", "9.000", "9.300", "9.450", "150"))
    row(("Totaal baten", "9.000", "9.300", "9.450", "150"), rule=True)
    return bytes(pdf.output())


def test_a_section_row_between_rules_stays_a_row_and_each_header_name_stays_over_its_column():
    [table] = read_pdf(_ruled_budget()).tables()
    assert [c.text for c in table.rows[0]] == [
        "", "Begroting primitief 2023", "Begroting na wijziging 2023", "Rekening 2023", "Verschil"
    ]
    assert [row[0].text for row in table.rows[1:]] == [
        "Lasten", "Jeugd", "Wmo", "Totaal lasten", "Baten", "Rijksbijdragen", "Totaal baten"
    ]


def test_figures_printed_with_the_dutch_min_line_up_in_their_column():
    data = _rows_pdf(
        (
            ("Programma", "Lasten", "Saldo"),
            ("Bestuur", "12.500", "-/- 11.300"),
            ("Sociaal domein", "180.200", "-/- 119.800"),
            ("Algemene dekking", "3.100", "241.900"),
        )
    )
    [table] = read_pdf(data).tables()
    assert [[c.text for c in row] for row in table.rows] == [
        ["Programma", "Lasten", "Saldo"],
        ["Bestuur", "12.500", "-/- 11.300"],
        ["Sociaal domein", "180.200", "-/- 119.800"],
        ["Algemene dekking", "3.100", "241.900"],
    ]


def test_a_status_word_at_the_end_of_a_sentence_is_no_status_cell():
    from loaders.readers.pdf_lines import Chunk, is_value

    def chunk(text: str) -> Chunk:
        return Chunk(0, 50, 0, 10, text)

    assert is_value(chunk("Niet gehaald"))
    assert not is_value(chunk("niet gehaald."))


def _new_pdf(size: int):
    """An FPDF document with one page and DejaVu at `size` points."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=size)
    pdf.add_page()
    return pdf


def _touching_header() -> bytes:
    """A reserves table whose column names stand one space apart (two header lines, names right-aligned over
    right-aligned figures), so that their runs touch like the words of one cell."""
    pdf = _new_pdf(7)
    header = (("Begroting", "Vermeerde-", "Verminde-", "Begroting"), ("2025", "ringen 2026", "ringen 2026", "2026"))
    step = max(pdf.get_string_width(name) for names in header for name in names) + 0.8
    edges = [70 + step * column for column in range(4)]
    rows = (
        (30, "Reserves", header[0]),
        (33.5, "per 31 december", header[1]),
        (37.5, "Algemene reserve", ("40.222", "0", "175", "40.047")),
        (41, "Reserve sociaal domein", ("1.250", "300", "0", "1.550")),
        (44.5, "Reserve onderhoud", ("800", "0", "100", "700")),
    )
    for top, label, texts in rows:
        pdf.text(15, top, label)
        for edge, text in zip(edges, texts, strict=True):
            pdf.text(edge - pdf.get_string_width(text), top, text)
    return bytes(pdf.output())


def test_figures_under_column_names_set_one_space_apart_stay_in_their_own_columns():
    [table] = read_pdf(_touching_header()).tables()
    assert [[c.text for c in row] for row in table.rows[1:]] == [
        ["Algemene reserve", "40.222", "0", "175", "40.047"],
        ["Reserve sociaal domein", "1.250", "300", "0", "1.550"],
        ["Reserve onderhoud", "800", "0", "100", "700"],
    ]


def test_column_names_set_one_space_apart_are_split_over_their_columns_and_joined_per_column():
    [table] = read_pdf(_touching_header()).tables()
    assert table.header_rows == 1
    assert [c.text for c in table.rows[0]] == [
        "Reserves per 31 december",
        "Begroting 2025",
        "Vermeerderingen 2026",
        "Verminderingen 2026",
        "Begroting 2026",
    ]


def test_a_note_that_runs_across_the_figure_columns_is_no_column_of_its_own():
    pdf = _new_pdf(9)
    edges = (100, 130, 160)
    rows = (
        ("Omschrijving", ("2024", "2025", "2026")),
        ("Jeugd", ("1.200", "1.300", "1.400")),
        ("Wmo", ("800", "850", "900")),
        ("Onderwijs", ("300", "310", "320")),
        ("Sport", ("90", "95", "99")),
    )
    for number, (label, texts) in enumerate(rows):
        top = 30 + 5 * number
        pdf.text(15, top, label)
        for edge, text in zip(edges, texts, strict=True):
            pdf.text(edge - pdf.get_string_width(text), top, text)
    pdf.text(15, 55, "Jeugd")
    pdf.text(84, 55, "(incl. 2024 en 2025 budget voor")  # a note from the label column on over two figure columns
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert [c.text for c in table.rows[0]] == ["Omschrijving", "2024", "2025", "2026"]
    assert [c.text for c in table.rows[1]] == ["Jeugd", "1.200", "1.300", "1.400"]


def _investments() -> bytes:
    """An overview of credits whose column names are stacked word by word over five lines above the figures, with
    the page's number printed inside the table's area."""
    pdf = _new_pdf(8)
    header = (
        ((15, "Omschrijving"), (95, "Totaal"), (120, "Nog te"), (145, "Begroot"), (170, "Begroting")),
        ((95, "beschikbaar"), (120, "besteden"), (145, "nog niet"), (170, "2026")),
        ((95, "gesteld"), (120, "(peildatum"), (145, "beschikbaar"), (170, "te stellen")),
        ((95, "krediet"), (120, "1-9-2025)"), (145, "gesteld t/m"), (170, "krediet")),
        ((145, "2025"),),
    )
    for number, cells in enumerate(header):
        for x, text in cells:
            pdf.text(x, 30 + 3.5 * number, text)
    rows = (
        ("Bruggen", "385.000", "310.889", "-", "195.000"),
        ("Wegen", "1.450.000", "255.839", "-", "-"),
        ("Water", "112.000", "112.000", "-", "160.000"),
    )
    for number, (label, *figures) in enumerate(rows):
        top = 50 + 4 * number
        pdf.text(15, top, label)
        for edge, figure in zip((110, 135, 160, 185), figures, strict=True):
            pdf.text(edge - pdf.get_string_width(figure), top, figure)
    pdf.text(160, 62, "Pagina 3 van 9")
    return bytes(pdf.output())


def test_column_names_stacked_over_more_than_four_lines_above_the_figures_are_all_the_header():
    [table] = read_pdf(_investments()).tables()
    assert table.header_rows == 1
    assert [c.text for c in table.rows[0]] == [
        "Omschrijving",
        "Totaal beschikbaar gesteld krediet",
        "Nog te besteden (peildatum 1-9-2025)",
        "Begroot nog niet beschikbaar gesteld t/m 2025",
        "Begroting 2026 te stellen krediet",
    ]
    assert [c.text for c in table.rows[1]] == ["Bruggen", "385.000", "310.889", "-", "195.000"]


def test_a_page_number_printed_inside_a_tables_area_is_dropped():
    document = read_pdf(_investments())
    [table] = document.tables()
    assert [c.text for c in table.rows[-1]] == ["Water", "112.000", "112.000", "-", "160.000"]
    assert not any("Pagina" in line.text for line in document.lines)


def test_the_years_under_a_rule_below_the_column_names_complete_the_header():
    pdf = _new_pdf(9)
    pdf.text(20, 30, "Omschrijving")
    pdf.text(120, 30, "Meerjarenbeeld")
    pdf.line(15, 32, 195, 32)
    rows = (("", "2026", "2027", "2028"), ("Lasten", "1.200", "1.300", "1.400"), ("Baten", "200", "210", "220"))
    for number, (label, *figures) in enumerate(rows):
        top = 36 + 5 * number
        if label:
            pdf.text(20, top, label)
        for edge, figure in zip((130, 160, 190), figures, strict=True):
            pdf.text(edge - pdf.get_string_width(figure), top, figure)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert table.header_rows == 1
    assert [c.text.split()[-1] for c in table.rows[0][1:]] == ["2026", "2027", "2028"]
    assert [c.text for c in table.rows[1]] == ["Lasten", "1.200", "1.300", "1.400"]


def test_years_on_the_caption_line_name_the_columns_and_the_caption_keeps_the_title():
    pdf = _new_pdf(9)
    rows = (
        ("Tabel 11.1 - Meerjarenbeeld (bedragen x € 1.000)", "2024", "2025", "2026"),
        ("Primitieve begroting 2023", "72", "812", "-2.561"),
        ("Kadernota 2024", "-175", "-465", "-2.120"),
    )
    for number, (label, *figures) in enumerate(rows):
        top = 30 + 5 * number
        pdf.text(20, top, label)
        for edge, figure in zip((140, 165, 190), figures, strict=True):
            pdf.text(edge - pdf.get_string_width(figure), top, figure)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert table.caption[-1] == "Tabel 11.1 - Meerjarenbeeld (bedragen x € 1.000)"
    assert [c.text for c in table.rows[0]] == ["", "2024", "2025", "2026"]
    assert [c.text for c in table.rows[1]] == ["Primitieve begroting 2023", "72", "812", "-2.561"]


def _right(pdf, edge: float, top: float, text: str) -> None:
    pdf.text(edge - pdf.get_string_width(text), top, text)


def _effect_table(baseline_above: bool) -> bytes:
    """An effect indicator table as budgets print it: target names one space apart, lone names between the header
    lines ('Peilwaarde', '(peiljaar)'), the years below, a wide gap to the rows, figures with their unit and the
    baseline's year below it; the baseline on a line of its own above the label when `baseline_above`."""
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=8)
    pdf.add_page()
    step = pdf.get_string_width("Streefwaarde") + 0.8  # the targets' names stand one space apart
    edges = [95 + step * column for column in range(1, 5)]
    for edge in edges:
        pdf.text(edge - step + 0.8, 30, "Streefwaarde")
        pdf.text(edge - step + 0.8, 37, "Begroting")
    pdf.text(72, 33.5, "Peilwaarde")
    pdf.text(20, 37, "Effectindicator")
    pdf.text(72, 40.5, "(peiljaar)")
    for edge, year in zip(edges, ("2026", "2027", "2028", "2029"), strict=True):
        pdf.text(edge - pdf.get_string_width(year), 44, year)
    if baseline_above:  # the baseline over its year, centred on a label of two lines
        _right(pdf, 92, 51, "214,4 kg")
        pdf.text(20, 54, "Totaal kg restafval")
        _right(pdf, 92, 57, "(2022)")
        pdf.text(20, 60, "per inwoner")
        top = 54
    else:
        pdf.text(20, 54, "Totaal kg restafval")
        _right(pdf, 92, 54, "205 kg")
        pdf.text(20, 57.5, "per inwoner")
        _right(pdf, 92, 57.5, "(2025)")
        top = 54
    for edge, figure in zip(edges, ("190 kg", "185 kg", "180 kg", "175 kg"), strict=True):
        _right(pdf, edge, top, figure)
    return bytes(pdf.output())


def test_a_padded_header_of_stacked_names_and_lone_names_over_columns_heads_the_rows_below_it():
    [table] = read_pdf(_effect_table(baseline_above=False)).tables()
    assert [c.text for c in table.rows[0]] == [
        "Effectindicator",
        "Peilwaarde (peiljaar)",
        "Streefwaarde Begroting 2026",
        "Streefwaarde Begroting 2027",
        "Streefwaarde Begroting 2028",
        "Streefwaarde Begroting 2029",
    ]
    assert [[c.text for c in row] for row in table.rows[1:]] == [
        ["Totaal kg restafval\nper inwoner", "205 kg\n(2025)", "190 kg", "185 kg", "180 kg", "175 kg"]
    ]


def test_a_figure_on_a_line_of_its_own_beside_a_label_of_two_lines_is_a_cell_of_that_row():
    [table] = read_pdf(_effect_table(baseline_above=True)).tables()
    assert len(table.rows[0]) == 6
    assert [[c.text for c in row] for row in table.rows[1:]] == [
        ["Totaal kg restafval\nper inwoner", "214,4 kg\n(2022)", "190 kg", "185 kg", "180 kg", "175 kg"]
    ]


def test_a_total_and_a_section_set_apart_by_wider_gaps_stay_in_the_table_whose_columns_they_line_up_with():
    pdf = _new_pdf(8)
    lines = (
        (30, ("Overzicht reserves", "Begroting 2025", "Begroting 2026")),
        (35, ("Algemene reserve", "40.222", "40.047")),
        (39, ("Reserve weerstandsvermogen", "8.000", "8.000")),
        (49, ("Totaal algemene reserves", "48.222", "48.047")),  # a wider gap above the total
        (59, ("Bestemmingsreserves",)),  # and above the next section
        (64, ("Reserve sociaal domein", "535", "535")),
        (68, ("Reserve sport", "129", "129")),
    )
    for top, (label, *figures) in lines:
        pdf.text(20, top, label)
        for edge, figure in zip((130, 170), figures, strict=False):
            _right(pdf, edge, top, figure)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert [row[0].text for row in table.rows] == [
        "Overzicht reserves",
        "Algemene reserve",
        "Reserve weerstandsvermogen",
        "Totaal algemene reserves",
        "Bestemmingsreserves",
        "Reserve sociaal domein",
        "Reserve sport",
    ]


def test_lines_set_larger_than_the_body_text_are_headings_by_size_and_a_large_sentence_is_not():
    pdf = _new_pdf(9)
    for top, size, text in (
        (30, 14, "Paragraaf Financiering"),
        (40, 11, "Renterisiconorm"),
        (48, 9, "De renterisiconorm beperkt de rente die in een jaar herzien mag worden."),
        (54, 9, "Zij is twintig procent van het begrotingstotaal en wordt elk jaar berekend."),
        (62, 14, "Dit is een zin in grote letters."),
    ):
        pdf.set_font("DejaVu", size=size)
        pdf.text(20, top, text)
    blocks = read_pdf(bytes(pdf.output())).blocks
    assert [(type(b).__name__, getattr(b, "level", None), b.text) for b in blocks] == [
        ("Heading", 1, "Paragraaf Financiering"),
        ("Heading", 2, "Renterisiconorm"),
        ("Paragraph", None, "De renterisiconorm beperkt de rente die in een jaar herzien mag worden."),
        ("Paragraph", None, "Zij is twintig procent van het begrotingstotaal en wordt elk jaar berekend."),
        ("Paragraph", None, "Dit is een zin in grote letters."),
    ]


def test_the_year_of_a_baseline_under_its_name_and_a_first_label_alone_on_its_line_leave_the_header_whole():
    pdf = _new_pdf(8)
    for top, label, cells in (
        (30, "", ("", "Streefwaarde", "Streefwaarde")),
        (33.5, "", ("Peilwaarde", "", "")),
        (37, "Effectindicator", ("", "Begroting", "Begroting")),
        (40.5, "", ("(2023)*", "", "")),  # the year the baseline is of: no figure
        (44, "", ("", "2026", "2027")),
        (50, "Aantal woningen", ("", "", "")),  # the first row's label on a line of its own
        (54, "(met nieuwbouw)", ("12.367", "12.602", "12.758")),
    ):
        if label:
            pdf.text(20, top, label)
        for edge, text in zip((110, 140, 170), cells, strict=True):
            if text:
                _right(pdf, edge, top, text)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert [c.text for c in table.rows[0]] == [
        "Effectindicator",
        "Peilwaarde (2023)*",
        "Streefwaarde Begroting 2026",
        "Streefwaarde Begroting 2027",
    ]


@pytest.mark.parametrize("parenthesis", ["(plus nieuwe woningen", "(Plus nieuwe woningen"])
def test_a_name_over_four_lines_with_notes_in_brackets_under_its_figures_is_one_row(parenthesis: str):
    pdf = _new_pdf(8)
    for top, cells in (
        (36, ("Effectindicator", "Peilwaarde", "Begroting 2026", "Begroting 2027")),
        (40, ("Aantal woningen", "", "", "")),
        (44, (parenthesis, "", "12.602", "12.758")),
        (47, ("", "12.367", "", "")),  # the baseline centred on the name's lines
        (50, ("o.b.v. de Woonvisie, gesaldeerd met", "", "(plus 235)", "(plus 156)")),
        (54, ("gesloopte woningen)", "", "", "")),
    ):
        label, *figures = cells
        if label:
            pdf.text(20, top, label)
        for edge, text in zip((110, 140, 170), figures, strict=True):
            if text:
                _right(pdf, edge, top, text)
    [table] = read_pdf(bytes(pdf.output())).tables()
    assert [[c.text for c in row] for row in table.rows[1:]] == [
        [
            f"Aantal woningen\n{parenthesis}\no.b.v. de Woonvisie, gesaldeerd met\ngesloopte woningen)",
            "12.367",
            "12.602\n(plus 235)",
            "12.758\n(plus 156)",
        ]
    ]
