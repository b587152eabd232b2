"""Status legends printed in a document: "Groen = realisatie volgens begroting", "(R) Niet volgens planning".

The legend tells what this document's colours and letters mean. Each key's description is matched against
the status vocabulary, else against cue words (model/vocabularies/statuses.toml [legend]); the result maps
both the key and the description for this document only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from model.document import Line
from model.statuses import STATUSES, Status, label_key, match_status
from model.text import fold
from model.vocabulary import load_vocabulary

_WINDOW = 3
_MIN_ENTRIES = 2
_MAX_DESCRIPTION = 300


@dataclass
class Legend:
    """Key (and description) → status for one document, with the line where the legend starts."""

    mapping: dict[str, Status] = field(default_factory=dict)
    entries: list[tuple[str, str, Status]] = field(default_factory=list)
    line: int | None = None


@cache
def _vocabulary() -> tuple[frozenset[str], tuple[tuple[Status, tuple[str, ...]], ...]]:
    data = load_vocabulary("statuses")["legend"]
    cues = tuple(
        (status, tuple(fold(c) for c in data["cues"].get(status, [])))
        for status in ("council_action", "unknown", "partly", "on_track", "done")
        if status in STATUSES
    )
    return frozenset(fold(k) for k in data["keys"]), cues


def _status_of(description: str, key: str, municipality: str | None) -> Status | None:
    known = match_status(description, municipality)
    if known.known:
        return known.status
    folded = fold(description)
    for status, cues in _vocabulary()[1]:
        if any(cue in folded for cue in cues):
            return status
    by_key = match_status(key, municipality)
    return by_key.status if by_key.known else None


def _entries_on_line(text: str, keys: frozenset[str]) -> list[tuple[str, str]]:
    """Entries written on one line: 'Groen: ...', '- Rood = ...', '(G) ...', 'GROEN  ...', '... (geel)'."""
    stripped = text.strip(" -•·*")
    match = re.match(r"^\(?(?P<key>[A-Za-z]{1,7})\)?\s*(?:[:=]|\s{2,}|(?<=\))\s)\s*(?P<desc>\S.*)$", stripped)
    if match and fold(match.group("key")) in keys:
        return [(match.group("key"), match.group("desc").strip())]
    inline = re.findall(r"(?P<desc>[^,()]{3,80}?)\s*\((?P<key>[A-Za-z]{1,7})\)", text)
    return [(key, desc.strip(" ,.")) for desc, key in inline if fold(key) in keys]


def find_legend(lines: list[Line], municipality: str | None) -> Legend | None:
    """The first legend with at least two entries close together, or None."""
    keys, _ = _vocabulary()
    found: list[tuple[int, str, str]] = []
    for index, line in enumerate(lines):
        for key, description in _entries_on_line(line.text, keys):
            found.append((index, key, description))
        if fold(line.text) in keys and len(line.text) <= 7:
            following = [ln for ln in lines[index + 1 : index + 3] if ln.text.strip() not in {"=", ":"}]
            if following and len(following[0].text) <= _MAX_DESCRIPTION and fold(following[0].text) not in keys:
                found.append((index, line.text, following[0].text))
    groups: list[list[tuple[int, str, str]]] = []
    for entry in found:
        if groups and entry[0] - groups[-1][-1][0] <= _WINDOW:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    for group in groups:
        if len({fold(key) for _, key, _ in group}) < _MIN_ENTRIES:
            continue
        legend = Legend(line=lines[group[0][0]].number)
        for _, key, description in group:
            status = _status_of(description, key, municipality)
            if status is None or label_key(key) in legend.mapping:
                continue
            legend.entries.append((key, description, status))
            legend.mapping[label_key(key)] = status
            legend.mapping.setdefault(label_key(description), status)
        if len(legend.entries) >= _MIN_ENTRIES:
            return legend
    return None
