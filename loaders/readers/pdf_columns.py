"""Columns of a PDF table: where the cells of the body rows line up (figures on their right edge, text on its
left edge), and the slot of each cell, header names spread over the columns they cover."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.readers.pdf_lines import Chunk, PageLine, is_value
from loaders.readers.shapes import is_note

_CLUSTER = 6.0  # points: anchors this close are one column


@dataclass
class Column:
    left: float
    right: float
    anchor: float
    numeric: bool
    count: int = 1
    notes: bool = False  # every cell a note in brackets ('(plus 235)')


def column_anchors(lines: list[PageLine]) -> list[Column]:
    """Columns where the cells of multi-cell lines line up: figures by their right edge, text by its left edge.
    A column spans from its cells' typical left to their typical right edge."""
    columns: list[Column] = []
    edges: dict[int, list[tuple[float, float]]] = {}
    for line in lines:
        if len(line.cells) < 2 and not (line.cells and line.cells[0].text and is_value(line.cells[0])):
            continue  # a lone text is a section or a label's rest; a lone figure is a cell of a row set taller
        for cell in line.cells:
            numeric = is_value(cell)
            anchor = cell.x1 if numeric else cell.x0
            for column in columns:
                if column.numeric == numeric and abs(column.anchor - anchor) <= _CLUSTER:
                    column.count += 1
                    column.notes = column.notes and is_note(cell.text)
                    edges[id(column)].append((cell.x0, cell.x1))
                    break
            else:
                column = Column(cell.x0, cell.x1, anchor, numeric, notes=not numeric and is_note(cell.text))
                columns.append(column)
                edges[id(column)] = [(cell.x0, cell.x1)]
    for column in columns:
        lefts = sorted(x0 for x0, _ in edges[id(column)])
        rights = sorted(x1 for _, x1 in edges[id(column)])
        column.left = lefts[0] if not column.numeric else lefts[len(lefts) // 2]
        column.right = rights[-1] if column.numeric else rights[len(rights) // 2]
    columns = [column for column in columns if not _spans_figures(column, columns) and not _notes(column, columns)]
    columns.sort(key=lambda c: c.left)
    merged: list[Column] = []
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
            merged[-1] = Column(
                min(last.left, column.left),
                max(last.right, column.right),
                keep.anchor,
                keep.numeric,
                last.count + column.count,
            )
        else:
            merged.append(column)
    return merged


def _notes(column: Column, columns: list[Column]) -> bool:
    """Notes in brackets under a column of figures ('(plus 235)' under '12.602'): part of that column's cells."""
    return column.notes and any(
        other.numeric and column.left < other.right and other.left < column.right for other in columns
    )


def _spans_figures(column: Column, columns: list[Column]) -> bool:
    """Text over two or more columns of figures that each line up more often than it does: a header line the
    layout took for a row ('2025 ringen 2026 ringen 2026' over three columns), not a column of its own."""
    if column.numeric:
        return False
    under = [
        other
        for other in columns
        if other.numeric and other.count > column.count and column.left - 1 <= other.anchor <= column.right + 1
    ]
    return len(under) >= 2


def place(cell: Chunk, columns: list[Column], spread: bool) -> list[int]:
    """The columns a cell belongs to: the one it overlaps most, or all it spans when `spread` (a header)."""
    x0, x1 = cell.x0, cell.x1
    overlaps = []
    for column in columns:  # comparisons, not min/max calls: this runs for every cell of every table row
        low = column.left if column.left > x0 else x0  # noqa: FURB136 — a call costs three times as much here
        high = column.right if column.right < x1 else x1  # noqa: FURB136
        overlaps.append(high - low if high > low else 0.0)
    if spread:
        covered = [i for i, o in enumerate(overlaps) if o > 0.5 * (columns[i].right - columns[i].left) or o > 2]
        if covered:
            return covered
    most = max(overlaps)
    if most > 0:
        return [overlaps.index(most)]
    centre = (cell.x0 + cell.x1) / 2
    return [min(range(len(columns)), key=lambda i: abs((columns[i].left + columns[i].right) / 2 - centre))]


def _pieces(cell: Chunk, columns: list[Column]) -> tuple[Chunk, ...]:
    """A header cell joined from runs that stand over different columns ('Begroting' and 'Vermeerde-', set one
    space apart), as those runs; any other cell whole."""
    if not cell.parts or len(place(cell, columns, spread=True)) < 2:
        return (cell,)
    homes = [place(part, columns, spread=False)[0] for part in cell.parts]
    return cell.parts if len(set(homes)) > 1 else (cell,)


def _header_cells(line: PageLine, columns: list[Column]) -> PageLine:
    """A header line with every cell split into the runs that stand over different columns."""
    return PageLine([piece for cell in line.cells for piece in _pieces(cell, columns)])


def row_slots(line: PageLine, columns: list[Column], spread: bool) -> list[Chunk | None]:
    slots: list[Chunk | None] = [None] * len(columns)
    for cell in _header_cells(line, columns).cells if spread else line.cells:
        for index in place(cell, columns, spread):
            current = slots[index]
            if current is None:
                slots[index] = cell
            else:
                slots[index] = Chunk(
                    current.x0,
                    cell.x1,
                    current.top,
                    cell.bottom,
                    " ".join(t for t in (current.text, cell.text) if t),
                    current.marks + cell.marks,
                )
    return slots


def group_slots(line: PageLine, columns: list[Column]) -> list[Chunk | None] | None:
    """A header line that names groups of figure columns ('Rekening 2022' over baten, lasten and saldo): k names
    over n columns, n a multiple of k, each name over a column of its own group. None when it is not one."""
    figures = [i for i, c in enumerate(columns) if c.numeric]
    if not figures:
        return None
    line = _header_cells(line, columns)
    start = columns[figures[0]].left - _CLUSTER
    names = [cell for cell in line.cells if cell.x1 > start]  # every cell over the figures names a group
    if not 1 < len(names) < len(figures) or len(figures) % len(names):
        return None
    size = len(figures) // len(names)
    slots = row_slots(PageLine([c for c in line.cells if c not in names]), columns, spread=False)
    for position, name in enumerate(names):
        group = figures[position * size : (position + 1) * size]
        if place(name, columns, spread=False)[0] not in group:
            return None
        for index in group:
            slots[index] = name
    return slots
