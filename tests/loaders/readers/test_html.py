"""The HTML reader: tables and CSS grids as cells, what a status looks like as marks, the page's metadata."""

from __future__ import annotations

from loaders.readers.html import read_html
from model.document import Heading, Mark, Paragraph


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _rows(markup: str) -> list[list[str]]:
    [table] = read_html(markup).tables()
    return [[cell.text for cell in row] for row in table.rows]


def test_navigation_and_scripts_are_dropped_and_blocks_keep_their_order():
    document = read_html(_page("<nav>Menu</nav><script>x()</script><h2>Programma 1</h2><p>Tekst.</p>"))
    assert [(type(b).__name__, b.text) for b in document.blocks] == [("Heading", "Programma 1"), ("Paragraph", "Tekst.")]
    assert isinstance(document.blocks[0], Heading) and document.blocks[0].level == 2


def test_a_table_keeps_header_rows_empty_cells_and_spans():
    markup = _page(
        "<table><thead><tr><th>Programma</th><th colspan='2'>Begroting</th></tr>"
        "<tr><th></th><th>2023</th><th>2024</th></tr></thead>"
        "<tbody><tr><td>Jeugd</td><td></td><td>1.350</td></tr></tbody></table>"
    )
    [table] = read_html(markup).tables()
    assert table.header_rows == 2 and table.width == 3
    assert [c.span for c in table.rows[0]] == [1, 2]
    assert [c.text for c in table.rows[2]] == ["Jeugd", "", "1.350"]


def test_a_css_grid_of_divs_becomes_a_table():
    row = "<div class='row'><div class='cell'>{}</div><div class='cell'>{}</div></div>"
    markup = _page(
        "<div class='grid'><div class='row header'><div class='cell'>Activiteit</div><div class='cell'>Status</div>"
        "</div>" + row.format("1.1 Fietspaden", "Groen") + row.format("1.2 Laadpalen", "Rood") + "</div>"
    )
    [table] = read_html(markup).tables()
    assert table.layout == "grid" and table.header_rows == 1
    assert [[c.text for c in r] for r in table.rows][1:] == [["1.1 Fietspaden", "Groen"], ["1.2 Laadpalen", "Rood"]]


def test_icons_show_their_alt_title_or_aria_label_as_text():
    markup = _page(
        "<table><tr><td>1.1</td><td><img src='x.png' alt='Volgens plan'></td>"
        "<td><span title='Vertraagd'>●</span></td><td><i aria-label='Oranje'></i></td></tr></table>"
    )
    assert _rows(markup) == [["1.1", "Volgens plan", "Vertraagd", "Oranje"]]


def test_colour_classes_inline_colours_and_svg_fills_become_colour_marks():
    markup = _page(
        "<table><tr><td>1.1</td><td><span class='status-indicator--green'></span></td>"
        "<td style='background-color:#FF0000'></td>"
        "<td><svg width='10' height='10'><circle r='5' fill='#FFA500'/></svg></td></tr></table>"
    )
    [table] = read_html(markup).tables()
    _first, class_cell, shaded, svg = table.rows[0]
    assert Mark("class", "green") in class_cell.marks
    assert Mark("colour", "rood") in shaded.marks and shaded.text == "" and not shaded.empty
    assert Mark("colour", "oranje") in svg.marks


def test_a_data_attribute_that_holds_a_status_or_its_colour_becomes_a_mark_and_others_do_not():
    markup = _page(
        "<table><tr><td>1.1</td><td><span data-status='on-track'></span></td><td><i data-kleur='rood'></i></td>"
        "<td><span data-id='groen'></span></td></tr></table>"
    )
    [table] = read_html(markup).tables()
    _first, status, colour, other = table.rows[0]
    assert Mark("class", "on track") in status.marks
    assert Mark("class", "rood") in colour.marks
    assert other.marks == ()


def test_a_legend_paragraph_keeps_its_coloured_swatch():
    document = read_html(_page("<p><span style='color:green'>●</span> Op schema</p>"))
    [paragraph] = [b for b in document.blocks if isinstance(b, Paragraph)]
    assert paragraph.text == "● Op schema"
    assert Mark("colour", "groen") in paragraph.marks


def test_the_page_title_site_name_and_canonical_address_become_metadata():
    head = (
        "<title>Jaarverslag 2022 - Gemeente Zevenaar</title><meta property='og:site_name' content='Zevenaar'>"
        "<link rel='canonical' href='https://zevenaar.jaarverslag-2022.nl/programma-1'>"
    )
    meta = read_html(_page("<p>Tekst</p>", head)).meta
    assert meta.title == "Jaarverslag 2022 - Gemeente Zevenaar" and meta.site_name == "Zevenaar"
    assert meta.url == "https://zevenaar.jaarverslag-2022.nl/programma-1"


def test_cells_and_blocks_are_numbered_lines_of_the_document_text():
    document = read_html(_page("<h1>VGR</h1><table><tr><td>6.1.1</td><td>Volgens plan</td></tr></table><p>Tekst</p>"))
    assert document.text.splitlines() == ["VGR", "6.1.1 | Volgens plan", "Tekst"]
    [table] = document.tables()
    assert {cell.line for cell in table.rows[0]} == {2}


def test_a_cell_that_shows_only_a_class_or_colour_is_rendered_by_that_word():
    markup = _page(
        "<table><tr><td>1.1.1 Fietspaden</td><td><span class='icon status-groen'></span></td>"
        "<td style='background-color:#FF0000'></td></tr></table>"
    )
    assert read_html(markup).text.splitlines() == ["1.1.1 Fietspaden | groen | rood"]


def test_a_header_cell_that_spans_two_rows_keeps_the_second_rows_names_over_their_own_columns():
    document = read_html(
        "<table><thead><tr><th rowspan='2'>Omschrijving</th><th colspan='2'>Begroting 2023</th>"
        "<th rowspan='2'>Rekening 2023</th></tr><tr><th>primitief</th><th>na wijziging</th></tr></thead>"
        "<tr><td>Jeugdhulp</td><td>42.100</td><td>44.800</td><td>46.950</td></tr></table>"
    )
    [table] = document.tables()
    assert table.header_rows == 2
    assert [[c.text for c in row] for row in table.rows] == [
        ["Omschrijving", "Begroting 2023", "Rekening 2023"],
        ["", "primitief", "na wijziging", ""],
        ["Jeugdhulp", "42.100", "44.800", "46.950"],
    ]
