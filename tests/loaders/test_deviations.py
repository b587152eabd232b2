"""Deviation tables and their explanations."""

from __future__ import annotations

import pytest

from loaders.extract import parse_text
from tests.conftest import SAMPLES

REPORT = """\
Jaarverslag 2020
Tabel belangrijkste afwijkingen
x € 1.000
Belangrijkste afwijkingen Programma 3 Verschil
Jeugdhulp - 200 N
Bijstand 150 V
Overige afwijkingen 10 V
Totaal afwijkingen 40 N
Toelichting belangrijkste afwijkingen
Thema 3.1 Jeugd
Jeugdzorg en jeugdhulp, nadeel € 200.000
  • Nadeel van € 230.000 op de specialistische jeugdhulp door meer cliënten.
  • Voordeel van € 30.000* op de jeugdgezondheidszorg.
Thema 3.2 Inkomen
Bijstand, voordelig € 150.000
Minder uitkeringen dan begroot.
* Incidenteel.
"""


def parse(text: str):
    return parse_text(text, "snippet.txt", "0" * 64)


def test_table_items_are_magnitudes_with_direction():
    items = {d.item: (d.amount_eur, d.direction) for d in parse(REPORT).deviations}
    assert items == {"Jeugdhulp": (200_000, "N"), "Bijstand": (150_000, "V"), "Overige afwijkingen": (10_000, "V")}


def test_explanations_link_to_items_by_name_or_amount_with_scope_and_sub_items():
    deviations = {d.item: d for d in parse(REPORT).deviations}
    youth = deviations["Jeugdhulp"]
    assert youth.scope == "Thema 3.1 Jeugd"
    assert youth.explanation.startswith("Jeugdzorg en jeugdhulp, nadeel € 200.000")
    assert [(p.amount_eur, p.direction, p.incidental) for p in youth.parts] == [
        (230_000, "N", False),
        (30_000, "V", True),
    ]
    assert deviations["Bijstand"].explanation.endswith("Minder uitkeringen dan begroot.")
    assert deviations["Overige afwijkingen"].explanation is None


def test_a_deviation_table_that_adds_up_gives_no_warning():
    assert not [w for w in parse(REPORT).warnings if w.code.startswith("deviation")]


def test_a_deviation_table_that_does_not_add_up_is_reported():
    result = parse(REPORT.replace("Totaal afwijkingen 40 N", "Totaal afwijkingen 60 N"))
    [warning] = [w for w in result.warnings if w.code == "deviation-total-mismatch"]
    assert warning.message == "the deviation items add up to 40 N but the total says 60 N"


GROUPS = """\
Jaarverslag 2021
Tabel afwijkingen
x € 1.000
Afwijkingen Programma 6 | Bedrag
6.1 Samenkracht |
Lagere lasten inburgering | 95 V
Overige afwijkingen | 12 V
Totaal | 107 V
6.2 Wijkteams |
Hogere uitgaven WMO loket | 52 N
Overige afwijkingen | 28 V
Totaal | 24 N
Totaal programma 6 | 83 V
"""


def test_each_group_total_and_the_grand_total_are_checked_against_their_own_items():
    assert [w for w in parse(GROUPS).warnings if w.code == "deviation-total-mismatch"] == []
    wrong = parse(GROUPS.replace("Totaal | 24 N", "Totaal | 34 N"))
    lines = [w.line for w in wrong.warnings if w.code == "deviation-total-mismatch"]
    assert lines == [12, 13]  # the group's own total, and the grand total that no longer adds up


def test_an_explanation_with_another_amount_than_the_table_is_reported():
    result = parse(REPORT.replace("Bijstand, voordelig € 150.000", "Bijstand, voordelig € 180.000"))
    [warning] = [w for w in result.warnings if w.code == "deviation-explanation-mismatch"]
    assert "'Bijstand'" in warning.message and "€ 180000" in warning.message


