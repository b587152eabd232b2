"""Tables whose cells were exported without any separator: 'CodeOmschrijvingRekeningBegroting...',
'201620172018201920202021', '610Samenkracht en burgerparticipatieL416501540444443443'.

The header splits at its capitals into column words and its digits into years; each row splits into its code,
name, an L/B marker and a run of digits, which is cut into as many Dutch-formatted numbers as there are years
(no leading zeros, dots every three digits). Where several cuts are possible the one whose figures change
least from year to year wins, and the printed totals decide between the remaining ones.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import cache

from loaders.readers.shapes import column_role
from model.document import Cell, Line, Table
from model.periods import YEAR

_GLUED_WORDS = re.compile(r"[A-Z][a-z]+")
_YEARS = re.compile(r"^(?:(?:19|20)\d\d){3,}$")
_ROW = re.compile(
    r"^(?P<code>\d{1,3})?(?P<name>(?:[^\d\s].*?[A-Za-z)+'\-]))?\s?(?P<lb>[LB])?(?P<digits>-?\d[\d.\-]*)$"
)
_NUMBER = re.compile(r"-?(?:0|[1-9]\d{0,2}(?:\.\d{3})*)")
_MAX_CANDIDATES = 6
_MAX_LABEL_DIGITS = 2
_LABEL_DIGIT_COST = 0.5


@dataclass
class _Row:
    line: Line
    code: str | None
    name: str
    marker: str | None
    candidates: list[tuple[float, str, list[str]]]  # (cost, digits moved into the name, values)


def glued_header(text: str) -> list[str] | None:
    """'CodeOmschrijvingRekeningBegroting' → its words, when most of them name columns."""
    if " " in text.strip() or len(text) < 12:
        return None
    words = _GLUED_WORDS.findall(text)
    if len(words) < 3 or "".join(words) != text.strip():
        return None
    named = sum(1 for word in words if column_role(word) is not None)
    return words if named * 3 >= len(words) * 2 else None


def glued_years(text: str) -> list[str] | None:
    """'201620172018' → ['2016', '2017', '2018']."""
    stripped = text.strip()
    if not _YEARS.match(stripped) or len(stripped) % 4:
        return None
    years = [stripped[i : i + 4] for i in range(0, len(stripped), 4)]
    return years if all(YEAR.fullmatch(y) for y in years) else None


@cache
def _cuts(digits: str, count: int) -> tuple[tuple[str, ...], ...]:
    """Every way to cut `digits` into `count` Dutch-formatted numbers."""
    if count == 0:
        return ((),) if not digits else ()
    found = []
    for match_end in range(1, len(digits) + 1):
        head = digits[:match_end]
        if not _NUMBER.fullmatch(head) or (match_end < len(digits) and digits[match_end] == "."):
            continue
        for rest in _cuts(digits[match_end:], count - 1):
            found.append((head, *rest))
            if len(found) > 200:
                return tuple(found)
    return tuple(found)


def _value(text: str) -> float:
    return float(text.replace(".", ""))


def _roughness(values: tuple[str, ...]) -> float:
    logs = [math.log1p(abs(_value(v))) for v in values]
    return sum(abs(a - b) for a, b in itertools.pairwise(logs))


def _candidates(digits: str, count: int, named: bool) -> list[tuple[float, str, list[str]]]:
    """Cuts of the digits, smoothest first; for a row with a name but no code or marker ('Totaal lasten programma
    65.966...') the first digits may belong to the name (the programme's number)."""
    found: list[tuple[float, str, list[str]]] = []
    for moved in range(_MAX_LABEL_DIGITS + 1 if named else 1):
        if moved and not digits[:moved].isdigit():
            break
        for cut in _cuts(digits[moved:], count):
            found.append((_roughness(cut) + moved * _LABEL_DIGIT_COST, digits[:moved], list(cut)))
    found.sort(key=lambda item: item[0])
    return found[:_MAX_CANDIDATES]


def _code(digits: str | None) -> str | None:
    """'610' → '6.1', '671' → '6.71': a taakveld code printed without its dot."""
    if not digits:
        return None
    if len(digits) == 1:
        return digits
    rest = digits[1:].rstrip("0") or "0"
    return f"{digits[0]}.{rest}"


def _parse_row(line: Line, count: int) -> _Row | None:
    match = _ROW.match(line.text.strip())
    if not match or not match.group("digits"):
        return None
    named = bool(match.group("name")) and not match.group("code") and not match.group("lb")
    candidates = _candidates(match.group("digits").replace("-", ""), count, named)
    if not candidates:
        return None
    name = (match.group("name") or "").strip()
    return _Row(line, _code(match.group("code")), name, match.group("lb"), candidates)


def _totals_fit(rows: list[_Row], chosen: list[int]) -> int:
    """How many (marker, column) sums of member rows equal their 'Totaal' row."""
    fits = 0
    for marker, word, other in (("L", "lasten", "baten"), ("B", "baten", "lasten")):
        members = [i for i, row in enumerate(rows) if row.marker == marker]
        # the total of one kind names it and not the other ('Saldo lasten en baten' is no total of either)
        totals = [
            i
            for i, row in enumerate(rows)
            if row.marker is None and word in row.name.lower() and other not in row.name.lower()
        ]
        if not members or len(totals) != 1:
            continue
        total = rows[totals[0]].candidates[chosen[totals[0]]][2]
        for column, printed in enumerate(total):
            computed = sum(_value(rows[i].candidates[chosen[i]][2][column]) for i in members)
            fits += abs(computed - _value(printed)) <= 2
    return fits


def _choose(rows: list[_Row]) -> list[int]:
    """The smoothest cut per row, changed row by row where that makes more totals add up."""
    chosen = [0] * len(rows)
    best = _totals_fit(rows, chosen)
    for index, row in enumerate(rows):
        for alternative in range(1, len(row.candidates)):
            trial = [*chosen[:index], alternative, *chosen[index + 1 :]]
            fit = _totals_fit(rows, trial)
            if fit > best:
                chosen, best = trial, fit
    return chosen


def glued_table(lines: list[Line], start: int) -> tuple[Table, int] | None:
    """The glued table whose header starts at `start`: the table and the index after its last row."""
    words = glued_header(lines[start].text)
    if words is None or start + 1 >= len(lines):
        return None
    years = glued_years(lines[start + 1].text)
    if years is None:
        return None
    rows: list[_Row] = []
    cursor = start + 2
    while cursor < len(lines) and (row := _parse_row(lines[cursor], len(years))) is not None:
        rows.append(row)
        cursor += 1
    if len(rows) < 2:
        return None
    heads = [w for w in words if column_role(w) != "label"]
    names = [f"{heads[min(i, len(heads) - 1)]} {year}" if heads else year for i, year in enumerate(years)]
    anchor = lines[start + 1].number
    header = (Cell("", anchor, header=True), Cell("", anchor, header=True), *(Cell(n, anchor, header=True) for n in names))
    body: list[tuple[Cell, ...]] = []
    scope = ""
    for row, pick in zip(rows, _choose(rows), strict=True):
        _, moved, values = row.candidates[pick]
        name = f"{row.name} {moved}".strip()
        if row.code:
            scope = f"{row.code} {name}"
        label = f"{row.code} {name}".strip() if row.code else (name or scope)
        number = row.line.number
        body.append((Cell(label, number), Cell(row.marker or "", number), *(Cell(v, number) for v in values)))
    table = Table(rows=[header, *body], line=lines[start].number, header_rows=1, layout="glued")
    return table, cursor
