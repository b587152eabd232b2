"""Dutch amounts ("1.234,5", "- 328", "4.977-", "-/- 11.300", "€ 9.500,-", "€ 1,0 mln") and table units
("x € 1.000")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from model.caching import text_cache
from model.text import fold

_DASHES = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2012": "-"})
_EMPTY = {"", "-", "--", "—", "–", ".", "n.n.b", "n.n.b.", "nnb", "n.v.t.", "nvt", "pm", "p.m.", "x"}
_SCALE_WORDS = {
    "mln": 1_000_000,
    "miljoen": 1_000_000,
    "mld": 1_000_000_000,
    "miljard": 1_000_000_000,
    "k": 1_000,
    "dzd": 1_000,
    "duizend": 1_000,
}
SCALE_WORDS = frozenset(_SCALE_WORDS)  # words after a figure that scale it ('1,2 mln')
_SPACED_DIGITS = re.compile(r"\d\s+\d")
_SPACE_GROUPED = re.compile(r"^[^\d]*\d{1,3}(?: \d{3})+(?:,\d+)?[^\d]*$")
_AMOUNT = re.compile(
    r"""^(?P<lead>-)?(?:eur|€)?(?P<lead2>-)?
        (?P<int>\d{1,3}(?:\.\d{3})+|\d+)
        (?:,(?P<frac>\d+|-{1,2}))?
        (?P<scale>mln|miljoen|mld|miljard|k|dzd|duizend)?
        (?P<pct>%)?
        (?P<trail>-)?
        (?P<nv>[nv])?$""",
    re.VERBOSE,
)


class NotAnAmount(ValueError):
    """Raised when a cell does not hold a Dutch amount."""


@dataclass(frozen=True)
class Amount:
    """A parsed amount: value (None for an empty cell), N/V marker if printed, and whether it was a percentage."""

    value: Decimal | None
    direction: str | None = None
    percent: bool = False


def parse_amount(text: str) -> Amount:
    """Parse one cell. Raises NotAnAmount when the text is not an amount (words, "1,234.5", two numbers)."""
    parsed = _parsed(text)
    if isinstance(parsed, str):
        raise NotAnAmount(parsed)
    return parsed


@text_cache(1 << 15)
def _parsed(text: str) -> Amount | str:
    """The amount in `text`, or why it is none; cached because tables repeat the same cells."""
    compact = text if text.isascii() else text.translate(_DASHES).replace("\u00a0", " ")
    compact = compact.strip()
    if compact.lower() in _EMPTY:
        return Amount(None)
    negative = slashed = False
    if compact.startswith("(") and compact.endswith(")"):
        negative, compact = True, compact[1:-1]
    elif compact.startswith("-/-") or compact.endswith("-/-"):  # '-/- 11.300': the Dutch 'min'
        negative = slashed = True
        compact = compact.replace("-/-", "", 1).strip()
    if _SPACED_DIGITS.search(compact) and not _SPACE_GROUPED.search(compact):
        return f"digits separated by spaces (two cells run together?): {text!r}"
    compact = "".join(compact.split()).lower()
    if compact in _EMPTY or compact in {"€", "€-", "eur"}:
        return Amount(None)
    match = _AMOUNT.match(compact)
    if not match:
        return f"not an amount: {text!r}"
    lead, lead2, whole, fraction, scale, percent, trail, marker = match.groups()
    signs = (lead is not None) + (lead2 is not None) + (trail is not None)
    if signs > 1 or (signs and slashed):
        return f"more than one minus sign: {text!r}"
    digits = whole.replace(".", "")
    if fraction and fraction.strip("-"):
        digits = f"{digits}.{fraction}"
    value = Decimal(digits)
    if scale:
        value *= _SCALE_WORDS[scale]
    if negative or signs:
        value = -value
    return Amount(value, marker.upper() if marker else None, percent is not None)


_UNIT_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (
        re.compile(r"x\s*(?:€|eur|euro)?\s*1\.000\.000\b|x\s*(?:€|eur|euro)?\s*1\s*(?:mln|miljoen)|in miljoenen"),
        1_000_000,
    ),
    (
        re.compile(
            r"x\s*(?:€|eur|euro)?\s*1\.000\b|x\s*(?:€|eur|euro)?\s*1000\b|in duizenden|x\s*(?:€|eur)?\s*1\s*k\b|\(?x\s*duizend"
            r"|\bin\s*(?:€|eur|euro)\s*1\.000\b|€\s*x\s*1\.000\b|\bx\s*1\.000\s*(?:€|eur|euro)"
            r"|\*\s*(?:€|eur|euro)\s*1\.000\b|(?<![a-z])k€|\bkeur\b"  # '* € 1.000', 'k€'
        ),
        1_000,
    ),
    (
        re.compile(
            r"(?:bedragen|cijfers) (?:zijn )?in (?:hele )?euro'?s?\b|x\s*(?:€|eur)\s*1\b(?![.,\d])"
            r"|(?:bedragen|cijfers|^) ?(?:zijn )?in\s*€(?!\s*\d)"  # 'Bedragen in €', '(in €)'
        ),
        1,
    ),
)


def parse_unit(text: str) -> int | None:
    """Return the multiplier a table header states ("x € 1.000" → 1000), or None when it states none."""
    folded = fold(text).replace("euro's", "euros")
    for pattern, multiplier in _UNIT_PATTERNS:
        if pattern.search(folded):
            return multiplier
    return None


_UNIT_START = re.compile(r"\s*[(\[]?\s*\b(?:(?:alle\s+)?bedrag(?:en)?\b|(?:x|in)\s*(?:€|euro))", re.IGNORECASE)


def without_unit(text: str) -> str:
    """The text before the unit it states ('Tabel 10.3 Renterisiconorm' of '... (bedragen x € 1.000)')."""
    return _UNIT_START.split(text, maxsplit=1)[0].strip()


def to_euros(amount: Decimal, multiplier: int = 1) -> int | float:
    """Whole euros when the scaled amount is integral, otherwise a float rounded to cents."""
    scaled = amount * multiplier
    if scaled == scaled.to_integral_value():
        return int(scaled)
    return float(round(scaled, 2))


def format_amount(value: Decimal | int, decimals: int = 0) -> str:
    """Format `value` the Dutch way: "." groups thousands, "," marks decimals (used in round-trip tests and UI)."""
    text = f"{abs(Decimal(value)):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"-{text}" if Decimal(value) < 0 else text


__all__ = ["Amount", "NotAnAmount", "format_amount", "parse_amount", "parse_unit", "to_euros"]
