"""Read-only access to the DuckDB store for the dashboard, reopened when a load adds a delta or a fold swaps the base."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
import pyarrow

from model import layers
from model.storage import default_db_path

T = TypeVar("T")
_lock = threading.Lock()
_open: dict[str, tuple[tuple, duckdb.DuckDBPyConnection]] = {}


def database_path() -> Path:
    """The database the dashboard shows (VOORTGANG_DB, else the project's data/voortgang.duckdb)."""
    return default_db_path()


def file_identity(path: Path) -> tuple:
    """Changes whenever a load adds a delta file or a fold swaps in a new base file."""
    return layers.identity(path)


def _connection(path: Path) -> duckdb.DuckDBPyConnection:
    """One read-only connection per database file version; the old one is closed after a swap."""
    identity = file_identity(path)
    key = str(path)
    with _lock:
        current = _open.get(key)
        if current and current[0] == identity:
            return current[1]
        if current:
            current[1].close()
        connection = layers.connect(path)
        _open[key] = (identity, connection)
        return connection


def release(path: Path) -> None:
    """Close this process's connection to `path`, so the next query opens the file as it is now."""
    with _lock:
        current = _open.pop(str(path), None)
        if current:
            current[1].close()


def _execute(path: Path, fetch: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """`fetch` on a cursor of the current version of the database file, reopened once when it went stale."""
    try:
        with _connection(path).cursor() as cursor:
            return fetch(cursor)
    except duckdb.ConnectionException:
        with _lock:
            _open.pop(str(path), None)
        with _connection(path).cursor() as cursor:
            return fetch(cursor)


def _run(sql: str, params: tuple, path: Path, identity: tuple) -> pd.DataFrame:
    """One query on one version of the database file (`identity` is part of the cache key, so a load is seen at
    once)."""
    return _execute(path, lambda cursor: cursor.execute(sql, _unfrozen(params)).df())


@functools.lru_cache(maxsize=64)
def _base_rows(sql: str, params: tuple, path: Path, identity: tuple) -> pyarrow.Table:
    """The rows several aggregates run over, kept as Arrow in this process (immutable, so shared without a copy;
    Streamlit's cache would copy them on every use)."""
    return _execute(path, lambda cursor: cursor.sql(sql, params=_unfrozen(params)).to_arrow_table())


def _unfrozen(params: tuple) -> list:
    """Parameters as DuckDB takes them: list parameters were made tuples to be hashable for the cache."""
    return [list(p) if isinstance(p, tuple) else p for p in params]


_scratch: list[duckdb.DuckDBPyConnection] = []


def forget_rows() -> None:
    """Drop the rows kept in this process (the benchmark does, so that its renders start as cold as a new
    municipality does)."""
    _base_rows.cache_clear()


def _run_over(
    base: tuple[str, tuple], tail: tuple[str, tuple], path: Path, identity: tuple
) -> pd.DataFrame:
    """`tail` run over the rows of the `base` query as the relation `latest`, in an in-memory DuckDB (`identity`
    is part of the cache key, as in `_run`)."""
    rows = _base_rows(base[0], base[1], path, identity)
    with _lock:
        if not _scratch:
            _scratch.append(duckdb.connect(":memory:", config={**layers.CONFIG, "threads": 1}))
    with _scratch[0].cursor() as cursor:
        cursor.register("latest", rows)
        return cursor.execute(tail[0], _unfrozen(tail[1])).df()


_cached: Callable[..., pd.DataFrame] = _run
_cached_over: Callable[..., pd.DataFrame] = _run_over


def install_cache(decorator: Callable[[Callable[..., pd.DataFrame]], Callable[..., pd.DataFrame]]) -> None:
    """Run every query through `decorator` (the dashboard passes `st.cache_data`); installed once per process."""
    global _cached, _cached_over
    if _cached is _run:
        _cached = decorator(_run)
        _cached_over = decorator(_run_over)


def _frozen(params: list | tuple) -> tuple:
    """Parameters made hashable for the cache (lists become tuples)."""
    return tuple(tuple(p) if isinstance(p, list) else p for p in params)


def query(sql: str, params: list | tuple = (), path: Path | None = None) -> pd.DataFrame:
    """Run one parameterized query and return all rows as a DataFrame (cached per file version when installed)."""
    path = path or database_path()
    return _cached(sql, _frozen(params), path, file_identity(path))


def query_over(
    base_sql: str, base_params: list | tuple, sql: str, params: list | tuple = (), path: Path | None = None
) -> pd.DataFrame:
    """Run `sql` over the (bounded) result of `base_sql`, named `latest`: several aggregates of one selection's rows
    cost one database query (each cached per file version, as `query`)."""
    path = path or database_path()
    return _cached_over((base_sql, _frozen(base_params)), (sql, _frozen(params)), path, file_identity(path))
