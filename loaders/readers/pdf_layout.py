"""The layout of one PDF page: text runs and shapes into lines, lines into paragraphs and tables.

A table is a run of lines that fall into columns: column positions come from where the cells of the body rows
line up (figures on their right edge, text on its left edge), header cells are placed over the columns they
cover (a name over three sub-columns names all three), and lines that continue a row's text (a wrapped name
or description under a row that starts with a code) are joined to that row.
"""

from __future__ import annotations

from collections import Counter
from functools import reduce
from statistics import median

from loaders.readers.builder import DocumentBuilder
from loaders.readers.pdf_columns import column_anchors, group_slots, row_slots
from loaders.readers.pdf_headers import (
    ALIGN,
    CAPTION_WORDS,
    INDENT,
    MAX_HEADER_GAP_LINES,
    detached_header,
    header_line,
    header_lines,
    wraps_into_row,
)
from loaders.readers.pdf_lines import (
    Chunk,
    PageLine,
    Rule,
    group_lines,
    hyphenated,
    is_figure,
    is_value,
    merge,
    visible,
    wrapped,
)
from loaders.readers.pdf_rows import group_rows
from loaders.readers.shapes import Shape, looks_like_header, shape
from model.document import Cell
from model.numbering import parse_numbered
from model.text import fold, is_page_number

_HEADING_SIZE = 1.1  # a line set this many times the body text's size or larger is a heading
_MAX_HEADING_LEVEL = 3
_MAX_HEADING_WORDS = 12
_PROSE_SHARE = 0.55  # a single run wider than this share of the text width is a line of prose
_MAX_GAP_LINES = 2.2  # a gap larger than this many line heights ends a table
_WRAP_SHARE = 0.8  # a line this wide (of the text width) runs on to the next line
_WRAP_GAP = 0.7  # at most this many line heights between the lines of one paragraph


def _leading_text(lines: list[PageLine]) -> int:
    """How many lines at the start of a table run are text above the table: single runs at its left edge (a
    title, the end of a sentence) before its first line of several cells."""
    margin = min((line.cells[0].x0 for line in lines if line.cells), default=0.0)
    count = 0
    while count < len(lines) - 1 and len(lines[count].cells) == 1 and not is_value(lines[count].cells[0]):
        cell = lines[count].cells[0]
        if (header_line(lines[count]) and cell.x0 - margin > INDENT) or wraps_into_row(lines, count):
            break
        count += 1
    return count


def _emit_table(builder: DocumentBuilder, lines: list[PageLine], rules: list[Rule], levels: dict[float, int]) -> None:
    header_count = header_lines(lines, rules)
    body = lines[header_count:]
    columns = column_anchors(body)
    if len(columns) < 2:
        for line in lines:
            _emit_line(builder, line, levels)
        return
    rows: list[list[Cell]] = []
    if header_count:
        names: list[list[str]] = [[] for _ in columns]
        for line in lines[:header_count]:
            for index, chunk in enumerate(group_slots(line, columns) or row_slots(line, columns, spread=True)):
                if chunk is not None and chunk.text and chunk.text not in names[index]:
                    names[index].append(chunk.text)
        joined = (reduce(_name_goes_on, parts, "") for parts in names)
        rows.append([Cell(visible(name), 0, header=True) for name in joined])
    for group in group_rows(body, columns, rules):
        cells: list[Cell] = [Cell("", 0) for _ in columns]
        for line in group:
            for index, chunk in enumerate(row_slots(line, columns, spread=False)):
                if chunk is not None and (chunk.text or chunk.marks):
                    old = cells[index]
                    text = wrapped(old.text, chunk.text, "\n")
                    cells[index] = Cell(text, 0, old.marks + chunk.marks)
        rows.append([Cell(visible(cell.text), 0, cell.marks) for cell in cells])
    builder.table(rows, 1 if header_count else 0, layout="positioned")


def _name_goes_on(name: str, part: str) -> str:
    """A column name continued on the next header line; a word its column was too narrow for, hyphenated there,
    is joined whole ('Vermeerde-' and 'ringen 2026': 'Vermeerderingen 2026')."""
    if hyphenated(name, part):
        return f"{name[:-1]}{part}"
    return wrapped(name, part, " ")


