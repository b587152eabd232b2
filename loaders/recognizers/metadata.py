"""Document metadata from the text: municipality, title, document type, year and the document's own period."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from model.document import Line
from model.municipalities import detect_municipality, find_municipality
from model.periods import YEAR, ParsedPeriod, parse_period
from model.records import DocumentInfo, WarningRecord
from model.statuses import Status
from model.text import fold
from model.vocabulary import load_vocabulary

_TITLE_WINDOW = 25
_MENTION_WINDOW = 60
_MAX_TITLE_CHARS = 120
_MAX_TITLE_WORDS = 14


@dataclass
class DocumentContext:
    """What parsers need to know about the document: its info, its own period and the warnings so far."""

    info: DocumentInfo
    period: ParsedPeriod | None = None
    warnings: list[WarningRecord] = field(default_factory=list)
    legend: dict[str, Status] = field(default_factory=dict)


@cache
def _doc_types() -> tuple[tuple[str, tuple[re.Pattern[str], ...], str | None], ...]:
    entries = load_vocabulary("documents")["doc_type"]
    return tuple((e["name"], tuple(re.compile(p) for p in e["patterns"]), e.get("period")) for e in entries)


def _match_doc_type(text: str) -> tuple[str, str | None] | None:
    folded = fold(text)
    for name, patterns, period in _doc_types():
        for pattern in patterns:
            match = pattern.search(folded)
            if not match:
                continue
            n = match.groupdict().get("n")
            ordinals = load_vocabulary("periods")["ordinals"]
            n = str(ordinals.get(n, n)) if n else None
            if period and "{n}" in period:
                period = period.format(n=n) if n else None
            return name, period
    return None


def _title_like(text: str) -> bool:
    return (
        len(text) <= _MAX_TITLE_CHARS
        and len(text.split()) <= _MAX_TITLE_WORDS
        and not text.endswith((".", ":", ";"))
        and not text.startswith(("•", "-", "*", "·", "–"))
    )


def describe_document(lines: list[Line], municipality: str | None) -> DocumentContext:
    """Work out municipality, title, type, year and period; warn where something is guessed or missing."""
    warnings: list[WarningRecord] = []
    head = lines[:_TITLE_WINDOW]
    title_line = next((line for line in head if _title_like(line.text) and _match_doc_type(line.text)), None)
    title = title_line.text if title_line else next((ln.text for ln in head if _title_like(ln.text)), None)
    doc_type, own_period = _match_doc_type(title_line.text) if title_line else (None, None)
    if doc_type is None:
        mention = next(
            (
                found
                for line in lines[:_MENTION_WINDOW]
                if _title_like(line.text) and (found := _match_doc_type(line.text))
            ),
            None,
        )
        if mention:
            doc_type, own_period = mention
            warnings.append(
                WarningRecord(
                    code="document-type-guessed",
                    message=f"no title line names the document type; took {doc_type!r} from the "
                    "first mention in the text",
                )
            )

    year = None
    title_years = YEAR.findall(title or "")
    if title_years:
        year = int(title_years[-1])
    else:
        counts = Counter(int(y) for line in lines for y in YEAR.findall(line.text))
        if counts:
            year = counts.most_common(1)[0][0]
            warnings.append(
                WarningRecord(
                    code="document-year-guessed",
                    message=f"the title names no year; took {year}, the year named most often",
                )
            )
        else:
            warnings.append(WarningRecord(code="document-year-missing", message="no year found in the document"))

    info = DocumentInfo(title=title, doc_type=doc_type, year=year)
    _set_municipality(info, "\n".join(line.text for line in lines), municipality, warnings)
    period = parse_period(own_period, year) if own_period else None
    info.period = period.canonical if period else None
    return DocumentContext(info=info, period=period, warnings=warnings)


def _set_municipality(info: DocumentInfo, text: str, override: str | None, warnings: list[WarningRecord]) -> None:
    if override:
        known = find_municipality(override)
        info.municipality = known.display_name if known else override.strip()
        info.municipality_code = known.code if known else None
        if known is None:
            warnings.append(
                WarningRecord(
                    code="municipality-not-in-list",
                    message=f"--municipality {override!r} is not a current Dutch municipality "
                    "in the bundled list; used as given",
                )
            )
        return
    detected = detect_municipality(text)
    if detected is None:
        warnings.append(
            WarningRecord(
                code="municipality-not-found", message="no municipality named in the text; pass --municipality NAME"
            )
        )
        return
    info.municipality = detected.display_name
    info.municipality_code = detected.code
