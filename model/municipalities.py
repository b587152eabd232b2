"""The current Dutch municipalities (CBS codes) and detection of the municipality a document is about."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from model.text import fold
from model.vocabulary import VOCABULARY_DIR

MUNICIPALITIES_FILE = VOCABULARY_DIR / "municipalities.csv"
_HEAD_LINES = 15
_SUGGEST_CUTOFF = 70
_CONTEXT = r"(?:gemeente|gemeenteraad|college van|raad van)\s+"


@dataclass(frozen=True)
class Municipality:
    """One municipality: CBS code, official name, other names in use, and whether the name is also a common word."""

    code: str
    name: str
    aliases: tuple[str, ...]
    needs_context: bool
    display: str = ""

    @property
    def display_name(self) -> str:
        """The name people write: the list's display name ('Den Haag'), else the first alias for names with a
        province suffix ("Bergen (L.)" → "Bergen"), else the official name."""
        if self.display:
            return self.display
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
                row.get("display") or "",
            )
            for row in csv.DictReader(handle)
        )


@cache
def _by_folded_name() -> dict[str, Municipality]:
    """Official names and aliases, folded; an alias two municipalities share ('Bergen') names neither."""
    index: dict[str, Municipality] = {}
    shared: set[str] = set()
    for municipality in all_municipalities():
        for name in {fold(n) for n in (municipality.name, *municipality.aliases, municipality.display)} - {""}:
            if name in index and index[name] != municipality:
                shared.add(name)
            index.setdefault(name, municipality)
    return {name: municipality for name, municipality in index.items() if name not in shared}


def municipalities_named(name: str) -> list[Municipality]:
    """Every municipality whose official name, alias or display name is `name` ('Bergen' gives two)."""
    folded = fold(name)
    return [
        m for m in all_municipalities() if folded in {fold(n) for n in (m.name, *m.aliases, m.display) if n}
    ]


def find_municipality(name: str) -> Municipality | None:
    """Look up a municipality by official name, alias or CBS code, ignoring case and accents."""
    if re.fullmatch(r"(?i)gm\d{4}", name.strip()):
        return next((m for m in all_municipalities() if m.code == name.strip().upper()), None)
    return _by_folded_name().get(fold(name))


@cache
def _name_patterns() -> dict[str, re.Pattern[str]]:
    """Per first three letters (lower case), one pattern of the names that start so, longest first."""
    groups: dict[str, set[str]] = {}
    for name in {n for m in all_municipalities() for n in (m.name, *m.aliases)}:
        groups.setdefault(name[:3].lower(), set()).add(name)
    return {
        prefix: re.compile(
            rf"(?P<name>{'|'.join(_escaped(n) for n in sorted(names, key=len, reverse=True))})(?P<adjective>se)?(?![\w-])",
            re.IGNORECASE,
        )
        for prefix, names in groups.items()
    }


def _escaped(name: str) -> str:
    """A name as a pattern; its apostrophe ("'s-Hertogenbosch") printed straight or curly."""
    return re.escape(name).replace("'", "['’]")


def _any_case_trie(node: dict[str, dict]) -> str:
    """A pattern of the letter sequences in `node` (a trie), each letter in either case: a branch per letter, so
    that the engine decides at each letter instead of trying every name in turn."""
    branches = [
        (f"[{letter}{letter.upper()}]" if letter != letter.upper() else re.escape(letter)) + _any_case_trie(child)
        if letter
        else ""
        for letter, child in sorted(node.items())
    ]
    if branches == [""]:
        return ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


@cache
def _candidate_pattern() -> re.Pattern[str]:
    """Capitalised letters followed by the next three letters of some name, as a trie under each capital
    (case-sensitive, no lookbehind, so the regex engine skips everything else quickly): the only places all names
    are tried."""
    trie: dict[str, dict] = {}
    for name in {n for m in all_municipalities() for n in (m.name, *m.aliases)}:
        if name[:1].isalpha():
            node = trie.setdefault(name[0].upper(), {})
            for letter in name[1:4].lower():
                node = node.setdefault(letter, {})
            node[""] = {}
    apostrophed = sorted(  # each a literal, straight and curly: a class first would cost the engine its quick scan
        {re.escape(mark + n[1:4]) for m in all_municipalities() for n in (m.name, *m.aliases) if n[:1] == "'" for mark in "'’"}
    )
    branches = [re.escape(capital) + _any_case_trie(rest) for capital, rest in sorted(trie.items())]
    return re.compile("|".join([*branches, *apostrophed]))  # "'s-Hertogenbosch": the apostrophe starts it


_CONTEXT_BEFORE = re.compile(rf"(?<![\w-]){_CONTEXT}$", re.IGNORECASE)


def _mentions(text: str) -> Iterator[tuple[int, str, bool, bool]]:
    """Each capitalised mention of a name: its offset, the name as written, whether "gemeente" (or the like)
    precedes it and whether it is the adjective ("Zevenaarse")."""
    patterns = _name_patterns()
    covered = 0
    for start in _candidate_pattern().finditer(text):
        at = start.start()
        if at < covered or (at and (text[at - 1].isalnum() or text[at - 1] in "_-")):
            continue
        pattern = patterns.get(text[at : at + 3].lower().replace("’", "'"))
        match = pattern.match(text, at) if pattern is not None else None
        if match is not None:
            covered = match.end()
            context = _CONTEXT_BEFORE.search(text, max(0, at - 40), at) is not None
            yield at, match.group("name"), context, match.group("adjective") is not None


def _first_lines(text: str, count: int) -> list[str]:
    """text.splitlines()[:count], splitting only as much of the text as holds them (a document can be megabytes)."""
    size = 4096
    while True:
        lines = text[:size].splitlines()
        if size >= len(text) or len(lines) > count + 1:
            return text.splitlines()[:count] if size >= len(text) else lines[:count]
        size *= 4


def mention_scores(text: str) -> Counter[str]:
    """How strongly the text names each municipality: "gemeente X" and the first lines weigh most, a plain
    mention or its adjective ("Zevenaarse") counts once. Names that are also common words (Best, Putten, Sluis)
    only count after "gemeente"."""
    head_end = sum(len(line) + 1 for line in _first_lines(text, _HEAD_LINES))
    scores: Counter[str] = Counter()
    index = _by_folded_name()
    for at, name, has_context, adjective in _mentions(text):
        municipality = index.get(fold(name))
        if municipality is None or (municipality.needs_context and not has_context):
            continue
        if adjective and (has_context or municipality.needs_context):
            continue
        scores[municipality.code] += 1 + (5 if has_context else 0) + (3 if at < head_end else 0)
    return scores


def by_code(code: str) -> Municipality:
    """The municipality with CBS code `code`."""
    return next(m for m in all_municipalities() if m.code == code)


def detect_municipality(text: str) -> Municipality | None:
    """The municipality the text is most about (see mention_scores); None when it names none."""
    scores = mention_scores(text)
    if not scores:
        return None
    return by_code(scores.most_common(1)[0][0])


@cache
def _token_names() -> dict[tuple[str, ...], Municipality]:
    names: dict[tuple[str, ...], Municipality] = {}
    for municipality in all_municipalities():
        for name in (municipality.name, *municipality.aliases):
            words = re.split(r"[\s\-']+", fold(name).replace("(", "").replace(")", "").strip(" ."))
            names.setdefault(tuple(word for word in words if word), municipality)
    return names


def municipality_in(label: str) -> Municipality | None:
    """The municipality a short label names as a run of its words: a file name ('034_den-haag_budget'), a web
    address ('zevenaar.jaarverslag-2022.nl'), a page or PDF title. The longest name wins."""
    tokens = [t for t in re.split(r"[\s_\-.,:;|/'()]+", fold(label)) if t]
    names = _token_names()
    longest = max((len(key) for key in names), default=1)
    best: tuple[int, Municipality] | None = None
    for start in range(len(tokens)):
        for size in range(min(longest, len(tokens) - start), 0, -1):
            found = names.get(tuple(tokens[start : start + size]))
            if found is not None and (best is None or size > best[0]):
                best = (size, found)
                break
    return best[1] if best else None


def suggest_municipalities(name: str, limit: int = 3) -> list[str]:
    """The known municipalities whose names are closest to `name` (for 'did you mean ...')."""
    from rapidfuzz import fuzz, process

    choices = {m.display_name: fold(m.display_name) for m in all_municipalities()}
    found = process.extract(fold(name), choices, scorer=fuzz.ratio, limit=limit, score_cutoff=_SUGGEST_CUTOFF)
    return [display for _, _, display in found]
