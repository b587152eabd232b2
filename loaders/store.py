"""The DuckDB store: owns the schema and does every write.

A load never writes the live database file in place. It copies the file, loads each document into the copy in
its own transaction (all of a document or none of it), then swaps the copy in with os.replace. Readers (the
dashboard) keep their old snapshot until they reopen, and a load killed midway leaves the old file untouched.
"""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from model.records import (
    Activity,
    BudgetLine,
    Deviation,
    DocumentInfo,
    Extraction,
    Indicator,
    IndicatorValue,
    Period,
    StatusReport,
)
from model.statuses import STATUSES
from model.storage import SCHEMA_VERSION, default_db_path
from model.text import fold

_STATUS_VALUES = ", ".join(f"'{s}'" for s in STATUSES)
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    source_key VARCHAR NOT NULL UNIQUE,
    sha256 VARCHAR NOT NULL UNIQUE CHECK (length(sha256) = 64),
    format VARCHAR NOT NULL,
    municipality VARCHAR,
    municipality_code VARCHAR,
    title VARCHAR,
    doc_type VARCHAR,
    year INTEGER CHECK (year BETWEEN 1900 AND 2200),
    period VARCHAR,
    raw_text VARCHAR NOT NULL,
    page_starts INTEGER[],
    loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS periods (
    doc_id VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    canonical VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    year INTEGER,
    sort_order INTEGER NOT NULL,
    year_guessed BOOLEAN NOT NULL,
    PRIMARY KEY (doc_id, label)
);
CREATE TABLE IF NOT EXISTS activities (
    doc_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    activity_key VARCHAR NOT NULL,
    municipality VARCHAR,
    code VARCHAR,
    name VARCHAR NOT NULL,
    programme VARCHAR,
    theme VARCHAR,
    target_year INTEGER CHECK (target_year BETWEEN 1900 AND 2200),
    description VARCHAR,
    progress VARCHAR,
    proposal VARCHAR,
    fields JSON,
    line INTEGER,
    PRIMARY KEY (doc_id, activity_key)
);
CREATE TABLE IF NOT EXISTS statuses (
    doc_id VARCHAR NOT NULL,
    activity_key VARCHAR NOT NULL,
    period_label VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    period_order INTEGER NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ({_STATUS_VALUES})),
    status_raw VARCHAR NOT NULL,
    line INTEGER,
    PRIMARY KEY (doc_id, activity_key, period)
);
CREATE TABLE IF NOT EXISTS budget_lines (
    doc_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    scope VARCHAR NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('lasten', 'baten', 'saldo', 'reserves', 'resultaat', 'other')),
    column_label VARCHAR NOT NULL,
    year INTEGER,
    amount_eur DOUBLE,
    column_kind VARCHAR,
    is_total BOOLEAN NOT NULL,
    direction VARCHAR CHECK (direction IN ('N', 'V')),
    activity VARCHAR,
    programme VARCHAR,
    note VARCHAR,
    line INTEGER,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS deviations (
    doc_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    scope VARCHAR,
    item VARCHAR NOT NULL,
    amount_eur DOUBLE NOT NULL CHECK (amount_eur >= 0),
    direction VARCHAR NOT NULL CHECK (direction IN ('N', 'V')),
    explanation VARCHAR,
    incidental BOOLEAN NOT NULL,
    explanation_line INTEGER,
    line INTEGER,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS deviation_parts (
    doc_id VARCHAR NOT NULL,
    deviation_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    amount_eur DOUBLE CHECK (amount_eur >= 0),
    direction VARCHAR CHECK (direction IN ('N', 'V')),
    incidental BOOLEAN NOT NULL,
    line INTEGER,
    PRIMARY KEY (doc_id, deviation_seq, seq)
);
CREATE TABLE IF NOT EXISTS indicators (
    doc_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    group_name VARCHAR,
    unit VARCHAR,
    target DOUBLE,
    source VARCHAR,
    line INTEGER,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS indicator_values (
    doc_id VARCHAR NOT NULL,
    indicator_seq INTEGER NOT NULL,
    period VARCHAR NOT NULL,
    value DOUBLE,
    PRIMARY KEY (doc_id, indicator_seq, period)
);
CREATE TABLE IF NOT EXISTS goals (
    doc_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    code VARCHAR,
    title VARCHAR NOT NULL,
    text VARCHAR,
    plan VARCHAR,
    progress VARCHAR,
    line INTEGER,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS warnings (
    doc_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    line INTEGER,
    message VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS load_log (
    loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    source VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL CHECK (outcome IN ('loaded', 'replaced')),
    replaced_sha256 VARCHAR,
    counts VARCHAR NOT NULL
);
"""
DOCUMENT_TABLES = (
    "periods",
    "activities",
    "statuses",
    "budget_lines",
    "deviations",
    "indicators",
    "indicator_values",
    "goals",
    "warnings",
    "documents",
)


class StoreError(Exception):
    """The database cannot be written; the message says why and what to do."""


@dataclass
class LoadOutcome:
    """What happened to one file: loaded, replaced (an earlier version), unchanged or failed."""

    source: str
    outcome: str
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def source_key(source: str) -> str:
    """Identity of a file's origin: its absolute path, so a changed file from there replaces its records."""
    return str(Path(source).expanduser().resolve())


def activity_key(municipality_code: str | None, municipality: str | None, code: str | None, name: str) -> str:
    """Identity of an activity across documents: municipality plus code, or plus normalized name without a code."""
    town = municipality_code or fold(municipality or "") or "onbekend"
    return f"{town}|{code}" if code else f"{town}|naam:{fold(name)}"


def _lock_holder(message: str) -> str:
    pid = re.search(r"PID (\d+)", message)
    return f"process {pid.group(1)}" if pid else "another process"


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


def _loaded_documents(db_path: Path) -> dict[str, tuple[str, str | None]]:
    """sha256 → (source_key, municipality) of the documents in the live database (empty when there is none)."""
    if not db_path.exists():
        return {}
    try:
        with duckdb.connect(str(db_path), read_only=True) as connection:
            tables = {
                row[0] for row in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
            }
            if "documents" not in tables:
                return {}
            version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if version is None or version[0] != SCHEMA_VERSION:
                raise StoreError(
                    f"{db_path}: made by an older version of voortgang (schema "
                    f"{version[0] if version else '?'}, now {SCHEMA_VERSION}); move it away and load the "
                    "documents again"
                )
            rows = connection.execute("SELECT sha256, source_key, municipality FROM documents").fetchall()
            return {sha: (key, municipality) for sha, key, municipality in rows}
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            holder = _lock_holder(str(error))
            raise StoreError(
                f"{db_path}: the database is open for writing by {holder}; close that program "
                "(the dashboard only reads and is fine) and load again"
            ) from None
        raise StoreError(
            f"{db_path}: not a readable voortgang database ({error}); move it away and load again"
        ) from None
    except duckdb.Error as error:
        raise StoreError(
            f"{db_path}: not a readable voortgang database ({error}); move it away and load again"
        ) from None


def _checkpoint_wal(db_path: Path) -> None:
    """Fold a write-ahead log left by another writer into the file, so copying the file copies everything."""
    if Path(str(db_path) + ".wal").exists():
        with duckdb.connect(str(db_path)) as connection:
            connection.execute("CHECKPOINT")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def load_extractions(extractions: list[Extraction], db_path: Path | None = None) -> list[LoadOutcome]:
    """Store each extraction atomically; the same bytes twice change nothing (not even the file)."""
    db_path = (db_path or default_db_path()).expanduser()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    outcomes: dict[int, LoadOutcome] = {}
    with _writer_lock(db_path):
        loaded = _loaded_documents(db_path)
        to_write = []
        for position, extraction in enumerate(extractions):
            if extraction.error:
                outcomes[position] = LoadOutcome(extraction.source, "failed", extraction.error)
            elif extraction.sha256 in loaded and loaded[extraction.sha256][1] == extraction.document.municipality:
                outcomes[position] = LoadOutcome(extraction.source, "unchanged", "already loaded, nothing changed")
            else:
                to_write.append((position, extraction))
        if to_write:
            for position, outcome in _write(db_path, to_write, loaded).items():
                outcomes[position] = outcome
    return [outcomes[position] for position in range(len(extractions))]


def load_new_documents(extractions: Iterable[Extraction], db_path: Path, batch: int = 500) -> int:
    """Store many documents that are not loaded yet (the national demo): `batch` documents per transaction and one
    insert per table, in a copy that is swapped in at the end as one (so a kill leaves the old file). Documents
    whose bytes are already loaded are skipped. Returns how many were stored."""
    db_path = db_path.expanduser()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    stored = 0
    with _writer_lock(db_path), _swapped_copy(db_path) as connection:
        loaded = _loaded_documents(db_path)
        fresh = (e for e in extractions if not e.error and e.sha256 not in loaded)
        while chunk := list(itertools.islice(fresh, batch)):
            tables: dict[str, list[tuple]] = {}
            for extraction in chunk:
                for table, rows in _rows(extraction, source_key(extraction.source)).items():
                    tables.setdefault(table, []).extend(rows)
            connection.execute("BEGIN TRANSACTION")
            for table, rows in tables.items():
                _many(connection, table, rows)
            connection.execute("COMMIT")
            stored += len(chunk)
    return stored


@contextmanager
def _swapped_copy(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a copy of `db_path` (with the schema), swapped in for it when the block ends normally."""
    for stale in db_path.parent.glob(f".{db_path.name}.*.tmp*"):
        stale.unlink(missing_ok=True)
    temp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    if db_path.exists():
        _checkpoint_wal(db_path)
        shutil.copyfile(db_path, temp)
    try:
        with duckdb.connect(str(temp)) as connection:
            connection.execute(SCHEMA)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            yield connection
            connection.execute("CHECKPOINT")
        _fsync(temp)
        os.replace(temp, db_path)
        _fsync(db_path.parent)
    finally:
        temp.unlink(missing_ok=True)
        Path(str(temp) + ".wal").unlink(missing_ok=True)


def _write(
    db_path: Path, items: list[tuple[int, Extraction]], loaded: dict[str, tuple[str, str | None]]
) -> dict[int, LoadOutcome]:
    outcomes = {}
    with _swapped_copy(db_path) as connection:
        for position, extraction in items:
            outcomes[position] = _store_document(connection, extraction, loaded)
    return outcomes


def _store_document(
    connection: duckdb.DuckDBPyConnection, extraction: Extraction, loaded: dict[str, tuple[str, str | None]]
) -> LoadOutcome:
    """Write one document in one transaction, replacing the earlier version from the same source, or the same
    bytes loaded before (from another path, or with another municipality)."""
    key = source_key(extraction.source)
    replaced = [
        row[0]
        for row in connection.execute(
            "SELECT doc_id FROM documents WHERE source_key = ? OR sha256 = ? ORDER BY source_key = ? DESC",
            [key, extraction.sha256, key],
        ).fetchall()
    ]
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
        _insert_records(connection, extraction, key)
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
    loaded[extraction.sha256] = (key, extraction.document.municipality)
    return LoadOutcome(extraction.source, "replaced" if previous else "loaded", counts=counts)


_DOCUMENT_COLUMNS = (
    "doc_id",
    "source",
    "source_key",
    "sha256",
    "format",
    "municipality",
    "municipality_code",
    "title",
    "doc_type",
    "year",
    "period",
    "raw_text",
    "page_starts",
)


def _insert_records(connection: duckdb.DuckDBPyConnection, extraction: Extraction, key: str) -> None:
    for table, rows in _rows(extraction, key).items():
        _many(connection, table, rows)


def _rows(extraction: Extraction, key: str) -> dict[str, list[tuple]]:
    """The rows of one document, per table: checked and built before anything is written."""
    doc = extraction.sha256
    info = extraction.document
    rows: dict[str, list[tuple]] = {
        "documents": [
            (
                doc,
                extraction.source,
                key,
                extraction.sha256,
                extraction.format or "text",
                info.municipality,
                info.municipality_code,
                info.title,
                info.doc_type,
                info.year,
                info.period,
                extraction.raw_text or "",
                extraction.page_starts,
            )
        ]
    }
    periods = {p.label: p for p in extraction.periods}
    rows["periods"] = [(doc, p.label, p.canonical, p.kind, p.year, p.order, p.year_guessed) for p in extraction.periods]
    keys = {}
    activity_rows = []
    for seq, activity in enumerate(extraction.activities):
        a_key = activity_key(info.municipality_code, info.municipality, activity.code, activity.name)
        if a_key in keys.values():
            raise ValueError(f"activity {activity.code or activity.name!r} appears twice")
        keys[(activity.code, activity.name)] = a_key
        activity_rows.append(
            (
                doc,
                seq,
                a_key,
                info.municipality,
                activity.code,
                activity.name,
                activity.programme,
                activity.theme,
                activity.target_year,
                activity.description,
                activity.progress,
                activity.proposal,
                json.dumps(activity.fields, ensure_ascii=False),
                activity.line,
            )
        )
    rows["activities"] = activity_rows
    status_rows = []
    for status in extraction.statuses:
        period = periods.get(status.period)
        if period is None:
            raise ValueError(
                f"status of {status.activity_code or status.activity_name} names unknown period {status.period!r}"
            )
        a_key = keys.get((status.activity_code, status.activity_name)) or activity_key(
            info.municipality_code, info.municipality, status.activity_code, status.activity_name
        )
        status_rows.append(
            (doc, a_key, status.period, period.canonical, period.order, status.status, status.status_raw, status.line)
        )
    rows["statuses"] = status_rows
    rows["budget_lines"] = [
        (
            doc,
            seq,
            b.scope,
            b.kind,
            b.column,
            b.year,
            b.amount_eur,
            b.column_kind,
            b.total,
            b.direction,
            b.activity,
            b.programme,
            b.note,
            b.line,
        )
        for seq, b in enumerate(extraction.budget_lines)
    ]
    rows["deviations"] = [
        (
            doc,
            seq,
            d.scope,
            d.item,
            d.amount_eur,
            d.direction,
            d.explanation,
            d.incidental,
            d.explanation_line,
            d.line,
        )
        for seq, d in enumerate(extraction.deviations)
    ]
    rows["deviation_parts"] = [
        (doc, seq, part_seq, p.text, p.amount_eur, p.direction, p.incidental, p.line)
        for seq, d in enumerate(extraction.deviations)
        for part_seq, p in enumerate(d.parts)
    ]
    rows["indicators"] = [
        (doc, seq, i.name, i.group, i.unit, i.target, i.source, i.line) for seq, i in enumerate(extraction.indicators)
    ]
    rows["indicator_values"] = [
        (doc, seq, v.period, v.value) for seq, i in enumerate(extraction.indicators) for v in i.values
    ]
    rows["goals"] = [
        (doc, seq, g.code, g.title, g.text, g.plan, g.progress, g.line) for seq, g in enumerate(extraction.goals)
    ]
    rows["warnings"] = [(doc, seq, w.code, w.line, w.message) for seq, w in enumerate(extraction.warnings)]
    return rows


def _many(connection: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Insert rows in one go through Arrow (DuckDB's executemany goes row by row: 5,000 rows took 3.7 s)."""
    if rows:
        import pyarrow

        batch = pyarrow.table({f"c{index}": list(column) for index, column in enumerate(zip(*rows, strict=True))})
        connection.register("_batch", batch)
        columns = f" ({', '.join(_DOCUMENT_COLUMNS)})" if table == "documents" else ""
        try:
            connection.execute(f"INSERT INTO {table}{columns} SELECT * FROM _batch")
        finally:
            connection.unregister("_batch")


def ensure_schema(db_path: Path) -> None:
    """Create an empty database with the schema when none exists (for a dashboard started without data)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(db_path):
        if db_path.exists():
            return
        temp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
        try:
            with duckdb.connect(str(temp)) as connection:
                connection.execute(SCHEMA)
                connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
                connection.execute("CHECKPOINT")
            os.replace(temp, db_path)
        finally:
            temp.unlink(missing_ok=True)


def stored_documents(db_path: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(doc_id, source, title, municipality) of every stored document."""
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return connection.execute(
            "SELECT doc_id, source, title, municipality FROM documents ORDER BY municipality, year, title"
        ).fetchall()


def read_extraction(db_path: Path, doc_id: str) -> Extraction:
    """The records of one stored document, as the loaders made them (for the Excel template export)."""
    with duckdb.connect(str(db_path), read_only=True) as connection:

        def rows(sql: str) -> list[dict]:
            cursor = connection.execute(sql, [doc_id])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

        [document] = rows("SELECT * FROM documents WHERE doc_id = ?")
        periods = [
            Period(
                label=r["label"],
                year=r["year"],
                order=r["sort_order"],
                kind=r["kind"],
                canonical=r["canonical"],
                year_guessed=r["year_guessed"],
            )
            for r in rows("SELECT * FROM periods WHERE doc_id = ? ORDER BY sort_order")
        ]
        activities = rows("SELECT * FROM activities WHERE doc_id = ? ORDER BY seq")
        names = {a["activity_key"]: (a["code"], a["name"]) for a in activities}
        statuses = [
            StatusReport(
                activity_code=names[s["activity_key"]][0],
                activity_name=names[s["activity_key"]][1],
                period=s["period_label"],
                status=s["status"],
                status_raw=s["status_raw"],
                line=s["line"],
            )
            for s in rows("SELECT * FROM statuses WHERE doc_id = ? ORDER BY period_order, line")
            if s["activity_key"] in names
        ]
        values: dict[int, list[IndicatorValue]] = {}
        for value in rows("SELECT * FROM indicator_values WHERE doc_id = ?"):
            values.setdefault(value["indicator_seq"], []).append(
                IndicatorValue(period=value["period"], value=_number(value["value"]))
            )
        return Extraction(
            source=document["source"],
            sha256=document["sha256"],
            format=document["format"],
            document=DocumentInfo(
                municipality=document["municipality"],
                municipality_code=document["municipality_code"],
                title=document["title"],
                doc_type=document["doc_type"],
                year=document["year"],
                period=document["period"],
            ),
            periods=periods,
            activities=[
                Activity(
                    code=a["code"],
                    name=a["name"],
                    programme=a["programme"],
                    theme=a["theme"],
                    target_year=a["target_year"],
                    description=a["description"],
                    progress=a["progress"],
                    proposal=a["proposal"],
                    line=a["line"],
                )
                for a in activities
            ],
            statuses=statuses,
            budget_lines=[
                BudgetLine(
                    scope=b["scope"],
                    kind=b["kind"],
                    column=b["column_label"],
                    year=b["year"],
                    amount_eur=_number(b["amount_eur"]),
                    column_kind=b["column_kind"],
                    total=b["is_total"],
                    direction=b["direction"],
                    activity=b["activity"],
                    programme=b["programme"],
                    note=b["note"],
                    line=b["line"],
                )
                for b in rows("SELECT * FROM budget_lines WHERE doc_id = ? ORDER BY seq")
            ],
            deviations=[
                Deviation(
                    scope=d["scope"],
                    item=d["item"],
                    amount_eur=_number(d["amount_eur"]),
                    direction=d["direction"],
                    explanation=d["explanation"],
                    incidental=d["incidental"],
                    explanation_line=d["explanation_line"],
                    line=d["line"],
                )
                for d in rows("SELECT * FROM deviations WHERE doc_id = ? ORDER BY seq")
            ],
            indicators=[
                Indicator(
                    name=i["name"],
                    group=i["group_name"],
                    unit=i["unit"],
                    target=_number(i["target"]),
                    source=i["source"],
                    values=values.get(i["seq"], []),
                    line=i["line"],
                )
                for i in rows("SELECT * FROM indicators WHERE doc_id = ? ORDER BY seq")
            ],
            raw_text=document["raw_text"],
            page_starts=document["page_starts"],
        )


def _number(value: float | None) -> int | float | None:
    """Whole numbers come back from DOUBLE columns as floats; give them back as ints."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
