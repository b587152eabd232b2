"""Explanations of deviations: "Jeugdgezondheidszorg, nadeel € 328.000" with sub-items, linked to table items.

An item line names a deviation, its direction word (nadeel, voordeel, ...) and its amount; bullets or lines
below it are its sub-items until the next item line or heading. Each explanation is linked to a deviation-table
item by name, else by direction and amount; without a table the explanations are the deviations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from loaders.recognizers.money_vocabulary import money_vocabulary
from loaders.recognizers.prose_amounts import EURO as _EURO
from loaders.recognizers.prose_amounts import prose_amount
from loaders.recognizers.sections import is_goal_stop
from loaders.recognizers.subjects import names_something
from model.amounts import NotAnAmount, parse_amount, to_euros
from model.caching import text_cache
from model.document import Line
from model.numbering import parse_numbered
from model.records import Deviation, DeviationPart, WarningRecord
from model.text import fold

_MAX_ITEM_WORDS = 14
_BULLETS = "•·-–*▪◦"
_FOOTNOTE = re.compile(r"^\*\s")
_MAX_SCOPE_WORDS = 8
_MAX_NAME_WORDS = 7
_PROSE_ITEM_WORDS = 8
_MAX_EXPLANATION_LINES = 6  # sentences under an item named on a line of its own that explain it
_INCIDENTAL = re.compile(r"\(\s*(?:incidenteel|eenmalig|I)\s*\)", re.IGNORECASE)  # '(incidenteel)', '(I)'
_INCIDENTAL_WORD = re.compile(r"\b(?:incidenteel|eenmalig)\b", re.IGNORECASE)
_MAX_TITLE_CHARS = 60
_FIGURE = re.compile(r"[\d€]")
_ASIDE = re.compile(r"\([^()]*\)")
@dataclass
class Explanation:
    """One explained item with its sub-items and the heading (scope) above it."""

    line: Line
    item: str
    amount: int | float
    direction: str
    incidental: bool
    scope: str | None
    parts: list[DeviationPart] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


@cache
def _direction_pattern() -> re.Pattern[str]:
    words = sorted((w for w in money_vocabulary().directions if len(w) > 1), key=len, reverse=True)
    return re.compile(rf"\b(?P<dir>{'|'.join(re.escape(w) for w in words)})\b", re.IGNORECASE)


def _euro_amount(text: str) -> tuple[int | float, bool] | None:
    match = re.search(_EURO, text)
    if not match:
        return None
    raw = match.group(0)
    try:
        value = parse_amount(raw.rstrip("*")).value
    except NotAnAmount:
        return None
    if value is None:
        return None
    return to_euros(abs(Decimal(value))), raw.endswith("*") or text[match.end() : match.end() + 1] == "*"


def _incidental(text: str, short: bool = False) -> bool:
    """The text marks the amount one-off: '(incidenteel)', '(I)'; a `short` item line also by the word alone
    ('nadeel € 165.000 incidenteel'), which in a sentence may be about something else."""
    return bool(_INCIDENTAL.search(text) or (short and _INCIDENTAL_WORD.search(text)))


def _item_line(line: Line) -> tuple[str, str, int | float, bool] | None:
    """'Participatie, voordeel € 609.000' → (item, direction, amount, incidental)."""
    text = line.text
    if "€" not in text or len(text.split()) > _MAX_ITEM_WORDS or text[0] in _BULLETS:
        return None
    direction = _direction_pattern().search(text)
    amount = _euro_amount(text)
    if not direction or not amount:
        return None
    raw_item = text[: direction.start()]
    item = raw_item.strip(" ,:;-–")
    if len(item.split()) > _MAX_NAME_WORDS or raw_item.rstrip().endswith("("):
        return None
    if not item or (re.search(r"\d", item) and not re.match(r"^\d+(\.\d+)*\s", item)):
        return None
    if fold(item).split()[-1] in money_vocabulary().sentence_starts:
        return None  # a sentence's start, no item's name: 'Per saldo is er een voordeel van € 120.000'
    if text[direction.end() :].strip(" ,:").split(" ")[0] not in {"€", "van", ""} and not text[
        direction.end() :
    ].lstrip(" ,:").startswith("€"):
        return None
    return item, money_vocabulary().directions[fold(direction.group("dir"))], amount[0], amount[1] or _incidental(text, short=True)


def _part(line: Line) -> DeviationPart:
    text = line.text.lstrip(_BULLETS + " ")
    direction = _direction_pattern().search(text)
    amount = _euro_amount(text)
    return DeviationPart(
        text=text,
        amount_eur=amount[0] if amount else None,
        direction=money_vocabulary().directions[fold(direction.group("dir"))] if direction else None,
        incidental=bool(amount and amount[1]) or _incidental(text),
        line=line.number,
    )


def _ends_explanation(line: Line, ends: frozenset[int]) -> bool:
    """A heading, a table's line or the title of a document part ('Beleidsindicatoren'): no explanation runs on."""
    return line.number in ends or is_goal_stop(line.text)


