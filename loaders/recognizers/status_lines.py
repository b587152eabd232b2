"""Statuses written in lines of text under an activity: 'Status 2e VGR: Volgens plan', 'Jaarrekening 2023
Status: ►', 'Status 1e Burap: ● Status 2e Burap: ●' (a coloured symbol each), 'Status: Op koers' (the document's
own period)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.document import Mark, Paragraph
from model.periods import ParsedPeriod, parse_period

_STATUS = re.compile(r"(?P<word>status|stand|kleur|score)\b\s*(?P<after>[^:]{0,40}?)\s*:\s*", re.IGNORECASE)
_WORDS = ("status", "stand", "kleur", "score")  # the words _STATUS starts with: a cheap test before it runs
_MAX_VALUE_WORDS = 8


@dataclass(frozen=True)
class StatusLine:
    """One status in a line: its period, the text shown and the marks that belong to it."""

    period: ParsedPeriod
    text: str
    marks: tuple[Mark, ...]
    line: int


def status_lines(paragraph: Paragraph, year: int | None, own: ParsedPeriod | None) -> list[StatusLine]:
    """The statuses in one paragraph, each with its period (printed before or after 'Status', else the
    document's own)."""
    text = paragraph.text
    if ":" not in text:
        return []
    folded = text.casefold()
    if not any(word in folded for word in _WORDS):
        return []
    matches = list(_STATUS.finditer(text))
    if not matches:
        return []
    colours = [m for m in paragraph.marks if m.kind == "colour"]
    labels = [m for m in paragraph.marks if m.kind == "label"]
    glyphs = [m for m in paragraph.marks if m.kind == "glyph"]
    found: list[StatusLine] = []
    previous_end = 0
    for position, match in enumerate(matches):
        value_end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        value = text[match.end() : value_end].strip(" ,;.")
        before = text[previous_end : match.start()].strip(" ,;.")
        after = match.group("after").strip()
        period = parse_period(after, year) if after else None
        if period is None and before:
            period = parse_period(before, year)
        if period is None and not after and not before:
            period = own
        previous_end = value_end
        if period is None or not value or len(value.split()) > _MAX_VALUE_WORDS:
            continue
        marks: list[Mark] = []
        if len(colours) == len(matches):
            marks.append(colours[position])
        if len(labels) == len(matches):
            marks.append(labels[position])
        if len(glyphs) == len(matches):  # one symbol per status, shown by its label or as itself
            marks.append(glyphs[position])
        else:
            marks += [m for m in glyphs if m.value in value]
        found.append(StatusLine(period, value, tuple(marks), paragraph.line))
    return found