def test_without_a_table_the_explanations_are_the_deviations():
    text = "Jaarverslag 2020\nThema 1.2 Wmo\nHuishoudelijke hulp, nadeel € 106.000\nMeer cliënten.\n"
    [deviation] = parse(text).deviations
    assert (deviation.item, deviation.amount_eur, deviation.direction, deviation.scope) == (
        "Huishoudelijke hulp",
        106_000,
        "N",
        "Thema 1.2 Wmo",
    )


@pytest.fixture(scope="module")
def ooststellingwerf():
    path = SAMPLES / "001_c73ba17fbb0e9615.txt"
    return parse_text(path.read_text(encoding="utf-8"), str(path), "0" * 64)


def test_ooststellingwerf_has_seven_items_netting_127_000_v(ooststellingwerf):
    items = [(d.item, d.amount_eur, d.direction) for d in ooststellingwerf.deviations]
    assert items == [
        ("Jeugdzorg", 328_000, "N"),
        ("Maatwerkvoorziening natura immaterieel", 208_000, "N"),
        ("Algemene reserve", 63_000, "N"),
        ("Participatie", 609_000, "V"),
        ("Levensonderhoud", 35_000, "V"),
        ("Bijzondere bijstand", 43_000, "V"),
        ("Overige kleine afwijkingen", 39_000, "V"),
    ]
    net = sum(d.amount_eur if d.direction == "V" else -d.amount_eur for d in ooststellingwerf.deviations)
    assert net == 127_000


def test_ooststellingwerf_jeugdzorg_is_explained_by_the_crisis_advance(ooststellingwerf):
    youth = ooststellingwerf.deviations[0]
    assert youth.scope == "Thema 1.1 Jeugd" and "Crisis Jeugdhulp" in youth.explanation
    assert ooststellingwerf.deviations[2].incidental
    assert all(d.explanation for d in ooststellingwerf.deviations[:6])


def test_deviations_told_in_sentences_under_headings():
    text = (
        "Analyse begroting 2018\n3. Maatschappelijk werk:\n"
        "De lasten zijn lager omdat er incidenteel budget was (voordelig € 35.000).\n"
        "Er is geen dekking vanuit de reserve begroot. (nadelig €57.000)\n5. Minderheden:\n"
        "Geen huur meer voor de opvang (voordelig € 38.000)\nDe gemeente groeit.\n"
    )
    items = [(d.scope, d.amount_eur, d.direction) for d in parse(text).deviations]
    assert items == [
        ("3. Maatschappelijk werk", 35_000, "V"),
        ("3. Maatschappelijk werk", 57_000, "N"),
        ("5. Minderheden", 38_000, "V"),
    ]
    assert parse(text).deviations[0].explanation.startswith("De lasten zijn lager")


def test_prose_is_not_read_when_the_document_has_a_deviation_table():
    assert len(parse(REPORT + "Verder een voordeel van € 5.000 op papier.\n").deviations) == 3


def test_an_item_named_on_a_line_of_its_own_is_explained_by_the_sentences_below_it_once():
    result = parse(
        "Jaarverslag 2023 gemeente Meppel\nToelichting op de afwijkingen\nJeugdzorg (nadeel € 750.000)\n"
        "De kosten van de jeugdzorg zijn hoger dan begroot doordat meer jongeren hulp kregen.\n"
        "Wmo-voorzieningen (voordeel € 210.000)\nEr zijn minder woningaanpassingen aangevraagd dan verwacht.\n"
    )
    assert [(d.item, d.amount_eur, d.direction, d.explanation) for d in result.deviations] == [
        ("Jeugdzorg", 750000, "N",
         ("Jeugdzorg (nadeel € 750.000)\nDe kosten van de jeugdzorg zijn hoger dan begroot doordat meer jongeren hulp "
          "kregen.")),
        ("Wmo-voorzieningen", 210000, "V",
         "Wmo-voorzieningen (voordeel € 210.000)\nEr zijn minder woningaanpassingen aangevraagd dan verwacht."),
    ]


