"""What changed between two reports of a municipality: per activity improved, worsened, unchanged, new, dropped or
renumbered (a linked activity under another code), and a word-level diff of its narrative and proposal (difflib)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import pandas as pd

from dashboard.linking import Link
from dashboard.stages import Report, rows_of
from model.statuses import SEVERITY

KINDS = ("worsened", "improved", "renumbered", "new", "dropped", "unchanged")


@dataclass(frozen=True)
class Change:
    """One activity between the first and the second report: what happened, both codes, names and statuses, and
    the word diffs of its narrative and proposal (empty when the text stayed the same)."""

    kind: str
    code_a: str | None
    code_b: str | None
    name: str
    status_a: str | None
    status_b: str | None
    progress: list[tuple[str, str]]
    proposal: list[tuple[str, str]]


def word_diff(before: object, after: object) -> list[tuple[str, str]]:
    """(operation, words) runs from `before` to `after` (texts; anything else counts as none): 'equal', 'delete'
    or 'insert'; [] when they are equal."""
    old = before.split() if isinstance(before, str) else []
    new = after.split() if isinstance(after, str) else []
    if old == new:
        return []
    runs: list[tuple[str, str]] = []
    for operation, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if operation in ("delete", "replace"):
            runs.append(("delete", " ".join(old[a1:a2])))
        if operation in ("insert", "replace"):
            runs.append(("insert", " ".join(new[b1:b2])))
        if operation == "equal":
            runs.append(("equal", " ".join(old[a1:a2])))
    return runs


def _kind(status_a: str | None, status_b: str | None, renumbered: bool) -> str:
    if renumbered:
        return "renumbered"
    if status_a in SEVERITY and status_b in SEVERITY and SEVERITY[status_a] != SEVERITY[status_b]:
        return "worsened" if SEVERITY[status_b] > SEVERITY[status_a] else "improved"
    return "unchanged"


def changes_between(
    activities: pd.DataFrame, statuses: pd.DataFrame, links: list[Link], first: Report, second: Report
) -> list[Change]:
    """Every activity of either report, paired by key or by a link that holds, in the order of the second."""
    def of(report: Report) -> dict[str, object]:
        return {row.activity_key: row for row in rows_of(activities[activities["doc_id"] == report.doc_id])}

    def status(report: Report) -> dict[str, str]:
        own = statuses[statuses["doc_id"] == report.doc_id]
        return dict(zip(own["activity_key"], own["status"], strict=True))

    before, after = of(first), of(second)
    status_a, status_b = status(first), status(second)
    linked = {link.earlier: link.later for link in links if link.holds}
    pairs = {key: key for key in after if key in before}
    pairs |= {old: new for old, new in linked.items() if old in before and new in after and new not in pairs.values()}
    found = []
    for new_key, row in after.items():
        old_key = next((old for old, new in pairs.items() if new == new_key), None)
        if old_key is None:
            found.append(Change("new", None, row.code, row.name, None, status_b.get(new_key), [], []))
            continue
        old = before[old_key]
        kind = _kind(status_a.get(old_key), status_b.get(new_key), old_key != new_key)
        found.append(
            Change(kind, old.code, row.code, row.name, status_a.get(old_key), status_b.get(new_key),
                   word_diff(old.progress, row.progress), word_diff(old.proposal, row.proposal))
        )
    found += [
        Change("dropped", row.code, None, row.name, status_a.get(key), None, [], [])
        for key, row in before.items()
        if key not in pairs
    ]
    return found
