"""Activity cards of execution programmes: a title row, then rows that start with a field label.

"Activiteit Voortgang Pilot Jeugd POH/SOH |", "Toelichting ... |", "Wat gaan we doen ... |", "Kosten/baten ...".
A card needs at least three field rows. Euro amounts in its cost fields become budget lines of the activity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from loaders.recognizers.headings import find_headings
from loaders.recognizers.money_vocabulary import money_vocabulary
from loaders.recognizers.sections import card_labels, is_noise
from model.amounts import NotAnAmount, parse_amount, to_euros
from model.caching import text_cache
from model.document import Line
from model.records import Activity, BudgetLine, WarningRecord
from model.text import first_word, fold
from model.vocabulary import load_vocabulary

_MIN_FIELDS = 3
_TITLE_LOOKBACK = 3
_MAX_TITLE_WORDS = 16
_TITLE_PREFIX = re.compile(r"^\S+\s*:?\s*")
_LETTER_CODE = re.compile(r"^(?P<code>[A-Z])\.\s+(?P<rest>.+)$")
_SENTENCES = re.compile(r"(?<=[.;])\s+(?=[A-Z•\d])|•")
_DECIMALS_AFTER = re.compile(r",\d")
_AMOUNT = re.compile(
    r"€\s?(?P<a>-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+|,-{1,2})?(?:\s?(?:mln|miljoen))?)"
    r"|(?P<b>(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)\s?(?:euro|eur)\b",
    re.IGNORECASE,
)


@dataclass
class CardResult:
    """Activities from cards, their cost lines and warnings."""

    activities: list[Activity] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)


@cache
def _activity_prefixes() -> tuple[str, ...]:
    words = load_vocabulary("documents")["headings"]["activity"]
    return tuple(sorted({fold(w) for w in words} | {fold(w) + "en" for w in words}, key=len, reverse=True))


@cache
def _income_words() -> frozenset[str]:
    return frozenset(money_vocabulary().income_words)


def _income(text: str) -> bool:
    """True when the words just before an amount call it income (vocabulary: budget.toml income_words)."""
    return not _income_words().isdisjoint(fold(text).replace(":", " ").replace("(", " ").split())


@cache
def _labels_by_first_word() -> dict[str, tuple[int, tuple[tuple[str, str], ...]]]:
    """The card field labels (label, field name) per first word, with the most words one of them has and one
    more (what a line's start is compared with): a line starting otherwise is no field."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for label, name in card_labels():
        grouped.setdefault(re.split(r"[ :]", label, maxsplit=1)[0], []).append((label, name))
    return {word: (max(label.count(" ") for label, _ in labels) + 2, tuple(labels)) for word, labels in grouped.items()}


def _field_row(line: Line) -> tuple[str, str, str] | None:
    """(field name, label as printed, value) when the line starts with a card field label."""
    return _field_of(line.text)


@text_cache(1 << 14)
def _field_of(text: str) -> tuple[str, str, str] | None:
    found = _labels_by_first_word().get(first_word(text))
    if found is None:
        return None
    words, labels = found
    folded = fold(" ".join(text.split(maxsplit=words)[:words]))  # a label's words and one more, not the whole line
    for label, name in labels:
        if folded == label or folded.startswith((label + " ", label + ":")):
            printed = text[: len(label) + (len(text) - len(text.lstrip()))].strip()
            value = text.strip()[len(label) :].strip(" :|")
            return name, printed or label, value
    return None


@cache
def _prefix_starts() -> tuple[str, ...]:
    """How a title with an activity prefix starts: 'activiteit ', 'activiteit:', ... (one startswith for all)."""
    return tuple(start for prefix in _activity_prefixes() for start in (prefix + " ", prefix + ":"))


def _strip_title(text: str) -> tuple[str | None, str]:
    """Title text without the 'Activiteit:' prefix and trailing '|'; a leading 'A.' becomes the code."""
    text = text.strip(" |")
    if fold(text).startswith(_prefix_starts()):
        text = _TITLE_PREFIX.sub("", text, count=1)
    letter = _LETTER_CODE.match(text)
    if letter:
        return letter.group("code"), letter.group("rest").rstrip(". ")
    return None, text.rstrip(" .")


def parse_activity_cards(lines: list[Line]) -> CardResult:
    """Every activity card with its fields, programme and cost amounts."""
    result = CardResult()
    headings = sorted(find_headings(lines).values(), key=lambda h: h.index)
    seen: set[str] = set()
    for rows in _card_rows(lines):
        first = rows[0]
        if len(rows) < _MIN_FIELDS:
            continue
        title_at = _title(lines, first)
        if title_at is None:
            result.warnings.append(
                WarningRecord(
                    code="card-without-title",
                    line=lines[first].number,
                    message="activity card fields without a title row above; skipped",
                )
            )
            continue
        title_line = lines[title_at]
        _, name = _strip_title(title_line.text)
        name = _shorten(name, lines, title_at)
        if fold(name) in seen:
            result.warnings.append(
                WarningRecord(
                    code="duplicate-activity",
                    line=title_line.number,
                    message=f"activity card {name!r} appears twice; kept the first",
                )
            )
            continue
        seen.add(fold(name))
        programme = _programme(headings, first)
        fields = _fields(lines, rows)
        activity = Activity(
            name=name,
            programme=programme,
            description=fields.pop("description", None),
            fields=fields,
            line=title_line.number,
        )
        result.activities.append(activity)
        result.budget_lines.extend(_cost_lines(lines, rows, activity, result.warnings))
    return result


def _card_rows(lines: list[Line]) -> list[list[int]]:
    """Indexes of field rows grouped per card: a gap of more than a few lines or a repeated field starts a new one."""
    cards: list[list[int]] = []
    names: set[str] = set()
    for index, line in enumerate(lines):
        row = _field_row(line)
        if row is None:
            continue
        if cards and index - cards[-1][-1] <= _TITLE_LOOKBACK and row[0] not in names:
            cards[-1].append(index)
        else:
            cards.append([index])
            names = set()
        names.add(row[0])
    return cards


def _title(lines: list[Line], first: int) -> int | None:
    """The index of the card's title row among the few lines above its first field."""
    window = [i for i in range(first - 1, max(0, first - _TITLE_LOOKBACK) - 1, -1) if lines[i].text.strip(" |")]
    window = [i for i in window if not _field_row(lines[i])]
    marked = [
        i
        for i in window
        if _strip_title(lines[i].text)[0] or _has_prefix(lines[i].text) or lines[i].text.endswith("|")
    ]
    return (marked or window or [None])[0]


def _has_prefix(text: str) -> bool:
    return fold(text).startswith(_prefix_starts())


def _shorten(name: str, lines: list[Line], position: int) -> str:
    """A title glued to its text ('Bronckhorst regenbooggemeente Jaarlijks op ...') is cut at the heading above."""
    if len(name.split()) <= _MAX_TITLE_WORDS:
        return name
    for line in reversed(lines[max(0, position - 3) : position]):
        if fold(name).startswith(fold(line.text)) and len(line.text.split()) <= _MAX_TITLE_WORDS:
            return line.text.strip(" |")
    return " ".join(name.split()[:_MAX_TITLE_WORDS]) + " …"


def _programme(headings: list, index: int) -> str | None:
    above = [h for h in headings if h.index < index and h.role == "programme"]
    return above[-1].text if above else None


def _fields(lines: list[Line], rows: list[int]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for position, row in enumerate(rows):
        name, _, value = _field_row(lines[row])
        end = rows[position + 1] if position + 1 < len(rows) else row + 1
        extra = [ln.text.strip(" |") for ln in lines[row + 1 : end] if ln.text.strip(" |") and not is_noise(ln.text)]
        text = " ".join([value, *extra]).strip()
        if text:
            fields[name] = f"{fields[name]}\n{text}" if name in fields else text
    return fields


def _cost_lines(
    lines: list[Line], rows: list[int], activity: Activity, warnings: list[WarningRecord]
) -> list[BudgetLine]:
    found = []
    for row in rows:
        name, label, value = _field_row(lines[row])
        if name != "costs":
            continue
        for sentence in _SENTENCES.split(value) if "€" in value or "eur" in value.lower() else ():
            for match in _AMOUNT.finditer(sentence):
                raw = match.group("a") or match.group("b")
                if _DECIMALS_AFTER.match(sentence, match.end()):
                    raw = sentence[match.start() :].split()[0]
                try:
                    amount = parse_amount(raw).value
                except NotAnAmount:
                    warnings.append(
                        WarningRecord(
                            code="amount-not-understood",
                            line=lines[row].number,
                            message=f"amount {raw!r} in the costs of {activity.name!r} is not a Dutch amount; skipped",
                        )
                    )
                    continue
                if amount is None:
                    continue
                kind = "baten" if _income(sentence[: match.start()][-60:]) else "lasten"
                found.append(
                    BudgetLine(
                        scope=activity.name,
                        kind=kind,
                        column=label,
                        amount_eur=to_euros(Decimal(amount)),
                        activity=activity.name,
                        programme=activity.programme,
                        note=sentence.strip(),
                        line=lines[row].number,
                    )
                )
    return found


__all__ = ["CardResult", "parse_activity_cards"]
