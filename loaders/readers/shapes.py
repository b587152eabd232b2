"""What a piece of text looks like as a table cell: a number, a missing value, an N/V marker, a year, a code, a
period or column name, a short label or prose. Readers use it to find tables in text; recognizers to read cells.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from model.caching import text_cache
from model.municipalities import find_municipality
from model.periods import MAX_WORDS as MAX_PERIOD_WORDS
from model.periods import YEAR, parse_period
from model.text import fold
from model.vocabulary import load_vocabulary

_MAX_SHORT_WORDS = 12
_MAX_SHORT_CHARS = 110
_MAX_VALUE_NAME_WORDS = 7
_MAX_PLACE_WORDS = 4  # the longest municipality name ('Nuenen, Gerwen en Nederwetten')
_MAX_COLUMN_CHARS = 150  # longer than any column name the vocabularies or a period label allow
_NUMBER = re.compile(
    r"""^(?:[<>≤≥~±]\s*)?            # a comparator: '> 90%'
        (?:-/-\s?)?                    # the Dutch 'min': '-/- 11.300'
        (?P<open>\()?[-−–+]?\s?(?:€\s?)?[-−–]?   # sign and euro sign in either order
        (?:\d{1,3}(?:\.\d{3})+|\d+)    # 1.234.567 or 1234
        (?:,\d+|,-{1,2})?              # decimals or ',-'
        (?(open)\))\s?(?:%|‰)?(?:-|\s?-/-)?  # closing bracket, percent, trailing minus or '-/-'
        (?:\s?[NV])?\**               # N/V marker, footnote stars
        (?:\s?\(\s?(?:19|20)\d\d\s?\))?$  # the year the figure is of: '10 (2022)'

    """,
    re.VERBOSE,
)
_CODE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,3}){1,4}\.?|\d{1,2}\.)$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_YEAR = re.compile(r"^(?:19[5-9]\d|20\d\d|21\d\d)$")
_NOTE = re.compile(r"\(.+\)$")
_OWN_YEAR = re.compile(r"\s*\(\s?(?:19|20)\d\d\s?\)$")
_SENTENCE_END = re.compile(r"[.:;!?]$")


class Shape(StrEnum):
    """The kinds of cell text tables are built from."""

    NUMBER = "number"
    MISSING = "missing"
    MARKER = "marker"
    YEAR = "year"
    CODE = "code"
    PERIOD = "period"
    COLUMN = "column"
    SHORT = "short"
    PROSE = "prose"


VALUE_SHAPES = frozenset({Shape.NUMBER, Shape.MISSING, Shape.YEAR})


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_vocabulary("tables")
    return (
        frozenset(fold(w) for w in data["label_columns"]),
        frozenset(fold(w) for w in data["value_columns"]),
        frozenset(w.lower() for w in data["missing"]),
    )


@cache
def _max_column_words() -> int:
    """The most words a column name can have: a vocabulary entry, a value column with a year, or a period."""
    labels, values, _ = _vocabulary()
    longest = max(len(word.split()) for word in labels | values)
    return max(longest, _MAX_VALUE_NAME_WORDS, MAX_PERIOD_WORDS)


@cache
def _prefixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    labels, values, _ = _vocabulary()
    return tuple(w + " " for w in labels), tuple(w + " " for w in values)


def is_number(text: str) -> bool:
    """True for a figure as tables print it: '1.234', '-5,6', '12%', '€ 285', '4.977-', '-/- 11.300', '34**',
    '> 90%'."""
    stripped = text.strip()
    return bool(_NUMBER.match(stripped)) and (not _CODE.match(stripped) or bool(_THOUSANDS.match(stripped)))


def figure_unit(text: str) -> str | None:
    """The unit printed after a figure, maybe before the year it is of ('205 kg', '1.200 m2', '214,4 kg (2022)';
    tables.toml value_units); None for any other text."""
    stripped = text.strip()
    figure, _, unit = (_OWN_YEAR.sub("", stripped) if stripped.endswith(")") else stripped).rpartition(" ")
    return unit if figure and unit.lower() in _value_units() and is_number(figure) else None


@cache
def _value_units() -> frozenset[str]:
    return frozenset(unit.lower() for unit in load_vocabulary("tables")["value_units"])


def is_missing(text: str) -> bool:
    """True for a cell that stands for a missing value: '-', '.', 'n.n.b.', 'nb', '***', 'PM'."""
    stripped = text.strip()
    return len(stripped) <= _longest_missing() and stripped.lower() in _vocabulary()[2]


@cache
def _longest_missing() -> int:
    """The length of the longest missing-value word: a longer line (most lines) is none, without lower-casing it."""
    return max(map(len, _vocabulary()[2]))


@text_cache(1 << 15)
def column_role(text: str) -> str | None:
    """'label' or 'value' when `text` names a table column ('Omschrijving', 'Verschil', 'Rekening 2021')."""
    if len(text) > _MAX_COLUMN_CHARS or len(text.split()) > _max_column_words():
        return None
    folded = fold(text)
    if not folded:
        return None
    words = folded.split()
    labels, values, _ = _vocabulary()
    label_prefixes, value_prefixes = _prefixes()
    if folded in labels or (len(words) <= 3 and folded.startswith(label_prefixes)):
        return "label"
    if folded in values or (
        (len(words) <= 2 or (len(words) <= _MAX_VALUE_NAME_WORDS and YEAR.search(folded)))
        and folded.startswith(value_prefixes)
    ):
        return "value"
    period = parse_period(text)
    if period is not None and period.kind != "jaar":
        return "value"
    if len(words) <= _MAX_PLACE_WORDS and _own_figures_column(text):
        return "value"
    return None


def _own_figures_column(text: str) -> bool:
    """A column named after a municipality ('Westerkwartier' beside 'Nederland'): its figures. Names that are
    also common words ('Best', 'Buren') only count with 'gemeente' before them, so never here."""
    municipality = find_municipality(text)
    return municipality is not None and not municipality.needs_context


def is_value(text: str) -> bool:
    """shape(text) in VALUE_SHAPES, without classifying the text further: most lines start with a letter and are
    no value, which takes one look."""
    stripped = text.strip()
    if stripped[:1].isalpha():
        return is_missing(stripped)
    return shape(stripped) in VALUE_SHAPES


@text_cache(1 << 16)
def shape(text: str) -> Shape:
    """Classify one cell or one line of text."""
    stripped = without_notes(text)
    if stripped in {"N", "V"}:
        return Shape.MARKER
    if is_missing(stripped):
        return Shape.MISSING
    if not stripped[:1].isalpha():  # years, codes and figures start with a digit, a sign, a bracket or '€'
        if _YEAR.match(stripped):
            return Shape.YEAR
        if _CODE.match(stripped) and not _THOUSANDS.match(stripped):
            return Shape.CODE
        if is_number(stripped) or figure_unit(stripped):
            return Shape.NUMBER
    if len(stripped) > _MAX_COLUMN_CHARS:  # too long for a column name (column_role) and for a short label
        return Shape.PROSE
    words = stripped.split()
    if len(words) > max(_MAX_SHORT_WORDS, _max_column_words()):
        return Shape.PROSE
    role = column_role(stripped)
    if role == "value" and parse_period(stripped) is not None:
        return Shape.PERIOD
    if role is not None:
        return Shape.COLUMN
    if len(words) > _MAX_SHORT_WORDS or len(stripped) > _MAX_SHORT_CHARS:
        return Shape.PROSE
    if len(words) > 6 and _SENTENCE_END.search(stripped):
        return Shape.PROSE
    return Shape.SHORT


def is_note(text: str) -> bool:
    """A note in brackets printed under a figure: the year it is of ('(2025)') or a remark ('(plus 235)')."""
    return _NOTE.match(text.strip()) is not None


def without_notes(text: str) -> str:
    """A cell's text without the notes in brackets on the lines below its figure ('12.602' of '12.602\n(plus 235)')."""
    stripped = text.strip()
    if "\n" not in stripped:
        return stripped
    first, *rest = stripped.split("\n")
    return first.strip() if all(map(is_note, rest)) and is_number(first) else stripped


