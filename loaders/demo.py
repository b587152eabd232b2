"""Synthetic documents at national scale, for measuring the dashboard and the store as a national user would meet
them: every municipality, ten years, four reports a year (budget, two progress reports, annual account), sixty
activities with a status in each report, budget lines, explained deviations and indicators. Deterministic (one
seed), so two runs build the same database."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

from model.municipalities import Municipality, all_municipalities
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
)

FIRST_YEAR = 2016
YEARS = 10
PROGRAMMES = 6
THEMES_PER_PROGRAMME = 2
ACTIVITIES_PER_THEME = 5  # 6 × 2 × 5 = 60 activities
_STATUSES = (("on_track", "Volgens plan"), ("partly", "Deels volgens plan"), ("council_action", "Bijsturing nodig"))
_WEIGHTS = (0.7, 0.22, 0.08)
_REPORTS = (  # (doc_type, title, period label, period kind, rank within the year)
    ("begroting", "Programmabegroting {year}", "Begroting {year}", "begroting", 10),
    ("voortgangsrapportage", "1e Voortgangsrapportage {year}", "1e VGR {year}", "vgr", 30),
    ("voortgangsrapportage", "2e Voortgangsrapportage {year}", "2e VGR {year}", "vgr", 40),
    ("jaarrekening", "Jaarstukken {year}", "Rekening {year}", "rekening", 90),
)


@dataclass(frozen=True)
class DemoSize:
    """How much to build: the municipalities (all when None) and the years."""

    municipalities: int | None = None
    years: int = YEARS

    @property
    def documents(self) -> int:
        """The number of documents this size gives."""
        count = len(all_municipalities()) if self.municipalities is None else self.municipalities
        return count * self.years * len(_REPORTS)


def _activities(rng: random.Random) -> list[Activity]:
    found = []
    for programme in range(1, PROGRAMMES + 1):
        for theme in range(1, THEMES_PER_PROGRAMME + 1):
            for number in range(1, ACTIVITIES_PER_THEME + 1):
                code = f"{programme}.{theme}.{number}"
                found.append(
                    Activity(
                        code=code,
                        name=f"Activiteit {code} {rng.choice(('versterken', 'uitvoeren', 'ontwikkelen'))}",
                        programme=f"Programma {programme}",
                        theme=f"{programme}.{theme} Thema {programme}.{theme}",
                        target_year=FIRST_YEAR + rng.randrange(YEARS + 2),
                        description=f"Beschrijving van activiteit {code}.",
                        line=10 + len(found) * 5,
                    )
                )
    return found


def _budget(year: int, final: bool, rng: random.Random) -> list[BudgetLine]:
    lines = []
    for programme in range(1, PROGRAMMES + 1):
        for theme in range(1, THEMES_PER_PROGRAMME + 1):
            scope = f"{programme}.{theme} Thema {programme}.{theme}"
            for kind in ("lasten", "baten"):
                planned = rng.randrange(200, 9000) * 1000
                actual = planned + rng.randrange(-400, 400) * 1000
                columns = [("Begroting", "begroting", planned), ("Begroting na wijziging", "actuele_begroting", planned)]
                if final:
                    columns += [("Realisatie", "rekening", actual), ("Verschil", "verschil", actual - planned)]
                for column, column_kind, amount in columns:
                    lines.append(
                        BudgetLine(
                            scope=scope,
                            kind=kind,
                            column=f"{column} {year}",
                            year=year,
                            amount_eur=amount,
                            column_kind=column_kind,
                            line=200 + len(lines),
                        )
                    )
    return lines


def _deviations(rng: random.Random) -> list[Deviation]:
    found = []
    for number in range(rng.randrange(4, 10)):
        amount = rng.randrange(20, 900) * 1000
        direction = rng.choice(("N", "V"))
        word = "nadeel" if direction == "N" else "voordeel"
        item = f"Post {number + 1}"
        found.append(
            Deviation(
                scope=f"{rng.randrange(1, PROGRAMMES + 1)}.1 Thema",
                item=item,
                amount_eur=amount,
                direction=direction,
                explanation=f"{item}, {word} € {amount:,}".replace(",", ".") + ". Door hogere vraag dan geraamd.",
                explanation_line=400 + number * 4,
                line=300 + number,
            )
        )
    return found


def _indicators(year: int, rng: random.Random) -> list[Indicator]:
    return [
        Indicator(
            name=f"Indicator {number + 1}",
            group=f"Programma {number % PROGRAMMES + 1}",
            unit="%",
            values=[IndicatorValue(period=str(y), value=round(rng.uniform(10, 90), 1)) for y in (year - 1, year)],
            target=75,
            source="Waarstaatjegemeente.nl",
            line=500 + number,
        )
        for number in range(10)
    ]


def _document(town: Municipality, year: int, report: int, activities: list[Activity], rng: random.Random) -> Extraction:
    doc_type, title, label, kind, rank = _REPORTS[report]
    label, title = label.format(year=year), title.format(year=year)
    source = f"demo/{town.code}/{year}/{report + 1}-{doc_type}.txt"
    period = Period(label=label, year=year, order=year * 100 + rank, kind=kind, canonical=label)
    statuses = []
    for activity in activities:
        status, raw = rng.choices(_STATUSES, _WEIGHTS)[0]
        statuses.append(
            StatusReport(
                activity_code=activity.code,
                activity_name=activity.name,
                period=label,
                status=status,
                status_raw=raw,
                line=activity.line,
            )
        )
    final = doc_type == "jaarrekening"
    return Extraction(
        source=source,
        sha256=hashlib.sha256(source.encode()).hexdigest(),
        format="text",
        document=DocumentInfo(
            municipality=town.display_name,
            municipality_code=town.code,
            title=title,
            doc_type=doc_type,
            year=year,
            period=label,
        ),
        periods=[period],
        activities=activities,
        statuses=statuses,
        budget_lines=_budget(year, final, rng) if doc_type in {"begroting", "jaarrekening"} else [],
        deviations=_deviations(rng) if doc_type == "voortgangsrapportage" or final else [],
        indicators=_indicators(year, rng) if final else [],
        raw_text=f"{title}\n{town.display_name}\n",
    )


def national_documents(size: DemoSize = DemoSize(), seed: int = 2026) -> Iterator[Extraction]:
    """The documents of every municipality (or the first `size.municipalities`), year after year."""
    rng = random.Random(seed)
    towns = all_municipalities()[: size.municipalities]
    for town in towns:
        activities = _activities(rng)
        for year in range(FIRST_YEAR, FIRST_YEAR + size.years):
            for report in range(len(_REPORTS)):
                yield _document(town, year, report, activities, rng)
