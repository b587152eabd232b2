"""Readers: the bytes of a file in any supported format to one document model (model/document.py)."""

from __future__ import annotations

from collections.abc import Callable

from loaders.readers.docx import read_docx
from loaders.readers.formats import decode_text
from loaders.readers.html import read_html
from loaders.readers.pdf import read_pdf
from loaders.readers.text import read_text
from loaders.readers.xlsx import read_xlsx
from model.document import Document
from model.records import WarningRecord


def _read_plain(data: bytes) -> tuple[Document, list[WarningRecord]]:
    text, warnings = decode_text(data)
    return read_text(text), warnings


def _read_html(data: bytes) -> tuple[Document, list[WarningRecord]]:
    text, warnings = decode_text(data)
    return read_html(text), warnings


def _read_pdf(data: bytes) -> tuple[Document, list[WarningRecord]]:
    return read_pdf(data), []


def _read_docx(data: bytes) -> tuple[Document, list[WarningRecord]]:
    return read_docx(data), []


def _read_xlsx(data: bytes) -> tuple[Document, list[WarningRecord]]:
    return read_xlsx(data), []


READERS: dict[str, Callable[[bytes], tuple[Document, list[WarningRecord]]]] = {
    "text": _read_plain,
    "html": _read_html,
    "pdf": _read_pdf,
    "docx": _read_docx,
    "xlsx": _read_xlsx,
}


def read_document(data: bytes, fmt: str) -> tuple[Document, list[WarningRecord]]:
    """The document model of `data` in format `fmt` (as detected), with the reader's own warnings."""
    return READERS[fmt](data)
