"""Reading bytes: format detection, encodings and files that cannot be read."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from loaders.errors import UnreadableDocument
from loaders.extract import extract_bytes
from loaders.readers.formats import decode_text, detect_format

REPORT = "2e Voortgangsrapportage 2019\nGemeente Zevenaar\n6.1.1 Iets\nStand van zaken\nRek. 2018\nVolgens plan\n"


def _zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (_zip("word/document.xml"), "docx"),
        (_zip("xl/workbook.xml"), "xlsx"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (REPORT.encode(), "text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "ole"),
    ],
)
def test_format_is_detected_from_content(data, fmt):
    assert detect_format(data) == fmt


def test_utf8_with_bom_and_utf16_decode_without_warnings():
    assert decode_text(REPORT.encode("utf-8-sig")) == (REPORT, [])
    assert decode_text(REPORT.encode("utf-16"))[0] == REPORT


def test_windows_1252_text_is_read_with_a_warning():
    text, warnings = decode_text("Status: één ‘goed’".encode("cp1252"))
    assert text == "Status: één ‘goed’" and warnings[0].code == "encoding-guessed"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\n", "the file is empty"),
        (b"abc\x00\x01\x02def", "binary content (NUL bytes), not a text document"),
    ],
)
def test_unreadable_bytes_raise_with_the_reason(data, reason):
    with pytest.raises(UnreadableDocument, match=re.escape(reason)):
        decode_text(data)


def test_random_binary_is_not_taken_for_text():
    with pytest.raises(UnreadableDocument, match="not a text document in a known encoding"):
        decode_text(bytes(range(128, 256)) * 4 + bytes(range(1, 31)) * 10)


def test_unsupported_format_is_named_in_the_error():
    with pytest.raises(UnreadableDocument, match=re.escape("old Office (.doc/.xls) files are not supported")):
        extract_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "report.doc")


def test_wrong_extension_gives_a_warning_and_the_content_decides():
    extraction = extract_bytes(REPORT.encode(), "report.pdf")
    assert extraction.warnings[0].code == "extension-mismatch"
    assert len(extraction.statuses) == 1
