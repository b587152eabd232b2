"""Budget tables by what their headers and captions mean: units, sign legends, L/B markers, unread tables."""

from __future__ import annotations

import pytest

from loaders.extract import extract_bytes


def _extract(text: str):
    return extract_bytes(text.encode(), "ede.txt")


def _lines(extraction) -> list[tuple[str, str, str, int | None, float | None]]:
    return [(b.scope, b.kind, b.column, b.year, b.amount_eur) for b in extraction.budget_lines]


def test_a_header_line_with_sign_legend_unit_and_years_scales_the_amounts():
    extraction = _extract(
        "Programmabegroting 2024 gemeente Ede\nProgramma 2 Sociaal domein\n"
        '( "-"= nadeel / "+"= voordeel ) bedragen x € 1.000 2022 2023 2024\n'
        "Lasten -1.200 -1.300 -1.400\nBaten 200 300 400\n"
    )
    assert _lines(extraction)[:3] == [
        ("Programma 2 Sociaal domein", "lasten", "2022", 2022, -1_200_000),
        ("Programma 2 Sociaal domein", "lasten", "2023", 2023, -1_300_000),
        ("Programma 2 Sociaal domein", "lasten", "2024", 2024, -1_400_000),
    ]
    assert "budget-unit-assumed" not in [w.code for w in extraction.warnings]


def test_a_table_in_whole_euros_stays_in_euros():
    extraction = _extract(
        "Jaarrekening 2023 gemeente Ede\nSubsidies (bedragen in euro's)\n"
        "Omschrijving   Begroting 2023   Rekening 2023\nSportvereniging   12.500   12.750\nMuziekschool   8.000   7.900\n"
    )
    assert [b.amount_eur for b in extraction.budget_lines] == [12_500, 12_750, 8_000, 7_900]


def test_an_l_b_column_says_whether_a_row_is_lasten_or_baten():
    extraction = _extract(
        "Jaarverslag 2023 gemeente Ede\nProgramma 3 Wonen\n"
        "Taakveld   L/B   Begroting 2023   Rekening 2023   Verschil\n"
        "Wonen en bouwen   L   1.200   1.350   -150\nWonen en bouwen   B   300   320   20\n"
    )
    kinds = {(b.scope, b.kind) for b in extraction.budget_lines}
    assert kinds == {("Wonen en bouwen", "lasten"), ("Wonen en bouwen", "baten")}
    assert [b.column_kind for b in extraction.budget_lines][:3] == ["begroting", "rekening", "verschil"]


def test_a_table_of_figures_that_is_not_read_gives_a_warning_with_its_place():
    extraction = _extract(
        "Jaarverslag 2023 gemeente Ede\nWijk | Inwoners | Woningen | Banen\nCentrum | 12.100 | 6.300 | 9.000\n"
        "Noord | 8.200 | 3.900 | 2.100\nZuid | 9.900 | 4.400 | 3.500\n"
    )
    [warning] = [w for w in extraction.warnings if w.code == "table-not-read"]
    assert warning.line == 2 and "9 figures was not read" in warning.message
    assert not extraction.budget_lines and not extraction.indicators


def test_deviations_told_in_prose_are_tied_to_the_heading_above():
    extraction = _extract(
        "Najaarsnota 2023 gemeente Ede\n4 Jeugd\n4.1 Jeugdzorg\nDoor meer cliënten is er een nadeel van € 7.000.\n"
        "4.2 Onderwijshuisvesting\nEr zijn hogere lasten van € 120.000 door de bouw van een school.\n"
        "4.3 Sport\nOp sport ontstaat een voordeel € 33.000 t.o.v. begroting 2020.\n"
    )
    assert [(d.scope, d.amount_eur, d.direction) for d in extraction.deviations] == [
        ("4.1 Jeugdzorg", 7_000, "N"),
        ("4.2 Onderwijshuisvesting", 120_000, "N"),
        ("4.3 Sport", 33_000, "V"),
    ]


