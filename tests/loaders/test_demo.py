"""The national demo: synthetic documents through the store, the same on every run."""

from __future__ import annotations

from loaders.demo import DemoSize, national_documents
from loaders.store import load_new_documents
from model import layers


def test_two_municipalities_give_forty_documents_with_sixty_statuses_each(tmp_path):
    db = tmp_path / "demo.duckdb"
    assert load_new_documents(national_documents(DemoSize(municipalities=2)), db) == 80
    with layers.connect(db) as connection:
        assert connection.execute("SELECT count(DISTINCT municipality) FROM documents").fetchone()[0] == 2
        assert connection.execute("SELECT count(*) FROM statuses").fetchone()[0] == 80 * 60
        assert connection.execute("SELECT count(*) FROM deviations WHERE explanation IS NULL").fetchone()[0] == 0


def test_building_again_stores_nothing_new(tmp_path):
    db = tmp_path / "demo.duckdb"
    load_new_documents(national_documents(DemoSize(municipalities=1)), db)
    assert load_new_documents(national_documents(DemoSize(municipalities=1)), db) == 0


def test_the_same_seed_gives_the_same_statuses():
    first = [s.status for e in national_documents(DemoSize(municipalities=1, years=1)) for s in e.statuses]
    second = [s.status for e in national_documents(DemoSize(municipalities=1, years=1)) for s in e.statuses]
    assert first == second and {"on_track", "partly", "council_action"} <= set(first)
