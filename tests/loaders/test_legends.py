"""Status legends printed in documents map that document's labels."""

from __future__ import annotations

import pytest

from loaders.extract import parse_text
from loaders.readers.text import read_text
from loaders.recognizers.legends import cue_status, find_legend


@pytest.mark.parametrize(
    "legend",
    [
        "Groen = Realisatie volgens begroting\nOranje = Realisatie staat onder druk\nRood = Realisatie niet in begrotingsjaar",
        "(G) Volgens planning\n(O) Niet geheel volgens planning\n(R) Niet volgens planning",
        "- Groen: ligt op schema\n- Oranje: knelpunten in de uitvoering\n- Rood: prestaties worden niet gehaald",
        "GROEN\n\nGoed resultaat binnen de planning\n\nORANJE\n\nWijkt af van de planning\n\nROOD\n\nDusdanige afwijking",
        "Groen\n=\nRealisatie volgens begroting.\nOranje\n=\nRealisatie staat onder druk.\nRood\n=\nNiet haalbaar.",
        "De uitvoering verloopt conform planning (groen), vertraagd (oranje) of niet volgens plan (rood).",
    ],
)
def test_legend_layouts_map_colours_to_statuses(legend):
    found = find_legend(read_text(legend), None)
    assert {key.lower(): status for key, _, status in found.entries} in (
        {"groen": "on_track", "oranje": "partly", "rood": "council_action"},
        {"g": "on_track", "o": "partly", "r": "council_action"},
    )


@pytest.mark.parametrize(
    ("legend", "expected"),
    [
        ("Legenda: ✅ = op schema, ⚠️ = aandacht nodig, ❌ = achter op schema",
         {"✅": "on_track", "⚠️": "partly", "❌": "council_action"}),
        ("+ = op koers\n+/- = risico\n- = vertraagd", {"+": "on_track", "+/-": "partly", "-": "council_action"}),
        ("A = volgens afspraak, B = kleine afwijking", {"A": "on_track", "B": "partly"}),
        ("“+” = op schema\n“+/-” = aandacht\n“-” = achter op schema", {"+": "on_track", "+/-": "partly", "-": "council_action"}),
        ('"+" = op schema\n"-" = vertraagd', {"+": "on_track", "-": "partly"}),
    ],
)
def test_the_worst_of_three_levels_read_as_partly_is_the_red_one(legend, expected):
    found = find_legend(read_text(legend), None)
    assert {key: status for key, _, status in found.entries} == expected


def test_no_legend_in_ordinary_text():
    assert find_legend(read_text("De gemeente werkt aan groen in de wijk.\nRood asfalt op fietspaden."), None) is None


REPORT = """\
2e Voortgangsrapportage 2021
De kleuren betekenen:
Groen: op schema
Geel: positief afwijken
Rood: negatief afwijken
1.1.1 Fietspaden aanleggen
Stand van zaken
1e VGR
2e VGR
Groen
Geel
"""


def test_a_documents_legend_overrides_the_vocabulary_and_is_reported():
    result = parse_text(REPORT, "snippet.txt", "0" * 64)
    assert [s.status for s in result.statuses] == ["on_track", "on_track"]
    assert result.document.legend == {"Groen": "on_track", "Geel": "on_track", "Rood": "council_action"}
    assert any(w.code == "status-legend-used" for w in result.warnings)


def test_a_legend_of_coloured_emoji_governs_a_two_column_pipe_table_of_them():
    text = (
        "Voortgangsrapportage 2024\nLegenda\n🟢 op schema\n🟠 aandacht nodig\n🔴 achter op schema\n\n"
        "Activiteit | Status\n1.1 Aanleg glasvezel | 🟢\n1.2 Herinrichting centrum | 🟠\n1.3 Nieuwbouw sporthal | 🔴\n"
    )
    result = parse_text(text, "emoji.txt", "0" * 64)
    assert [(s.activity_code, s.status, s.status_raw) for s in result.statuses] == [
        ("1.1", "on_track", "op schema"),
        ("1.2", "partly", "aandacht nodig"),
        ("1.3", "council_action", "achter op schema"),  # the worst of three levels: the red one
    ]


