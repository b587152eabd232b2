"""Activity cards of execution programmes and their cost amounts."""

from __future__ import annotations

from collections import Counter

from loaders.extract import parse_text
from tests.conftest import SAMPLES

CARDS = """\
Uitvoeringsprogramma 2: Vitaal oud worden
A. Technologie als steunsysteem
Inleidende tekst over technologie.
A. Technologie als steun systeem |
|
Toelichting Ouderen wonen veiliger thuis met slimme techniek. |
Wat gaan we doen - Project Leefsamen. |
Resultaat Deelnemers voelen zich veiliger. |
Kosten/Baten Cofinanciering van gemeente van € 9.500,- uit budget Wmo. |
Monitoring Evaluatie november 2019. |
Uitvoeringsprogramma 6: Transformatieplan
ACTIVITEIT: Innovatieve toepassingen |
|
Toelichting Slimmer werken. |
Wat gaan we doen Pilots starten. |
Kosten/baten Baten: tijdwinst (60.000 euro per jaar). De projecten kosten € 1,2 mln. |
Monitoring Jaarlijks. |
Activiteit Terugbrengen administratieve last |
|
TOELICHTING Minder formulieren. |
WAT GAAN WE DOEN Onderzoek. |
KOSTEN Geen extra kosten. |
"""


def parse(text: str):
    return parse_text(text, "snippet.txt", "0" * 64)


def test_cards_in_every_title_style_become_activities_with_their_programme():
    activities = parse(CARDS).activities
    assert [(a.name, a.programme) for a in activities] == [
        ("Technologie als steun systeem", "Uitvoeringsprogramma 2: Vitaal oud worden"),
        ("Innovatieve toepassingen", "Uitvoeringsprogramma 6: Transformatieplan"),
        ("Terugbrengen administratieve last", "Uitvoeringsprogramma 6: Transformatieplan"),
    ]


def test_card_fields_are_kept():
    first = parse(CARDS).activities[0]
    assert first.description == "Ouderen wonen veiliger thuis met slimme techniek."
    assert first.fields["plan"] == "- Project Leefsamen."
    assert first.fields["monitoring"] == "Evaluatie november 2019."


def test_euro_amounts_in_cost_fields_become_budget_lines_of_the_activity():
    lines = [(b.activity, b.kind, b.amount_eur) for b in parse(CARDS).budget_lines]
    assert lines == [
        ("Technologie als steun systeem", "lasten", 9500),
        ("Innovatieve toepassingen", "baten", 60000),
        ("Innovatieve toepassingen", "lasten", 1_200_000),
    ]


def test_costs_without_amounts_give_no_budget_lines():
    assert not [b for b in parse(CARDS).budget_lines if b.activity == "Terugbrengen administratieve last"]


def test_an_amount_in_a_foreign_format_is_reported_not_guessed():
    result = parse(CARDS.replace("€ 9.500,-", "€4,736,962"))
    assert not [b for b in result.budget_lines if b.activity == "Technologie als steun systeem"]
    assert any(w.code == "amount-not-understood" for w in result.warnings)


def test_bronckhorst_cards_programmes_and_the_poh_soh_pilot():
    path = SAMPLES / "002_7e06061e32f00168.txt"
    result = parse_text(path.read_text(encoding="utf-8"), str(path), "0" * 64)
    assert len(result.activities) >= 35
    assert len(Counter(a.programme for a in result.activities)) == 6
    pilot = [b for b in result.budget_lines if b.activity == "Voortgang Pilot Jeugd POH/SOH"]
    assert [b.amount_eur for b in pilot] == [231907.6]
