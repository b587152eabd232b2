"""The commands that read documents and write the database: extract, load, demo, export-template and the
loaders' bench (see CONTRACT.md)."""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from loaders.errors import StoreError, UnreadableDocument
from loaders.extract import extract_file
from loaders.store import load_extractions, load_new_documents
from loaders.stored import read_extraction, stored_documents
from loaders.template.workbook import write_template
from model import layers
from model.limits import EXTRACT_SECONDS
from model.records import Extraction
from model.storage import NATIONAL_DB, PROJECT_DIR, SCHEMA_VERSION, default_db_path

SAMPLES_DIR = PROJECT_DIR / "data" / "samples"
BENCH_DATA_DIR = PROJECT_DIR / "benchmarks" / "data"
SAMPLE_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx", ".xlsx"}


def _summary(extraction: Extraction) -> str:
    info = extraction.document
    return (
        f"{extraction.source}: {info.municipality or '?'} — {info.title or '?'} ({info.year or '?'}): "
        f"{len(extraction.activities)} activities, {len(extraction.statuses)} statuses, "
        f"{len(extraction.periods)} periods, {len(extraction.budget_lines)} budget lines, "
        f"{len(extraction.deviations)} deviations, {len(extraction.indicators)} indicators, "
        f"{len(extraction.goals)} goals, {len(extraction.warnings)} warnings"
    )


class _TooSlow(BaseException):
    """Raised by the alarm inside a reader (a BaseException, so that no reader's error handling swallows it)."""


def extract_in_time(name: str, municipality: str | None) -> Extraction:
    """extract_file, stopped after model.limits.EXTRACT_SECONDS (the file's error then says so); the alarm needs
    the main thread, which the command line always is. An alarm that lands in a finalizer is swallowed by Python
    there, so it repeats every tenth of the limit until one stops the reader; a swallowed one is not printed, no
    alarm interrupts that hook, and none is raised once the reader has returned."""
    armed, fired = [True], [False]

    def stop(_signal: int, frame: FrameType | None) -> None:
        # not in the hook before it blocks alarms: a raise there would be printed as the hook's own error
        if armed[0] and (frame is None or frame.f_code is not unraisable.__code__):
            fired[0] = True
            raise _TooSlow

    def unraisable(report: sys.UnraisableHookArgs) -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # an alarm now would be reported as the hook's
        try:
            if not isinstance(report.exc_value, _TooSlow):
                hook(report)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})

    stopped = Extraction(
        source=name, sha256="", error=f"{name}: reading took longer than {EXTRACT_SECONDS:g} s and was stopped"
    )
    hook = sys.unraisablehook
    previous = signal.signal(signal.SIGALRM, stop)
    sys.unraisablehook = unraisable
    signal.setitimer(signal.ITIMER_REAL, EXTRACT_SECONDS, EXTRACT_SECONDS / 10)
    try:
        try:
            extraction = extract_file(name, municipality)
        finally:
            armed[0] = False  # an alarm already on its way must not interrupt the handling below
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _TooSlow:
        return stopped
    else:
        # an alarm raised inside a library call can come back wrapped (ctypes: 'ArgumentError: _TooSlow'), which
        # the reader reports as its own failure: that failure is the stop
        return stopped if fired[0] and extraction.error else extraction
    finally:
        signal.signal(signal.SIGALRM, previous)
        sys.unraisablehook = hook


