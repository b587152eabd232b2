"""Status legends printed in a document: what this document's colours, icons, letters and symbols mean.

Entries come in many shapes: 'Groen = realisatie volgens begroting', '(R) Niet volgens planning', a coloured
swatch or icon before its meaning (a paragraph or a two-column table), several entries on one line
('● op schema ● beperkte vertraging', 'A = volgens afspraak, B = kleine afwijking'), or a 'Legenda' block of
'key meaning' lines. Each meaning is matched against the status vocabulary, else against cue words
(model/vocabularies/statuses.toml [legend]); the legend maps its keys and meanings for this document only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from loaders.recognizers.legend_entries import Entry, block_entries, line_entries
from model.document import Document
from model.statuses import STATUSES, Status, label_key, match_status
from model.text import fold
from model.vocabulary import load_vocabulary

_WINDOW = 6
_MIN_ENTRIES = 2


@dataclass
class Legend:
    """Key (and description) → status for one document, with the line where the legend starts."""

    mapping: dict[str, Status] = field(default_factory=dict)
    entries: list[tuple[str, str, Status]] = field(default_factory=list)
    descriptions: dict[str, str] = field(default_factory=dict)
    line: int | None = None

    def lookup(self, candidate: str) -> tuple[Status, str] | None:
        """(status, the legend's wording) for a key or meaning exactly as the legend has it."""
        key = label_key(candidate)
        if key in self.mapping:
            return self.mapping[key], self.descriptions.get(key, candidate)
        return None

    def lookup_near(self, candidate: str) -> tuple[Status, str] | None:
        """The same for a candidate that a key ends or starts ('icoon duim opzij' ends with 'duim opzij'), or that
        starts a meaning ('gestopt' starts 'gestopt – de raad besluit ...')."""
        key = label_key(candidate)
        if len(key) < _MIN_SUFFIX:
            return None
        for known in sorted(self.mapping, key=len, reverse=True):
            if len(known) >= _MIN_SUFFIX and (
                key.endswith(" " + known) or key.startswith(known + " ") or known.startswith(key + " ")
            ):
                return self.mapping[known], self.descriptions.get(known, candidate)
        return None


_MIN_SUFFIX = 4


_ORDER = ("council_action", "unknown", "partly", "on_track", "done")
_PROBLEMS = frozenset({"council_action", "partly"})


def _words(words: list[str]) -> str:
    return "|".join(re.escape(fold(word)) for word in words)


@cache
def _cues() -> tuple[tuple[Status, re.Pattern[str]], ...]:
    """Per status in the order tried, one pattern of its cue words (a cue starts a word); a severe word before a
    partly cue is council_action, an expected word before a done cue is on_track (statuses.toml [legend])."""
    data = load_vocabulary("statuses")["legend"]
    cues = {status: _words(data["cues"][status]) for status in _ORDER if status in STATUSES and data["cues"].get(status)}
    if "partly" in cues and data.get("severe"):
        cues["council_action"] += rf"|(?:{_words(data['severe'])})\s+(?:\S+\s+)?(?:{cues['partly']})"
    if "done" in cues and data.get("expected"):
        cues["on_track"] += rf"|(?:{_words(data['expected'])})\s+(?:\S+\s+){{0,3}}(?:{cues['done']})"
    return tuple((status, re.compile(rf"(?<!\w)(?:{cue})")) for status, cue in cues.items())


@cache
def _hedged() -> re.Pattern[str] | None:
    """A council_action cue after a hedge word ('mogelijk niet gehaald'): a risk, so partly."""
    data = load_vocabulary("statuses")["legend"]
    council = data["cues"].get("council_action")
    if not data.get("hedges") or not council:
        return None
    return re.compile(rf"(?<!\w)(?:{_words(data['hedges'])})\s+(?:\S+\s+){{0,2}}(?:{_words(council)})")


@cache
def _negated() -> re.Pattern[str] | None:
    """A negation word and the word after it ('geen afwijkingen'): no problem is named there."""
    words = load_vocabulary("statuses")["legend"].get("negations")
    return re.compile(rf"(?<!\w)(?:{_words(words)})\s+\S+") if words else None


def cue_status(description: str) -> Status | None:
    """The status a legend's description names by its cue words; problems only negated ('geen vertraging',
    'zonder afwijkingen') mean on_track."""
    folded = fold(description)
    negations = _negated()
    plain = negations.sub(" ", folded) if negations else folded
    hedged = _hedged()
    if hedged is not None and hedged.search(plain):
        return "partly"
    negated_problem = False
    for status, cues in _cues():
        if status in _PROBLEMS and cues.search(plain):
            return status
        if status in _PROBLEMS:
            negated_problem = negated_problem or cues.search(folded) is not None
        elif cues.search(folded):
            return status
    return "on_track" if negated_problem else None


def status_of(description: str, key: str, municipality: str | None) -> Status | None:
    """The status a legend entry's meaning (else its key) stands for."""
    known = match_status(description, municipality)
    if known.known:
        return known.status
    cued = cue_status(description)
    if cued is not None:
        return cued
    by_key = match_status(key, municipality)
    return by_key.status if by_key.known else None


def _groups(entries: list[Entry]) -> list[list[Entry]]:
    groups: list[list[Entry]] = []
    for entry in sorted(entries, key=lambda e: e.line):
        if groups and entry.line - groups[-1][-1].line <= _WINDOW:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


def find_legend(document: Document, municipality: str | None) -> Legend | None:
    """The first legend with at least two entries close together, or None."""
    entries = [*block_entries(document), *line_entries(document.lines)]
    for group in _groups(entries):
        if len({label_key(entry.keys[0]) for entry in group}) < _MIN_ENTRIES:
            continue
        legend = Legend(line=group[0].line)
        owned: list[list[str]] = []  # the keys each entry maps
        for entry in group:
            status = status_of(entry.description, entry.keys[0], municipality)
            if status is None or label_key(entry.keys[0]) in legend.mapping:
                continue
            legend.entries.append((entry.keys[0], entry.description, status))
            owned.append([])
            for key in (*entry.keys, entry.description):
                if label_key(key) and label_key(key) not in legend.mapping:
                    legend.mapping[label_key(key)] = status
                    legend.descriptions[label_key(key)] = entry.description
                    owned[-1].append(label_key(key))
        if len(legend.entries) >= _MIN_ENTRIES:
            _worst_of_three(legend, owned[-1])
            return legend
    return None


_THREE_LEVELS = ["on_track", "partly", "partly"]


def _worst_of_three(legend: Legend, last_keys: list[str]) -> None:
    """A legend of three levels read as on track, partly and partly ('op schema', 'aandacht nodig', 'achter op
    schema') is a scale of green, orange and red: its last, worst level is the red one, council action."""
    if [status for _, _, status in legend.entries] != _THREE_LEVELS:
        return
    key, description, _ = legend.entries[-1]
    legend.entries[-1] = (key, description, "council_action")
    for mapped in last_keys:
        legend.mapping[mapped] = "council_action"
