"""The commands that wire the loaders to the dashboard's read side: export, bench --db and serve."""

from __future__ import annotations

import argparse
import os
import sys
import time
import tomllib
from pathlib import Path

from loaders.errors import StoreError, UsageError
from model import layers
from model.access import ROLES_ENV, RolesError, load_roles
from model.limits import MAX_UPLOAD_MEGABYTES
from model.storage import DB_ENV, SCHEMA_VERSION, default_db_path

_REFUSED = {
    "unreadable": "not a voortgang database, or damaged ({detail}); the file was not changed",
    "locked": "in use by a program that writes it ({detail}); close that program and try again",
    "foreign": "a DuckDB database, but not one of voortgang; the file was not changed",
    "newer": "made by a newer version of voortgang (schema {detail}, this one knows {current}); update voortgang",
}


def check_database(db: Path) -> None:
    """Build the sample database when `db` is missing, migrate one of an older schema, refuse one that cannot be
    shown, in one line. The loaders are imported only when the file needs them (so that serve starts fast)."""
    if not db.exists():
        from loaders.commands import ensure_database

        ensure_database(db)
    state, detail = layers.examine(db)
    if state == "older":
        from loaders.commands import upgrade_if_older

        upgrade_if_older(db)
        state, detail = layers.examine(db)
    if state in _REFUSED:
        raise StoreError(f"{db}: " + _REFUSED[state].format(detail=detail, current=SCHEMA_VERSION))


def run_export(options: argparse.Namespace) -> int:
    """Write one chart or table of the dashboard to a file, the same as its download buttons give."""
    from dashboard import export_catalog, filter_queries
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
    check_database(db)
    loaded = filter_queries.municipalities(path=db)
    if options.municipality and options.municipality not in loaded:
        raise StoreError(
            f"{db}: no documents of municipality {options.municipality!r}; loaded are: "
            f"{', '.join(loaded) or 'none'}"
        )
    selection = Selection(options.municipality, None, options.programme, None, options.period)
    checks = filter_queries.filter_options(selection, path=db)
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
    from dashboard.export_catalog import data_table, dutch_table

    if fmt == "csv":
        return exports.csv_bytes(data_table(data, context), context)
    if fmt == "xlsx":
        money = tuple(dutch_table(data[[c for c in export.money if c in data]]).columns) if export.money else ()
        return exports.xlsx_bytes(data_table(data, context), context, money_columns=money)
    if fmt == "html":
        return exports.html_bytes(exports.titled(figure, context))
    try:
        return exports.image_bytes(exports.titled(figure, context), fmt)
    except exports.ExportUnavailable:
        raise StoreError(
            f"{export.name}: {fmt} needs Chromium (apt-get install chromium); csv, xlsx and html work without it"
        ) from None


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
    selection = Selection(towns[0])
    _, data = export_catalog.CATALOG["status-matrix"].build(selection, db)
    context = export_catalog.context_for(selection, db)
    exports.csv_bytes(export_catalog.data_table(data, context), context)
    print(f"export status-matrix as CSV ({towns[0]}): {(time.perf_counter() - start) * 1000:.0f} ms")
    from loaders.bench import time_loads

    for line in time_loads(db):
        print(line)
    return 0


def run_report(db: Path | None, page: str, municipalities: list[str], fmt: str, output: Path | None) -> int:
    """Write a page's report (its default view) for one municipality, others beside it where the page compares,
    as PDF or HTML: charts, tables, filters, sources and date."""
    from dashboard import exports, filter_queries, page_reports, report_pdf
    from dashboard.export_catalog import context_for, dutch_table
    from dashboard.selection import Selection

    db = (db or default_db_path()).expanduser().resolve()
    check_database(db)
    loaded = filter_queries.municipalities(path=db)
    missing = [town for town in municipalities if town not in loaded]
    if missing:
        raise StoreError(f"{db}: no documents of municipality {missing[0]!r}; loaded are: {', '.join(loaded) or 'none'}")
    chosen = municipalities[0] if municipalities else filter_queries.newest_municipality(path=db)
    selection = Selection(chosen, compare=tuple(municipalities[1:]))
    report = page_reports.PAGES[page](selection, db)
    context = context_for(selection, db)
    tables = [(caption, dutch_table(table)) for caption, table in report.tables]
    try:
        if fmt == "pdf":
            content = report_pdf.pdf_bytes(report.title, context, report.charts, tables)
        else:
            content = exports.report_html(report.title, context, report.charts, tables)
    except exports.ExportUnavailable:
        raise StoreError("report: pdf needs Chromium (apt-get install chromium); html works without it") from None
    output = output or Path(f"{page}.{fmt}")
    output.write_bytes(content)
    print(f"{output}: report of {page} ({chosen}) as {fmt} ({len(content)} bytes)")
    return 0


