"""What status a cell shows: its text, an icon's label, a symbol, a colour or a colour class, read through the
document's own legend first and the status vocabulary after."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.readers.shapes import Shape, shape
from loaders.recognizers.legend_entries import mark_keys
from loaders.recognizers.legends import Legend
from model.colours import named_colour
from model.document import Cell, Mark
from model.statuses import Status, match_status
from model.text import fold

_MAX_STATUS_WORDS = 8


@dataclass(frozen=True)
class StatusValue:
    """A status read from a cell: the normalized status, the wording it is known by, and whether it was known."""

    status: Status
    raw: str
    known: bool


_KEY_AND_MEANING = re.compile(r"^(?P<key>[^\s()=:–—-][^()=:–—]{0,30}?)\s*(?:\s[-–—]\s|[=:]|\()\s*(?P<meaning>[^()]+?)\)?$")


_SEPARATORS = frozenset("-–—=:(")


def _key_and_meaning(text: str, taken: list[str]) -> list[str]:
    """A colour or symbol printed with its meaning ('Groen - op schema', 'Oranje (vertraagd)'): both parts, but
    those already in `taken`."""
    match = _KEY_AND_MEANING.match(text) if not _SEPARATORS.isdisjoint(text) else None
    parts = [match.group("key").strip(), match.group("meaning").strip()] if match else []
    return [part for part in parts if part and part not in taken]


def candidates(text: str, marks: tuple[Mark, ...] | list[Mark]) -> list[str]:
    """The things a cell shows that may name its status, most specific first."""
    found: list[str] = []
    labels = [m.value for m in marks if m.kind == "label"]
    cleaned = text.strip()
    for value in [*labels, cleaned, *mark_keys(marks)]:
        if value and value not in found:
            found.append(value)
    colour = named_colour(cleaned) if cleaned else None  # a coloured emoji ('🟢') shows its colour
    if colour and colour not in found:
        found.append(colour)
    return found


def shows_status(text: str, marks: tuple[Mark, ...] | list[Mark]) -> bool:
    """A cell that could hold a status: short text that is no amount, or marks."""
    if marks:
        return True
    cleaned = text.strip()
    return bool(cleaned) and len(cleaned.split()) <= _MAX_STATUS_WORDS and shape(cleaned) not in {
        Shape.NUMBER,
        Shape.YEAR,
        Shape.PROSE,
    }


def resolve(
    text: str, marks: tuple[Mark, ...] | list[Mark], legend: Legend | None, municipality: str | None
) -> StatusValue | None:
    """The status a cell shows, None when it shows nothing that could be one."""
    options = candidates(text, marks)
    if not options:
        return None
    parts = _key_and_meaning(text.strip(), options) if legend is not None else None
    if legend is not None:
        for lookup in (legend.lookup, legend.lookup_near):
            for option in [*options, *parts]:
                found = lookup(option)
                if found:
                    return StatusValue(found[0], found[1], True)
    for option in options:
        match = match_status(option, municipality)
        if match.known:
            return StatusValue(match.status, option, True)
    for part in parts if parts is not None else _key_and_meaning(text.strip(), options):
        match = match_status(part, municipality)
        if match.known:  # a part is known by the cell's whole text ('Groen - op schema')
            return StatusValue(match.status, text.strip(), True)
    shown = next((o for o in options if fold(o)), options[0])
    return StatusValue("unknown", shown, False)


def known_status(
    text: str, marks: tuple[Mark, ...], legend: Legend | None, municipality: str | None
) -> bool:
    """A value that the vocabulary or the legend knows as a status, or that shows one by a mark: the line after a
    status label alone ('Status'), which may also be the first line of a text."""
    if any(mark.kind != "bold" for mark in marks):
        return True
    value = resolve(text, (), legend, municipality)
    return value is not None and value.known


def resolve_cell(cell: Cell, legend: Legend | None, municipality: str | None) -> StatusValue | None:
    """The status a table cell shows."""
    if cell.empty:
        return None
    return resolve(cell.text, cell.marks, legend, municipality)
