"""The periods one document uses, one per canonical name, in time order."""

from __future__ import annotations

from model.periods import ParsedPeriod
from model.records import Period, WarningRecord


class PeriodRegistry:
    """Periods used in the document, one per canonical name; the first label seen names it."""

    def __init__(self) -> None:
        self.by_canonical: dict[str, ParsedPeriod] = {}

    def add(self, period: ParsedPeriod) -> str:
        """Register `period`; return the label records must use for it."""
        return self.by_canonical.setdefault(period.canonical, period).label

    def records(self, warnings: list[WarningRecord]) -> list[Period]:
        """The periods as records, oldest first; a warning for every year that was guessed."""
        periods = []
        for period in sorted(self.by_canonical.values(), key=lambda p: p.order):
            if period.year_guessed:
                warnings.append(
                    WarningRecord(
                        code="period-year-guessed",
                        message=f"period {period.label!r} names no year; took the document's year ({period.year})",
                    )
                )
            periods.append(
                Period(
                    label=period.label,
                    year=period.year,
                    order=period.order,
                    kind=period.kind,
                    canonical=period.canonical,
                    year_guessed=period.year_guessed,
                )
            )
        return periods
