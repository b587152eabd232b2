"""Dutch formatting of numbers, percentages and dates for display."""

from __future__ import annotations

import math
import re
from datetime import datetime
from functools import lru_cache

from babel.dates import format_datetime
from babel.numbers import format_decimal

from dashboard import strings

LOCALE = "nl_NL"

_MARKDOWN = re.compile(r"([\\`*_\[\]|<>~$])|:(?=[\w/])|(?<=www)\.|^(\s*)([#+=-]|\d+(?=[.)](?:\s|$)))", re.MULTILINE)


@lru_cache(maxsize=1 << 14)
def number(value: float, decimals: int = 0) -> str:
    """1234567.5 → '1.234.567,5' (Dutch: dots group thousands, a comma marks decimals; Babel's nl_NL)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE, decimal_quantization=True)


def as_list(cell) -> list:
    """DuckDB list cells arrive as arrays, or as a missing value when the indicator has no values."""
    return list(cell) if hasattr(cell, "__iter__") and not isinstance(cell, str) else []


def indicator_values(periods, values) -> str:
    """An indicator's values as users read them: 'Peilwaarde 2022: 214,4; Streefwaarde 2024: 200' ('–' missing)."""
    pairs = list(zip(as_list(periods), as_list(values), strict=True))
    if not pairs:
        return strings.NO_VALUES
    return "; ".join(f"{p}: {number(v, 1).removesuffix(',0') if is_known(v) else '–'}" for p, v in pairs)


def is_known(value) -> bool:
    """Not a missing value as DuckDB and pandas give one: None, NaN or a masked entry of a list."""
    if value is None or bool(getattr(value, "mask", False)):
        return False
    return not (isinstance(value, float) and math.isnan(value))


def percent(value: float, decimals: int = 1) -> str:
    """0.7857 → '78,6%'."""
    return f"{number(value * 100, decimals)}%"


def euro(value: float) -> str:
    """-328000 → '€ -328.000'."""
    return f"€ {number(value)}"


def date_time(value: datetime) -> str:
    """A timestamp as '23-11-2026 14:05'."""
    return format_datetime(value, "dd-MM-yyyy HH:mm", locale=LOCALE)


def signed_amount(value: float) -> str:
    """A favourable-positive deviation as '+66.000 V' or '−328.000 N'."""
    return f"{'+' if value > 0 else '−'}{number(abs(value))} {'V' if value > 0 else 'N'}"


def change(value: float) -> str:
    """A change without judging it (more cost is bad, more income good): '+300.000' or '−50.000'."""
    return f"{'+' if value > 0 else '−' if value < 0 else ''}{number(abs(value))}"


_JOINER = "\u2060"  # invisible: keeps the renderer from seeing a web or mail address it would make a link of
_AUTOLINKS = re.compile(r"(?<=\\:)(?=//)|(?<=www)(?=\\\.)|(?=@)")


def inert(text: str) -> str:
    """`text` with every Markdown sign escaped, so that text from documents, file names and URLs shows as text;
    web and mail addresses are broken up invisibly, since the renderer links them even when escaped."""
    return _AUTOLINKS.sub(_JOINER, _MARKDOWN.sub(_escaped, text))


def _escaped(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    if match.group(0) in {":", "."}:  # ':red[', ':smile:', 'https://', 'www.': no colour, emoji or link
        return "\\" + match.group(0)
    start, sign = match.group(2), match.group(3)
    return f"{start}{sign}\\" if sign.isdigit() else f"{start}\\{sign}"
