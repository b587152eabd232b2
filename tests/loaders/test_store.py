"""The store: atomic, idempotent loads that never block on or break readers."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from loaders import extract_file, store, store_files
from loaders.store import StoreError, load_extractions
from model import layers
from tests.conftest import PROJECT, ZEVENAAR

TABLES = (
    "documents",
    "periods",
    "activities",
    "statuses",
    "budget_lines",
    "deviations",
    "indicators",
    "indicator_values",
    "goals",
    "warnings",
    "deviation_parts",
    "load_log",
)

REPORT = """\
{title}
Gemeente Doesburg
2.1.1 Groen onderhoud
Stand van zaken
1e VGR
2e VGR
Volgens plan
{status}
2.1.2 Speelplaatsen
Stand van zaken
1e VGR
2e VGR
Volgens plan
Volgens plan
"""


def counts(db: Path) -> dict[str, int]:
    with layers.connect(db) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table (without load times), sorted: what a reader sees."""
    with layers.connect(db) as connection:
        return {
            t: sorted(connection.execute(f"SELECT * EXCLUDE (loaded_at) FROM {t}").fetchall(), key=repr)
            if t in ("documents", "load_log")
            else sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in TABLES
        }


def load(db: Path, *paths: Path):
    return load_extractions([extract_file(p) for p in paths], db)


def spawn(code: str, *args: str) -> subprocess.Popen:
    """Run Python `code` in a child process that prints 'ready' when it has reached the interesting point."""
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = child.stdout.readline().strip()
    assert line == "ready", (line, child.stderr.read() if child.poll() is not None else "")
    return child


def test_loading_the_same_bytes_twice_changes_nothing(tmp_path):
    db = tmp_path / "v.duckdb"
    assert [o.outcome for o in load(db, ZEVENAAR)] == ["loaded"]
    before, stat = counts(db), db.stat()
    assert [o.outcome for o in load(db, ZEVENAAR)] == ["unchanged"]
    assert counts(db) == before
    assert (db.stat().st_ino, db.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_the_seed_loads_its_records(tmp_path):
    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    found = counts(db)
    assert (found["documents"], found["activities"], found["statuses"], found["periods"]) == (1, 14, 42, 3)


def test_a_changed_file_replaces_its_earlier_records(tmp_path, write_text):
    db = tmp_path / "v.duckdb"
    report = write_text("vgr.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"))
    load(db, report)
    report.write_text(REPORT.format(title="2e Voortgangsrapportage 2020", status="Bijsturing raad"), encoding="utf-8")
    assert [o.outcome for o in load(db, report)] == ["replaced"]
    with layers.connect(db) as connection:
        statuses = connection.execute("SELECT status_raw FROM statuses ORDER BY activity_key, period_order").fetchall()
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert documents == 1
    assert [s for (s,) in statuses] == ["Volgens plan", "Bijsturing raad", "Volgens plan", "Volgens plan"]


def test_later_reports_extend_the_history_of_the_same_activity(tmp_path, write_text):
    db = tmp_path / "v.duckdb"
    first = write_text("a.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"))
    second = write_text("b.txt", REPORT.format(title="2e Voortgangsrapportage 2021", status="Bijsturing raad"))
    load(db, first, second)
    with layers.connect(db) as connection:
        history = connection.execute(
            "SELECT period, status FROM statuses WHERE activity_key = 'GM0221|2.1.1' ORDER BY period_order"
        ).fetchall()
    assert history == [
        ("1e VGR 2020", "on_track"),
        ("2e VGR 2020", "on_track"),
        ("1e VGR 2021", "on_track"),
        ("2e VGR 2021", "council_action"),
    ]


def test_a_failed_file_is_named_and_the_others_still_load(tmp_path, write_text):
    db = tmp_path / "v.duckdb"
    empty = write_text("empty.txt", "")
    outcomes = load(db, empty, ZEVENAAR)
    assert [o.outcome for o in outcomes] == ["failed", "loaded"]
    assert outcomes[0].message == f"{empty}: the file is empty"
    assert counts(db)["documents"] == 1


def test_a_load_killed_midway_leaves_the_previous_database_intact(tmp_path, write_text):
    db = tmp_path / "v.duckdb"
    report = write_text("vgr.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"))
    load(db, report)
    before = counts(db)
    report.write_text(REPORT.format(title="2e Voortgangsrapportage 2020", status="Rood"), encoding="utf-8")
    child = spawn(
        """
        import sys, time
        from pathlib import Path
        from loaders import extract_file, store
        original = store._store_document
        def store_then_hang(*args):
            outcome = original(*args)
            print("ready", flush=True)
            time.sleep(120)
            return outcome
        store._store_document = store_then_hang
        store.load_extractions([extract_file(sys.argv[1])], Path(sys.argv[2]))
    """,
        str(report),
        str(db),
    )
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert counts(db) == before
    with layers.connect(db) as connection:
        assert connection.execute("SELECT DISTINCT status_raw FROM statuses").fetchall() == [("Volgens plan",)]
    assert [o.outcome for o in load(db, report)] == ["replaced"]
    assert not list(tmp_path.glob(".v.duckdb.*.tmp*"))
    assert not list(layers.delta_dir(db).glob(".*.tmp*"))


