"""The `voortgang` command: extract, load and serve (see CONTRACT.md). The one place that turns errors into messages."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from loaders.errors import UnreadableDocument
from loaders.extract import extract_file
from loaders.readers.formats import MAX_UPLOAD_MEGABYTES
from loaders.store import StoreError, load_extractions, load_new_documents
from loaders.stored import read_extraction, stored_documents
from loaders.template.workbook import write_template
from model.municipalities import find_municipality, municipalities_named, suggest_municipalities
from model.records import Extraction
from model.storage import DB_ENV, PROJECT_DIR, default_db_path

SAMPLES_DIR = PROJECT_DIR / "data" / "samples"
BENCH_DATA_DIR = PROJECT_DIR / "benchmarks" / "data"
NATIONAL_DB = PROJECT_DIR / "data" / "voortgang-nationaal.duckdb"
SAMPLE_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx", ".xlsx"}


class UsageError(Exception):
    """Bad command-line usage (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would exit itself; we want one place for exits
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show the traceback of unexpected errors")
    parser = _Parser(
        prog="voortgang",
        parents=[common],
        description="Progress reports of Dutch municipalities into DuckDB, and a dashboard on top.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    extract = commands.add_parser(
        "extract",
        parents=[common],
        help="parse files and print what they contain",
        description="Parse files without touching a database.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--json", action="store_true", help="print one JSON array, one object per file")
    extract.add_argument("--municipality", metavar="NAME", help="the municipality, when detection gets it wrong")

    load = commands.add_parser(
        "load",
        parents=[common],
        help="load files into the database",
        description="Load files into the DuckDB database, each file atomically.",
    )
    load.add_argument("files", nargs="+", metavar="FILE")
    load.add_argument(
        "--db", metavar="PATH", type=Path, help=f"database file (default: ${DB_ENV} or data/voortgang.duckdb)"
    )
    load.add_argument("--municipality", metavar="NAME", help="the municipality, when detection gets it wrong")

    export = commands.add_parser(
        "export",
        parents=[common],
        help="render a chart or its data to a file",
        description="Render a chart (png, svg, html) or its data (csv, xlsx) without the browser.",
    )
    export.add_argument("name", nargs="?", metavar="NAME", help="what to export; see --list")
    export.add_argument("--list", action="store_true", help="list what can be exported")
    export.add_argument("--municipality", metavar="NAME", help="only this municipality")
    export.add_argument("--programme", metavar="NAME", help="only this programme")
    export.add_argument("--period", metavar="PERIOD", help="the period, e.g. '2e VGR 2019' (default: the latest)")
    export.add_argument("--format", metavar="FORMAT", help="png, svg, html, csv or xlsx (default: the first offered)")
    export.add_argument("-o", "--output", metavar="FILE", type=Path, help="file to write (default: NAME.FORMAT)")
    export.add_argument(
        "--db", metavar="PATH", type=Path, help=f"database file (default: ${DB_ENV} or data/voortgang.duckdb)"
    )

    template = commands.add_parser(
        "template",
        parents=[common],
        help="write the empty Excel template",
        description="Write the Excel template controllers fill in by hand (load it with voortgang load).",
    )
    template.add_argument("-o", "--output", metavar="FILE", type=Path, default=Path("voortgang-sjabloon.xlsx"))

    export_template = commands.add_parser(
        "export-template",
        parents=[common],
        help="write a loaded document in the Excel template layout",
        description="Write one loaded document in the Excel template layout; loading that file gives the same records.",
    )
    export_template.add_argument(
        "--document",
        metavar="TEXT",
        help="title or source of the document (needed when the database holds more than one)",
    )
    export_template.add_argument("-o", "--output", metavar="FILE", type=Path, default=Path("voortgang-export.xlsx"))
    export_template.add_argument(
        "--db", metavar="PATH", type=Path, help=f"database file (default: ${DB_ENV} or data/voortgang.duckdb)"
    )

    bench = commands.add_parser(
        "bench",
        parents=[common],
        help="measure how fast documents are read",
        description="Time reading and extraction per format: text in MB/s, PDF in pages/s (with the PDF engine's "
        "plain text beside it as the floor). Without paths: the bundled samples and benchmarks/data.",
    )
    bench.add_argument("paths", nargs="*", metavar="PATH", type=Path, help="files or folders to measure")
    bench.add_argument("--per-file", action="store_true", help="also print the figures of every file")
    bench.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        help="instead: time every dashboard page, a load and an export on this database (e.g. the national demo)",
    )
    bench.add_argument("--municipalities", metavar="N", type=int, default=8, help="how many to render (with --db)")

    demo = commands.add_parser(
        "demo",
        parents=[common],
        help="build a database to try or measure the dashboard on",
        description="Without --national: load the bundled samples. With --national: every municipality, ten years, "
        "four reports a year with sixty activities, budget lines, explained deviations and indicators (synthetic, "
        "about 0.8 million statuses; the same database on every run).",
    )
    demo.add_argument("--national", action="store_true", help="the national database instead of the samples")
    demo.add_argument("--municipalities", metavar="N", type=int, help="only the first N municipalities (--national)")
    demo.add_argument("--db", metavar="PATH", type=Path, help=f"database file (default: {NATIONAL_DB} with --national)")

    serve = commands.add_parser(
        "serve",
        parents=[common],
        help="start the dashboard",
        description="Start the dashboard; with no database yet, load the bundled samples first.",
    )
    serve.add_argument(
        "--db", metavar="PATH", type=Path, help=f"database file (default: ${DB_ENV} or data/voortgang.duckdb)"
    )
    serve.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    return parser