def test_indicator_tables_keep_unit_target_source_and_missing_values():
    extraction = _extract(
        "Jaarverslag 2023 gemeente Ede\nIndicator | Eenheid | 2021 | 2022 | 2023 | Streefwaarde | Bron\n"
        "Banen | per 1.000 inwoners | 612 | n.n.b. | - | 650 | LISA\nDemografische druk | % | 71,2 | . | 73,1 | 70 | CBS\n"
    )
    banen, druk = extraction.indicators
    assert (banen.name, banen.unit, banen.target, banen.source) == ("Banen", "per 1.000 inwoners", 650, "LISA")
    assert [(v.period, v.value) for v in banen.values] == [("2021", 612), ("2022", None), ("2023", None)]
    assert [(v.period, v.value) for v in druk.values] == [("2021", 71.2), ("2022", None), ("2023", 73.1)]


def test_a_value_that_states_its_own_year_fills_the_columns_year_placeholder():
    extraction = _extract(
        "Begroting 2026 gemeente Ede\nIndicator | Eenheid | Realisatie Ede (jaartal) | Realisatie Nederland (jaartal)\n"
        "Absoluut verzuim | per 1.000 leerlingen | 1,8 (2023) | 5,6 (2023)\nBanen | per 1.000 inwoners | 391 (2024) | 836,6 (2024)\n"
    )
    verzuim, banen = extraction.indicators
    assert [(v.period, v.value) for v in verzuim.values] == [
        ("Realisatie Ede 2023", 1.8),
        ("Realisatie Nederland 2023", 5.6),
    ]
    assert [v.period for v in banen.values] == ["Realisatie Ede 2024", "Realisatie Nederland 2024"]
    assert "Realisatie Ede (jaartal)" not in [p.label for p in extraction.periods]


def test_a_role_column_keeps_its_role_when_the_first_row_ran_into_its_name():
    extraction = _extract(
        "Begroting 2024 gemeente Ede\nIndicator | Eenheid Aantal per | Bron Bureau | 2022 | 2023\n"
        "Verwijzingen Halt | jongeren | Halt | 10 | 8\nWinkeldiefstallen | per 1.000 inwoners | CBS | 0,6 | 2,3\n"
    )
    halt, winkel = extraction.indicators
    assert (halt.name, halt.unit, halt.source) == ("Verwijzingen Halt", "jongeren", "Halt")
    assert (winkel.name, winkel.unit, winkel.source) == ("Winkeldiefstallen", "per 1.000 inwoners", "CBS")


def test_a_compound_money_word_in_the_caption_makes_a_table_of_years_a_budget():
    extraction = _extract(
        "Begroting 2026 gemeente Ede\nTabel 9.2 Overzicht onderhoudslasten kapitaalgoederen\n"
        "Onderdeel | 2026 | 2027\nWegen | 1.541.799 | 1.541.799\nBruggen | 138.386 | 140.000\n"
    )
    assert not extraction.indicators
    assert [(b.scope, b.year, b.amount_eur) for b in extraction.budget_lines][:2] == [
        ("Wegen", 2026, 1_541_799),
        ("Wegen", 2027, 1_541_799),
    ]


def test_years_on_a_line_of_their_own_under_the_column_names_complete_them():
    extraction = _extract(
        "Programmabegroting 2026 gemeente Ede\nProgramma 1 Veiligheid\n"
        "| Rekening | Begroting | Begroting\n"
        '( "-"= nadeel / "+"= voordeel ) bedragen x € 1.000 | 2024 | 2025 | 2026\n'
        "Baten | 110 | 105 | 105\nLasten | -4.335 | -4.641 | -4.641\n"
    )
    assert [(column, year, amount) for _, _, column, year, amount in _lines(extraction)[:3]] == [
        ("Rekening 2024", 2024, 110_000),
        ("Begroting 2025", 2025, 105_000),
        ("Begroting 2026", 2026, 105_000),
    ]
    assert "budget-unit-assumed" not in [w.code for w in extraction.warnings]


def test_a_second_budget_of_the_year_beside_its_actuals_is_the_amended_budget():
    extraction = _extract(
        "Jaarstukken 2020 gemeente Ede\nWat heeft het gekost?\nBedragen x €1.000\n"
        "Realisatie 2019 Primitief 2020 Begroot 2020 Realisatie 2020 Afwijking 2020\n"
        "Lasten 40.757 40.866 46.416 54.162 7.746\nBaten 9.127 8.805 9.868 17.044 7.176\n"
    )
    kinds = {(b.column, b.column_kind) for b in extraction.budget_lines}
    assert {("Primitief 2020", "begroting"), ("Begroot 2020", "actuele_begroting")} <= kinds
    assert "budget-difference-mismatch" not in [w.code for w in extraction.warnings]


