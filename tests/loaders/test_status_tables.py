"""Status tables in progress reports: activities, statuses per period, fields and warnings."""

from __future__ import annotations

from collections import Counter

import pytest

from loaders.extract import parse_text
from tests.conftest import ZEVENAAR

DETAIL = """\
3e Voortgangsrapportage 2021
Gemeente Lingewaard

4. Wonen

4.1 Betaalbaar wonen

4.1.1 Bouwen van starterswoningen

Jaar realisatie

2023

We bouwen 200 starterswoningen.

Stand van zaken

Begroting 2021

1e VGR 2021

2e VGR 2021

Op schema

Vertraagd

Afgerond

De laatste woningen zijn opgeleverd.

Voorstel raad

Wij stellen u voor het restant van het krediet te laten vallen.

4.1.2 Huisvesten statushouders

Gereed in: 2022

Stand van zaken

Begroting 2021

1e VGR 2021

2e VGR 2021

Op schema

Op schema

Bijna klaar
"""


def parse(text: str, municipality: str | None = None):
    return parse_text(text, "snippet.txt", "0" * 64, municipality)


def test_activities_get_code_name_theme_programme_and_target_year():
    result = parse(DETAIL)
    first = result.activities[0]
    assert (first.code, first.name, first.theme, first.programme, first.target_year) == (
        "4.1.1",
        "Bouwen van starterswoningen",
        "4.1 Betaalbaar wonen",
        "4. Wonen",
        2023,
    )
    assert result.activities[1].target_year == 2022


def test_description_progress_and_council_proposal_are_kept():
    first = parse(DETAIL).activities[0]
    assert first.description == "We bouwen 200 starterswoningen."
    assert first.progress == "De laatste woningen zijn opgeleverd."
    assert first.proposal == "Wij stellen u voor het restant van het krediet te laten vallen."


def test_a_chapter_after_the_proposal_such_as_financien_is_not_part_of_it():
    text = DETAIL.replace(
        "Wij stellen u voor het restant van het krediet te laten vallen.",
        "Wij stellen u voor het restant van het krediet te laten vallen.\n\nFinanciën\n\nDe kosten bedragen € 20.000.",
    )
    first = parse(text).activities[0]
    assert first.proposal == "Wij stellen u voor het restant van het krediet te laten vallen."


def test_statuses_per_period_keep_the_raw_label():
    result = parse(DETAIL)
    mine = [(s.period, s.status, s.status_raw) for s in result.statuses if s.activity_code == "4.1.1"]
    assert mine == [
        ("Begroting 2021", "on_track", "Op schema"),
        ("1e VGR 2021", "partly", "Vertraagd"),
        ("2e VGR 2021", "done", "Afgerond"),
    ]


def test_periods_are_in_time_order():
    assert [p.label for p in parse(DETAIL).periods] == ["Begroting 2021", "1e VGR 2021", "2e VGR 2021"]


def test_unknown_label_becomes_unknown_with_a_warning_naming_it():
    result = parse(DETAIL)
    last = [s for s in result.statuses if s.activity_code == "4.1.2"][-1]
    assert (last.status, last.status_raw) == ("unknown", "Bijna klaar")
    assert any(w.code == "unmapped-status-label" and "'Bijna klaar'" in w.message for w in result.warnings)


def test_headers_without_year_take_the_document_year_with_a_warning():
    text = DETAIL.replace("Begroting 2021\n", "Begroting\n").replace("1e VGR 2021", "1e VGR")
    result = parse(text)
    guessed = {p.label: p.year_guessed for p in result.periods}
    assert guessed == {"Begroting": True, "1e VGR": True, "2e VGR 2021": False}
    assert [p.year for p in result.periods] == [2021, 2021, 2021]


INDEX_THEN_DETAIL = """\
2e Voortgangsrapportage 2020
Gemeente Doesburg
Naam activiteit
Status 2019
Status 1e VGR
Status 2e VGR
2.1.1 Groen onderhoud
2.1.2 Speelplaatsen
2.1 Openbare ruimte
2.1.1 Groen onderhoud
Stand van zaken
Rek. 2019
1e VGR
2e VGR
Volgens plan
Volgens plan
Volgens plan
2.1.2 Speelplaatsen
Stand van zaken
Rek. 2019
1e VGR
2e VGR
Volgens plan
Niet geheel volgens plan
Bijsturing raad
"""


