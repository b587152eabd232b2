"""Text normalization used to compare labels: case-, accent- and whitespace-insensitive."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = " \t.:;,?!()[]{}*•·-–—\"'“”‘’"


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Return `text` lower-cased, without accents, with single spaces and no punctuation at either end."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    collapsed = _SPACES.sub(" ", stripped.replace("\u00a0", " ")).casefold()
    return collapsed.strip(_EDGE_PUNCTUATION)


def clean_line(text: str) -> str:
    """Return `text` with non-breaking and odd spaces made plain and outer whitespace removed."""
    for odd in ("\u00a0", "\u2007", "\u202f", "\u2009", "\u200b", "\ufeff"):
        text = text.replace(odd, " ")
    return text.strip()
