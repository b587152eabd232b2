"""Document metadata from the text: municipality, title, document type, year and the document's own period."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from model.document import Document, Heading, Paragraph
from model.municipalities import by_code, find_municipality, mention_scores, municipality_in
from model.periods import YEAR, ParsedPeriod, parse_period
from model.records import DocumentInfo, WarningRecord
from model.statuses import Status
from model.text import fold
from model.vocabulary import load_vocabulary

_TITLE_WINDOW = 25
_MENTION_WINDOW = 60
_MAX_TITLE_CHARS = 120
_MAX_TITLE_WORDS = 14
_META_WEIGHT = 8  # a page title, site name or web address that names a municipality counts like "gemeente X"
_FILE_WEIGHT = 6
_TEXT_ENOUGH = 6  # text mentions this strong name the municipality without help
_PLACEHOLDER_TITLES = {"naamloos", "untitled", "document", "titel", "title", "presentatie"}


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


def _numbered(doc_type: str | None) -> bool:
    """A type of report that is numbered within its year ('2e voortgangsrapportage')."""
    return any(name == doc_type and period and "{n}" in period for name, _, period in _doc_types())


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


@cache
def _introductions() -> tuple[tuple[str, ...], tuple[str, ...]]:
    vocabulary = load_vocabulary("documents")
    return tuple(vocabulary["introductions"]), tuple(vocabulary["introduction_ends"])


def _introduced(blocks: list[Heading | Paragraph]) -> tuple[str, tuple[str, str | None]] | None:
    """The name a document gives itself in a sentence that introduces it ('Voor u ligt de 2e Tussentijdse
    rapportage 2022 van de gemeente ...'), with the type and period it names."""
    starts, ends = _introductions()
    for block in blocks:
        lowered = block.text.lower()
        start = next((len(s) + 1 for s in starts if lowered.startswith(s + " ")), None)
        if start is None:
            continue
        rest = f"{block.text[start:]} "
        end = min((i for e in ends if (i := rest.lower().find(e)) > 0), default=len(rest))
        name = rest[:end].strip().rstrip(".")
        year = YEAR.search(name)
        name = name[: year.end()] if year else name  # 'Begroting 2026 en de meerjarenraming tot en met 2029'
        found = _match_doc_type(name) if _title_like(name) else None
        if found is not None:
            return name[:1].upper() + name[1:], found
    return None


def _title_like(text: str) -> bool:
    return (
        len(text) <= _MAX_TITLE_CHARS
        and len(text.split()) <= _MAX_TITLE_WORDS
        and not text.endswith((".", ":", ";"))
        and not text.startswith(("•", "-", "*", "·", "–"))
    )


def _text_blocks(document: Document) -> list[Heading | Paragraph]:
    """Headings and paragraphs: where titles, types and years are stated (never a table's row)."""
    return [block for block in document.blocks if isinstance(block, Heading | Paragraph) and block.text]


def _real_title(title: str | None) -> str | None:
    """A file's own title when it is one ('Naamloos', 'Microsoft Word - x.docx' are not)."""
    if not title:
        return None
    folded = fold(title)
    if folded in _PLACEHOLDER_TITLES or folded.startswith(("microsoft word", "microsoft excel")) or "." in folded[-6:]:
        return None
    return " ".join(title.split())


def describe_document(document: Document, municipality: str | None) -> DocumentContext:
    """Work out municipality, title, type, year and period; warn where something is guessed or missing."""
    warnings: list[WarningRecord] = []
    blocks = _text_blocks(document)
    meta_title = _real_title(document.meta.title)
    head = [block.text for block in blocks[:_TITLE_WINDOW]]
    sheets = {table.name for table in document.tables() if table.name}  # a sheet's name titles that sheet only
    candidates = [
        *(text for text in head if text not in sheets),
        *([meta_title] if meta_title else []),
        *(text for text in head if text in sheets),
    ]
    title = next((text for text in candidates if _title_like(text) and _match_doc_type(text)), None)
    doc_type, own_period = _match_doc_type(title) if title else (None, None)
    introduced = _introduced(blocks[:_MENTION_WINDOW]) if own_period is None else None
    if introduced is not None and (doc_type is None or introduced[1][1] is not None):
        name, (doc_type, own_period) = introduced  # the document names itself, with its period
        title = name if title is None or "://" in title else title
    if title is None:
        title = next((text for text in head if _title_like(text)), meta_title)
    if doc_type is None:
        mention = next(
            (found for block in blocks[:_MENTION_WINDOW] if _title_like(block.text) and (found := _match_doc_type(block.text))),
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
    year = _year(title, meta_title, blocks, warnings, budget=doc_type == "begroting")
    info = DocumentInfo(title=title, doc_type=doc_type, year=year)
    _set_municipality(info, document, municipality, warnings)
    stated = year is not None and title is not None and str(year) in title
    if own_period is None and stated and "://" not in (title or "") and _numbered(doc_type):
        own_period = doc_type.capitalize()  # 'Voortgangsrapportage coalitieakkoord 2024': the year's one report, 'Rapportage 2024'
    period = parse_period(f"{own_period} {year}" if stated else own_period, year) if own_period else None
    info.period = period.canonical if period else None
    return DocumentContext(info=info, period=period, warnings=warnings)


def _year(
    title: str | None, meta_title: str | None, blocks: list[Heading | Paragraph], warnings, budget: bool = False
) -> int | None:
    for text in (title, meta_title):
        years = YEAR.findall(text or "")
        if years:  # a budget's first year is its own, the rest its multi-year estimate ('2025-2028')
            return int(years[0] if budget else years[-1])
    counts = Counter(int(y) for block in blocks for y in YEAR.findall(block.text))
    if counts:
        year = counts.most_common(1)[0][0]
        warnings.append(
            WarningRecord(
                code="document-year-guessed", message=f"the title names no year; took {year}, the year named most often"
            )
        )
        return year
    warnings.append(WarningRecord(code="document-year-missing", message="no year found in the document"))
    return None


def _set_municipality(
    info: DocumentInfo, document: Document, override: str | None, warnings: list[WarningRecord]
) -> None:
    """The given municipality, else the one the text names most strongly, where the page's title, web address or
    PDF properties and the file's name count as strong mentions."""
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
    text_scores = mention_scores(document.text)
    meta = document.meta
    labels = [meta.title, meta.site_name, meta.url, meta.subject, meta.author]
    meta_scores: Counter[str] = Counter()
    for label, weight in [*((label, _META_WEIGHT) for label in labels if label), (meta.file_name, _FILE_WEIGHT)]:
        named = municipality_in(label) if label else None
        if named is not None:
            meta_scores[named.code] += weight
    scores = text_scores + meta_scores
    if not scores:
        warnings.append(
            WarningRecord(
                code="municipality-not-found", message="no municipality named in the text; pass --municipality NAME"
            )
        )
        return
    code = scores.most_common(1)[0][0]
    municipality = by_code(code)
    info.municipality, info.municipality_code = municipality.display_name, municipality.code
    if meta_scores[code] and text_scores[code] < _TEXT_ENOUGH:
        warnings.append(
            WarningRecord(
                code="municipality-from-metadata",
                message=f"{municipality.display_name} taken from the page title, web address, PDF properties or "
                "file name; the text does not name it clearly",
            )
        )

