"""Read-only access to the DuckDB store for the dashboard, reopened when a load swaps the file."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import pandas as pd

from loaders.store import default_db_path

_lock = threading.Lock()
_open: dict[str, tuple[tuple[int, int], duckdb.DuckDBPyConnection]] = {}


def database_path() -> Path:
    """The database the dashboard shows (VOORTGANG_DB, else the project's data/voortgang.duckdb)."""
    return default_db_path()


def file_identity(path: Path) -> tuple[int, int]:
    """Changes whenever a load swaps in a new file (new inode) or the file is rewritten."""
    stat = os.stat(path)
    return stat.st_ino, stat.st_mtime_ns


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
        connection = duckdb.connect(key, read_only=True)
        _open[key] = (identity, connection)
        return connection


def query(sql: str, params: list | tuple = (), path: Path | None = None) -> pd.DataFrame:
    """Run one parameterized query on a fresh cursor and return all rows as a DataFrame."""
    path = path or database_path()
    try:
        with _connection(path).cursor() as cursor:
            return cursor.execute(sql, list(params)).df()
    except duckdb.ConnectionException:
        with _lock:
            _open.pop(str(path), None)
        with _connection(path).cursor() as cursor:
            return cursor.execute(sql, list(params)).df()
