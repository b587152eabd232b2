"""Comparisons across documents and municipalities as plain functions, and the population table users provide."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.comparisons import Account, direction, peer_figures, statuses_side_by_side
from dashboard.population import PopulationError, read_population
from dashboard.stages import Report


@pytest.mark.parametrize(
    ("kind", "difference", "costs_positive", "expected"),
    [
        ("lasten", 100.0, True, "N"),  # printed as positive costs: more is worse
        ("lasten", -100.0, False, "N"),  # printed as negative costs: more negative is worse
        ("baten", 100.0, True, "V"),
        ("saldo", -100.0, True, "N"),
        ("lasten", 0.0, True, None),
    ],
)
def test_a_change_is_favourable_or_not_by_what_the_line_holds(kind, difference, costs_positive, expected):
    assert direction(kind, difference, costs_positive) == expected


def _report(doc_id: str) -> Report:
    return Report(doc_id, doc_id, 2024, "amendment", (2024, 35, ""), ())


def test_statuses_side_by_side_mark_what_got_better_worse_or_stayed():
    rows = [
        ("a", "k1", "1.1", "Jeugd", "on_track"), ("b", "k1", "1.1", "Jeugd", "partly"),
        ("a", "k2", "1.2", "Wmo", "council_action"), ("b", "k2", "1.2", "Wmo", "on_track"),
        ("a", "k3", "1.3", "Werk", "on_track"), ("b", "k3", "1.3", "Werk", "on_track"),
    ]
    statuses = pd.DataFrame(
        [{"doc_id": d, "activity_key": k, "code": c, "name": n, "status": s, "period": "2e VGR 2024",
          "period_order": 1, "line": 1} for d, k, c, n, s in rows]
    )
    compared = statuses_side_by_side(statuses, _report("a"), _report("b"))
    assert compared["change"].tolist() == ["▼", "▲", "="]


def test_the_same_programme_is_found_by_name_in_other_municipalities_and_per_inhabitant():
    def figures(scope: str, amount: float, year: int) -> Account:
        return Account(pd.DataFrame([{"scope": scope, "kind": "lasten", "amount_eur": amount, "line": 4}]), year, "JR")

    population = pd.DataFrame([{"municipality": "Ede", "year": 2023, "inhabitants": 100_000}])
    found = peer_figures(
        "1 Sociaal domein",
        "lasten",
        {"Ede": figures("Programma 3 Sociaal domein", 50_000_000, 2023), "Epe": figures("Verkeer", 1.0, 2023)},
        population,
    )
    assert found[["municipality", "scope", "per_inhabitant"]].values.tolist() == [
        ["Ede", "Programma 3 Sociaal domein", 500.0]
    ]


def test_a_population_table_gives_inhabitants_per_municipality_and_year():
    table = read_population(b"gemeentecode;jaar;inwoners\nGM0221;2024;11.500\nGM0299;2024;44000\n")
    assert table.values.tolist() == [["Doesburg", 2024, 11500], ["Zevenaar", 2024, 44000]]


def test_a_population_row_that_cannot_be_used_is_named_by_its_line():
    with pytest.raises(PopulationError, match="Regel 3 van het inwonersbestand"):
        read_population(b"gemeentecode,jaar,inwoners\nGM0221,2024,11500\nGM9999,2024,veel\n")


def test_a_population_table_without_an_inhabitants_column_says_which_is_missing():
    with pytest.raises(PopulationError, match="inwoners"):
        read_population(b"gemeentecode;jaar\nGM0221;2024\n")
