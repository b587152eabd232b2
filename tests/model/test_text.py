"""Label folding and the cheap first-word lookup the recognizers use to skip lines."""

from hypothesis import given
from hypothesis import strategies as st

from model.text import FoldedLookup, clean_line, first_word, fold, is_page_number


def test_fold_drops_case_accents_spaces_and_edge_punctuation() -> None:
    assert fold("  Financiën:\u00a0 Begroting  ") == "financien: begroting"


def test_clean_line_makes_odd_spaces_plain() -> None:
    assert clean_line("\ufeffBudget\u00a0€\u202f1.000 ") == "Budget € 1.000"


def test_a_page_number_with_its_word_is_page_furniture_and_a_sentence_about_a_page_is_not() -> None:
    assert [is_page_number(t) for t in ("Pagina 117 van 120", "blz. 12", "Page 3 of 9", "pagina 4/20")] == [True] * 4
    assert [is_page_number(t) for t in ("Pagina 5 van de begroting", "117", "P2 Mens en maatschappij")] == [False] * 3


def test_first_word_skips_bullets_and_stops_at_a_colon() -> None:
    assert first_word("• Toelichting: de kosten") == "toelichting"


@given(st.text(alphabet="abcé É:•-( \t.", max_size=30))
def test_first_word_is_the_first_word_of_the_folded_line(text: str) -> None:
    folded = fold(text)
    expected = fold(folded.split(None, 1)[0].split(":", 1)[0]) if folded else ""
    assert first_word(text) == expected


def test_a_folded_lookup_finds_a_label_however_it_is_written() -> None:
    lookup = FoldedLookup([("Wat willen we bereiken?", "aim"), ("Indicatoren", "indicators")])
    assert lookup.get("  WAT willen  we bereiken?") == "aim"
    assert "• Indicatoren:" in lookup
    assert lookup.get("Wat willen we doen?") is None


_LABELS = ["Wat willen we bereiken", "Indicatoren", "Doel: x", "é b"]


@given(st.text(alphabet="WatIndcorébx :•-(?\t.", max_size=30))
def test_a_folded_lookup_answers_as_a_dict_of_folded_labels(text: str) -> None:
    lookup = FoldedLookup((label, label) for label in _LABELS)
    assert lookup.get(text) == {fold(label): label for label in _LABELS}.get(fold(text))


def test_the_text_caches_are_empty_after_a_document_so_they_never_hold_more_than_one():
    from loaders.extract import extract_bytes
    from model.text import fold

    extract_bytes(("Gemeente Zevenaar\n" + "x" * 100_000 + "\n").encode(), "lang.txt")
    assert fold.cache_info().currsize == 0
