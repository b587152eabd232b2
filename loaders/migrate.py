"""Bring a database of an older schema to this version without losing what was loaded: every stored document is
read again from the text kept with it (documents.raw_text, with its municipality) into a new database that
replaces the old one in one rename. Documents first read from PDF, Word or Excel are read again as text, which
finds the records their text lines carry."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from loaders.errors import StoreError, UnreadableDocument
from loaders.extract import parse_text
from loaders.schema import LINK_TABLE
from loaders.store import load_new_documents
from model import layers
from model.records import Extraction

_TEXT_FORMATS = ("text", "html")


def _stored_texts(db_path: Path) -> list[tuple[str, str, str, str | None, str]]:
    """(source, sha256, text, municipality, format) of every stored document of the old database."""
    try:
        with duckdb.connect(str(db_path), read_only=True, config=layers.CONFIG) as old:
            return old.execute(
                "SELECT source, sha256, raw_text, municipality, coalesce(format, 'text') FROM documents"
            ).fetchall()
    except duckdb.Error as error:
        raise StoreError(f"{db_path}: cannot be migrated ({str(error).splitlines()[0]}); the file was not changed") from None


def _link_decisions(db_path: Path) -> list[tuple]:
    """The user's activity-link decisions of the old database (none before they existed)."""
    with duckdb.connect(str(db_path), read_only=True, config=layers.CONFIG) as old:
        if LINK_TABLE not in layers.table_names(old, old.execute("SELECT current_database()").fetchone()[0]):
            return []
        return old.execute(f"SELECT municipality, from_key, to_key, decision, decided_at FROM {LINK_TABLE}").fetchall()


def migrate(db_path: Path) -> tuple[int, int]:
    """Replace `db_path` (of an older schema) by a database of this version with its documents read again;
    returns (documents migrated, documents whose text could not be read again)."""
    extractions = []
    for source, sha256, text, municipality, fmt in _stored_texts(db_path):
        try:
            extractions.append(
                parse_text(text or "", source, sha256, municipality, fmt if fmt in _TEXT_FORMATS else "text")
            )
        except UnreadableDocument as error:
            extractions.append(Extraction(source=source, sha256=sha256, error=error.reason))
    decisions = _link_decisions(db_path)
    fresh = db_path.with_name(f".{db_path.name}.migrated.{os.getpid()}.tmp")
    fresh.unlink(missing_ok=True)
    try:
        stored = load_new_documents(extractions, fresh)
        if decisions:
            with duckdb.connect(str(fresh), config=layers.CONFIG) as connection:
                connection.executemany(f"INSERT INTO {LINK_TABLE} VALUES (?, ?, ?, ?, ?)", decisions)
        os.replace(fresh, db_path)
    finally:
        fresh.unlink(missing_ok=True)
        Path(f"{fresh}.lock").unlink(missing_ok=True)
    for _, delta in layers.delta_files(db_path):
        delta.unlink(missing_ok=True)
    return stored, len(extractions) - stored
