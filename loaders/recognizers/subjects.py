"""What a budget table is about when its rows only name kinds ('Lasten', 'Baten', 'Saldo'): one programme's
"Wat heeft het gekost?" table. Its subject is the table's title where that names one ("Productgroep
Maatwerkvoorziening", "Tabel 2.2 Baten en lasten P2 Mens en maatschappij"), else the heading above it."""

from __future__ import annotations

import re
from functools import cache

from model.amounts import parse_unit, without_unit
from model.text import first_word, fold
from model.vocabulary import load_vocabulary

_TABLE_NUMBER = re.compile(r"^(?:tabel|figuur|overzicht)\s*(?:nr\.?\s*)?\d+(?:\.\d+)*\s*[-–:.]?\s*", re.IGNORECASE)
_EDGE = " -–:|.,()?"
_ALPHA = re.compile(r"[^\W\d_]")


@cache
def _generic() -> frozenset[str]:
    return frozenset(fold(word) for word in load_vocabulary("budget")["table_subjects"]["generic_words"])


@cache
def _kind_words() -> frozenset[str]:
    return _generic() | {fold(word) for word in load_vocabulary("budget")["table_subjects"]["kind_row_words"]}


def names_only_a_kind(label: str) -> bool:
    """True for a row label of kind words alone ('Lasten', 'Onttrekking aan reserves', 'Geraamd resultaat'), not
    for one that names what it is about ('Reserve sociaal domein', '6.1 Wijkteams')."""
    words = fold(label).replace("/", " ").split()
    return bool(words) and all(word.strip(_EDGE) in _kind_words() for word in words)


def subject_of(text: str | None) -> str | None:
    """The subject a title or heading names, without a table number or the leading and trailing words that only
    say what the table shows; None for a question ('Wat heeft het gekost?') or a title of such words alone."""
    if text and parse_unit(text) is not None:
        text = without_unit(text)  # 'Programma 1 Veiligheid (bedragen x € 1.000)'; a unit line alone names nothing
    if not text or text.rstrip().endswith("?"):
        return None
    words = _TABLE_NUMBER.sub("", text.strip()).split()
    generic = _generic()
    if len(words) >= 2 and fold(words[-2]) == "per":
        words = words[:-2]  # what the table is broken down by ('... per taakveld'), not what it is about
    while words and (fold(words[0].strip(_EDGE)) in generic or not words[0].strip(_EDGE)):
        words.pop(0)
    while words and (fold(words[-1].strip(_EDGE)) in generic or not words[-1].strip(_EDGE) or _elided(words)):
        words.pop()
    subject = " ".join(words).strip(_EDGE)
    if not any(_ALPHA.search(word) and fold(word.strip(_EDGE)) not in generic for word in subject.split()):
        return None  # nothing but generic words, years and numbers
    return subject


def _elided(words: list[str]) -> bool:
    """The last word is the first half of a compound whose other half was generic and is gone ('Voor-' of
    'Voor- en nadelen', 'Baten-' of 'Baten- en lastenoverzicht')."""
    return words[-1].endswith(("-", "–")) and len(words[-1]) > 1


def names_something(text: str) -> bool:
    """True unless the line only says what follows ('Toelichting', 'Analyse van de afwijkingen'); a line whose
    first word is no generic word names something, which takes one look."""
    return first_word(text) not in _generic() or subject_of(text) is not None


def table_subject(title: str | None, heading: str | None) -> str | None:
    """The subject of a table: what its title names, else what the heading above it names."""
    return subject_of(title) or subject_of(heading)
