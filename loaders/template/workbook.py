"""The Excel template controllers fill in by hand: one sheet per kind of record, validated row by row.

`write_template` makes it (empty, or filled from a document's records, so export → import is lossless);
`read_template` reads it back, reporting every cell it cannot use with its sheet, row and column.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from loaders.recognizers.money_vocabulary import money_vocabulary
from model.amounts import NotAnAmount, parse_amount, to_euros
from model.municipalities import find_municipality
from model.periods import parse_period
from model.records import (
    Activity,
    BudgetLine,
    Deviation,
    DocumentInfo,
    Extraction,
    Indicator,
    IndicatorValue,
    Period,
    StatusReport,
    WarningRecord,
)
from model.statuses import match_status
from model.vocabulary import load_vocabulary

DOCUMENT, ACTIVITIES, BUDGET, DEVIATIONS, INDICATORS, HELP = (
    "Document",
    "Activiteiten",
    "Begroting",
    "Afwijkingen",
    "Indicatoren",
    "Uitleg",
)
DOCUMENT_FIELDS = (("Gemeente", "municipality"), ("Titel", "title"), ("Soort document", "doc_type"), ("Jaar", "year"))
ACTIVITY_FIXED = ("Code", "Activiteit", "Programma", "Thema", "Jaar realisatie", "Omschrijving", "Voorstel raad")
BUDGET_HEADERS = (
    "Onderdeel",
    "Soort",
    "Kolom",
    "Jaar",
    "Bedrag (€)",
    "N/V",
    "Totaal",
    "Activiteit",
    "Programma",
    "Tekst",
)
DEVIATION_HEADERS = ("Thema", "Post", "Bedrag (€)", "N/V", "Incidenteel", "Toelichting")
INDICATOR_HEADERS = ("Groep", "Indicator", "Eenheid", "Periode", "Waarde", "Streefwaarde", "Bron")
BUDGET_KINDS = ("lasten", "baten", "saldo", "reserves", "resultaat", "other")
_YES = {"ja", "j", "yes", "true", "1", "x"}


def is_template(sheet_names: list[str]) -> bool:
    """A workbook is the template when it has its Document and Activiteiten sheets."""
    return {DOCUMENT, ACTIVITIES} <= set(sheet_names)


def _help_lines() -> list[str]:
    statuses = load_vocabulary("statuses")["statuses"]
    words = ", ".join(f"{status}: {', '.join(labels[:4])}" for status, labels in statuses.items())
    return [
        "Sjabloon Voortgangsmonitor. Vul per blad één regel per gegeven in; laat de kopregel staan.",
        f"{DOCUMENT}: gemeente, titel, soort document en jaar (één waarde per regel).",
        (
            f"{ACTIVITIES}: één regel per activiteit; elke kolom na '{ACTIVITY_FIXED[-1]}' is een periode "
            "(bijv. '1e VGR 2021', 'Q2 2022', 'Rekening 2020') met de status zoals gerapporteerd."
        ),
        f"Statuswoorden die herkend worden — {words}.",
        f"{BUDGET}: één regel per bedrag; soort is een van {', '.join(BUDGET_KINDS)}; bedragen in hele euro's.",
        f"{DEVIATIONS}: bedrag als positief getal in euro's, N (nadelig) of V (voordelig), incidenteel ja/nee.",
        (
            f"{INDICATORS}: één regel per waarde (periode + waarde); een indicator zonder waarden krijgt één regel "
            "zonder periode."
        ),
    ]


def write_template(extraction: Extraction | None = None) -> bytes:
    """The template as .xlsx: empty with headers, or holding `extraction`'s records."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = DOCUMENT
    info = extraction.document if extraction else DocumentInfo()
    for label, attribute in DOCUMENT_FIELDS:
        sheet.append([label, getattr(info, attribute)])

    periods = [p.label for p in extraction.periods] if extraction else []
    activities = book.create_sheet(ACTIVITIES)
    activities.append([*ACTIVITY_FIXED, *periods])
    if extraction:
        for activity in extraction.activities:
            labels = {
                s.period: s.status_raw
                for s in extraction.statuses
                if (s.activity_code, s.activity_name) == (activity.code, activity.name)
            }
            activities.append(
                [
                    activity.code,
                    activity.name,
                    activity.programme,
                    activity.theme,
                    activity.target_year,
                    activity.description,
                    activity.proposal,
                    *(labels.get(p) for p in periods),
                ]
            )

    budget = book.create_sheet(BUDGET)
    budget.append(list(BUDGET_HEADERS))
    for line in extraction.budget_lines if extraction else []:
        budget.append(
            [
                line.scope,
                line.kind,
                line.column,
                line.year,
                line.amount_eur,
                line.direction,
                "ja" if line.total else "nee",
                line.activity,
                line.programme,
                line.note,
            ]
        )
    kinds = DataValidation(type="list", formula1=f'"{",".join(BUDGET_KINDS)}"', allow_blank=True)
    budget.add_data_validation(kinds)
    kinds.add("B2:B5000")

    deviations = book.create_sheet(DEVIATIONS)
    deviations.append(list(DEVIATION_HEADERS))
    for item in extraction.deviations if extraction else []:
        deviations.append(
            [
                item.scope,
                item.item,
                item.amount_eur,
                item.direction,
                "ja" if item.incidental else "nee",
                item.explanation,
            ]
        )
    directions = DataValidation(type="list", formula1='"N,V"', allow_blank=True)
    deviations.add_data_validation(directions)
    directions.add("D2:D5000")

    indicators = book.create_sheet(INDICATORS)
    indicators.append(list(INDICATOR_HEADERS))
    for indicator in extraction.indicators if extraction else []:
        rows = indicator.values or [IndicatorValue(period="", value=None)]
        for value in rows:
            indicators.append(
                [
                    indicator.group,
                    indicator.name,
                    indicator.unit,
                    value.period or None,
                    value.value,
                    indicator.target,
                    indicator.source,
                ]
            )

    help_sheet = book.create_sheet(HELP)
    for line in _help_lines():
        help_sheet.append([line])
    for worksheet in book.worksheets:
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        worksheet.freeze_panes = "A2" if worksheet.title not in (DOCUMENT, HELP) else None
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class _Reader:
    """Reads the sheets, collecting a warning for every cell it cannot use."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.warnings: list[WarningRecord] = []

    def problem(self, sheet: str, row: int, column: str, what: str) -> None:
        self.warnings.append(
            WarningRecord(
                code="template-value-invalid", message=f"sheet {sheet!r}, row {row}, column {column!r}: {what}"
            )
        )

    def rows(self, name: str) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
        if name not in self.book.sheetnames:
            return [], []
        values = list(self.book[name].iter_rows(values_only=True))
        if not values:
            return [], []
        headers = [str(h).strip() if h is not None else "" for h in values[0]]
        body = []
        for number, row in enumerate(values[1:], start=2):
            if any(v not in (None, "") for v in row):
                body.append(
                    (number, {h: (v.strip() if isinstance(v, str) else v) for h, v in zip(headers, row, strict=False)})
                )
        return headers, body

    def amount(self, sheet: str, row: int, column: str, value: Any) -> int | float | None:
        if value in (None, ""):
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return to_euros(Decimal(str(value))) if isinstance(value, float) else value
        try:
            parsed = parse_amount(str(value)).value
        except NotAnAmount:
            self.problem(sheet, row, column, f"{value!r} is not an amount")
            return None
        return to_euros(parsed) if parsed is not None else None

    def year(self, sheet: str, row: int, column: str, value: Any) -> int | None:
        if value in (None, ""):
            return None
        try:
            year = int(str(value).strip())
        except ValueError:
            self.problem(sheet, row, column, f"{value!r} is not a year")
            return None
        if not 1900 <= year <= 2200:
            self.problem(sheet, row, column, f"{year} is not a plausible year")
            return None
        return year


def read_template(data: bytes, source: str, sha256: str, municipality: str | None = None) -> Extraction:
    """Records from a filled-in template; unusable cells become warnings that say where they are."""
    from openpyxl import load_workbook

    reader = _Reader(load_workbook(io.BytesIO(data), data_only=True))
    document = {str(r[0]).strip(): r[1] for r in reader.book[DOCUMENT].iter_rows(values_only=True) if r and r[0]}
    year = reader.year(DOCUMENT, 4, "Jaar", document.get("Jaar"))
    town = municipality or document.get("Gemeente")
    known = find_municipality(str(town)) if town else None
    info = DocumentInfo(
        municipality=known.display_name if known else (str(town) if town else None),
        municipality_code=known.code if known else None,
        title=document.get("Titel"),
        doc_type=document.get("Soort document"),
        year=year,
    )
    periods: dict[str, Period] = {}

    def period(label: str, sheet: str, row: int, column: str) -> str | None:
        if label in periods:
            return label
        parsed = parse_period(label, year)
        if parsed is None:
            reader.problem(sheet, row, column, f"{label!r} is not a reporting period")
            return None
        periods[label] = Period(
            label=label,
            year=parsed.year,
            order=parsed.order,
            kind=parsed.kind,
            canonical=parsed.canonical,
            year_guessed=parsed.year_guessed,
        )
        return label

    activities, statuses = _read_activities(reader, info, period)
    budget = _read_budget(reader, year)
    deviations = _read_deviations(reader)
    indicators = _read_indicators(reader, period)
    return Extraction(
        source=source,
        sha256=sha256,
        format="xlsx-template",
        document=info,
        periods=sorted(periods.values(), key=lambda p: p.order),
        activities=activities,
        statuses=statuses,
        budget_lines=budget,
        deviations=deviations,
        indicators=indicators,
        warnings=reader.warnings,
        raw_text=_as_text(reader.book),
    )


def _read_activities(reader: _Reader, info: DocumentInfo, period) -> tuple[list[Activity], list[StatusReport]]:
    headers, rows = reader.rows(ACTIVITIES)
    period_columns = [h for h in headers[len(ACTIVITY_FIXED) :] if h]
    activities, statuses, seen = [], [], set()
    for number, row in rows:
        name = row.get("Activiteit")
        if not name:
            reader.problem(ACTIVITIES, number, "Activiteit", "the activity has no name; row skipped")
            continue
        code = str(row["Code"]) if row.get("Code") not in (None, "") else None
        if (code, name) in seen:
            reader.problem(ACTIVITIES, number, "Activiteit", f"{code or name!r} appears twice; row skipped")
            continue
        seen.add((code, name))
        activity = Activity(
            code=code,
            name=str(name),
            programme=row.get("Programma"),
            theme=row.get("Thema"),
            target_year=reader.year(ACTIVITIES, number, "Jaar realisatie", row.get("Jaar realisatie")),
            description=row.get("Omschrijving"),
            proposal=row.get("Voorstel raad"),
            line=number,
        )
        activities.append(activity)
        for column in period_columns:
            label = row.get(column)
            if label in (None, ""):
                continue
            used = period(column, ACTIVITIES, 1, column)
            if used is None:
                continue
            match = match_status(str(label), info.municipality)
            if not match.known:
                reader.problem(
                    ACTIVITIES, number, column, f"status {label!r} is not in the status vocabulary; stored as unknown"
                )
            statuses.append(
                StatusReport(
                    activity_code=code,
                    activity_name=activity.name,
                    period=used,
                    status=match.status,
                    status_raw=str(label),
                    line=number,
                )
            )
    return activities, statuses


def _read_budget(reader: _Reader, year: int | None) -> list[BudgetLine]:
    vocabulary = money_vocabulary()
    lines = []
    for number, row in reader.rows(BUDGET)[1]:
        kind = str(row.get("Soort") or "").lower()
        if kind not in BUDGET_KINDS:
            reader.problem(BUDGET, number, "Soort", f"{row.get('Soort')!r} is not one of {', '.join(BUDGET_KINDS)}")
            continue
        if not row.get("Onderdeel") or not row.get("Kolom"):
            reader.problem(BUDGET, number, "Onderdeel" if not row.get("Onderdeel") else "Kolom", "empty; row skipped")
            continue
        direction = row.get("N/V") or None
        if direction not in (None, "N", "V"):
            reader.problem(BUDGET, number, "N/V", f"{direction!r} is not N or V")
            direction = None
        column = str(row["Kolom"])
        period = parse_period(column, year)
        lines.append(
            BudgetLine(
                scope=str(row["Onderdeel"]),
                kind=kind,
                column=column,
                column_kind="verschil" if vocabulary.is_difference(column) else (period.kind if period else None),
                total=(str(row["Totaal"]).lower() in _YES)
                if row.get("Totaal") not in (None, "")
                else vocabulary.is_total(str(row["Onderdeel"])),
                year=reader.year(BUDGET, number, "Jaar", row.get("Jaar")),
                amount_eur=reader.amount(BUDGET, number, "Bedrag (€)", row.get("Bedrag (€)")),
                direction=direction,
                activity=row.get("Activiteit"),
                programme=row.get("Programma"),
                note=row.get("Tekst"),
                line=number,
            )
        )
    return lines


def _read_deviations(reader: _Reader) -> list[Deviation]:
    items = []
    for number, row in reader.rows(DEVIATIONS)[1]:
        amount = reader.amount(DEVIATIONS, number, "Bedrag (€)", row.get("Bedrag (€)"))
        direction = row.get("N/V")
        if amount is None or amount < 0:
            reader.problem(DEVIATIONS, number, "Bedrag (€)", "needs a positive amount; row skipped")
            continue
        if direction not in ("N", "V") or not row.get("Post"):
            reader.problem(
                DEVIATIONS,
                number,
                "N/V" if direction not in ("N", "V") else "Post",
                "needs N or V and a name; row skipped",
            )
            continue
        items.append(
            Deviation(
                scope=row.get("Thema"),
                item=str(row["Post"]),
                amount_eur=amount,
                direction=direction,
                incidental=str(row.get("Incidenteel") or "").lower() in _YES,
                explanation=row.get("Toelichting"),
                line=number,
            )
        )
    return items


def _read_indicators(reader: _Reader, period) -> list[Indicator]:
    indicators: dict[tuple[Any, Any], Indicator] = {}
    for number, row in reader.rows(INDICATORS)[1]:
        if not row.get("Indicator"):
            reader.problem(INDICATORS, number, "Indicator", "the indicator has no name; row skipped")
            continue
        key = (row.get("Groep"), row["Indicator"])
        indicator = indicators.get(key)
        if indicator is None:
            indicator = Indicator(
                name=str(row["Indicator"]),
                group=row.get("Groep"),
                unit=row.get("Eenheid"),
                target=reader.amount(INDICATORS, number, "Streefwaarde", row.get("Streefwaarde")),
                source=row.get("Bron"),
                line=number,
            )
            indicators[key] = indicator
        if row.get("Periode") not in (None, ""):
            used = period(str(row["Periode"]), INDICATORS, number, "Periode")
            if used:
                indicator.values.append(
                    IndicatorValue(period=used, value=reader.amount(INDICATORS, number, "Waarde", row.get("Waarde")))
                )
    return list(indicators.values())


def _as_text(book: Any) -> str:
    """The workbook as text, stored as the document text for provenance."""
    lines = []
    for sheet in book.worksheets:
        lines.append(f"[{sheet.title}]")
        for row in sheet.iter_rows(values_only=True):
            if any(v is not None for v in row):
                lines.append(" | ".join("" if v is None else str(v) for v in row))
    return "\n".join(lines)