def test_activity_list_appearing_twice_is_deduplicated():
    result = parse(INDEX_THEN_DETAIL)
    assert [a.code for a in result.activities] == ["2.1.1", "2.1.2"]
    assert len(result.statuses) == 6


def test_status_columns_without_values_give_a_warning_and_no_statuses():
    result = parse(INDEX_THEN_DETAIL)
    missing = [w for w in result.warnings if w.code == "status-values-missing"]
    assert len(missing) == 1 and missing[0].line == 4
    assert {s.period for s in result.statuses} == {"Rek. 2019", "1e VGR", "2e VGR"}


def test_no_statuses_are_invented_when_a_whole_table_lost_its_values():
    text = "Voortgangsrapportage 2020\n1.1.1 Iets doen\nStand van zaken\nRek. 2019\n1e VGR\nWe zijn bezig.\n"
    result = parse(text)
    assert result.statuses == [] and any(w.code == "status-values-missing" for w in result.warnings)


def test_fewer_values_than_columns_are_assigned_to_the_latest_periods_with_a_warning():
    text = (
        "Voortgangsrapportage 2020\n1.1.1 Nieuwe activiteit\nStand van zaken\nRek. 2019\n1e VGR\n2e VGR\n"
        "Op koers\nDe activiteit is nieuw dit jaar.\n"
    )
    result = parse(text)
    assert [(s.period, s.status) for s in result.statuses] == [("2e VGR", "on_track")]
    assert any(w.code == "status-values-partial" for w in result.warnings)


def test_pipe_table_rows_are_read_as_headers_and_values():
    text = "Voortgangsrapportage 2022\n3.2.1 Sportakkoord uitvoeren\nStatus | Q1 2022 | Q2 2022\n | Groen | Oranje\n"
    result = parse(text)
    assert [(s.period, s.status) for s in result.statuses] == [("Q1 2022", "on_track"), ("Q2 2022", "partly")]


def test_inline_status_line_uses_the_document_period():
    text = "2e Bestuursrapportage 2021\n5.1.1 Wijkteams versterken\nStatus: Op koers\nAlles loopt.\n"
    result = parse(text)
    assert [(s.period, s.status) for s in result.statuses] == [("2e VGR 2021", "on_track")]
    assert result.periods[0].canonical == "2e VGR 2021"


def test_a_status_block_without_a_code_takes_its_name_from_the_line_above():
    text = (
        "2e Voortgangsrapportage 2022\nGemeente Ede\nSpeerpunt: Meer groen in de wijk\nStatus: Op koers\n"
        "We planten bomen.\nVeilige fietsroutes\n1e VGR 2022 | 2e VGR 2022\n | Groen | Oranje\n"
    )
    result = parse(text)
    assert [(a.code, a.name) for a in result.activities] == [
        (None, "Meer groen in de wijk"),
        (None, "Veilige fietsroutes"),
    ]
    assert [(s.activity_name, s.period, s.status) for s in result.statuses] == [
        ("Meer groen in de wijk", "2e VGR 2022", "on_track"),
        ("Veilige fietsroutes", "1e VGR 2022", "on_track"),
        ("Veilige fietsroutes", "2e VGR 2022", "partly"),
    ]


def test_status_without_any_name_above_is_reported_not_stored():
    text = (
        "Voortgangsrapportage 2020\nDit is tekst.\nNog meer tekst.\nEn nog een zin.\nLaatste zin.\n"
        "Rek. 2019\n1e VGR\nVolgens plan\nVolgens plan\n"
    )
    result = parse(text)
    assert result.statuses == [] and any(w.code == "status-without-activity" for w in result.warnings)


def test_a_municipality_vocabulary_changes_the_meaning_of_a_label():
    text = "Voortgangsrapportage 2020\n1.1.1 Iets\nStand van zaken\nRek. 2019\n1e VGR\nGeel\nGeel\n"
    assert {s.status for s in parse(text).statuses} == {"partly"}
    assert {s.status for s in parse(text, municipality="Lingewaard").statuses} == {"on_track"}