def _summary(extraction: Extraction) -> str:
    info = extraction.document
    return (
        f"{extraction.source}: {info.municipality or '?'} — {info.title or '?'} ({info.year or '?'}): "
        f"{len(extraction.activities)} activities, {len(extraction.statuses)} statuses, "
        f"{len(extraction.periods)} periods, {len(extraction.budget_lines)} budget lines, "
        f"{len(extraction.deviations)} deviations, {len(extraction.indicators)} indicators, "
        f"{len(extraction.goals)} goals, {len(extraction.warnings)} warnings"
    )


def run_extract(files: Sequence[str], as_json: bool, municipality: str | None) -> int:
    """Print what each file contains; exit 1 when any file could not be read."""
    extractions = [extract_file(name, municipality) for name in files]
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
    extractions = [extract_file(name, municipality) for name in files]
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


def run_export(options: argparse.Namespace) -> int:
    """Write one chart or table of the dashboard to a file, the same as its download buttons give."""
    from dashboard import export_catalog, queries
    from dashboard.selection import Selection

    catalog = export_catalog.CATALOG
    if options.list:
        for export in catalog.values():
            print(f"{export.name:<15} {'/'.join(export.formats):<24} {export.description}")
        return 0
    if not options.name:
        raise UsageError("voortgang export: name what to export, or use --list")
    export = catalog.get(options.name)
    if export is None:
        raise UsageError(f"voortgang export: unknown export {options.name!r}; available: {', '.join(catalog)}")
    fmt = (options.format or export.formats[0]).lower()
    if fmt not in export.formats:
        raise UsageError(f"voortgang export: {export.name} can be written as {', '.join(export.formats)}, not {fmt!r}")
    db = (options.db or default_db_path()).expanduser().resolve()
    ensure_database(db)
    loaded = queries.municipalities(path=db)
    if options.municipality and options.municipality not in loaded:
        raise StoreError(
            f"{db}: no documents of municipality {options.municipality!r}; loaded are: "
            f"{', '.join(loaded) or 'none'}"
        )
    selection = Selection(options.municipality, None, options.programme, None, options.period)
    checks = queries.filter_options(selection, path=db)
    for value, allowed, what in (
        (options.programme, checks["programme"], "programme"),
        (options.period, checks["period"], "period"),
    ):
        if value and value not in allowed:
            raise StoreError(f"no {what} {value!r} for these filters; known are: {', '.join(allowed) or 'none'}")
    try:
        figure, data = export.build(selection, db)
    except export_catalog.ExportError as error:
        raise StoreError(f"{export.name}: {error}") from None
    context = export_catalog.context_for(selection, db)
    content = _export_bytes(export, fmt, figure, data, context)
    output = options.output or Path(f"{export.name}.{fmt}")
    output.write_bytes(content)
    print(f"{output}: {export.name} as {fmt} ({len(content)} bytes)")
    return 0


