"""Read-only access to the DuckDB store for the dashboard, reopened when a load adds a delta or a fold swaps the base."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from model import layers
from model.storage import default_db_path

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


def _run(sql: str, params: tuple, path: Path, identity: tuple) -> pd.DataFrame:
    """One query on one version of the database file (`identity` is part of the cache key, so a load is seen at
    once)."""
    try:
        with _connection(path).cursor() as cursor:
            return cursor.execute(sql, _unfrozen(params)).df()
    except duckdb.ConnectionException:
        with _lock:
            _open.pop(str(path), None)
        with _connection(path).cursor() as cursor:
            return cursor.execute(sql, _unfrozen(params)).df()


def _unfrozen(params: tuple) -> list:
    """Parameters as DuckDB takes them: list parameters were made tuples to be hashable for the cache."""
    return [list(p) if isinstance(p, tuple) else p for p in params]


_cached: Callable[..., pd.DataFrame] = _run


def install_cache(decorator: Callable[[Callable[..., pd.DataFrame]], Callable[..., pd.DataFrame]]) -> None:
    """Run every query through `decorator` (the dashboard passes `st.cache_data`); installed once per process."""
    global _cached
    if _cached is _run:
        _cached = decorator(_run)


def query(sql: str, params: list | tuple = (), path: Path | None = None) -> pd.DataFrame:
    """Run one parameterized query and return all rows as a DataFrame (cached per file version when installed)."""
    path = path or database_path()
    return _cached(sql, tuple(tuple(p) if isinstance(p, list) else p for p in params), path, file_identity(path))
