"""The server's warm-up: page runs wait for it, and it reads the first page's rows before they do."""

from __future__ import annotations

import time

from dashboard import db, warmup
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
