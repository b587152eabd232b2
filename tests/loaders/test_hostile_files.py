"""Hostile Office files: zip bombs and million-row packages are refused before they are unpacked, and a malformed
package in a batch is that file's error while the others load."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import docx
import openpyxl

from loaders import cli, extract_file
from tests.conftest import ZEVENAAR


def _swap_part(package: bytes, part: str, head: bytes, body: bytes, copies: int, tail: bytes) -> bytes:
    """`package` with `part` replaced by head + body × copies + tail, written in pieces (never all in memory)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info.filename, source.read(info.filename))
        with target.open(part, "w", force_zip64=True) as stream:
            stream.write(head)
            chunk = body * 10_000
            for _ in range(copies // 10_000):
                stream.write(chunk)
            stream.write(tail)
    return out.getvalue()


def _million_paragraphs() -> bytes:
    made = io.BytesIO()
    docx.Document().save(made)
    xml = zipfile.ZipFile(io.BytesIO(made.getvalue())).read("word/document.xml")
    head, _, _ = xml.partition(b"<w:body>")
    body = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    return _swap_part(made.getvalue(), "word/document.xml", head + b"<w:body>", body, 1_000_000, b"</w:body></w:document>")


def _million_rows() -> bytes:
    made = io.BytesIO()
    openpyxl.Workbook().save(made)
    head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    return _swap_part(made.getvalue(), "xl/worksheets/sheet1.xml", head, b"<row><c><v>1</v></c></row>", 1_000_000, b"</sheetData></worksheet>")


def test_a_word_file_of_a_million_paragraphs_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "veel.docx"
    path.write_bytes(_million_paragraphs())
    start = time.perf_counter()
    extraction = extract_file(path)
    assert time.perf_counter() - start < 10
    assert "refused to protect the server" in extraction.error


def test_a_workbook_of_a_million_rows_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "veel.xlsx"
    path.write_bytes(_million_rows())
    start = time.perf_counter()
    extraction = extract_file(path)
    assert time.perf_counter() - start < 10
    assert "refused to protect the server" in extraction.error


def test_a_malformed_package_in_a_batch_is_its_own_error_and_the_others_are_printed(tmp_path, capsys):
    made = io.BytesIO()
    with zipfile.ZipFile(made, "w") as package:
        package.writestr("word/document.xml", "x")
    broken = bytearray(made.getvalue())
    broken[8:10] = (99).to_bytes(2, "little")  # a compression method nobody supports
    central = broken.find(b"PK\x01\x02")
    broken[central + 10 : central + 12] = (99).to_bytes(2, "little")
    path = tmp_path / "kapot.docx"
    path.write_bytes(bytes(broken))
    code = cli.main(["extract", "--json", str(path), str(ZEVENAAR)])
    printed = json.loads(capsys.readouterr().out)
    assert code == 1
    assert printed[0]["error"].startswith(f"{path}: not a readable")
    assert printed[1]["document"]["municipality"] == "Zevenaar"


def test_a_real_word_file_is_not_refused(tmp_path):
    document = docx.Document()
    for number in range(2000):
        document.add_paragraph(f"Activiteit {number}: de uitvoering loopt volgens plan.")
    path = tmp_path / "echt.docx"
    document.save(path)
    assert extract_file(Path(path)).error is None