def find_explanations(lines: list[Line], start: int = 0, ends: frozenset[int] = frozenset()) -> list[Explanation]:
    """Explained items from line index `start` on, with their sub-items and scope headings; the lines `ends`
    (headings, tables) end an item's explanation."""
    found: list[Explanation] = []
    scope: str | None = None
    current: Explanation | None = None
    title: str | None = None  # a short line right above ('Bijstand'): the item of a sentence that names none
    for line in lines[start:]:
        item = _item_line(line)
        if item:
            name = item[0]
            if fold(name.split(" ", 1)[0]) in money_vocabulary().sentence_starts:  # 'Er is een voordeel van € 120.000 ...'
                name = title or scope or name
            current = Explanation(line, name, item[2], item[1], item[3], scope)
            found.append(current)
            title = None
            continue
        if _scope_line(line):
            scope, current, title = line.text.rstrip(": ").strip(), None, None
            continue
        title = line.text.strip() if _title_line(line.text) else None
        if current is not None and (_ends_explanation(line, ends) or (title and _is_prose(current))):
            current = None  # a heading line after the explanation's sentences starts what comes next
        if current is None or _FOOTNOTE.match(line.text):
            continue
        current.text.append(line.text)
        if line.text[0] in _BULLETS or ("€" in line.text and _direction_pattern().search(line.text) and _euro_amount(line.text)):
            current.parts.append(_part(line))
    return found


def _scope_line(line: Line) -> bool:
    """A heading such as '3. Maatschappelijk werk:' or 'Thema 1.1 Jeugd' that groups the explanations below it."""
    return _scope_text(line.text)


@text_cache(1 << 14)
def _scope_text(text: str) -> bool:
    """_scope_line of a line's text; cached, as both ways of reading explanations ask it of every line."""
    if parse_numbered(text) is not None and len(text.split()) <= _MAX_ITEM_WORDS:
        return True
    return text.endswith(":") and len(text.split()) <= _MAX_SCOPE_WORDS and "€" not in text


def find_prose_deviations(lines: list[Line], ends: frozenset[int] = frozenset()) -> list[Explanation]:
    """Deviations told in sentences ('... (voordelig € 35.000).') under a heading, for documents without a table
    or item lines: the heading is the item, the sentence its explanation (up to a line of `ends`)."""
    found: list[Explanation] = []
    scope: str | None = None
    named: Explanation | None = None  # the last item named on a line of its own: the sentences below explain it
    title: str | None = None  # a short line right above the sentence ('Bijstand'): what it is about
    for line in lines:
        if _scope_line(line):
            scope, named, title = line.text.rstrip(": ").strip(), None, None
            continue
        stated = prose_amount(line.text)
        amount = _euro_amount(stated.match.group(0)) if stated else None
        if stated is None or not amount:
            title = line.text.strip() if _title_line(line.text) else None
            if named is not None and _ends_explanation(line, ends):
                named = None
            if named is not None and len(named.text) < _MAX_EXPLANATION_LINES and not _FOOTNOTE.match(line.text):
                named.text.append(line.text)
            continue
        match, direction = stated
        before = _ASIDE.sub("", line.text[: match.start()]).strip(" ,:;-–(")
        closing = not _INCIDENTAL.sub("", line.text[match.end() :]).strip(" .)")  # '... € 210.000 (incidenteel)'
        leading = line.text[match.end() :].lstrip(" )").startswith(":")  # 'Jeugdzorg (nadeel € 450.000): ...'
        named = None
        words = fold(before).split()
        starts = money_vocabulary().sentence_starts  # 'De lasten vallen € ...', 'Per saldo is er een voordeel ...'
        sentence = bool(words) and (words[0] in starts or words[-1] in starts)
        if not sentence and (
            (closing and before and len(before.split()) <= _MAX_ITEM_WORDS)
            or (leading and before and len(before.split()) <= _MAX_NAME_WORDS)
        ):
            item = before
        else:
            item = title or scope or " ".join(line.text.split()[:_PROSE_ITEM_WORDS])
        title = None
        explanation = Explanation(line, item, amount[0], direction, amount[1] or _incidental(line.text), scope)
        if closing and item == before and line.text.lstrip()[:1] not in _BULLETS:
            named = explanation  # 'Jeugdzorg (nadeel € 750.000)': its explanation follows (not so in a list)
        found.append(explanation)
    return found


