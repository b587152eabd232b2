"""Column names from header text that lost its cell boundaries.

Two cases: a run of header lines with one name or one part of a name per line ("Realisatie" / "2022"), grouped
into as many columns as the rows have values; and header lines printed with spaces between the names
("Rekening Primitieve Actuele Rekening Verschil" / "2018 Begroting Begroting 2019"), split at the words that
start a column name and completed from the lines below.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.readers.shapes import Shape, is_number, shape
from model.periods import YEAR
from model.text import fold
from model.vocabulary import load_vocabulary

_MAX_FLAT_WORDS = 30
_FLAT_SHARE = 0.7
_CONTINUATION = re.compile(r"[a-z(/&+]|[-–]\s")
_NOT_CONTINUING = frozenset({Shape.PERIOD, Shape.YEAR, Shape.NUMBER})  # "(10.245)" is a negative amount


@cache
def _heads() -> dict[str, str]:
    """Words that start a column name and what a later header line may add to them: a year, a noun or nothing."""
    heads = {fold(k.replace("_", " ")): v for k, v in load_vocabulary("budget")["column_heads"].items()}
    for word in load_vocabulary("tables")["value_columns"]:
        heads.setdefault(fold(word), "year")
    for ordinal in ("1e", "2e", "3e", "4e", "q1", "q2", "q3", "q4", "tb1", "tb2"):
        heads.setdefault(ordinal, "none")
    return {word: take for word, take in heads.items() if " " not in word}


@cache
def _nouns() -> frozenset[str]:
    return frozenset(fold(n) for n in load_vocabulary("budget")["nouns"])


def is_continuation(text: str) -> bool:
    """A header line that continues the name above: lower case, in brackets, or closing a bracket."""
    stripped = text.strip()
    continues = bool(_CONTINUATION.match(stripped)) or stripped.endswith(")")
    return continues and shape(text) not in _NOT_CONTINUING


def _open_bracket(parts: list[str]) -> bool:
    joined = " ".join(parts)
    return joined.count("(") > joined.count(")")


def _start_score(text: str, previous: list[str]) -> int:
    """How much `text` looks like the start of a new column name, given the name so far."""
    kind = shape(text)
    if is_continuation(text) or _open_bracket(previous):
        return -3
    if kind == Shape.YEAR:
        return 1 if any(YEAR.search(part) for part in previous) else -2
    if kind in {Shape.PERIOD, Shape.COLUMN}:
        return 2
    return 0


def group_header_lines(texts: list[str], count: int) -> list[str] | None:
    """Group header lines (one name or part per line) into `count` column names; None when impossible."""
    if count < 1 or len(texts) < count:
        return None
    if len(texts) == count:
        return list(texts)
    with_years = sum(1 for t in texts if YEAR.search(t))
    best: tuple[float, list[int]] | None = None

    def score(starts: list[int]) -> float:
        total = 0.0
        bounds = [*starts, len(texts)]
        for position, start in enumerate(starts):
            group = texts[start : bounds[position + 1]]
            total += _start_score(group[0], texts[starts[position - 1] : start] if position else [])
            years = sum(len(YEAR.findall(part)) for part in group)
            if with_years >= count:
                total += 1 if years == 1 else -1
        return total

    def search(starts: list[int]) -> None:
        nonlocal best
        if len(starts) == count:
            value = score(starts)
            if best is None or value > best[0]:
                best = (value, list(starts))
            return
        for nxt in range(starts[-1] + 1, len(texts) - (count - len(starts)) + 1):
            search([*starts, nxt])

    if len(texts) > 24:
        return None
    search([0])
    if best is None:
        return None
    bounds = [*best[1], len(texts)]
    return [" ".join(texts[bounds[i] : bounds[i + 1]]) for i in range(count)]


def simple_groups(texts: list[str]) -> list[str]:
    """Header lines joined where a line plainly continues the one above (a year or a lower-case part)."""
    groups: list[str] = []
    for text in texts:
        kind = shape(text)
        if groups and (
            (kind == Shape.YEAR and not YEAR.search(groups[-1]) and shape(groups[-1]) != Shape.YEAR)
            or is_continuation(text)
            or _open_bracket([groups[-1]])
        ):
            groups[-1] = f"{groups[-1]} {text}"
        else:
            groups.append(text)
    return groups


def _word_groups(words: list[str]) -> list[list[str]]:
    """Split one flattened header line at the words that start a column name; words before the first are dropped."""
    heads, nouns = _heads(), _nouns()
    groups: list[list[str]] = []
    for word in words:
        folded = fold(word)
        takes_noun = bool(groups) and heads.get(fold(groups[-1][-1])) == "noun"
        if (folded in heads and not (takes_noun and folded in nouns)) or (YEAR.fullmatch(word) and groups and any(YEAR.fullmatch(w) for w in groups[-1])):
            groups.append([word])
        elif groups:
            groups[-1].append(word)
    return groups


def _complete(group: list[str], wanted: str) -> bool:
    if wanted == "year":
        return any(YEAR.fullmatch(w) for w in group)
    return any(fold(w) in _nouns() for w in group[1:])


def _fill(groups: list[list[str]], line: str) -> bool:
    """Add the words of a continuation line to the groups that take them (a year, a noun); False if impossible."""
    heads, nouns = _heads(), _nouns()
    pointer = 0
    for word in line.split():
        wanted = "year" if YEAR.fullmatch(word) else "noun" if fold(word) in nouns else None
        if wanted is None:
            continue
        for index in range(pointer, len(groups)):
            takes = heads.get(fold(groups[index][0]), "year" if YEAR.fullmatch(groups[index][0]) is None else "none")
            if takes in (wanted, "both") and not _complete(groups[index], wanted):
                groups[index].append(word)
                pointer = index + 1
                break
        else:
            return False
    return True


def is_flat_header(line: str) -> bool:
    """A header line with its column names separated by spaces: after any leading words, mostly column words,
    nouns, years and abbreviations ('Rekening Primitieve Actuele', '2018 Begroting Begroting 2019')."""
    words = line.split()
    heads, nouns = _heads(), _nouns()
    first = next((i for i, w in enumerate(words) if fold(w) in heads or YEAR.fullmatch(w)), None)
    if first is None or len(words) > _MAX_FLAT_WORDS:
        return False
    rest = words[first:]
    if any(is_number(w) and not YEAR.fullmatch(w) for w in rest):
        return False
    known = sum(
        1 for w in rest if fold(w) in heads or fold(w) in nouns or YEAR.fullmatch(w) or re.search(r"[./]", w)
    )
    named = sum(1 for w in rest if fold(w) in heads or YEAR.fullmatch(w))
    return named >= 2 and known >= len(rest) * _FLAT_SHARE


def leading_words(line: str) -> str:
    """The words of a flattened header line before its first column name: the label column's name."""
    words = line.split()
    heads = _heads()
    for index, word in enumerate(words):
        if fold(word) in heads or YEAR.fullmatch(word):
            return " ".join(words[:index])
    return ""


def split_flat_header(lines: list[str], count: int) -> list[str] | None:
    """`count` column names from header lines whose names are separated by spaces only; None when unsure."""
    if count < 1 or not lines:
        return None
    per_line = [_word_groups(line.split()) for line in lines]
    exact = [i for i, groups in enumerate(per_line) if len(groups) == count]
    if exact:
        base = exact[-1]
        groups = [list(g) for g in per_line[base]]
        for line in lines[base + 1 :]:
            _fill(groups, line)
        for upper in per_line[:base]:
            if len(upper) >= 2 and len(upper) < count and count % len(upper) == 0:
                size = count // len(upper)
                groups = [[*upper[i // size], *group] for i, group in enumerate(groups)]
        return [" ".join(g) for g in groups]
    years = [[w for w in line.split() if YEAR.fullmatch(w)] for line in lines]
    for index, found in enumerate(years):
        if len(found) == count:
            heads = [g for i, g in enumerate(per_line) if i != index and len(g) == count]
            if heads:
                return [f"{' '.join(h)} {y}" for h, y in zip(heads[-1], found, strict=True)]
            return found
    return None
