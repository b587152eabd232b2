"""Entries of status legends: a key (a colour, an icon, a letter, a symbol, a phrase) and its meaning."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from model.colours import named_colour
from model.document import Cell, Document, Line, Mark, Paragraph, Table
from model.numbering import parse_numbered
from model.text import first_word, fold
from model.vocabulary import load_vocabulary

_MAX_DESCRIPTION = 300
_MAX_KEY_WORDS = 3
_LEGEND_TITLES = ("legenda", "legend", "betekenis", "toelichting kleuren", "de kleuren betekenen", "kleurcodes")
_TITLE_FIRST_WORDS = tuple(title.split()[0] for title in _LEGEND_TITLES)  # a cheap test before folding a line
_MAX_BLOCK_LINES = 8
_KEY_LINE_GAP = 3  # a key alone on its line is a legend entry only next to another one: key, meaning, key, ...
_SEPARATOR = r"\s*(?:[:=]|[-–—](?=\s))\s*"
_MAX_GLYPH = 2  # characters of a coloured glyph ('🟢', or '●' with a variation selector)
_QUOTES = "\"'“”‘’„"  # around a symbol key as Word prints it: '“+” = op schema'
_SYMBOL_ENTRY = re.compile(  # '+ = op schema'
    rf"^[{_QUOTES}]?(?P<key>[^\w\s{_QUOTES}]{{1,3}}|\d{{1,3}}\s?%)[{_QUOTES}]?\s*[:=]\s*(?P<desc>[^\W\d].*)$"
)
_WORD_KEY_ENTRY = re.compile(r"\(?(?P<key>[A-Za-z]{1,7})\)?\s*(?:[:=–]|\s{2,}|(?<=\))\s|\s[-–]\s)\s*(?P<desc>\S.*)$")  # "Groen: ...", "(G) ..."
_SYMBOL_ITEM = re.compile(r"^(?P<key>[^\w\s;]{1,3}(?:/[^\w\s;]{1,3})?)\s+(?P<desc>[^\W\d][^;]*)$")  # '+/- aandacht'
_KEY_IN_BRACKETS = re.compile(r"\((?P<key>[A-Za-z]{1,7})\)")
_ASSIGNMENT = re.compile(r"(?:^|[;,.]\s*|\s)(?P<key>[^\s;,=:]{1,12}(?:\s\([^)]{1,20}\))?|=(?=\s*=))\s*=\s*")


@dataclass(frozen=True)
class Entry:
    """One legend entry: its keys (most specific first), its meaning and the line it is on."""

    keys: tuple[str, ...]
    description: str
    line: int


@cache
def _word_keys() -> frozenset[str]:
    return frozenset(fold(k) for k in load_vocabulary("statuses")["legend"]["keys"])


def mark_keys(marks: tuple[Mark, ...] | list[Mark]) -> list[str]:
    """The keys marks stand for: colour words for colours and colour classes, else labels, classes and glyphs."""
    colours = [m.value for m in marks if m.kind == "colour"]
    colours += [c for m in marks if m.kind == "class" and (c := named_colour(m.value))]
    keys: list[str] = []
    for value in [*colours, *(m.value for m in marks if m.kind in {"label", "class"})]:
        if value not in keys:
            keys.append(value)
    if not colours:
        keys += [m.value for m in marks if m.kind == "glyph" and m.value not in keys]
    return keys


def _strip_key(text: str, keys: list[str]) -> str:
    """'Groen – op schema' → 'op schema' when 'groen' is a key."""
    stripped = text.strip()
    for key in sorted(keys, key=len, reverse=True):
        match = re.match(rf"^{re.escape(key)}{_SEPARATOR}(?P<rest>\S.*)$", stripped, re.IGNORECASE)
        if match:
            return match.group("rest").strip()
        if fold(stripped).startswith(fold(key) + " ") and (len(key) > 1 or not key.isalnum()):
            return stripped[len(key) :].strip(" :=–-")
    return stripped.strip(" :=–-")


def _split_at(text: str, labels: list[str]) -> list[str] | None:
    """A line holding several entries, split where each icon's label (in order) starts."""
    positions: list[int] = []
    start = 0
    for label in labels:
        found = fold(text).find(fold(label), start)
        if found < 0:
            return None
        positions.append(found)
        start = found + len(label)
    positions.append(len(text))
    return [text[positions[i] : positions[i + 1]].strip() for i in range(len(labels))]


