"""The `voortgang` command: extract, load and serve (see CONTRACT.md). The one place that turns errors into messages."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from loaders.errors import StoreError, UsageError
from model.municipalities import find_municipality, municipalities_named, suggest_municipalities
from model.storage import DB_ENV, NATIONAL_DB

# the pages `voortgang report` can write (dashboard/page_reports.PAGES; not imported here: the CLI starts fast)
REPORT_PAGES = ("overzicht", "activiteiten", "financien", "indicatoren", "vergelijken", "bronnen")


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
    _database_argument(load)
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
    _database_argument(export)

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
    _database_argument(export_template)

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

    report = commands.add_parser(
        "report",
        parents=[common],
        help="a page of the dashboard as a PDF or HTML report",
        description="Write one page of the dashboard (its default view) as a report to hand on: its charts (vector "
        "graphics in PDF), its tables, and on every page the filters, the sources and the date.",
    )
    report.add_argument("--page", required=True, choices=REPORT_PAGES, help="the page to report")
    report.add_argument(
        "--municipality", metavar="NAME", nargs="+", default=[],
        help="the municipality (name, alias or CBS code); more names are shown beside it where the page compares",
    )
    report.add_argument("--format", choices=("pdf", "html"), default="pdf", help="pdf (default) or html")
    report.add_argument("-o", "--output", metavar="FILE", type=Path, help="where to write it (default PAGE.FORMAT)")
    _database_argument(report)

    checks = commands.add_parser(
        "checks",
        parents=[common],
        help="the controller's checks across documents",
        description="List what a controller checks across a municipality's documents: deviations above the "
        "explanation threshold without explanation (deviation-unexplained), statuses that contradict the money "
        "(status-money-mismatch), budget stages that do not follow (stage-mismatch) and each document's own "
        "failed checks; each with its document, page and line and a Dutch explanation.",
    )
    _database_argument(checks)
    checks.add_argument("--municipality", metavar="NAME", help="only this municipality (name, alias or CBS code)")
    checks.add_argument("--json", action="store_true", help="print the findings as one JSON array")

    serve = commands.add_parser(
        "serve",
        parents=[common],
        help="start the dashboard",
        description="Start the dashboard; with no database yet, load the bundled samples first.",
    )
    _database_argument(serve)
    serve.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    serve.add_argument(
        "--address",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0 opens it to the network, "
        "where without a login anyone who reaches it sees every document)",
    )
    serve.add_argument(
        "--secrets",
        metavar="FILE",
        type=Path,
        help="Streamlit secrets file whose [auth] section configures the login (OpenID Connect); default "
        ".streamlit/secrets.toml in your home or working folder",
    )
    serve.add_argument(
        "--roles",
        metavar="FILE",
        type=Path,
        help='role file: per user\'s e-mail address the municipalities they may see ("alice@x.nl" = ["Zevenaar"], '
        'or ["*"] for all); needed with a login',
    )
    return parser


def _database_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", type=Path, help=f"database file (default: ${DB_ENV} or data/voortgang.duckdb)"
    )


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


def _run(options: argparse.Namespace) -> int:
    """Run one command; each command's modules are imported only when it runs (serve starts faster that way)."""
    if options.command in ("export", "serve", "checks", "report") or (options.command == "bench" and options.db):
        from loaders import dashboard_commands as dashboard

        if options.command == "report":
            towns = [known_municipality(name) for name in options.municipality]
            return dashboard.run_report(options.db, options.page, towns, options.format, options.output)
        if options.command == "checks":
            return dashboard.run_checks(options.db, known_municipality(options.municipality), options.json)
        if options.command == "export":
            return dashboard.run_export(options)
        if options.command == "bench":
            return dashboard.run_bench_database(options.db, options.municipalities)
        return dashboard.run_serve(options.db, options.port, options.address, options.secrets, options.roles)
    from loaders import commands

    if options.command == "extract":
        return commands.run_extract(options.files, options.json, known_municipality(options.municipality))
    if options.command == "load":
        return commands.run_load(options.files, options.db, known_municipality(options.municipality))
    if options.command == "template":
        from loaders.template.workbook import write_template

        return commands.write_file(options.output, write_template())
    if options.command == "bench":
        return commands.run_bench(options.paths, options.per_file)
    if options.command == "demo":
        return commands.run_demo(options.national, options.municipalities, options.db)
    return commands.run_export_template(options.document, options.db, options.output)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments
    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(message)s")
    try:
        options = _parser().parse_args(arguments)
        return _run(options)
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
