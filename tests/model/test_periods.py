"""Period labels parse into kind, year and a time order."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.periods import YEAR, parse_period


@pytest.mark.parametrize(
    ("label", "kind", "year", "canonical"),
    [
        ("Rek. 2018", "rekening", 2018, "Rekening 2018"),
        ("Rekening", "rekening", 2019, "Rekening 2019"),
        ("1e VGR", "vgr", 2019, "1e VGR 2019"),
        ("2e VGR 2019", "vgr", 2019, "2e VGR 2019"),
        ("Begroting 2020", "begroting", 2020, "Begroting 2020"),
        ("Primitieve begroting", "begroting", 2019, "Begroting 2019"),
        ("Q1 2022", "kwartaal", 2022, "Q1 2022"),
        ("eerste kwartaal 2022", "kwartaal", 2022, "Q1 2022"),
        ("Jaarverslag 2021", "rekening", 2021, "Rekening 2021"),
        ("Status 1e VGR", "vgr", 2019, "1e VGR 2019"),
        ("Stand van zaken 2e VGR 2019", "vgr", 2019, "2e VGR 2019"),
        ("2e VGR '19", "vgr", 2019, "2e VGR 2019"),
        ("Q3 ’24", "kwartaal", 2024, "Q3 2024"),
        ("1e halfjaar 2024", "halfjaar", 2024, "1e halfjaar 2024"),
        ("Tweede helft 2024", "halfjaar", 2024, "2e halfjaar 2024"),
        ("Halfjaarrapportage 2024", "rapportage", 2024, "Rapportage 2024"),
        ("Monitor Q2 2024", "kwartaal", 2024, "Q2 2024"),
        ("Voortgang september 2024", "maand", 2024, "september 2024"),
        ("2de bestuursrapportage 2021", "vgr", 2021, "2e VGR 2021"),
        ("Begroting na wijziging", "actuele_begroting", 2019, "Actuele begroting 2019"),
        ("Najaarsnota 2020", "najaarsnota", 2020, "Najaarsnota 2020"),
        ("2e Berap 2024", "vgr", 2024, "2e VGR 2024"),
        ("Begroting primitief 2023", "begroting", 2023, "Begroting 2023"),
        ("Begroting 2024 actueel", "actuele_begroting", 2024, "Actuele begroting 2024"),
        ("Begroting 2024 na wijz.", "actuele_begroting", 2024, "Actuele begroting 2024"),
        ("Tussenrapportage 1", "vgr", 2019, "1e VGR 2019"),
        ("Burap II 2024", "vgr", 2024, "2e VGR 2024"),
        ("Bestuursrapportage 2024-I", "vgr", 2024, "1e VGR 2024"),
        ("VGR-2 2024", "vgr", 2024, "2e VGR 2024"),
        ("Voorjaarsrapportage 2024", "voorjaarsnota", 2024, "Voorjaarsnota 2024"),
        ("Eindejaarsrapportage", "najaarsnota", 2019, "Najaarsnota 2019"),
        ("Stand per 1 juli", "maand", 2019, "juli 2019"),
        ("Peildatum 30 juni 2024", "maand", 2024, "juni 2024"),
    ],
)
def test_labels_parse_into_kind_year_and_canonical_name(label, kind, year, canonical):
    period = parse_period(label, document_year=2019)
    assert (period.kind, period.year, period.canonical) == (kind, year, canonical)


def test_label_without_year_takes_document_year_and_says_it_was_guessed():
    period = parse_period("1e VGR", document_year=2019)
    assert period.year == 2019 and period.year_guessed


def test_label_with_year_is_not_guessed():
    assert not parse_period("2e VGR 2019", document_year=2020).year_guessed


@pytest.mark.parametrize("text", ["Volgens plan", "6.1.1 Stimuleren", "Wat willen we bereiken", "", "2018-2022"])
def test_other_text_is_not_a_period(text):
    assert parse_period(text, 2019) is None


@given(st.integers(min_value=1990, max_value=2090))
def test_periods_of_one_year_sort_begroting_vgr1_vgr2_rekening(year):
    labels = [f"Begroting {year}", f"1e VGR {year}", f"2e VGR {year}", f"Rekening {year}"]
    orders = [parse_period(label).order for label in labels]
    assert orders == sorted(orders) and len(set(orders)) == 4


@given(
    st.integers(min_value=1990, max_value=2089),
    st.sampled_from(["Rekening", "2e VGR", "Q4", "Begroting"]),
    st.sampled_from(["Begroting", "1e VGR", "Q1", "Rekening"]),
)
def test_every_period_of_a_year_sorts_before_every_period_of_the_next(year, earlier, later):
    assert parse_period(f"{earlier} {year}").order < parse_period(f"{later} {year + 1}").order


@given(st.sampled_from(["1e vgr", "1E VGR", " 1e   VGR ", "1e  Vgr"]))
def test_labels_match_regardless_of_case_and_spacing(label):
    assert parse_period(label, 2019).canonical == "1e VGR 2019"


@given(st.text(max_size=40))
def test_any_text_either_parses_or_gives_none(text):
    period = parse_period(text, 2020)
    assert period is None or period.order >= 0


@given(st.text(alphabet="0123456789 19202122ab-", max_size=16))
def test_year_pattern_finds_1950_to_2199_not_inside_longer_numbers(text: str) -> None:
    expected = [
        m.group(0) for m in re.finditer(r"\d+", text) if len(m.group(0)) == 4 and 1950 <= int(m.group(0)) <= 2199
    ]
    assert YEAR.findall(text) == expected