def test_a_load_into_an_existing_database_leaves_the_base_file_alone(tmp_path, write_text):
    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    stat = db.stat()
    report = write_text("vgr.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"))
    assert [o.outcome for o in load(db, report)] == ["loaded"]
    assert (db.stat().st_ino, db.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)
    assert [sequence for sequence, _ in layers.delta_files(db)] == [1]
    assert counts(db)["documents"] == 2


def test_a_database_file_deleted_by_hand_starts_afresh_without_the_deltas_left_beside_it(tmp_path, write_text):
    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    report = write_text("vgr.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"))
    load(db, report)  # into a delta beside the base
    db.unlink()
    assert [o.outcome for o in load(db, report)] == ["loaded"]  # before: 'unchanged', then a key violation
    assert counts(db)["documents"] == 1


def test_folding_the_deltas_into_the_base_keeps_every_record(tmp_path, write_text):
    db = tmp_path / "v.duckdb"
    report = write_text("vgr.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"))
    load(db, report)
    load(db, ZEVENAAR)
    report.write_text(REPORT.format(title="2e Voortgangsrapportage 2020", status="Rood"), encoding="utf-8")
    load(db, report)
    before = snapshot(db)
    store.fold(db)
    assert layers.delta_files(db) == []
    assert snapshot(db) == before
    with layers.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM base.replaced").fetchone() == (0,)


def test_a_load_folds_the_deltas_when_enough_have_gathered(tmp_path, write_text, monkeypatch):
    monkeypatch.setattr(store, "MAX_DELTAS", 2)
    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    load(db, write_text("a.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan")))
    base = db.stat().st_ino
    load(db, write_text("b.txt", REPORT.format(title="2e Voortgangsrapportage 2021", status="Volgens plan")))
    assert db.stat().st_ino != base
    assert layers.delta_files(db) == []
    assert counts(db)["documents"] == 3


def test_merging_gathered_deltas_keeps_every_record_and_leaves_the_base_alone(tmp_path, write_text, monkeypatch):
    report = write_text("vgr.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"))
    other = write_text("b.txt", REPORT.format(title="2e Voortgangsrapportage 2021", status="Volgens plan"))

    def loads(db: Path) -> None:
        load(db, ZEVENAAR)
        load(db, report)
        report.write_text(REPORT.format(title="2e Voortgangsrapportage 2020", status="Rood"), encoding="utf-8")
        load(db, report)
        load(db, other)
        report.write_text(REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"), encoding="utf-8")

    monkeypatch.setattr(store, "FOLD_SHARE", 1e9)
    loads(tmp_path / "plain.duckdb")
    monkeypatch.setattr(store, "MAX_DELTAS", 3)
    merged = tmp_path / "merged.duckdb"
    load(merged, ZEVENAAR)
    base = merged.stat().st_ino, merged.stat().st_mtime_ns
    load(merged, report)
    report.write_text(REPORT.format(title="2e Voortgangsrapportage 2020", status="Rood"), encoding="utf-8")
    load(merged, report)
    load(merged, other)
    assert [path.name for _, path in layers.delta_files(merged)] == ["00000001-00000003.duckdb"]
    assert sorted(p.name for p in layers.delta_dir(merged).glob("0*")) == ["00000001-00000003.duckdb"]
    assert (merged.stat().st_ino, merged.stat().st_mtime_ns) == base
    assert snapshot(merged) == snapshot(tmp_path / "plain.duckdb")


def test_a_delta_left_behind_by_a_fold_is_not_counted_twice(tmp_path, write_text):
    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    load(db, write_text("vgr.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan")))
    [(_, delta)] = layers.delta_files(db)
    kept = delta.read_bytes()
    before, snapshot_before = counts(db), snapshot(db)
    store.fold(db)
    delta.write_bytes(kept)
    assert counts(db) == before
    assert snapshot(db) == snapshot_before


def test_load_works_while_another_process_reads_the_database(tmp_path, write_text):
    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    reader = spawn(
        """
        import sys, time, duckdb
        connection = duckdb.connect(sys.argv[1], read_only=True)
        connection.execute("SELECT count(*) FROM documents").fetchall()
        print("ready", flush=True)
        time.sleep(60)
    """,
        str(db),
    )
    try:
        report = write_text("vgr.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"))
        assert [o.outcome for o in load(db, report)] == ["loaded"]
        assert counts(db)["documents"] == 2
    finally:
        reader.kill()
        reader.wait()


def test_a_process_writing_the_database_is_reported_with_its_pid(tmp_path):
    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    writer = spawn(
        """
        import sys, time, duckdb
        connection = duckdb.connect(sys.argv[1])
        print("ready", flush=True)
        time.sleep(60)
    """,
        str(db),
    )
    try:
        with pytest.raises(StoreError, match=f"open for writing by process {writer.pid}"):
            load(db, PROJECT / "data" / "samples" / "000_0a79cdcf394c5ffb.txt")
    finally:
        writer.kill()
        writer.wait()


