"""The DuckDB store: applies the schema and does every write.

A load never rewrites the database file. It writes its documents into a new delta file, each document in its own
transaction (all of a document or none of it), and renames the delta into place when all are in (model/layers.py
says how readers combine base and deltas). Readers are never blocked, and a load killed midway leaves no trace
but a temporary file that the next load removes. When MAX_DELTAS deltas have gathered, the load merges them into
one; once they hold FOLD_SHARE of the base's documents it folds them into a copy of the base that is swapped in
with os.replace (the national demo builds its base that way too). The files themselves: loaders/store_files.py;
the in-memory DuckDB a load attaches them to: loaders/store_session.py.
"""

from __future__ import annotations

import fcntl
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from loaders import store_files as files
from loaders.errors import StoreError
from loaders.rows import DOCUMENT_COLUMNS, document_rows, source_key
from loaders.schema import DOCUMENT_TABLES, LINK_TABLE
from loaders.store_session import layers_of
from model import layers
from model.records import Extraction
from model.storage import SCHEMA_VERSION, default_db_path

MAX_DELTAS = 16  # live delta files before a load merges them into one
FOLD_SHARE = 0.1  # ... or, once they hold this share of the base's documents, folds them into the base

Loaded = dict[str, tuple[str, str | None]]


@dataclass
class LoadOutcome:
    """What happened to one file: loaded, replaced (an earlier version), unchanged or failed."""

    source: str
    outcome: str
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@contextmanager
def _writer_lock(db_path: Path) -> Iterator[None]:
    """Only one load at a time per database; a second one is told who holds the lock instead of waiting."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            pid = handle.read().strip() or "unknown"
            raise StoreError(
                f"{db_path}: another load (PID {pid}) is writing this database; wait for it to finish "
                f"or stop it (kill {pid}), then load again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _loaded_documents(
    connection: duckdb.DuckDBPyConnection, db_path: Path, extractions: list[Extraction] | None = None
) -> Loaded:
    """sha256 → (source_key, municipality) of the stored documents (base and deltas) that have the bytes or the
    source of one of `extractions` (all documents when None)."""
    views = {row[0] for row in connection.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    if "documents" not in views:
        return {}
    version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if version is None or version[0] != SCHEMA_VERSION:
        found = version[0] if version else "?"
        if found.isdigit() and int(found) > int(SCHEMA_VERSION):
            raise StoreError(
                f"{db_path}: made by a newer version of voortgang (schema {found}, this one knows {SCHEMA_VERSION}); "
                "update voortgang to load into it (the file was not changed)"
            )
        raise StoreError(
            f"{db_path}: made by an older version of voortgang (schema {found}, now {SCHEMA_VERSION}); "
            "`voortgang load` or `voortgang serve` migrates it without losing documents"
        )
    sql = "SELECT sha256, source_key, municipality FROM documents"
    params: list = []
    if extractions is not None:
        sql += " WHERE list_contains(?, sha256) OR list_contains(?, source_key)"
        params = [[e.sha256 for e in extractions], [source_key(e.source) for e in extractions]]
    return {sha: (key, municipality) for sha, key, municipality in connection.execute(sql, params).fetchall()}


def load_extractions(extractions: list[Extraction], db_path: Path | None = None) -> list[LoadOutcome]:
    """Store each extraction atomically; the same bytes twice change nothing (not even the file)."""
    db_path = (db_path or default_db_path()).expanduser()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    outcomes: dict[int, LoadOutcome] = {}
    with _writer_lock(db_path):
        files.remove_leftovers(db_path)
        with layers_of(db_path) as connection:
            folded, shares = _delta_share(connection, db_path) if db_path.exists() else (0, 0.0)
            loaded = _loaded_documents(connection, db_path, [e for e in extractions if not e.error])
            to_write = []
            first: dict[tuple[str, str | None], str] = {}  # the bytes (and municipality) met earlier in this batch
            for position, extraction in enumerate(extractions):
                same = (extraction.sha256, extraction.document.municipality)
                if extraction.error:
                    outcomes[position] = LoadOutcome(extraction.source, "failed", extraction.error)
                elif extraction.sha256 in loaded and loaded[extraction.sha256][1] == same[1]:
                    outcomes[position] = LoadOutcome(extraction.source, "unchanged", "already loaded, nothing changed")
                elif same in first:
                    outcomes[position] = LoadOutcome(extraction.source, "unchanged", f"the same bytes as {first[same]}")
                else:
                    first[same] = extraction.source
                    to_write.append((position, extraction))
            try:
                if to_write and db_path.exists():
                    with files.new_delta(connection, db_path):
                        for position, extraction in to_write:
                            outcomes[position] = _store_document(connection, extraction, loaded)
                    to_write = []
            except (OSError, duckdb.Error) as error:
                raise _unwritable(db_path, error) from None
        try:
            if to_write:
                with files.swapped_copy(db_path) as connection:
                    for position, extraction in to_write:
                        outcomes[position] = _store_document(connection, extraction, loaded)
            _tidy(db_path, folded, shares)
        except (OSError, duckdb.Error) as error:
            raise _unwritable(db_path, error) from None
    return [outcomes[position] for position in range(len(extractions))]


def _unwritable(db_path: Path, error: Exception) -> StoreError:
    """A write that failed (a full disk, a file that cannot be made) in one line; what was being written is gone."""
    reason = getattr(error, "strerror", None) or str(error).split("\n")[0]
    return StoreError(f"{db_path}: could not write ({reason}); nothing of this load was stored, earlier loads are intact")


def _delta_share(connection: duckdb.DuckDBPyConnection, db_path: Path) -> tuple[int, float]:
    """The last load folded into the base, and the documents in the deltas as a share of those in the base; the
    share is counted only when this load makes a merge or fold due (two counts cost a load about 10 ms)."""
    if "documents" not in layers.table_names(connection, "base"):
        return 0, 0.0
    folded = layers.folded_through(connection, "base")
    if len(layers.live_deltas(db_path, folded)) + 1 < MAX_DELTAS:
        return folded, 0.0
    base = connection.execute("SELECT count(*) FROM base.documents").fetchone()[0]
    everything = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    return folded, max(0, everything - base) / max(1, base)


def _tidy(db_path: Path, folded: int, share: float) -> None:
    """Keep the number of delta files small at a small share of each load: merge them into one when MAX_DELTAS
    have gathered, and fold them into the base once they hold FOLD_SHARE of its documents."""
    live = layers.live_deltas(db_path, folded)
    if len(live) < MAX_DELTAS:
        return
    if share >= FOLD_SHARE:
        files.rebuild_base(db_path)
    else:
        files.merge_deltas(db_path, live)


def load_new_documents(extractions: Iterable[Extraction], db_path: Path, batch: int = 500) -> int:
    """Store many documents that are not loaded yet (the national demo): `batch` documents per transaction and one
    insert per table, in a copy of the base (deltas folded in) that is swapped in at the end as one (so a kill
    leaves the old file). Documents whose bytes are already loaded are skipped. Returns how many were stored."""
    db_path = db_path.expanduser()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    stored = 0
    with _writer_lock(db_path):
        files.remove_leftovers(db_path)
        with layers_of(db_path) as reader:
            loaded = _loaded_documents(reader, db_path)
        with files.swapped_copy(db_path) as connection:
            fresh = (e for e in extractions if not e.error and e.sha256 not in loaded)
            while chunk := list(itertools.islice(fresh, batch)):
                tables: dict[str, list[tuple]] = {}
                for extraction in chunk:
                    for table, rows in document_rows(extraction, source_key(extraction.source)).items():
                        tables.setdefault(table, []).extend(rows)
                connection.execute("BEGIN TRANSACTION")
                for table, rows in tables.items():
                    _many(connection, table, rows)
                connection.execute("COMMIT")
                stored += len(chunk)
    return stored


def fold(db_path: Path) -> None:
    """Rebuild the base with every live delta in it and remove the deltas (a load does this once they hold
    FOLD_SHARE of the base's size)."""
    db_path = db_path.expanduser()
    with _writer_lock(db_path):
        files.remove_leftovers(db_path)
        with layers_of(db_path) as reader:
            _loaded_documents(reader, db_path, [])
        files.rebuild_base(db_path)


def merge(db_path: Path) -> None:
    """Merge the live delta files into one (a load does this when MAX_DELTAS have gathered)."""
    db_path = db_path.expanduser()
    with _writer_lock(db_path):
        files.remove_leftovers(db_path)
        with layers_of(db_path) as reader:
            live = layers.live_deltas(db_path, layers.folded_through(reader, "base"))
        if len(live) > 1:
            files.merge_deltas(db_path, live)


def _store_document(connection: duckdb.DuckDBPyConnection, extraction: Extraction, loaded: Loaded) -> LoadOutcome:
    """Write one document in one transaction, replacing the earlier version from the same source, or the same
    bytes loaded before (from another path, or with another municipality). `loaded` (base, deltas and this load)
    names what it replaces; the `replaced` table tells readers to leave those out of older files."""
    key = source_key(extraction.source)
    replaced = sorted(
        (sha for sha, (other_key, _) in loaded.items() if other_key == key or sha == extraction.sha256),
        key=lambda sha: loaded[sha][0] != key,
    )
    previous = replaced[0] if replaced else None
    counts = {
        "activities": len(extraction.activities),
        "statuses": len(extraction.statuses),
        "budget_lines": len(extraction.budget_lines),
        "deviations": len(extraction.deviations),
        "indicators": len(extraction.indicators),
        "goals": len(extraction.goals),
        "warnings": len(extraction.warnings),
    }
    connection.execute("BEGIN TRANSACTION")
    try:
        for doc_id in replaced:
            for table in DOCUMENT_TABLES:
                connection.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
            connection.execute("INSERT INTO replaced VALUES (?)", [doc_id])
        for table, rows in document_rows(extraction, key).items():
            _many(connection, table, rows)
        connection.execute(
            "INSERT INTO load_log (source, sha256, outcome, replaced_sha256, counts) VALUES (?, ?, ?, ?, ?)",
            [
                extraction.source,
                extraction.sha256,
                "replaced" if previous else "loaded",
                previous,
                json.dumps(counts),
            ],
        )
        connection.execute("COMMIT")
    except (duckdb.Error, ValueError) as error:
        connection.execute("ROLLBACK")
        return LoadOutcome(extraction.source, "failed", f"{extraction.source}: could not be stored: {error}")
    for doc_id in replaced:
        del loaded[doc_id]
    loaded[extraction.sha256] = (key, extraction.document.municipality)
    return LoadOutcome(extraction.source, "replaced" if previous else "loaded", counts=counts)


def _many(connection: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Insert rows in one go through Arrow (DuckDB's executemany goes row by row: 5,000 rows took 3.7 s). DuckDB
    finds the local `_batch` by its name in the query (a replacement scan: a third cheaper than registering it)."""
    if rows:
        import pyarrow

        _batch = pyarrow.table({f"c{index}": list(column) for index, column in enumerate(zip(*rows, strict=True))})
        columns = f" ({', '.join(DOCUMENT_COLUMNS)})" if table == "documents" else ""
        connection.execute(f"INSERT INTO {table}{columns} SELECT * FROM _batch")


def ensure_schema(db_path: Path) -> None:
    """Create an empty database with the schema when none exists (for a dashboard started without data)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(db_path):
        files.remove_leftovers(db_path)
        if not db_path.exists():
            files.write_empty(db_path)


def record_link_decision(db_path: Path, municipality: str | None, from_key: str, to_key: str, decision: str) -> None:
    """Keep a user's decision about linking two activities ('confirmed' or 'rejected') in a delta of its own; it
    outlives reloads of the documents (it names activities, not documents) and the latest decision counts."""
    if decision not in ("confirmed", "rejected"):
        raise StoreError(f"unknown link decision {decision!r}; use confirmed or rejected")
    db_path = db_path.expanduser()
    if not db_path.exists():
        raise StoreError(f"{db_path}: no such database")
    with _writer_lock(db_path):
        files.remove_leftovers(db_path)
        with layers_of(db_path) as connection:
            try:
                with files.new_delta(connection, db_path):
                    connection.execute(
                        f"INSERT INTO {LINK_TABLE} (municipality, from_key, to_key, decision) VALUES (?, ?, ?, ?)",
                        [municipality, from_key, to_key, decision],
                    )
            except (OSError, duckdb.Error) as error:
                raise _unwritable(db_path, error) from None
