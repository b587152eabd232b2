"""The page benchmark on a small demo database: every page renders, and the report has one line per page."""

from __future__ import annotations

from dashboard import bench
from loaders.demo import DemoSize, national_documents
from loaders.store import load_new_documents


def test_percentile_is_the_nearest_rank():
    values = [float(n) for n in range(1, 21)]
    assert bench.percentile(values, 0.95) == 19.0 and bench.percentile(values, 0.5) == 10.0


def test_every_page_renders_for_each_municipality_and_is_reported(tmp_path):
    db = tmp_path / "demo.duckdb"
    load_new_documents(national_documents(DemoSize(municipalities=2, years=2)), db)
    towns = bench.sample_municipalities(db, 2)
    timings = bench.time_pages(db, towns)
    assert [t.page for t in timings] == list(bench.PAGES)
    assert all(len(t.first) == len(t.repeat) == len(t.duckdb) == 2 for t in timings)
    lines = bench.report(timings)
    assert len(lines) == 1 + len(bench.PAGES) and lines[1].startswith("overzicht")
