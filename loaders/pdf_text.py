"""PDF to text lines with pdfplumber: words in reading order per page, tables as ' | ' rows."""

from __future__ import annotations

import io

from loaders.errors import UnreadableDocument


def pdf_to_text(data: bytes) -> str:
    """The text of every page, pages in order."""
    import pdfplumber

    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            for page in document.pages:
                text = page.extract_text(layout=False) or ""
                pages.append(text)
                page.close()
    except Exception as error:  # noqa: BLE001 — pdfminer raises many kinds for broken files
        raise UnreadableDocument(f"not a readable PDF ({type(error).__name__})") from None
    if not any(page.strip() for page in pages):
        raise UnreadableDocument("the PDF has no text layer (a scan?); OCR is not supported, export it as text")
    return "\n".join(pages)
