"""The text reader: tables from one cell per line, space-separated amounts and pipes, with empty cells kept."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.readers.text import read_text
from model.document import Paragraph, Table

LABELS = ("Jeugd", "Wmo", "Sport", "Cultuur", "Onderwijs", "Afval", "Riolering", "Wegen", "Parkeren", "Bestuur")
TAILS = ("", " en welzijn", " en beheer", " algemeen")
PROSE = ("Het college", "heeft in dit jaar", "de uitvoering", "van het beleid", "verder verbeterd", "met de raad")


def _texts(document) -> list[list[str]]:
    [table] = document.tables()
    return [[cell.text for cell in row] for row in table.rows]


labels = st.builds(lambda head, tail: head + tail, st.sampled_from(LABELS), st.sampled_from(TAILS))
amounts = st.one_of(
    st.integers(0, 999_999).map(lambda n: f"{n:,}".replace(",", ".")),
    st.integers(1, 9_999).map(lambda n: f"{n / 10:.1f}".replace(".", ",")),
    st.just("-"),
)
sentences = st.lists(st.sampled_from(PROSE), min_size=2, max_size=6).map(lambda words: " ".join(words) + ".")


@st.composite
def stacked_tables(draw) -> tuple[list[str], list[list[str]]]:
    """A header of a label name and N years, then rows of a label and N values, one cell per line."""
    width = draw(st.integers(2, 5))
    first = draw(st.integers(2015, 2024))
    header = ["Indicator", *[str(first + i) for i in range(width)]]
    rows = draw(st.lists(st.tuples(labels, st.lists(amounts, min_size=width, max_size=width)), min_size=2, max_size=8))
    body = [[label, *values] for label, values in rows]
    return header, body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stacked_tables(), sentences, sentences)
def test_one_cell_per_line_becomes_the_table_it_was(table, before, after):
    header, body = table
    lines = [before, *header, *[cell for row in body for cell in row], after]
    document = read_text("\n".join(lines))
    assert _texts(document) == [header, *body]
    assert document.tables()[0].header_rows == 1


UNITS = ("%", "aantal", "dagen", "per 1.000 inw.", "euro")
COLUMN_LIKE_NAMES = ("Aantal inwoners", "Aantal banen", "Aantal meldingen")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stacked_tables(), st.sampled_from(COLUMN_LIKE_NAMES), st.lists(st.sampled_from(UNITS), min_size=8, max_size=8))
def test_a_first_row_whose_name_looks_like_a_column_name_keeps_it_beside_its_unit(table, name, units):
    header, body = table
    header = [header[0], "Eenheid", *header[1:]]
    body = [[name if i == 0 else row[0], unit, *row[1:]] for i, (row, unit) in enumerate(zip(body, units, strict=False))]
    lines = ["Beleidsindicatoren", *header, *[cell for row in body for cell in row], "Het college heeft dit gedaan."]
    assert _texts(read_text("\n".join(lines))) == [header, *body]


SOURCES = ("CBS", "DUO", "Eigen gegevens", "RWS", "Basisregistratie adressen en gebouwen")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stacked_tables(), st.lists(st.sampled_from(SOURCES), min_size=8, max_size=8), sentences)
def test_one_cell_per_line_with_a_source_column_last_keeps_each_rows_source(table, sources, after):
    header, body = table
    header = [*header, "Bron"]
    body = [[*row, source] for row, source in zip(body, sources, strict=False)]
    lines = [*header, *[cell for row in body for cell in row], after]
    assert _texts(read_text("\n".join(lines))) == [header, *body]


def test_a_value_with_its_own_year_and_a_value_in_words_are_cells_of_their_row():
    lines = [
        "Indicator", "Eenheid", "Realisatie", "2017", "Realisatie", "2018", "Begroting", "2019", "Begroting", "2020",
        "Nederland", "Bron",
        "Omvang huishoudelijk restafval", "Hoeveelheid restafval per bewoner", "159", "nb", "165",
        "Nader bepalen op basis van keuze", "2017: 174 kg", "CBS",
        "Hernieuwbare elektriciteit", "Percentage elektriciteit uit wind", "2,9%", "nb", "2%", "3,5%", "2017: 16,9%",
        "RWS",
    ]
    assert _texts(read_text("\n".join(lines)))[1:] == [
        ["Omvang huishoudelijk restafval", "Hoeveelheid restafval per bewoner", "159", "nb", "165",
         "Nader bepalen op basis van keuze", "2017: 174 kg", "CBS"],
        ["Hernieuwbare elektriciteit", "Percentage elektriciteit uit wind", "2,9%", "nb", "2%", "3,5%", "2017: 16,9%",
         "RWS"],
    ]


def test_a_row_short_of_values_does_not_take_the_next_rows_label_as_a_value():
    lines = [
        "In onderstaande tabel zijn de financiële afwijkingen per programma opgenomen, met het totaal per programma.",
        "Programma", "Omschrijving", "Bedrag 2021", "Totaal programma",
        "1", "Kosten inzake implementatie RIS / BIS", "200", "Digitalisering bouwdossiers", "105", "305",
    ]
    assert _texts(read_text("\n".join(lines)))[1:] == [
        ["1", "Kosten inzake implementatie RIS / BIS", "200", ""],
        ["", "Digitalisering bouwdossiers", "105", "305"],
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(labels, st.lists(amounts.filter(lambda a: a != "-"), min_size=3, max_size=3)), min_size=2,
                max_size=8))
def test_space_separated_amounts_become_rows_of_cells(rows):
    header = "Programma      Begroting 2023      Rekening 2023      Verschil"
    text = "\n".join([header, *(f"{label}      {'      '.join(values)}" for label, values in rows)])
    assert _texts(read_text(text))[1:] == [[label, *values] for label, values in rows]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["", "groen", "oranje", "rood", "1.1 Fietspaden"]), min_size=4,
                         max_size=4).filter(any), min_size=1, max_size=6))
def test_pipe_rows_keep_their_empty_cells(rows):
    header = ["Code", "Activiteit", "1e VGR", "2e VGR"]
    lines = ["| " + " | ".join(header) + " |", "|---|---|---|---|", *("| " + " | ".join(r) + " |" for r in rows)]
    assert _texts(read_text("\n".join(lines))) == [header, *rows]


@settings(max_examples=150, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=12))
def test_prose_gives_paragraphs_and_no_tables(paragraphs):
    document = read_text("\n".join(paragraphs))
    assert not document.tables()
    assert [block.text for block in document.blocks if isinstance(block, Paragraph)] == paragraphs


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stacked_tables(), st.lists(st.tuples(st.sampled_from(UNITS), st.sampled_from(SOURCES)), min_size=8, max_size=8))
def test_a_title_above_a_header_with_unit_and_source_columns_is_no_column(table, extras):
    header, body = table
    header = [header[0], "Eenheid", *header[1:], "Bron"]
    body = [[row[0], unit, *row[1:], source] for row, (unit, source) in zip(body, extras, strict=False)]
    lines = ["Indicatoren", *header, *[cell for row in body for cell in row]]
    document = read_text("\n".join(lines))
    assert _texts(document) == [header, *body]
    assert document.tables()[0].caption == ("Indicatoren",)


def test_a_line_after_the_table_is_no_letter_cell_of_its_last_row():
    lines = ["Omschrijving", "Bedrag", "V/N", "I/S", "Jeugdzorg", "450", "N", "S", "Leges", "120", "N", "I",
             "Totaal", "330", "N", "Jeugdzorg", "De kosten zijn gestegen door meer jongeren in zorg."]
    rows = _texts(read_text("\n".join(lines)))
    assert rows[1:] == [["Jeugdzorg", "450 N", "", "S"], ["Leges", "120 N", "", "I"], ["Totaal", "330 N", "", ""]]


def test_a_title_above_the_header_becomes_the_caption_not_a_column():
    lines = ["Indicatoren", "Indicator", "Eenheid", "2022", "2023", "Banen", "per 1.000 inw.", "612", "620",
             "Demografische druk", "%", "71,2", "72,0"]
    document = read_text("\n".join(lines))
    [table] = document.tables()
    assert table.caption == ("Indicatoren",)
    assert [c.text for c in table.rows[0]] == ["Indicator", "Eenheid", "2022", "2023"]
    assert [c.text for c in table.rows[1]] == ["Banen", "per 1.000 inw.", "612", "620"]


def test_cells_keep_the_line_they_came_from():
    document = read_text("Inleiding.\nProgramma\n2023\n2024\nJeugd\n1.200\n1.350\nWmo\n800\n760")
    [table] = document.tables()
    assert [(c.text, c.line) for c in table.rows[2]] == [("Wmo", 8), ("800", 9), ("760", 10)]
    assert isinstance(document.blocks[1], Table) and document.blocks[0].text == "Inleiding."


@st.composite
def status_runs(draw) -> tuple[list[str], list[list[str]]]:
    """A header of an activity column and N periods, then rows of an activity and N status words."""
    width = draw(st.integers(2, 3))  # the vocabulary knows three VGRs a year
    header = ["Activiteit", *[f"{n}e VGR 2023" for n in range(1, width + 1)]]
    words = st.sampled_from(["Groen", "Oranje", "Rood", "Volgens plan", "Afgerond", "Vertraagd"])
    rows = draw(st.lists(st.tuples(labels, st.lists(words, min_size=width, max_size=width)), min_size=2, max_size=6))
    return header, [[label, *values] for label, values in rows]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(status_runs(), sentences)
def test_status_words_one_per_line_become_a_row_per_activity(table, before):
    header, body = table
    document = read_text("\n".join([before, *header, *[cell for row in body for cell in row]]))
    assert _texts(document) == [header, *body]


GLUED = """CodeOmschrijvingRekeningBegrotingBegroting
201620172018
610SamenkrachtL834909867
620WijkteamsL184158165
640Begeleide participatieL56322
Totaal lasten programma 61.5811.0691.034
Saldo lasten en baten programma 61.5811.0691.034
"""


def test_glued_amounts_are_cut_so_that_the_lasten_add_up_to_their_total_beside_a_saldo_row():
    [table] = read_text(GLUED).tables()
    rows = {row[0].text: [cell.text for cell in row[2:]] for row in table.rows[1:]}
    assert rows["6.4 Begeleide participatie"] == ["563", "2", "2"]  # the smoothest cut, 56 | 32 | 2, adds up to no total


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 5), st.integers(2, 5), st.lists(st.tuples(labels, amounts), min_size=1, max_size=4))
def test_pipe_rows_of_another_width_after_a_section_line_are_a_table_of_their_own(first, second, rows):
    if first == second:
        second = first - 1
    top = ["Kengetal | " + " | ".join(f"Begroting {2020 + i}" for i in range(first - 1))]
    top += [f"{label} | " + " | ".join([value] * (first - 1)) for label, value in rows]
    below = ["Indicator | " + " | ".join(str(2020 + i) for i in range(second - 1))]
    below += [f"{label} | " + " | ".join([value] * (second - 1)) for label, value in rows]
    document = read_text("\n".join([*top, "Kerngegevens", *below]))
    assert [len(table.rows) for table in document.tables()] == [len(top), len(below)]


def test_pipe_rows_of_the_same_width_keep_a_section_line_between_them():
    document = read_text("Omschrijving | 2024 | 2025\nLasten\nJeugd | 1.200 | 1.300\nBaten\nJeugd | 100 | 120\n")
    assert _texts(document) == [
        ["Omschrijving", "2024", "2025"], ["Lasten"], ["Jeugd", "1.200", "1.300"], ["Baten"], ["Jeugd", "100", "120"],
    ]


def test_a_negative_amount_in_brackets_is_a_value_not_a_header_line_continued():
    lines = ["Rekening 2023", "Begroting 2024", "Lasten", "€ 12.345", "€ 12.900", "Baten", "€ 2.100", "€ 2.050",
             "Saldo", "(€ 10.245)", "(€ 10.850)"]
    assert _texts(read_text("\n".join(lines)))[1:] == [
        ["Lasten", "€ 12.345", "€ 12.900"],
        ["Baten", "€ 2.100", "€ 2.050"],
        ["Saldo", "(€ 10.245)", "(€ 10.850)"],
    ]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stacked_tables(), st.lists(st.sampled_from(UNITS), min_size=8, max_size=8), st.integers(2, 6))
def test_columns_aligned_with_spaces_keep_a_unit_column_of_their_own(table, units, gap):
    """A lone '-' between aligned columns is an empty cell: the runs of spaces say where cells end."""
    header, body = table
    header = [header[0], "Eenheid", *header[1:]]
    body = [[row[0], unit, *row[1:]] for row, unit in zip(body, units, strict=False)]
    spaces = " " * gap
    lines = ["Indicatoren", spaces.join(header), *[spaces.join(row) for row in body]]
    assert _texts(read_text("\n".join(lines))) == [header, *body]
