"""The bundled municipality list and detection of a document's municipality."""

from __future__ import annotations

import pytest

from model.municipalities import all_municipalities, detect_municipality, find_municipality, municipalities_named


def test_the_list_holds_every_current_municipality_once():
    towns = all_municipalities()
    assert len(towns) == 342
    assert len({t.code for t in towns}) == 342 and len({t.name for t in towns}) == 342


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Zevenaar", "GM0299"),
        ("Den Haag", "GM0518"),
        ("gm0085", "GM0085"),
        ("súdwest-fryslan", "GM1900"),
        ("Voorne aan Zee", "GM1992"),
    ],
)
def test_find_by_name_alias_or_code(name, code):
    assert find_municipality(name).code == code


def test_detects_the_municipality_named_most_prominently():
    text = "Jaarverslag 2021\nGemeente Heusden\nWe werken samen met Tilburg en Waalwijk.\nTilburg helpt."
    assert detect_municipality(text).name == "Heusden"


def test_common_words_count_only_after_gemeente():
    assert detect_municipality("Best practices voor Putten en Sluis in de gemeente.") is None
    assert detect_municipality("Rapportage van de gemeente Best").name == "Best"


def test_no_municipality_named_gives_none():
    assert detect_municipality("Voortgangsrapportage 2019\nSociaal domein") is None


def test_a_shared_alias_names_no_municipality_but_each_display_name_one():
    assert find_municipality("Bergen") is None
    assert [m.code for m in municipalities_named("Bergen")] == ["GM0893", "GM0373"]
    assert find_municipality("Bergen (NH.)").code == "GM0373"
    assert len({m.display_name for m in all_municipalities()}) == len(all_municipalities())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Programmabegroting 2025 gemeente 's-Hertogenbosch", "GM0796"),
        ("Jaarverslag 2023 gemeente ’s-Gravenhage", "GM0518"),
        ("Najaarsnota 2024 | Gemeente Bergen (NH)", "GM0373"),
        ("Jaarverslag 2023 gemeente Bergen L.", "GM0893"),
    ],
)
def test_names_that_start_with_an_apostrophe_or_carry_their_province_are_detected(text, code):
    assert detect_municipality(text).code == code


def test_bergen_without_its_province_names_neither_municipality():
    assert detect_municipality("Jaarverslag 2023 gemeente Bergen") is None
