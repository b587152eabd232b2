"""Reading a database as its base file plus the delta files of later loads."""

from __future__ import annotations

from pathlib import Path

from loaders import extract_file
from loaders.store import load_extractions
from model import layers
from tests.conftest import ZEVENAAR, sample_paths


def _documents(db: Path) -> list[str]:
    with layers.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT municipality FROM documents ORDER BY 1").fetchall()]


def test_documents_of_the_base_and_of_a_delta_read_as_one_table(tmp_path):
    db = tmp_path / "v.duckdb"
    other = next(p for p in sample_paths() if p != ZEVENAAR)
    load_extractions([extract_file(ZEVENAAR)], db)
    load_extractions([extract_file(other)], db)
    assert len(layers.delta_files(db)) == 1
    assert len(_documents(db)) == 2


def test_the_same_bytes_loaded_again_for_another_municipality_hide_the_older_copy(tmp_path):
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(ZEVENAAR)], db)
    load_extractions([extract_file(ZEVENAAR, "Duiven")], db)
    assert _documents(db) == ["Duiven"]


def test_a_delta_removed_by_a_fold_while_opening_makes_the_reader_start_again(tmp_path, monkeypatch):
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(ZEVENAAR)], db)
    real = layers.delta_files
    listings = iter([[(1, tmp_path / "gone.duckdb")]])
    monkeypatch.setattr(layers, "delta_files", lambda db: next(listings, None) or real(db))
    assert len(_documents(db)) == 1