def run_checks(db: Path | None, municipality: str | None, as_json: bool) -> int:
    """Print the controller's checks of every loaded municipality (or one): code, severity, document, line, the
    Dutch explanation."""
    import json

    from dashboard import checks, filter_queries

    db = (db or default_db_path()).expanduser().resolve()
    if not db.exists():
        raise StoreError(f"{db}: no such database (load documents with `voortgang load`)")
    check_database(db)
    towns = [municipality] if municipality else filter_queries.municipalities(db)
    findings = [finding for town in towns for finding in checks.find_checks(town, db)]
    if as_json:
        print(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=1))
        return 0
    for f in findings:
        place = f"{', '.join(f.documents)}, " + (f"p. {f.page}, " if f.page else "") + f"regel {f.line or '?'}"
        print(f"{f.municipality}: {place}: {f.code} ({f.severity}): {f.explanation}")
    if not findings:
        print(f"no findings in {len(towns)} municipalities")
    return 0


def _secrets_files(secrets: Path | None) -> list[Path]:
    """The secrets files Streamlit reads: the one given, else its defaults (home folder, then working folder)."""
    if secrets is not None:
        return [secrets]
    return [Path.home() / ".streamlit" / "secrets.toml", Path.cwd() / ".streamlit" / "secrets.toml"]


def check_login(secrets: Path | None, roles: Path | None) -> Path | None:
    """The role file to use (absolute), after checking that a login ([auth] in the secrets) and a role file come
    together; a usage error in one line otherwise. None: no login, the dashboard is open."""
    if secrets is not None and not secrets.is_file():
        raise UsageError(f"error: --secrets {secrets}: no such file")
    login = False
    for path in _secrets_files(secrets):
        if path.is_file():
            try:
                login = login or "auth" in tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
                raise UsageError(f"error: {path}: the secrets file cannot be read ({error})") from None
    places = " or ".join(str(p) for p in _secrets_files(secrets))
    if roles is not None and not login:
        raise UsageError(f"error: --roles needs a login: an [auth] section (OpenID Connect) in {places}")
    if login and roles is None:
        raise UsageError(
            "error: the secrets configure a login ([auth]) but no --roles file says who may see which municipality"
        )
    if roles is None:
        return None
    try:
        load_roles(roles)
    except RolesError as error:
        raise UsageError(f"error: --roles {error}") from None
    return roles.expanduser().resolve()


def run_serve(
    db: Path | None, port: int, address: str = "127.0.0.1", secrets: Path | None = None, roles: Path | None = None
) -> int:
    """Start the Streamlit dashboard on `db` (built from the samples when missing), listening on `address`; with
    a login when the secrets configure one and `roles` says who may see what."""
    db = (db or default_db_path()).expanduser().resolve()
    role_file = check_login(secrets, roles)
    check_database(db)
    os.environ[DB_ENV] = str(db)
    if role_file is not None:
        os.environ[ROLES_ENV] = str(role_file)
    from streamlit.web import cli as streamlit_cli

    from dashboard import warmup

    warmup.start(port)

    app = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
    sys.argv = [
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",
        "--server.maxUploadSize",
        str(MAX_UPLOAD_MEGABYTES),
        *(["--secrets.files", str(secrets.resolve())] if secrets is not None else []),
    ]
    return streamlit_cli.main()
