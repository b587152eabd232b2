"""Indicator tables as budgets print them: a programme column, targets per year, a source line above the table,
and a table that runs on over a page break."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_bytes

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts missing (apt-get install fonts-dejavu-core)")

HEADER = ("Progr.", "Nr.", "Naam indicator", "Eenheid", "Bron", "Ede (jaartal)", "NL (jaartal)")
# (x, width, right-aligned) of each column in millimetres
COLUMNS = ((10, 12, False), (22, 12, False), (36, 60, False), (98, 45, False), (145, 22, False), (167, 18, True),
           (187, 18, True))


def _pages(pages: list[list[tuple[str, ...]]]) -> bytes:
    """A PDF with one block of table lines per page: the first line of the first page is the header."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=7)
    pdf.set_auto_page_break(False)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if number == 1:
            pdf.cell(0, 6, "Tabel 6.1 - Beleidsindicatoren per programma", new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            top = pdf.get_y()
            for (x, width, right), text in zip(COLUMNS, line, strict=False):
                if text:
                    pdf.set_xy(x, top)
                    pdf.cell(width, 5, text, align="R" if right else "L")
            pdf.set_xy(10, top + 5)
        pdf.set_xy(100, 280)
        pdf.cell(10, 5, str(number))
    return bytes(pdf.output())


def _indicators(pages: list[list[tuple[str, ...]]]):
    return extract_bytes(_pages(pages), "begroting-2024-ede.pdf").indicators


@needs_font
def test_a_programme_column_names_each_indicators_group_and_is_no_part_of_its_name():
    indicators = _indicators(
        [[HEADER, ("1", "6.", "Verwijzingen Halt", "per 1.000 jongeren", "Halt", "10 (2022)", "8 (2022)"),
          ("2", "17.", "Absoluut verzuim", "per 1.000 leerlingen", "DUO", "1,3 (2022)", "2,7 (2022)")]]
    )
    assert [(i.group, i.name, i.unit, i.source) for i in indicators] == [
        ("Programma 1", "Verwijzingen Halt", "per 1.000 jongeren", "Halt"),
        ("Programma 2", "Absoluut verzuim", "per 1.000 leerlingen", "DUO"),
    ]


@needs_font
def test_a_table_continued_on_the_next_page_keeps_its_columns_and_the_row_carried_over_is_completed():
    indicators = _indicators(
        [
            [HEADER, ("2", "27.", "Personen met bijstand", "per 10.000 inwoners", "CBS", "252,7 (2021)", "400,3 (2021)"),
             ("2", "28.", "Lopende re-", "Aantal per 1.000", "CBS", "7,7 (2022)", "12,3 (2022)")],
            [("", "", "integratievoorzieningen", "inwoners"),
             ("3", "1.", "Formatie", "Fte per 1.000 inwoners", "Eigen gegevens", "7,3 (2022)", ""),
             ("3", "2.", "Bezetting", "Fte per 1.000 inwoners", "Eigen gegevens", "6,1 (2022)", "5,9 (2022)")],
        ]
    )
    assert [(i.group, i.name, i.unit, i.source) for i in indicators] == [
        ("Programma 2", "Personen met bijstand", "per 10.000 inwoners", "CBS"),
        ("Programma 2", "Lopende re-integratievoorzieningen", "Aantal per 1.000 inwoners", "CBS"),
        ("Programma 3", "Formatie", "Fte per 1.000 inwoners", "Eigen gegevens"),
        ("Programma 3", "Bezetting", "Fte per 1.000 inwoners", "Eigen gegevens"),
    ]
    assert [(v.period, v.value) for v in indicators[2].values] == [("Ede 2022", 7.3)]


def test_a_headerless_table_after_a_paragraph_of_text_is_no_continuation():
    text = (
        "Begroting 2024 gemeente Ede\nIndicator | Eenheid | 2022 | 2023\nBanen | per 1.000 inwoners | 612 | 640\n"
        "Over de kosten van het beheer van de begraafplaatsen schrijven wij hieronder meer dan een regel tekst.\n"
        "Kosten taakveld | euro | 122.000 | 130.000\nOverhead | euro | 59.000 | 61.000\n"
    )
    extraction = extract_bytes(text.encode(), "ede.txt")
    assert [i.name for i in extraction.indicators] == ["Banen"]


def _text_indicators(text: str):
    return extract_bytes(f"Begroting 2026 gemeente Ede\n{text}".encode(), "ede.txt").indicators


def test_targets_for_several_years_are_a_series_and_the_first_is_the_target():
    [debts] = _text_indicators(
        "Effectindicator | Peilwaarde | Streefwaarde 2026 | Streefwaarde 2027\nSchuldenproblematiek | 7,4 (2024) | 6,3 | 5,8\n"
    )
    assert debts.target == 6.3
    assert [(v.period, v.value) for v in debts.values] == [
        ("Peilwaarde 2024", 7.4),
        ("Streefwaarde 2026", 6.3),
        ("Streefwaarde 2027", 5.8),
    ]


def test_a_source_line_above_the_table_is_no_title_for_its_indicators():
    [debts] = _text_indicators(
        "Tabel 2.1 - Effectindicatoren sociaal domein\nBron peilwaarde: CBS\n"
        "Effectindicator | Peilwaarde | Streefwaarde\nSchuldenproblematiek | 7,4 | 6,3\n"
    )
    assert (debts.group, debts.target) == ("Tabel 2.1 - Effectindicatoren sociaal domein", 6.3)


def test_a_list_item_above_the_table_is_no_title_for_its_indicators():
    [waste] = _text_indicators(
        "Beleidsindicatoren afval\nDe volgende indicatoren zijn vervallen:\n- Ziekenhuisopname na verkeersongeval\n"
        "Indicator | Eenheid | 2019 | 2020\nOmvang restafval | kilo per inwoner | 159 | 165\n"
    )
    assert waste.group == "Beleidsindicatoren afval"


def test_a_column_of_years_gives_each_rows_values_their_year():
    banen, jeugd = _text_indicators(
        "Naam indicator | Eenheid | Periode | Zutphen | Nederland | Bron\n"
        "Banen | per 1.000 inwoners | 2022 | 712,3 | 825,3 | LISA\nJongeren met jeugdhulp | % | 2021 | 11,4 | 9,8 | CBS\n"
    )
    assert [(v.period, v.value) for v in banen.values] == [("Zutphen 2022", 712.3), ("Nederland 2022", 825.3)]
    assert [(v.period, v.value) for v in jeugd.values] == [("Zutphen 2021", 11.4), ("Nederland 2021", 9.8)]


def test_a_table_with_a_row_per_year_and_a_column_per_indicator_gives_each_indicator_its_years():
    html = (
        "<html><head><title>Jaarverslag 2023 gemeente Hardenberg</title></head><body><h3>Effectindicatoren</h3>"
        "<table><tr><th>Jaar</th><th>Voortijdig schoolverlaters (%)</th><th>Niet-sporters (%)</th></tr>"
        "<tr><td>2021</td><td>1,8</td><td>46,0</td></tr><tr><td>2022</td><td>1,6</td><td>45,1</td></tr>"
        "<tr><td>2023</td><td>1,5</td><td>n.n.b.</td></tr></table></body></html>"
    )
    extraction = extract_bytes(html.encode(), "hardenberg.html")
    assert [(i.name, i.unit, [(v.period, v.value) for v in i.values]) for i in extraction.indicators] == [
        ("Voortijdig schoolverlaters (%)", "%", [("2021", 1.8), ("2022", 1.6), ("2023", 1.5)]),
        ("Niet-sporters (%)", "%", [("2021", 46), ("2022", 45.1), ("2023", None)]),
    ]


def test_a_first_row_of_names_over_rows_of_figures_is_the_header_of_a_table_in_text():
    text = (
        "Jaarverslag 2023 gemeente Hardenberg\nEffectindicatoren\nJaar | Voortijdig schoolverlaters (%) | Niet-sporters (%)\n"
        "2021 | 1,8 | 46,0\n2022 | 1,6 | 45,1\n"
    )
    extraction = extract_bytes(text.encode(), "hardenberg.txt")
    assert [(i.name, [v.period for v in i.values]) for i in extraction.indicators] == [
        ("Voortijdig schoolverlaters (%)", ["2021", "2022"]),
        ("Niet-sporters (%)", ["2021", "2022"]),
    ]


def test_a_column_named_after_the_municipality_and_a_year_column_one_cell_per_line():
    text = (
        "Programmabegroting 2025 gemeente Westerkwartier\nBeleidsindicatoren\nIndicator\nEenheid\nBron\n"
        "Westerkwartier\nNederland\nJaar\nAbsoluut verzuim\nAantal per 1.000 leerlingen\nDUO\n1,2\n2,1\n2023\n"
        "Vroegtijdig schoolverlaters\n%\nDUO\n1,4\n2,0\n2022\n"
    )
    found = [
        (i.name, i.unit, i.source, [(v.period, v.value) for v in i.values]) for i in _text_indicators(text)
    ]
    assert found == [
        ("Absoluut verzuim", "Aantal per 1.000 leerlingen", "DUO", [("Westerkwartier 2023", 1.2), ("Nederland 2023", 2.1)]),
        ("Vroegtijdig schoolverlaters", "%", "DUO", [("Westerkwartier 2022", 1.4), ("Nederland 2022", 2.0)]),
    ]


def test_figures_printed_with_their_unit_are_values_and_give_the_indicator_its_unit():
    extraction = extract_bytes(
        b"Begroting 2024 gemeente Ede\nEffectindicatoren\n"
        b"Indicator | Peilwaarde | Streefwaarde 2024 | Streefwaarde 2025\n"
        b"Restafval per inwoner | 214,4 kg (2022) | 200 kg | 190 kg\n"
        b"Wachttijd Wmo | 8,1 weken (2022) | 6 weken | 5 weken\n",
        "ede.txt",
    )
    assert [(i.name, i.unit, [(v.period, v.value) for v in i.values]) for i in extraction.indicators] == [
        ("Restafval per inwoner", "kg", [("Peilwaarde 2022", 214.4), ("Streefwaarde 2024", 200), ("Streefwaarde 2025", 190)]),
        ("Wachttijd Wmo", "weken", [("Peilwaarde 2022", 8.1), ("Streefwaarde 2024", 6), ("Streefwaarde 2025", 5)]),
    ]


def test_a_note_in_brackets_below_a_figure_in_its_cell_leaves_the_figure_its_value():
    from loaders.readers.shapes import Shape, shape
    from loaders.recognizers.indicator_tables import indicator_value

    assert shape("12.602\n(plus 235)") == Shape.NUMBER  # a figure, so the table is one of figures
    assert indicator_value("12.602\n(plus 235)") == (12602, False)


@pytest.mark.parametrize(
    ("cell", "value"), [("6 personen", 6), ("1,1 mln", 1_100_000), ("2 miljoen", 2_000_000), ("35 duizend", 35_000)]
)
def test_a_word_after_a_figure_is_its_unit_unless_it_scales_the_figure(cell, value):
    from loaders.recognizers.indicator_tables import indicator_value

    assert indicator_value(cell) == (value, False)


def test_an_aligned_table_whose_last_column_is_the_source_is_read_with_its_source():
    text = (
        "Programmabegroting 2025 gemeente Oss\nBeleidsindicatoren\n"
        "Indicator                  Eenheid      Oss 2023    Nederland 2023   Bron\n"
        "Jongeren met jeugdhulp     %            11,2        12,7             CBS\n"
        "Banen                      per 1.000    812,3       804,2            LISA\n"
    )
    indicators = extract_bytes(text.encode(), "oss.txt").indicators
    assert [(i.name, i.unit, [v.value for v in i.values], i.source) for i in indicators] == [
        ("Jongeren met jeugdhulp", "%", [11.2, 12.7], "CBS"),
        ("Banen", "per 1.000", [812.3, 804.2], "LISA"),
    ]


def test_a_words_column_right_of_the_figures_is_no_part_of_the_indicators_name():
    text = (
        "Jaarverslag 2023 gemeente Oss\nEffectindicatoren\n"
        "Indicator | Nulmeting | Realisatie 2023 | Streefwaarde 2023 | Behaald?\n"
        "Percentage inwoners dat sport | 48% | 51% | 50% | Ja\nAantal meldingen overlast | 320 | 355 | 300 | Nee\n"
    )
    indicators = extract_bytes(text.encode(), "oss.txt").indicators
    assert [(i.name, i.target) for i in indicators] == [("Percentage inwoners dat sport", 50), ("Aantal meldingen overlast", 300)]