def run_extract(files: Sequence[str], as_json: bool, municipality: str | None) -> int:
    """Print what each file contains; exit 1 when any file could not be read."""
    extractions = [extract_in_time(name, municipality) for name in files]
    if as_json:
        json.dump([e.to_json_dict() for e in extractions], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for extraction in extractions:
            if extraction.error:
                continue
            print(_summary(extraction))
            for warning in extraction.warnings:
                print(f"  warning: {warning.render()}")
    for extraction in extractions:
        if extraction.error:
            print(f"error: {extraction.error}", file=sys.stderr)
    return 1 if any(e.error for e in extractions) else 0


def run_load(files: Sequence[str], db: Path | None, municipality: str | None) -> int:
    """Load each file atomically; exit 1 when any failed (the others are still loaded)."""
    extractions = [extract_in_time(name, municipality) for name in files]
    upgrade_if_older((db or default_db_path()).expanduser())
    outcomes = load_extractions(extractions, db)
    for outcome in outcomes:
        if outcome.outcome == "failed":
            print(f"error: {outcome.message}", file=sys.stderr)
        elif outcome.outcome == "unchanged":
            print(f"{outcome.source}: unchanged (these exact bytes are already loaded)")
        else:
            counts = ", ".join(f"{what}: {n}" for what, n in outcome.counts.items() if n)
            print(f"{outcome.source}: {outcome.outcome} ({counts or 'no records'})")
    return 1 if any(o.outcome == "failed" for o in outcomes) else 0


def sample_files() -> list[Path]:
    """The bundled sample documents."""
    return sorted(p for p in SAMPLES_DIR.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES)


def upgrade_if_older(db: Path) -> None:
    """Migrate a database of an older schema in place (its documents read again from their stored text), saying
    so in one line."""
    state, version = layers.examine(db)
    if state == "older":
        from loaders.migrate import migrate

        stored, unreadable = migrate(db)
        lost = f"; {unreadable} could not be read again" if unreadable else ""
        print(f"{db}: migrated from schema {version} to {SCHEMA_VERSION}: {stored} documents read again{lost}")


def ensure_database(db: Path) -> None:
    """Build the database from the bundled samples when it does not exist yet."""
    if db.exists():
        return
    print(f"No database at {db} yet: loading the bundled sample documents first.")
    code = run_load([str(p) for p in sample_files()], db, None)
    if code:
        raise StoreError(f"{db}: the bundled samples could not all be loaded (see above)")


def run_demo(national: bool, municipalities: int | None, db: Path | None) -> int:
    """Load the samples, or build the national demo database through the store."""
    if not national:
        return run_load([str(p) for p in sample_files()], db, None)
    from loaders.demo import DemoSize, national_documents

    db = (db or NATIONAL_DB).expanduser()
    size = DemoSize(municipalities=municipalities)
    print(f"Building {db}: {size.documents} documents …", flush=True)
    start = time.perf_counter()
    stored = load_new_documents(national_documents(size), db)
    print(f"{stored} documents stored in {time.perf_counter() - start:.0f} s ({db.stat().st_size / 1e6:.0f} MB)")
    return 0


def write_file(output: Path, content: bytes) -> int:
    output.write_bytes(content)
    print(f"{output}: {len(content)} bytes")
    return 0


def run_export_template(document: str | None, db: Path | None, output: Path) -> int:
    """Write one stored document in the template layout (a lossless round trip through Excel)."""
    db = (db or default_db_path()).expanduser().resolve()
    if not db.exists():
        raise StoreError(f"{db}: no database yet; load documents first (voortgang load FILE)")
    documents = stored_documents(db)
    chosen = [d for d in documents if document is None or document.lower() in " ".join(map(str, d[1:])).lower()]
    if len(chosen) != 1:
        listing = "; ".join(f"{title or '?'} ({source})" for _, source, title, _ in documents) or "none"
        what = "matches no document" if not chosen else "matches several documents"
        raise StoreError(
            f"--document {document!r} {what}; stored are: {listing}"
            if document
            else f"the database holds {len(documents)} documents; choose one with --document: {listing}"
        )
    return write_file(output, write_template(read_extraction(db, chosen[0][0])))


def run_bench(paths: Sequence[Path], per_file: bool) -> int:
    """Print reading and extraction speed per format; exit 1 when a path cannot be read."""
    from loaders import bench

    files = bench.bench_files(paths or [SAMPLES_DIR, BENCH_DATA_DIR])
    bench.warm_up([*sample_files(), *files])
    timings = []
    for path in files:
        try:
            timings.append(bench.time_file(path))
        except UnreadableDocument as error:
            raise StoreError(f"{path}: {error.reason}") from None
    for line in bench.report(timings, per_file):
        print(line)
    return 0
