"""Budget tables: layouts, units, sign conventions and the consistency checks."""

from __future__ import annotations

import pytest

from loaders.extract import extract_bytes, parse_text
from tests.conftest import SAMPLES

SIGNED = """\
Jaarverslag 2019
Wat heeft het gekost
x € 1.000
Wat heeft het ons gekost? Rekening Primitieve Actuele Rekening Verschil
2018 Begroting Begroting 2019
Lasten
2.1 Thema Wonen -1.000 -1.100 -1.200 -1.300 - 100 N
2.2 Thema Werk -500 -400 -400 -350 50 V
Totaal Lasten -1.500 -1.500 -1.600 -1.650 - 50 N
Baten
2.1 Thema Wonen 200 - - 10 10 V
2.2 Thema Werk 300 300 300 290 - 10 N
Totaal Baten 500 300 300 300 -
Saldo van baten en lasten -1.000 -1.200 -1.300 -1.350 - 50 N
Mutatie reserves
Toevoegingen -10 - - - -
Onttrekkingen 60 100 100 100 -
Mutatie reserves 50 100 100 100 -
Resultaat -950 -1.100 -1.200 -1.250 - 50 N
"""


def parse(text: str):
    return parse_text(text, "snippet.txt", "0" * 64)


def cell(result, scope: str, column: str, kind: str | None = None):
    found = [
        b
        for b in result.budget_lines
        if b.scope == scope and b.column.lower() == column.lower() and (kind is None or b.kind == kind)
    ]
    assert len(found) == 1, found
    return found[0]


def codes(result) -> list[str]:
    return [w.code for w in result.warnings if w.code.startswith(("budget", "deviation"))]


def test_header_split_over_two_lines_names_every_column():
    result = parse(SIGNED)
    assert {b.column for b in result.budget_lines} == {
        "Rekening 2018",
        "Primitieve Begroting",
        "Actuele Begroting",
        "Rekening 2019",
        "Verschil",
    }


def test_amounts_are_whole_euros_with_the_printed_sign_and_the_row_kind():
    result = parse(SIGNED)
    assert cell(result, "2.1 Thema Wonen", "Actuele Begroting", "lasten").amount_eur == -1_200_000
    assert cell(result, "2.1 Thema Wonen", "Rekening 2019", "baten").amount_eur == 10_000
    assert cell(result, "Resultaat", "Rekening 2019").kind == "resultaat"
    assert cell(result, "Onttrekkingen", "Rekening 2018").kind == "reserves"
    assert cell(result, "Saldo van baten en lasten", "Verschil").kind == "saldo"


def test_dash_is_nil_and_n_v_stays_with_its_amount():
    result = parse(SIGNED)
    assert cell(result, "2.1 Thema Wonen", "Primitieve Begroting", "baten").amount_eur == 0
    difference = cell(result, "2.1 Thema Wonen", "Verschil", "lasten")
    assert (difference.amount_eur, difference.direction) == (-100_000, "N")


def test_a_consistent_table_gives_no_check_warnings():
    assert codes(parse(SIGNED)) == []


def test_rows_that_do_not_add_up_to_the_total_are_reported():
    result = parse(SIGNED.replace("Totaal Lasten -1.500 -1.500", "Totaal Lasten -1.500 -1.700"))
    mismatches = [w for w in result.warnings if w.code == "budget-total-mismatch"]
    assert mismatches and "'Totaal Lasten' Primitieve Begroting: printed -1700" in mismatches[0].message


def test_rounding_by_one_unit_is_allowed():
    assert codes(parse(SIGNED.replace("Totaal Lasten -1.500 -1.500", "Totaal Lasten -1.501 -1.500"))) == []


MANY_ROWS = "Jaarrekening 2020\nBedragen x € 1.000 | Begroting 2020\nLasten\n" + "".join(
    f"{code} Taakveld {code} | 100\n" for code in range(1, 9)
)


def test_a_total_off_by_the_rounding_of_its_rows_is_allowed_and_more_is_reported():
    assert codes(parse(MANY_ROWS + "Totaal lasten | 803\n")) == []  # eight rounded figures: up to 4 off
    assert codes(parse(MANY_ROWS + "Totaal lasten | 805\n")) == ["budget-total-mismatch"]


