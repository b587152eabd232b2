"""Section vocabulary shared by goal, card and indicator parsers: labels, stops and page noise."""

from __future__ import annotations

from functools import cache

from model.text import FoldedLookup, first_word, fold
from model.vocabulary import load_vocabulary


@cache
def _table(name: str) -> dict[str, str]:
    return {fold(label): key for key, labels in load_vocabulary("documents")[name].items() for label in labels}


@cache
def _lookup(name: str) -> FoldedLookup[str]:
    return FoldedLookup(_table(name).items())


@cache
def _goal_stops() -> FoldedLookup[bool]:
    return FoldedLookup((label, True) for label in load_vocabulary("documents")["goal_stops"]["labels"])


def goal_section(text: str) -> str | None:
    """The goal section a line opens ("Wat willen we bereiken?" → "aim"), if any."""
    return _lookup("goal_sections").get(text)


@cache
def _goal_stop_bound() -> int:
    """Twice the longest label: a longer line cannot fold to one (room for spaces and accents folding removes)."""
    return 2 * max(len(label) for label in load_vocabulary("documents")["goal_stops"]["labels"])


def is_goal_stop(text: str) -> bool:
    """True for lines that start the financial or indicator part after a goal's text."""
    return len(text) <= _goal_stop_bound() and text in _goal_stops()


def is_noise(text: str) -> bool:
    """Navigation and page furniture of web exports ("Terug naar navigatie - ...")."""
    firsts = _noise_first_words()
    if firsts is not None and first_word(text) not in firsts:
        return False
    return fold(text).startswith(_noise_prefixes())


@cache
def _noise_prefixes() -> tuple[str, ...]:
    return tuple(load_vocabulary("documents")["noise"]["prefixes"])


@cache
def _noise_first_words() -> frozenset[str] | None:
    """The whole first words of the noise prefixes, so that other lines are not folded; None when a prefix is one
    word (it may be the start of a longer one)."""
    prefixes = _noise_prefixes()
    if any(" " not in prefix for prefix in prefixes):
        return None
    return frozenset(prefix.split()[0] for prefix in prefixes)


@cache
def card_labels() -> list[tuple[str, str]]:
    """(folded label, field name) pairs of activity-card fields, longest label first."""
    return sorted(_table("card_fields").items(), key=lambda pair: len(pair[0]), reverse=True)


@cache
def indicator_vocabulary() -> dict[str, frozenset[str]]:
    """Indicator headings, stop lines, source and note labels and target words, folded."""
    data = load_vocabulary("documents")["indicators"]
    return {key: frozenset(fold(v) for v in values) for key, values in data.items()}
