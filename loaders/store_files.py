"""The store's files: new delta files, merging deltas, rebuilding the base from a copy, and cleaning up after a
load that was killed (see model/layers.py for how readers combine them). Only the store (loaders/store.py) uses
this module."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from loaders.schema import DOCUMENT_TABLES, LINK_TABLE, SCHEMA
from model import layers
from model.storage import SCHEMA_VERSION


def checkpoint_wal(db_path: Path) -> None:
    """Fold a write-ahead log left by another writer into the file, so copying the file copies everything."""
    if Path(str(db_path) + ".wal").exists():
        with duckdb.connect(str(db_path), config=layers.CONFIG) as connection:
            connection.execute("CHECKPOINT")


def fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_leftovers(db_path: Path) -> None:
    """Temporary files of loads that were killed, and the delta files of a database whose base file was deleted:
    they belong to no database, and a new one of that name must not take them for its own (the documents in them
    came back, and loading one of them again failed on its key). Only called under the writer lock."""
    for folder, pattern in ((db_path.parent, f".{db_path.name}.*.tmp*"), (layers.delta_dir(db_path), ".*.tmp*")):
        for stale in folder.glob(pattern):
            stale.unlink(missing_ok=True)
    deltas = layers.delta_dir(db_path)
    if not db_path.exists() and deltas.is_dir() and not deltas.is_symlink():
        shutil.rmtree(deltas)


def swap_in(temp: Path, final: Path) -> None:
    """Make `temp` durable and rename it over `final`: readers see the old file or the new one, never half."""
    fsync(temp)
    os.replace(temp, final)
    fsync(final.parent)


def discard(temp: Path) -> None:
    """Remove a temporary database and its write-ahead log (left when the block that wrote it failed)."""
    temp.unlink(missing_ok=True)
    Path(f"{temp}.wal").unlink(missing_ok=True)


def merge_deltas(db_path: Path, live: list[tuple[int, Path]]) -> None:
    """One delta file with the documents of `live` (oldest first), named for the loads it covers, which hides the
    files it covers from readers; those are removed after."""
    first, last = layers.span(live[0][1])[0], live[-1][0]
    final = layers.delta_file(db_path, first, last)
    temp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    try:
        with duckdb.connect(str(temp), config=layers.CONFIG) as connection:
            connection.execute(SCHEMA)
            connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            apply_deltas(connection, live)
            connection.execute("CHECKPOINT")
        swap_in(temp, final)
    finally:
        discard(temp)
    for _, path in live:
        path.unlink(missing_ok=True)


def rebuild_base(db_path: Path) -> None:
    """The base with the live deltas folded in, swapped in for the old one."""
    with swapped_copy(db_path):
        pass


@contextmanager
def swapped_copy(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a copy of the base (with the schema and the live deltas folded in), swapped in for it when
    the block ends normally; the folded deltas are removed after the swap."""
    temp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    if db_path.exists():
        checkpoint_wal(db_path)
        shutil.copyfile(db_path, temp)
    try:
        with duckdb.connect(str(temp), config=layers.CONFIG) as connection:
            connection.execute(SCHEMA)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            folded = fold_deltas(connection, db_path)
            yield connection
            connection.execute("DELETE FROM replaced")
            connection.execute("CHECKPOINT")
        swap_in(temp, db_path)
    finally:
        discard(temp)
    for path in layers.delta_dir(db_path).glob("*.duckdb"):
        if (found := layers.span(path)) and found[1] <= folded:
            path.unlink(missing_ok=True)


def fold_deltas(connection: duckdb.DuckDBPyConnection, db_path: Path) -> int:
    """Apply the live deltas to the base open on `connection`; returns the last load folded."""
    catalog = connection.execute("SELECT current_database()").fetchone()[0]
    live = layers.live_deltas(db_path, layers.folded_through(connection, catalog))
    apply_deltas(connection, live)
    folded = live[-1][0] if live else layers.folded_through(connection, catalog)
    connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [layers.FOLDED_KEY, str(folded)])
    return folded


def apply_deltas(connection: duckdb.DuckDBPyConnection, deltas: list[tuple[int, Path]]) -> None:
    """Apply `deltas` (oldest first) to the database open on `connection`: each one's documents replace those it
    replaced and earlier copies of themselves, and its list of replaced documents is kept (for older files)."""
    for _, path in deltas:
        connection.execute("ATTACH ? AS delta (TYPE duckdb, READ_ONLY)", [str(path)])
        gone = "SELECT doc_id FROM delta.replaced UNION SELECT doc_id FROM delta.documents"
        if connection.execute(f"SELECT 1 FROM documents WHERE doc_id IN ({gone}) LIMIT 1").fetchone():
            for table in DOCUMENT_TABLES:
                connection.execute(f"DELETE FROM {table} WHERE doc_id IN ({gone})")
        for table in (*reversed(DOCUMENT_TABLES), "load_log", "replaced", LINK_TABLE):
            connection.execute(f"INSERT INTO {table} SELECT * FROM delta.{table}")
        connection.execute("DETACH delta")


@contextmanager
def new_delta(connection: duckdb.DuckDBPyConnection, db_path: Path) -> Iterator[None]:
    """Make a new delta file (with the schema) the default database of `connection`; rename it into place when
    the block ends normally and a document or a link decision was stored in it."""
    folder = layers.delta_dir(db_path)
    folder.mkdir(exist_ok=True)
    sequence = max([layers.folded_through(connection, "base"), *(n for n, _ in layers.delta_files(db_path))]) + 1
    final = layers.delta_file(db_path, sequence)
    temp = folder / f".{final.name}.{os.getpid()}.tmp"
    try:
        shutil.copyfile(empty_delta(folder), temp)
        connection.execute("ATTACH ? AS fresh", [str(temp)])
        try:
            connection.execute("USE fresh")
            yield
            stored = connection.execute(
                f"SELECT (SELECT count(*) FROM fresh.load_log) + (SELECT count(*) FROM fresh.{LINK_TABLE})"
            ).fetchone()[0]
            connection.execute("CHECKPOINT fresh")
        finally:
            connection.execute("USE memory")
            connection.execute("DETACH fresh")
        if stored:
            swap_in(temp, final)
    finally:
        discard(temp)


def empty_delta(folder: Path) -> Path:
    """An empty database with this version's schema, made once and copied for every new delta (creating the
    tables costs a load more than copying the file)."""
    digest = hashlib.sha256(f"{SCHEMA_VERSION}\n{SCHEMA}".encode()).hexdigest()[:16]
    template = folder / f".empty-{digest}.duckdb"
    if not template.exists():
        for old in folder.glob(".empty-*.duckdb"):
            old.unlink(missing_ok=True)
        write_empty(template)
    return template


def write_empty(path: Path) -> None:
    """An empty database with this version's schema at `path`, made in a temporary file and renamed."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with duckdb.connect(str(temp), config=layers.CONFIG) as connection:
            connection.execute(SCHEMA)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            connection.execute("CHECKPOINT")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
