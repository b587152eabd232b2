"""Exported files, checked as files: PNG size, SVG content, XLSX and CSV round trips, the report, thread safety."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import charts, exports, money_queries, queries, strings
from dashboard.export_catalog import CATALOG, context_for, dutch_table, with_provenance
from dashboard.selection import Selection
from loaders import extract_file
from loaders.store import load_extractions

ZEVENAAR = Selection(municipality="Zevenaar")
CONTEXT = exports.ExportContext(
    {"Gemeente": "Zevenaar"}, ("2e Voortgangsrapportage 2019 (a.txt)",), datetime(2026, 11, 23, 9, 30)
)
# the sample municipality that has what an export shows (Zevenaar for the rest)
SAMPLE_WITH = {
    "deviations": "Ooststellingwerf",
    "waterfall": "Ooststellingwerf",
    "budget": "Ooststellingwerf",
    "indicators": "Bronckhorst",
}
needs_chromium = pytest.mark.skipif(exports.chromium_path() is None, reason="Chromium not installed")


def trend(samples_db):
    return exports.titled(charts.status_trend(queries.status_counts(ZEVENAAR, path=samples_db)), CONTEXT)


@needs_chromium
def test_png_has_the_signature_and_print_size(samples_db):
    png = exports.image_bytes(trend(samples_db), "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (exports.PNG_WIDTH * exports.PNG_SCALE, exports.PNG_HEIGHT * exports.PNG_SCALE)


@needs_chromium
def test_svg_is_xml_with_the_charts_labels_and_the_filters(samples_db):
    svg = exports.image_bytes(trend(samples_db), "svg").decode("utf-8")
    ElementTree.fromstring(svg)
    for text in (
        "Status per rapportageperiode",
        "Rekening 2018",
        "2e VGR 2019",
        "op koers",
        "Gemeente: Zevenaar",
        "23-11-2026 09:30",
    ):
        assert text in svg


@needs_chromium
def test_four_parallel_exports_each_get_their_own_chart():
    def render(number: int) -> str:
        figure = charts.status_trend(
            pd.DataFrame({"period": ["P"], "period_order": [1], "status": ["on_track"], "n": [number]})
        )
        figure.update_layout(title=f"Grafiek nummer {number}")
        return exports.image_bytes(figure, "svg").decode("utf-8")

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(render, range(1, 5)))
    for number, svg in enumerate(results, start=1):
        assert f"Grafiek nummer {number}" in svg
        assert all(f"Grafiek nummer {other}" not in svg for other in range(1, 5) if other != number)


def test_html_is_standalone_with_plotly_embedded(samples_db):
    page = exports.html_bytes(trend(samples_db)).decode("utf-8")
    assert page.lower().startswith("<!doctype html>") and "Plotly.newPlot" in page
    assert 'src="https://cdn' not in page and len(page) > 1_000_000


def test_csv_round_trips_in_dutch_excel_format(samples_db):
    data = money_queries.deviations(
        money_queries.finance_documents(Selection("Ooststellingwerf"), path=samples_db)["doc_id"][0], path=samples_db
    )[["item", "amount_eur", "direction"]]
    raw = exports.csv_bytes(data, CONTEXT)
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw
    back = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig", skiprows=4)
    assert back["item"].tolist() == data["item"].tolist()
    assert back["amount_eur"].tolist() == data["amount_eur"].tolist()


def test_xlsx_reopens_with_the_same_rows_numbers_and_a_sheet_of_filters(samples_db):
    data = dutch_table(queries.status_counts(ZEVENAAR, path=samples_db)[["period", "status", "n"]])
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(data, CONTEXT)))
    rows = list(book["Gegevens"].values)
    assert list(rows[0]) == list(data.columns)
    assert [list(r) for r in rows[1:]] == data.values.tolist()
    assert all(isinstance(r[2], int) for r in rows[1:])
    assert next(iter(book["Filters en bronnen"].values)) == ("Filters", "Gemeente: Zevenaar")


def test_money_columns_get_a_euro_format():
    data = pd.DataFrame({"Post": ["Jeugdzorg"], "Bedrag": [328000.0]})
    sheet = load_workbook(io.BytesIO(exports.xlsx_bytes(data, CONTEXT, ("Bedrag",))))["Gegevens"]
    assert sheet["B2"].value == 328000 and "€" in sheet["B2"].number_format


def test_report_holds_the_charts_tables_and_filters(samples_db):
    report = exports.report_html(
        "Overzicht", CONTEXT, [trend(samples_db)], [("Aandacht nodig", pd.DataFrame({"Code": ["6.1.4"]}))]
    ).decode("utf-8")
    assert "<h1>Overzicht</h1>" in report and "Gemeente: Zevenaar" in report and "6.1.4" in report
    assert report.count("Plotly.newPlot") == 1


def test_context_names_filters_and_source_documents(samples_db):
    context = context_for(ZEVENAAR, path=samples_db)
    assert context.filters == {"Gemeente": "Zevenaar"}
    assert context.sources[0].startswith("2e Voortgangsrapportage 2019 (")


def test_every_catalog_entry_builds_on_the_samples(samples_db):
    for name, export in CATALOG.items():
        municipality = SAMPLE_WITH.get(name, "Zevenaar")
        figure, data = export.build(Selection(municipality), samples_db)
        assert not data.empty, name
        assert (figure is None) == ("png" not in export.formats), name


def test_no_data_export_holds_internal_status_codes_or_english_headers(samples_db):
    for name, export in CATALOG.items():
        municipality = "Ooststellingwerf" if name in {"deviations", "waterfall", "budget"} else "Zevenaar"
        _, data = export.build(Selection(municipality), samples_db)
        shown = dutch_table(data)
        assert not set(shown.columns) & set(strings.COLUMN_NAMES), (name, list(shown.columns))
        cells = {str(value) for column in shown.columns for value in shown[column]}
        assert not cells & {"on_track", "partly", "council_action", "done", "True", "False"}, name


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "voortgang"), "export", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_lists_exports_and_writes_xlsx(samples_db, tmp_path):
    listing = _cli("--list", cwd=tmp_path)
    assert listing.returncode == 0 and "status-trend" in listing.stdout and "deviations" in listing.stdout
    done = _cli(
        "deviations",
        "--municipality",
        "Ooststellingwerf",
        "--format",
        "xlsx",
        "-o",
        "afwijkingen.xlsx",
        "--db",
        str(samples_db),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    rows = list(load_workbook(tmp_path / "afwijkingen.xlsx")["Gegevens"].values)
    assert len(rows) == 8 and rows[1][0] == "Participatie"


@needs_chromium
def test_cli_writes_an_svg_of_the_trend(samples_db, tmp_path):
    done = _cli(
        "status-trend",
        "--municipality",
        "Zevenaar",
        "--format",
        "svg",
        "-o",
        "trend.svg",
        "--db",
        str(samples_db),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "1e VGR 2019" in (tmp_path / "trend.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("nonsense",), 2, "unknown export 'nonsense'"),
        (("status-trend", "--format", "pdf"), 2, "can be written as png, svg, html, csv, xlsx, not 'pdf'"),
        (("indicators", "--format", "png"), 2, "can be written as csv, xlsx, not 'png'"),
        (("status-trend", "--municipality", "Atlantis"), 1, "no documents of municipality 'Atlantis'"),
        (("status-trend", "--period", "Q9 2099"), 1, "no period 'Q9 2099'"),
    ],
)
def test_cli_errors_are_one_clear_line(samples_db, tmp_path, args, code, message):
    done = _cli(*args, "--db", str(samples_db), cwd=tmp_path)
    assert done.returncode == code and message in done.stderr and "Traceback" not in done.stderr


def test_csv_text_that_starts_like_a_formula_gets_a_quote_and_numbers_do_not():
    frame = pd.DataFrame(
        {"naam": ['=HYPERLINK("https://evil.example")', "+1", "@som", "gewoon"], "bedrag": [-5.0, 1, 2, 3]}
    )
    text = exports.csv_bytes(frame, CONTEXT).decode("utf-8-sig").splitlines()
    assert text[5:] == ['"\'=HYPERLINK(""https://evil.example"")";-5', "'+1;1", "'@som;2", "gewoon;3"]


def test_xlsx_text_that_starts_like_a_formula_is_stored_as_text():
    frame = pd.DataFrame({"naam": ["=1+1", "-gewoon"], "bedrag": [-5, 6]})
    context = exports.ExportContext({"Gemeente": "=WEBSERVICE(1)"}, (), datetime(2026, 11, 25))
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(frame, context)))
    data = book[strings.EXPORT_SHEET_DATA]
    assert [(c.value, c.data_type) for c in data["A"][1:]] == [("=1+1", "s"), ("-gewoon", "s")]
    assert [c.value for c in data["B"][1:]] == [-5, 6]
    assert all(cell.data_type != "f" for row in book[strings.EXPORT_SHEET_ABOUT].iter_rows() for cell in row)


def test_a_side_by_side_export_names_the_compared_municipalities_and_their_sources(samples_db):
    alone = context_for(ZEVENAAR, samples_db)
    both = context_for(Selection("Zevenaar", compare=("Oude IJsselstreek",)), samples_db)
    assert both.filters[strings.FILTER_COMPARE] == "Oude IJsselstreek"
    assert strings.FILTER_COMPARE not in alone.filters
    assert set(alone.sources) < set(both.sources)


def test_a_csv_starts_with_its_filters_sources_and_date_then_the_table():
    frame = pd.DataFrame({"Post": ["Jeugdzorg"], "Bedrag": [328000.0]})
    text = exports.csv_bytes(frame, CONTEXT).decode("utf-8-sig").splitlines()
    assert text[:5] == [
        "Filters;Gemeente: Zevenaar",
        "Bronnen;2e Voortgangsrapportage 2019 (a.txt)",
        "Gemaakt op;23-11-2026 09:30",
        "",
        "Post;Bedrag",
    ]


def test_rows_get_their_document_page_and_line_and_sums_the_documents_they_cover():
    context = exports.ExportContext(documents={"d1": ("Jaarrekening 2024", (1, 40, 80)), "d2": ("1e VGR 2024", ())})
    rows = with_provenance(pd.DataFrame({"item": ["Jeugdzorg"], "line": [55], "doc_id": ["d1"]}), context)
    assert rows[["document", "page", "line"]].values.tolist() == [["Jaarrekening 2024", 2, 55]]
    counts = with_provenance(pd.DataFrame({"period": ["2e VGR 2024"], "n": [14]}), context)
    assert counts[["document", "page", "line"]].values.tolist() == [["Jaarrekening 2024; 1e VGR 2024", None, None]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_data_export_of_the_command_line_has_document_page_and_line_and_the_stamp(samples_db, tmp_path, fmt):
    for name in CATALOG:
        municipality = SAMPLE_WITH.get(name, "Zevenaar")
        output = tmp_path / f"{name}.{fmt}"
        args = (name, "--municipality", municipality, "--format", fmt, "-o", str(output), "--db", str(samples_db))
        assert _cli(*args, cwd=tmp_path).returncode == 0, name
        if fmt == "csv":
            lines = output.read_text(encoding="utf-8-sig").splitlines()
            assert lines[0].startswith("Filters;Gemeente: ") and lines[2].startswith("Gemaakt op;"), name
            header = lines[4].split(";")
        else:
            book = load_workbook(output)
            header = list(next(book[strings.EXPORT_SHEET_DATA].values))
            assert next(iter(book[strings.EXPORT_SHEET_ABOUT].values))[0] == "Filters", name
        assert header[-3:] == [strings.COL_DOCUMENT, strings.COL_PAGE, strings.COL_LINE], (name, header)


def test_the_indicators_export_names_its_columns_in_dutch_and_writes_values_the_dutch_way(tmp_path, write_text):
    source = write_text("ede.txt", "Begroting 2024 gemeente Ede\nIndicatoren\nIndicator | 2022 | 2023\nNiet-sporters | 44,2 | 46,4\n")
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(source)], db)
    _, data = CATALOG["indicators"].build(Selection("Ede"), db)
    shown = dutch_table(data)
    assert shown[[strings.COL_INDICATOR, strings.COL_VALUES]].values.tolist() == [["Niet-sporters", "2022: 44,2; 2023: 46,4"]]


def test_an_exported_row_of_a_pdf_gets_the_page_it_is_printed_on(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", size=10)
    for text in ("Programmabegroting 2025 gemeente Ede", "Indicatoren"):
        pdf.add_page()
        pdf.text(20, 30, text)
    source = tmp_path / "ede.pdf"
    source.write_bytes(bytes(pdf.output()))
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(source)], db)
    context = context_for(Selection("Ede"), db)
    [(title, starts)] = context.documents.values()
    assert len(starts) == 2  # DuckDB gives the page starts as an array; before, they were taken for none
    rows = with_provenance(pd.DataFrame({"item": ["Indicatoren"], "line": [starts[1]], "title": [title]}), context)
    assert rows["page"].tolist() == [2]
