"""Deviations told in a sentence: a euro amount and what makes it favourable or not.

Either a direction word near the amount ('nadeel van € 7.000', '€ 35.000 voordelig', 'het tekort bedraagt
€ 400.000'; budget.toml [directions]) or, where the sentence names none, a comparison with the budget: costs or
income higher or lower than planned ('de lasten vallen € 250.000 hoger uit dan begroot', '€ 90.000 minder
uitgegeven'; budget.toml [comparisons]).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from loaders.recognizers.money_vocabulary import money_vocabulary
from model.text import fold
from model.vocabulary import load_vocabulary

EURO = r"€\s*-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+|,-{1,2})?(?:\s?(?:mln|miljoen))?\*?"
_DIRECTION_GROUPS = ("dir", "dir2", "dir3", "dir4")


class ProseAmount(NamedTuple):
    """The part of a sentence that states a deviation, and its direction (N or V)."""

    match: re.Match[str]
    direction: str


def _alternatives(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


@cache
def _with_direction() -> re.Pattern[str]:
    """A direction word before or after the amount, or in brackets after it (budget.toml [prose_directions])."""
    words = load_vocabulary("budget")["prose_directions"]
    beside, apart = _alternatives(words["beside"]), _alternatives(words["apart"])
    return re.compile(
        rf"\b(?P<dir>{beside})\b(?:\s+(?:van|is|of))?\s*{EURO}"
        rf"|{EURO}\s*\(?(?P<dir2>{beside}|[NV])\b"
        # 'het nadeel op jeugdzorg bedraagt € 450.000', 'een overschrijding van het budget met € 95.000'
        rf"|\b(?P<dir3>{apart})\b[^.€]{{1,60}}?\b(?:bedraagt|bedroeg|van|met)\s*{EURO}"
        rf"|{EURO}[^.()€]{{1,60}}\((?P<dir4>{beside})\)",  # '€ 80.000 hoger uit dan begroot (nadelig)'
        re.IGNORECASE,
    )


@cache
def _compared() -> re.Pattern[str]:
    """Costs or income named before an amount that is higher or lower than planned, or an amount spent or
    received more or less."""
    words = {name: _alternatives(items) for name, items in load_vocabulary("budget")["comparisons"].items()}
    return re.compile(
        rf"\b(?:(?P<costs>{words['costs']})|(?P<income>{words['income']}))\b[^.€]{{0,40}}?{EURO}\s*"
        rf"(?:(?P<more>{words['more']})|(?P<less>{words['less']}))\b[^.€]{{0,40}}?\b(?:{words['than']})(?!\w)"
        rf"|{EURO}\s*(?:(?P<more2>{words['more']})|(?P<less2>{words['less']}))\s+"
        rf"(?:(?P<spent>{words['spent']})|(?P<received>{words['received']}))\b",
        re.IGNORECASE,
    )


def _inside_aside(text: str, position: int) -> bool:
    opening = text.rfind("(", 0, position)
    return opening >= 0 and text.find(")", opening) > position and bool(re.search(r"[A-Za-z]", text[opening:position]))


def _main(matches: list[re.Match[str]], text: str) -> re.Match[str] | None:
    """The amount the sentence is about: not one inside an aside '(Act. 2022 € 100.000 V)'."""
    outside = [m for m in matches if not _inside_aside(text, m.start())]
    return (outside or matches or [None])[-1] if len(outside) != 1 else outside[0]


def _compared_direction(match: re.Match[str]) -> str:
    """More costs or less income is unfavourable (N); less costs or more income favourable (V)."""
    more = bool(match.group("more") or match.group("more2"))
    costs = bool(match.group("costs") or match.group("spent"))
    return "N" if more == costs else "V"


def prose_amount(text: str) -> ProseAmount | None:
    """The deviation a sentence states, by a direction word where it has one, else by a comparison."""
    if "€" not in text:  # every amount the patterns read is a euro amount
        return None
    match = _main(list(_with_direction().finditer(text)), text)
    if match is not None:
        word = next(match.group(group) for group in _DIRECTION_GROUPS if match.group(group))
        return ProseAmount(match, money_vocabulary().directions[fold(word)])
    match = _main(list(_compared().finditer(text)), text)
    return ProseAmount(match, _compared_direction(match)) if match is not None else None
