"""Reporting periods: parse labels such as "Rek. 2018", "2e VGR 2019" or "Q1 2022" into kind, year and order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from model.caching import text_cache
from model.text import fold
from model.vocabulary import load_vocabulary

# 1950-2199 not inside a longer number; written to start with a literal digit so the engine skips ahead fast
YEAR = re.compile(r"((?:1(?<!\d1)9[5-9]|2(?<!\d2)[01]\d)\d)(?!\d)")
_SHORT_YEAR = re.compile(r"(?<![\d/-])['’](\d\d)(?!\d)")  # "2e VGR '19", as Word prints it "’19"
# more words than the longest label the vocabulary allows: a prefix, a kind, an ordinal and a year
# ("stand van zaken 2e tussentijdse rapportage 2024")
MAX_WORDS = 10


@dataclass(frozen=True)
class ParsedPeriod:
    """A period label understood: its kind, year (None when unknown), ordinal and whether the year was guessed."""

    label: str
    kind: str
    year: int | None
    n: int | None
    rank: int
    year_guessed: bool
    canonical: str

    @property
    def order(self) -> int:
        """Sort key in time: year first, then the kind's rank within the year."""
        return (self.year or 0) * 100 + self.rank


@dataclass(frozen=True)
class _Kind:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    rank: int | None
    ranks: tuple[int, ...]
    canonical: str
    names: tuple[str, ...]  # the display name of each ordinal ('september' for 9)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@cache
def _any_kind() -> re.Pattern[str]:
    """Every kind's patterns as one alternation (groups unnamed): most labels are no period and fail it at once."""
    kinds = _vocabulary()[0]
    return re.compile("|".join(_NAMED_GROUP.sub("(?:", p.pattern) for kind in kinds for p in kind.patterns))


@cache
def _vocabulary() -> tuple[tuple[_Kind, ...], tuple[str, ...], dict[str, int]]:
    data: dict[str, Any] = load_vocabulary("periods")
    kinds = tuple(
        _Kind(
            name=entry["name"],
            patterns=tuple(re.compile(rf"(?:{pattern})") for pattern in entry["patterns"]),
            rank=entry.get("rank"),
            ranks=tuple(entry.get("ranks", ())),
            canonical=entry["canonical"],
            names=tuple(entry.get("names", ())),
        )
        for entry in data["kind"]
    )
    prefixes = tuple(sorted((fold(p) for p in data.get("prefixes", [])), key=len, reverse=True))
    return kinds, prefixes, {fold(word): number for word, number in data.get("ordinals", {}).items()}


@cache
def _prefix_starts() -> tuple[str, ...]:
    """How a label with a prefix ('stand', 'stand van zaken') starts: the prefix and a space."""
    return tuple(prefix + " " for prefix in _vocabulary()[1])


def _ordinal(raw: str | None, ordinals: dict[str, int]) -> int | None:
    if raw is None:
        return None
    return int(raw) if raw.isdigit() else ordinals.get(raw)


@text_cache(1 << 15)
def parse_period(label: str, document_year: int | None = None) -> ParsedPeriod | None:
    """Parse `label`; None when it is not a period label. A missing year takes `document_year` (year_guessed)."""
    if len(label.split()) > MAX_WORDS:
        return None
    kinds, prefixes, ordinals = _vocabulary()
    text = fold(label)
    if not text or len(text) > 60:
        return None
    years = YEAR.findall(text)
    if len(years) > 1:
        return None
    year = int(years[0]) if years else None
    if year is None and ("'" in label or "’" in label) and (short := _SHORT_YEAR.search(label)):
        year = 2000 + int(short.group(1))
        text = fold(_SHORT_YEAR.sub(" ", label))
    rest = fold(YEAR.sub(" ", text)) if years else text  # text is folded already
    if rest.startswith(_prefix_starts()) or rest in prefixes:  # most labels have no prefix: one test for all
        for prefix in prefixes:
            if rest == prefix or rest.startswith(prefix + " "):
                rest = rest[len(prefix) :].strip(" :")
                break
    if not rest:
        if year is None:
            return None
        return ParsedPeriod(label, "jaar", year, None, 95, False, str(year))
    if not _any_kind().fullmatch(rest):
        return None
    for kind in kinds:
        for pattern in kind.patterns:
            match = pattern.fullmatch(rest)
            if not match:
                continue
            n = _ordinal(match.groupdict().get("n"), ordinals)
            if kind.ranks:
                if n is None or not 1 <= n <= len(kind.ranks):
                    continue
                rank = kind.ranks[n - 1]
            else:
                rank = kind.rank or 0
            guessed = year is None and document_year is not None
            final_year = year if year is not None else document_year
            name = kind.names[n - 1] if n and kind.names else ""
            canonical = kind.canonical.format(n=n, year=final_year if final_year else "", name=name).strip()
            return ParsedPeriod(label, kind.name, final_year, n, rank, guessed, canonical)
    return None
