"""Dashboard queries against the sample database: aggregation in DuckDB, filters as parameters."""

from __future__ import annotations

from dashboard import queries
from dashboard.selection import Selection

ZEVENAAR = Selection(municipality="Zevenaar")


def test_status_counts_per_period(samples_db):
    counts = queries.status_counts(ZEVENAAR, path=samples_db)
    table = {(row.period, row.status): row.n for row in counts.itertuples()}
    assert table[("2e VGR 2019", "partly")] == 5 and table[("Rekening 2018", "on_track")] == 11


def test_filter_options_narrow_each_other(samples_db):
    options = queries.filter_options(ZEVENAAR, path=samples_db)
    assert options["programme"] == ["6. Sociaal domein"]
    assert options["period"] == ["Rekening 2018", "1e VGR 2019", "2e VGR 2019"]
    assert list(options["document"]) == ["Zevenaar — 2e Voortgangsrapportage 2019"]


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
