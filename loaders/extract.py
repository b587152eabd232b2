"""One entry point per file: read bytes, detect the format, read the document model, run the recognizers."""

from __future__ import annotations

import hashlib
import io
import logging
import stat
from pathlib import Path

from loaders.errors import UnreadableDocument
from loaders.readers import read_document
from loaders.readers.formats import check_extension, check_package, detect_format, require_supported
from loaders.readers.text import read_text
from loaders.recognizers.document import parse_document
from loaders.template.workbook import is_template, read_template
from model.caching import clear_text_caches
from model.records import Extraction

_log = logging.getLogger(__name__)


def _is_template(data: bytes) -> bool:
    from openpyxl import load_workbook

    try:
        return is_template(load_workbook(io.BytesIO(data), read_only=True).sheetnames)
    except Exception:  # noqa: BLE001 — an unreadable workbook is reported by the generic reader
        return False


def parse_text(text: str, source: str, sha256: str, municipality: str | None = None, fmt: str = "text") -> Extraction:
    """Parse document text into records; never raises for problems inside the document."""
    document = read_text(text, fmt)
    if not document.lines:
        raise UnreadableDocument("the file has no text")
    return parse_document(document, source, sha256, municipality)


def extract_bytes(data: bytes, source: str, municipality: str | None = None) -> Extraction:
    """Parse the bytes of one file. Raises UnreadableDocument when they cannot be read at all. The text caches are
    emptied afterwards, so that they never hold more than one document's texts."""
    try:
        return _extract_bytes(data, source, municipality)
    finally:
        clear_text_caches()


def _extract_bytes(data: bytes, source: str, municipality: str | None) -> Extraction:
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = detect_format(data)
    require_supported(fmt)
    if fmt in ("docx", "xlsx"):
        check_package(data)
    if fmt == "xlsx" and _is_template(data):
        return read_template(data, source, sha256, municipality)
    document, warnings = read_document(data, fmt)
    document.meta.file_name = Path(source).name
    if not document.lines:
        raise UnreadableDocument("the file has no text")
    mismatch = check_extension(Path(source).suffix, fmt)
    extraction = parse_document(document, source, sha256, municipality)
    extraction.warnings = [*([mismatch] if mismatch else []), *warnings, *extraction.warnings]
    return extraction


def read_file(path: Path) -> bytes:
    """The bytes of `path`, or UnreadableDocument saying why they cannot be had (a pipe or a device is never read:
    it could block or never end)."""
    try:
        if path.exists() and not path.is_dir() and not stat.S_ISREG(path.stat().st_mode):
            raise UnreadableDocument("not a regular file (a pipe, socket or device)")
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument("file not found") from None
    except IsADirectoryError:
        raise UnreadableDocument("is a directory, not a file") from None
    except PermissionError:
        raise UnreadableDocument("permission denied") from None
    except OSError as error:
        raise UnreadableDocument(error.strerror or str(error)) from None


def extract_file(path: str | Path, municipality: str | None = None) -> Extraction:
    """Parse one file; problems that make it unreadable come back as an Extraction with `error` set."""
    source = str(path)
    try:
        data = read_file(Path(path))
    except UnreadableDocument as error:
        return Extraction(source=source, sha256="", error=f"{source}: {error.reason}")
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        return extract_bytes(data, source, municipality)
    except UnreadableDocument as error:
        return Extraction(source=source, sha256=sha256, error=f"{source}: {error.reason}")
    except Exception as error:  # noqa: BLE001 — one file that breaks a reader never stops the others
        _log.debug("reading %s failed", source, exc_info=True)
        return Extraction(
            source=source,
            sha256=sha256,
            error=f"{source}: could not be read (unexpected {type(error).__name__}: {error}); "
            "run with --debug for the details",
        )
