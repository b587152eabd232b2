"""Columns of a status table that hold an activity's other texts: its progress in words beside the status
column ('Stand van zaken' beside 'Status') and its labelled fields ('Planning')."""

from __future__ import annotations

from functools import cache

from loaders.readers.shapes import is_progress_column, status_column_prefixes
from loaders.recognizers.fields import match_field
from loaders.recognizers.grid import Column, Grid
from loaders.recognizers.sections import card_labels
from model.text import fold
from model.vocabulary import load_vocabulary


def progress_beside_status(grid: Grid) -> Column | None:
    """A 'Stand van zaken' column beside a 'Status' column: the progress in words, not a second status."""
    progress = next((c for c in grid.value_columns if is_progress_column(c.name)), None)
    if progress is not None and any(
        c is not progress and fold(c.name).startswith(status_column_prefixes()) and not is_progress_column(c.name)
        for c in grid.value_columns
    ):
        return progress
    return None


def field_columns(grid: Grid) -> dict[str, Column]:
    """Label columns named by an activity field other than its description or progress ('Planning', 'Tijdpad':
    timeline): each row's cell is that field of its activity."""
    found: dict[str, Column] = {}
    cards = dict(card_labels())
    for column in grid.label_columns[1:]:
        field_name = (match_field(column.name) or ("", ""))[0] or cards.get(fold(column.name), "")
        if field_name and field_name not in {"description", "progress"}:
            found.setdefault(field_name, column)
    return found


@cache
def _named(key: str) -> frozenset[str]:
    return frozenset(fold(name) for name in load_vocabulary("tables")[key])


def group_and_name(grid: Grid) -> tuple[Column | None, Column | None]:
    """A column named for the activity ('Activiteit') after one named for what groups activities ('Doel',
    'Thema'): (group, name), else (None, None). The group's cells repeat; they are no activity."""
    name = next((c for c in grid.label_columns if fold(c.name) in _named("activity_columns")), None)
    if name is None:
        return None, None
    group = next(
        (c for c in grid.label_columns if c.index < name.index and fold(c.name) in _named("group_columns")), None
    )
    return (group, name) if group is not None else (None, None)
