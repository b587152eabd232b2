"""One key for the same programme, theme or line across tables and documents: "1.1 Thema Jeugd", "Thema 1.1
Jeugd" and "1.1 Jeugd" are one scope (their code); without a code, the name without words like "thema"."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from model.text import fold
from model.vocabulary import load_vocabulary

_CODE = re.compile(r"(?<![\d.,])(\d{1,2}(?:\.\d{1,3}){0,3})(?![\d,]|\.\d|\s*%)")


@cache
def _generic() -> frozenset[str]:
    return frozenset(fold(word) for word in load_vocabulary("budget")["scopes"]["generic_words"])


@lru_cache(maxsize=1 << 14)
def scope_key(text: str | None) -> str:
    """The code in `text` ("1.1"), else its folded words without generic ones; "" for no text."""
    if not text:
        return ""
    found = _CODE.search(text)
    if found is not None:
        return found.group(1).rstrip(".")
    return " ".join(word for word in fold(text).split() if word not in _generic())


def deviation_key(item: str, scope: str | None) -> str:
    """A deviation's scope: the code its item names ("1.1 Thema Jeugd"), else the key of the heading above it."""
    own = scope_key(item)
    return own if _CODE.fullmatch(own) else scope_key(scope) or own
