"""The database schema: the tables every document's records go into. Only the store (loaders/store.py) applies it
and writes them; the read side reads them through model/layers.py."""

from __future__ import annotations

from model.statuses import STATUSES

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
    threshold_eur DOUBLE,
    threshold_percent DOUBLE,
    threshold_line INTEGER,
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
    row_label VARCHAR,
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
CREATE TABLE IF NOT EXISTS replaced (doc_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS link_decisions (
    municipality VARCHAR,
    from_key VARCHAR NOT NULL,
    to_key VARCHAR NOT NULL,
    decision VARCHAR NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
    decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
"""
# A user's decisions about activity links: kept apart from the documents, so that reloading a document keeps them;
# the latest decision about a pair counts.
LINK_TABLE = "link_decisions"
# The tables that hold a document's records, documents last (a replaced document is deleted in this order).
DOCUMENT_TABLES = (
    "periods",
    "activities",
    "statuses",
    "budget_lines",
    "deviation_parts",
    "deviations",
    "indicators",
    "indicator_values",
    "goals",
    "warnings",
    "documents",
)
