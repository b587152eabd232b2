"""Document text as numbered lines, each split into cells where the export kept table separators."""

from __future__ import annotations

from model.document import Line
from model.text import clean_line

_RULE_CHARS = frozenset("|-: ")


def _is_rule(text: str) -> bool:
    """A line of only '|', '-', ':' and spaces that draws a table's rule ('|---|---|', '-----')."""
    return text[0] in _RULE_CHARS and set(text) <= _RULE_CHARS and ("|" in text or len(text) >= 3)


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of `text`; a line with '|' or tabs is split into its non-empty cells."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        cleaned = clean_line(raw)
        if not cleaned or _is_rule(cleaned):
            continue
        if "|" not in cleaned and "\t" not in cleaned:
            lines.append(Line(number, cleaned, (cleaned,)))
            continue
        cells = tuple(cell for cell in (c.strip() for c in cleaned.replace("\t", "|").split("|")) if cell)
        lines.append(Line(number, cleaned, cells or (cleaned,)))
    return lines
