"""Where the database lives and which schema version it must have: shared by the store (which writes it) and the
dashboard (which only reads it), so that reading never imports the writer."""

from __future__ import annotations

import os
from pathlib import Path

SCHEMA_VERSION = "6"
DB_ENV = "VOORTGANG_DB"
PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_DIR / "data" / "voortgang.duckdb"
NATIONAL_DB = PROJECT_DIR / "data" / "voortgang-nationaal.duckdb"  # what `voortgang demo --national` builds


def default_db_path() -> Path:
    """The database named by VOORTGANG_DB, else data/voortgang.duckdb in the project."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)
