"""The server's warm-up: page runs wait for it, and it reads the first page's rows before they do."""

from __future__ import annotations

import inspect
import os
import time

from dashboard import db, guard, warmup
from model.storage import DB_ENV


def test_wait_returns_at_once_when_no_warm_up_was_started():
    start = time.perf_counter()
    warmup.wait()
    assert time.perf_counter() - start < 0.1


def test_a_started_warm_up_has_read_the_first_municipalitys_rows_when_wait_returns(monkeypatch, samples_db):
    monkeypatch.setenv(DB_ENV, str(samples_db))
    monkeypatch.setattr(warmup, "_wait_for_server", lambda port: None)
    monkeypatch.setattr(db, "_cached", db._run)  # as in a new server: no Streamlit cache installed yet
    monkeypatch.setattr(db, "_cached_over", db._run_over)
    db.forget_rows()
    warmup.start(0)
    warmup.wait()
    assert db._base_rows.cache_info().currsize == 1


def _warm_up(monkeypatch, samples_db) -> None:
    monkeypatch.setenv(DB_ENV, str(samples_db))
    monkeypatch.setattr(warmup, "_wait_for_server", lambda port: None)
    warmup.start(0)
    warmup.wait()


def test_after_a_warm_up_the_first_pages_database_check_does_not_open_the_file_again(monkeypatch, samples_db):
    guard._state.cache_clear()
    _warm_up(monkeypatch, samples_db)
    opened = []
    monkeypatch.setattr(guard.layers, "examine", lambda path: opened.append(path) or ("ok", ""))
    assert guard.database_problem() is None
    assert opened == []


def test_after_a_warm_up_streamlits_first_element_looks_up_no_module_files(monkeypatch, samples_db):
    monkeypatch.setattr(inspect, "_filesbymodname", {})  # as in a new server process: no module looked up yet
    monkeypatch.setattr(inspect, "modulesbyfile", {})
    _warm_up(monkeypatch, samples_db)
    resolved = []
    real = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda path, **kw: resolved.append(path) or real(path, **kw))
    inspect.stack()  # what Streamlit's first element of a process calls (to tell whether it runs in a REPL)
    assert len(resolved) < 20