def test_an_item_of_a_list_is_not_explained_by_the_text_after_the_list():
    result = parse(
        "Jaarverslag 2023 gemeente Meppel\nAfwijkingen\n• Bijstand: € 781.000 nadeel\n• Armoede: € 503.000 nadeel\n"
        "De reserve sociaal domein wordt met deze mutaties aangevuld tot een hoger bedrag dan vorig jaar.\n"
    )
    assert [d.explanation for d in result.deviations] == ["• Bijstand: € 781.000 nadeel", "• Armoede: € 503.000 nadeel"]


def test_a_table_with_a_voordeel_and_a_nadeel_column_gives_each_item_the_direction_of_its_column():
    result = parse(
        "Najaarsnota 2024 gemeente Gouda\nFinanciële afwijkingen (bedragen x € 1.000)\n"
        "Omschrijving | I/S | Voordeel | Nadeel\nHogere kosten jeugdzorg | S | | 850\n"
        "Lagere uitvoeringskosten Wmo | I | 120 |\nHogere rijksbijdrage participatie | S | 300 |\nTotaal | | 420 | 850\n"
    )
    assert [(d.item, d.amount_eur, d.direction, d.incidental) for d in result.deviations] == [
        ("Hogere kosten jeugdzorg", 850000, "N", False),
        ("Lagere uitvoeringskosten Wmo", 120000, "V", True),
        ("Hogere rijksbijdrage participatie", 300000, "V", False),
    ]
    assert result.budget_lines == []
    assert [w.code for w in result.warnings] == []


def test_a_voordeel_and_a_nadeel_column_are_the_header_without_other_column_words():
    result = parse(
        "Voorjaarsnota 2024 gemeente Gouda\nVoor- en nadelen\nOnderwerp | Voordeel | Nadeel\n"
        "Energiekosten | | 300.000\nRente | 150.000 |\n"
    )
    assert [(d.item, d.amount_eur, d.direction, d.scope) for d in result.deviations] == [
        ("Energiekosten", 300000, "N", "Voor- en nadelen"),
        ("Rente", 150000, "V", "Voor- en nadelen"),
    ]


def test_an_item_in_a_list_keeps_its_name_when_its_amount_is_called_one_off():
    result = parse(
        "Najaarsnota 2024 gemeente Gouda\nProgramma 4 Wonen\n- Bouwleges: voordeel € 210.000 (incidenteel)\n"
        "- Onderhoud wegen: nadeel € 95.000\n"
    )
    assert [(d.item, d.amount_eur, d.direction, d.incidental) for d in result.deviations] == [
        ("Bouwleges", 210000, "V", True),
        ("Onderhoud wegen", 95000, "N", False),
    ]


def test_a_table_titled_voor_en_nadelen_is_a_deviation_table():
    result = parse(
        "Najaarsnota 2024 gemeente Gouda\nOverzicht voor- en nadelen (bedragen x € 1.000)\nOmschrijving | Bedrag\n"
        "Hogere kosten jeugdzorg | 850 N\nLagere uitvoeringskosten Wmo | 120 V\n"
    )
    assert [(d.item, d.amount_eur, d.direction) for d in result.deviations] == [
        ("Hogere kosten jeugdzorg", 850000, "N"),
        ("Lagere uitvoeringskosten Wmo", 120000, "V"),
    ]


@pytest.mark.parametrize(
    "after",
    [
        "Beleidsindicatoren\nIndicator\nEenheid\n2022\n2023\nJongeren met jeugdhulp\n%\n10,8\n9,9\nNiet-sporters\n%\n44,2\n46,4\n",
        "Project | Trekker | Planning\nFietspad Oost | Gemeente | Derde kwartaal\nBrug Zuid | Provincie | Vierde kwartaal\n",
    ],
    ids=["a document part's title", "a table that is not read"],
)
def test_an_explanation_ends_where_a_document_part_or_any_table_begins(after):
    result = parse(
        "Jaarverslag 2023 gemeente Dalfsen\nToelichting op de verschillen\nWmo huishoudelijke hulp: nadeel € 230.000\n"
        f"Het aantal cliënten is gestegen.\n{after}"
    )
    assert [d.explanation for d in result.deviations] == [
        "Wmo huishoudelijke hulp: nadeel € 230.000\nHet aantal cliënten is gestegen."
    ]


