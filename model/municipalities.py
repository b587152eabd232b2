"""The current Dutch municipalities (CBS codes) and detection of the municipality a document is about."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from model.text import fold
from model.vocabulary import VOCABULARY_DIR

MUNICIPALITIES_FILE = VOCABULARY_DIR / "municipalities.csv"
_HEAD_LINES = 15
_CONTEXT = r"(?:gemeente|gemeenteraad|college van|raad van)\s+"


@dataclass(frozen=True)
class Municipality:
    """One municipality: CBS code, official name, other names in use, and whether the name is also a common word."""

    code: str
    name: str
    aliases: tuple[str, ...]
    needs_context: bool

    @property
    def display_name(self) -> str:
        """The name people write: the first alias for names with a province suffix ("Bergen (L.)" → "Bergen")."""
        return self.aliases[0] if "(" in self.name and self.aliases else self.name


@cache
def all_municipalities() -> tuple[Municipality, ...]:
    """All municipalities in the bundled list."""
    with open(MUNICIPALITIES_FILE, encoding="utf-8", newline="") as handle:
        return tuple(
            Municipality(
                row["cbs_code"],
                row["name"],
                tuple(a for a in row["aliases"].split("|") if a),
                row["needs_context"] == "1",
            )
            for row in csv.DictReader(handle)
        )


@cache
def _by_folded_name() -> dict[str, Municipality]:
    index: dict[str, Municipality] = {}
    for municipality in all_municipalities():
        for name in (municipality.name, *municipality.aliases):
            index.setdefault(fold(name), municipality)
    return index


def find_municipality(name: str) -> Municipality | None:
    """Look up a municipality by official name, alias or CBS code, ignoring case and accents."""
    if re.fullmatch(r"(?i)gm\d{4}", name.strip()):
        return next((m for m in all_municipalities() if m.code == name.strip().upper()), None)
    return _by_folded_name().get(fold(name))


@cache
def _name_pattern() -> re.Pattern[str]:
    names = sorted({n for m in all_municipalities() for n in (m.name, *m.aliases)}, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?P<context>{_CONTEXT})?(?P<name>{alternatives})(?![\w-])", re.IGNORECASE)


def detect_municipality(text: str) -> Municipality | None:
    """Pick the municipality the text is most about: "gemeente X" and title lines weigh most, plain mentions count once.

    Names that are also common words (Best, Putten, Sluis) only count after "gemeente". Returns None when no
    municipality is named at all.
    """
    head_end = sum(len(line) + 1 for line in text.splitlines()[:_HEAD_LINES])
    scores: Counter[str] = Counter()
    index = _by_folded_name()
    for match in _name_pattern().finditer(text):
        municipality = index.get(fold(match.group("name")))
        if municipality is None:
            continue
        has_context = match.group("context") is not None
        exact_case = match.group("name")[0].isupper()
        if not exact_case or (municipality.needs_context and not has_context):
            continue
        weight = 1 + (5 if has_context else 0) + (3 if match.start() < head_end else 0)
        scores[municipality.code] += weight
    if not scores:
        return None
    best_code, _ = scores.most_common(1)[0]
    return next(m for m in all_municipalities() if m.code == best_code)
