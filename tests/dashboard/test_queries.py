"""Dashboard queries against the sample database: aggregation in DuckDB, filters as parameters."""

from __future__ import annotations

from dashboard import filter_queries, money_queries, queries
from dashboard.selection import Selection

ZEVENAAR = Selection(municipality="Zevenaar")


def test_status_counts_per_period(samples_db):
    counts = queries.status_counts(ZEVENAAR, path=samples_db)
    table = {(row.period, row.status): row.n for row in counts.itertuples()}
    assert table[("2e VGR 2019", "partly")] == 5 and table[("Rekening 2018", "on_track")] == 11


def test_filter_options_narrow_each_other(samples_db):
    options = filter_queries.filter_options(ZEVENAAR, path=samples_db)
    assert options["programme"] == ["6. Sociaal domein"]
    assert options["period"] == ["Rekening 2018", "1e VGR 2019", "2e VGR 2019"]
    assert list(options["document"]) == ["2e Voortgangsrapportage 2019 (2019)"]


def test_theme_filter(samples_db):
    selection = Selection(municipality="Zevenaar", theme="6.3 (Arbeids)Participatie")
    facts = queries.status_facts(selection, path=samples_db)
    assert sorted(facts["code"].unique()) == ["6.3.1", "6.3.2", "6.3.3", "6.3.4"]


def test_transitions_count_worsened_activities(samples_db):
    moves = queries.transitions(ZEVENAAR, "1e VGR 2019", "2e VGR 2019", path=samples_db)
    assert moves.groupby("change")["n"].sum().to_dict() == {"unchanged": 11, "worsened": 3}


def test_attention_lists_council_action_first(samples_db):
    attention = queries.attention(ZEVENAAR, "1e VGR 2019", "2e VGR 2019", path=samples_db)
    assert list(attention["code"]) == ["6.1.4", "6.1.5", "6.2.2", "6.2.3"]
    assert list(attention["council_action"]) == [True, False, False, False]


def test_activity_search_matches_code_name_or_text(samples_db):
    assert list(queries.activities(ZEVENAAR, "6.3", path=samples_db)["code"]) == ["6.3.1", "6.3.2", "6.3.3", "6.3.4"]
    assert list(queries.activities(ZEVENAAR, "DoeDuiten", path=samples_db)["code"]) == []
    assert list(queries.activities(ZEVENAAR, "Krachtlokaal", path=samples_db)["code"]) == ["6.1.1"]


def _ooststellingwerf(samples_db) -> str:
    return money_queries.finance_documents(Selection(municipality="Ooststellingwerf"), path=samples_db)["doc_id"][0]


def test_budget_comparison_pivots_measures_per_theme(samples_db):
    frame = money_queries.budget_comparison(_ooststellingwerf(samples_db), "baten", path=samples_db)
    participatie = frame[frame["scope"] == "1.3 Thema Participatie"].iloc[0]
    assert (participatie["primitieve"], participatie["actuele"], participatie["realisatie"]) == (2000, 2000, 545000)


def test_scope_deviations_are_positive_when_favourable(samples_db):
    frame = money_queries.scope_deviations(_ooststellingwerf(samples_db), "lasten", path=samples_db)
    assert dict(zip(frame["scope"], frame["amount"], strict=True))["1.3 Thema Participatie"] == 66000


def test_deviation_items_with_parts(samples_db):
    doc = _ooststellingwerf(samples_db)
    items = money_queries.deviations(doc, path=samples_db)
    assert items["signed"].sum() == 127000
    jeugd = items[items["item"] == "Jeugdzorg"].iloc[0]
    parts = money_queries.deviation_parts(doc, int(jeugd["seq"]), path=samples_db)
    assert list(parts["amount_eur"]) == [360000, 33000] and list(parts["direction"]) == ["N", "V"]


def test_indicators_with_values_in_period_order(tmp_path):
    from loaders.extract import parse_text
    from loaders.store import load_extractions

    text = "Indicatoren\n2.1 Werk\nBanen per 1.000 inwoners | |\n2021 | 2020\n640 | 612,5\nBron: | CBS\n"
    db = tmp_path / "v.duckdb"
    load_extractions([parse_text(text, str(tmp_path / "a.txt"), "1" * 64, "Ede")], db)
    [row] = queries.indicators(Selection(), path=db).itertuples()
    assert (list(row.periods), list(row.values), row.source) == (["2020", "2021"], [612.5, 640.0], "CBS")
