"""Rows of a money table in text: the quick look at a line's end never loses a row."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from loaders.readers.numeric_rows import _amount_like, _may_end_in_amount

WORDS = ["Jeugd", "lasten", "2022.", "1.234", "-", "–", "(12)", "5%", "328 N", "PM", "p.m.", "n.n.b.", "nnb", "€",
         "V", "eind.", "x", "12,-", "4.977-", "zaken:", "٣", "Totaal"]


@given(st.lists(st.sampled_from(WORDS) | st.text(min_size=1, max_size=8), min_size=1, max_size=6), st.sampled_from(["", " ", "  "]))
def test_a_line_whose_last_word_is_amount_like_is_never_skipped_by_its_end(words, trailing):
    text = " ".join(words) + trailing
    last = text.split()[-1] if text.split() else ""
    if last and _amount_like(last):
        assert _may_end_in_amount(text)


def test_lines_that_end_in_a_word_or_a_sentence_are_skipped_at_one_look():
    assert not _may_end_in_amount("De raad heeft besloten tot uitvoering.")
    assert not _may_end_in_amount("Wat gaan we doen")
    assert _may_end_in_amount("Lasten 1.234 1.300")
    assert _may_end_in_amount("Bijdrage p.m.")