def heading_levels(chunks: list[Chunk]) -> dict[float, int]:
    """The level of each font size larger than the body text's (the size most characters are set in): the
    largest is level 1; sizes that few characters use are headings, up to three levels."""
    counts: Counter[float] = Counter()
    for chunk in chunks:
        if chunk.size:
            counts[round(chunk.size, 1)] += len(chunk.text)
    if not counts:
        return {}
    body = counts.most_common(1)[0][0]
    larger = sorted((size for size in counts if size >= body * _HEADING_SIZE), reverse=True)
    return {size: min(level, _MAX_HEADING_LEVEL) for level, size in enumerate(larger, start=1)}


def _emit_line(builder: DocumentBuilder, line: PageLine, levels: dict[float, int]) -> None:
    text = visible(line.text)
    marks = tuple(m for c in line.cells for m in c.marks)
    numbered = parse_numbered(text) if text else None
    level = levels.get(round(line.cells[0].size, 1)) if len(line.cells) == 1 else None
    if numbered is not None and len(line.cells) == 1:
        builder.heading(text, numbered.depth)
    elif level is not None and _heading_text(text):
        builder.heading(text, level)
    else:
        builder.paragraph(text, marks)


def _heading_text(text: str) -> bool:
    """A short name, not a sentence or a figure: text set larger than the body that can be a heading."""
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= _MAX_HEADING_WORDS
        and not stripped.endswith((".", ",", ";"))
        and shape(stripped) not in {Shape.NUMBER, Shape.MISSING, Shape.YEAR}
    )


def _regions(lines: list[PageLine], width: float, left: float) -> list[tuple[bool, list[PageLine]]]:
    """Runs of lines: (True, lines) for a table, (False, lines) for text."""
    heights = [line.bottom - line.top for line in lines] or [10.0]
    height = median(heights)
    result: list[tuple[bool, list[PageLine]]] = []
    run: list[PageLine] = []

    def close() -> None:
        multi = [line for line in run if len(line.cells) >= 2]
        valued = [line for line in multi if any(is_value(c) for c in line.cells)]
        if len(multi) >= 2 and valued:
            result.append((True, list(run)))
        else:
            result.extend((False, [line]) for line in run)
        run.clear()

    for position, line in enumerate(lines):
        prose = (
            len(line.cells) == 1
            and (line.cells[0].x1 - line.cells[0].x0) > _PROSE_SHARE * width
            and line.cells[0].x0 - left < INDENT
        )
        gap = line.top - run[-1].bottom if run else 0.0
        following = lines[position + 1] if position + 1 < len(lines) else None
        valued = any(is_figure(c) for r in run for c in r.cells)
        caption = valued and (
            (
                len(line.cells) == 1
                and following is not None
                and len(following.cells) >= 2
                and looks_like_header([c.text for c in following.cells])
            )
            or (len(line.cells) >= 2 and looks_like_header([c.text for c in line.cells]))
        )
        titled = fold(line.text).startswith(CAPTION_WORDS)
        years = _trailing_years(line) if titled else 0
        spaced = gap > _MAX_GAP_LINES * height and not _lines_up(lines, position, run)
        if prose or spaced or caption or titled:
            close()
        if prose or titled:
            result.append((False, [PageLine(line.cells[: len(line.cells) - years])]))
            if years:  # the caption line also names the columns: its years start the table
                run.append(PageLine(line.cells[-years:]))
        else:
            run.append(line)
    close()
    return result


def _lines_up(lines: list[PageLine], position: int, run: list[PageLine]) -> bool:
    """The line after a wider gap, or the one after it (below a section name), has two or more figures that end
    where figures of the table above end: a total or a section of that table set apart, not a new table."""
    ends = {round(c.x1) for line in run for c in line.cells if c.text and is_value(c)}
    for line in lines[position : position + 2]:
        figures = [c for c in line.cells if c.text and is_value(c)]
        if len(figures) >= 2 and sum(1 for c in figures if any(abs(c.x1 - end) <= ALIGN for end in ends)) >= 2:
            return True
    return False


def _trailing_years(line: PageLine) -> int:
    """How many cells at the end of a caption line are years over the table's columns ('Tabel 11.1 - Financieel
    Meerjarenbeeld (bedragen x € 1.000) | 2024 | 2025 | 2026 | 2027'): two or more after the title, else none."""
    count = 0
    while count < len(line.cells) - 1 and shape(line.cells[-1 - count].text) == Shape.YEAR:
        count += 1
    return count if count >= 2 else 0