def looks_like_header(texts: list[str]) -> bool:
    """A row of column names: two or more periods, column words or years (or one after the first cell), or two
    or more activity codes, and no figures after the first cell."""
    filled = [text for text in texts if text]
    if len(filled) < 2:
        return False
    kinds = [shape(text) for text in filled]
    if any(kind in {Shape.NUMBER, Shape.MISSING} for kind in kinds[1:]):
        return False
    named = [i for i, (text, kind) in enumerate(zip(filled, kinds, strict=True)) if _names_a_column(text, kind)]
    return len(named) >= 2 or (len(named) == 1 and named[0] > 0) or kinds.count(Shape.CODE) >= 2


def _names_a_column(text: str, kind: Shape) -> bool:
    """A period, a column word or a year; or 'Voordeel', 'Nadeel' (tables.toml direction_columns) in a row of cells."""
    return kind in {Shape.PERIOD, Shape.COLUMN, Shape.YEAR} or (kind == Shape.SHORT and fold(text) in _direction_columns())


def is_text_column(name: str) -> bool:
    """A column whose cells are words, never figures ('Bron', 'Toelichting'; tables.toml text_columns)."""
    return fold(name) in _text_columns()


@cache
def _text_columns() -> frozenset[str]:
    return frozenset(fold(name) for name in load_vocabulary("tables")["text_columns"])


@cache
def _direction_columns() -> frozenset[str]:
    return frozenset(fold(name) for name in load_vocabulary("tables")["direction_columns"])


@cache
def status_column_prefixes() -> tuple[str, ...]:
    """How column names that announce statuses start ('Status', 'Stand van zaken'; tables.toml status_columns)."""
    return tuple(fold(word) for word in load_vocabulary("tables")["status_columns"])


@cache
def _progress_columns() -> frozenset[str]:
    return frozenset(fold(name) for name in load_vocabulary("tables")["progress_columns"])


def is_progress_column(name: str) -> bool:
    """A column of progress told in words ('Stand van zaken'; tables.toml progress_columns): beside a column of
    statuses it is text, not a second status."""
    return fold(name) in _progress_columns()
