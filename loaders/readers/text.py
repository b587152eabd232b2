"""Plain text (and text rendered from other formats) to the document model: numbered headings, paragraphs and the
tables found in the lines (see text_tables)."""

from __future__ import annotations

from loaders.readers.lines import split_lines
from loaders.readers.text_tables import find_tables
from model.document import Block, Document, DocumentMeta, Heading, Line, Paragraph
from model.numbering import parse_numbered

_CAPTION_LINES = 4


def _caption(lines: list[Line], start: int, floor: int) -> tuple[str, ...]:
    """The lines just above a table (title, unit, sign legend), nearest last."""
    return tuple(line.text for line in lines[max(floor, start - _CAPTION_LINES) : start])


def blocks_from_lines(lines: list[Line], page_of: dict[int, int] | None = None) -> list[Block]:
    """Headings, paragraphs and tables of `lines`, in order."""
    pages = page_of or {}
    blocks: list[Block] = []
    floor = 0
    tables = find_tables(lines)
    table_at = {found.start: found for found in tables}
    index = 0
    while index < len(lines):
        found = table_at.get(index)
        if found is not None:
            table = found.table
            table.caption = _caption(lines, found.start, floor)
            table.page = pages.get(table.line)
            blocks.append(table)
            index = floor = found.end
            continue
        line = lines[index]
        numbered = parse_numbered(line.text)
        page = pages.get(line.number)
        if numbered is not None:
            blocks.append(Heading(line.text, numbered.depth, line.number, page))
        else:
            blocks.append(Paragraph(line.text, line.number, page))
        index += 1
    return blocks


def _as_line(block: Paragraph | Heading) -> Line:
    cells = tuple(cell for cell in (part.strip() for part in block.text.split("|")) if cell)
    return Line(block.line, block.text, cells or (block.text,))


def find_text_tables(blocks: list[Block]) -> list[Block]:
    """Tables written as lines of text inside a structured document (one cell per paragraph, amounts separated by
    spaces): runs of paragraphs that form a table become that table; every other block stays as it was."""
    result: list[Block] = []
    run: list[Paragraph | Heading] = []

    def flush() -> None:
        lines = [_as_line(block) for block in run]
        found = {table.start: table for table in find_tables(lines)}
        index = floor = 0
        while index < len(run):
            table = found.get(index)
            if table is None:
                result.append(run[index])
                index += 1
                continue
            table.table.caption = _caption(lines, table.start, floor)
            table.table.page = run[index].page
            result.append(table.table)
            index = floor = table.end
        run.clear()

    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            run.append(block)
            continue
        flush()
        result.append(block)
    flush()
    return result


def read_text(text: str, fmt: str = "text", meta: DocumentMeta | None = None) -> Document:
    """The document model of plain text; line numbers are the text's own lines."""
    lines = split_lines(text)
    return Document(blocks=blocks_from_lines(lines), lines=lines, text=text, format=fmt, meta=meta or DocumentMeta())

