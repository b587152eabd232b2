"""Dutch number, percentage and date formats."""

from __future__ import annotations

from datetime import datetime

from dashboard import format


def test_numbers_group_thousands_with_dots_and_use_a_decimal_comma():
    assert format.number(1234567.5, 1) == "1.234.567,5"
    assert format.euro(-328000) == "€ -328.000"
    assert format.percent(0.7857) == "78,6%"


def test_dates_are_day_month_year():
    assert format.date_time(datetime(2026, 11, 23, 14, 5)) == "23-11-2026 14:05"
