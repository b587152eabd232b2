"""Rows of a money table: a label followed by amount cells, in space-separated or cell-separated exports.

"1.1 Thema Jeugd -7.882 -7.020 - 328 N" is ambiguous: "- 328" may be one negative amount or an empty cell and
328. When the table's column count is known the reading that fits it wins; otherwise a lone "-" before a
number is taken as its sign.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from model.amounts import NotAnAmount, parse_amount
from model.caching import text_cache
from model.document import Line

_NUMBER = re.compile(r"^[-−(]?€?-?\d[\d.]*(?:,\d+|,-{1,2})?\)?-?%?[NV]?$")
_DASH = {"-", "–", "—", "−"}
_NOT_KNOWN = {"PM", "-PM", "P.M.", "NNB", "N.N.B."}  # amounts not yet known: empty cells
_MAX_AMBIGUOUS = 8


@dataclass(slots=True, unsafe_hash=True)
class Cell:
    """One amount cell: its value in table units (None when empty), N/V if printed, and the text."""

    value: Decimal | None
    direction: str | None
    raw: str


def _amount(token: str) -> Cell | None:
    try:
        amount = parse_amount(token)
    except NotAnAmount:
        return None
    if amount.percent:
        return None
    return Cell(amount.value, amount.direction, token)


def _amount_like(word: str) -> bool:
    return word in _DASH or word in {"N", "V", "€"} or word.upper() in _NOT_KNOWN or bool(_NUMBER.match(word))


_AMOUNT_ENDS = frozenset("0123456789.-)%NV€–—−mMbB")  # last characters of what _amount_like takes ('PM', 'n.n.b.')
_BEFORE_DOT = frozenset("0123456789.mMbB")  # '2022.', 'p.m.', 'n.n.b.'


def _may_end_in_amount(text: str) -> bool:
    """Whether the last word of `text` can be amount-like, from its last characters alone."""
    stripped = text.rstrip()
    last, before = stripped[-1:], stripped[-2:-1]
    if last == ".":
        return before in _BEFORE_DOT or before.isdigit()
    return last in _AMOUNT_ENDS or last.isdigit()  # any digit the pattern's \d takes


def _tokens_from_right(words: list[str]) -> int:
    """Index of the first word of the trailing run of amount-like tokens."""
    start = len(words)
    while start > 0 and _amount_like(words[start - 1]):
        start -= 1
    return start


def _readings(tokens: list[str]) -> list[list[Cell]]:
    """Every way to read the tokens as cells (a lone dash before a number is a sign or an empty cell). Each token
    is read once, as itself and (a dash) joined to the number after it; the readings only choose between them."""
    ambiguous = [
        i
        for i, t in enumerate(tokens[:-1])
        if t in _DASH and _NUMBER.match(tokens[i + 1]) and tokens[i + 1][0] not in "-−("
    ]
    alone = [Cell(None, None, t) if t in _DASH or t.upper() in _NOT_KNOWN else _amount(t) for t in tokens]
    joined = {i: _amount(f"-{tokens[i + 1]}") for i in ambiguous}
    readings = []
    for choice in itertools.product((True, False), repeat=min(len(ambiguous), _MAX_AMBIGUOUS)):
        joins = {index for index, join in zip(ambiguous, choice, strict=False) if join}
        cells: list[Cell] = []
        skip = False
        for i, token in enumerate(tokens):
            if skip:
                skip = False
                continue
            if token == "€":
                continue
            if token in {"N", "V"}:
                if cells and cells[-1].direction is None and cells[-1].value is not None:
                    last = cells[-1]
                    cells[-1] = Cell(last.value, token, f"{last.raw} {token}")
                    continue
                return []
            skip = i in joins
            cell = joined[i] if skip else alone[i]
            if cell is None:
                break
            cells.append(cell)
        else:
            readings.append(cells)
    return readings


class _Readings(NamedTuple):
    """A line's label and the readings of its amounts; `split` when the export kept the cells (one reading)."""

    label: str
    readings: tuple[list[Cell], ...]
    split: bool


def read_row(line: Line, expected: int | None = None) -> tuple[str, tuple[Cell, ...]] | None:
    """(label, amount cells) of `line` when it ends in at least one amount cell, else None; with `expected`, the
    reading with that many cells where there is one."""
    read = _readings_of(line.text, line.cells)
    if read is None:
        return None
    if read.split:
        return read.label, tuple(read.readings[0])
    if expected:
        for reading in read.readings:
            if len(reading) == expected:
                return read.label, tuple(reading)
    chosen = read.readings[0]
    if not any(cell.value is not None for cell in chosen) and len(chosen) < 2:
        return None
    return read.label, tuple(chosen)


@text_cache(1 << 14)
def _readings_of(text: str, line_cells: tuple[str, ...]) -> _Readings | None:
    """The label and readings of one line; cached because table detection asks for the same lines many times."""
    if len(line_cells) > 1:
        row = _read_cells(line_cells)
        return None if row is None else _Readings(row[0], (list(row[1]),), True)
    if not _may_end_in_amount(text):  # most lines end in a word or a sentence: no row, at one look
        return None
    last = text.rsplit(None, 1)
    if not last or not _amount_like(last[-1]):
        return None
    words = text.split()
    start = _tokens_from_right(words)
    tokens = words[start:]
    if not tokens or start == 0 or not any(_NUMBER.match(t) or t in _DASH for t in tokens):
        return None
    readings = tuple(r for r in _readings(tokens) if r)
    if not readings:
        return None
    return _Readings(" ".join(words[:start]), readings, False)


def _read_cells(line_cells: tuple[str, ...]) -> tuple[str, tuple[Cell, ...]] | None:
    label_parts: list[str] = []
    cells: list[Cell] = []
    for cell_text in line_cells:
        cell = None if not cells and not _looks_numeric(cell_text) else _amount(cell_text)
        if cell is None and not cells:
            label_parts.append(cell_text)
            continue
        if cell is None:
            return None
        cells.append(cell)
    if not cells or not label_parts or not any(c.value is not None for c in cells):
        return None
    return " ".join(label_parts), tuple(cells)


def _looks_numeric(text: str) -> bool:
    compact = text.replace(" ", "")
    return compact in _DASH or bool(_NUMBER.match(compact))
