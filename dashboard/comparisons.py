"""Comparisons across documents, pure: two documents side by side (money, statuses, explanations), one line over
the years, and the same line in other municipalities (per inhabitant where a population table is given)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process

from dashboard.stages import MEASURE, Cycle, Report, stage_rows
from model.statuses import SEVERITY
from model.text import fold

_FALLBACK = ("rekening", "actuele_begroting", "begroting")
_CHANGE = {1: "▲", -1: "▼", 0: "="}
_PEER_CUTOFF = 80
_CODE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,3})*\.?\s*")


def main_figures(lines: pd.DataFrame, report: Report) -> pd.DataFrame:
    """A document's own figure per scope and kind (`lines`: keyed, as in a Cycle): what its part in the cycle states
    for its year (the begroting's budget, an amendment's amended budget, the account's actuals), else the first of
    actuals, amended budget and budget."""
    own = lines[lines["doc_id"] == report.doc_id]
    own = own[own["year"] == report.year] if report.year is not None else own
    preferred = [MEASURE[report.role]] if report.role else []
    rank = {kind: number for number, kind in enumerate([*preferred, *_FALLBACK])}
    own = own[own["column_kind"].isin(list(rank))].assign(rank=own["column_kind"].map(rank))
    chosen = own.sort_values(["rank", "seq"]).drop_duplicates(["key", "kind"], keep="first")
    return chosen.sort_values("seq")[["key", "scope", "kind", "column_label", "amount_eur", "line", "is_total"]]


def _costs_positive(lines: pd.DataFrame, doc_id: str) -> bool:
    costs = lines[(lines["doc_id"] == doc_id) & (lines["kind"] == "lasten") & (lines["amount_eur"] != 0)]
    return costs.empty or (costs["amount_eur"] > 0).mean() >= 0.5


def direction(kind: str, difference: float, costs_positive: bool) -> str | None:
    """'V' when the change is favourable (less cost, more income, a better balance), 'N' when not, None for none."""
    if abs(difference) < 0.5:
        return None
    favourable = -difference if kind == "lasten" and costs_positive else difference
    return "V" if favourable > 0 else "N"


def money_side_by_side(lines: pd.DataFrame, first: Report, second: Report) -> pd.DataFrame:
    """Per scope and kind both documents' own figures, the difference (second − first) and its N/V."""
    left, right = main_figures(lines, first), main_figures(lines, second)
    both = left.merge(right, on=["key", "kind"], how="outer", suffixes=("_a", "_b"))
    positive = _costs_positive(lines, second.doc_id)
    difference = both["amount_eur_b"] - both["amount_eur_a"]
    return pd.DataFrame(
        {
            "scope": both["scope_b"].fillna(both["scope_a"]),
            "kind": both["kind"],
            "column_a": both["column_label_a"],
            "amount_a": both["amount_eur_a"],
            "column_b": both["column_label_b"],
            "amount_b": both["amount_eur_b"],
            "difference": difference,
            "direction": [
                direction(k, d, positive) if pd.notna(d) else None
                for k, d in zip(both["kind"], difference, strict=True)
            ],
            "line_a": both["line_a"],
            "line_b": both["line_b"],
        }
    )


def statuses_side_by_side(statuses: pd.DataFrame, first: Report, second: Report) -> pd.DataFrame:
    """Per activity its latest status in each document (`statuses`: check_queries.statuses, one per document and
    activity) and whether it got better (▲), worse (▼) or stayed (=)."""

    def of(report: Report) -> pd.DataFrame:
        own = statuses[statuses["doc_id"] == report.doc_id]
        return own[["activity_key", "code", "name", "status", "period", "line"]]

    both = of(first).merge(of(second), on="activity_key", how="outer", suffixes=("_a", "_b"))
    change = [
        _CHANGE[(SEVERITY[a] > SEVERITY[b]) - (SEVERITY[a] < SEVERITY[b])]
        if isinstance(a, str) and isinstance(b, str)
        else None
        for a, b in zip(both["status_a"], both["status_b"], strict=True)
    ]
    return pd.DataFrame(
        {
            "code": both["code_b"].fillna(both["code_a"]),
            "name": both["name_b"].fillna(both["name_a"]),
            "status_a": both["status_a"],
            "status_b": both["status_b"],
            "change": change,
            "line_a": both["line_a"],
            "line_b": both["line_b"],
        }
    ).sort_values("code", na_position="last")


def changed_explanations(items: pd.DataFrame, first: Report, second: Report) -> pd.DataFrame:
    """Per scope the explanations of both documents (`items`: keyed, as in a Cycle), where they differ."""


    def texts(report: Report) -> pd.DataFrame:
        own = items[items["doc_id"] == report.doc_id]
        joined = own.groupby("key", sort=False).agg(
            item=("item", "first"), explanation=("explanation", lambda t: "\n".join(x for x in t if isinstance(x, str)))
        )
        return joined.reset_index()

    both = texts(first).merge(texts(second), on="key", how="outer", suffixes=("_a", "_b"))
    both = both.assign(explanation_a=both["explanation_a"].fillna(""), explanation_b=both["explanation_b"].fillna(""))
    differ = both[both["explanation_a"] != both["explanation_b"]]
    return pd.DataFrame(
        {
            "item": differ["item_b"].fillna(differ["item_a"]),
            "explanation_a": differ["explanation_a"],
            "explanation_b": differ["explanation_b"],
        }
    )


def over_years(cyc: Cycle, key: str, kind: str) -> pd.DataFrame:
    """One scope and kind over every loaded year: the original budget, the last amended budget and the actuals."""
    rows = []
    for year in sorted(cyc.years):
        steps = [row for row in stage_rows(cyc, year) if row["key"] == key and row["kind"] == kind]
        if not steps:
            continue
        by_role = {row["role"]: row["amount"] for row in steps}  # the last of each role: the last amendment
        rows.append(
            {
                "year": year,
                **{role: by_role.get(role) for role in MEASURE},
                "documents": "; ".join(dict.fromkeys(row["title"] for row in steps)),
            }
        )
    return pd.DataFrame(rows, columns=["year", *MEASURE, "documents"])


def scope_name(scope: str) -> str:
    """The words of a scope without its code and generic words: what other municipalities' lines are matched on."""
    return fold(_CODE.sub("", scope))


@dataclass(frozen=True)
class Account:
    """A municipality's newest figures: main_figures of its newest annual account (else newest money document)."""

    figures: pd.DataFrame
    year: int | None
    title: str


def newest_account(cyc: Cycle) -> Account | None:
    """The Account of a cycle; None when no document of it has money lines."""
    with_money = set(cyc.lines["doc_id"].tolist())
    documents = [r for r in cyc.reports if r.doc_id in with_money]
    if not documents:
        return None
    chosen = ([r for r in documents if r.role == "actuals"] or documents)[-1]
    return Account(main_figures(cyc.lines, chosen), chosen.year, chosen.title)


def peer_figures(scope: str, kind: str, accounts: dict[str, Account], population: pd.DataFrame | None) -> pd.DataFrame:
    """The line most like `scope` (by name) in each municipality's newest account, with the inhabitants of that
    year where `population` gives them."""
    rows = []
    for town, account in accounts.items():
        own = account.figures
        names = {index: scope_name(s) for index, s in own[own["kind"] == kind]["scope"].items()}
        match = process.extractOne(scope_name(scope), names, scorer=fuzz.token_set_ratio, score_cutoff=_PEER_CUTOFF)
        if match is None:
            continue
        row = own.loc[match[2]]
        rows.append(
            {
                "municipality": town,
                "scope": row["scope"],
                "match": round(match[1]),
                "year": account.year,
                "amount": row["amount_eur"],
                "document": account.title,
                "line": row["line"],
            }
        )
    found = pd.DataFrame(rows, columns=["municipality", "scope", "match", "year", "amount", "document", "line"])
    if population is not None and not found.empty:
        found = found.merge(population, on=["municipality", "year"], how="left")
        found = found.assign(per_inhabitant=found["amount"] / found["inhabitants"])
    return found
