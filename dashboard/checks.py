"""The controller's checks across a municipality's documents (`voortgang checks` and Financiën): unexplained
deviations above the explanation threshold, statuses that contradict the money, budget stages that do not follow,
and each document's own failed checks. Pure functions over dashboard/check_queries' frames, except `find_checks`."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from dashboard import check_queries, strings
from dashboard.format import euro
from dashboard.money_queries import CHECK_CODES
from dashboard.stages import Cycle, Report, cycle, rows_of, stage_rows
from model.municipalities import find_municipality
from model.text import fold
from model.vocabulary import load_vocabulary
from model.warnings import describe

_ROUNDING = 1_000  # amended budgets printed in thousands may differ by rounding
_ON_TRACK = ("on_track", "done")
_EXPLAINED = ("lasten", "baten")
_AMOUNT = re.compile(r"€\s?\d|\d\s?euro\b", re.IGNORECASE)


@dataclass(frozen=True)
class Threshold:
    """Above what a deviation must be explained, and who says so (the document, the municipality, the default)."""

    eur: float | None
    percent: float | None
    source: str

    def exceeded(self, amount: float, budget: float | None = None) -> bool:
        """True when `amount` is above the amount, or above the share of `budget` (either one, as documents say)."""
        over_eur = self.eur is not None and abs(amount) > self.eur
        over_share = self.percent is not None and bool(budget) and abs(amount) / abs(budget) * 100 > self.percent
        return over_eur or over_share

    def describe(self) -> str:
        """'€ 25.000 (het document, regel 337)' in Dutch."""
        parts = [euro(self.eur)] if self.eur is not None else []
        parts += [f"{self.percent:g}%"] if self.percent is not None else []
        return f"{strings.OR.join(parts)} ({self.source})"


@dataclass(frozen=True)
class Finding:
    """One failed check: its code and severity, the documents and place, and a one-line Dutch explanation."""

    code: str
    severity: str
    municipality: str
    documents: tuple[str, ...]
    line: int | None
    page: int | None
    explanation: str
    detail: str | None = None  # what the loader noted (English) for a document's own failed check

    def as_json(self) -> dict:
        """The finding as `voortgang checks --json` prints it."""
        return {**asdict(self), "documents": list(self.documents), "meaning": describe(self.code).dutch}


def _finding(
    code: str, town: str, docs: list[Report], line: int | None, text: str, detail: str | None = None
) -> Finding:
    titles = tuple(d.title for d in docs)
    return Finding(code, describe(code).severity.value, town, titles, line, docs[0].page(line), text, detail)


@cache
def _vocabulary() -> dict:
    return load_vocabulary("budget")["explanation_threshold"]


@lru_cache(maxsize=4096)
def threshold_of(report: Report, municipality: str) -> Threshold:
    """The document's own threshold, else the one the vocabulary names for the municipality, else the default."""
    if report.threshold_eur is not None or report.threshold_percent is not None:
        return Threshold(
            report.threshold_eur,
            report.threshold_percent,
            strings.THRESHOLD_FROM_DOCUMENT.format(line=report.threshold_line or "?"),
        )
    known = find_municipality(municipality)
    agreed = _vocabulary()["municipalities"].get(known.code if known else "", {})
    if agreed:
        return Threshold(agreed.get("eur"), agreed.get("percent"), strings.THRESHOLD_FROM_VOCABULARY)
    return default_threshold()


def default_threshold() -> Threshold:
    """The threshold used where neither the document nor the vocabulary states one."""
    return Threshold(float(_vocabulary()["default_eur"]), None, strings.THRESHOLD_DEFAULT)


