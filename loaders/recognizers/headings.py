"""Numbered headings ("6.1.1 Vergroten grip op kosten", "Programma 2: Een leefbare gemeente", "2.1- In ...")."""

from __future__ import annotations

from dataclasses import dataclass

from model.document import Line
from model.numbering import parse_numbered


@dataclass(frozen=True)
class Heading:
    """A heading line: position in the line list, code, depth (number of code parts), title and prefix role."""

    index: int
    line: int
    code: str
    depth: int
    title: str
    text: str
    role: str | None  # "programme", "theme" or "activity" when a prefix word named it

    @property
    def top(self) -> str:
        """The first part of the code: the programme number."""
        return self.code.split(".")[0]


def parse_heading(index: int, line: Line) -> Heading | None:
    """The heading on `line`, or None."""
    numbered = parse_numbered(line.text)
    if numbered is None:
        return None
    return Heading(index, line.number, numbered.code, numbered.depth, numbered.title, line.text, numbered.role)


def find_headings(lines: list[Line]) -> dict[int, Heading]:
    """All headings, keyed by their index in `lines`."""
    found = {}
    for index, line in enumerate(lines):
        heading = parse_heading(index, line)
        if heading:
            found[index] = heading
    return found
