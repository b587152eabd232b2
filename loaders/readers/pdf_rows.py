"""The rows of a PDF table: its lines grouped into rows, between ruling lines where it has them, else by the
lines that start a row (a label, a code or figures) with wrapped labels, a label's rest and figures set on lines of
their own joined to the row they belong to."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from loaders.readers.pdf_columns import Column, row_slots
from loaders.readers.pdf_lines import PageLine, Rule, hyphenated, is_coded, is_value
from loaders.readers.shapes import is_note


def _anchor(line: PageLine, columns: list[Column]) -> bool:
    """A line that starts a row: it holds a value, a code, or a label in the first column."""
    return (
        any(is_value(c) for c in line.cells) or is_coded(line) or row_slots(line, columns, spread=False)[0] is not None
    )


def group_rows(body: list[PageLine], columns: list[Column], rules: list[Rule]) -> list[list[PageLine]]:
    """Lines into rows: between the table's horizontal rules when it has them (a band with one line of figures is
    one row, whatever its lines; a band of several is read as an unruled table); else a row that starts with a code
    takes the lines below it, and rows whose text is centred on their values take the nearest lines."""
    inside = sorted(r.y for r in rules if body and body[0].top - 2 <= r.y <= body[-1].bottom + 2)
    if len(inside) < 2:
        return _unruled_rows(body, columns)
    bands: dict[int, list[PageLine]] = {}
    for line in body:
        centre = (line.top + line.bottom) / 2
        bands.setdefault(sum(1 for y in inside if y < centre), []).append(line)
    groups = []
    for band in bands.values():
        valued = sum(1 for line in band if any(is_value(c) for c in line.cells))
        groups.extend([band] if valued <= 1 else _unruled_rows(band, columns))
    return groups


def _unruled_rows(body: list[PageLine], columns: list[Column]) -> list[list[PageLine]]:
    continued: set[int] = set()
    for i in range(1, len(body)):  # in order: a label's rest may go on below a line that itself goes on
        if _continues_label(body, i, columns) or _label_below(body, i, columns, i - 1 in continued):
            continued.add(i)
    labelled = any(row_slots(line, columns, spread=False)[0] is not None for line in body)
    anchors = [
        i
        for i, line in enumerate(body)
        if _anchor(line, columns)
        and not (i and _continues_word(body[i - 1], line))
        and i not in continued
        and not (labelled and _lone_figure(line, columns))
    ]
    if not anchors:
        return [[line] for line in body]
    coded = sum(1 for line in body if is_coded(line)) * 2 >= sum(
        1 for line in body if any(is_value(c) for c in line.cells)
    )
    if coded or anchors[0] == 0:
        groups: list[list[PageLine]] = []
        for index, line in enumerate(body):
            if index in anchors or not groups:
                groups.append([line])
            else:
                groups[-1].append(line)
        return groups
    return _nearest(body, anchors, continued)


def _lone_figure(line: PageLine, columns: list[Column]) -> bool:
    """One figure on a line of its own, right of the labels: a cell of the row beside it that was set taller (a
    baseline figure over its year, centred on a label of two lines), not a row of its own."""
    return len(line.cells) == 1 and is_value(line.cells[0]) and row_slots(line, columns, spread=False)[0] is None


def _continues_word(previous: PageLine, line: PageLine) -> bool:
    """A line without figures that goes on with the word the line above broke off ('re-' / 'integratie')."""
    if not previous.cells or not line.cells or any(is_value(c) for c in line.cells):
        return False
    return hyphenated(previous.cells[0].text, line.cells[0].text)


def _continues_label(body: list[PageLine], index: int, columns: list[Column]) -> bool:
    """A row whose label wrapped: the line above holds only (the start of) the label ('Percentage inwoners met'),
    this one goes on in lower case in the first column ('schuldenproblematiek | 7,4 | ...'). Not when this line and
    the next are both lower-case rows with figures: those are items under a heading ('Hondenbelasting' / 'eerste
    hond' / 'tweede hond')."""
    previous, line = body[index - 1], body[index]
    if len(previous.cells) != 1 or not line.cells or any(is_value(c) for c in previous.cells):
        return False
    above = previous.cells[0].text
    if not above or above.endswith((":", ".")) or is_coded(previous) or not _lower_row(line, columns):
        return False
    if row_slots(previous, columns, spread=False)[0] is None:
        return False
    following = body[index + 1] if index + 1 < len(body) else None
    valued = any(is_value(c) for c in line.cells)
    return not (valued and following is not None and _lower_row(following, columns) and any(is_value(c) for c in following.cells))


def _label_below(body: list[PageLine], index: int, columns: list[Column], after_rest: bool = False) -> bool:
    """The rest of a label that wrapped below its row's figures: one first-column text in lower case, without
    figures but notes in brackets under those above (their years, '(plus 235)'), under a line with figures or
    under another such rest (`after_rest`): 'Inwoners dat zich | % | 45 | 47' / 'eenzaam voelt';
    'Totaal kg restafval | 205 kg | 190 kg' / 'per inwoner | (2025)'."""
    previous, line = body[index - 1], body[index]
    rest = line.cells[1:]
    if not line.cells or not all(is_note(c.text) for c in rest):
        return False
    if not (after_rest or any(is_value(c) for c in previous.cells)) or not _lower_row(line, columns):
        return False
    text = line.cells[0].text
    return not is_value(line.cells[0]) and not text.endswith((":", "."))


def _lower_row(line: PageLine, columns: list[Column]) -> bool:
    """The line's first-column text starts in lower case or with an opening bracket (a name's parenthesis)."""
    first = row_slots(line, columns, spread=False)[0] if line.cells else None
    return first is not None and (first.text.startswith("(") or first.text[:1].islower())  # '(plus nieuw ...' 


def _nearest(lines: list[PageLine], anchors: list[int], continued: AbstractSet[int] = frozenset()) -> list[list[PageLine]]:
    """Each line joins the row of the anchor line nearest to it (rows whose text is centred on their values); a
    line that continues the label above joins that line's row."""
    owner: dict[int, int] = {}
    for i in range(len(lines)):
        nearest = min(anchors, key=lambda a: (abs(lines[a].top - lines[i].top), a))
        owner[i] = owner[i - 1] if i in continued and i - 1 in owner else nearest
    return [[lines[i] for i in range(len(lines)) if owner[i] == a] for a in anchors]
