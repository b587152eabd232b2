"""The store's view of a database while it loads: base and live deltas attached to one in-memory DuckDB that the
process keeps for all its loads (model/layers.py says how the files combine). Only the store uses this module."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from loaders.errors import StoreError
from model import layers

_LOOKED_UP = frozenset({"meta", "documents"})


def _lock_holder(message: str) -> str:
    pid = re.search(r"PID (\d+)", message)
    return f"process {pid.group(1)}" if pid else "another process"


class _Session:
    """One in-memory DuckDB per process that every load attaches its files to and detaches them from after:
    starting and closing a DuckDB costs a load about 20 ms, a third of it. One load at a time uses it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: duckdb.DuckDBPyConnection | None = None

    @contextmanager
    def use(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The session, free of files; whatever the block attached is detached after it (a session that cannot
        be cleaned is closed, and the next load starts a new one)."""
        with self._lock:
            if self._connection is None:
                self._connection = duckdb.connect(":memory:", config=layers.CONFIG)
            try:
                yield self._connection
            finally:
                try:
                    layers.detach_all(self._connection)
                except duckdb.Error:
                    self._connection.close()
                    self._connection = None


_SESSION = _Session()


@contextmanager
def layers_of(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The database as readers see it (base and deltas), or an empty connection when there is no file yet; a
    database that cannot be read becomes a StoreError saying why."""
    with _SESSION.use() as session:
        yield _attached(db_path, session)


def _attached(db_path: Path, session: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    try:
        return layers.connect(db_path, _LOOKED_UP, into=session) if db_path.exists() else session
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise StoreError(
                f"{db_path}: the database is open for writing by {_lock_holder(str(error))}; close that program "
                "(the dashboard only reads and is fine) and load again"
            ) from None
        raise StoreError(f"{db_path}: not a readable voortgang database ({error}); move it away and load again") from None
    except duckdb.Error as error:
        raise StoreError(f"{db_path}: not a readable voortgang database ({error}); move it away and load again") from None
