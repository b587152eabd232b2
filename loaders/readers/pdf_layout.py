"""The layout of one PDF page: text runs and shapes into lines, lines into paragraphs and tables.

A table is a run of lines that fall into columns: column positions come from where the cells of the body rows
line up (figures on their right edge, text on its left edge), header cells are placed over the columns they
cover (a name over three sub-columns names all three), and lines that continue a row's text (a wrapped name
or description under a row that starts with a code) are joined to that row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median

from loaders.readers.builder import DocumentBuilder
from loaders.readers.shapes import VALUE_SHAPES, Shape, looks_like_header, shape
from model.document import Cell, Mark
from model.numbering import parse_numbered
from model.statuses import match_status
from model.text import fold

_CLUSTER = 6.0  # points: anchors this close are one column
_PROSE_SHARE = 0.55  # a single run wider than this share of the text width is a line of prose
_MAX_GAP_LINES = 2.2  # a gap larger than this many line heights ends a table
_MAX_HEADER_LINES = 4
_WORD_GAP = 0.25  # a gap wider than this share of the text height between two runs is a space
_LINE_END_HYPHEN = "\ufffe"
_ELISION_WORDS = {"en", "of", "tot", "t/m", "en/of"}  # 'Noord- en Zuid-Holland': the hyphen stands for a word part
_SIGNS = {"-", "−", "–"}
_SIGN_GAP = 1.5  # a minus sign this close (in text heights) before a number is that number's sign
_SPACE_SHARE = 0.6  # a gap narrower than this share of the text height is a space inside a cell
_MAX_STATUS_WORDS = 3
_WRAP_SHARE = 0.8  # a line this wide (of the text width) runs on to the next line
_WRAP_GAP = 0.7  # at most this many line heights between the lines of one paragraph
_ALIGN = 3.0
_INDENT = 15.0
_CAPTION_WORDS = ("tabel ", "tabel:", "figuur ", "grafiek ", "table ")  # points: a line starting further right than this is inside a column, not a paragraph
_MAX_HEADER_WORDS = 4
_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,3}){1,4}\.?$|^\d{1,2}(?:\.\d{1,3}){1,4}\s")


@dataclass
class Chunk:
    """A run of text (or a shape) on a page, in points from the top-left corner."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    marks: tuple[Mark, ...] = ()
    bold: bool = False
    spaced: bool = False  # the run ended with a space: the next run is a new word

    @property
    def height(self) -> float:
        return max(1.0, self.bottom - self.top)


@dataclass
class PageLine:
    """A visual line: its cells (runs merged where no gap separates them) from left to right."""

    cells: list[Chunk] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(c.top for c in self.cells)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.cells)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells if c.text)


def _overlap(a: Chunk, top: float, bottom: float) -> float:
    return max(0.0, min(a.bottom, bottom) - max(a.top, top))


def _group_lines(chunks: list[Chunk]) -> list[list[Chunk]]:
    lines: list[list[Chunk]] = []
    for chunk in sorted(chunks, key=lambda c: ((c.top + c.bottom) / 2, c.x0)):
        if lines:
            top = min(c.top for c in lines[-1])
            bottom = max(c.bottom for c in lines[-1])
            if _overlap(chunk, top, bottom) >= 0.5 * min(chunk.height, bottom - top):
                lines[-1].append(chunk)
                continue
        lines.append([chunk])
    return lines


def _merge(chunks: list[Chunk]) -> PageLine:
    """Runs of one line joined where they touch; a gap wider than a few spaces starts a new cell."""
    line = PageLine()
    for chunk in sorted(chunks, key=lambda c: c.x0):
        text = chunk.text.strip()
        if line.cells:
            last = line.cells[-1]
            gap = chunk.x0 - last.x1
            both_text = bool(last.text) and bool(text)
            tall = max(last.height, chunk.height)
            sign = last.text in _SIGNS and text[:1].isdigit() and gap <= _SIGN_GAP * tall
            if both_text and (sign or gap <= max(2.0, _SPACE_SHARE * tall)):
                joiner = " " if gap > _WORD_GAP * tall and not sign else ""
                line.cells[-1] = Chunk(
                    last.x0, max(last.x1, chunk.x1), min(last.top, chunk.top), max(last.bottom, chunk.bottom),
                    f"{last.text}{joiner}{text}", last.marks + chunk.marks, last.bold or chunk.bold,
                    chunk.text[-1:].isspace(),
                )
                continue
        line.cells.append(Chunk(chunk.x0, chunk.x1, chunk.top, chunk.bottom, text, chunk.marks, chunk.bold,
                                chunk.text[-1:].isspace()))
    return line


