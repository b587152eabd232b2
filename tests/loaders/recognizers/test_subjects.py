"""A budget table whose rows only name kinds ('Lasten', 'Baten') is scoped by what it is about: its title's
subject, else the heading above it; its rows keep their printed labels."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from loaders.extract import parse_text
from loaders.recognizers.subjects import names_only_a_kind, subject_of

PROGRAMME_PAGE = """\
Jaarstukken 2023
Programma 2 Economie
Wat heeft het gekost?
Bedragen x € 1.000
Rekening 2022
Begroting 2023 na wijziging
Rekening 2023
Lasten
4.512
4.870
4.655
Baten
1.204
1.350
1.101
Toevoegingen aan reserves
120
150
150
Onttrekkingen aan reserves
300
410
380
"""


def _lines(text: str):
    return parse_text(text, "programma.txt", "0" * 64).budget_lines


def test_rows_that_only_name_a_kind_take_the_heading_when_the_title_is_a_question():
    lines = _lines(PROGRAMME_PAGE)
    assert {line.scope for line in lines} == {"Programma 2 Economie"}
    assert [line.row for line in lines if line.column == "Rekening 2023"] == [
        "Lasten",
        "Baten",
        "Toevoegingen aan reserves",
        "Onttrekkingen aan reserves",
    ]


def test_a_title_that_names_the_programme_is_the_scope():
    text = PROGRAMME_PAGE.replace("Wat heeft het gekost?", "Tabel 2.2 Baten en lasten P2 Mens en maatschappij")
    assert {line.scope for line in _lines(text)} == {"P2 Mens en maatschappij"}


def test_rows_that_name_themes_keep_their_own_scope():
    text = PROGRAMME_PAGE.replace("Lasten\n4.512", "Thema Jeugd\n4.512").replace("Baten\n1.204", "Thema Wmo\n1.204")
    assert {line.scope for line in _lines(text) if line.column == "Rekening 2022"} == {
        "Thema Jeugd",
        "Thema Wmo",
        "Toevoegingen aan reserves",
        "Onttrekkingen aan reserves",
    }


def test_without_a_subject_the_rows_are_their_own_scope():
    text = PROGRAMME_PAGE.replace("Programma 2 Economie\n", "")
    assert {line.scope for line in _lines(text) if line.column == "Rekening 2022"} == {
        "Lasten",
        "Baten",
        "Toevoegingen aan reserves",
        "Onttrekkingen aan reserves",
    }


def test_questions_units_and_generic_titles_name_no_subject():
    for title in (
        "Wat heeft het gekost?",
        "Lasten en baten",
        "Bedragen x € 1.000",
        "Begroting 2020",
        "Terug naar navigatie - Wat heeft het gekost",
        "Financiële verantwoording op hoofdlijnen",
    ):
        assert subject_of(title) is None, title


def test_named_reserves_are_no_kind_rows():
    assert names_only_a_kind("Onttrekking aan reserves") and names_only_a_kind("Saldo van baten en lasten")
    assert not names_only_a_kind("Reserve sociaal domein") and not names_only_a_kind("6.1 Wijkteams")


@given(st.text(alphabet="abcdefghij XY-:?0123456789", max_size=40))
def test_a_subject_is_always_part_of_the_title(title: str):
    subject = subject_of(title)
    assert subject is None or subject in " ".join(title.split())


def test_what_a_table_is_broken_down_by_is_no_subject():
    assert subject_of("Overzicht baten en lasten per taakveld") is None
    assert subject_of("Baten en lasten P2 Mens en maatschappij per taakveld") == "P2 Mens en maatschappij"


def test_the_first_half_of_a_compound_whose_generic_half_is_gone_names_nothing():
    assert subject_of("Voor- en nadelen") is None
    assert subject_of("Sport- en cultuurbeleid") == "Sport- en cultuurbeleid"


def test_a_caption_that_names_the_table_and_its_unit_is_its_title_and_scopes_its_kind_rows():
    text = (
        "Begroting 2025 gemeente Oss\nProgramma 1 Veiligheid (bedragen x € 1.000)\n"
        "Omschrijving | Rekening 2023 | Begroting 2025\nLasten | 4.512 | 5.010\nBaten | -1.200 | -1.300\n"
    )
    lines = parse_text(text, "oss.txt", "0" * 64).budget_lines
    assert {(b.scope, b.table) for b in lines} == {("Programma 1 Veiligheid", "Programma 1 Veiligheid")}
    assert [b.amount_eur for b in lines] == [4_512_000, 5_010_000, -1_200_000, -1_300_000]


def test_a_unit_line_alone_is_no_title_even_when_it_says_bedrag():
    text = (
        "Jaarverslag 2023 gemeente Oss\nProgramma 6\nBedrag x € 1.000\n"
        "Omschrijving | Lasten geraamd | Lasten werkelijk\n01 Sociaal domein | 18.924 | 19.730\n"
    )
    assert {b.table for b in parse_text(text, "oss.txt", "0" * 64).budget_lines} == {"Programma 6"}