YEARLY = (
    "Tweede bestuursrapportage 2024 gemeente Zwolle\nFinanciële afwijkingen\n"
    "Bedragen x € 1.000 (- = nadeel, + = voordeel)\nOmschrijving | 2024 | 2025 | 2026 | I/S\n"
    "Hogere uitkeringslasten bijstand | -850 | -400 | -400 | S\nLagere kosten re-integratie | 320 | 0 | 0 | I\n"
    "Totaal | -530 | -400 | -400 |\nToelichting\nHogere uitkeringslasten bijstand\n"
    "Door meer bijstandsgerechtigden vallen de uitkeringslasten hoger uit.\nLagere kosten re-integratie\n"
    "Minder trajecten zijn gestart dan geraamd.\n"
)


def test_a_deviation_table_per_year_gives_each_item_with_the_amount_of_the_reports_year():
    result = parse(YEARLY)
    assert [(d.item, d.amount_eur, d.direction, d.incidental) for d in result.deviations] == [
        ("Hogere uitkeringslasten bijstand", 850_000, "N", False),
        ("Lagere kosten re-integratie", 320_000, "V", True),
    ]


def test_a_line_that_is_an_items_name_below_the_table_starts_its_explanation():
    result = parse(YEARLY)
    assert [d.explanation for d in result.deviations] == [
        "Hogere uitkeringslasten bijstand\nDoor meer bijstandsgerechtigden vallen de uitkeringslasten hoger uit.",
        "Lagere kosten re-integratie\nMinder trajecten zijn gestart dan geraamd.",
    ]


def test_a_toelichting_column_of_a_deviation_table_is_each_items_explanation_not_its_name():
    result = parse(
        "Tweede bestuursrapportage 2024 gemeente Zwolle\nAfwijkingen met toelichting\n"
        "Programma | Lasten/Baten | Bedrag | V/N | Toelichting\n"
        "3.1 Jeugd | Lasten | 1.200.000 | N | Meer jongeren met specialistische jeugdhulp.\n"
        "3.2 Wmo | Baten | 85.000 | V | Hogere eigen bijdragen.\n"
    )
    assert [(d.item, d.amount_eur, d.direction, d.explanation) for d in result.deviations] == [
        ("3.1 Jeugd", 1_200_000, "N", "Meer jongeren met specialistische jeugdhulp."),
        ("3.2 Wmo", 85_000, "V", "Hogere eigen bijdragen."),
    ]


@pytest.mark.parametrize(
    ("line", "incidental"),
    [
        ("Bedrijventerrein De Veldhoek: nadeel € 165.000 (incidenteel)", True),
        ("Bedrijventerrein De Veldhoek: nadeel € 165.000 incidenteel", True),
        ("Bedrijventerrein De Veldhoek: nadeel € 165.000 (I)", True),
        ("Bedrijventerrein De Veldhoek: nadeel € 165.000 (structureel)", False),
    ],
)
def test_an_item_line_that_calls_its_amount_one_off_is_incidental(line, incidental):
    result = parse(f"Najaarsnota 2024 gemeente Berkelland\nToelichting\n{line}\nDe gronduitgifte is vertraagd.\n")
    assert [d.incidental for d in result.deviations] == [incidental]


def test_a_sentence_that_mentions_a_one_off_budget_elsewhere_does_not_make_its_deviation_incidental():
    result = parse(
        "Jaarverslag 2023 gemeente Best\nWmo\nDe lasten zijn lager omdat er in 2022 incidenteel budget beschikbaar was "
        "(voordelig € 35.000).\n"
    )
    assert [(d.amount_eur, d.incidental) for d in result.deviations] == [(35_000, False)]