def _is_value(cell: Chunk) -> bool:
    """A figure, a mark without text (a coloured square) or a status word ('Oranje', 'Volgens plan')."""
    if not cell.text:
        return bool(cell.marks)
    return _is_value_text(cell.text)


@lru_cache(maxsize=1 << 15)
def _is_value_text(text: str) -> bool:
    if shape(text) in VALUE_SHAPES:
        return True
    return len(text.split()) <= _MAX_STATUS_WORDS and match_status(text).known


@dataclass
class _Column:
    left: float
    right: float
    anchor: float
    numeric: bool
    count: int = 1


def _anchors(lines: list[PageLine]) -> list[_Column]:
    """Columns where the cells of multi-cell lines line up: figures by their right edge, text by its left edge.
    A column spans from its cells' typical left to their typical right edge."""
    columns: list[_Column] = []
    edges: dict[int, list[tuple[float, float]]] = {}
    for line in lines:
        if len(line.cells) < 2:
            continue
        for cell in line.cells:
            numeric = _is_value(cell)
            anchor = cell.x1 if numeric else cell.x0
            for column in columns:
                if column.numeric == numeric and abs(column.anchor - anchor) <= _CLUSTER:
                    column.count += 1
                    edges[id(column)].append((cell.x0, cell.x1))
                    break
            else:
                column = _Column(cell.x0, cell.x1, anchor, numeric)
                columns.append(column)
                edges[id(column)] = [(cell.x0, cell.x1)]
    for column in columns:
        lefts = sorted(x0 for x0, _ in edges[id(column)])
        rights = sorted(x1 for _, x1 in edges[id(column)])
        column.left = lefts[0] if not column.numeric else lefts[len(lefts) // 2]
        column.right = rights[-1] if column.numeric else rights[len(rights) // 2]
    columns.sort(key=lambda c: c.left)
    merged: list[_Column] = []
    for column in columns:
        if merged and column.left < merged[-1].right - 1 and merged[-1].numeric != column.numeric:
            last = merged[-1]
            if not last.numeric and column.numeric and column.anchor > last.left + _CLUSTER:
                last.right = column.left - 1  # text that runs into a column of figures ends where they begin
                merged.append(column)
                continue
        if merged and column.left < merged[-1].right - 1:
            last = merged[-1]
            keep = last if last.count >= column.count else column
            merged[-1] = _Column(min(last.left, column.left), max(last.right, column.right), keep.anchor,
                                 keep.numeric, last.count + column.count)
        else:
            merged.append(column)
    return merged


def _place(cell: Chunk, columns: list[_Column], spread: bool) -> list[int]:
    """The columns a cell belongs to: the one it overlaps most, or all it spans when `spread` (a header)."""
    overlaps = [max(0.0, min(cell.x1, c.right) - max(cell.x0, c.left)) for c in columns]
    if spread:
        covered = [i for i, o in enumerate(overlaps) if o > 0.5 * (columns[i].right - columns[i].left) or o > 2]
        if covered:
            return covered
    best = max(range(len(columns)), key=lambda i: overlaps[i])
    if overlaps[best] > 0:
        return [best]
    centre = (cell.x0 + cell.x1) / 2
    return [min(range(len(columns)), key=lambda i: abs((columns[i].left + columns[i].right) / 2 - centre))]


def _row(line: PageLine, columns: list[_Column], spread: bool) -> list[Chunk | None]:
    slots: list[Chunk | None] = [None] * len(columns)
    for cell in line.cells:
        for index in _place(cell, columns, spread):
            current = slots[index]
            if current is None:
                slots[index] = cell
            else:
                slots[index] = Chunk(current.x0, cell.x1, current.top, cell.bottom,
                                     " ".join(t for t in (current.text, cell.text) if t), current.marks + cell.marks)
    return slots


def _groups(line: PageLine, columns: list[_Column]) -> list[Chunk | None] | None:
    """A header line that names groups of figure columns ('Rekening 2022' over baten, lasten and saldo): k names
    over n columns, n a multiple of k, each name over a column of its own group. None when it is not one."""
    figures = [i for i, c in enumerate(columns) if c.numeric]
    if not figures:
        return None
    start = columns[figures[0]].left - _CLUSTER
    names = [cell for cell in line.cells if (cell.x0 + cell.x1) / 2 >= start]
    if not 1 < len(names) < len(figures) or len(figures) % len(names):
        return None
    size = len(figures) // len(names)
    slots = _row(PageLine([c for c in line.cells if c not in names]), columns, spread=False)
    for position, name in enumerate(names):
        group = figures[position * size : (position + 1) * size]
        if _place(name, columns, spread=False)[0] not in group:
            return None
        for index in group:
            slots[index] = name
    return slots


def _to_cell(chunk: Chunk | None, header: bool = False) -> Cell:
    if chunk is None:
        return Cell("", 0, header=header)
    return Cell(chunk.text, 0, chunk.marks, header)


def _coded(line: PageLine) -> bool:
    return bool(line.cells) and bool(_CODE.match(line.cells[0].text))


def _header_line(line: PageLine) -> bool:
    """Short names over the columns (no values): a header line or a continuation of one."""
    return not any(_is_value(c) and shape(c.text) != Shape.YEAR for c in line.cells) and all(
        len(c.text.split()) <= _MAX_HEADER_WORDS for c in line.cells[1:]
    ) and (len(line.cells) >= 2 or looks_like_header([c.text for c in line.cells] * 2))


def _leading_text(lines: list[PageLine]) -> int:
    """How many lines at the start of a table run are text above the table: single runs at its left edge (a
    title, the end of a sentence) before its first line of several cells."""
    margin = min((line.cells[0].x0 for line in lines if line.cells), default=0.0)
    count = 0
    while count < len(lines) - 1 and len(lines[count].cells) == 1 and not _is_value(lines[count].cells[0]):
        cell = lines[count].cells[0]
        if _header_line(lines[count]) and cell.x0 - margin > _INDENT:
            break
        count += 1
    return count


def _section_below_header(lines: list[PageLine], index: int) -> bool:
    """A lone name at the table's left edge right under a header line of several names: the first row of the body
    (a section such as 'Lasten'), not more header."""
    line, above = lines[index], lines[index - 1]
    return index > 0 and len(line.cells) == 1 and len(above.cells) >= 2 and line.cells[0].x1 < above.cells[1].x0


def _emit_table(builder: DocumentBuilder, lines: list[PageLine], rules: list[float]) -> None:
    header_count = 0
    while (
        header_count < min(_MAX_HEADER_LINES, len(lines) - 1)
        and _header_line(lines[header_count])
        and not _section_below_header(lines, header_count)
    ):
        header_count += 1
    body = lines[header_count:]
    columns = _anchors(body)
    if len(columns) < 2:
        for line in lines:
            _emit_line(builder, line)
        return
    rows: list[list[Cell]] = []
    if header_count:
        names: list[list[str]] = [[] for _ in columns]
        for line in lines[:header_count]:
            for index, chunk in enumerate(_groups(line, columns) or _row(line, columns, spread=True)):
                if chunk is not None and chunk.text and chunk.text not in names[index]:
                    names[index].append(chunk.text)
        rows.append([Cell(visible(" ".join(parts)), 0, header=True) for parts in names])
    for group in _group_rows(body, columns, rules):
        cells: list[Cell] = [Cell("", 0) for _ in columns]
        for line in group:
            for index, chunk in enumerate(_row(line, columns, spread=False)):
                if chunk is not None and (chunk.text or chunk.marks):
                    old = cells[index]
                    text = wrapped(old.text, chunk.text, "\n")
                    cells[index] = Cell(text, 0, old.marks + chunk.marks)
        rows.append([Cell(visible(cell.text), 0, cell.marks) for cell in cells])
    builder.table(rows, 1 if header_count else 0, layout="positioned")


def _anchor(line: PageLine, columns: list[_Column]) -> bool:
    """A line that starts a row: it holds a value, a code, or a label in the first column."""
    return any(_is_value(c) for c in line.cells) or _coded(line) or _row(line, columns, spread=False)[0] is not None


def _group_rows(body: list[PageLine], columns: list[_Column], rules: list[float]) -> list[list[PageLine]]:
    """Lines into rows: between the table's horizontal rules when it has them; else a row that starts with a code
    takes the lines below it, and rows whose text is centred on their values take the nearest lines."""
    inside = sorted(y for y in rules if body and body[0].top - 2 <= y <= body[-1].bottom + 2)
    if len(inside) >= 2:
        bands: dict[int, list[PageLine]] = {}
        for line in body:
            centre = (line.top + line.bottom) / 2
            bands.setdefault(sum(1 for y in inside if y < centre), []).append(line)
        groups = []
        for band in bands.values():
            anchors = [i for i, line in enumerate(band) if any(_is_value(c) for c in line.cells)]
            groups.extend([band] if len(anchors) <= 1 else _nearest(band, anchors))
        return groups
    anchors = [
        i
        for i, line in enumerate(body)
        if _anchor(line, columns) and not (i and _continues_word(body[i - 1], line))
    ]
    if not anchors:
        return [[line] for line in body]
    coded = sum(1 for line in body if _coded(line)) * 2 >= sum(
        1 for line in body if any(_is_value(c) for c in line.cells)
    )
    if coded or anchors[0] == 0:
        groups: list[list[PageLine]] = []
        for index, line in enumerate(body):
            if index in anchors or not groups:
                groups.append([line])
            else:
                groups[-1].append(line)
        return groups
    return _nearest(body, anchors)


def _continues_word(previous: PageLine, line: PageLine) -> bool:
    """A line without figures that goes on with the word the line above broke off ('re-' / 'integratie')."""
    if not previous.cells or not line.cells or any(_is_value(c) for c in line.cells):
        return False
    return _hyphenated(previous.cells[0].text, line.cells[0].text)


def _nearest(lines: list[PageLine], anchors: list[int]) -> list[list[PageLine]]:
    """Each line joins the row of the anchor line nearest to it (rows whose text is centred on their values)."""
    owner = {i: min(anchors, key=lambda a: (abs(lines[a].top - lines[i].top), a)) for i in range(len(lines))}
    return [[lines[i] for i in range(len(lines)) if owner[i] == a] for a in anchors]


def _emit_line(builder: DocumentBuilder, line: PageLine) -> None:
    text = visible(line.text)
    marks = tuple(m for c in line.cells for m in c.marks)
    numbered = parse_numbered(text) if text else None
    if numbered is not None and len(line.cells) == 1:
        builder.heading(text, numbered.depth)
    else:
        builder.paragraph(text, marks)


def _regions(lines: list[PageLine], width: float, left: float) -> list[tuple[bool, list[PageLine]]]:
    """Runs of lines: (True, lines) for a table, (False, lines) for text."""
    heights = [line.bottom - line.top for line in lines] or [10.0]
    height = median(heights)
    result: list[tuple[bool, list[PageLine]]] = []
    run: list[PageLine] = []

    def close() -> None:
        multi = [line for line in run if len(line.cells) >= 2]
        valued = [line for line in multi if any(_is_value(c) for c in line.cells)]
        if len(multi) >= 2 and valued:
            result.append((True, list(run)))
        else:
            result.extend((False, [line]) for line in run)
        run.clear()

    for position, line in enumerate(lines):
        prose = (
            len(line.cells) == 1
            and (line.cells[0].x1 - line.cells[0].x0) > _PROSE_SHARE * width
            and line.cells[0].x0 - left < _INDENT
        )
        gap = line.top - run[-1].bottom if run else 0.0
        following = lines[position + 1] if position + 1 < len(lines) else None
        valued = any(_is_value(c) and shape(c.text) != Shape.YEAR for r in run for c in r.cells)
        caption = valued and (
            (
                len(line.cells) == 1
                and following is not None
                and len(following.cells) >= 2
                and looks_like_header([c.text for c in following.cells])
            )
            or (len(line.cells) >= 2 and looks_like_header([c.text for c in line.cells]))
        )
        titled = fold(line.text).startswith(_CAPTION_WORDS)
        if prose or gap > _MAX_GAP_LINES * height or caption or titled:
            close()
        if prose or titled:
            result.append((False, [line]))
        else:
            run.append(line)
    close()
    return result


def lay_out_page(builder: DocumentBuilder, chunks: list[Chunk], rules: list[float] | None = None) -> None:
    """Add one page's blocks to the builder; `rules` are the heights of horizontal lines drawn on the page."""
    if not chunks:
        return
    texts = [c for c in chunks if c.text.strip()]
    chunks = [c for c in chunks if c.text.strip() or not any(_behind(c, t) for t in texts)]
    lines = [_merge(group) for group in _group_lines(chunks)]
    left = min((c.x0 for c in texts), default=0.0)
    width = max((c.x1 for c in texts), default=1.0) - left
    pending: PageLine | None = None
    regions: list[tuple[bool, list[PageLine]]] = []
    for is_table, run in _regions(lines, width, left):
        lead = _leading_text(run) if is_table else 0
        if lead:
            regions.append((False, run[:lead]))
        regions.append((is_table, run[lead:]))
    for is_table, run in regions:
        if is_table:
            if pending is not None:
                _emit_line(builder, pending)
                pending = None
            _emit_table(builder, run, rules or [])
            continue
        for line in run:
            if pending is not None and _continues(pending, line, width, left):
                pending = _join(pending, line)
                continue
            if pending is not None:
                _emit_line(builder, pending)
            pending = line
    if pending is not None:
        _emit_line(builder, pending)


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
    aligned = abs(below[0].x0 - above[0].x0) <= _ALIGN
    close = line.top - previous.bottom <= _WRAP_GAP * (previous.bottom - previous.top)
    ended = previous.text.rstrip().endswith((".", "!", "?", ":"))
    return full and aligned and close and not ended and not line.text.lstrip().startswith(("•", "-", "–", "*", "·"))


def wrapped(before: str, after: str, separator: str) -> str:
    """Two lines of one text: a word that the PDF hyphenated at the line's end (pdfium marks that hyphen as
    U+FFFE) is joined whole ('re-' and 'integratie' give 're-integratie')."""
    if not before or not after:
        return before or after
    if _hyphenated(before, after):
        return f"{before[:-1]}-{after}"
    return f"{before}{separator}{after}"


def _hyphenated(before: str, after: str) -> bool:
    """The line ends in a word broken by a hyphen and the next goes on with it ('Noord- en' is no such break)."""
    ends = before.endswith(_LINE_END_HYPHEN) or (before.endswith("-") and before[-2:-1].isalpha())
    return ends and after[:1].islower() and after.split(" ", 1)[0] not in _ELISION_WORDS


def visible(text: str) -> str:
    """The text as printed: a line-end hyphen that was not joined is a plain hyphen."""
    return text.replace(_LINE_END_HYPHEN, "-")


def _join(previous: PageLine, line: PageLine) -> PageLine:
    text = wrapped(previous.text, line.text, " ")
    first = previous.cells[0]
    marks = tuple(m for c in (*previous.cells, *line.cells) for m in c.marks)
    merged = Chunk(first.x0, max(c.x1 for c in (*previous.cells, *line.cells)), previous.top, line.bottom, text, marks)
    return PageLine([merged])
