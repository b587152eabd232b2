"""What a line of plain text is in a table: a pipe row, a value, a column name or a row number; and the table
found among the lines."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from loaders.readers.headers import (
    is_continuation,
)
from loaders.readers.shapes import Shape, is_value, shape
from model.document import Cell, Line, Table
from model.periods import YEAR
from model.text import fold
from model.vocabulary import load_vocabulary

_MAX_ROW_NUMBER = 999
_MAX_YEAR_NAME_WORDS = 5
_NAMES = frozenset({Shape.PERIOD, Shape.COLUMN, Shape.YEAR})


@dataclass
class Found:
    """A table found among the lines: the index of its first and after its last line, and the table."""

    start: int
    end: int
    table: Table


def line_cell(line: Line, text: str, header: bool = False) -> Cell:
    return Cell(text=text, line=line.number, header=header)


def is_pipe_row(line: Line) -> bool:
    return "|" in line.text or "\t" in line.text


def pipe_cells(text: str) -> list[str]:
    """The cells of a '|' or tab separated row, empty inner cells kept, the empty edges of '| a | b |' dropped."""
    stripped = text.strip()
    parts = [part.strip() for part in stripped.replace("\t", "|").split("|")]
    framed = stripped.startswith("|") and stripped.endswith("|")
    if framed and parts and not parts[0]:
        parts = parts[1:]
    if stripped.endswith("|") and parts and not parts[-1]:
        parts = parts[:-1]
    return parts


def is_value_line(line: Line) -> bool:
    return not is_pipe_row(line) and is_value(line.text)


def is_header_line(line: Line) -> bool:
    """A column name or part of one: a period, a column word, a year, or a short name with a year."""
    if is_pipe_row(line):
        return False
    kind = shape(line.text)
    if kind in _NAMES or is_continuation(line.text) or fold(line.text) in _year_labels():
        return True
    return kind == Shape.SHORT and len(line.text.split()) <= _MAX_YEAR_NAME_WORDS and bool(YEAR.search(line.text))


@cache
def _year_labels() -> frozenset[str]:
    """Names of a column of years ('Jaar', 'Peiljaar'; documents.toml [indicators] year_labels): a column name on its own line."""
    return frozenset(fold(word) for word in load_vocabulary("documents")["indicators"]["year_labels"])


def row_number(text: str) -> bool:
    """A small whole number or a code before a row's label ('1', '6.1')."""
    kind = shape(text)
    return kind == Shape.CODE or (kind == Shape.NUMBER and text.isdigit() and int(text) <= _MAX_ROW_NUMBER)


def header_run_at(lines: list[Line], index: int) -> bool:
    """Two header lines in a row that are followed by values within a few lines: a new table starts."""
    if index + 1 >= len(lines) or is_pipe_row(lines[index]) or shape(lines[index].text) not in _NAMES:
        return False
    return is_header_line(lines[index + 1])
