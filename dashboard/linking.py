"""One activity's story across a municipality's documents when its code changes: an activity that is no longer
reported is linked to one that first appears in the next report by the likeness of their names (RapidFuzz) and of
their place (programme, theme), with a confidence. Sure links are assumed, likely ones proposed; a user's decision
(confirmed, rejected, or a link made by hand) always wins. Pure functions; the decisions are stored by the store."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

from dashboard.stages import Report, rows_of
from model.text import fold

SURE = 90  # from this confidence a link is assumed; below it, down to LIKELY, it is proposed
LIKELY = 60
_NAME_WEIGHT = 0.75


@dataclass(frozen=True)
class Link:
    """Two keys of one activity: the earlier one (no longer reported) and the later one, how sure, and its state:
    'assumed' (sure), 'proposed' (likely), 'confirmed' or 'rejected' (a user's decision)."""

    earlier: str
    later: str
    confidence: int | None
    state: str

    @property
    def holds(self) -> bool:
        """True when the two keys count as one activity."""
        return self.state in ("assumed", "confirmed")


@dataclass(frozen=True)
class Seen:
    """Where an activity key appears: the first and last report (by position) and what it was called last."""

    first: int
    last: int
    code: str | None
    name: str
    place: str


def _seen(reports_: list[Report], activities: pd.DataFrame) -> dict[str, Seen]:
    position = {report.doc_id: number for number, report in enumerate(reports_)}
    seen: dict[str, Seen] = {}
    for row in sorted(rows_of(activities), key=lambda r: position.get(r.doc_id, -1)):
        at = position.get(row.doc_id)
        if at is None:
            continue
        place = " ".join(fold(p) for p in (row.programme, row.theme) if isinstance(p, str))
        code = row.code if isinstance(row.code, str) else None
        first = seen[row.activity_key].first if row.activity_key in seen else at
        seen[row.activity_key] = Seen(first, at, code, row.name, place)
    return seen


def confidence(earlier: Seen, later: Seen) -> int:
    """How sure two activities are one: mostly the likeness of their names, partly of their place."""
    name = fuzz.token_set_ratio(fold(earlier.name), fold(later.name))
    place = fuzz.token_set_ratio(earlier.place, later.place) if earlier.place and later.place else name
    return round(_NAME_WEIGHT * name + (1 - _NAME_WEIGHT) * place)


def find_links(reports_: list[Report], activities: pd.DataFrame, decisions: pd.DataFrame) -> list[Link]:
    """Every link among the municipality's activities: the best candidate of each activity that stops being
    reported among those that start in the next report with activities, and the user's own links."""
    seen = _seen(reports_, activities)
    decided = {(d.from_key, d.to_key): d.decision for d in rows_of(decisions)}
    position = {report.doc_id: number for number, report in enumerate(reports_)}
    with_activities = sorted({position[doc] for doc in set(activities["doc_id"].tolist()) if doc in position})
    following = dict(itertools.pairwise(with_activities))
    candidates = []
    starting: dict[int, list[tuple[str, Seen]]] = {}
    for key, where in seen.items():
        starting.setdefault(where.first, []).append((key, where))
    for earlier, before in seen.items():
        after = following.get(before.last)
        for later, then in starting.get(after, []) if after is not None else []:
            candidates.append((confidence(before, then), earlier, later))
    links, used = [], set()
    for score, earlier, later in sorted(candidates, reverse=True):
        state = decided.get((earlier, later))
        if state is None and (score < LIKELY or earlier in used or later in used):
            continue
        links.append(Link(earlier, later, score, state or ("assumed" if score >= SURE else "proposed")))
        if state != "rejected":
            used |= {earlier, later}
    known = {(link.earlier, link.later) for link in links}
    links += [
        Link(earlier, later, None, "confirmed")
        for (earlier, later), state in decided.items()
        if state == "confirmed" and (earlier, later) not in known
    ]
    return links


def story(key: str, links: list[Link]) -> list[str]:
    """Every key that holds one activity together with `key` (itself included)."""
    holding = [link for link in links if link.holds]
    keys, changed = {key}, True
    while changed:
        changed = False
        for link in holding:
            if (link.earlier in keys) != (link.later in keys):
                keys |= {link.earlier, link.later}
                changed = True
    return sorted(keys)


def links_of(key: str, links: list[Link]) -> list[Link]:
    """The links that name `key` (to show and decide on)."""
    return [link for link in links if key in (link.earlier, link.later)]
