"""Download buttons for a chart and the data behind it, and the shareable link of the current view."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import exports, report_pdf, strings
from dashboard.export_catalog import context_for, data_table, dutch_table
from dashboard.exports import ExportContext
from dashboard.filters import PAGE_FILTERS
from dashboard.selection import Selection


def downloads(
    key: str,
    selection: Selection,
    figure: go.Figure | None = None,
    data: pd.DataFrame | None = None,
    name: str | None = None,
    money: tuple[str, ...] = (),
) -> None:
    """A 'Downloaden' menu: PNG/SVG/HTML of the chart (with filters, sources and date in its title), CSV/XLSX of
    its data. Files are made only when clicked; images need Chromium on the server."""
    name = name or key

    def context() -> ExportContext:  # read only when a file is asked for
        return context_for(selection)

    with st.popover(strings.DOWNLOAD, key=f"download_{key}"):
        if figure is not None:
            if exports.chromium_path():
                st.download_button(
                    strings.DOWNLOAD_PNG,
                    data=lambda: exports.image_bytes(exports.titled(figure, context()), "png"),
                    file_name=f"{name}.png",
                    mime="image/png",
                    key=f"{key}_png",
                    on_click="ignore",
                )
                st.download_button(
                    strings.DOWNLOAD_SVG,
                    data=lambda: exports.image_bytes(exports.titled(figure, context()), "svg"),
                    file_name=f"{name}.svg",
                    mime="image/svg+xml",
                    key=f"{key}_svg",
                    on_click="ignore",
                )
            else:
                st.caption(strings.NO_CHROMIUM)
            st.download_button(
                strings.DOWNLOAD_HTML,
                data=lambda: exports.html_bytes(exports.titled(figure, context())),
                file_name=f"{name}.html",
                mime="text/html",
                key=f"{key}_html",
                on_click="ignore",
            )
        if data is not None:
            money_columns = tuple(strings.COLUMN_NAMES.get(c, c) for c in money if c in data)
            st.download_button(
                strings.DOWNLOAD_CSV,
                data=lambda: exports.csv_bytes(data_table(data, context()), context()),
                file_name=f"{name}.csv",
                mime="text/csv",
                key=f"{key}_csv",
                on_click="ignore",
            )
            st.download_button(
                strings.DOWNLOAD_XLSX,
                data=lambda: exports.xlsx_bytes(data_table(data, context()), context(), money_columns),
                file_name=f"{name}.xlsx",
                key=f"{key}_xlsx",
                on_click="ignore",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )


def report_button(
    title: str, selection: Selection, charts: list[go.Figure], tables: list[tuple[str, pd.DataFrame]], key: str
) -> None:
    """One click: the page's charts and tables for the current filters as a PDF (charts as vector graphics, the
    filters, sources and date on every page; needs Chromium) or as a printable HTML page."""
    dutch = [(caption, dutch_table(table)) for caption, table in tables]
    left, right = st.columns(2)
    if exports.chromium_path():
        left.download_button(
            strings.DOWNLOAD_REPORT_PDF,
            key=f"{key}_pdf",
            on_click="ignore",
            mime="application/pdf",
            file_name=f"{key}.pdf",
            data=lambda: report_pdf.pdf_bytes(title, context_for(selection), charts, dutch),
        )
    else:
        left.caption(strings.NO_CHROMIUM)
    right.download_button(
        strings.DOWNLOAD_REPORT,
        key=key,
        on_click="ignore",
        mime="text/html",
        file_name=f"{key}.html",
        data=lambda: exports.report_html(title, context_for(selection), charts, dutch),
    )


def view_url(base: str, page: str, params: dict[str, list[str]], pages: tuple[str, ...] = ()) -> str:
    """The full address of a view: the app's root (`base` without the page it was opened on, one of `pages`), the
    page and every filter as query parameters."""
    root = urlsplit(base)
    parts = root.path.rstrip("/").split("/")
    if parts[-1] in pages:
        parts = parts[:-1]
    path = "/".join(parts) + ("/" + page if page and page != "overzicht" else "/")
    query = urlencode([(key, value) for key, values in params.items() for value in values])
    return urlunsplit((root.scheme, root.netloc, path, query, ""))


def share_link(page: str) -> None:
    """The full URL of the current view (page and filters), with a copy button, in a popover: its code box needs
    Streamlit's 1.5 MB syntax highlighter, which a closed popover does not make the browser load on every first
    page."""
    if st.context.url:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        url = view_url(st.context.url, page, params, tuple(PAGE_FILTERS))
        with st.sidebar.popover(strings.COPY_LINK, help=strings.COPY_LINK_HELP, icon=":material/link:"):
            st.code(url, language=None, wrap_lines=True)
