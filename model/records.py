"""Strict pydantic records for everything a document yields; field names follow the CLI contract (CONTRACT.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from model.statuses import Status
from model.warnings import CATALOGUE

BudgetKind = Literal["lasten", "baten", "saldo", "reserves", "resultaat", "other"]
Direction = Literal["N", "V"]


class Record(BaseModel):
    """Base of all records: unknown fields are an error, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class WarningRecord(Record):
    """Something in a document that was not (fully) understood, with a stable code and where it was found."""

    code: str = Field(description="stable kebab-case code, e.g. unmapped-status-label")
    message: str = Field(description="what was found and what was done with it")
    line: int | None = Field(default=None, description="1-based line in the document text")

    @field_validator("code")
    @classmethod
    def _known_code(cls, code: str) -> str:
        if code not in CATALOGUE:
            raise ValueError(f"warning code {code!r} is not in model/warnings.py")
        return code

    def render(self) -> str:
        """One line for the JSON `warnings` list and the terminal."""
        place = f"line {self.line}: " if self.line else ""
        return f"{place}{self.code}: {self.message}"


class ExplanationThreshold(Record):
    """Above what a deviation must be explained, as the document states it: an amount, a share, or both."""

    eur: float | None = Field(default=None, ge=0, description="deviations above this many euros are explained")
    percent: float | None = Field(default=None, ge=0, description="deviations above this share of the budget")
    line: int | None = Field(default=None, description="the line that says so")


class DocumentInfo(Record):
    """What the document is: municipality, title, type and year."""

    municipality: str | None = None
    municipality_code: str | None = Field(default=None, description="CBS code, e.g. GM0299")
    title: str | None = None
    doc_type: str | None = None
    year: int | None = None
    period: str | None = Field(default=None, description="the reporting period the document stands for")
    legend: dict[str, Status] = Field(default_factory=dict, description="status legend printed in the document")
    explanation_threshold: ExplanationThreshold | None = Field(
        default=None, description="the threshold above which the document explains deviations"
    )


class Period(Record):
    """A reporting period used by statuses or values in this document."""

    label: str = Field(description="the label as printed in the document")
    year: int | None = None
    order: int = Field(description="sorts periods in time: year * 100 + rank of the kind")
    kind: str = Field(description="begroting, kwartaal, vgr, rekening, ...")
    canonical: str = Field(description="the same period named the same way across documents, e.g. '1e VGR 2019'")
    year_guessed: bool = Field(default=False, description="the label had no year; the document's year was used")


class Activity(Record):
    """An activity (actie, speerpunt) with its place in the programme structure."""

    code: str | None = None
    name: str
    programme: str | None = None
    theme: str | None = None
    target_year: int | None = Field(default=None, description="'Jaar realisatie': the year it should be finished")
    description: str | None = None
    progress: str | None = Field(default=None, description="the progress text of this report")
    proposal: str | None = Field(default=None, description="'Voorstel raad': what the council is asked to decide")
    fields: dict[str, str] = Field(default_factory=dict, description="other labelled fields, e.g. of activity cards")
    line: int | None = None


class StatusReport(Record):
    """The status of one activity in one period."""

    activity_code: str | None = None
    activity_name: str
    period: str = Field(description="equals the label of one entry of `periods`")
    status: Status
    status_raw: str = Field(description="the label exactly as printed")
    line: int | None = None


class BudgetLine(Record):
    """One cell of a budget table, in euros."""

    scope: str
    kind: BudgetKind
    column: str
    year: int | None = None
    amount_eur: float | int | None = None
    row: str | None = Field(
        default=None, description="the row's label as printed; the scope is the table's subject where rows only name a kind"
    )
    column_kind: str | None = Field(
        default=None, description="what the column holds: begroting, actuele_begroting, rekening, verschil, ..."
    )
    total: bool = Field(default=False, description="the row is the total of its section")
    direction: Direction | None = Field(default=None, description="N or V when the cell carries one")
    activity: str | None = Field(default=None, description="the activity a cost item belongs to (execution programmes)")
    programme: str | None = None
    note: str | None = Field(default=None, description="the sentence an amount was taken from")
    table: str | None = Field(default=None, description="the title of the table the amount is in")
    line: int | None = None


class DeviationPart(Record):
    """A sub-item of an explained deviation ("Nadeel van € 360.000 op de Jeugdhulp")."""

    text: str
    amount_eur: float | int | None = None
    direction: Direction | None = None
    incidental: bool = False
    line: int | None = None


class Deviation(Record):
    """A deviation from the budget with its direction and explanation."""

    scope: str | None = None
    item: str
    amount_eur: float | int = Field(ge=0)
    direction: Direction
    explanation: str | None = None
    incidental: bool = False
    parts: list[DeviationPart] = Field(default_factory=list, description="sub-items of the explanation")
    explanation_line: int | None = Field(default=None, description="line where the explanation starts")
    line: int | None = None


class IndicatorValue(Record):
    """The value of an indicator in one period."""

    period: str
    value: float | int | None = None


class Indicator(Record):
    """A policy indicator with its values per period and target."""

    name: str
    group: str | None = None
    unit: str | None = None
    values: list[IndicatorValue] = Field(default_factory=list)
    target: float | int | None = None
    source: str | None = None
    line: int | None = None


class Goal(Record):
    """A numbered goal or theme with its text."""

    code: str | None = None
    title: str
    text: str | None = None
    plan: str | None = Field(default=None, description="what was planned, when the text splits at a status marker")
    progress: str | None = Field(default=None, description="the progress text after a status marker")
    line: int | None = None


class Extraction(Record):
    """Everything one file yields: the object `voortgang extract --json` prints per file."""

    source: str
    sha256: str
    error: str | None = None
    format: str | None = None
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    periods: list[Period] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    statuses: list[StatusReport] = Field(default_factory=list)
    budget_lines: list[BudgetLine] = Field(default_factory=list)
    deviations: list[Deviation] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    warnings: list[WarningRecord] = Field(default_factory=list)
    page_starts: list[int] | None = Field(
        default=None, description="for PDFs: the line where each page starts, so a line number gives its page"
    )
    raw_text: str | None = Field(
        default=None,
        exclude=True,
        repr=False,
        description="the document text the records came from (stored, not printed)",
    )

    def to_json_dict(self) -> dict:
        """The contract's JSON shape: warnings as strings, their details under `warning_details`."""
        data = self.model_dump(mode="json")
        data["warning_details"] = data.pop("warnings")
        data["warnings"] = [warning.render() for warning in self.warnings]
        return data
