"""One activity's story across two reports the tests make, where 6.1.4 becomes 2.3.1 (renamed slightly) and 2.3.2
is new: the history holds the renumbered one as one activity with its confidence, a rejected link stays rejected
after a reload, and Vergelijken's "what changed" lists both with the word diff."""

from __future__ import annotations

import pytest

from dashboard import strings
from loaders.extract import extract_file
from loaders.store import load_extractions
from tests.cycle import FIRST_REPORT, SECOND_REPORT, load_texts
from tests.dashboard.test_pages import ACTIVITIES, open_app, table_with

COMPARE = "app_pages/vergelijken.py"


@pytest.fixture
def reports_db(tmp_path):
    return load_texts(tmp_path, {"vgr1": FIRST_REPORT, "vgr2": SECOND_REPORT})


def test_the_renumbered_activity_has_one_history_with_the_links_confidence(monkeypatch, reports_db):
    app = open_app(monkeypatch, reports_db, ACTIVITIES, gemeente="Doesburg", activiteit="GM0221|2.3.1")
    assert app.markdown[0].value == "Eerder: 6.1.4 Vergroten grip op kosten — automatisch gekoppeld (zekerheid 100%)"
    history = table_with(app, strings.COL_STATUS_RAW)
    assert history[[strings.COL_PERIOD, strings.COL_CODE, strings.COL_STATUS_RAW]].values.tolist() == [
        ["1e VGR 2024", "6.1.4", "Volgens plan"],
        ["2e VGR 2024", "2.3.1", "Bijsturing raad"],
    ]


def test_the_new_activity_is_new_and_has_no_earlier_one(monkeypatch, reports_db):
    app = open_app(monkeypatch, reports_db, ACTIVITIES, gemeente="Doesburg", activiteit="GM0221|2.3.2")
    assert strings.LINK_NONE in [c.value for c in app.caption]
    assert len(table_with(app, strings.COL_STATUS_RAW)) == 1


def test_a_rejected_link_stays_rejected_after_the_report_is_loaded_again_and_the_page_reloaded(
    monkeypatch, reports_db, tmp_path
):
    app = open_app(monkeypatch, reports_db, ACTIVITIES, gemeente="Doesburg", activiteit="GM0221|2.3.1")
    app.button(key="koppeling_0_rejected").click().run()
    assert app.markdown[0].value.endswith(strings.LINK_STATES["rejected"])
    changed = tmp_path / "vgr2.txt"
    changed.write_text(SECOND_REPORT + "\nBijlage: overzicht van de wijkteams.\n", encoding="utf-8")
    assert [o.outcome for o in load_extractions([extract_file(changed)], reports_db)] == ["replaced"]
    again = open_app(monkeypatch, reports_db, ACTIVITIES, gemeente="Doesburg", activiteit="GM0221|2.3.1")
    assert again.markdown[0].value.endswith(strings.LINK_STATES["rejected"])
    assert len(table_with(again, strings.COL_STATUS_RAW)) == 1  # no longer one history


def test_a_link_made_by_hand_joins_two_activities(monkeypatch, reports_db):
    app = open_app(monkeypatch, reports_db, ACTIVITIES, gemeente="Doesburg", activiteit="GM0221|2.3.2")
    app.selectbox(key="koppel_met").set_value("GM0221|6.1.5").run()
    app.button(key="koppel").click().run()
    assert app.markdown[0].value == "Eerder: 6.1.5 Versterken toegang — bevestigd"


def test_what_changed_lists_the_renumbered_and_the_new_activity_with_the_word_diff(monkeypatch, reports_db):
    app = open_app(monkeypatch, reports_db, COMPARE, gemeente="Doesburg", weergave=strings.TAB_TWO_DOCUMENTS)
    labels = [expander.label for expander in app.expander]
    assert "↪ andere code · 6.1.4 → 2.3.1 Grip op de kosten vergroten: ✓ op koers → ⚠ bijsturing raad" in labels
    assert "+ nieuw · 2.3.2 Nieuwe wijkteams in elke kern: – → ✓ op koers" in labels
    diffs = [m.value for m in app.markdown if ":red[" in m.value or ":green[" in m.value]
    removed, added = ":red[~~jeugdzorg.~~]", ":green[**jeugdzorg en Wmo; de kosten stijgen.**]"
    assert diffs == [f"Wij werken aan meer grip op de kosten van {removed} {added}"]
