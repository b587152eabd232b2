"""The Word reader: headings from styles and numbering, tables with spans, shading and coloured symbols as marks."""

from __future__ import annotations

import io

import pytest

from loaders.errors import UnreadableDocument
from loaders.readers.docx import read_docx
from model.document import Heading, Mark, Paragraph


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shade)


def _status_document() -> bytes:
    from docx import Document
    from docx.shared import RGBColor

    document = Document()
    document.core_properties.title = "Voortgangsrapportage 2024"
    document.add_heading("Programma 1 Bereikbaarheid", level=1)
    document.add_paragraph("1.2.3 Fietspaden verbreden")
    document.add_paragraph("Het college rapporteert over de voortgang.")
    table = document.add_table(rows=3, cols=3)
    table.rows[0].cells[0].merge(table.rows[0].cells[1]).text = "Activiteit en toelichting"
    table.rows[0].cells[2].text = "2e VGR"
    table.rows[1].cells[0].text = "1.2.3"
    table.rows[1].cells[1].text = "Fietspaden"
    _shade(table.rows[1].cells[2], "00B050")
    table.rows[2].cells[0].text = "1.2.4"
    table.rows[2].cells[1].text = "Laadpalen"
    run = table.rows[2].cells[2].paragraphs[0].add_run("●")
    run.font.color.rgb = RGBColor(0xFF, 0x00, 0x00)
    return _saved(document)


def test_heading_styles_and_numbered_paragraphs_become_headings():
    blocks = read_docx(_status_document()).blocks
    headings = [(b.text, b.level) for b in blocks if isinstance(b, Heading)]
    assert headings == [("Programma 1 Bereikbaarheid", 1), ("1.2.3 Fietspaden verbreden", 3)]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["Het college rapporteert over de voortgang."]


def test_a_merged_header_cell_spans_the_columns_it_covers():
    [table] = read_docx(_status_document()).tables()
    assert [(c.text, c.span) for c in table.rows[0]] == [("Activiteit en toelichting", 2), ("2e VGR", 1)]
    assert table.width == 3


def test_cell_shading_and_a_coloured_symbol_become_colour_marks():
    [table] = read_docx(_status_document()).tables()
    shaded, symbol = table.rows[1][2], table.rows[2][2]
    assert shaded.text == "" and shaded.marks == (Mark("colour", "groen"),)
    assert symbol.text == "●" and Mark("colour", "rood") in symbol.marks and Mark("glyph", "●") in symbol.marks


def test_the_document_title_comes_from_its_properties():
    assert read_docx(_status_document()).meta.title == "Voortgangsrapportage 2024"


def test_a_broken_word_file_is_refused_with_the_reason():
    with pytest.raises(UnreadableDocument, match="not a readable Word document"):
        read_docx(b"PK\x03\x04 not really a zip")
