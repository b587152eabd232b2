"""Statuses in any arrangement, read through the document's own legend first."""

from __future__ import annotations

import io

from loaders.extract import extract_bytes
from loaders.recognizers.grid import read_grid
from loaders.recognizers.status_grid import is_status_table
from model.document import Cell, Mark, Table

TITLE = "<head><title>Voortgangsrapportage 2024 - Gemeente Ede</title></head>"


def _html(body: str) -> bytes:
    return f"<html>{TITLE}<body><h1>2e Voortgangsrapportage 2024</h1>{body}</body></html>".encode()


def _statuses(extraction) -> list[tuple[str, str, str]]:
    return [(s.activity_code, s.period, s.status) for s in extraction.statuses]


def _table(header: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{name}</th>" for name in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><tr>{cells}</tr>{body}</table>"


def test_an_icons_alt_text_is_read_through_the_legends_meaning():
    legend = "<p>Legenda</p><ul><li>groen = op schema</li><li>oranje = niet volledig op schema</li>" \
             "<li>rood = niet op schema</li></ul>"
    table = _table(["Nr", "Activiteit", "1e VGR 2024", "2e VGR 2024"], [
        ["1.1", "Fietspaden", "<img alt='Op schema'>", "<img alt='Niet volledig op schema'>"],
        ["1.2", "Laadpalen", "<img alt='Niet op schema'>", "<img alt='Op schema'>"],
    ])
    extraction = extract_bytes(_html(legend + table), "voortgang.html")
    assert _statuses(extraction) == [
        ("1.1", "1e VGR 2024", "on_track"), ("1.1", "2e VGR 2024", "partly"),
        ("1.2", "1e VGR 2024", "council_action"), ("1.2", "2e VGR 2024", "on_track"),
    ]


def test_a_transposed_table_has_activities_as_columns_and_periods_as_rows():
    table = _table(["Periode", "1.1", "1.2"], [["1e VGR 2024", "groen", "oranje"], ["2e VGR 2024", "rood", "groen"]])
    extraction = extract_bytes(_html(table), "voortgang.html")
    assert sorted(_statuses(extraction)) == [
        ("1.1", "1e VGR 2024", "on_track"), ("1.1", "2e VGR 2024", "council_action"),
        ("1.2", "1e VGR 2024", "partly"), ("1.2", "2e VGR 2024", "on_track"),
    ]


def test_one_block_per_activity_with_a_status_icon_takes_the_documents_period():
    body = "<h3>1.1 Fietspaden verbreden</h3><p>We verbreden.</p><p>Status: <img alt='groen'></p>" \
           "<h3>1.2 Laadpalen plaatsen</h3><p>We plaatsen.</p><p>Status: <img alt='rood'></p>"
    extraction = extract_bytes(_html(body), "voortgang.html")
    assert [(a.code, a.name) for a in extraction.activities] == [("1.1", "Fietspaden verbreden"),
                                                                ("1.2", "Laadpalen plaatsen")]
    assert _statuses(extraction) == [("1.1", "2e VGR 2024", "on_track"), ("1.2", "2e VGR 2024", "council_action")]
    assert [s.status_raw for s in extraction.statuses] == ["groen", "rood"]


def test_a_status_line_is_not_taken_for_a_legend():
    body = "<h3>1.1 Fietspaden</h3><p>Status: <img alt='groen'></p><h3>1.2 Laadpalen</h3><p>Status: <img alt='rood'></p>"
    extraction = extract_bytes(_html(body), "voortgang.html")
    assert extraction.document.legend == {}
    assert "status-legend-used" not in [w.code for w in extraction.warnings]


def test_symbols_are_read_through_a_legend_of_assignments_in_one_sentence():
    legend = "<p>Legenda: + = op schema, = = aandacht, - = niet op schema</p>"
    table = _table(["Nr", "Activiteit", "1e VGR 2024", "2e VGR 2024"], [["1.1", "Fietspaden", "+", "="],
                                                                        ["1.2", "Laadpalen", "-", "+"]])
    extraction = extract_bytes(_html(legend + table), "voortgang.html")
    assert [s.status for s in extraction.statuses] == ["on_track", "partly", "council_action", "on_track"]


def test_a_figure_can_be_a_legend_key():
    legend = "<ul><li>groen = op schema</li><li>100% = afgerond</li></ul>"
    table = _table(["Nr", "Activiteit", "1e VGR 2024", "2e VGR 2024"], [["1.1", "Fietspaden", "groen", "100%"],
                                                                        ["1.2", "Laadpalen", "groen", "groen"]])
    extraction = extract_bytes(_html(legend + table), "voortgang.html")
    assert ("1.1", "2e VGR 2024", "done") in _statuses(extraction)


def test_a_workbook_with_a_sheet_per_period_gives_the_history_of_each_activity():
    from openpyxl import Workbook

    book = Workbook()
    for index, (title, first, second) in enumerate([("1e VGR 2024", "Groen", "Oranje"),
                                                     ("2e VGR 2024", "Rood", "Groen")]):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        for row in (["Nr", "Activiteit", "Status"], ["1.1", "Fietspaden", first], ["1.2", "Laadpalen", second]):
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    extraction = extract_bytes(buffer.getvalue(), "ede-voortgang-2024.xlsx")
    assert sorted(_statuses(extraction)) == [
        ("1.1", "1e VGR 2024", "on_track"), ("1.1", "2e VGR 2024", "council_action"),
        ("1.2", "1e VGR 2024", "partly"), ("1.2", "2e VGR 2024", "on_track"),
    ]
    assert extraction.document.municipality == "Ede"


def test_bold_dashes_in_a_table_of_figures_are_no_statuses():
    bold = (Mark("bold", "vet"),)
    header = tuple(Cell(text, 1, header=True) for text in ("Project", "Krediet", "2025", "2027"))
    rows = [
        header,
        (Cell("Tractie", 2), Cell("54.500", 2), Cell("-", 2), Cell("-", 2)),
        (Cell("Totaal", 3, bold), Cell("54.500", 3, bold), Cell("-", 3, bold), Cell("-", 3, bold)),
    ]
    assert not is_status_table(read_grid(Table(rows=rows, line=1, header_rows=1), 2024), 2024, None)


def test_status_dots_named_by_a_colour_class_are_read_through_a_legend_of_the_same_dots():
    legend = (
        "<p>Legenda:</p><ul><li><span class='stip stip-groen'></span> Loopt volgens planning</li>"
        "<li><span class='stip stip-oranje'></span> Aandacht nodig</li>"
        "<li><span class='stip stip-rood'></span> Bijsturing nodig</li></ul>"
    )
    table = _table(["Nr.", "Activiteit", "1e Berap 2024", "2e Berap 2024"], [
        ["2.1", "Nieuwe Wmo-verordening", "<span class='stip stip-groen'></span>", "<span class='stip stip-oranje'></span>"],
        ["2.3", "Schuldhulpverlening", "<span class='stip stip-oranje'></span>", "<span class='stip stip-rood'></span>"],
    ])
    extraction = extract_bytes(_html(legend + table), "voortgang.html")
    assert _statuses(extraction) == [
        ("2.1", "1e Berap 2024", "on_track"), ("2.1", "2e Berap 2024", "partly"),
        ("2.3", "1e Berap 2024", "partly"), ("2.3", "2e Berap 2024", "council_action"),
    ]


def test_coloured_emoji_and_check_marks_are_statuses():
    table = _table(["Nr", "Activiteit", "1e VGR 2024", "2e VGR 2024"], [
        ["1.1", "Fietspaden", "🟢", "🟠"],
        ["1.2", "Laadpalen", "✅", "🔴"],
    ])
    extraction = extract_bytes(_html(table), "voortgang.html")
    assert _statuses(extraction) == [
        ("1.1", "1e VGR 2024", "on_track"), ("1.1", "2e VGR 2024", "partly"),
        ("1.2", "1e VGR 2024", "done"), ("1.2", "2e VGR 2024", "council_action"),
    ]


def test_a_name_the_cell_wrapped_is_one_name_and_a_sentence_below_it_the_description():
    table = _table(["Activiteit", "Status 2e VGR 2024"], [
        ["6.1.3 Toeleiding jongeren zonder<br>startkwalificatie", "groen"],
        ["6.2.3 Bekendheid onafhankelijke cliënt-<br>ondersteuning", "oranje"],
        ["6.2.4 Mantelzorg<br>We breiden de respijtzorg uit in alle kernen.", "rood"],
    ])
    extraction = extract_bytes(_html(table), "voortgang.html")
    assert [(a.code, a.name, a.description) for a in extraction.activities] == [
        ("6.1.3", "Toeleiding jongeren zonder startkwalificatie", None),
        ("6.2.3", "Bekendheid onafhankelijke cliënt-ondersteuning", None),
        ("6.2.4", "Mantelzorg", "We breiden de respijtzorg uit in alle kernen."),
    ]


def test_codes_under_a_column_named_for_what_groups_activities_are_the_activities_codes():
    table = _table(
        ["Doel", "Actie", "1e Voortgangsrapportage", "2e Voortgangsrapportage"],
        [["2.1", "Woningbouw versnellen", "groen", "oranje"], ["2.2", "Starterslening", "groen", "groen"]],
    )
    statuses = _statuses(extract_bytes(_html(table), "ede.html"))
    assert statuses == [
        ("2.1", "1e Voortgangsrapportage", "on_track"),
        ("2.1", "2e Voortgangsrapportage", "partly"),
        ("2.2", "1e Voortgangsrapportage", "on_track"),
        ("2.2", "2e Voortgangsrapportage", "on_track"),
    ]
