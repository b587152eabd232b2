"""PDF to the document model with pypdfium2 (PDFium): text runs with their boxes, colours and weight, and small
filled shapes (coloured status squares and dots), laid out into lines, paragraphs and tables per page.

PDFium gives text runs per line and font (one call per run, not per character), which keeps reading fast; a run's
colour and weight come from its first character. A scan without text, or a text layer whose characters are not
text (fonts that map glyphs to private codes), is refused with that reason.
"""

from __future__ import annotations

import ctypes
import itertools
import unicodedata

from loaders.errors import UnreadableDocument
from loaders.readers.builder import DocumentBuilder
from loaders.readers.pdf_layout import heading_levels, lay_out_page
from loaders.readers.pdf_lines import Chunk, Rule
from model.colours import colour_word, is_symbol
from model.document import Document, DocumentMeta, Mark

_MAX_MARK = 40.0  # points: larger filled shapes are backgrounds and rules, not status marks
_MIN_MARK = 3.0
_SQUARE = (0.6, 1.6)
_MIN_RULE = 30.0
_MAX_RULE_HEIGHT = 2.5
_BOLD = 600
_MAX_COLOURED_TEXT = 8  # only short runs (a symbol, a percentage, a word) carry their colour as a mark
_MIN_READABLE = 0.7
_SAMPLE_CHARS = 2000  # the text layer is judged as soon as this much text was read
_UNREADABLE = (
    "the PDF's text layer is unreadable (its fonts map the characters to codes that are not text); "
    "OCR is not supported, export it as text or ask for an accessible PDF"
)


def _rgb(red: int, green: int, blue: int) -> str:
    return f"{red:02X}{green:02X}{blue:02X}"


def _runs(textpage) -> list[tuple[tuple[float, float, float, float], str, int]]:
    """The text runs of a page: box, text and the index of the first character. The text comes from one read of
    the page's text, cut where each run starts; a page where that does not line up is read run by run."""
    from pypdfium2 import raw

    boxes = [textpage.get_rect(index) for index in range(textpage.count_rects())]
    if not boxes:
        return []
    full = textpage.get_text_range()
    starts = [raw.FPDFText_GetCharIndexAtPos(textpage.raw, b[0] + 0.3, (b[1] + b[3]) / 2, 1.0, 1.0) for b in boxes]
    ordered = all(s >= 0 for s in starts) and all(a < b for a, b in itertools.pairwise(starts))
    if not ordered:
        return [(box, textpage.get_text_bounded(*box), start) for box, start in zip(boxes, starts, strict=True)]
    ends = [*starts[1:], len(full)]
    return [(box, full[start:end], start) for box, start, end in zip(boxes, starts, ends, strict=True)]


def _text_chunks(textpage, height: float) -> list[Chunk]:
    from pypdfium2 import raw

    chunks = []
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    for (left, bottom, right, top), text, char in _runs(textpage):
        text = text.replace("\r", "").replace("\n", " ")
        if not text or not text.strip():
            continue
        marks: list[Mark] = []
        bold = False
        stripped = text.strip()
        if is_symbol(stripped):
            marks.append(Mark("glyph", stripped))
        if char >= 0:
            if len(stripped) <= _MAX_COLOURED_TEXT and raw.FPDFText_GetFillColor(
                textpage.raw, char, red, green, blue, alpha
            ):
                word = colour_word(_rgb(red.value, green.value, blue.value))
                if word and word != "grijs":
                    marks.append(Mark("colour", word))
            bold = raw.FPDFText_GetFontWeight(textpage.raw, char) >= _BOLD
            if bold and len(stripped) <= _MAX_COLOURED_TEXT:
                marks.append(Mark("bold", "vet"))
        size = raw.FPDFText_GetFontSize(textpage.raw, char) if char >= 0 else 0.0
        chunks.append(Chunk(left, right, height - top, height - bottom, text, tuple(marks), bold, size=size))
    return chunks


