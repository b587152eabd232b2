"""The lines of a PDF page: text runs grouped into visual lines, runs joined into cells where no gap separates
them, and words hyphenated at a line's end joined whole."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from loaders.readers.shapes import VALUE_SHAPES, Shape, shape
from model.caching import text_cache
from model.document import Mark
from model.statuses import match_status
from model.vocabulary import load_vocabulary

_WORD_GAP = 0.25  # a gap wider than this share of the text height between two runs is a space
_LINE_END_HYPHEN = "\ufffe"
_SIGNS = {"-", "−", "–"}
_SIGN_GAP = 1.5  # a minus sign this close (in text heights) before a number is that number's sign
_SPACE_SHARE = 0.6  # a gap narrower than this share of the text height is a space inside a cell
_MAX_STATUS_WORDS = 3
_BRACKETED_YEAR = re.compile(r"\(\s?(?:19|20)\d\d\s?\)\**$")
_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,3}){1,4}\.?$|^\d{1,2}(?:\.\d{1,3}){1,4}\s")


@dataclass(frozen=True)
class Rule:
    """A horizontal line drawn on the page: its height and where it starts and ends, in points."""

    y: float
    left: float
    right: float


@dataclass(slots=True)
class Chunk:
    """A run of text (or a shape) on a page, in points from the top-left corner."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    marks: tuple[Mark, ...] = ()
    bold: bool = False
    spaced: bool = False  # the run ended with a space: the next run is a new word
    parts: tuple[Chunk, ...] = ()  # the runs a cell was joined from, when more than one (header names to split)
    size: float = 0.0  # the font size of the run (of the largest run joined into a cell)

    @property
    def height(self) -> float:
        return max(1.0, self.bottom - self.top)


@dataclass
class PageLine:
    """A visual line: its cells (runs merged where no gap separates them) from left to right."""

    cells: list[Chunk] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(c.top for c in self.cells)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.cells)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells if c.text)


def _overlap(a: Chunk, top: float, bottom: float) -> float:
    return max(0.0, min(a.bottom, bottom) - max(a.top, top))


def group_lines(chunks: list[Chunk]) -> list[list[Chunk]]:
    """Runs into visual lines: a run joins the line when it overlaps at least half of the lower of the two, or lies
    inside it (a minus sign's box is a sliver at mid-height: '-' beside '4.204' is on the same line)."""
    lines: list[list[Chunk]] = []
    top = bottom = 0.0  # the extent of the line being built
    for chunk in sorted(chunks, key=lambda c: ((c.top + c.bottom) / 2, c.x0)):
        inside = bool(lines) and top <= chunk.top and chunk.bottom <= bottom
        if lines and (inside or _overlap(chunk, top, bottom) >= 0.5 * min(chunk.height, bottom - top)):
            lines[-1].append(chunk)
            top, bottom = min(top, chunk.top), max(bottom, chunk.bottom)
            continue
        lines.append([chunk])
        top, bottom = chunk.top, chunk.bottom
    return lines


def merge(chunks: list[Chunk]) -> PageLine:
    """Runs of one line joined where they touch; a gap wider than a few spaces starts a new cell."""
    line = PageLine()
    for chunk in sorted(chunks, key=lambda c: c.x0):
        text = chunk.text.strip()
        if line.cells:
            last = line.cells[-1]
            gap = chunk.x0 - last.x1
            both_text = bool(last.text) and bool(text)
            tall = max(last.height, chunk.height)
            sign = last.text in _SIGNS and text[:1].isdigit() and gap <= _SIGN_GAP * tall
            if both_text and (sign or gap <= max(2.0, _SPACE_SHARE * tall)):
                joiner = " " if gap > _WORD_GAP * tall and not sign else ""
                cell = _stripped(chunk, text)
                line.cells[-1] = Chunk(
                    last.x0,
                    max(last.x1, chunk.x1),
                    min(last.top, chunk.top),
                    max(last.bottom, chunk.bottom),
                    f"{last.text}{joiner}{text}",
                    last.marks + chunk.marks,
                    last.bold or chunk.bold,
                    cell.spaced,
                    _parts(last, cell, joiner),
                    max(last.size, chunk.size),
                )
                continue
        line.cells.append(_stripped(chunk, text))
    return line


def _parts(last: Chunk, cell: Chunk, joiner: str) -> tuple[Chunk, ...]:
    """The runs of a joined cell: a run after a space is a part of its own, one glued on (a sign, a word's rest)
    goes on the last part."""
    if joiner:
        return (*(last.parts or (last,)), cell)
    if not last.parts:
        return ()
    end = last.parts[-1]
    text, marks = end.text + cell.text, end.marks + cell.marks
    glued = Chunk(end.x0, cell.x1, end.top, end.bottom, text, marks, end.bold, cell.spaced, size=end.size)
    return (*last.parts[:-1], glued)


def _stripped(chunk: Chunk, text: str) -> Chunk:
    spaced = chunk.text[-1:].isspace()
    return Chunk(chunk.x0, chunk.x1, chunk.top, chunk.bottom, text, chunk.marks, chunk.bold, spaced, size=chunk.size)


def is_value(cell: Chunk) -> bool:
    """A figure, a mark without text (a coloured square) or a status word ('Oranje', 'Volgens plan')."""
    if not cell.text:
        return bool(cell.marks)
    return _is_value_text(cell.text)


def is_figure(cell: Chunk) -> bool:
    """A figure or a mark, not a year ('2026') nor the year a column's figures are of ('(2023)*', under
    'Peilwaarde')."""
    year = bool(cell.text) and (shape(cell.text) == Shape.YEAR or _BRACKETED_YEAR.match(cell.text) is not None)
    return is_value(cell) and not year


@text_cache(1 << 15)
def _is_value_text(text: str) -> bool:
    if shape(text) in VALUE_SHAPES:
        return True
    if text.rstrip().endswith((".", ";", ":")):  # the end of a sentence ('... is nog niet gehaald.'), no status
        return False
    return len(text.split()) <= _MAX_STATUS_WORDS and match_status(text).known


def wrapped(before: str, after: str, separator: str) -> str:
    """Two lines of one text: a word that the PDF hyphenated at the line's end (pdfium marks that hyphen as
    U+FFFE) is joined whole ('re-' and 'integratie' give 're-integratie')."""
    if not before or not after:
        return before or after
    if hyphenated(before, after):
        return f"{before[:-1]}-{after}"
    return f"{before}{separator}{after}"


@cache
def _elision_words() -> frozenset[str]:
    return frozenset(load_vocabulary("tables")["elision_words"])


def hyphenated(before: str, after: str) -> bool:
    """The line ends in a word broken by a hyphen and the next goes on with it ('Noord- en' is no such break)."""
    ends = before.endswith(_LINE_END_HYPHEN) or (before.endswith("-") and before[-2:-1].isalpha())
    return ends and after[:1].islower() and after.split(" ", 1)[0] not in _elision_words()


def visible(text: str) -> str:
    """The text as printed: a line-end hyphen that was not joined is a plain hyphen."""
    return text.replace(_LINE_END_HYPHEN, "-")


def is_coded(line: PageLine) -> bool:
    return bool(line.cells) and bool(_CODE.match(line.cells[0].text))