def _shows_a_field(text: str, keys: list[str]) -> bool:
    """A field that shows a status ('Status: ●'), not a legend entry that explains one."""
    folded = fold(text)
    return any(key and folded.endswith(key) and folded[:-len(key)].rstrip().endswith(":") for key in map(fold, keys))


def _paragraph_entries(paragraph: Paragraph) -> list[Entry]:
    keys = mark_keys(paragraph.marks)
    if not keys or not paragraph.text or len(_ASSIGNMENT.findall(paragraph.text)) >= 2:
        return []
    if _shows_a_field(paragraph.text, keys):
        return []
    glyphs = [m.value for m in paragraph.marks if m.kind == "glyph"]
    colours = [m.value for m in paragraph.marks if m.kind == "colour"]
    if len(glyphs) >= 2 and len(set(glyphs)) == 1 and len(colours) == len(glyphs):
        parts = [p.strip(" ,;") for p in paragraph.text.split(glyphs[0])[1:]]
        return [Entry((colour,), part, paragraph.line) for colour, part in zip(colours, parts, strict=False) if part]
    labels = [m.value for m in paragraph.marks if m.kind == "label"]
    if len(labels) >= 2:
        parts = _split_at(paragraph.text, labels)
        if parts:
            return [Entry((label,), _strip_key(part[len(label) :], [label]), paragraph.line)
                    for label, part in zip(labels, parts, strict=True)]
    if len(glyphs) >= 2 and not colours:
        return []
    description = _strip_key(paragraph.text, keys)
    for key in keys:
        description = _strip_key(description, [key])
    return [Entry(tuple(keys), description, paragraph.line)] if description else []


def _cell_keys(cell: Cell) -> list[str]:
    keys = mark_keys(cell.marks)
    if cell.text and len(cell.text.split()) <= _MAX_KEY_WORDS and len(cell.text) <= 20:
        keys.append(cell.text)
    return keys


def _table_entries(table: Table) -> list[Entry]:
    """Rows of a key cell (a swatch, an icon, a symbol) and a meaning."""
    entries = []
    for row in table.rows:
        filled = [cell for cell in row if not cell.empty]
        if len(filled) != 2:
            continue
        key_cell, meaning = filled
        keys = _cell_keys(key_cell)
        if _is_key(meaning.text) and not key_cell.marks:
            continue  # a name and its status ('Nieuw zwembad | groen'): a status table's row, not a legend's
        if keys and meaning.text and not meaning.marks and len(meaning.text) <= _MAX_DESCRIPTION:
            entries.append(Entry(tuple(keys), meaning.text, key_cell.line))
    return entries if len(entries) >= 2 else []


def _is_key(text: str) -> bool:
    """A legend's key word or colour ('groen', 'G', '🟢'): what a legend explains, never its meaning."""
    return fold(text) in _word_keys() or named_colour(text.strip()) is not None


def block_entries(document: Document) -> list[Entry]:
    """Entries whose keys are icons, colours or symbols: paragraphs with marks and two-column tables."""
    entries: list[Entry] = []
    for block in document.blocks:
        if isinstance(block, Paragraph) and block.marks:
            entries.extend(_paragraph_entries(block))
        elif isinstance(block, Table):
            entries.extend(_table_entries(block))
    return entries


