"""What a table holds, told from what its caption, header and cells mean: money, indicators or deviations.

Each function scores evidence with the words of the vocabularies; the dispatcher gives a table to the recognizer
whose evidence is strongest.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.readers.shapes import Shape, shape
from loaders.recognizers.grid import Grid
from loaders.recognizers.money import sign_legend
from loaders.recognizers.money_vocabulary import money_vocabulary
from model.amounts import parse_unit
from model.text import fold
from model.vocabulary import load_vocabulary

_BUDGET_PERIODS = {"begroting", "actuele_begroting", "rekening", "voorjaarsnota", "najaarsnota", "vgr", "jaar"}
_MIN_FIGURES = 0.5
_CENTS = re.compile(r"^[-−]?\s?(?:€\s?)?\d{1,3}(?:\.\d{3}){2,},\d{2}$")  # '-2.345.678,45': a budget's cents
_LEADER = re.compile(r"(?:\.\s?){4,}\s*$|…\s*$")


@cache
def _indicator_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load_vocabulary("tables")["signals"]
    return tuple(fold(w) for w in data["indicator_context"]), tuple(fold(w) for w in data["indicator_columns"])


def figures(grid: Grid) -> tuple[int, int, int]:
    """(value cells with text, figures among them, figures with decimals or percent signs); remembered per set
    of value columns, as every recognizer asks."""
    key = tuple(column.index for column in grid.value_columns)
    if key not in grid.figure_counts:
        grid.figure_counts[key] = _count_figures(grid)
    return grid.figure_counts[key]


def _count_figures(grid: Grid) -> tuple[int, int, int]:
    filled = numbers = decimals = 0
    for row in grid.rows:
        for column in grid.value_columns:
            cell = row.value(column)
            if cell is None or not cell.text:
                continue
            filled += 1
            kind = shape(cell.text)
            if kind in {Shape.NUMBER, Shape.MISSING, Shape.YEAR}:
                numbers += 1
                text = cell.text
                if kind == Shape.NUMBER and ("," in text or "%" in text) and ",-" not in text and not _CENTS.match(text):
                    decimals += 1
    return filled, numbers, decimals


def is_figure_table(grid: Grid) -> bool:
    """Most value cells are figures, and the rows are not a table of contents (labels ending in dot leaders)."""
    filled, numbers, _ = figures(grid)
    leaders = sum(1 for row in grid.rows if _LEADER.search(row.label))
    return filled > 0 and numbers >= filled * _MIN_FIGURES and leaders * 2 < max(1, len(grid.rows))


def money_signals(grid: Grid, title: str | None = None) -> int:
    """Evidence that the table holds amounts of money."""
    if not is_figure_table(grid):
        return 0
    vocabulary = money_vocabulary()
    context = grid.context
    score = 0
    around = f" {fold(' '.join([*grid.table.caption, title or '']))} "
    if any(f" {word}" in around for word in vocabulary.money_context) or any(
        word.endswith(vocabulary.money_word_endings) for word in around.split()
    ):
        score += 2
    if parse_unit(context) is not None or "€" in context:
        score += 3
    kinds = {vocabulary.row_kind(row.label) for row in grid.rows} - {None}
    column_words = {w for c in grid.value_columns for w in fold(c.name).replace("-", "").split()}
    money_columns = {"lasten", "baten", "saldo"} | vocabulary.mutation_columns
    if kinds & {"lasten", "baten", "saldo"} or column_words & money_columns:
        score += 2  # 'Vermeerde-ringen 2026': a word broken over two header lines counts whole
    if any((c.period and c.period.kind in _BUDGET_PERIODS) or vocabulary.is_difference(c.name) for c in grid.columns):
        score += 1
    budgets = {c.period.kind for c in grid.value_columns if c.period and c.period.kind in _BUDGET_PERIODS}
    if len(budgets) >= 2 and any(vocabulary.is_difference(c.name) for c in grid.value_columns):
        score += 2  # budget against realisation with their difference: the classic variance table
    label_words = {w for c in grid.label_columns for w in fold(c.name).split()}
    if label_words & set(vocabulary.money_context):
        score += 1  # rows named by taakveld or another money word
    if sign_legend(context):
        score += 1
    filled, _, decimals = figures(grid)
    if filled and decimals * 3 > filled:
        score -= 2
    return score


def indicator_signals(grid: Grid) -> int:
    """Evidence that the table holds measured values of indicators."""
    context_words, column_words = _indicator_words()
    context = fold(grid.context)
    score = 0
    if any(word in context for word in context_words):
        score += 3
    names = [fold(c.name) for c in grid.columns]
    if any(name.startswith(column_words) for name in names if name):
        score += 2
    filled, _, decimals = figures(grid)
    if filled and decimals * 3 > filled:
        score += 2
    return score