def _shapes(page, height: float) -> tuple[list[Chunk], list[Rule]]:
    """Small filled shapes (status squares and dots) as chunks that show only a colour, and the heights of
    horizontal rules (thin lines across a table, between its rows)."""
    from pypdfium2 import raw

    chunks = []
    rules: dict[float, Rule] = {}
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    box = [ctypes.c_float() for _ in range(4)]
    for obj in _paths(page.raw):
        if not raw.FPDFPageObj_GetBounds(obj, *box):
            continue
        left, bottom, right, top = (value.value for value in box)
        width, tall = right - left, top - bottom
        if width >= _MIN_RULE and tall <= _MAX_RULE_HEIGHT:
            y = round(height - (top + bottom) / 2, 1)
            known = rules.get(y)
            rules[y] = Rule(y, min(left, known.left), max(right, known.right)) if known else Rule(y, left, right)
            continue
        if not (_MIN_MARK <= width <= _MAX_MARK and _MIN_MARK <= tall <= _MAX_MARK):
            continue
        if not _SQUARE[0] <= width / tall <= _SQUARE[1]:
            continue  # a status mark is a square or a dot; wider tiles are cell backgrounds
        if not raw.FPDFPath_GetDrawMode(obj, fill, stroke) or not fill.value:
            continue
        if not raw.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha) or alpha.value < 128:
            continue
        rgb = _rgb(red.value, green.value, blue.value)
        word = colour_word(rgb) or ("wit" if stroke.value and rgb == "FFFFFF" else None)
        if word:
            chunks.append(Chunk(left, right, height - top, height - bottom, "", (Mark("colour", word),), False))
    return chunks, sorted(rules.values(), key=lambda rule: rule.y)


def _paths(page):
    """The path objects of a page and of the forms on it (one level deep), as raw handles."""
    from pypdfium2 import raw

    for index in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, index)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            yield obj
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            for inner in range(raw.FPDFFormObj_CountObjects(obj)):
                child = raw.FPDFFormObj_GetObject(obj, inner)
                if raw.FPDFPageObj_GetType(child) == raw.FPDF_PAGEOBJ_PATH:
                    yield child


def _readable(texts: list[str]) -> bool:
    """False when most characters of the text layer are control or private codes (glyphs without text)."""
    characters = [ch for text in texts for ch in text if not ch.isspace()]
    if not characters:
        return True
    good = sum(1 for ch in characters if unicodedata.category(ch)[0] in "LNPS" and unicodedata.category(ch) != "Co")
    return good >= len(characters) * _MIN_READABLE


def read_pdf(data: bytes) -> Document:
    """The document model of a PDF: one page after another, each laid out into blocks."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise UnreadableDocument(f"not a readable PDF ({str(error).rstrip('.')})") from None
    try:
        info = document.get_metadata_dict()
        builder = DocumentBuilder(
            "pdf", DocumentMeta(title=info.get("Title") or None, author=info.get("Author") or None,
                                subject=info.get("Subject") or None)
        )
        seen_text: list[str] = []
        checked = False
        pages = []
        for number in range(len(document)):
            page = document[number]
            height = page.get_height()
            textpage = page.get_textpage()
            chunks = _text_chunks(textpage, height)
            if not checked:
                seen_text.extend(chunk.text for chunk in chunks)
                if sum(map(len, seen_text)) >= _SAMPLE_CHARS:
                    if not _readable(seen_text):
                        raise UnreadableDocument(_UNREADABLE)
                    checked = True
            shapes, rules = _shapes(page, height)
            pages.append((chunks, shapes, rules))
            textpage.close()
            page.close()
        levels = heading_levels([chunk for chunks, _, _ in pages for chunk in chunks])
        for chunks, shapes, rules in pages:  # laid out once the body text's size is known: larger lines are headings
            builder.new_page()
            lay_out_page(builder, [*chunks, *shapes], rules, levels)
    except pdfium.PdfiumError as error:
        raise UnreadableDocument(f"not a readable PDF ({str(error).rstrip('.')})") from None
    finally:
        document.close()
    if not any(text.strip() for text in seen_text):
        raise UnreadableDocument("the PDF has no text layer (a scan?); OCR is not supported, export it as text")
    if not _readable(seen_text):
        raise UnreadableDocument(_UNREADABLE)
    return builder.build()
