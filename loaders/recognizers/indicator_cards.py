"""Indicators written as cards: 'Indicator: Percentage inwoners dat zich veilig voelt' and below it a labelled value
per line ('Nulmeting (2021): 78%', 'Realisatie 2023: 80%', 'Streefwaarde 2025: 82%', 'Bron: Veiligheidsmonitor')."""

from __future__ import annotations

from loaders.recognizers.indicator_tables import column_period, indicator_role, indicator_value
from loaders.recognizers.indicators import IndicatorResult, unit_from_name
from loaders.recognizers.sections import indicator_vocabulary
from model.document import Line
from model.numbering import parse_numbered
from model.periods import YEAR
from model.records import Indicator, IndicatorValue
from model.text import first_word, fold

_MAX_LABEL_CHARS = 40


def read_indicator_cards(lines: list[Line], year: int | None) -> IndicatorResult:
    """Every indicator card among `lines`; a card ends at the first line that is no labelled value."""
    result = IndicatorResult()
    labels = indicator_vocabulary()["card_labels"]
    firsts = frozenset(first_word(label) for label in labels)
    current: Indicator | None = None
    group: str | None = None  # the numbered heading above ('Programma 1 Veiligheid')
    for line in lines:
        label, _, rest = line.text.partition(":")
        label, rest = label.strip(), rest.strip()
        if first_word(line.text) in firsts and fold(label) in labels and rest:
            current = Indicator(name=rest, group=group, unit=unit_from_name(rest), line=line.number)
            result.indicators.append(current)
            continue
        if current is None or not rest or len(label) > _MAX_LABEL_CHARS:
            group = line.text if parse_numbered(line.text) is not None else group
            current = None
            continue
        role = indicator_role(label)
        value, percent = indicator_value(rest)
        if role == "source":
            current.source = rest
        elif role == "unit":
            current.unit = rest
        elif role == "target" and value is not None:
            current.target = value
        elif value is not None and (YEAR.search(label) or role is None):
            period = column_period(label, year)
            current.values.append(IndicatorValue(period=period.label, value=value))
            if all(period.label != known.label for known in result.periods):
                result.periods.append(period)
            current.unit = current.unit or ("%" if percent else None)
        else:
            current = None
    result.indicators = [indicator for indicator in result.indicators if indicator.values or indicator.target is not None]
    return result
