"""The header of a PDF table: which lines above its rows name its columns, where the header ends (a rule, a
section name, a wrapped first row) and header lines that a wider gap set apart from the rows."""

from __future__ import annotations

from statistics import median

from loaders.readers.pdf_lines import PageLine, Rule, is_figure, is_value
from loaders.readers.shapes import Shape, looks_like_header, shape
from model.text import fold

MAX_HEADER_LINES = 4
MAX_STACKED_HEADER = 12
_FIGURES_WITHIN = 3  # lines: the figures that show a header has ended
ALIGN = 3.0  # points: edges this close line up
CAPTION_WORDS = ("tabel ", "tabel:", "figuur ", "grafiek ", "table ")
MAX_HEADER_GAP_LINES = 4.0  # a header row set apart from the body by a gap of at most this many line heights
_ACROSS = 0.8  # a rule this share of the table's width or wider runs across the table
_MAX_HEADER_WORDS = 4
INDENT = 15.0  # points: a line or name starting this far right of the left edge is inside a column


def header_lines(lines: list[PageLine], rules: list[Rule]) -> int:
    """How many lines at the start of a table's lines are its header: up to MAX_HEADER_LINES, or up to
    MAX_STACKED_HEADER when a row of figures follows them (names stacked word by word over narrow columns)."""
    count = 0
    while (
        count < min(MAX_STACKED_HEADER, len(lines) - 1)
        and (header_line(lines[count]) or _name_over_a_column(lines, count))
        and not _section_below_header(lines, count)
        and not _ruled_off(lines, count, rules)
        and not wraps_into_row(lines, count)
    ):
        count += 1
    if count > MAX_HEADER_LINES and not _figures_follow(lines, count):
        return MAX_HEADER_LINES
    if count < len(lines) - 1 and count and _years_line(lines[count]) and _figures_follow(lines, count + 1):
        count += 1  # the years under the names, below the rule that closes them ('Meerjarenbeeld' over 2026 ... 2029)
    return count


def _name_over_a_column(lines: list[PageLine], index: int) -> bool:
    """A lone short name between header lines, over a column right of the labels ('Peilwaarde' between
    'Streefwaarde ...' and 'Effectindicator | Begroting ...'): part of the header."""
    line = lines[index]
    if not index or len(line.cells) != 1 or is_figure(line.cells[0]) or index + 1 >= len(lines):
        return False
    margin = min(c.x0 for other in lines[: index + 2] for c in other.cells)
    short = len(line.cells[0].text.split()) <= _MAX_HEADER_WORDS
    return short and line.cells[0].x0 - margin > INDENT and not _has_figures(lines[index - 1])


def _figures_follow(lines: list[PageLine], index: int) -> bool:
    """Figures on line `index` or the one or two after it (below a first row's label of a line of its own)."""
    return any(map(_has_figures, lines[index : index + _FIGURES_WITHIN]))


def _years_line(line: PageLine) -> bool:
    return len(line.cells) >= 2 and all(shape(c.text) == Shape.YEAR for c in line.cells)


def _has_figures(line: PageLine) -> bool:
    return any(is_value(c) and c.text for c in line.cells)


def header_line(line: PageLine) -> bool:
    """Short names over the columns (no values): a header line or a continuation of one."""
    return (
        not any(is_figure(c) for c in line.cells)
        and all(len(part.text.split()) <= _MAX_HEADER_WORDS for c in line.cells[1:] for part in c.parts or (c,))
        and (sum(len(c.parts) or 1 for c in line.cells) >= 2 or looks_like_header([c.text for c in line.cells] * 2))
    )


def _section_below_header(lines: list[PageLine], index: int) -> bool:
    """A lone name at the table's left edge right under a header line of several names: the first row of the body
    (a section such as 'Lasten'), not more header."""
    line, above = lines[index], lines[index - 1]
    if index == 0 or len(line.cells) != 1 or len(above.cells) < 2 or line.cells[0].x1 >= above.cells[1].x0:
        return False
    return line.cells[0].x0 - min(c.x0 for other in lines for c in other.cells) <= INDENT


def wraps_into_row(lines: list[PageLine], index: int) -> bool:
    """A lone text that the next line goes on with in lower case, with figures: the first row's wrapped label
    ('Percentage inwoners met' / 'schuldenproblematiek | 7,4 | ...'), not more header."""
    if index + 1 >= len(lines) or len(lines[index].cells) != 1:
        return False
    following = lines[index + 1]
    return following.cells[0].text[:1].islower() and any(is_value(c) for c in following.cells)


def _ruled_off(lines: list[PageLine], index: int, rules: list[Rule]) -> bool:
    """A rule across the whole table between this line and the one above: the header ends there."""
    if index == 0:
        return False
    left = min(c.x0 for line in lines for c in line.cells)
    right = max(c.x1 for line in lines for c in line.cells)
    above, below = lines[index - 1].bottom, lines[index].top
    return any(
        above - 1 <= rule.y <= below + 1 and rule.right - rule.left >= _ACROSS * (right - left) for rule in rules
    )


def detached_header(regions: list[tuple[bool, list[PageLine]]], table: list[PageLine]) -> list[PageLine]:
    """The header lines above a table that a wider gap than its rows' set apart (a padded or shaded header row):
    lines of several short names without values, each within the table's width and a few line heights above
    the next. They are taken off the end of `regions`."""
    if not table:
        return []
    height = median(line.bottom - line.top for line in table)
    span = (min(c.x0 for line in table for c in line.cells), max(c.x1 for line in table for c in line.cells))
    header: list[PageLine] = []
    below = table[0]
    while regions and not regions[-1][0] and regions[-1][1] and len(header) < MAX_HEADER_LINES:
        line = regions[-1][1][-1]
        if (
            len(line.cells) < 2
            or not header_line(line)
            or fold(line.text).startswith(CAPTION_WORDS)
            or below.top - line.bottom > MAX_HEADER_GAP_LINES * height
            or not all(span[0] - ALIGN <= (c.x0 + c.x1) / 2 <= span[1] + ALIGN for c in line.cells)
        ):
            break
        header.insert(0, line)
        regions[-1][1].pop()
        if not regions[-1][1]:
            regions.pop()
        below = line
    return header