def _export_bytes(export, fmt: str, figure, data, context) -> bytes:
    from dashboard import exports
    from dashboard.export_catalog import dutch_table

    if fmt == "csv":
        return exports.csv_bytes(dutch_table(data))
    if fmt == "xlsx":
        money = tuple(dutch_table(data[[c for c in export.money if c in data]]).columns) if export.money else ()
        return exports.xlsx_bytes(dutch_table(data), context, money_columns=money)
    if fmt == "html":
        return exports.html_bytes(exports.titled(figure, context))
    try:
        return exports.image_bytes(exports.titled(figure, context), fmt)
    except exports.ExportUnavailable:
        raise StoreError(
            f"{export.name}: {fmt} needs Chromium (apt-get install chromium); csv, xlsx and html work without it"
        ) from None


def _write(output: Path, content: bytes) -> int:
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
    return _write(output, write_template(read_extraction(db, chosen[0][0])))


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


def run_bench_database(db: Path, count: int) -> int:
    """Page renders beside DuckDB alone, loads of new documents and one export, on `db` (loads go into a copy)."""
    from dashboard import bench, export_catalog, exports
    from dashboard.selection import Selection

    if not db.is_file():
        raise UsageError(f"error: --db {db}: no such database (build one with `voortgang demo --national`)")
    towns = bench.sample_municipalities(db, count)
    print(f"{db} ({db.stat().st_size / 1e6:.0f} MB), {len(towns)} municipalities: {', '.join(towns)}")
    for line in bench.report(bench.time_pages(db, towns)):
        print(line)
    start = time.perf_counter()
    _, data = export_catalog.CATALOG["status-matrix"].build(Selection(towns[0]), db)
    exports.csv_bytes(export_catalog.dutch_table(data))
    print(f"export status-matrix as CSV ({towns[0]}): {(time.perf_counter() - start) * 1000:.0f} ms")
    from loaders.bench import time_loads

    for line in time_loads(db):
        print(line)
    return 0


def run_serve(db: Path | None, port: int) -> int:
    """Start the Streamlit dashboard on `db` (built from the samples when missing)."""
    db = (db or default_db_path()).expanduser().resolve()
    ensure_database(db)
    os.environ[DB_ENV] = str(db)
    from streamlit.web import cli as streamlit_cli

    app = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
    sys.argv = [
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",
        "--server.maxUploadSize",
        str(MAX_UPLOAD_MEGABYTES),
    ]
    return streamlit_cli.main()


def known_municipality(name: str | None) -> str | None:
    """The list's name of the municipality given with --municipality; a usage error naming near misses when the
    name is not a Dutch municipality."""
    if name is None:
        return None
    known = find_municipality(name)
    if known is not None:
        return known.display_name
    several = municipalities_named(name)
    if len(several) > 1:
        names = " or ".join(m.display_name for m in several)
        raise UsageError(f"error: --municipality {name!r} names more than one municipality; choose {names}")
    suggestions = suggest_municipalities(name)
    hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
    raise UsageError(f"error: --municipality {name!r} is not a Dutch municipality{hint}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments
    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(message)s")
    try:
        options = _parser().parse_args(arguments)
        if options.command == "extract":
            return run_extract(options.files, options.json, known_municipality(options.municipality))
        if options.command == "load":
            return run_load(options.files, options.db, known_municipality(options.municipality))
        if options.command == "export":
            return run_export(options)
        if options.command == "template":
            return _write(options.output, write_template())
        if options.command == "bench":
            if options.db:
                return run_bench_database(options.db, options.municipalities)
            return run_bench(options.paths, options.per_file)
        if options.command == "demo":
            return run_demo(options.national, options.municipalities, options.db)
        if options.command == "export-template":
            return run_export_template(options.document, options.db, options.output)
        return run_serve(options.db, options.port)
    except UsageError as error:
        print(f"{error}\n(see voortgang --help)", file=sys.stderr)
        return 2
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as error:  # noqa: BLE001 — the one place where unexpected errors become a message
        if debug:
            traceback.print_exc()
        print(
            f"error: unexpected {type(error).__name__}: {error} (run with --debug for the traceback)", file=sys.stderr
        )
        return 1


def console() -> None:
    """Console-script wrapper that exits with main()'s code."""
    sys.exit(main())
