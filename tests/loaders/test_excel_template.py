"""The Excel template: written empty or from records, read back with row-level messages, lossless round trip."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from loaders import cli
from loaders.extract import extract_bytes, extract_file
from loaders.store import load_extractions
from loaders.stored import read_extraction, stored_documents
from loaders.template.workbook import ACTIVITIES, BUDGET, DEVIATIONS, INDICATORS, write_template
from tests.conftest import SAMPLES


def records(extraction) -> dict[str, list]:
    """What must survive a round trip, per kind of record."""
    return {
        "activities": [
            (a.code, a.name, a.programme, a.theme, a.target_year, a.proposal) for a in extraction.activities
        ],
        "statuses": [(s.activity_code, s.activity_name, s.period, s.status, s.status_raw) for s in extraction.statuses],
        "periods": [(p.label, p.year, p.order) for p in extraction.periods],
        "budget": [
            (
                b.scope,
                b.kind,
                b.column,
                b.column_kind,
                b.total,
                b.year,
                b.amount_eur,
                b.direction,
                b.activity,
                b.programme,
            )
            for b in extraction.budget_lines
        ],
        "deviations": [
            (d.scope, d.item, d.amount_eur, d.direction, d.incidental, d.explanation) for d in extraction.deviations
        ],
        "indicators": [
            (i.group, i.name, i.unit, [(v.period, v.value) for v in i.values], i.target, i.source)
            for i in extraction.indicators
        ],
        "municipality": [extraction.document.municipality, extraction.document.year],
    }


def test_the_empty_template_has_its_sheets_and_loads_as_nothing():
    data = write_template()
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Document", ACTIVITIES, BUDGET, DEVIATIONS, INDICATORS, "Uitleg"]
    assert [c.value for c in book[BUDGET][1]][:6] == ["Onderdeel", "Soort", "Kolom", "Jaar", "Bedrag (€)", "N/V"]
    extraction = extract_bytes(data, "leeg.xlsx")
    assert extraction.format == "xlsx-template" and not extraction.activities and not extraction.warnings


@pytest.mark.parametrize("name", ["003_543c4b251921b3a7.txt", "001_c73ba17fbb0e9615.txt", "002_7e06061e32f00168.txt"])
def test_export_then_import_gives_identical_records(tmp_path, name):
    original = extract_file(SAMPLES / name)
    db = tmp_path / "v.duckdb"
    load_extractions([original], db)
    [(doc_id, *_)] = stored_documents(db)
    workbook = write_template(read_extraction(db, doc_id))
    back = extract_bytes(workbook, "terug.xlsx")
    assert records(back) == records(original)
    assert not back.warnings


def _filled() -> bytes:
    book = load_workbook(io.BytesIO(write_template()))
    book["Document"]["B1"], book["Document"]["B4"] = "Ede", 2021
    activities = book[ACTIVITIES]
    activities["H1"], activities["I1"] = "1e VGR", "2e VGR"
    activities.append(["1.1.1", "Fietspaden verbreden", None, None, 2022, None, None, "Groen", "Oranje"])
    activities.append([None, None, None, None, None, None, None, "Groen"])
    activities.append(["1.1.2", "Laadpalen", None, None, "volgend jaar", None, None, "Bijna klaar", "Rood"])
    book[BUDGET].append(["Jeugd", "lasten", "Rekening 2021", 2021, 1350000, None])
    book[BUDGET].append(["Wmo", "uitgaven", "Rekening 2021", 2021, 760000, None])
    book[BUDGET].append(["Sport", "lasten", "Rekening 2021", 2021, "veel", None])
    book[DEVIATIONS].append(["Thema 1.1", "Jeugdzorg", 150000, "N", "nee", "Meer cliënten."])
    book[DEVIATIONS].append(["Thema 1.2", "Wmo", 40000, "X", "nee", None])
    book[INDICATORS].append(["Kader 1", "Percentage jeugdigen in jeugdhulp", "%", "2020", 11.5, 10, "CBS"])
    book[INDICATORS].append(["Kader 1", "Percentage jeugdigen in jeugdhulp", "%", "2021", 12, 10, "CBS"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_filled_in_template_gives_its_records():
    extraction = extract_bytes(_filled(), "ingevuld.xlsx")
    assert extraction.document.municipality == "Ede" and extraction.document.year == 2021
    assert [(s.activity_code, s.period, s.status) for s in extraction.statuses] == [
        ("1.1.1", "1e VGR", "on_track"),
        ("1.1.1", "2e VGR", "partly"),
        ("1.1.2", "1e VGR", "unknown"),
        ("1.1.2", "2e VGR", "council_action"),
    ]
    assert [p.canonical for p in extraction.periods] == ["2020", "1e VGR 2021", "2e VGR 2021", "2021"]
    assert [(b.scope, b.amount_eur) for b in extraction.budget_lines] == [("Jeugd", 1_350_000), ("Sport", None)]
    assert [(d.item, d.amount_eur, d.direction) for d in extraction.deviations] == [("Jeugdzorg", 150_000, "N")]
    [indicator] = extraction.indicators
    assert [(v.period, v.value) for v in indicator.values] == [("2020", 11.5), ("2021", 12)] and indicator.target == 10


def test_every_unusable_cell_is_reported_with_sheet_row_and_column():
    messages = [w.message for w in extract_bytes(_filled(), "ingevuld.xlsx").warnings]
    assert messages == [
        "sheet 'Activiteiten', row 3, column 'Activiteit': the activity has no name; row skipped",
        "sheet 'Activiteiten', row 4, column 'Jaar realisatie': 'volgend jaar' is not a year",
        (
            "sheet 'Activiteiten', row 4, column '1e VGR': status 'Bijna klaar' is not in the status vocabulary; "
            "stored as unknown"
        ),
        (
            "sheet 'Begroting', row 3, column 'Soort': 'uitgaven' is not one of lasten, baten, saldo, reserves, "
            "resultaat, other"
        ),
        "sheet 'Begroting', row 4, column 'Bedrag (€)': 'veel' is not an amount",
        "sheet 'Afwijkingen', row 3, column 'N/V': needs N or V and a name; row skipped",
    ]


def test_cli_writes_the_template_and_a_loaded_document(tmp_path, capsys):
    assert cli.main(["template", "-o", str(tmp_path / "sjabloon.xlsx")]) == 0
    assert load_workbook(tmp_path / "sjabloon.xlsx").sheetnames[0] == "Document"
    db = tmp_path / "v.duckdb"
    load_extractions([extract_file(SAMPLES / "003_543c4b251921b3a7.txt")], db)
    assert cli.main(["export-template", "--db", str(db), "-o", str(tmp_path / "zevenaar.xlsx")]) == 0
    assert len(extract_bytes((tmp_path / "zevenaar.xlsx").read_bytes(), "z.xlsx").statuses) == 42
    load_extractions([extract_file(SAMPLES / "001_c73ba17fbb0e9615.txt")], db)
    assert cli.main(["export-template", "--db", str(db), "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "choose one with --document" in capsys.readouterr().err