def _word_entry(text: str, number: int) -> list[Entry]:
    """'Groen: ...', '- Rood = ...', '(G) ...', 'GROEN  ...', '... (geel)' with a known key word or letter."""
    keys = _word_keys()
    symbol = _SYMBOL_ENTRY.match(text.strip()) if text.lstrip()[:1] in "-*•·" else None
    if symbol:  # '- = vertraagd': the dash is the key, no bullet
        return [Entry((symbol.group("key"),), symbol.group("desc").strip(), number)]
    stripped = text.strip(" -•·*")
    first = stripped[:1]
    match = _WORD_KEY_ENTRY.match(stripped) if first == "(" or (first.isascii() and first.isalpha()) else None
    if match and fold(match.group("key")) in keys:
        return [Entry((match.group("key"),), match.group("desc").strip(), number)]
    match = None if first.isalpha() or first == "_" else _SYMBOL_ENTRY.match(stripped)  # its key is no word
    if match:
        return [Entry((match.group("key"),), match.group("desc").strip(), number)]
    glyph, _, meaning = stripped.partition(" ") if not first.isascii() else ("", "", "")  # glyphs are not ASCII
    if meaning and len(glyph) <= _MAX_GLYPH and (colour := named_colour(glyph)) and meaning.strip()[:1].isalpha():
        return [Entry((glyph, colour), meaning.strip(), number)]  # a coloured glyph and its meaning, without '='
    if not _KEY_IN_BRACKETS.search(text) or parse_numbered(text) is not None:
        return []  # '1.1 Nieuw zwembad (groen)' is an activity and its status, no legend's meaning
    entries = []
    for match in _KEY_IN_BRACKETS.finditer(text):
        if fold(match.group("key")) not in keys:
            continue
        before = re.split(r"[,()]", text[: match.start()])[-1].strip(" ,.")
        if len(before) >= 3:
            entries.append(Entry((match.group("key"),), before[-80:].strip(), number))
    return entries


def _assignments(text: str, number: int) -> list[Entry]:
    """Several 'key = meaning' entries in one sentence: 'A = volgens afspraak, B = kleine afwijking, ...'."""
    if text.count("=") < 2:
        return []
    matches = list(_ASSIGNMENT.finditer(text))
    if len(matches) < 2:
        return []
    entries = []
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        key = re.sub(r"\s*\(.*\)$", "", match.group("key")).strip()
        description = text[match.end() : end].strip(" ,;.")
        if key and description:
            entries.append(Entry((key,), description, number))
    return entries


def _symbol_list(text: str, number: int) -> list[Entry]:
    """Several 'symbol meaning' entries in one line, separated by semicolons, after an optional title: 'Toelichting
    symbolen: + op schema; +/- aandacht; - achter op schema'."""
    if ";" not in text:
        return []
    head = text.split(";", 1)[0]
    body = text.split(":", 1)[1] if ":" in head else text
    parts = [part.strip() for part in body.split(";") if part.strip()]
    matches = [_SYMBOL_ITEM.match(part) for part in parts]
    if len(parts) < 2 or not all(matches):
        return []
    return [Entry((match.group("key"),), match.group("desc").strip(" ."), number) for match in matches if match]


def _legend_block(lines: list[Line], index: int) -> list[Entry]:
    """Lines after a 'Legenda' title: 'duim omhoog Op koers' (key in lower case, meaning capitalised)."""
    entries = []
    for line in lines[index + 1 : index + 1 + _MAX_BLOCK_LINES]:
        match = re.match(r"^(?P<key>[^A-Z:=]{2,40}?)\s+(?P<desc>[A-Z].*)$", line.text.strip())
        if not match or len(match.group("key").split()) > _MAX_KEY_WORDS:
            break
        entries.append(Entry((match.group("key").strip(" |"),), match.group("desc"), line.number))  # 'groen | Op ...'
    return entries if len(entries) >= 2 else []


def line_entries(lines: list[Line]) -> list[Entry]:
    """Entries written as text, one or several per line, or a key on one line and its meaning below it."""
    keys = _word_keys()
    found: list[Entry] = []
    alone: list[tuple[int, Entry]] = []
    for index, line in enumerate(lines):
        text = line.text
        if (
            first_word(text).startswith(_TITLE_FIRST_WORDS)
            and len(text.split()) <= 4
            and fold(text).startswith(_LEGEND_TITLES)
        ):
            found.extend(_legend_block(lines, index))
        entries = _assignments(text, line.number) or _symbol_list(text, line.number) or _word_entry(text, line.number)
        found.extend(entries)
        if len(text) <= 7 and fold(text) in keys:
            following = [ln for ln in lines[index + 1 : index + 3] if ln.text.strip() not in {"=", ":"}]
            if following and len(following[0].text) <= _MAX_DESCRIPTION and fold(following[0].text) not in keys:
                alone.append((index, Entry((text,), following[0].text, line.number)))
    for position, (index, entry) in enumerate(alone):
        neighbours = [other for other, _ in alone[max(0, position - 1) : position + 2] if other != index]
        if any(abs(other - index) <= _KEY_LINE_GAP for other in neighbours):
            found.append(entry)
    return found
