"""Numbered headings ("6.1.1 Vergroten grip op kosten", "Programma 2: Een leefbare gemeente", "2.1- In ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from model.document import Line
from model.text import fold
from model.vocabulary import load_vocabulary

_MAX_TITLE = 200
_MAX_WORDS = 30


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


@cache
def _prefix_roles() -> dict[str, str]:
    vocabulary = load_vocabulary("documents")["headings"]
    return {fold(word): role for role, words in vocabulary.items() for word in words}


@cache
def _pattern() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in _prefix_roles()), key=len, reverse=True))
    return re.compile(
        rf"^(?:(?P<prefix>{words})\s+)?(?P<code>\d{{1,2}}(?:\.\d{{1,3}}){{0,4}}[a-z]?)(?P<dot>\.)?"
        r"(?:\s*[-–:|)]\s*|\s+)(?P<title>\S.*)$",
        re.IGNORECASE,
    )


def _title_ok(title: str) -> bool:
    first = title[0]
    return (
        len(title) <= _MAX_TITLE
        and len(title.split()) <= _MAX_WORDS
        and (first.isupper() or first in "('\"‘“[")
        and not re.fullmatch(r"[\d.,%\s€-]+", title)
        and not title.rstrip(" |").endswith(":")
    )


def parse_heading(index: int, line: Line) -> Heading | None:
    """The heading on `line`, or None. One-part codes ("6.") need a trailing dot or a prefix word."""
    match = _pattern().match(line.text)
    if not match:
        return None
    title = match.group("title").strip(" |")
    code = match.group("code")
    prefix = match.group("prefix")
    if not title or not _title_ok(title):
        return None
    depth = code.count(".") + 1
    if depth == 1 and not (prefix or match.group("dot")):
        return None
    role = _prefix_roles().get(fold(prefix)) if prefix else None
    return Heading(index, line.number, code, depth, title, line.text, role)


def find_headings(lines: list[Line]) -> dict[int, Heading]:
    """All headings, keyed by their index in `lines`."""
    found = {}
    for index, line in enumerate(lines):
        heading = parse_heading(index, line)
        if heading:
            found[index] = heading
    return found
