"""Statuses written in lines of text under an activity: 'Status 2e VGR: Volgens plan', 'Jaarrekening 2023
Status: ►', 'Status 1e Burap: ● Status 2e Burap: ●' (a coloured symbol each), 'Status: Op koers' (the document's
own period)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.document import Mark, Paragraph
from model.periods import ParsedPeriod, parse_period

_STATUS = re.compile(r"(?P<word>status|stand|kleur|score|voortgang)\b\s*(?P<after>[^:]{0,40}?)\s*:\s*", re.IGNORECASE)
_WORDS = ("status", "stand", "kleur", "score", "voortgang")  # the words _STATUS starts with: a cheap test first
_PROGRESS = "van zaken"  # 'Stand van zaken': mostly a progress text after it, a status only when it is a known one
_PROGRESS_WORD = "voortgang"  # 'Voortgang: loopt volgens planning' likewise
_MAX_VALUE_WORDS = 8


@dataclass(frozen=True)
class StatusLine:
    """One status in a line: its period, the text shown and the marks that belong to it."""

    period: ParsedPeriod
    text: str
    marks: tuple[Mark, ...]
    line: int
    needs_known: bool = False  # 'Stand van zaken: op schema' is a status, 'Stand van zaken: de bouw is gestart' not


def status_lines(paragraph: Paragraph, year: int | None, own: ParsedPeriod | None) -> list[StatusLine]:
    """The statuses in one paragraph, each with its period (printed before or after 'Status', else the
    document's own)."""
    text = paragraph.text
    if ":" not in text:
        return []
    folded = text.casefold()
    if not any(word in folded for word in _WORDS):
        return _period_pairs(paragraph, year)
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
        word = match.group("word").casefold()
        progress = (after.casefold().startswith(_PROGRESS) and word == "stand") or word == _PROGRESS_WORD
        after = after[len(_PROGRESS) :].strip() if progress and word == "stand" else after
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
        found.append(StatusLine(period, value, tuple(marks), paragraph.line, progress))
    return found


_PAIRS = re.compile(r"\s*[|;]\s*")
_MAX_PAIRS_CHARS = 300  # a line of a few periods and their statuses


def _period_pairs(paragraph: Paragraph, year: int | None) -> list[StatusLine]:
    """'1e Burap: op schema | 2e Burap: vertraagd': a period and its status, each pair of the line, when every
    part is one (a year alone is a plan's date, no period of a report) and its words are a known status."""
    if len(paragraph.text) > _MAX_PAIRS_CHARS:
        return []
    found = []
    for part in _PAIRS.split(paragraph.text.strip()):
        name, colon, value = part.partition(":")
        value = value.strip(" ,.")
        if not colon or not value or len(value.split()) > _MAX_VALUE_WORDS or len(name.split()) > _MAX_VALUE_WORDS:
            return []  # the cheap tests first: most lines with a colon are a field and its text
        period = parse_period(name.strip(), year)
        if period is None or period.kind == "jaar":
            return []
        found.append(StatusLine(period, value, (), paragraph.line, needs_known=True))
    return found


_LABEL = re.compile(r"^(?P<word>status|stand van zaken|stand)\b\s*(?P<after>[^:]{0,40}?)\s*:?\s*$", re.IGNORECASE)


def status_label(paragraph: Paragraph, year: int | None, own: ParsedPeriod | None) -> ParsedPeriod | None:
    """The period of a line that is a status label alone ('Status', 'Status 2e VGR:'), whose value is the next
    line; the document's own period for a bare label."""
    match = _LABEL.match(paragraph.text.strip())
    if match is None:
        return None
    after = match.group("after").strip()
    return parse_period(after, year) if after else own


def status_value(paragraph: Paragraph, period: ParsedPeriod) -> StatusLine | None:
    """The line after a status label as its value: a short label or a symbol, not a sentence."""
    text = paragraph.text.strip()
    if not text or len(text.split()) > _MAX_VALUE_WORDS or text.endswith((".", ":", ";")):
        return None
    return StatusLine(period, text, paragraph.marks, paragraph.line)


_TRAILING = re.compile(r"^(?P<title>.+?)\s*\((?P<status>[^()]{1,30})\)$")


def heading_status(title: str) -> tuple[str, str] | None:
    """(title, status words) of a heading that ends in its status in brackets ('Nieuw zwembad (groen)')."""
    match = _TRAILING.match(title.strip())
    return (match.group("title"), match.group("status").strip()) if match else None