def test_a_second_load_at_the_same_time_is_refused_with_the_pid(tmp_path):
    db = tmp_path / "v.duckdb"
    with open(tmp_path / "v.duckdb.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        lock.write("4242")
        lock.flush()
        with pytest.raises(StoreError, match=r"another load \(PID 4242\) is writing"):
            load(db, ZEVENAAR)
    assert not db.exists()


def test_a_file_that_is_not_a_database_is_reported(tmp_path):
    db = tmp_path / "v.duckdb"
    db.write_text("not a database")
    with pytest.raises(StoreError, match="not a readable voortgang database"):
        load(db, ZEVENAAR)


def test_after_a_load_the_process_can_open_the_database_for_writing(tmp_path, write_text):
    import duckdb

    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    load(db, write_text("doesburg.txt", REPORT.format(title="1e VGR 2024 Doesburg", status="Volgens plan")))
    with duckdb.connect(str(db)) as writer:  # fails while any connection of this process still has the file
        assert writer.execute("SELECT count(*) FROM documents").fetchone() == (1,)  # the base; Doesburg is in a delta


def test_a_load_that_failed_on_a_broken_database_leaves_the_next_load_working(tmp_path):
    broken = tmp_path / "kapot.duckdb"
    broken.write_text("not a database")
    with pytest.raises(StoreError):
        load(broken, ZEVENAAR)
    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    with pytest.raises(StoreError):
        load(broken, ZEVENAAR)
    assert [o.outcome for o in load(db, ZEVENAAR)] == ["unchanged"]
    assert counts(db)["documents"] == 1


def test_the_same_bytes_twice_in_one_load_are_stored_once(tmp_path):
    db = tmp_path / "v.duckdb"
    copy = tmp_path / "kopie.txt"
    copy.write_bytes(ZEVENAAR.read_bytes())
    outcomes = load(db, ZEVENAAR, copy)
    assert [o.outcome for o in outcomes] == ["loaded", "unchanged"]
    assert outcomes[1].message == f"the same bytes as {ZEVENAAR}"
    assert counts(db)["documents"] == 1


def test_a_full_disk_is_one_line_and_leaves_earlier_loads_and_no_temporary_file(tmp_path, write_text, monkeypatch):
    import errno

    db = tmp_path / "v.duckdb"
    load(db, ZEVENAAR)
    before = snapshot(db)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_files.os, "replace", full)
    report = write_text("vgr.txt", REPORT.format(title="2e Voortgangsrapportage 2020", status="Volgens plan"))
    with pytest.raises(StoreError, match=r"could not write \(No space left on device\); nothing of this load"):
        load(db, report)
    monkeypatch.undo()
    assert snapshot(db) == before
    assert [p.name for p in layers.delta_dir(db).iterdir() if p.name.endswith(".tmp")] == []


def _decisions(db: Path) -> list[tuple]:
    with layers.connect(db) as connection:
        return connection.execute("SELECT from_key, to_key, decision FROM link_decisions ORDER BY decided_at").fetchall()


def test_link_decisions_are_kept_in_order_and_survive_a_fold(tmp_path):
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(ZEVENAAR)], db)
    store.record_link_decision(db, "Zevenaar", "GM0299|6.1.4", "GM0299|2.3.1", "rejected")
    store.record_link_decision(db, "Zevenaar", "GM0299|6.1.4", "GM0299|2.3.1", "confirmed")
    assert _decisions(db) == [("GM0299|6.1.4", "GM0299|2.3.1", "rejected"), ("GM0299|6.1.4", "GM0299|2.3.1", "confirmed")]
    store.fold(db)
    assert layers.delta_files(db) == [] and len(_decisions(db)) == 2


def test_an_unknown_link_decision_is_refused(tmp_path):
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(ZEVENAAR)], db)
    with pytest.raises(StoreError, match="unknown link decision 'maybe'"):
        store.record_link_decision(db, "Zevenaar", "a", "b", "maybe")


def test_columns_that_name_one_period_twice_still_load_with_the_first_value_and_a_warning(tmp_path, write_text):
    path = write_text(
        "kengetallen.txt",
        "Begroting 2025 gemeente Ede\nKengetallen\nKengetal | 2024 | 2024 | 2025\n"
        "Netto schuldquote | 80 | 82 | 85\nSolvabiliteit | 30 | 31 | 32\n",
    )
    db = tmp_path / "v.duckdb"
    assert [o.outcome for o in load(db, path)] == ["loaded"]
    with layers.connect(db) as connection:
        values = connection.execute(
            "SELECT i.name, v.period, v.value FROM indicator_values v JOIN indicators i "
            "ON i.doc_id = v.doc_id AND i.seq = v.indicator_seq ORDER BY i.seq, v.period"
        ).fetchall()
        codes = {row[0] for row in connection.execute("SELECT code FROM warnings").fetchall()}
    assert values == [("Netto schuldquote", "2024", 80), ("Netto schuldquote", "2025", 85),
                      ("Solvabiliteit", "2024", 30), ("Solvabiliteit", "2025", 32)]
    assert "indicator-period-repeated" in codes
