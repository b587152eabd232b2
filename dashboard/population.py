"""A population table the user provides (CSV: municipality code, year, inhabitants) for amounts per inhabitant.
Read with pandas; every row that cannot be used is named with its line and reason, nothing is guessed."""

from __future__ import annotations

import io

import pandas as pd

from dashboard import strings
from model.municipalities import find_municipality

_COLUMNS = {
    "code": ("gemeentecode", "code", "cbs_code", "gemeente"),
    "year": ("jaar", "year"),
    "inhabitants": ("inwoners", "inwonertal", "aantal inwoners", "inhabitants"),
}
MAX_ROWS = 100_000


class PopulationError(ValueError):
    """A population table that cannot be used; the message (Dutch) names the line and the reason."""


def _column(frame: pd.DataFrame, names: tuple[str, ...]) -> str:
    found = next((c for c in frame.columns if str(c).strip().lower() in names), None)
    if found is None:
        raise PopulationError(strings.POPULATION_COLUMN_MISSING.format(names=", ".join(names)))
    return found


def read_population(data: bytes) -> pd.DataFrame:
    """municipality (as stored), year and inhabitants per row of the CSV (';' or ',' separated, UTF-8)."""
    try:
        frame = pd.read_csv(
            io.BytesIO(data), sep=None, engine="python", dtype=str, nrows=MAX_ROWS + 1, encoding="utf-8-sig"
        )
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise PopulationError(strings.POPULATION_UNREADABLE.format(reason=error)) from None
    if len(frame) > MAX_ROWS:
        raise PopulationError(strings.POPULATION_TOO_LONG.format(rows=MAX_ROWS))
    code, year, inhabitants = (_column(frame, names) for names in _COLUMNS.values())
    rows = []
    for number, row in enumerate(frame.itertuples(index=False), start=2):  # line 1 is the header
        values = dict(zip(frame.columns, row, strict=True))
        municipality = find_municipality(str(values[code] or ""))
        count = str(values[inhabitants] or "").replace(".", "").replace(" ", "")
        when = str(values[year] or "").strip()
        if municipality is None or not count.isdigit() or not when.isdigit():
            raise PopulationError(strings.POPULATION_BAD_ROW.format(line=number, row=", ".join(map(str, row))))
        rows.append({"municipality": municipality.display_name, "year": int(when), "inhabitants": int(count)})
    return pd.DataFrame(rows, columns=["municipality", "year", "inhabitants"])
