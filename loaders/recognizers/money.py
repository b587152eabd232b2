"""What money tables state around their figures: the unit ("x € 1.000") and the sign legend ("-/- = nadeel")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from loaders.readers.shapes import Shape, shape
from model.amounts import Amount, NotAnAmount, parse_amount, parse_unit
from model.caching import text_cache

_NEGATIVE = r"""(?:["'“”]?\s*(?:-\s*/\s*-|−|-|–)\s*["'“”]?)"""
_POSITIVE = r"""(?:["'“”]?\s*\+\s*["'“”]?)"""
_MEANING = r"(?:=|is|:)\s*(?P<word>nadeel|nadelig|voordeel|voordelig|tekort|overschot|hogere lasten|lagere lasten)"
_NEGATIVE_LEGEND = re.compile(_NEGATIVE + r"\s*" + _MEANING, re.IGNORECASE)
_POSITIVE_LEGEND = re.compile(_POSITIVE + r"\s*" + _MEANING, re.IGNORECASE)
_UNFAVOURABLE = ("nadeel", "nadelig", "tekort", "hogere lasten")
_THOUSANDS_LIMIT = 1_000_000
_MIN_ROUNDED = 3  # figures that must all be whole thousands before a table counts as euros rounded to thousands


@dataclass(frozen=True)
class Unit:
    """A table's multiplier and whether the document states it."""

    multiplier: int
    stated: bool


def sign_legend(text: str) -> str | None:
    """The direction a negative amount has under the text's sign legend: 'N', 'V' or None without a legend."""
    for pattern, negative in ((_NEGATIVE_LEGEND, True), (_POSITIVE_LEGEND, False)):
        match = pattern.search(text)
        if match:
            unfavourable = match.group("word").lower().startswith(_UNFAVOURABLE)
            return ("N" if unfavourable else "V") if negative else ("V" if unfavourable else "N")
    return None


@text_cache(1 << 15)
def amount_of(text: str) -> Amount | None:
    """The amount in a cell ('1.234', '4.977-', '€ 285', '89.926 N', '34**'), None when it holds none."""
    cleaned = text.strip().rstrip("*").strip()
    if not cleaned or shape(cleaned) == Shape.CODE:
        return None
    try:
        return parse_amount(cleaned)
    except NotAnAmount:
        return None


def table_unit(context: str, values: list[Decimal], euro_signs: bool) -> Unit:
    """The unit a table states in its caption or header; without one, thousands when the figures are too small
    for whole euros of a programme (integers below a million, no euro signs), else euros. Figures that are all
    whole thousands ('122.000', '59.000') are euros rounded to thousands: in thousands they would be millions."""
    stated = parse_unit(context)
    if stated is not None:
        return Unit(stated, True)
    whole = [v for v in values if v is not None]
    small_integers = bool(whole) and all(v == v.to_integral_value() and abs(v) < _THOUSANDS_LIMIT for v in whole)
    nonzero = [v for v in whole if v]
    rounded = len(nonzero) >= _MIN_ROUNDED and all(v % 1000 == 0 for v in nonzero)
    if small_integers and not rounded and not euro_signs and len(whole) >= 4 and max(abs(v) for v in whole) >= 100:
        return Unit(1000, False)
    return Unit(1, False)