@pytest.fixture(scope="module")
def zevenaar():
    return parse_text(ZEVENAAR.read_text(encoding="utf-8"), str(ZEVENAAR), "0" * 64)


def test_zevenaar_has_fourteen_activities_from_6_1_1_to_6_3_4(zevenaar):
    codes = [a.code for a in zevenaar.activities]
    assert len(codes) == 14 and codes[0] == "6.1.1" and codes[-1] == "6.3.4"
    assert zevenaar.document.municipality == "Zevenaar"


def test_zevenaar_status_counts_per_period(zevenaar):
    assert [p.label for p in zevenaar.periods] == ["Rek. 2018", "1e VGR", "2e VGR"]
    counts = [Counter(s.status for s in zevenaar.statuses if s.period == p.label) for p in zevenaar.periods]
    assert [(c["on_track"], c["partly"], c["council_action"]) for c in counts] == [(11, 2, 1), (11, 2, 1), (8, 5, 1)]
    assert len(zevenaar.statuses) == 42


def test_zevenaar_grip_op_kosten_needs_council_action_in_every_period(zevenaar):
    mine = [s for s in zevenaar.statuses if s.activity_code == "6.1.4"]
    assert mine[0].activity_name == "Vergroten grip op kosten"
    assert {s.status for s in mine} == {"council_action"} and {s.status_raw for s in mine} == {"Bijsturing raad"}


def test_zevenaar_target_years(zevenaar):
    years = {a.code: a.target_year for a in zevenaar.activities}
    assert years["6.2.4"] == 2019 and years["6.1.1"] == 2022


TABLE_OF_ACTIVITIES = """\
2e Bestuursrapportage 2022
Gemeente Nieuwegein
Activiteit | Status 1e burap | Status 2e burap
3.1.1 Fietspaden verbreden | Groen | Oranje
3.1.2 Laadpalen plaatsen | Groen | Bijna klaar
"""


def test_a_table_with_one_row_per_activity_gives_activities_and_statuses():
    result = parse(TABLE_OF_ACTIVITIES)
    assert [(a.code, a.name) for a in result.activities] == [
        ("3.1.1", "Fietspaden verbreden"),
        ("3.1.2", "Laadpalen plaatsen"),
    ]
    assert [(s.activity_code, s.period, s.status) for s in result.statuses] == [
        ("3.1.1", "Status 1e burap", "on_track"),
        ("3.1.1", "Status 2e burap", "partly"),
        ("3.1.2", "Status 1e burap", "on_track"),
        ("3.1.2", "Status 2e burap", "unknown"),
    ]
    assert [p.canonical for p in result.periods] == ["1e VGR 2022", "2e VGR 2022"]


def test_a_status_column_without_period_takes_the_document_period_and_repeated_codes_are_programmes():
    text = (
        "2e Tussentijdse rapportage 2022\nProg. | Speerpunt | Status\nT2 | Project Bereikbaar Stompwijk | Oranje\n"
        "T2 | Herprofilering Veursestraatweg | Groen\nT6 | Sociaal Kompas | Rood\n"
    )
    result = parse(text)
    assert [(a.code, a.name, a.programme) for a in result.activities] == [
        (None, "Project Bereikbaar Stompwijk", "T2"),
        (None, "Herprofilering Veursestraatweg", "T2"),
        (None, "Sociaal Kompas", "T6"),
    ]
    assert [(s.period, s.status) for s in result.statuses] == [
        ("2e VGR 2022", "partly"),
        ("2e VGR 2022", "on_track"),
        ("2e VGR 2022", "council_action"),
    ]