def test_difference_that_is_not_realisatie_minus_budget_is_reported():
    result = parse(SIGNED.replace("-350 50 V", "-350 70 V"))
    assert [w.code for w in result.warnings if w.code == "budget-difference-mismatch"] == ["budget-difference-mismatch"]


def test_n_or_v_against_the_sign_of_the_difference_is_reported():
    result = parse(SIGNED.replace("-350 50 V", "-350 50 N"))
    assert [w.code for w in result.warnings if w.code == "budget-direction-mismatch"] == ["budget-direction-mismatch"]


POSITIVE_LASTEN = """\
Jaarrekening 2020
(bedragen in duizenden euro's)
Begroting 2020 | Begroting na wijziging | Realisatie 2020 | Verschil
Lasten
Jeugd | 100 | 120 | 130 | 10 N
Wmo | 80 | 80 | 70 | 10 V
Totaal lasten | 180 | 200 | 200 | 0
"""


def test_lasten_printed_positive_use_the_opposite_direction():
    result = parse(POSITIVE_LASTEN)
    assert cell(result, "Jeugd", "Realisatie 2020").amount_eur == 130_000
    assert codes(result) == []
    flipped = parse(POSITIVE_LASTEN.replace("130 | 10 N", "130 | 10 V"))
    assert "budget-direction-mismatch" in codes(flipped)


WITHOUT_SECTION = """\
Jaarrekening 2024
Programma 1 Sociaal domein
Wat heeft het gekost?
Bedragen x € 1.000 | Primitieve begroting 2024 | Begroting na wijziging 2024 | Realisatie 2024 | Verschil
1.1 Thema Jeugd | 7.500 | 7.800 | 8.000 | 200 N
1.2 Thema Wmo | 6.400 | 6.350 | 6.300 | 50 V
Totaal | 13.900 | 14.150 | 14.300 | 150 N
"""


def test_a_cost_table_without_a_lasten_section_is_read_as_lasten_from_its_n_and_v():
    result = parse(WITHOUT_SECTION)
    assert {line.kind for line in result.budget_lines} == {"lasten"}
    assert codes(result) == ["budget-kind-from-directions"]


def test_figures_whose_n_and_v_read_as_a_saldo_stay_saldo():
    income_like = WITHOUT_SECTION.replace("200 N", "200 V").replace("50 V", "50 N").replace("150 N", "150 V")
    result = parse(income_like)
    assert {line.kind for line in result.budget_lines} == {"saldo"}
    assert codes(result) == []


def test_mixed_n_and_v_leave_the_kind_as_it_was_and_report_the_disagreeing_row():
    mixed = parse(WITHOUT_SECTION.replace("50 V", "50 N"))
    assert {line.kind for line in mixed.budget_lines} == {"saldo"}
    assert "budget-direction-mismatch" in codes(mixed)


MARKED_CELLS = """\
Jaarverslag 2022
Bedragen x € 1.000 | Actuele begroting 2022 | Rekening 2022 | Verschil
Lasten | 101.549 N | 108.718 N | 7.168 N
Baten | 3.214 V | 18.642 V | 15.428 V
Resultaat | 98.653 N | 92.575 N | 6.078 V
"""


def test_figures_that_carry_their_own_n_or_v_are_signed_by_it_in_the_direction_check():
    assert codes(parse(MARKED_CELLS)) == []
    wrong = parse(MARKED_CELLS.replace("6.078 V", "6.078 N"))
    assert [w.line for w in wrong.warnings if w.code == "budget-direction-mismatch"] == [5]


def test_n_v_after_every_cell_and_trailing_minus():
    text = (
        "Programmarekening 2021\nx € 1.000\nBegroting 2021 Rekening 2021 Verschil\n"
        "Lasten\nOnderwijs 1.037 N 1.100 N 63 N\nSport 4.977- 4.900- 77 V\n"
    )
    result = parse(text)
    assert cell(result, "Onderwijs", "Begroting 2021").direction == "N"
    assert cell(result, "Sport", "Begroting 2021").amount_eur == -4_977_000