def unexplained(town: str, cyc: Cycle) -> list[Finding]:
    """deviation-unexplained: items without explanation, and differences of a money table that no item explains,
    above the threshold."""
    found = []
    items_of, lines_of = _by_document(cyc.items), _by_document(cyc.lines)
    for report in cyc.reports:
        limit = threshold_of(report, town)
        items, money = items_of.get(report.doc_id, []), lines_of.get(report.doc_id, [])
        budgets = {r.key: r.amount_eur for r in money if r.column_kind == "actuele_begroting"}
        for item in items:
            explained = isinstance(item.explanation, str) and item.explanation.strip()
            if not explained and limit.exceeded(item.amount_eur, budgets.get(item.key)):
                text = strings.FINDING_ITEM_UNEXPLAINED.format(
                    item=item.item, amount=euro(item.amount_eur), direction=item.direction, threshold=limit.describe()
                )
                found.append(_finding("deviation-unexplained", town, [report], _line(item.line), text))
        keys = {item.key for item in items}
        for row in money:
            # lasten and baten lines: saldo, reserve and result rows are explained through the lines they sum
            if row.column_kind != "verschil" or row.is_total or row.kind not in _EXPLAINED or row.key in keys:
                continue
            if not limit.exceeded(row.amount_eur, budgets.get(row.key)):
                continue
            text = strings.FINDING_DIFFERENCE_UNEXPLAINED.format(
                scope=row.scope, kind=row.kind, amount=euro(abs(row.amount_eur)), direction=row.direction or "",
                threshold=limit.describe(),
            )
            found.append(_finding("deviation-unexplained", town, [report], _line(row.line), text.replace("  ", " ")))
    return found


def _by_document(frame: pd.DataFrame) -> dict[str, list]:
    """The rows of `frame` per doc_id, read in one pass (row access on Arrow-backed frames is slow)."""
    grouped: dict[str, list] = {}
    for row in rows_of(frame):
        grouped.setdefault(row.doc_id, []).append(row)
    return grouped


def _line(value: object) -> int | None:
    return int(value) if value is not None and pd.notna(value) else None


def _unfavourable(cyc: Cycle) -> dict[tuple[str, str], float]:
    """(doc_id, scope key) → the largest N difference or N item of that scope in that document."""
    found: dict[tuple[str, str], float] = {}
    money, items = cyc.lines, cyc.items
    marked = money[(money["column_kind"] == "verschil") & (money["direction"] == "N")]
    items = items[items["direction"] == "N"]
    for doc_id, key, amount in [
        *zip(marked["doc_id"], marked["key"], marked["amount_eur"].abs(), strict=True),
        *zip(items["doc_id"], items["key"], items["amount_eur"], strict=True),
    ]:
        found[(doc_id, key)] = max(amount, found.get((doc_id, key), 0.0))
    return found


@cache
def _consequence_words() -> tuple[str, ...]:
    return tuple(fold(w) for w in load_vocabulary("budget")["money_consequence_words"])


def status_money(town: str, cyc: Cycle, statuses: pd.DataFrame) -> list[Finding]:
    """status-money-mismatch (`statuses`: each document's latest status per activity, check_queries.statuses): an
    activity or theme on track (or done) in a report while its own budget line, in
    that report or the next, is unfavourable above the threshold; and one needing the council whose text names a
    money consequence that no money line or deviation item of that report shows."""
    found = []
    overspent = _unfavourable(cyc)
    with_money = set(zip(cyc.lines["doc_id"], cyc.lines["key"], strict=True))
    with_money |= set(zip(cyc.items["doc_id"], cyc.items["key"], strict=True))
    latest_of = _by_document(statuses)
    for position, report in enumerate(cyc.reports):
        following = cyc.reports[position + 1 : position + 2]
        for row in latest_of.get(report.doc_id, []):
            if not isinstance(row.code, str):
                continue
            if row.status in _ON_TRACK:
                for other in [report, *following]:
                    amount = overspent.get((other.doc_id, row.code), 0.0)
                    if threshold_of(other, town).exceeded(amount):
                        text = strings.FINDING_ON_TRACK_OVERSPENT.format(
                            code=row.code, name=row.name, status=row.status_raw, period=row.period,
                            amount=euro(amount), document=other.title,
                        )
                        docs = [report, *([other] if other != report else [])]
                        found.append(_finding("status-money-mismatch", town, docs, _line(row.line), text))
                        break
            elif row.status == "council_action" and (report.doc_id, row.code) not in with_money:
                said = " ".join(t for t in (row.progress, row.proposal) if isinstance(t, str))
                if _AMOUNT.search(said) or any(word in fold(said) for word in _consequence_words()):
                    text = strings.FINDING_COUNCIL_WITHOUT_MONEY.format(code=row.code, name=row.name, period=row.period)
                    found.append(_finding("status-money-mismatch", town, [report], _line(row.line), text))
    return found


