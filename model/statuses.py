"""Status vocabulary: maps raw labels (as printed) to the normalized statuses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from model.text import fold
from model.vocabulary import load_vocabulary

Status = Literal["on_track", "partly", "council_action", "done", "unknown"]
STATUSES: tuple[Status, ...] = ("on_track", "partly", "council_action", "done", "unknown")
# How much a status asks for attention, lowest first: what "improved" and "worsened" compare ('unknown' has none).
SEVERITY: dict[str, int] = {"done": 0, "on_track": 1, "partly": 2, "council_action": 3}


@dataclass(frozen=True)
class StatusMatch:
    """Outcome of looking up a raw label: the normalized status and whether the vocabulary knew the label."""

    status: Status
    known: bool


def label_key(label: str) -> str:
    """Comparison key of a label; labels that are only punctuation ("-") keep their characters."""
    return fold(label) or label.strip()


def _table(entries: dict[str, list[str]]) -> dict[str, Status]:
    table: dict[str, Status] = {}
    for status, labels in entries.items():
        if status not in STATUSES:
            raise ValueError(f"status vocabulary names unknown status {status!r}; use one of {', '.join(STATUSES)}")
        for label in labels:
            table.setdefault(label_key(label), status)  # first mention wins
    return table


@cache
def _lookup_tables(municipality: str | None) -> tuple[dict[str, Status], ...]:
    vocabulary = load_vocabulary("statuses")
    tables = []
    if municipality:
        per_town = {fold(name): value for name, value in vocabulary.get("municipality", {}).items()}
        specific = per_town.get(fold(municipality), {}).get("statuses")
        if specific:
            tables.append(_table(specific))
    tables.append(_table(vocabulary["statuses"]))
    return tuple(tables)


def match_status(label: str, municipality: str | None = None, extra: dict[str, Status] | None = None) -> StatusMatch:
    """Look up `label`; `extra` (e.g. a document's own legend) wins over the municipality and general lists."""
    key = label_key(label)
    tables = ((extra,) if extra else ()) + _lookup_tables(municipality)
    for table in tables:
        if key in table:
            return StatusMatch(table[key], True)
    return StatusMatch("unknown", False)