@pytest.mark.parametrize(
    ("unit", "factor"),
    [("x € 1.000", 1000), ("bedragen in duizenden euro's", 1000), ("x € 1 mln", 1_000_000), ("bedragen in euro's", 1)],
)
def test_the_unit_in_the_table_header_scales_the_amounts(unit, factor):
    text = f"Begroting 2022\n{unit}\nBegroting 2022 Rekening 2022\nLasten\nJeugd 12 14\nWmo 3 4\n"
    assert cell(parse(text), "Jeugd", "Rekening 2022").amount_eur == 14 * factor


def test_a_table_without_unit_is_taken_as_euros_with_a_warning():
    result = parse("Begroting 2022\nBegroting 2022 Rekening 2022\nLasten\nJeugd 12 14\nWmo 3 4\n")
    assert cell(result, "Jeugd", "Rekening 2022").amount_eur == 14
    assert "budget-unit-assumed" in codes(result)


PROGRAMME_WITHOUT_UNIT = (
    "Begroting 2024\nBegroting 2023 Begroting 2024\nLasten\nJeugd 7.882 7.020\nWmo 6.242 6.848\n"
    "Baten\nJeugd 21 25\nWmo 629 225\n"
)


def test_small_programme_figures_without_a_unit_are_taken_as_thousands_with_a_warning():
    result = parse(PROGRAMME_WITHOUT_UNIT)
    assert cell(result, "Jeugd", "Begroting 2024", "lasten").amount_eur == 7_020_000
    assert "budget-unit-assumed" in codes(result)


def test_figures_that_are_all_whole_thousands_are_euros_rounded_not_thousands():
    text = (
        "Begroting 2024\nBerekening kostendekkendheid begraafplaatsrechten\nBegroting 2024\n"
        "Lasten\nKosten taakveld 122.000\nOverhead 59.000\nBTW 5.000\nTotale kosten 186.000\n"
        "Baten\nTotale opbrengsten 54.000\n"
    )
    assert cell(parse(text), "Overhead", "Begroting 2024").amount_eur == 59_000


def test_one_amount_per_line_tables_are_read():
    text = (
        "Begroting 2020\n(bedragen x € 1.000)\n2019\n2020\n2021\nLasten\n26.138\n26.377\n25.281\n"
        "Baten\n5.916\n5.705\n5.119\n"
    )
    result = parse(text)
    assert cell(result, "Lasten", "2020").amount_eur == 26_377_000
    assert cell(result, "Baten", "2021").year == 2021


def test_header_column_count_that_differs_from_the_rows_is_reported():
    text = "Jaarverslag 2020\nx € 1.000\nBegroting Rekening\nLasten\nJeugd 1 2 3\nWmo 4 5 6\n"
    result = parse(text)
    assert "budget-columns-mismatch" in codes(result)
    assert {b.column for b in result.budget_lines} == {"kolom 1", "kolom 2", "kolom 3"}


@pytest.fixture(scope="module")
def ooststellingwerf():
    path = SAMPLES / "001_c73ba17fbb0e9615.txt"
    return parse_text(path.read_text(encoding="utf-8"), str(path), "0" * 64)


def test_ooststellingwerf_budget_lines_cover_every_row_and_column(ooststellingwerf):
    assert len(ooststellingwerf.budget_lines) == 15 * 5
    assert cell(ooststellingwerf, "Totaal Lasten", "Rekening 2019").amount_eur == -29_615_000
    assert cell(ooststellingwerf, "1.1 Thema Jeugd", "Actuele Begroting", "lasten").amount_eur == -7_814_000
    assert cell(ooststellingwerf, "1.3 Thema Participatie", "Rekening 2019", "baten").amount_eur == 545_000
    assert cell(ooststellingwerf, "Resultaat", "Rekening 2019").amount_eur == -18_689_000
    assert codes(ooststellingwerf) == []


def test_a_header_of_years_with_sub_headings_and_not_yet_known_amounts():
    text = (
        "Perspectiefnota 2023\nBedragen x €1.000\nTB1  MJB 2023 - 2026\n2022 2023 2024 2025\n"
        "1a Financiële ontwikkelingen bestaand beleid\nReclame-inkomsten -384 -PM -PM -PM\n"
        "Extra inhuur\na. uitleg zonder bedragen\nReguliere uitvoering -84 -79 -79 -40\n"
    )
    result = parse(text)
    assert cell(result, "Reclame-inkomsten", "2022").amount_eur == -384_000
    assert cell(result, "Reclame-inkomsten", "2023").amount_eur is None
    assert cell(result, "Reguliere uitvoering", "2025").amount_eur == -40_000


