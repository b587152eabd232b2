"""Text normalization used to compare labels: case-, accent- and whitespace-insensitive."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_EDGE_PUNCTUATION = " \t.:;,?!()[]{}*•·-–—\"'“”‘’"


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Return `text` lower-cased, without accents, with single spaces and no punctuation at either end."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text).replace("\u00a0", " ")
        text = _COMBINING.sub("", decomposed)
    collapsed = _SPACES.sub(" ", text).casefold()
    return collapsed.strip(_EDGE_PUNCTUATION)


def clean_line(text: str) -> str:
    """Return `text` with non-breaking and odd spaces made plain and outer whitespace removed."""
    for odd in ("\u00a0", "\u2007", "\u202f", "\u2009", "\u200b", "\ufeff"):
        text = text.replace(odd, " ")
    return text.strip()
