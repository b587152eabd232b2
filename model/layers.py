"""The database on disk: a base DuckDB file plus the delta files of the loads since the base was last rebuilt.

A load writes its documents into a new small delta file and renames it into `<db>.deltas/`, so it never copies or
rewrites the base and never waits for a reader. Readers attach the base and every live delta read-only and see
one set of tables through views that leave out the documents a later delta replaced. Folding (in the store)
rebuilds the base with the deltas in it and records the last folded delta in meta, so a delta that outlives the
fold by a moment is not counted twice; before that, the store merges gathered deltas into one file named for the
loads it covers (`00000001-00000016.duckdb`), which hides the files it covers from then on.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from model.storage import SCHEMA_VERSION

FOLDED_KEY = "folded_through"
REPLACED_TABLE = "replaced"
_DELTA_SUFFIX = ".duckdb"
_ATTEMPTS = 3
_SINGLE_COPY_TABLES = frozenset({"meta", REPLACED_TABLE})
# DuckDB would otherwise fetch and load extensions to read files it does not know (a SQLite file: from the web)
CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def delta_dir(db: Path) -> Path:
    """Where the delta files of `db` live."""
    return db.with_name(db.name + ".deltas")


def delta_file(db: Path, first: int, last: int | None = None) -> Path:
    """The delta file of one load (`first`), or the one merged from the deltas `first` to `last` (zero-padded, so
    names sort by number)."""
    stem = f"{first:08d}" if last is None else f"{first:08d}-{last:08d}"
    return delta_dir(db) / f"{stem}{_DELTA_SUFFIX}"


def span(path: Path) -> tuple[int, int] | None:
    """The first and last load a delta file holds, from its name (None for any other file)."""
    if not path.name.endswith(_DELTA_SUFFIX):
        return None
    parts = path.name[: -len(_DELTA_SUFFIX)].split("-")
    if len(parts) > 2 or not all(part.isdigit() for part in parts):
        return None
    return int(parts[0]), int(parts[-1])


def delta_files(db: Path) -> list[tuple[int, Path]]:
    """(sequence, path) of every complete delta file of `db` that no merged file covers, oldest first (folded ones
    included); a file merged from the deltas a to b has sequence b."""
    try:
        paths = [delta_dir(db) / name for name in os.listdir(delta_dir(db))]
    except (FileNotFoundError, NotADirectoryError):
        return []
    spans = {path: found for path in paths if (found := span(path))}
    kept = [
        (last, path)
        for path, (first, last) in spans.items()
        if not any(
            other != path and low <= first and last <= high and high - low > last - first
            for other, (low, high) in spans.items()
        )
    ]
    return sorted(kept)


def identity(db: Path) -> tuple:
    """Changes whenever a load adds a delta, deltas are merged, or a fold swaps in a new base (new inode)."""
    stat = os.stat(db)
    return stat.st_ino, stat.st_mtime_ns, tuple(path.name for _, path in delta_files(db))


def folded_through(connection: duckdb.DuckDBPyConnection, catalog: str) -> int:
    """The last delta folded into the base attached as `catalog` (0 when none was)."""
    if not table_names(connection, catalog) >= {"meta"}:
        return 0
    found = connection.execute(f'SELECT value FROM "{catalog}".meta WHERE key = ?', [FOLDED_KEY]).fetchone()
    return int(found[0]) if found else 0


def live_deltas(db: Path, folded: int) -> list[tuple[int, Path]]:
    """The delta files not folded into the base yet, oldest first."""
    return [(sequence, path) for sequence, path in delta_files(db) if sequence > folded]


def table_names(connection: duckdb.DuckDBPyConnection, catalog: str) -> set[str]:
    """The tables of the database attached as `catalog`."""
    rows = connection.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main'", [catalog]
    ).fetchall()
    return {row[0] for row in rows}


def _schema_version(connection: duckdb.DuckDBPyConnection, catalog: str) -> str | None:
    if "meta" not in table_names(connection, catalog):
        return None
    found = connection.execute(f'SELECT value FROM "{catalog}".meta WHERE key = ?', ["schema_version"]).fetchone()
    return found[0] if found else None


def connect(
    db: Path, only: frozenset[str] | None = None, into: duckdb.DuckDBPyConnection | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only view of `db` and its live deltas as one set of tables, or only the tables in `only` (the base
    alone when its schema is not this version's: the dashboard then says so). A delta that a fold removes while
    this opens makes it start again (the new base holds its documents). With `into` (an in-memory connection
    without attachments) the files are attached there instead of in a new DuckDB; `detach_all` undoes that."""
    attempts = 1
    while True:
        listed = delta_files(db)
        try:
            return _connect(db, only, listed, into)
        except duckdb.IOException:
            if attempts == _ATTEMPTS or delta_files(db) == listed:
                raise
            attempts += 1