def stage_checks(town: str, cyc: Cycle) -> list[Finding]:
    """stage-mismatch: the annual account's amended budget differs from the original plus the amendments loaded
    in between; its actuals differ from the last amendment by more than the threshold without an explanation."""
    found = []
    by_id = {r.doc_id: r for r in cyc.reports}
    explained = set(zip(cyc.items["doc_id"], cyc.items["key"], strict=True))
    for year in cyc.years:
        groups: dict[tuple[str, str], list[dict]] = {}
        for row in stage_rows(cyc, year):
            if not row["total"]:
                groups.setdefault((row["key"], row["kind"]), []).append(row)
        for (key, kind), steps in groups.items():
            roles = [step["role"] for step in steps]
            if "original" not in roles or "amendment" not in roles or "actuals" not in roles:
                continue
            last = [step for step in steps if step["role"] == "amendment"][-1]
            actual = next(step for step in steps if step["role"] == "actuals")
            account, forecast_doc = by_id[actual["doc_id"]], by_id[last["doc_id"]]
            amendment_docs = [by_id[step["doc_id"]] for step in steps if step["role"] == "amendment"]
            amended = cyc.figures[year][(key, kind)].get((account.doc_id, "actuele_begroting"))
            if amended is not None and abs(amended.amount - last["amount"]) > _ROUNDING:
                text = strings.FINDING_STAGE_AMENDED.format(
                    scope=last["scope"], kind=kind, year=year, account=euro(amended.amount),
                    expected=euro(last["amount"]), document=last["title"],
                )
                found.append(_finding("stage-mismatch", town, [account, *amendment_docs], amended.line, text))
            gap = actual["amount"] - last["amount"]
            if threshold_of(account, town).exceeded(gap, last["amount"]) and (account.doc_id, key) not in explained:
                text = strings.FINDING_STAGE_ACTUALS.format(
                    scope=last["scope"], kind=kind, year=year, actual=euro(actual["amount"]),
                    forecast=euro(last["amount"]), document=last["title"], gap=euro(abs(gap)),
                )
                found.append(_finding("stage-mismatch", town, [account, forecast_doc], actual["line"], text))
    return found


def within_documents(town: str, docs: list[Report], warnings: pd.DataFrame) -> list[Finding]:
    """Each document's own failed checks (totals, differences, N/V, explanation amounts), in the same list."""
    by_id = {r.doc_id: r for r in docs}
    return [
        _finding(row.code, town, [by_id[row.doc_id]], _line(row.line), describe(row.code).dutch + ".", row.message)
        for row in warnings.itertuples()
        if row.doc_id in by_id
    ]


def find_checks(municipality: str, path: Path | None = None, cyc: Cycle | None = None) -> list[Finding]:
    """Every finding for one municipality's loaded documents (`cyc`: its cycle, when already read), in document and
    line order."""
    cyc = cyc or municipality_cycle(municipality, path)
    statuses = check_queries.statuses(municipality, path)
    warnings = check_queries.check_warnings(municipality, CHECK_CODES, path)
    found = [
        *unexplained(municipality, cyc),
        *status_money(municipality, cyc, statuses),
        *stage_checks(municipality, cyc),
        *within_documents(municipality, cyc.reports, warnings),
    ]
    order = {r.title: number for number, r in enumerate(cyc.reports)}
    return sorted(found, key=lambda f: (order.get(f.documents[0], 0), f.line or 0, f.code))


def municipality_cycle(municipality: str, path: Path | None = None) -> Cycle:
    """The municipality's documents, money lines and deviation items as one indexed cycle."""
    return cycle(
        check_queries.documents(municipality, path),
        check_queries.money_lines(municipality, path),
        check_queries.deviations(municipality, path),
    )
