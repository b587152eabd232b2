"""Indicator lists: groups, values per period, target and source."""

from __future__ import annotations

from collections import Counter

import pytest

from loaders.extract import parse_text
from loaders.recognizers.indicators import unit_from_name
from tests.conftest import SAMPLES


def parse(text: str):
    return parse_text(text, "snippet.txt", "0" * 64)


NAMES = """\
Indicatoren
In de begroting zijn de volgende indicatoren opgenomen:
Kader 1: gezond en weerbaar |
Percentage jeugdigen in jeugdhulp |
|
Aantal kinderen dat sport |
Kader 2: vitaal oud worden |
Percentage eenzame ouderen |
Ondertekening
Ziet u een fout?
"""


def test_names_are_grouped_per_kader_and_the_list_ends_at_a_stop_line():
    indicators = parse(NAMES).indicators
    assert [(i.name, i.group, i.unit) for i in indicators] == [
        ("Percentage jeugdigen in jeugdhulp", "Kader 1: gezond en weerbaar", "%"),
        ("Aantal kinderen dat sport", "Kader 1: gezond en weerbaar", "aantal"),
        ("Percentage eenzame ouderen", "Kader 2: vitaal oud worden", "%"),
    ]
    assert all(i.values == [] for i in indicators)


VALUES = """\
Beleidsindicatoren
2.1 Werk en inkomen
Banen per 1.000 inwoners | | | |
Realisatie | Realisatie | Realisatie | Streefwaarde
2020 | 2021 | 2022 | 2022
612,5 | n.n.b. | 640 | 650
Bron: | CBS
Toelichting: | Banen van 15-74 jaar.
"""


def test_values_per_period_target_and_source_are_kept():
    [indicator] = parse(VALUES).indicators
    assert [(v.period, v.value) for v in indicator.values] == [("2020", 612.5), ("2021", None), ("2022", 640)]
    assert (indicator.target, indicator.source, indicator.unit) == (650, "CBS", "per 1.000")


def test_indicator_value_periods_are_document_periods():
    result = parse(VALUES)
    assert {v.period for i in result.indicators for v in i.values} <= {p.label for p in result.periods}


def test_bronckhorst_lists_thirty_indicators_in_five_kaders():
    path = SAMPLES / "002_7e06061e32f00168.txt"
    indicators = parse_text(path.read_text(encoding="utf-8"), str(path), "0" * 64).indicators
    per_group = Counter(i.group.split(":")[0] for i in indicators)
    assert 29 <= len(indicators) <= 30 and len(per_group) == 5 and per_group["Kader 5"] == 11


CARDS = (
    "Jaarverslag 2023 gemeente Hoeksche Waard\nProgramma 1 Veiligheid\nIndicatoren\n"
    "Indicator: Percentage inwoners dat zich veilig voelt in de buurt\nNulmeting (2021): 78%\nRealisatie 2023: 80%\n"
    "Streefwaarde 2025: 82%\nBron: Veiligheidsmonitor\nIndicator: Aantal woninginbraken per 1.000 woningen\n"
    "Realisatie 2023: 2,4\nStreefwaarde 2025: 2,0\nDe aanpak van woninginbraken loopt volgens plan.\n"
)


def test_an_indicator_written_as_a_card_gives_its_values_target_and_source():
    result = parse(CARDS)
    assert [(i.name, i.group, i.unit, [(v.period, v.value) for v in i.values], i.target, i.source)
            for i in result.indicators] == [
        ("Percentage inwoners dat zich veilig voelt in de buurt", "Programma 1 Veiligheid", "%",
         [("Nulmeting (2021)", 78), ("Realisatie 2023", 80)], 82, "Veiligheidsmonitor"),
        ("Aantal woninginbraken per 1.000 woningen", "Programma 1 Veiligheid", "aantal",
         [("Realisatie 2023", 2.4)], 2, None),
    ]


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("Banen (per 1.000 inwoners)", "per 1.000 inwoners"),
        ("Wmo-cliënten (per 10.000 inwoners)", "per 10.000 inwoners"),
        ("Tevredenheid inwoners (rapportcijfer)", "rapportcijfer"),
        ("Wachttijd (weken)", "weken"),
        ("Gemiddelde wachttijd sociale huur (jaren)", "jaren"),
        ("Doorlooptijd bezwaren in maanden", "maanden"),
        ("Werkloosheid (%)", "%"),
    ],
)
def test_a_unit_in_brackets_in_the_name_is_the_unit_as_printed(name, unit):
    assert unit_from_name(name) == unit
