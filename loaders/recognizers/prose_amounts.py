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
_DIRECTION_GROUPS = ("dir", "dir2", "dir3", "dir4", "dir5")
# characters a match reaches before or after an amount: a direction word and up to 60 characters before it
# ('het nadeel op ... bedraagt € 450.000'), the amount and up to 60 characters and a bracketed word after it
_MARGIN = 200


class ProseAmount(NamedTuple):
    """The part of a sentence that states a deviation, and its direction (N or V)."""

    match: re.Match[str]
    direction: str


def _alternatives(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


@cache
def _with_direction(flags: int = 0) -> re.Pattern[str]:
    """A direction word before or after the amount, or in brackets after it (budget.toml [prose_directions]), for
    lower-cased text (`flags` re.IGNORECASE for text whose lower case is longer)."""
    words = load_vocabulary("budget")["prose_directions"]
    beside, apart, stated = (_alternatives(words[key]) for key in ("beside", "apart", "stated"))
    return re.compile(
        rf"\b(?P<dir>{beside})\b(?:\s+(?:van|is|of))?\s*{EURO}"
        rf"|{EURO}\s*\(?(?P<dir2>{beside}|[nv])\b"
        # 'het nadeel op jeugdzorg bedraagt € 450.000', 'een overschrijding van het budget met € 95.000'
        rf"|\b(?P<dir3>{apart})\b[^.€]{{1,60}}?\b(?:bedraagt|bedroeg|van|met)\s*{EURO}"
        rf"|\b(?P<dir5>{stated})\b[^.€]{{0,60}}?\b(?:bedraagt|bedroeg)\s*{EURO}"  # 'het tekort bedraagt € 400.000'
        rf"|{EURO}[^.()€]{{1,60}}\((?P<dir4>{beside})\)",  # '€ 80.000 hoger uit dan begroot (nadelig)'
        flags,
    )


@cache
def _compared(flags: int = 0) -> re.Pattern[str]:
    """Costs or income named before an amount that is higher or lower than planned, or an amount spent or
    received more or less (in lower-cased text, as _with_direction)."""
    words = {name: _alternatives(items) for name, items in load_vocabulary("budget")["comparisons"].items()}
    return re.compile(
        rf"\b(?:(?P<costs>{words['costs']})|(?P<income>{words['income']}))\b[^.€]{{0,40}}?{EURO}\s*"
        rf"(?:(?P<more>{words['more']})|(?P<less>{words['less']}))\b[^.€]{{0,40}}?\b(?:{words['than']})(?!\w)"
        rf"|{EURO}\s*(?:(?P<more2>{words['more']})|(?P<less2>{words['less']}))\s+"
        rf"(?:(?P<spent>{words['spent']})|(?P<received>{words['received']}))\b",
        flags,
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


@cache
def _comparison_words() -> tuple[str, ...]:
    """Words for more or less: a comparison needs one, and looking for them is far cheaper than its pattern."""
    comparisons = load_vocabulary("budget")["comparisons"]
    return (*comparisons["more"], *comparisons["less"])


def _matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The pattern's matches, looked for only from a little before the first amount to a little after the last."""
    first, last = text.find("€"), text.rfind("€")
    return list(pattern.finditer(text, max(0, first - _MARGIN), last + _MARGIN))


def prose_amount(text: str) -> ProseAmount | None:
    """The deviation a sentence states, by a direction word where it has one, else by a comparison."""
    if "€" not in text:  # every amount the patterns read is a euro amount
        return None
    lowered = text.lower()
    flags = 0 if len(lowered) == len(text) else re.IGNORECASE  # positions must stay those of `text`
    searched = lowered if not flags else text
    match = _main(_matches(_with_direction(flags), searched), text)
    if match is not None:
        word = next(match.group(group) for group in _DIRECTION_GROUPS if match.group(group))
        return ProseAmount(match, money_vocabulary().directions[fold(word)])
    if not any(word in lowered for word in _comparison_words()):
        return None
    match = _main(_matches(_compared(flags), searched), text)
    return ProseAmount(match, _compared_direction(match)) if match is not None else None
