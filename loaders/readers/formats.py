"""Format detection by content (not only by extension) and decoding of bytes to text."""

from __future__ import annotations

import codecs
import io
import zipfile

from loaders.errors import UnreadableDocument
from model.limits import MAX_PACK_RATIO, MAX_UNPACKED_MEGABYTES
from model.records import WarningRecord

_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError, OSError)
_LARGE_PART = 1024 * 1024

SUPPORTED = ("text", "html", "pdf", "docx", "xlsx")
_NAMES = {
    "pdf": "PDF",
    "docx": "Word (.docx)",
    "xlsx": "Excel (.xlsx)",
    "ole": "old Office (.doc/.xls)",
    "zip": "ZIP archive",
    "html": "HTML",
    "text": "text",
}
_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".doc": "ole",
    ".xls": "ole",
    ".htm": "html",
    ".html": "html",
    ".txt": "text",
    ".md": "text",
    ".csv": "text",
}


def detect_format(data: bytes) -> str:
    """Name the format of `data` from its first bytes: pdf, docx, xlsx, ole, zip, html or text."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except _ZIP_ERRORS:
            return "zip"
        if any(name.startswith("word/") for name in names):
            return "docx"
        if any(name.startswith("xl/") for name in names):
            return "xlsx"
        return "zip"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head:
        return "html"
    return "text"


def check_extension(suffix: str, detected: str) -> WarningRecord | None:
    """A warning when the file's extension promises another format than its content has."""
    expected = _EXTENSIONS.get(suffix.lower())
    if expected is None or expected == detected or {expected, detected} <= {"text", "html"}:
        return None
    return WarningRecord(
        code="extension-mismatch",
        message=f"the extension {suffix} says {_NAMES[expected]} but the content is {_NAMES[detected]}; "
        f"read as {_NAMES[detected]}",
    )


def check_package(data: bytes) -> None:
    """Refuse a Word or Excel file whose parts unpack to more than MAX_UNPACKED_MEGABYTES, or that packs a large part
    more than MAX_PACK_RATIO times (a zip bomb), before any library unpacks it. Unpacking never yields more than the
    sizes the package declares (zipfile stops there), so the declared sizes are the bound."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except _ZIP_ERRORS as error:
        raise UnreadableDocument(f"not a readable Office package ({type(error).__name__})") from None
    total = sum(part.file_size for part in parts)
    packed = max(
        (part.file_size / max(1, part.compress_size) for part in parts if part.file_size > _LARGE_PART), default=0
    )
    if total > MAX_UNPACKED_MEGABYTES * 1024 * 1024 or packed > MAX_PACK_RATIO:
        raise UnreadableDocument(
            f"the file unpacks to {total / 1024 / 1024:.0f} MB, packed up to {packed:.0f} times; refused to protect "
            f"the server (at most {MAX_UNPACKED_MEGABYTES} MB, packed at most {MAX_PACK_RATIO} times)"
        )


def require_supported(detected: str) -> None:
    """Raise UnreadableDocument for formats no loader reads."""
    if detected not in SUPPORTED:
        raise UnreadableDocument(
            f"{_NAMES[detected]} files are not supported; supported are text, HTML, PDF, Word (.docx) and Excel (.xlsx)"
        )


def decode_text(data: bytes) -> tuple[str, list[WarningRecord]]:
    """Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 with a warning."""
    if not data.strip():
        raise UnreadableDocument("the file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as error:
                raise UnreadableDocument(f"not valid {encoding} text at byte {error.start}") from None
    if b"\x00" in data[:4096]:
        raise UnreadableDocument("binary content (NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        utf8_error = error
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or ch == "\ufffd")
    if controls > max(2, len(text) // 200):
        raise UnreadableDocument(
            f"not a text document in a known encoding (invalid UTF-8 byte 0x{data[utf8_error.start]:02x} "
            f"at offset {utf8_error.start})"
        )
    warning = WarningRecord(
        code="encoding-guessed",
        message=f"the file is not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
        f"{utf8_error.start}); read as Windows-1252",
    )
    return text, [warning]
