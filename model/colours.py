"""Fill colours of status cells to colour words ("#00B050" → "groen"), with the hue ranges as data."""

from __future__ import annotations

import colorsys
from functools import cache

from model.vocabulary import load_vocabulary

_MIN_SATURATION = 0.25
_MIN_VALUE = 0.2


@cache
def _ranges() -> tuple[tuple[str, float, float], ...]:
    colours = load_vocabulary("statuses")["colours"]
    return tuple((word, low, high) for word, spans in colours.items() for low, high in spans)


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