def test_budgets_of_one_year_repeated_without_its_actuals_stay_budgets():
    extraction = _extract(
        "Programmabegroting 2024 gemeente Ede\nBedragen x € 1.000\n"
        "| Begroting 2024 | Begroting 2024 | Begroting 2025 | Begroting 2025\n"
        "Programma 1 | 100 | 80 | 110 | 90\nProgramma 2 | 200 | 150 | 210 | 160\n"
    )
    assert {b.column_kind for b in extraction.budget_lines} == {"begroting"}


def test_an_indicator_table_one_cell_per_line_with_a_national_column_keeps_names_units_and_periods():
    cells = [
        "Beleidsindicatoren", "Indicator", "Eenheid", "Realisatie", "2017", "Realisatie", "2018", "Begroting", "2019",
        "Nederland", "Bron",
        "Gemiddelde WOZ waarde", "per duizend euro", "€ 285", "€ 297", "€ 297", "2019:", "€ 248", "CBS",
        "Nieuw gebouwde woningen", "Aantal per 1.000 woningen", "23,0", "6,7", "17,3", "2016:", "7,2", "BAG",
    ]
    extraction = _extract("Begroting 2020 gemeente Teylingen\n\n" + "\n\n".join(cells) + "\n")
    found = {i.name: (i.unit, [(v.period, v.value) for v in i.values]) for i in extraction.indicators}
    assert found == {
        "Gemiddelde WOZ waarde": (
            "per duizend euro",
            [("Realisatie 2017", 285), ("Realisatie 2018", 297), ("Begroting 2019", 297), ("Nederland 2019", 248)],
        ),
        "Nieuw gebouwde woningen": (
            "Aantal per 1.000 woningen",
            [("Realisatie 2017", 23), ("Realisatie 2018", 6.7), ("Begroting 2019", 17.3), ("Nederland 2016", 7.2)],
        ),
    }


def test_a_text_column_right_of_the_amounts_is_each_lines_note_not_part_of_its_name():
    extraction = _extract(
        "Begroting 2024 gemeente Ede\nTabel 9.2 - Exploitatiegegevens kapitaalgoederen (bedragen x € 1.000)\n"
        "Kapitaalgoed | 2024 | 2025 | Specificatie werkzaamheden\nWegen | 1.707 | 1.886 | Herstel van asfalt\n"
        "Riolering | 1.548 | 1.517 | Reparaties en inspecties\n"
    )
    assert [(b.scope, b.column, b.amount_eur, b.note) for b in extraction.budget_lines] == [
        ("Wegen", "2024", 1707000, "Herstel van asfalt"),
        ("Wegen", "2025", 1886000, "Herstel van asfalt"),
        ("Riolering", "2024", 1548000, "Reparaties en inspecties"),
        ("Riolering", "2025", 1517000, "Reparaties en inspecties"),
    ]


@pytest.mark.parametrize(
    ("table", "what"),
    [
        (("Tabel 2.2 - Investeringen Mens en Maatschappij\nInvestering | Beschikbaar gesteld krediet | 2024 | 2025 | "
         "Totaal\nGymzaal Burmanlaan | 1.651.000 | - | - | 1.651.000\nVerduurzaming Langstraat | 210.000 | - | - | 210.000\n"),
         "a table of investment credits"),
        (("Tabel 8.2 Actuele stand van de risico's\nRisico | Bedrag impact | Kans | Bedrag x kans\n"
         "Jeugdzorg | 1.000.000 | 70% | 700.000\nWmo | 750.000 | 70% | 525.000\n"), "a table of risks"),
    ],
    ids=["investment credits", "risks and their chance"],
)
def test_a_table_of_amounts_that_are_no_lasten_and_baten_is_no_budget_and_says_so(table, what):
    extraction = _extract(f"Begroting 2024 gemeente Ede\n{table}")
    assert extraction.budget_lines == []
    assert [w.code for w in extraction.warnings] == ["table-not-read"]
    assert what in extraction.warnings[0].message


