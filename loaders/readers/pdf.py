"""PDF to text lines with pdfplumber, in reading order.

Pages with coloured status marks (small filled circles or squares, a traffic light without text) are rebuilt
from their words so each mark appears as its colour word at its place in the line; wide gaps between words
become ' | ' cell separators there.
"""

from __future__ import annotations

import io
import itertools
from typing import Any

from loaders.errors import UnreadableDocument
from model.colours import colour_word

_MAX_MARK = 40.0  # points: larger filled shapes are backgrounds, not status marks
_LINE_TOLERANCE = 4.0
_CELL_GAP = 18.0


def _hex(colour: Any) -> str | None:
    """pdfplumber colours are gray (1 value), RGB (3) or CMYK (4) floats from 0 to 1."""
    if not isinstance(colour, list | tuple) or not colour:
        return None
    values = [float(v) for v in colour]
    if len(values) == 1:
        values = values * 3
    elif len(values) == 4:
        cyan, magenta, yellow, black = values
        values = [(1 - cyan) * (1 - black), (1 - magenta) * (1 - black), (1 - yellow) * (1 - black)]
    elif len(values) != 3:
        return None
    return "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in values)


def _marks(page: Any) -> list[dict]:
    found = []
    for shape in [*page.rects, *page.curves]:
        width, height = shape["x1"] - shape["x0"], shape["bottom"] - shape["top"]
        if not shape.get("fill") or width > _MAX_MARK or height > _MAX_MARK or width < 2 or height < 2:
            continue
        word = colour_word(_hex(shape.get("non_stroking_color")))
        if word:
            found.append(
                {
                    "text": word.capitalize(),
                    "x0": shape["x0"],
                    "x1": shape["x1"],
                    "top": shape["top"],
                    "bottom": shape["bottom"],
                }
            )
    return found


def _lines_with_marks(page: Any, marks: list[dict]) -> str:
    items = sorted([*page.extract_words(), *marks], key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"]))
    lines: list[list[dict]] = []
    for item in items:
        middle = (item["top"] + item["bottom"]) / 2
        if lines and abs(middle - lines[-1][0]["middle"]) <= _LINE_TOLERANCE:
            lines[-1].append({**item, "middle": middle})
        else:
            lines.append([{**item, "middle": middle}])
    rendered = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        text = line[0]["text"]
        for previous, word in itertools.pairwise(line):
            text += (" | " if word["x0"] - previous["x1"] > _CELL_GAP else " ") + word["text"]
        rendered.append(text)
    return "\n".join(rendered)


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page, in order (pages keep their number as provenance)."""
    import pdfplumber

    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            for page in document.pages:
                marks = _marks(page)
                pages.append(_lines_with_marks(page, marks) if marks else page.extract_text(layout=False) or "")
                page.close()
    except Exception as error:  # noqa: BLE001 — pdfminer raises many kinds for broken files
        raise UnreadableDocument(f"not a readable PDF ({type(error).__name__})") from None
    if not any(page.strip() for page in pages):
        raise UnreadableDocument("the PDF has no text layer (a scan?); OCR is not supported, export it as text")
    return pages


def pdf_to_text(data: bytes) -> str:
    """The text of every page, pages in order."""
    return "\n".join(pdf_pages(data))


def page_starts(pages: list[str]) -> list[int]:
    """The 1-based line number where each page starts in the joined text."""
    starts, line = [], 1
    for page in pages:
        starts.append(line)
        line += page.count("\n") + 1
    return starts
