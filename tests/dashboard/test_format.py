"""Dutch number, percentage and date formats."""

from __future__ import annotations

from datetime import datetime

import pytest

from dashboard import format


def test_numbers_group_thousands_with_dots_and_use_a_decimal_comma():
    assert format.number(1234567.5, 1) == "1.234.567,5"
    assert format.euro(-328000) == "€ -328.000"
    assert format.percent(0.7857) == "78,6%"


def test_dates_are_day_month_year():
    assert format.date_time(datetime(2026, 11, 23, 14, 5)) == "23-11-2026 14:05"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[KLIK](https://x.nl)", "\\[KLIK\\](https\\:\u2060//x.nl)"),
        ("![t](https://x.nl/a.png)", "!\\[t\\](https\\:\u2060//x.nl/a.png)"),
        ("zie www.x.nl of mail a@x.nl", "zie www\u2060\\.x.nl of mail a\u2060@x.nl"),
        (":red[rood] en *schuin*", "\\:red\\[rood\\] en \\*schuin\\*"),
        ("# kop", "\\# kop"),
        ("1. lijst", "1\\. lijst"),
        ("6.1.4 Vergroten grip op kosten", "6.1.4 Vergroten grip op kosten"),
        ("Programma 1: Gezond", "Programma 1: Gezond"),
    ],
)
def test_inert_escapes_markdown_links_images_colours_and_lists_only(text, shown):
    assert format.inert(text) == shown