def test_a_status_column_over_rows_that_lost_their_icons_gives_the_activities_without_statuses():
    lines = ["Voor u ligt de 2e Tussentijdse rapportage 2022 van de gemeente Leidschendam-Voorburg.", "Prog.",
             "Speerpunt", "Status", "T0", "Herstelbeleid", "T2", "Project Bereikbaar Stompwijk", "T2",
             "Versterken preventie en de effectiviteit van de jeugdhulp", "T6", "Sociaal Kompas",
             "In het hoofdstuk Beleidsspeerpunten lichten wij de stand van zaken per speerpunt toe."]
    result = parse("\n".join(lines))
    assert [(a.programme, a.name) for a in result.activities] == [
        ("T0", "Herstelbeleid"),
        ("T2", "Project Bereikbaar Stompwijk"),
        ("T2", "Versterken preventie en de effectiviteit van de jeugdhulp"),
        ("T6", "Sociaal Kompas"),
    ]
    assert result.statuses == []
    assert [w.code for w in result.warnings] == ["status-values-missing"]


def test_a_toelichting_after_an_activitys_status_is_its_progress_without_the_label():
    result = parse(
        "1e Voortgangsrapportage 2025 gemeente Heerenveen\nProgramma 1 Mobiliteit\n1.1 Veilige fietspaden\n"
        "Status: Op schema\nToelichting: De aanleg van de fietspaden ligt op koers.\n"
    )
    [activity] = result.activities
    assert (activity.code, activity.progress) == ("1.1", "De aanleg van de fietspaden ligt op koers.")
    assert [(s.activity_code, s.status) for s in result.statuses] == [("1.1", "on_track")]


def test_a_status_tables_toelichting_column_is_the_progress_and_its_omschrijving_the_description():
    result = parse(
        "2e Voortgangsrapportage 2024 gemeente Heerenveen\n"
        "Nr | Activiteit | Omschrijving | Status | Toelichting\n"
        "1.1 | Veilige fietspaden | Aanleg van vrijliggende fietspaden | Groen | De aanleg ligt op koers.\n"
        "1.2 | Laadpalen | Plaatsen van 40 laadpalen | Oranje | De levering is vertraagd.\n"
    )
    assert [(a.code, a.description, a.progress) for a in result.activities] == [
        ("1.1", "Aanleg van vrijliggende fietspaden", "De aanleg ligt op koers."),
        ("1.2", "Plaatsen van 40 laadpalen", "De levering is vertraagd."),
    ]
    assert [s.status for s in result.statuses] == ["on_track", "partly"]


BLOCKS_WITH_A_LABEL_LINE = (
    "Voortgangsrapportage coalitieakkoord 2024 gemeente Lochem\nOpgave 1 Wonen\n1.1 Woningbouw versnellen\nStatus\n"
    "In uitvoering\nWe hebben 150 woningen opgeleverd.\n1.2 Sociale huur uitbreiden\nStatus\nAandacht nodig\n"
    "1.3 Woonvisie actualiseren\nStand van zaken\nGereed\nDe visie is in juni vastgesteld.\n"
)


def test_a_status_label_on_a_line_of_its_own_takes_the_next_line_as_its_value():
    result = parse(BLOCKS_WITH_A_LABEL_LINE)
    assert [(s.activity_code, s.status, s.status_raw) for s in result.statuses] == [
        ("1.1", "on_track", "In uitvoering"), ("1.2", "partly", "Aandacht nodig"), ("1.3", "done", "Gereed"),
    ]
    assert [a.progress for a in result.activities] == [
        "We hebben 150 woningen opgeleverd.", None, "De visie is in juni vastgesteld."
    ]


def test_a_report_without_its_number_is_the_years_report():
    result = parse(BLOCKS_WITH_A_LABEL_LINE)
    assert result.document.period == "Rapportage 2024"
    assert {s.period for s in result.statuses} == {"Voortgangsrapportage 2024"}


def test_a_sentence_after_a_status_label_is_not_a_status():
    result = parse("2e Voortgangsrapportage 2024 gemeente Lochem\n1.1 Woningbouw\nStatus\nWe bouwen door.\n")
    assert result.statuses == []


