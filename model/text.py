"""Text normalization used to compare labels: case-, accent- and whitespace-insensitive."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Generic, TypeVar

from model.caching import text_cache
from model.vocabulary import load_vocabulary

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_EDGE_PUNCTUATION = " \t.:;,?!()[]{}*•·-–—\"'“”‘’"
_FIRST_WORD = re.compile(rf"[\s{re.escape(_EDGE_PUNCTUATION)}]*([^\s:]+)")


@text_cache(1 << 16)
def fold(text: str) -> str:
    """Return `text` lower-cased, without accents, with single spaces and no punctuation at either end."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text).replace("\u00a0", " ")
        text = _COMBINING.sub("", decomposed)
    return " ".join(text.casefold().split()).strip(_EDGE_PUNCTUATION)


def is_page_number(text: str) -> bool:
    """A page's number with its word ('Pagina 117 van 120', 'blz. 12', 'Page 3 of 9'): page furniture, no text of
    the page (the words: documents.toml [noise] page_words)."""
    return _page_number().fullmatch(text.strip()) is not None


@functools.cache
def _page_number() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in load_vocabulary("documents")["noise"]["page_words"])
    return re.compile(rf"(?:{words})\.?\s*\d{{1,4}}(?:\s*(?:van|of|/)\s*\d{{1,4}})?", re.IGNORECASE)


_ODD_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200b\ufeff]")


def clean_line(text: str) -> str:
    """Return `text` with non-breaking and odd spaces made plain and outer whitespace removed."""
    if not text.isascii():
        text = _ODD_SPACES.sub(" ", text)
    return text.strip()


@text_cache(1 << 16)
def first_word(text: str) -> str:
    """The folded first word of `text`, cut at whitespace or ':', without copying or folding the rest of the line."""
    match = _FIRST_WORD.match(text)
    return fold(match.group(1)) if match else ""


_Value = TypeVar("_Value")


class FoldedLookup(Generic[_Value]):
    """Labels compared folded, each with a value. A text is folded whole only when its first word starts one of
    the labels: most lines of a document start otherwise, and folding a whole line costs far more."""

    def __init__(self, pairs: Iterable[tuple[str, _Value]]) -> None:
        self._values = {fold(label): value for label, value in pairs}
        self._first_words = frozenset(first_word(label) for label in self._values)

    def get(self, text: str) -> _Value | None:
        """The value of the label `text` is (folded), else None."""
        if first_word(text) not in self._first_words:
            return None
        return self._values.get(fold(text))

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and first_word(text) in self._first_words and fold(text) in self._values
