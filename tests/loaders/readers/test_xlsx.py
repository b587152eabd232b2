"""The Excel reader: each sheet a heading and its tables, numbers written the Dutch way, fills as colour marks."""

from __future__ import annotations

import io

import pytest

from loaders.errors import UnreadableDocument
from loaders.readers.xlsx import read_xlsx
from model.document import Heading, Mark, Paragraph


def _workbook(build) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _two_tables(book) -> None:
    sheet = book.active
    sheet.title = "Financiën"
    sheet.append(["Bedragen x € 1.000"])
    sheet.append(["Programma", "Begroting 2024", "Rekening 2024"])
    sheet.append(["Jeugd", 1200, 1350.5])
    sheet.append(["Wmo", 800, 760])
    sheet.append([])
    sheet.append(["Indicator", "2023", "2024"])
    sheet.append(["Banen per 1.000 inwoners", 612, 620])


def test_a_sheet_with_an_empty_row_between_two_tables_gives_two_tables():
    document = read_xlsx(_workbook(_two_tables))
    assert [(b.text, b.level) for b in document.blocks if isinstance(b, Heading)] == [("Financiën", 1)]
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == ["Bedragen x € 1.000"]
    budget, indicators = document.tables()
    assert [[c.text for c in row] for row in budget.rows] == [
        ["Programma", "Begroting 2024", "Rekening 2024"],
        ["Jeugd", "1.200", "1.350,50"],
        ["Wmo", "800", "760"],
    ]
    assert [c.text for c in indicators.rows[0]] == ["Indicator", "2023", "2024"]
    assert budget.name == indicators.name == "Financiën"


def test_a_header_row_right_after_data_starts_a_new_table():
    def build(book) -> None:
        sheet = book.active
        for row in (["Programma", "2023", "2024"], ["Jeugd", 1, 2], ["Activiteit", "1e VGR", "2e VGR"],
                    ["1.1 Fietspaden", "Groen", "Rood"]):
            sheet.append(row)

    assert len(read_xlsx(_workbook(build)).tables()) == 2


def test_a_filled_cell_and_a_coloured_symbol_become_colour_marks():
    from openpyxl.styles import Font, PatternFill

    def build(book) -> None:
        sheet = book.active
        sheet.append(["Activiteit", "1e VGR", "2e VGR"])
        sheet.append(["1.1 Fietspaden", None, "●"])
        sheet["B2"].fill = PatternFill("solid", fgColor="FFC000")
        sheet["C2"].font = Font(color="FF0000")

    [table] = read_xlsx(_workbook(build)).tables()
    filled, symbol = table.rows[1][1], table.rows[1][2]
    assert filled.text == "" and filled.marks == (Mark("colour", "oranje"),)
    assert Mark("glyph", "●") in symbol.marks and Mark("colour", "rood") in symbol.marks


def test_every_sheet_comes_in_order_under_its_own_heading():
    def build(book) -> None:
        book.active.title = "1e VGR"
        book.active.append(["Activiteit", "Status"])
        book.active.append(["1.1 Fietspaden", "Groen"])
        second = book.create_sheet("2e VGR")
        second.append(["Activiteit", "Status"])
        second.append(["1.1 Fietspaden", "Rood"])

    document = read_xlsx(_workbook(build))
    assert [b.text for b in document.blocks if isinstance(b, Heading)] == ["1e VGR", "2e VGR"]
    assert [t.name for t in document.tables()] == ["1e VGR", "2e VGR"]


def test_a_broken_workbook_is_refused_with_the_reason():
    with pytest.raises(UnreadableDocument, match="not a readable Excel workbook"):
        read_xlsx(b"PK\x03\x04 not really a zip")


def _merged_header(book) -> None:
    sheet = book.active
    sheet["A1"] = "Omschrijving"
    sheet.merge_cells("A1:A2")
    sheet["B1"] = "Begroting 2023"
    sheet.merge_cells("B1:C1")
    sheet["D1"] = "Rekening 2023"
    sheet.merge_cells("D1:D2")
    sheet["B2"], sheet["C2"] = "primitief", "na wijziging"
    for column, value in zip("ABCD", ("Jeugdhulp", 42100, 44800, 46950), strict=True):
        sheet[f"{column}3"] = value


def test_a_cell_merged_across_columns_names_every_column_it_covers():
    [table] = read_xlsx(_workbook(_merged_header)).tables()
    assert [(c.text, c.span) for c in table.rows[0]] == [("Omschrijving", 1), ("Begroting 2023", 2), ("Rekening 2023", 1)]
    assert [c.text for c in table.rows[1]] == ["", "primitief", "na wijziging"]


def _sheets_per_period(book) -> None:
    first = book.active
    first.title = "1e VGR 2024"
    second = book.create_sheet("2e VGR 2024")
    for sheet in (first, second):
        sheet["A1"] = "Voortgangsrapportage 2024 gemeente Hengelo"
        sheet.append([])
        sheet.append(["Nr", "Activiteit", "Status"])
        sheet.append(["3.1", "Fietspaden", "Op schema"])


def test_a_title_cell_names_the_workbook_rather_than_the_first_sheets_name():
    from loaders.extract import extract_bytes

    extraction = extract_bytes(_workbook(_sheets_per_period), "voortgang.xlsx")
    assert extraction.document.title == "Voortgangsrapportage 2024 gemeente Hengelo"
    assert [(s.activity_code, s.period) for s in extraction.statuses] == [("3.1", "1e VGR 2024"), ("3.1", "2e VGR 2024")]


def _percentages(book) -> None:
    sheet = book.active
    sheet.append(["Indicator", "2022", "2023"])
    sheet.append(["Werkloosheid", 0.045, 0.0375])
    for cell, shown in ((sheet["B2"], "0.0%"), (sheet["C2"], "0.00%")):
        cell.number_format = shown


def test_a_fraction_formatted_as_a_percentage_reads_as_excel_shows_it():
    [table] = read_xlsx(_workbook(_percentages)).tables()
    assert [cell.text for cell in table.rows[1]] == ["Werkloosheid", "4,5%", "3,75%"]
