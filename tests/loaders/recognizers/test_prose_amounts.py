"""Deviations told in a sentence: by a direction word, else by a comparison with the budget."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.extract import parse_text
from loaders.recognizers.prose_amounts import prose_amount


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("Er is sprake van een overschrijding van € 300.000.", "N"),
        ("Er is een onderschrijding van € 50.000.", "V"),
        ("We verwachten een overschrijding van het budget met € 95.000.", "N"),
        ("Hierdoor ontstaat een nadelig verschil van € 110.000.", "N"),
        ("Er is een tekort van € 400.000.", "N"),
        ("Het tekort op de jeugdzorg bedraagt € 400.000.", "N"),
    ],
)
def test_a_direction_word_names_the_deviation(sentence, direction):
    assert prose_amount(sentence).direction == direction


@given(
    subject=st.sampled_from(["lasten", "kosten", "uitgaven", "baten", "opbrengsten", "inkomsten"]),
    higher=st.booleans(),
    amount=st.integers(min_value=1, max_value=999_999),
)
def test_costs_above_or_income_below_the_budget_are_unfavourable(subject, higher, amount):
    printed = f"{amount:,}".replace(",", ".")
    sentence = f"De {subject} vallen € {printed} {'hoger' if higher else 'lager'} uit dan begroot."
    costs = subject in {"lasten", "kosten", "uitgaven"}
    assert prose_amount(sentence).direction == ("N" if costs == higher else "V")


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [("Er is € 90.000 minder uitgegeven dan begroot.", "V"), ("We hebben € 40.000 meer ontvangen aan leges.", "V")],
)
def test_an_amount_spent_or_received_more_or_less_is_a_deviation(sentence, direction):
    assert prose_amount(sentence).direction == direction


@pytest.mark.parametrize(
    "sentence",
    [
        "Voor de kosten is € 500.000 meer beschikbaar dan vorig jaar.",  # against another year, not the budget
        "De rapportage sluit met een voordelig saldo van € 642.000.",  # a result, not a deviation
        "Naar verwachting een overschot aan kort geld van € 18,7 miljoen.",  # cash
        "Er resteert een bedrag van € 20.000 dat we overhevelen.",
    ],
)
def test_a_sentence_with_an_amount_but_no_deviation_states_none(sentence):
    assert prose_amount(sentence) is None


def test_a_deviation_in_a_sentence_is_named_after_the_heading_above_not_the_sentences_start():
    text = "2e Bestuursrapportage 2024 gemeente Oss\n\nProgramma 1 Jeugd\n\nJeugdzorg\n\nPer saldo is er een voordeel van € 120.000.\n"
    result = parse_text(text, "oss.txt", "0" * 64)
    assert [(d.item, d.amount_eur, d.direction) for d in result.deviations] == [("Jeugdzorg", 120000, "V")]
