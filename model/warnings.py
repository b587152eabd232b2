"""The one catalogue of warning and check codes: code, English and Dutch meaning, severity.

Loaders attach these codes to what they could not (fully) read; the CLI prints them, the dashboard shows the
Dutch meaning and the controller's checks list the `check` ones. A code not in the catalogue is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a warning matters to a user of the figures."""

    INFO = "info"  # something was inferred; the figures are fine
    WARNING = "warning"  # something was skipped or guessed; figures may be missing
    CHECK = "check"  # the document contradicts itself (a controller's check failed)


@dataclass(frozen=True)
class WarningCode:
    """One entry of the catalogue."""

    code: str
    english: str
    dutch: str
    severity: Severity


_ENTRIES: tuple[tuple[str, str, str, Severity], ...] = (
    # reading
    ("encoding-guessed", "text encoding guessed (not UTF-8)", "Tekstcodering geraden (geen UTF-8)", Severity.INFO),
    ("extension-mismatch", "extension does not match the content", "Extensie past niet bij de inhoud", Severity.INFO),
    ("document-truncated", "the document is larger than the reading limits; the rest was not read",
     "Document groter dan de leesgrenzen; de rest is niet gelezen", Severity.WARNING),
    ("cells-split", "cells printed without separators were split by their number format",
     "Aan elkaar geplakte cellen gesplitst op getalnotatie", Severity.INFO),
    # metadata
    ("document-year-guessed", "document year taken from the text", "Jaar van het document afgeleid uit de tekst",
     Severity.INFO),
    ("document-year-missing", "no year found", "Geen jaar gevonden", Severity.WARNING),
    ("document-type-guessed", "document type taken from the text", "Soort document afgeleid uit de tekst",
     Severity.INFO),
    ("municipality-not-found", "no municipality named in the document", "Geen gemeente gevonden in de tekst",
     Severity.WARNING),
    ("municipality-not-in-list", "the given municipality is not in the list",
     "Opgegeven gemeente staat niet in de lijst", Severity.WARNING),
    ("municipality-from-metadata", "municipality taken from the page address, title or file name",
     "Gemeente afgeleid uit adres, titel of bestandsnaam", Severity.INFO),
    ("period-year-guessed", "period without a year; the document's year used",
     "Periode zonder jaar; jaar van het document gebruikt", Severity.INFO),
    # statuses
    ("status-legend-used", "the document's own legend was used", "Legenda van het document gebruikt", Severity.INFO),
    ("unmapped-status-label", "status label not in the vocabulary; stored as unknown",
     "Statuslabel staat niet in de woordenlijst; opgeslagen als onbekend", Severity.WARNING),
    ("status-values-missing", "status columns without values (icons lost in the export)",
     "Statuskolommen zonder waarden (iconen verloren bij export)", Severity.WARNING),
    ("status-values-partial", "fewer statuses than columns", "Minder statussen dan kolommen", Severity.WARNING),
    ("status-values-unexplained", "period columns of symbols or letters that no legend or vocabulary explains",
     "Periodekolommen met tekens of letters die geen legenda of woordenlijst verklaart", Severity.WARNING),
    ("status-without-activity", "status found without an activity", "Status gevonden zonder activiteit erboven",
     Severity.WARNING),
    ("status-without-period", "status found without a period", "Status gevonden zonder periode", Severity.WARNING),
    ("status-period-guessed", "period of status marks inferred", "Periode van statusmarkeringen afgeleid",
     Severity.INFO),
    ("conflicting-status", "two different statuses for one period", "Twee verschillende statussen voor dezelfde periode",
     Severity.WARNING),
    ("duplicate-activity", "activity appears twice", "Activiteit komt dubbel voor", Severity.INFO),
    ("card-without-title", "activity card without a title", "Activiteitenkaart zonder titel", Severity.WARNING),
    # money
    ("budget-unit-assumed", "no unit stated at the table; amounts read as euros",
     "Geen eenheid bij de tabel; bedragen als euro's gelezen", Severity.WARNING),
    ("budget-kind-from-directions", "no lasten or baten named; read as lasten from the table's N/V",
     "Geen lasten of baten genoemd; als lasten gelezen uit de N/V van de tabel", Severity.INFO),
    ("budget-columns-mismatch", "column headers and amounts do not match", "Kolomkoppen en bedragen passen niet",
     Severity.WARNING),
    ("budget-row-width", "row with another number of amounts skipped",
     "Regel met afwijkend aantal bedragen overgeslagen", Severity.WARNING),
    ("amount-not-understood", "amount not in Dutch notation; skipped", "Bedrag niet in Nederlandse notatie; overgeslagen",
     Severity.WARNING),
    ("deviation-direction-from-sign", "N/V taken from the sign", "N/V afgeleid uit het teken", Severity.INFO),
    ("explanation-without-deviation", "explanation without a row in the deviation table",
     "Toelichting zonder regel in de afwijkingentabel", Severity.INFO),
    ("budget-total-mismatch", "a total does not match its rows", "Totaal klopt niet met de regels", Severity.CHECK),
    ("budget-difference-mismatch", "difference is not actuals minus amended budget",
     "Verschil ≠ realisatie − actuele begroting", Severity.CHECK),
    ("budget-direction-mismatch", "N/V does not fit the difference", "N/V past niet bij het verschil", Severity.CHECK),
    ("deviation-total-mismatch", "deviation table does not add up to its total",
     "Afwijkingentabel telt niet op tot het totaal", Severity.CHECK),
    ("deviation-explanation-mismatch", "explanation gives another amount than the table",
     "Toelichting noemt ander bedrag dan de tabel", Severity.CHECK),
    # across documents (the controller's checks of `voortgang checks` and Financiën)
    ("deviation-unexplained", "a deviation above the explanation threshold has no explanation",
     "Afwijking boven de toelichtingsgrens zonder toelichting", Severity.CHECK),
    ("status-money-mismatch", "the status and the money disagree", "Status en financiën spreken elkaar tegen",
     Severity.CHECK),
    ("stage-mismatch", "the budget stages do not follow from one another", "Begrotingsfasen sluiten niet op elkaar aan",
     Severity.CHECK),
    # indicators
    ("indicator-period-repeated", "two values of an indicator for one period; the first kept",
     "Twee waarden van een indicator voor dezelfde periode; de eerste bewaard", Severity.WARNING),
    ("indicator-unit-mismatch", "a value does not fit the indicator's unit", "Waarde past niet bij de eenheid",
     Severity.WARNING),
    ("indicator-periods-unknown", "values without their period (empty cells lost)",
     "Waarden zonder periode (lege cellen verloren)", Severity.WARNING),
    # nothing silent
    ("table-not-read", "a table that looks like figures was not read", "Tabel met cijfers niet gelezen",
     Severity.WARNING),
    # the Excel template
    ("template-value-invalid", "template cell not valid", "Cel in het sjabloon niet geldig", Severity.WARNING),
)

CATALOGUE: dict[str, WarningCode] = {
    code: WarningCode(code, english, dutch, severity) for code, english, dutch, severity in _ENTRIES
}


def describe(code: str) -> WarningCode:
    """The catalogue entry of `code`; KeyError for codes that are not in the catalogue."""
    return CATALOGUE[code]


def dutch_meaning(code: str) -> str:
    """The Dutch meaning of `code` for the dashboard; the code itself when it is unknown (an older database)."""
    entry = CATALOGUE.get(code)
    return entry.dutch if entry else code
