"""Linking activities across reports and diffing their words, as plain functions."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from dashboard.changes import word_diff
from dashboard.linking import Link, find_links, story
from dashboard.stages import Report

REPORTS = [
    Report("a", "1e VGR", 2024, "amendment", (2024, 35, ""), ()),
    Report("b", "2e VGR", 2024, "amendment", (2024, 65, ""), ()),
]


def _activities(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"doc_id": d, "activity_key": k, "code": c, "name": n, "programme": None, "theme": None}
            for d, k, c, n in rows
        ]
    )


NO_DECISIONS = pd.DataFrame(columns=["from_key", "to_key", "decision"])


def test_a_renumbered_activity_with_a_similar_name_is_linked_and_a_different_one_is_not():
    activities = _activities(
        ("a", "k1", "6.1.4", "Vergroten grip op kosten"),
        ("b", "k2", "2.3.1", "Grip op de kosten vergroten"),
        ("b", "k3", "2.3.2", "Nieuwe wijkteams"),
    )
    assert find_links(REPORTS, activities, NO_DECISIONS) == [Link("k1", "k2", 100, "assumed")]


def test_a_likely_but_unsure_link_is_proposed_not_assumed():
    activities = _activities(
        ("a", "k1", "6.1.4", "Grip op kosten jeugdzorg"), ("b", "k2", "2.3.1", "Grip op kosten Wmo")
    )
    [link] = find_links(REPORTS, activities, NO_DECISIONS)
    assert link.state == "proposed" and 60 <= link.confidence < 90 and not link.holds


def test_a_rejected_link_does_not_hold_and_a_confirmed_one_does():
    activities = _activities(
        ("a", "k1", "6.1.4", "Vergroten grip op kosten"), ("b", "k2", "2.3.1", "Grip op kosten vergroten")
    )
    rejected = pd.DataFrame([{"from_key": "k1", "to_key": "k2", "decision": "rejected"}])
    assert [link.state for link in find_links(REPORTS, activities, rejected)] == ["rejected"]
    assert story("k2", find_links(REPORTS, activities, rejected)) == ["k2"]
    assert story("k2", find_links(REPORTS, activities, NO_DECISIONS)) == ["k1", "k2"]


def test_a_word_diff_marks_removed_and_added_words():
    assert word_diff("de kosten stijgen", "de kosten dalen sterk") == [
        ("equal", "de kosten"),
        ("delete", "stijgen"),
        ("insert", "dalen sterk"),
    ]
    assert word_diff("zelfde tekst", "zelfde  tekst") == []


@given(
    st.lists(st.sampled_from(["de", "kosten", "stijgen", "Wmo", "jeugd"]), max_size=12),
    st.lists(st.sampled_from(["de", "kosten", "dalen", "Wmo", "jeugd"]), max_size=12),
)
def test_a_word_diff_gives_back_both_texts(before, after):
    runs = word_diff(" ".join(before), " ".join(after))
    if runs:
        assert " ".join(w for op, w in runs if op != "insert").split() == before
        assert " ".join(w for op, w in runs if op != "delete").split() == after
