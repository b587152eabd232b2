"""Indicator lists: names grouped per kader/programme, and where printed, values per period, target and source.

An indicator section starts at a heading such as "Indicatoren"; group lines ("Kader 1: gezond en weerbaar",
"1.1 Stedelijk beheer") open groups; other lines are indicator names, except rows of periods, rows of values,
and "Bron:"/"Toelichting:" rows, which belong to the indicator above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from loaders.recognizers.metadata import DocumentContext
from loaders.recognizers.sections import indicator_vocabulary, is_noise
from model.amounts import NotAnAmount, parse_amount
from model.document import Line
from model.periods import ParsedPeriod, parse_period
from model.records import Indicator, IndicatorValue, WarningRecord
from model.text import FoldedLookup, fold
from model.vocabulary import load_vocabulary

_MAX_NAME_CHARS = 300
_MAX_GROUP_WORDS = 12
_BRACKETS = re.compile(r"\(([^()]{1,40})\)")  # the text in brackets in a name: "(per 1.000 inwoners)"
_PER_NUMBER = re.compile(r"per \d")  # a rate: "per 10.000 inwoners"


@dataclass
class IndicatorResult:
    """Indicators, the periods their values use, and warnings."""

    indicators: list[Indicator] = field(default_factory=list)
    periods: list[ParsedPeriod] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)


def _label(line: Line) -> str:
    return fold(line.cells[0]) if line.cells else ""


@cache
def _headings() -> FoldedLookup[bool]:
    return FoldedLookup((heading, True) for heading in indicator_vocabulary()["headings"])


def _is_start(line: Line) -> bool:
    return line.text in _headings()


@cache
def _group_pattern() -> re.Pattern[str]:
    words = {w for role in load_vocabulary("documents")["headings"].values() for w in role}
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"^(?:(?:{alternatives})\s+)?\d{{1,2}}(?:\.\d{{1,2}})*[.:)]?\s*[-–:]?\s+\S", re.IGNORECASE)


def _group(line: Line) -> str | None:
    """'Kader 1: gezond en weerbaar', '1.1 Stedelijk beheer en milieu': a group of indicators."""
    text = line.text.strip(" |")
    if len(text.split()) <= _MAX_GROUP_WORDS and _group_pattern().match(text) and _values_row(line) is None:
        return text
    return None


def _periods_row(line: Line, year: int | None) -> list[ParsedPeriod] | None:
    cells = line.cells if len(line.cells) > 1 else tuple(line.text.split())
    if len(cells) < 1:
        return None
    periods = [parse_period(cell, year) for cell in cells]
    return periods if all(periods) else None


def _values_row(line: Line) -> list[float | int | None] | None:
    cells = line.cells if len(line.cells) > 1 else tuple(line.text.split())
    values: list[float | int | None] = []
    for cell in cells:
        try:
            amount = parse_amount(cell)
        except NotAnAmount:
            return None
        values.append(
            None
            if amount.value is None
            else (int(amount.value) if amount.value == int(amount.value) else float(amount.value))
        )
    return values if values else None


def unit_from_name(name: str) -> str | None:
    """The unit an indicator's name states: 'Percentage ...', '... (%)', '... (per 1.000 inwoners)' (a unit in
    brackets as printed, when it starts with a unit's word)."""
    units = load_vocabulary("documents")["indicator_units"]
    for bracket in _BRACKETS.findall(name):
        folded_bracket = fold(bracket)
        if _PER_NUMBER.match(folded_bracket) or any(
            folded_bracket == word or folded_bracket.startswith(word + " ") for words in units.values() for word in words
        ):
            return " ".join(bracket.split())
    folded = fold(name.replace("(", " ").replace(")", " "))
    return next(
        (
            unit
            for unit, words in units.items()
            for word in words
            if folded.startswith(word) or f" {word} " in f" {folded} "
        ),
        None,
    )


def parse_indicators(lines: list[Line], context: DocumentContext) -> IndicatorResult:
    """Every indicator section in the document."""
    result = IndicatorResult()
    vocabulary = indicator_vocabulary()
    index = 0
    while index < len(lines):
        if _is_start(lines[index]):
            index = _section(lines, index + 1, context, result, vocabulary)
        else:
            index += 1
    return result


def _section(
    lines: list[Line],
    index: int,
    context: DocumentContext,
    result: IndicatorResult,
    vocabulary: dict[str, frozenset[str]],
) -> int:
    group: str | None = None
    current: Indicator | None = None
    header: list[ParsedPeriod] | None = None
    target_columns: int = 0
    while index < len(lines):
        line = lines[index]
        label = _label(line)
        if fold(line.text) in vocabulary["stops"] or _is_start(line):
            break
        index += 1
        if is_noise(line.text):
            continue
        if group is None and _group(line) is None:
            continue
        grouped = _group(line)
        if grouped is not None:
            group, current, header = grouped, None, None
            continue
        if label in vocabulary["source_labels"] and current is not None:
            current.source = " ".join(line.cells[1:]).strip() or None
            continue
        if label in vocabulary["note_labels"]:
            continue
        if (
            vocabulary["target_words"] & set(fold(line.text).replace("|", " ").split())
            and current is not None
            and not _values_row(line)
        ):
            target_columns = 1
            continue
        periods = _periods_row(line, context.info.year)
        if periods and current is not None:
            header = periods
            continue
        values = _values_row(line)
        if values is not None and current is not None and header:
            _assign(current, header, values, target_columns, result)
            continue
        name = line.cells[0] if line.cells else line.text
        if len(name) > _MAX_NAME_CHARS or values is not None:
            continue
        current = Indicator(name=name, group=group, unit=unit_from_name(name), line=line.number)
        header, target_columns = None, 0
        result.indicators.append(current)
    return index


def _assign(
    indicator: Indicator, header: list[ParsedPeriod], values: list, target_columns: int, result: IndicatorResult
) -> None:
    measured = header[: len(header) - target_columns] if target_columns else header
    for period, value in zip(measured, values, strict=False):
        known = next((p for p in result.periods if p.canonical == period.canonical), None)
        if known is None:
            result.periods.append(period)
            known = period
        indicator.values.append(IndicatorValue(period=known.label, value=value))
    if target_columns and len(values) >= len(header):
        indicator.target = values[len(header) - 1]


__all__ = ["IndicatorResult", "parse_indicators"]
