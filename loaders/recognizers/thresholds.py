"""The explanation threshold a document states: "afwijkingen groter dan € 50.000 worden toegelicht", "In onderstaand
overzicht lichten we afwijkingen > € 25.000 toe", "verschillen van meer dan 10% lichten wij toe". The words are
data (budget.toml, [explanation_threshold]); the first sentence that has them all gives the threshold."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from model.amounts import NotAnAmount, parse_amount
from model.document import Line
from model.records import ExplanationThreshold
from model.text import fold
from model.vocabulary import load_vocabulary

_MAX_LINE_CHARS = 600
_MILLION = ("mln", "miljoen")


@cache
def _words() -> tuple[tuple[str, ...], frozenset[str], re.Pattern[str], re.Pattern[str]]:
    data = load_vocabulary("budget")["explanation_threshold"]
    comparators = "|".join(re.escape(c) for c in sorted(data["comparators"], key=len, reverse=True))
    euro = re.compile(
        rf"(?:{comparators})\s*(?P<sign>€|eur(?:o)?\b)?\s*(?P<amount>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:,\d+)?"
        rf"\s*(?P<million>{'|'.join(_MILLION)})?(?P<after>\s*euro\b)?(?P<percent>\s*%)?",
        re.IGNORECASE,
    )
    percent = re.compile(rf"(?:(?:{comparators})\s*|\bof\s+|\ben\s+)(?P<share>\d+(?:,\d+)?)\s*%", re.IGNORECASE)
    return tuple(fold(w) for w in data["subjects"]), frozenset(fold(w) for w in data["explain_words"]), euro, percent


def _euros(match: re.Match[str]) -> float | None:
    try:
        value = parse_amount(match.group("amount")).value
    except NotAnAmount:
        return None
    if value is None:
        return None
    return float(value * (Decimal(1_000_000) if match.group("million") else 1))


def threshold_in(text: str, line: int | None = None) -> ExplanationThreshold | None:
    """The threshold one sentence states, or None when it states none."""
    if len(text) > _MAX_LINE_CHARS or ("€" not in text and "%" not in text and "euro" not in text.lower()):
        return None
    subjects, explain, euro, percent = _words()
    words = fold(text).replace(">", " > ").split()
    if explain.isdisjoint(words) or not any(w.startswith(subjects) for w in words):
        return None
    eur = share = None
    for match in euro.finditer(text):
        if match.group("percent"):
            share = share if share is not None else float(match.group("amount").replace(",", "."))
        elif eur is None and (match.group("sign") or match.group("after")):
            eur = _euros(match)
    if share is None and (found := percent.search(text)):
        share = float(found.group("share").replace(",", "."))
    if eur is None and share is None:
        return None
    return ExplanationThreshold(eur=eur, percent=share, line=line)


def find_threshold(lines: list[Line]) -> ExplanationThreshold | None:
    """The first explanation threshold among `lines`."""
    for line in lines:
        found = threshold_in(line.text, line.number)
        if found is not None:
            return found
    return None