def test_column_headers_one_per_line_with_one_amount_per_line_and_the_kind_from_the_column():
    text = (
        "Jaarverslag 2017\nBedrag x € 1.000\nLasten geraamd\nLasten werkelijk\nVerschil\n01 Sociaal domein\n"
        "18.924\n19.730\n806\n02 Onderwijs\n6.850\n6.711\n-139\n"
    )
    result = parse(text)
    line = cell(result, "01 Sociaal domein", "Lasten werkelijk")
    assert (line.amount_eur, line.kind) == (19_730_000, "lasten")
    assert cell(result, "02 Onderwijs", "Verschil").amount_eur == -139_000


def test_the_direction_check_follows_a_table_that_prints_costs_positive_and_income_negative():
    text = (
        "Jaarverslag 2023\nx € 1.000\nBegroting 2023 na wijziging Rekening 2023 Verschil\n"
        "Lasten\nJeugd 25.890 25.102 788 V\nBaten\nJeugd -6.512 -7.004 492 V\nSaldo 19.378 18.098 1.280 V\n"
    )
    assert "budget-direction-mismatch" not in codes(parse(text))
    wrong = parse(text.replace("492 V", "492 N"))
    assert [w.line for w in wrong.warnings if w.code == "budget-direction-mismatch"] == [7]


def _scoped(result) -> list[tuple[str, str | None, str, int]]:
    return [(b.scope, b.row, b.kind, b.amount_eur) for b in result.budget_lines]


def test_kind_rows_under_a_group_printed_once_belong_to_that_group():
    text = (
        "Begroting 2025 gemeente Oss\nProgramma 6 Sociaal domein\nBedragen x € 1.000\n"
        "Taakveld | Soort | Begroting 2025\n6.1 Samenkracht | Lasten | 1.000\n | Baten | 200\n"
        "6.3 Inkomensregelingen | Lasten | 5.000\n | Baten | 4.000\n"
    )
    assert _scoped(parse_text(text, "oss.txt", "0" * 64)) == [
        ("6.1 Samenkracht", "Lasten", "lasten", 1_000_000),
        ("6.1 Samenkracht", "Baten", "baten", 200_000),
        ("6.3 Inkomensregelingen", "Lasten", "lasten", 5_000_000),
        ("6.3 Inkomensregelingen", "Baten", "baten", 4_000_000),
    ]


def test_a_group_spanning_its_kind_rows_in_html_scopes_each_of_them():
    html = (
        "<html><head><title>Begroting 2025 - Gemeente Ede</title></head><body><h1>Begroting 2025</h1><p>x € 1.000</p>"
        "<table><tr><th>Taakveld</th><th>Soort</th><th>Begroting 2025</th></tr>"
        "<tr><td rowspan='2'>6.1 Samenkracht</td><td>Lasten</td><td>1.000</td></tr><tr><td>Baten</td><td>200</td></tr>"
        "</table></body></html>"
    )
    assert _scoped(extract_bytes(html.encode(), "ede.html")) == [
        ("6.1 Samenkracht", "Lasten", "lasten", 1_000_000),
        ("6.1 Samenkracht", "Baten", "baten", 200_000),
    ]


def test_a_header_row_that_only_states_the_unit_scales_the_amounts_and_names_no_column():
    html = (
        "<html><head><title>Jaarrekening 2023 - Gemeente Ede</title></head><body><h1>Jaarrekening 2023</h1>"
        "<table><thead><tr><th colspan='3'>Bedragen x € 1.000</th></tr>"
        "<tr><th>Omschrijving</th><th>Begroting 2023</th><th>Realisatie 2023</th></tr></thead>"
        "<tbody><tr><td>Lasten</td><td>12.345</td><td>12.500</td></tr></tbody></table></body></html>"
    )
    lines = extract_bytes(html.encode(), "ede.html").budget_lines
    assert [(b.column, b.amount_eur) for b in lines] == [("Begroting 2023", 12_345_000), ("Realisatie 2023", 12_500_000)]