def test_the_original_budget_named_begroting_primitief_is_a_budget_column():
    extraction = _extract(
        "Jaarrekening 2023 gemeente Ede\nbedragen x € 1.000\n"
        "Lasten | Begroting primitief 2023 | Begroting na wijziging 2023 | Rekening 2023\nJeugd | 100 | 110 | 120\n"
    )
    assert [(b.column, b.column_kind) for b in extraction.budget_lines] == [
        ("Begroting primitief 2023", "begroting"),
        ("Begroting na wijziging 2023", "actuele_begroting"),
        ("Rekening 2023", "rekening"),
    ]


def test_a_kind_word_beside_a_period_in_a_column_name_keeps_the_columns_period():
    extraction = _extract(
        "Begroting 2024 gemeente Ede\nbedragen x € 1.000\n"
        "Programma | Rekening 2022 Lasten | Rekening 2022 Baten | Baten Begroting 2024\n1. Bestuur | 12.500 | 1.200 | 1.000\n"
    )
    assert [(b.column, b.kind, b.column_kind, b.year) for b in extraction.budget_lines] == [
        ("Rekening 2022 Lasten", "lasten", "rekening", 2022),
        ("Rekening 2022 Baten", "baten", "rekening", 2022),
        ("Baten Begroting 2024", "baten", "begroting", 2024),
    ]


def test_a_saldo_printed_with_the_dutch_min_is_negative():
    extraction = _extract(
        "Begroting 2024 gemeente Ede\nbedragen x € 1.000\nProgramma | Lasten 2024 | Baten 2024 | Saldo 2024\n"
        "1. Bestuur | 12.500 | 1.200 | -/- 11.300\n2. Sociaal domein | 180.200 | 60.400 | -/- 119.800\n"
    )
    assert [b.amount_eur for b in extraction.budget_lines if b.kind == "saldo"] == [-11300000, -119800000]


def test_a_column_of_n_and_v_gives_the_direction_of_the_amounts_left_of_it():
    extraction = _extract(
        "Jaarrekening 2023 gemeente Ede\nbedragen x € 1.000\nLasten | Begroting 2023 | Rekening 2023 | Verschil | V/N\n"
        "Jeugdhulp | 44.800 | 46.950 | 2.150 | N\nWmo | 18.900 | 18.400 | 500 | V\n"
    )
    assert [(b.scope, b.column, b.amount_eur, b.direction) for b in extraction.budget_lines if b.column == "Verschil"] == [
        ("Jeugdhulp", "Verschil", 2150000, "N"),
        ("Wmo", "Verschil", 500000, "V"),
    ]
    assert "V/N" not in {b.column for b in extraction.budget_lines}


def test_columns_named_only_by_a_kind_in_a_budget_are_of_the_budgets_year():
    extraction = _extract(
        "Programmabegroting 2025 gemeente Ede\nOverzicht per taakveld (bedragen x € 1.000)\n"
        "Taakveld | Omschrijving | Lasten | Baten | Saldo\n6.1 | Samenkracht | 4.120 | 310 | -3.810\n"
        "6.71 | Maatwerkdienstverlening 18+ | 6.050 | 220 | -5.830\n"
    )
    assert {(b.column, b.column_kind, b.year) for b in extraction.budget_lines} == {
        ("Lasten", "begroting", 2025), ("Baten", "begroting", 2025), ("Saldo", "begroting", 2025)
    }


def test_columns_named_only_by_a_kind_in_a_progress_report_keep_no_period():
    extraction = _extract(
        "2e Voortgangsrapportage 2024 gemeente Ede\nbedragen x € 1.000\n"
        "Programma | Lasten | Baten\n6 Sociaal domein | 4.120 | 310\n7 Volksgezondheid | 1.000 | 20\n"
    )
    assert {(b.column_kind, b.year) for b in extraction.budget_lines} == {(None, None)}


def test_a_column_of_list_dashes_before_the_labels_is_neither_a_label_nor_a_value():
    extraction = _extract(
        "Programmabegroting 2024 gemeente Ede\nLeges (bedragen in euro's)\n"
        " |  |  | Kosten 2024 | Baten 2024\n"
        " |  | Reisdocumenten | 344.000 | 284.000\n"
        " | - | Huisvestingswet\n"
        " | - | Kansspelen | 12.000 | 9.000\n"
    )
    assert [(b.scope, b.column, b.amount_eur) for b in extraction.budget_lines] == [
        ("Reisdocumenten", "Kosten 2024", 344_000), ("Reisdocumenten", "Baten 2024", 284_000),
        ("Kansspelen", "Kosten 2024", 12_000), ("Kansspelen", "Baten 2024", 9_000),
    ]