def test_one_cell_per_line_under_activiteit_status_toelichting_gives_each_activity_its_status_and_progress():
    lines = ["2e Voortgangsrapportage 2024 gemeente Oss", "Activiteit", "Status", "Toelichting",
             "Aanleg fietspad Oost", "Op schema", "De aanbesteding is afgerond.",
             "Nieuwe sporthal", "Vertraagd", "De vergunning loopt vertraging op door bezwaren.",
             "Herinrichting Markt", "Gereed", "Klaar"]
    result = parse("\n".join(lines))
    assert [(a.name, a.progress) for a in result.activities] == [
        ("Aanleg fietspad Oost", "De aanbesteding is afgerond."),
        ("Nieuwe sporthal", "De vergunning loopt vertraging op door bezwaren."),
        ("Herinrichting Markt", "Klaar"),
    ]
    assert [(s.period, s.status) for s in result.statuses] == [
        ("2e VGR 2024", "on_track"), ("2e VGR 2024", "partly"), ("2e VGR 2024", "done"),
    ]


PLANNED = """\
Tweede bestuursrapportage 2024
Programma 1 Veiligheid
Activiteit
Planning
Stand van zaken
Status
Actualiseren integraal veiligheidsplan
Q2 2024
Het plan is in concept gereed en wordt in het najaar aan de raad aangeboden.
Vertraagd
Invoeren cameratoezicht winkelcentrum
Q4 2024
De camera's zijn geplaatst.
Gereed
Aanpak ondermijning
2024-2026
Loopt volgens planning.
Op schema
"""


def test_a_planning_and_a_progress_column_beside_the_status_column_one_cell_per_line():
    result = parse(PLANNED)
    assert [(s.activity_name, s.status, s.status_raw) for s in result.statuses] == [
        ("Actualiseren integraal veiligheidsplan", "partly", "Vertraagd"),
        ("Invoeren cameratoezicht winkelcentrum", "done", "Gereed"),
        ("Aanpak ondermijning", "on_track", "Op schema"),
    ]
    first = result.activities[0]
    assert first.progress.startswith("Het plan is in concept gereed")
    assert first.fields == {"timeline": "Q2 2024"}
    assert first.description is None
    assert not [w for w in result.warnings if w.code in {"unmapped-status-label", "conflicting-status"}]


def test_a_goal_column_before_the_activity_column_is_each_activitys_theme_not_the_activity():
    text = (
        "Jaarverslag 2023\nDoel\nActiviteit\nStatus\nToelichting\n"
        "1.1 Betere dienstverlening\nDigitaal loket uitbreiden\nAfgerond\nHet loket is in gebruik.\n"
        "1.1 Betere dienstverlening\nKlanttevredenheidsonderzoek\nLoopt\nHet onderzoek loopt nog.\n"
        "1.2 Actieve democratie\nInwonerspanel opzetten\nAfgerond\nHet panel is gestart.\n"
    )
    result = parse(text)
    assert [(a.name, a.theme) for a in result.activities] == [
        ("Digitaal loket uitbreiden", "1.1 Betere dienstverlening"),
        ("Klanttevredenheidsonderzoek", "1.1 Betere dienstverlening"),
        ("Inwonerspanel opzetten", "1.2 Actieve democratie"),
    ]
    assert [s.status for s in result.statuses] == ["done", "on_track", "done"]


PROGRESS_FIELDS = """\
2e Bestuursrapportage 2024 gemeente Oss

1 Veiligheid
1.1 Cameratoezicht uitbreiden
Stand van zaken: op schema
De camera's zijn geplaatst.
1.2 Buurtpreventie
Stand van zaken: de werving van vrijwilligers is gestart
"""


@pytest.mark.parametrize("field", ["Stand van zaken", "Voortgang"])
def test_a_progress_field_that_holds_only_a_known_status_is_that_status(field):
    result = parse_text(PROGRESS_FIELDS.replace("Stand van zaken", field), "oss.txt", "0" * 64)
    assert [(s.activity_code, s.period, s.status, s.status_raw) for s in result.statuses] == [
        ("1.1", "2e VGR 2024", "on_track", "op schema")
    ]


