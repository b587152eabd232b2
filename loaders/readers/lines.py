"""Document text as numbered lines, each split into cells where the export kept table separators."""

from __future__ import annotations

import re

from model.document import Line
from model.text import clean_line

_CELL_SEPARATOR = re.compile(r"\s*\|\s*|\t+")


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of `text`; a line with '|' or tabs is split into its non-empty cells."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        cleaned = clean_line(raw)
        if not cleaned or (set(cleaned) <= set("|-: ") and ("|" in cleaned or len(cleaned) >= 3)):
            continue
        cells = tuple(cell for cell in (clean_line(c) for c in _CELL_SEPARATOR.split(cleaned)) if cell)
        lines.append(Line(number, cleaned, cells or (cleaned,)))
    return lines