def _legend_statuses(text: str) -> dict[str, str]:
    return {key.lower(): status for key, _, status in find_legend(read_text(text), None).entries}


def test_a_problem_the_legend_negates_means_on_track():
    legend = "Groen = er is geen vertraging\nOranje = enige afwijking\nRood = een grote afwijking van de planning"
    assert _legend_statuses(legend) == {"groen": "on_track", "oranje": "partly", "rood": "council_action"}


def test_a_severe_word_before_a_delay_makes_it_a_matter_for_the_council():
    legend = "Groen: op schema\nOranje: lichte vertraging\nRood: ernstig achter op schema"
    assert _legend_statuses(legend) == {"groen": "on_track", "oranje": "partly", "rood": "council_action"}


def test_a_result_that_will_be_reached_is_on_track_and_one_reached_is_done():
    legend = "Groen = de prestatie wordt gerealiseerd\nBlauw = de prestatie is gerealiseerd\nOranje = onzeker"
    assert _legend_statuses(legend) == {"groen": "on_track", "blauw": "done", "oranje": "partly"}


@pytest.mark.parametrize(
    ("description", "status"),
    [
        ("Zonder vertraging", "on_track"),
        ("Er zijn geen risico's", "on_track"),
        ("Forse overschrijding van de planning, aanzienlijke vertraging", "council_action"),
        ("Het doel zal naar alle waarschijnlijkheid worden bereikt", "on_track"),
        ("Het doel is bereikt", "done"),
        ("Loopt iets achter op de planning", "partly"),
        ("Project stopgezet", "council_action"),
        ("Nog te starten", "unknown"),
        ("Het doel wordt mogelijk niet gehaald", "partly"),
        ("Het doel wordt niet gehaald", "council_action"),
    ],
)
def test_cue_words_and_their_rules_name_a_status(description, status):
    assert cue_status(description) == status


def test_symbols_with_their_meanings_separated_by_semicolons_are_a_legend():
    text = (
        "Bestuursrapportage 2024 gemeente Oss\n\nToelichting symbolen: + op schema; +/- aandacht; - achter op schema\n\n"
        "Activiteit | Burap 1 | Burap 2\nNieuw zwembad | + | +\nCentrumplan | +/- | -\n"
    )
    result = parse_text(text, "oss.txt", "0" * 64)
    assert result.document.legend == {"+": "on_track", "+/-": "partly", "-": "council_action"}
    assert [(s.activity_name, s.status) for s in result.statuses] == [
        ("Nieuw zwembad", "on_track"),
        ("Nieuw zwembad", "on_track"),
        ("Centrumplan", "partly"),
        ("Centrumplan", "council_action"),
    ]


def test_a_two_column_table_of_names_and_their_colours_is_a_status_table_not_a_legend():
    text = (
        "Bestuursrapportage 2024 gemeente Oss\n\nActiviteit | Status\nNieuw zwembad | groen\n"
        "Fietspad Oost | oranje\nCentrumplan | rood\n"
    )
    result = parse_text(text, "oss.txt", "0" * 64)
    assert result.document.legend == {}
    assert [(s.activity_name, s.status) for s in result.statuses] == [
        ("Nieuw zwembad", "on_track"),
        ("Fietspad Oost", "partly"),
        ("Centrumplan", "council_action"),
    ]


def test_a_legend_block_of_table_rows_keeps_its_keys_without_the_cell_separator():
    text = "Legenda\ngroen | Loopt volgens planning\noranje | Lichte vertraging\nrood | Ernstige vertraging\n"
    legend = find_legend(read_text(text), None)
    assert set(legend.mapping) >= {"groen", "oranje", "rood"}
    assert not any("|" in key for key in legend.mapping)
