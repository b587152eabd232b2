"""Source excerpts: the lines of a document around a line number, so every number can be traced back."""

from __future__ import annotations


def excerpt(text: str, first: int, last: int | None = None, context: int = 2) -> tuple[int, int, str]:
    """Lines `first`..`last` (1-based) of `text` with `context` lines around, each prefixed by its number."""
    lines = text.splitlines()
    last = last or first
    start, end = max(1, first - context), min(len(lines), last + context)
    width = len(str(end))
    body = "\n".join(f"{number:>{width}}  {lines[number - 1]}" for number in range(start, end + 1))
    return start, end, body
