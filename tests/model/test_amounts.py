"""Dutch amounts and table units."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.amounts import NotAnAmount, format_amount, parse_amount, parse_unit, to_euros


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,5", Decimal("1234.5")),
        ("- 328", Decimal(-328)),
        ("-7.882", Decimal(-7882)),
        ("€ 231.907,60", Decimal("231907.60")),
        ("€ 9.500,-", Decimal(9500)),
        ("4.977-", Decimal(-4977)),
        ("€ 1,0 mln", Decimal(1000000)),
        ("(1.250)", Decimal(-1250)),
        ("−4.321", Decimal(-4321)),
        ("€\u00a025.512", Decimal(25512)),
        ("0", Decimal(0)),
        ("-/- 11.300", Decimal(-11300)),
        ("-/-2.500", Decimal(-2500)),
        ("11.300 -/-", Decimal(-11300)),
    ],
)
def test_dutch_amounts_parse_to_their_value(text, value):
    assert parse_amount(text).value == value


@pytest.mark.parametrize("text", ["-", "", "—", "n.n.b.", "."])
def test_empty_cells_have_no_value(text):
    assert parse_amount(text).value is None


@pytest.mark.parametrize(
    ("text", "direction", "value"), [("328 N", "N", 328), ("- 66 V", "V", -66), ("1.037N", "N", 1037)]
)
def test_n_or_v_after_an_amount_is_kept_apart_from_the_sign(text, direction, value):
    amount = parse_amount(text)
    assert (amount.direction, amount.value) == (direction, value)


def test_percentage_is_flagged():
    amount = parse_amount("12,5%")
    assert amount.percent and amount.value == Decimal("12.5")


@pytest.mark.parametrize("text", ["Jeugd", "1,234.5", "12 34 56", "--5-", "1.23.4", "-/- -5"])
def test_text_that_is_not_an_amount_raises(text):
    with pytest.raises(NotAnAmount):
        parse_amount(text)


@pytest.mark.parametrize(
    ("header", "multiplier"),
    [
        ("Bedragen * € 1.000", 1000),
        ("bedragen in k€", 1000),
        ("x € 1.000", 1000),
        ("Bedragen x € 1.000", 1000),
        ("(bedragen x €1.000)", 1000),
        ("bedragen in duizenden euro's", 1000),
        ("x € 1 mln", 1_000_000),
        ("x € 1.000.000", 1_000_000),
        ("Bedragen in €", 1),
        ("(in €)", 1),
        ("Alle bedragen zijn in euro's", 1),
        ("bedragen in € 1.000", 1000),
        ("De kosten zijn in € uitgedrukt", None),
        ("Lasten en baten", None),
    ],
)
def test_units_in_table_headers(header, multiplier):
    assert parse_unit(header) == multiplier


def test_units_scale_to_whole_euros():
    assert to_euros(Decimal(-7814), 1000) == -7_814_000
    assert to_euros(Decimal("231907.60")) == 231907.6


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_whole_amounts_round_trip_through_dutch_format(value):
    assert parse_amount(format_amount(value)).value == value


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_amounts_with_cents_round_trip(value):
    assert parse_amount(format_amount(value, decimals=2)).value == value


@given(st.integers(min_value=0, max_value=10**9))
def test_trailing_minus_means_negative(value):
    assert parse_amount(format_amount(value) + "-").value == -value


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["", " ", "\u00a0"]))
def test_euro_sign_and_spaces_do_not_change_the_value(value, space):
    assert parse_amount(f"€{space}{format_amount(value)}").value == value


@given(st.text(max_size=20))
def test_any_text_parses_or_raises_not_an_amount(text):
    with contextlib.suppress(NotAnAmount):
        parse_amount(text)
