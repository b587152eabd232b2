"""Stored documents read back as the loaders made them (the document list and the Excel template export)."""

from __future__ import annotations

from pathlib import Path

from model import layers
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


def stored_documents(db_path: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(doc_id, source, title, municipality) of every stored document."""
    with layers.connect(db_path) as connection:
        return connection.execute(
            "SELECT doc_id, source, title, municipality FROM documents ORDER BY municipality, year, title"
        ).fetchall()


def read_extraction(db_path: Path, doc_id: str) -> Extraction:
    """The records of one stored document, as the loaders made them (for the Excel template export)."""
    with layers.connect(db_path) as connection:

        def rows(sql: str) -> list[dict]:
            cursor = connection.execute(sql, [doc_id])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

        [document] = rows("SELECT * FROM documents WHERE doc_id = ?")
        periods = [
            Period(
                label=r["label"],
                year=r["year"],
                order=r["sort_order"],
                kind=r["kind"],
                canonical=r["canonical"],
                year_guessed=r["year_guessed"],
            )
            for r in rows("SELECT * FROM periods WHERE doc_id = ? ORDER BY sort_order")
        ]
        activities = rows("SELECT * FROM activities WHERE doc_id = ? ORDER BY seq")
        names = {a["activity_key"]: (a["code"], a["name"]) for a in activities}
        statuses = [
            StatusReport(
                activity_code=names[s["activity_key"]][0],
                activity_name=names[s["activity_key"]][1],
                period=s["period_label"],
                status=s["status"],
                status_raw=s["status_raw"],
                line=s["line"],
            )
            for s in rows("SELECT * FROM statuses WHERE doc_id = ? ORDER BY period_order, line")
            if s["activity_key"] in names
        ]
        values: dict[int, list[IndicatorValue]] = {}
        for value in rows("SELECT * FROM indicator_values WHERE doc_id = ?"):
            values.setdefault(value["indicator_seq"], []).append(
                IndicatorValue(period=value["period"], value=_number(value["value"]))
            )
        return Extraction(
            source=document["source"],
            sha256=document["sha256"],
            format=document["format"],
            document=DocumentInfo(
                municipality=document["municipality"],
                municipality_code=document["municipality_code"],
                title=document["title"],
                doc_type=document["doc_type"],
                year=document["year"],
                period=document["period"],
            ),
            periods=periods,
            activities=[
                Activity(
                    code=a["code"],
                    name=a["name"],
                    programme=a["programme"],
                    theme=a["theme"],
                    target_year=a["target_year"],
                    description=a["description"],
                    progress=a["progress"],
                    proposal=a["proposal"],
                    line=a["line"],
                )
                for a in activities
            ],
            statuses=statuses,
            budget_lines=[
                BudgetLine(
                    scope=b["scope"],
                    kind=b["kind"],
                    column=b["column_label"],
                    year=b["year"],
                    amount_eur=_number(b["amount_eur"]),
                    column_kind=b["column_kind"],
                    total=b["is_total"],
                    direction=b["direction"],
                    activity=b["activity"],
                    programme=b["programme"],
                    note=b["note"],
                    line=b["line"],
                    row=b["row_label"],
                )
                for b in rows("SELECT * FROM budget_lines WHERE doc_id = ? ORDER BY seq")
            ],
            deviations=[
                Deviation(
                    scope=d["scope"],
                    item=d["item"],
                    amount_eur=_number(d["amount_eur"]),
                    direction=d["direction"],
                    explanation=d["explanation"],
                    incidental=d["incidental"],
                    explanation_line=d["explanation_line"],
                    line=d["line"],
                )
                for d in rows("SELECT * FROM deviations WHERE doc_id = ? ORDER BY seq")
            ],
            indicators=[
                Indicator(
                    name=i["name"],
                    group=i["group_name"],
                    unit=i["unit"],
                    target=_number(i["target"]),
                    source=i["source"],
                    values=values.get(i["seq"], []),
                    line=i["line"],
                )
                for i in rows("SELECT * FROM indicators WHERE doc_id = ? ORDER BY seq")
            ],
            raw_text=document["raw_text"],
            page_starts=document["page_starts"],
        )


def _number(value: float | None) -> int | float | None:
    """Whole numbers come back from DOUBLE columns as floats; give them back as ints."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