def lay_out_page(
    builder: DocumentBuilder, chunks: list[Chunk], rules: list[Rule] | None = None, levels: dict[float, int] | None = None
) -> None:
    """Add one page's blocks to the builder; `rules` are the horizontal lines drawn on the page, `levels` the
    heading level of each font size set larger than the body text (heading_levels)."""
    levels = levels or {}
    if not chunks:
        return
    texts = [c for c in chunks if c.text.strip()]
    chunks = [c for c in chunks if c.text.strip() or not any(_behind(c, t) for t in texts)]
    lines = [line for group in group_lines(chunks) if not is_page_number((line := merge(group)).text)]
    left = min((c.x0 for c in texts), default=0.0)
    width = max((c.x1 for c in texts), default=1.0) - left
    pending: PageLine | None = None
    regions: list[tuple[bool, list[PageLine]]] = []
    for is_table, run in _regions(lines, width, left):
        lead = _leading_text(run) if is_table else 0
        if lead:
            regions.append((False, run[:lead]))
        if is_table:
            run = [*detached_header(regions, run[lead:]), *run[lead:]]
        regions.append((is_table, run if is_table else run[lead:]))
    for is_table, run in _headed(regions):
        if is_table:
            if pending is not None:
                _emit_line(builder, pending, levels)
                pending = None
            _emit_table(builder, run, rules or [], levels)
            continue
        for line in run:
            if pending is not None and _continues(pending, line, width, left):
                pending = _join(pending, line)
                continue
            if pending is not None:
                _emit_line(builder, pending, levels)
            pending = line
    if pending is not None:
        _emit_line(builder, pending, levels)


def _headed(regions: list[tuple[bool, list[PageLine]]]) -> list[tuple[bool, list[PageLine]]]:
    """A table run of only column names and years joined to the table right below it: a padded header that a
    wider gap set apart from its rows ('Streefwaarde' ... '2026 2027 2028 2029' over 'Totaal kg restafval')."""
    joined: list[tuple[bool, list[PageLine]]] = []
    for is_table, run in regions:
        above = joined[-1][1] if joined and joined[-1][0] else None
        if is_table and above is not None and _names_only(above):
            height = median(line.bottom - line.top for line in above)
            if run[0].top - above[-1].bottom <= MAX_HEADER_GAP_LINES * height:
                joined[-1] = (True, [*above, *run])
                continue
        joined.append((is_table, run))
    return joined


def _names_only(lines: list[PageLine]) -> bool:
    return not any(is_figure(c) for line in lines for c in line.cells)



def _behind(shape_chunk: Chunk, text: Chunk) -> bool:
    """A shape under a text run (a background), not a mark beside it."""
    x, y = (text.x0 + text.x1) / 2, (text.top + text.bottom) / 2
    return shape_chunk.x0 <= x <= shape_chunk.x1 and shape_chunk.top <= y <= shape_chunk.bottom


def _continues(previous: PageLine, line: PageLine, width: float, left: float) -> bool:
    """A line that wraps the paragraph above: the one above runs to the right margin, this one starts where that
    one started, close below it, and neither is a numbered heading or a bullet."""
    above, below = previous.cells, line.cells
    if not above or not below or parse_numbered(line.text) or parse_numbered(previous.text):
        return False
    full = max(c.x1 for c in above) - left >= _WRAP_SHARE * width
    aligned = abs(below[0].x0 - above[0].x0) <= ALIGN
    close = line.top - previous.bottom <= _WRAP_GAP * (previous.bottom - previous.top)
    ended = previous.text.rstrip().endswith((".", "!", "?", ":"))
    return full and aligned and close and not ended and not line.text.lstrip().startswith(("•", "-", "–", "*", "·"))


def _join(previous: PageLine, line: PageLine) -> PageLine:
    text = wrapped(previous.text, line.text, " ")
    first = previous.cells[0]
    marks = tuple(m for c in (*previous.cells, *line.cells) for m in c.marks)
    merged = Chunk(first.x0, max(c.x1 for c in (*previous.cells, *line.cells)), previous.top, line.bottom, text, marks)
    return PageLine([merged])
