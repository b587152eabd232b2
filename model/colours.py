"""Fill colours of status cells to colour words ("#00B050" → "groen"), with the hue ranges as data."""

from __future__ import annotations

import colorsys
import re
import unicodedata
from functools import cache, lru_cache

from model.vocabulary import load_vocabulary

_MIN_SATURATION = 0.25
_MIN_VALUE = 0.2


@cache
def _ranges() -> tuple[tuple[str, float, float], ...]:
    colours = load_vocabulary("statuses")["colours"]
    return tuple((word, low, high) for word, spans in colours.items() for low, high in spans)


@lru_cache(maxsize=1 << 12)
def colour_word(rgb: str | None) -> str | None:
    """The colour word of a hex colour ('00B050', '#FF0000', 'FFC000'), None for white, black or no colour."""
    if not rgb:
        return None
    text = rgb.strip().lstrip("#")
    if len(text) == 8:  # ARGB as Excel writes it
        text = text[2:]
    if len(text) != 6:
        return None
    try:
        red, green, blue = (int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return None
    hue, saturation, value = colorsys.rgb_to_hsv(red, green, blue)
    if value < _MIN_VALUE or (saturation < _MIN_SATURATION and value > 0.9):
        return None
    if saturation < _MIN_SATURATION:
        return "grijs"
    degrees = hue * 360
    return next((word for word, low, high in _ranges() if low <= degrees < high), None)


@cache
def _names() -> dict[str, str]:
    names = load_vocabulary("statuses").get("colour_names", {})
    found = {word: word for word in load_vocabulary("statuses")["colours"]}
    found.update({"wit": "wit", "zwart": "zwart", "grijs": "grijs"})
    for word, others in names.items():
        for other in others:
            found[other] = word
    return found


_RGB = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})")
_HEX = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")


def named_colour(word: str) -> str | None:
    """The colour word of a colour name in Dutch or English ('green', 'amber' → 'groen', 'oranje')."""
    return _names().get(word.strip().lower())


def css_colour(value: str) -> str | None:
    """The colour word of a CSS colour value: '#3c9a3c', '#f00', 'rgb(60, 154, 60)' or a colour name."""
    if match := _HEX.search(value):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(ch * 2 for ch in digits)
        return colour_word(digits)
    if match := _RGB.search(value):
        return colour_word("".join(f"{min(255, int(part)):02X}" for part in match.groups()))
    return named_colour(value.strip().split()[0]) if value.strip() else None


_MAX_SYMBOL = 2


def is_symbol(text: str) -> bool:
    """A status symbol: one or two signs that are no letters, digits or plain punctuation ('●', '✔', '☺', '!')."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= _MAX_SYMBOL
        and not any(ch.isalnum() for ch in stripped)
        and all(unicodedata.category(ch).startswith("S") or ch == "!" for ch in stripped)
    )
