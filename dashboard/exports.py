"""Files for team leads: charts as PNG/SVG/HTML, data as CSV/XLSX, and a printable report (no Streamlit here).

Images are rendered server-side by kaleido driving Debian's chromium through one persistent export server.
That server is not thread-safe (parallel sessions would get each other's images), so every render holds a lock.
"""

from __future__ import annotations

import html
import io
import os
import shutil
import threading
import warnings
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
import plotly.graph_objects as go

from dashboard import strings
from dashboard.format import date_time

PNG_WIDTH, PNG_HEIGHT, PNG_SCALE = 1200, 700, 3  # 3600 × 2100 px: 300 dpi at 12 × 7 inch
_lock = threading.Lock()
_server: dict[str, bool] = {"started": False}


class ExportUnavailable(Exception):
    """Image export needs Chromium, which is not installed."""


@dataclass(frozen=True)
class ExportContext:
    """What an exported file states about itself: filters, source documents and when it was made."""

    filters: dict[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    created: datetime = field(default_factory=datetime.now)
    documents: dict[str, tuple[str, tuple[int, ...]]] = field(default_factory=dict)  # doc_id → title, page starts

    def lines(self) -> list[str]:
        """Dutch description lines: filters, sources, date."""
        filters = ", ".join(f"{k}: {v}" for k, v in self.filters.items()) or strings.ALL
        return [
            f"{strings.EXPORT_FILTERS}: {filters}",
            f"{strings.EXPORT_SOURCES}: {'; '.join(self.sources) or '—'}",
            f"{strings.EXPORT_CREATED}: {date_time(self.created)}",
        ]


def chromium_path() -> str | None:
    """The browser kaleido will use: BROWSER_PATH, else chromium on PATH."""
    return os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def titled(figure: go.Figure, context: ExportContext) -> go.Figure:
    """A copy of `figure` whose title also states the filters, sources and date."""
    copy = go.Figure(figure)
    title = copy.layout.title.text or ""
    detail = "<br>".join(html.escape(line) for line in context.lines())
    copy.update_layout(title={"text": f"{title}<br><span style='font-size:11px'>{detail}</span>"}, margin={"t": 140})
    return copy


def image_bytes(figure: go.Figure, fmt: str, width: int = PNG_WIDTH, height: int = PNG_HEIGHT) -> bytes:
    """PNG (at print resolution) or SVG of `figure`, rendered one at a time by the shared export server."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown image format {fmt!r}")
    if chromium_path() is None:
        raise ExportUnavailable(strings.NO_CHROMIUM)
    import kaleido

    with _lock:
        if not _server["started"]:
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            _server["started"] = True
        with warnings.catch_warnings():  # plotly notes that kaleido options are ignored with a server
            warnings.simplefilter("ignore", UserWarning)
            return figure.to_image(format=fmt, width=width, height=height, scale=PNG_SCALE if fmt == "png" else 1)


def html_bytes(figure: go.Figure) -> bytes:
    """A standalone interactive HTML file (plotly.js embedded, works offline)."""
    return figure.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: str) -> str:
    """Text that a spreadsheet program shows and never runs as a formula: a leading quote where the text starts
    like one (=, +, -, @, tab, return), as OWASP advises for CSV."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_bytes(frame: pd.DataFrame, context: ExportContext) -> bytes:
    """CSV that Dutch Excel opens correctly: semicolons, decimal comma, UTF-8 with BOM; whole amounts without ',0';
    text that would start a formula neutralized. Its first rows state the filters, sources and date, then an empty
    row, then the table."""
    shown = frame.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_float_dtype(values) and values.dropna().map(float.is_integer).all():
            shown[column] = values.astype("Int64")
        elif not pd.api.types.is_numeric_dtype(values):
            shown[column] = values.map(lambda value: spreadsheet_text(value) if isinstance(value, str) else value)
    shown.columns = [spreadsheet_text(str(column)) for column in shown.columns]
    stamp = pd.DataFrame([line.partition(": ")[::2] for line in context.lines()]).map(spreadsheet_text)
    header = stamp.to_csv(index=False, header=False, sep=";")
    return (header + "\n" + shown.to_csv(index=False, sep=";", decimal=",")).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, context: ExportContext, money_columns: tuple[str, ...] = ()) -> bytes:
    """An Excel workbook: the data with typed numbers (euro format for money), and a sheet with filters and sources."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = strings.EXPORT_SHEET_DATA
    sheet.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([_cell(value) for value in row])
    _text_not_formulas(sheet)
    for position, column in enumerate(frame.columns, start=1):
        if column in money_columns:
            for cells in sheet.iter_rows(min_row=2, min_col=position, max_col=position):
                cells[0].number_format = '"€" #,##0;"€" -#,##0'
    about = book.create_sheet(strings.EXPORT_SHEET_ABOUT)
    for line in context.lines():
        key, _, value = line.partition(": ")
        about.append([key, value])
    _text_not_formulas(about)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text_not_formulas(sheet) -> None:
    """Store text that starts like a formula (openpyxl makes '=…' a formula) as text: Excel never runs it."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _cell(value):
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, list | tuple) or hasattr(value, "__array__"):
        return ", ".join(str(v) for v in value)
    return value


def report_heading(title: str, context: ExportContext) -> list[str]:
    """A report's first HTML parts: its title, then its filters, sources and date."""
    return [
        f"<h1>{html.escape(title)}</h1>",
        "<p class='meta'>" + "<br>".join(html.escape(line) for line in context.lines()) + "</p>",
    ]


def report_html(
    title: str, context: ExportContext, charts: list[go.Figure], tables: list[tuple[str, pd.DataFrame]]
) -> bytes:
    """A printable HTML report of a page: its charts (interactive, plotly.js embedded once) and tables."""
    parts = report_heading(title, context)
    for position, figure in enumerate(charts):
        parts.append(figure.to_html(full_html=False, include_plotlyjs=position == 0, default_width="100%"))
    for caption, frame in tables:
        parts.append(f"<h2>{html.escape(caption)}</h2>")
        parts.append(frame.to_html(index=False, na_rep="", border=0, classes="tabel"))
    style = (
        "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222}.meta{color:#555;font-size:90%}"
        "table.tabel{border-collapse:collapse;font-size:90%}table.tabel td,table.tabel th{border:1px solid #ccc;"
        "padding:3px 6px}@media print{.plotly-graph-div{page-break-inside:avoid}}"
    )
    page = (
        f"<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{style}</style></head><body>{''.join(parts)}</body></html>"
    )
    return page.encode("utf-8")
