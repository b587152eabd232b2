"""Numbered headings: "6.1.1 Vergroten grip op kosten", "Programma 2: Een leefbare gemeente", "2.1- In ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from model.caching import text_cache
from model.text import first_word, fold
from model.vocabulary import load_vocabulary

_MAX_TITLE = 200
_MAX_WORDS = 30


@dataclass(frozen=True)
class Numbered:
    """A numbered heading: its code, depth (number of code parts), title and the role a prefix word gives it."""

    code: str
    depth: int
    title: str
    role: str | None  # "programme", "theme" or "activity" when a prefix word named it


@cache
def prefix_roles() -> dict[str, str]:
    """Words that may precede a code ("Programma", "Thema", "Activiteit") and the role they give."""
    vocabulary = load_vocabulary("documents")["headings"]
    return {fold(word): role for role, words in vocabulary.items() for word in words}


@cache
def _prefix_first_words() -> frozenset[str]:
    return frozenset(first_word(word) for word in prefix_roles())


@cache
def _pattern() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in prefix_roles()), key=len, reverse=True))
    return re.compile(
        rf"^(?:(?P<prefix>{words})\s+)?(?P<code>\d{{1,2}}(?:\.\d{{1,3}}){{0,4}}[a-z]?)(?P<dot>\.)?"
        r"(?:\s*[-–:|)]\s*|\s+)(?P<title>\S.*)$",
        re.IGNORECASE,
    )


def _title_ok(title: str) -> bool:
    first = title[0]
    return (
        len(title) <= _MAX_TITLE
        and len(title.split()) <= _MAX_WORDS
        and (first.isupper() or first in "('\"‘“[")
        and not re.fullmatch(r"[\d.,%\s€-]+", title)
        and not title.rstrip(" |").endswith(":")
    )


@text_cache(1 << 15)
def parse_numbered(text: str) -> Numbered | None:
    """The numbered heading in `text`, or None. One-part codes ("6.") need a trailing dot or a prefix word."""
    if not text[:1].isdigit() and first_word(text) not in _prefix_first_words():
        return None  # a heading starts with its code or a prefix word: most lines are rejected without the pattern
    match = _pattern().match(text)
    if not match:
        return None
    title = match.group("title").strip(" |")
    code = match.group("code")
    prefix = match.group("prefix")
    if not title or not _title_ok(title):
        return None
    depth = code.count(".") + 1
    if depth == 1 and not (prefix or match.group("dot")):
        return None
    role = prefix_roles().get(fold(prefix)) if prefix else None
    return Numbered(code, depth, title, role)