def detach_all(connection: duckdb.DuckDBPyConnection) -> None:
    """Back to an in-memory connection without files: the views and attachments `connect(into=...)` made go."""
    connection.execute("USE memory")
    connection.execute("DROP TABLE IF EXISTS _replaced")
    for listing, statement in (
        ("SELECT view_name FROM duckdb_views() WHERE database_name = 'memory' AND NOT internal", "DROP VIEW"),
        ("SELECT database_name FROM duckdb_databases() WHERE NOT internal AND database_name <> 'memory'", "DETACH"),
    ):
        for (name,) in connection.execute(listing).fetchall():
            connection.execute(f'{statement} "{name}"')


def _connect(
    db: Path, only: frozenset[str] | None, listed: list[tuple[int, Path]], into: duckdb.DuckDBPyConnection | None
) -> duckdb.DuckDBPyConnection:
    connection = into or duckdb.connect(":memory:", config=CONFIG)
    try:
        connection.execute("ATTACH ? AS base (TYPE duckdb, READ_ONLY)", [str(db)])
        tables = table_names(connection, "base") - {REPLACED_TABLE}
        if only is not None:
            tables &= only
        deltas: list[tuple[int, str]] = []
        if _schema_version(connection, "base") == SCHEMA_VERSION:
            folded = folded_through(connection, "base")
            for sequence, path in (delta for delta in listed if delta[0] > folded):
                catalog = f"delta{sequence}"
                connection.execute(f"ATTACH ? AS {catalog} (TYPE duckdb, READ_ONLY)", [str(path)])
                deltas.append((sequence, catalog))
        _create_views(connection, sorted(tables), deltas)
    except BaseException:
        if into is None:  # else the owner of `into` detaches what was attached
            connection.close()
        raise
    return connection


def _create_views(connection: duckdb.DuckDBPyConnection, tables: list[str], deltas: list[tuple[int, str]]) -> None:
    """One view per table: the base's rows and each delta's, without the documents a later delta replaced."""
    connection.execute("CREATE TABLE _replaced (layer INTEGER, doc_id VARCHAR)")
    for sequence, catalog in deltas:
        connection.execute(f"INSERT INTO _replaced SELECT ?, doc_id FROM {catalog}.{REPLACED_TABLE}", [sequence])
    latest = connection.execute("SELECT coalesce(max(layer), 0) FROM _replaced").fetchone()[0]
    with_doc_id = {
        row[0]
        for row in connection.execute(
            "SELECT table_name FROM duckdb_columns() WHERE database_name = 'base' AND column_name = 'doc_id'"
        ).fetchall()
    }
    for table in tables:
        layers = [(0, "base")] if table in _SINGLE_COPY_TABLES else [(0, "base"), *deltas]
        parts = []
        for layer, catalog in layers:
            part = f'SELECT * FROM {catalog}.main."{table}"'
            if table in with_doc_id and layer < latest:
                part += f" WHERE doc_id NOT IN (SELECT doc_id FROM _replaced WHERE layer > {layer:d})"
            parts.append(part)
        connection.execute(f'CREATE VIEW "{table}" AS {" UNION ALL ".join(parts)}')


def examine(db: Path) -> tuple[str, str]:
    """The state of a database file, for one clear message: ('missing' | 'unreadable' | 'locked' | 'foreign' |
    'older' | 'newer' | 'ok', detail); the detail is why it cannot be read, or its schema version."""
    if not db.exists():
        return "missing", ""
    try:
        with connect(db, frozenset({"meta"})) as connection:
            tables = table_names(connection, "base")
            version = _schema_version(connection, "base")
    except duckdb.Error as error:
        reason = str(error).split("\n")[0]
        return ("locked" if "lock" in reason.lower() else "unreadable"), reason
    if version is None:
        return ("foreign", "") if tables - {"meta"} else ("unreadable", "no tables")
    if not version.isdigit() or int(version) > int(SCHEMA_VERSION):
        return "newer", version
    return ("older", version) if int(version) < int(SCHEMA_VERSION) else ("ok", version)
