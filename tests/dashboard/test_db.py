"""The dashboard's read-only connection follows the database file when a load swaps it."""

from __future__ import annotations

from dashboard.db import query
from loaders import extract_file
from loaders.store import load_extractions
from tests.conftest import ZEVENAAR, sample_paths


def test_reader_sees_new_documents_after_a_load_swaps_the_file(tmp_path):
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(ZEVENAAR)], db)
    assert query("SELECT count(*) AS n FROM documents", path=db)["n"][0] == 1
    load_extractions([extract_file(sample_paths()[0])], db)
    assert query("SELECT count(*) AS n FROM documents", path=db)["n"][0] == 2


def test_queries_take_parameters_instead_of_formatted_text(tmp_path):
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(ZEVENAAR)], db)
    hostile = "Zevenaar' OR '1'='1"
    assert query("SELECT count(*) AS n FROM documents WHERE municipality = ?", [hostile], path=db)["n"][0] == 0