def explain_by_name(deviations: list[Deviation], lines: list[Line], ends: frozenset[int] = frozenset()) -> None:
    """Give each deviation without an explanation the sentences below a line that is its name alone
    ('Hogere uitkeringslasten bijstand' under the table), up to the next such line, heading or table."""
    names = {fold(d.item): d for d in deviations if d.explanation is None and d.item}
    current: Deviation | None = None
    for line in lines:
        named = names.pop(fold(line.text), None)
        if named is not None:
            current = named
            current.explanation, current.explanation_line = line.text, line.number
            continue
        if current is None:
            continue
        if _ends_explanation(line, ends) or _item_line(line) or _scope_line(line) or fold(line.text) in names:
            current = None
            continue
        if current.explanation.count("\n") < _MAX_EXPLANATION_LINES:
            current.explanation = f"{current.explanation}\n{line.text}"


def _is_prose(explanation: Explanation) -> bool:
    """The explanation's last line is a sentence (not a sub-item of a list)."""
    last = (explanation.text[-1] if explanation.text else explanation.line.text).rstrip()
    return last.endswith(".") and last.lstrip()[:1] not in _BULLETS


@text_cache(1 << 14)
def _title_line(text: str) -> bool:
    """A short line without figures or a sentence's end that names something: a heading in a text export
    ('Bijstand', not 'Toelichting'). Most lines are longer than any such heading, which takes one look."""
    if len(text) > _MAX_TITLE_CHARS or text.rstrip().endswith((".", ":", ";", ",")):
        return False
    return 0 < len(text.split()) <= _MAX_NAME_WORDS and not _FIGURE.search(text) and names_something(text)


def _same_name(a: str, b: str) -> bool:
    left, right = fold(a), fold(b)
    return left == right or left in right or right in left


def link_explanations(
    deviations: list[Deviation], explanations: list[Explanation], unit: int
) -> tuple[list[Deviation], list[WarningRecord]]:
    """Attach explanations to table items (by name, else by direction and amount); check the amounts agree."""
    warnings: list[WarningRecord] = []
    if not deviations:
        return [_as_deviation(e) for e in explanations], warnings
    linked: set[int] = set()
    for explanation in explanations:
        match = _find(deviations, explanation, linked, unit)
        if match is None:
            warnings.append(
                WarningRecord(
                    code="explanation-without-deviation",
                    line=explanation.line.number,
                    message=f"explanation {explanation.item!r} ({explanation.direction} € {explanation.amount:n}) "
                    "matches no item of the deviation table",
                )
            )
            continue
        linked.add(match)
        deviation = deviations[match]
        if abs(deviation.amount_eur - explanation.amount) > unit or deviation.direction != explanation.direction:
            warnings.append(
                WarningRecord(
                    code="deviation-explanation-mismatch",
                    line=explanation.line.number,
                    message=f"explanation of {deviation.item!r} says {explanation.direction} € {explanation.amount:n}, "
                    f"the table {deviation.direction} € {deviation.amount_eur:n}",
                )
            )
        deviation.scope = explanation.scope or deviation.scope
        deviation.explanation = "\n".join([explanation.line.text, *explanation.text])
        deviation.explanation_line = explanation.line.number
        deviation.parts = explanation.parts
        deviation.incidental = deviation.incidental or explanation.incidental
    return deviations, warnings


def _find(deviations: list[Deviation], explanation: Explanation, linked: set[int], unit: int) -> int | None:
    free = [i for i in range(len(deviations)) if i not in linked]
    by_name = [i for i in free if _same_name(deviations[i].item, explanation.item)]
    if by_name:
        return by_name[0]
    by_amount = [
        i
        for i in free
        if deviations[i].direction == explanation.direction
        and abs(deviations[i].amount_eur - explanation.amount) <= unit
    ]
    return by_amount[0] if len(by_amount) == 1 else None


def _as_deviation(explanation: Explanation) -> Deviation:
    return Deviation(
        scope=explanation.scope,
        item=explanation.item,
        amount_eur=explanation.amount,
        direction=explanation.direction,
        incidental=explanation.incidental,
        explanation="\n".join([explanation.line.text, *explanation.text]),
        parts=explanation.parts,
        explanation_line=explanation.line.number,
        line=explanation.line.number,
    )