def test_a_v_n_column_beside_the_items_is_no_group_of_them():
    result = parse(
        "Jaarverslag 2023 gemeente Tynaarlo\nProgramma 3 Sociaal domein\nAnalyse van de verschillen (bedragen x € 1.000)\n"
        "Omschrijving | Bedrag | V/N | I/S\nJeugdhulp | 412 | N | S\nParticipatiewet | 180 | V | I\n"
    )
    assert [(d.scope, d.item, d.direction, d.incidental) for d in result.deviations] == [
        ("Programma 3 Sociaal domein", "Jeugdhulp", "N", False),
        ("Programma 3 Sociaal domein", "Participatiewet", "V", True),
    ]


def test_an_item_named_before_its_amount_and_a_colon_is_that_items_deviation():
    result = parse(
        "Najaarsnota 2024 gemeente Wijchen\nProgramma 2 Sociaal domein\n"
        "Jeugdzorg (nadeel € 450.000): de kosten van specialistische jeugdhulp stijgen door meer cliënten.\n"
        "Bijstand (voordeel € 210.000): minder uitkeringen door de gunstige arbeidsmarkt.\n"
    )
    assert [(d.scope, d.item, d.amount_eur, d.direction) for d in result.deviations] == [
        ("Programma 2 Sociaal domein", "Jeugdzorg", 450_000, "N"),
        ("Programma 2 Sociaal domein", "Bijstand", 210_000, "V"),
    ]


def test_an_incidental_and_a_structural_column_give_each_item_its_one_off_and_its_lasting_deviation():
    result = parse(
        "1e Bestuursrapportage 2025 gemeente Geldrop-Mierlo\nOverzicht afwijkingen (bedragen x € 1.000, - = nadeel)\n"
        "Omschrijving | Incidenteel | Structureel\nHogere kosten jeugdhulp | -300 | -150\n"
        "Lagere uitgaven armoedebeleid | 80 |\nTotaal | -220 | -150\n"
    )
    assert [(d.item, d.amount_eur, d.direction, d.incidental) for d in result.deviations] == [
        ("Hogere kosten jeugdhulp", 300_000, "N", True),
        ("Hogere kosten jeugdhulp", 150_000, "N", False),
        ("Lagere uitgaven armoedebeleid", 80_000, "V", True),
    ]
    assert result.budget_lines == []


def test_a_deviation_told_in_a_sentence_below_a_short_heading_line_is_that_headings_item():
    result = parse(
        "Jaarverslag 2023 gemeente Venlo\nJeugdzorg\nHet nadeel op jeugdzorg bedraagt € 450.000 door meer cliënten.\n"
        "Bijstand\nEr is een voordeel van € 120.000 op de bijstand.\n"
        "Wmo\nDe lasten vallen € 80.000 hoger uit dan begroot (nadelig).\n"
    )
    assert [(d.item, d.amount_eur, d.direction, d.explanation) for d in result.deviations] == [
        ("Jeugdzorg", 450_000, "N", "Het nadeel op jeugdzorg bedraagt € 450.000 door meer cliënten."),
        ("Bijstand", 120_000, "V", "Er is een voordeel van € 120.000 op de bijstand."),
        ("Wmo", 80_000, "N", "De lasten vallen € 80.000 hoger uit dan begroot (nadelig)."),
    ]


