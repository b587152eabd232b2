"""One entry point per file: read bytes, detect the format, run the parsers, collect records and warnings."""

from __future__ import annotations

import hashlib
from pathlib import Path

from loaders.errors import UnreadableDocument
from loaders.formats import check_extension, decode_text, detect_format, require_supported
from loaders.html_text import html_to_text
from loaders.lines import split_lines
from loaders.metadata import describe_document
from loaders.status_tables import parse_status_tables
from model.periods import ParsedPeriod
from model.records import Extraction, Period, WarningRecord


def _periods(parsed: list[ParsedPeriod], warnings: list[WarningRecord]) -> list[Period]:
    periods = []
    for period in parsed:
        if period.year_guessed:
            warnings.append(
                WarningRecord(
                    code="period-year-guessed",
                    message=f"period {period.label!r} names no year; took the document's year ({period.year})",
                )
            )
        periods.append(
            Period(
                label=period.label,
                year=period.year,
                order=period.order,
                kind=period.kind,
                canonical=period.canonical,
                year_guessed=period.year_guessed,
            )
        )
    return periods


def parse_text(text: str, source: str, sha256: str, municipality: str | None = None, fmt: str = "text") -> Extraction:
    """Parse document text into records; never raises for problems inside the document."""
    lines = split_lines(text)
    if not lines:
        raise UnreadableDocument("the file has no text")
    context = describe_document(lines, municipality)
    tables = parse_status_tables(lines, context)
    warnings = [*context.warnings, *tables.warnings]
    periods = _periods(tables.periods, warnings)
    return Extraction(
        source=source,
        sha256=sha256,
        format=fmt,
        document=context.info,
        periods=periods,
        activities=tables.activities,
        statuses=tables.statuses,
        warnings=sorted(warnings, key=lambda w: w.line or 0),
        raw_text=text,
    )


def extract_bytes(data: bytes, source: str, municipality: str | None = None) -> Extraction:
    """Parse the bytes of one file. Raises UnreadableDocument when they cannot be read at all."""
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = detect_format(data)
    require_supported(fmt)
    text, warnings = decode_text(data)
    if fmt == "html":
        text = html_to_text(text)
    mismatch = check_extension(Path(source).suffix, fmt)
    extraction = parse_text(text, source, sha256, municipality, fmt)
    extraction.warnings = [*([mismatch] if mismatch else []), *warnings, *extraction.warnings]
    return extraction


def read_file(path: Path) -> bytes:
    """The bytes of `path`, or UnreadableDocument saying why they cannot be had."""
    try:
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
    try:
        return extract_bytes(data, source, municipality)
    except UnreadableDocument as error:
        return Extraction(source=source, sha256=hashlib.sha256(data).hexdigest(), error=f"{source}: {error.reason}")