def test_budget_against_realisation_with_their_difference_is_a_budget_table_without_other_money_words():
    extraction = _extract(
        "Programmarekening 2023 gemeente Ede\n"
        "Programma | Begroting 2023 primitief | Begroting 2023 na wijziging | Realisatie 2023 | Verschil\n"
        "1 Bestuur | -2.345.678,45 | -2.456.789,12 | -2.400.123,50 | 56.665,62\n"
        "2 Veiligheid | -1.234.567 | -1.300.000 | -1.350.000 | -50.000\n"
    )
    assert extraction.document.doc_type == "jaarrekening"
    assert extraction.indicators == []
    assert _lines(extraction)[2] == ("1 Bestuur", "saldo", "Realisatie 2023", 2023, -2_400_123.5)


_TABLE_BELOW = "Omschrijving | Begroting 2024 | Begroting 2025\nLasten | 1.200 | 1.300\nBaten | 100 | 120\n"


@pytest.mark.parametrize(
    ("above", "title"),
    [
        pytest.param("Programma 2 Sociaal domein\nPagina 12 van 80\nBedragen x € 1.000", "Programma 2 Sociaal domein",
                     id="a page number and the unit are no title"),
        pytest.param("Paragraaf Financiering\nTabel 10.3 Renterisiconorm Bedragen x € 1.000", "Tabel 10.3 Renterisiconorm",
                     id="a numbered caption that states the unit is the title without it"),
        pytest.param(
            "Paragraaf Financiering\nrenterisiconorm wordt berekend met een wettelijk percentage van het totaal. Dit",
            "Paragraaf Financiering",
            id="the end of a sentence cut off above is no title",
        ),
        pytest.param("Kasstroomoverzicht 2024\nBedragen x € 1.000\nToename:", "Kasstroomoverzicht 2024",
                     id="a line that announces the rows is no title"),
    ],
)
def test_a_tables_title_is_the_nearest_line_above_it_that_names_it(above: str, title: str):
    extraction = _extract(f"Begroting 2024 gemeente Ede\n{above}\n{_TABLE_BELOW}")
    assert {b.table for b in extraction.budget_lines} == {title}


def test_a_table_of_a_provisions_balance_and_its_changes_holds_amounts_not_indicators():
    extraction = _extract(
        "Begroting 2026 gemeente Ede\nBijlage 3\n"
        "Overzicht voorzieningen | Begroting 2025 | Vermeerde-ringen 2026 | Verminde-ringen 2026 | Begroting 2026\n"
        "Voorziening onderhoud wegen | 1.904 | 1.219 | -1.163 | 1.960\nVoorziening verlofsparen | 201 | 0 | 0 | 201\n"
    )
    assert extraction.indicators == []
    assert [(b.scope, b.column, b.amount_eur) for b in extraction.budget_lines[:3]] == [
        ("Voorziening onderhoud wegen", "Begroting 2025", 1904),
        ("Voorziening onderhoud wegen", "Vermeerde-ringen 2026", 1219),
        ("Voorziening onderhoud wegen", "Verminde-ringen 2026", -1163),
    ]


def test_the_rest_of_a_table_of_risks_after_a_page_break_is_not_read_either():
    html = (
        "<html><head><title>Begroting 2026 gemeente Ede</title></head><body><h2>Weerstandsvermogen</h2>"
        "<table><tr><th>Risico</th><th>Bedrag impact</th><th>Kans</th><th>Bedrag x kans</th></tr>"
        "<tr><td>Jeugdzorg</td><td>1.000.000</td><td>70%</td><td>700.000</td></tr></table>"
        "<table><tr><td>Wmo</td><td>750.000</td><td>70%</td><td>525.000</td></tr>"
        "<tr><td>Bijstand</td><td>250.000</td><td>50%</td><td>125.000</td></tr></table></body></html>"
    )
    extraction = extract_bytes(html.encode(), "ede.html")
    assert extraction.budget_lines == [] and extraction.indicators == []
    assert [w.message.split(":")[0] for w in extraction.warnings if w.code == "table-not-read"] == [
        "a table of risks 'Weerstandsvermogen' was not read", "the rest of a table of risks was not read",
    ]