def test_an_i_s_column_marks_one_off_items_and_the_heading_above_scopes_them():
    text = (
        "Najaarsnota 2024\nProgramma 3 Sociaal domein\nAnalyse van de afwijkingen\nBedragen x € 1.000\n"
        "Omschrijving\nBedrag\nV/N\nI/S\nHogere kosten jeugdzorg\n450\nN\nS\nLagere opbrengst leges\n120\nN\nI\n"
        "Totaal afwijkingen\n570\nN\n"
    )
    items = [(d.item, d.incidental, d.scope) for d in parse(text).deviations]
    assert items == [
        ("Hogere kosten jeugdzorg", False, "Programma 3 Sociaal domein"),
        ("Lagere opbrengst leges", True, "Programma 3 Sociaal domein"),
    ]


def test_a_deviation_named_after_its_subject_and_a_generic_heading_is_no_item():
    text = (
        "Jaarrekening 2023\nProgramma 6 Sociaal domein\nToelichting\n"
        "Het nadeel op de lasten van € 712.000 komt vooral door hogere kosten jeugdhulp.\n"
    )
    [deviation] = parse(text).deviations
    assert (deviation.item, deviation.amount_eur, deviation.direction) == ("Programma 6 Sociaal domein", 712_000, "N")


LASTEN_BATEN_SALDO = """\
Tweede bestuursrapportage 2024
Programma 2 Sociaal domein
Analyse afwijkingen (bedragen x € 1.000)
Omschrijving | Lasten | Baten | Saldo
Hogere kosten jeugdzorg | -450 | 0 | -450 N
Lagere uitgaven bijstand | 120 | -30 | 90 V
Extra rijksbijdrage WMO | 0 | 75 | 75 V
Totaal | -330 | 45 | -285 N
"""


def test_a_deviation_table_of_lasten_baten_and_saldo_gives_each_items_balance_as_its_deviation():
    extraction = parse(LASTEN_BATEN_SALDO)
    items = {d.item: (d.amount_eur, d.direction) for d in extraction.deviations}
    assert items == {
        "Hogere kosten jeugdzorg": (450_000, "N"),
        "Lagere uitgaven bijstand": (90_000, "V"),
        "Extra rijksbijdrage WMO": (75_000, "V"),
    }
    assert extraction.budget_lines == []


def test_a_budget_table_of_lasten_baten_and_saldo_without_a_deviation_title_stays_a_budget():
    text = LASTEN_BATEN_SALDO.replace("Analyse afwijkingen", "Overzicht per taakveld")
    extraction = parse(text)
    assert extraction.deviations == []
    assert {(b.scope, b.kind) for b in extraction.budget_lines} >= {("Hogere kosten jeugdzorg", "saldo")}


def test_deviations_told_under_short_headings_below_the_documents_title_are_no_status_table():
    text = (
        "Gemeente Ede\nNajaarsnota 2024\nProgramma 3 Jeugd\nJeugdhulp\n"
        "Op jeugdhulp verwachten we een overschrijding van € 1,2 miljoen door meer verwijzingen.\n"
        "Leerlingenvervoer\nDe kosten voor leerlingenvervoer vallen € 150.000 lager uit dan begroot.\n"
    )
    extraction = parse(text)
    assert (extraction.document.doc_type, extraction.document.year) == ("najaarsnota", 2024)
    assert [(d.scope, d.item, d.amount_eur, d.direction) for d in extraction.deviations] == [
        ("Programma 3 Jeugd", "Jeugdhulp", 1_200_000, "N"),
        ("Programma 3 Jeugd", "Leerlingenvervoer", 150_000, "V"),
    ]


def test_items_of_a_bulleted_list_of_advantages_and_disadvantages_are_named_without_their_bullet():
    text = (
        "Eerste bestuursrapportage 2024 gemeente Ede\nProgramma 1 Bestuur\nOverzicht voor- en nadelen\n"
        "• Hogere opbrengst leges € 120.000 V\n- Hogere kosten leerlingenvervoer € 80.000 N\nTotaal € 40.000 V\n"
    )
    assert [(d.item, d.amount_eur, d.direction) for d in parse(text).deviations] == [
        ("Hogere opbrengst leges", 120_000, "V"),
        ("Hogere kosten leerlingenvervoer", 80_000, "N"),
    ]