def test_a_project_table_with_a_status_column_reads_stopped_projects_and_reports_unknown_words():
    text = (
        "Kwartaalrapportage Q3 2024 gemeente Amersfoort\n\nProject | Fase | Planning | Budget | Status\n"
        "Stationsgebied | Uitvoering | Q4 2026 | Binnen budget | Op koers\n"
        "Brandweerkazerne | Ontwerp | Q2 2025 | Overschrijding | Risico\n"
        "Warmtenet Zuid | Voorbereiding | onbekend | Onzeker | Gestopt\n"
    )
    result = parse_text(text, "amersfoort.txt", "0" * 64)
    assert [(s.activity_name, s.status) for s in result.statuses] == [
        ("Stationsgebied", "on_track"), ("Brandweerkazerne", "unknown"), ("Warmtenet Zuid", "council_action")
    ]
    assert [w.code for w in result.warnings if w.code == "unmapped-status-label"] == ["unmapped-status-label"]


def test_a_status_cell_with_its_colour_and_meaning_is_known_by_both_and_kept_whole():
    text = (
        "2e Bestuursrapportage 2024 gemeente Oss\n\nActiviteit | Status\n"
        "Cameratoezicht uitbreiden | Groen - op schema\nBuurtpreventie | Oranje (vertraagd)\n"
        "Ondermijning aanpakken | Rood: niet haalbaar\n"
    )
    result = parse_text(text, "oss.txt", "0" * 64)
    assert [(s.activity_name, s.status, s.status_raw) for s in result.statuses] == [
        ("Cameratoezicht uitbreiden", "on_track", "Groen - op schema"),
        ("Buurtpreventie", "partly", "Oranje (vertraagd)"),
        ("Ondermijning aanpakken", "council_action", "Rood: niet haalbaar"),
    ]


def test_period_columns_of_symbols_that_nothing_explains_are_reported_not_guessed():
    text = (
        "Bestuursrapportage 2024 gemeente Oss\n\nActiviteit | Burap 1 | Burap 2\n"
        "Nieuw zwembad | ◆ | ◇\nCentrumplan | ◇ | ◆\n"
    )
    result = parse_text(text, "oss.txt", "0" * 64)
    assert result.statuses == []
    [warning] = [w for w in result.warnings if w.code == "status-values-unexplained"]
    assert "Burap 1, Burap 2" in warning.message and "'◆', '◇'" in warning.message and warning.line == 3


def test_a_status_column_of_percentages_that_nothing_explains_is_reported_not_guessed():
    text = "Voortgangsrapportage 2024 gemeente Oss\n\nActiviteit | Status\nNieuw zwembad | 80%\nCentrumplan | 100%\n"
    result = parse_text(text, "oss.txt", "0" * 64)
    assert result.statuses == []
    [warning] = [w for w in result.warnings if w.code == "status-values-unexplained"]
    assert "'80%', '100%'" in warning.message


def test_a_line_of_periods_and_their_statuses_under_an_activity_gives_a_status_per_period():
    text = (
        "Tweede bestuursrapportage 2024 gemeente Leusden\n3.1.1 Verbeteren dienstverlening\n"
        "1e Burap: op schema | 2e Burap: vertraagd\nToelichting: De nieuwe website is later live gegaan.\n"
        "3.1.2 Digitalisering archief\nPlanning: 2025\n2023: gestart; 2024: afgerond\n"
    )
    result = parse_text(text, "leusden.txt", "0" * 64)
    assert [(s.activity_code, s.status, s.status_raw) for s in result.statuses] == [
        ("3.1.1", "on_track", "op schema"), ("3.1.1", "partly", "vertraagd")
    ]


def test_a_heading_that_ends_in_its_status_in_brackets_gives_that_status_and_no_legend():
    text = (
        "Voortgangsrapportage 2024 gemeente Bunnik\n1.1 Nieuw zwembad (groen)\nDe bouw ligt op schema.\n"
        "1.2 Fietspad Noord (oranje)\nDe vergunning is vertraagd.\n1.3 Cultuurhuis (rood)\nBudget ontoereikend.\n"
        "1.4 Sporthal (fase 2)\nDe aanbesteding loopt.\n"
    )
    result = parse_text(text, "bunnik.txt", "0" * 64)
    assert [(s.activity_code, s.activity_name, s.status) for s in result.statuses] == [
        ("1.1", "Nieuw zwembad", "on_track"), ("1.2", "Fietspad Noord", "partly"), ("1.3", "Cultuurhuis", "council_action")
    ]
    assert result.document.legend == {}
