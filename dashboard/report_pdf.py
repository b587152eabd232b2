"""Reports to hand on as PDF: a page's charts as vector graphics (SVG), its tables, and on every printed page the
filters and date above, the sources and Dutch page numbers below. Chromium prints it through Playwright (the same
Debian chromium that renders the images); one print at a time."""

from __future__ import annotations

import html
import threading

import pandas as pd
import plotly.graph_objects as go

from dashboard import exports, strings
from dashboard.exports import ExportContext, ExportUnavailable

_lock = threading.Lock()
_FOOTER_SOURCES = 240  # characters of the source list in the footer; the first page lists them all
_CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
_STYLE = (
    "body{font-family:'DejaVu Sans',Arial,sans-serif;color:#222;font-size:10pt}h1{font-size:16pt}h2{font-size:12pt;"
    "margin-top:1.2em}.meta{color:#555;font-size:9pt}svg{width:100%;height:auto;page-break-inside:avoid}"
    "table{border-collapse:collapse;font-size:8pt;width:100%}td,th{border:1px solid #ccc;padding:2px 4px;"
    "text-align:left;vertical-align:top}tr{page-break-inside:avoid}"
)


def printable_html(
    title: str, context: ExportContext, charts: list[go.Figure], tables: list[tuple[str, pd.DataFrame]]
) -> str:
    """The report as one HTML page: title, filters, sources and date, each chart as inline SVG, each table."""
    parts = exports.report_heading(title, context)
    for figure in charts:
        parts.append(exports.image_bytes(figure, "svg").decode("utf-8"))
    for caption, frame in tables:
        parts.append(f"<h2>{html.escape(caption)}</h2>")
        parts.append(frame.to_html(index=False, na_rep=strings.MISSING, border=0, escape=True))
    return (
        f"<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body>{''.join(parts)}</body></html>"
    )


def _margins(context: ExportContext) -> tuple[str, str]:
    """The header (filters and date) and footer (sources and 'Pagina x van y') printed on every page."""
    filters, sources, created = context.lines()
    if len(sources) > _FOOTER_SOURCES:
        sources = sources[: _FOOTER_SOURCES - 1] + "…"
    box = "font-family:DejaVu Sans,Arial,sans-serif;font-size:7pt;color:#555;width:100%;margin:0 1.5cm"
    header = f"<div style='{box}'>{html.escape(filters)} · {html.escape(created)}</div>"
    footer = (
        f"<div style='{box};display:flex;justify-content:space-between'><span>{html.escape(sources)}</span>"
        f"<span>{strings.PDF_PAGE_NUMBER}</span></div>"
    )
    return header, footer


def pdf_bytes(
    title: str, context: ExportContext, charts: list[go.Figure], tables: list[tuple[str, pd.DataFrame]]
) -> bytes:
    """The report as an A4 PDF printed by Chromium; ExportUnavailable without Chromium."""
    chromium = exports.chromium_path()
    if chromium is None:
        raise ExportUnavailable(strings.NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    document = printable_html(title, context, charts, tables)
    header, footer = _margins(context)
    with _lock, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=_CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_content(document, wait_until="load")
            return page.pdf(
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template=header,
                footer_template=footer,
                margin={"top": "1.6cm", "bottom": "1.6cm", "left": "1.5cm", "right": "1.5cm"},
            )
        finally:
            browser.close()
