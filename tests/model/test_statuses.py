"""The status vocabulary maps raw labels to normalized statuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model import statuses, vocabulary
from model.statuses import match_status


@pytest.mark.parametrize(
    ("label", "status"),
    [
        ("Volgens plan", "on_track"),
        ("Niet geheel volgens plan", "partly"),
        ("Bijsturing raad", "council_action"),
        ("Gereed", "done"),
        ("op koers", "on_track"),
        ("Realisatie niet in begrotingsjaar", "council_action"),
        ("Oranje", "partly"),
        ("(G)", "on_track"),
        ("Grijs", "unknown"),
        ("Loopt achter", "partly"),
        ("Deels gerealiseerd", "partly"),
        ("Uitgesteld", "partly"),
        ("Niet conform planning", "council_action"),
    ],
)
def test_known_labels_map_to_their_status(label, status):
    assert match_status(label) == statuses.StatusMatch(status, True)


def test_unknown_label_is_unknown_and_not_known():
    assert match_status("Bijna klaar") == statuses.StatusMatch("unknown", False)


def _variants(label: str):
    def vary(text: str, upper: list[bool], pad: str) -> str:
        chars = [c.upper() if u else c.lower() for c, u in zip(text, upper + [False] * len(text), strict=False)]
        return pad + "".join(chars).replace(" ", "  ") + pad

    return st.builds(
        vary, st.just(label), st.lists(st.booleans(), max_size=len(label)), st.sampled_from(["", " ", "\t", "\u00a0"])
    )


@given(_variants("Niet geheel volgens plan"))
def test_labels_match_regardless_of_case_and_whitespace(label):
    assert match_status(label).status == "partly"


@pytest.mark.parametrize("label", ["Géreed", "gereéd", "GEREED"])
def test_labels_match_regardless_of_accents(label):
    assert match_status(label).status == "done"


def test_municipality_entries_take_precedence_over_the_general_list():
    assert match_status("geel").status == "partly"
    assert match_status("geel", municipality="Lingewaard").status == "on_track"


def test_a_document_legend_takes_precedence_over_the_vocabulary():
    assert match_status("Rood", extra={"rood": "partly"}).status == "partly"


def test_a_user_vocabulary_file_extends_the_bundled_one(tmp_path, monkeypatch):
    extra = tmp_path / "extra.toml"
    extra.write_text('[statuses.statuses]\ndone = ["bijna klaar"]\n', encoding="utf-8")
    monkeypatch.setenv(vocabulary.USER_VOCABULARY_ENV, str(extra))
    vocabulary.load_vocabulary.cache_clear()
    statuses._lookup_tables.cache_clear()
    try:
        assert match_status("Bijna klaar") == statuses.StatusMatch("done", True)
    finally:
        monkeypatch.delenv(vocabulary.USER_VOCABULARY_ENV)
        vocabulary.load_vocabulary.cache_clear()
        statuses._lookup_tables.cache_clear()
