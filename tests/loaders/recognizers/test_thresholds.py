"""The explanation threshold a document states, read from its sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.extract import extract_bytes
from loaders.recognizers.thresholds import threshold_in


@pytest.mark.parametrize(
    ("sentence", "eur", "percent"),
    [
        ("In onderstaand overzicht lichten we afwijkingen > € 25.000 toe.", 25_000, None),
        ("Afwijkingen groter dan € 50.000 worden toegelicht.", 50_000, None),
        ("Verschillen van meer dan € 100.000 of 10% worden hieronder toegelicht.", 100_000, 10),
        ("We lichten afwijkingen > 10% toe.", None, 10),
        ("Afwijkingen vanaf 1 mln euro worden verklaard.", 1_000_000, None),
    ],
)
def test_a_stated_threshold_gives_its_amount_and_share(sentence, eur, percent):
    found = threshold_in(sentence, 7)
    assert found is not None and (found.eur, found.percent, found.line) == (eur, percent, 7)


@pytest.mark.parametrize(
    "sentence",
    [
        "De kosten stegen met € 50.000 door meer jeugdzorg; zie de toelichting.",
        "In 2019 is € 100.000 meer uitgegeven dan begroot.",
        "Afwijkingen worden per programma toegelicht.",
    ],
)
def test_a_sentence_that_states_no_threshold_gives_none(sentence):
    assert threshold_in(sentence) is None


@given(st.integers(min_value=1, max_value=9_999_999))
def test_any_dutch_amount_in_a_threshold_sentence_is_read_back(amount):
    printed = f"{amount:,}".replace(",", ".")
    found = threshold_in(f"Afwijkingen groter dan € {printed} worden toegelicht.")
    assert found is not None and found.eur == amount


def test_the_document_carries_the_threshold_with_its_line():
    text = "Jaarrekening 2024\nGemeente Doesburg\nAfwijkingen groter dan € 100.000 worden toegelicht.\n"
    threshold = extract_bytes(text.encode(), "jr.txt").document.explanation_threshold
    assert threshold is not None and (threshold.eur, threshold.line) == (100_000, 3)
