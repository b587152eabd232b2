"""Dutch formatting of numbers, percentages and dates for display."""

from __future__ import annotations

from datetime import datetime


def number(value: float, decimals: int = 0) -> str:
    """1234567.5 → '1.234.567,5' (dots group thousands, comma marks decimals)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(value: float, decimals: int = 1) -> str:
    """0.7857 → '78,6%'."""
    return f"{number(value * 100, decimals)}%"


def euro(value: float) -> str:
    """-328000 → '€ -328.000'."""
    return f"€ {number(value)}"


def date_time(value: datetime) -> str:
    """A timestamp as '23-11-2026 14:05'."""
    return value.strftime("%d-%m-%Y %H:%M")


def signed_amount(value: float) -> str:
    """A favourable-positive deviation as '+66.000 V' or '−328.000 N'."""
    return f"{'+' if value > 0 else '−'}{number(abs(value))} {'V' if value > 0 else 'N'}"
