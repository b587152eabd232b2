"""The caches of the parsers' text functions: one document repeats the same labels, amounts and headings again and
again. They are emptied after every document (`clear_text_caches`), because a cache bounded in entries is not
bounded in memory when one text can be megabytes long; so they hold at most one document's texts."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

_CACHES: list[Any] = []


def text_cache(maxsize: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """functools.lru_cache(maxsize), registered so that clear_text_caches empties it."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached

    return decorate


def clear_text_caches() -> None:
    """Empty every text cache (after a document, and before each file the benchmark times)."""
    for cached in _CACHES:
        cached.cache_clear()
