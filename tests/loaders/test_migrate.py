"""A database of an older schema is migrated in place: its documents are read again from their stored text."""

from __future__ import annotations

import duckdb

from loaders import cli
from model import layers
from model.storage import SCHEMA_VERSION
from tests.conftest import ZEVENAAR, sample_paths


def _counts(db) -> tuple[int, int, list]:
    with layers.connect(db) as connection:
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        statuses = connection.execute("SELECT count(*) FROM statuses").fetchone()[0]
        towns = connection.execute("SELECT municipality FROM documents ORDER BY 1").fetchall()
    return documents, statuses, towns


def _make_older(db) -> None:
    with duckdb.connect(str(db)) as connection:
        connection.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def test_a_load_into_an_older_database_migrates_it_first_and_loses_nothing(capsys, tmp_path):
    db = tmp_path / "oud.duckdb"
    other = next(p for p in sample_paths() if p != ZEVENAAR)
    assert cli.main(["load", str(ZEVENAAR), "--db", str(db)]) == 0
    before = _counts(db)
    _make_older(db)
    capsys.readouterr()
    assert cli.main(["load", str(other), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{db}: migrated from schema 3 to {SCHEMA_VERSION}: 1 documents read again\n")
    assert layers.examine(db) == ("ok", SCHEMA_VERSION)
    documents, statuses, towns = _counts(db)
    assert documents == 2 and statuses >= before[1] and ("Zevenaar",) in towns


def test_export_migrates_an_older_database_before_it_reads_it(capsys, tmp_path):
    db = tmp_path / "oud.duckdb"
    assert cli.main(["load", str(ZEVENAAR), "--db", str(db)]) == 0
    before = _counts(db)
    _make_older(db)
    output = tmp_path / "stoplicht.csv"
    assert cli.main(["export", "status-matrix", "--db", str(db), "--municipality", "Zevenaar", "--format", "csv", "-o", str(output)]) == 0
    assert "migrated from schema 3" in capsys.readouterr().out
    assert _counts(db) == before
    assert "6.1.4" in output.read_text(encoding="utf-8-sig")
