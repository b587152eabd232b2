"""Speed of the loaders, measured by `voortgang bench`: reading (bytes to the document model) and extraction
(to records) per format, text in MB/s and PDF in pages/s, beside the PDF engine's plain text as the floor; and
loading into a large database (`--db`)."""

from __future__ import annotations

import hashlib
import itertools
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from loaders import store
from loaders.demo import DemoSize, national_documents
from loaders.errors import UnreadableDocument
from loaders.extract import extract_bytes, read_file
from loaders.readers import read_document
from loaders.readers.formats import detect_format
from model import layers
from model.caching import clear_text_caches
from model.records import Extraction

_OWN_PACKAGES = ("loaders", "model")
TEXT_FORMATS = ("text", "html")
BENCH_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx", ".xlsx"}


@dataclass(frozen=True)
class FileTiming:
    """One file's size, pages (PDF) and seconds per stage; `refused` says why it could not be read."""

    path: Path
    fmt: str
    size: int
    pages: int
    seconds: dict[str, float]
    refused: str | None = None


@dataclass(frozen=True)
class Figure:
    """A total over the files of one format group and stage: the amount (MB or pages), seconds and the rate."""

    group: str
    stage: str
    files: int
    amount: float
    unit: str
    seconds: float

    @property
    def rate(self) -> float:
        """Amount per second."""
        return self.amount / self.seconds if self.seconds else float("inf")


def bench_files(paths: Iterable[Path]) -> list[Path]:
    """The files to measure: files as given, folders expanded to the supported files in them."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in BENCH_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _raw_pdf_text(data: bytes) -> int:
    """The engine's plain text of every page, without positions: the floor for reading a PDF. Returns pages."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()


def forget_text_caches() -> None:
    """Empty the caches of text pieces (folded labels, amounts, rows), so that each file is timed as if it were the
    first; the unbounded caches of vocabularies and compiled patterns stay, as in a long run."""
    clear_text_caches()


REPEATS = 5


def _median_cold(action: Callable[[], object], repeats: int) -> float:
    """The median seconds of `repeats` runs of `action`, each with the text caches emptied first: one cold run
    of a small file is mostly noise (a collection, another process), the median is its typical time."""
    runs = []
    for _ in range(repeats):
        forget_text_caches()
        runs.append(_timed(action))
    return statistics.median(runs)


def time_file(path: Path, repeats: int = REPEATS) -> FileTiming:
    """Time one file per stage: the median of `repeats` runs, each with the text caches emptied first."""
    data = read_file(path)
    fmt = detect_format(data)
    seconds: dict[str, float] = {}
    pages = 0
    try:
        if fmt == "pdf":
            start = time.perf_counter()
            pages = _raw_pdf_text(data)
            seconds["raw"] = time.perf_counter() - start
        seconds["read"] = _median_cold(lambda: read_document(data, fmt), repeats)
        seconds["extract"] = _median_cold(lambda: extract_bytes(data, str(path)), repeats)
    except UnreadableDocument as error:
        return FileTiming(path, fmt, len(data), pages, {}, error.reason)
    return FileTiming(path, fmt, len(data), pages, seconds)


def warm_up(paths: Iterable[Path]) -> None:
    """Extract one file of each format first, so that imports, vocabularies and compiled patterns are not
    counted (a long-running loader pays them once)."""
    seen: set[str] = set()
    for path in paths:
        try:
            data = read_file(path)
            fmt = detect_format(data)
            if fmt not in seen:
                seen.add(fmt)
                extract_bytes(data, str(path))
        except UnreadableDocument:
            continue


def totals(timings: list[FileTiming]) -> list[Figure]:
    """Totals per format group (text and HTML in MB/s, PDF in pages/s, Word and Excel in MB/s) and stage."""
    figures: list[Figure] = []
    readable = [t for t in timings if t.refused is None]
    groups = {"text": TEXT_FORMATS, "pdf": ("pdf",), "office": ("docx", "xlsx")}
    for group, formats in groups.items():
        chosen = [t for t in readable if t.fmt in formats]
        if not chosen:
            continue
        for stage in ("raw", "read", "extract"):
            timed = [t for t in chosen if stage in t.seconds]
            if not timed:
                continue
            amount = sum(t.pages for t in timed) if group == "pdf" else sum(t.size for t in timed) / 1e6
            unit = "pages" if group == "pdf" else "MB"
            figures.append(Figure(group, stage, len(timed), amount, unit, sum(t.seconds[stage] for t in timed)))
    return figures


def interpreter() -> str:
    """Which Python ran the figures: on the development machine the same code ran 1.5x as fast on Debian's
    python3.11 (an optimized build) as on pyenv's default build, so the figures say which."""
    return f"python {platform.python_version()} ({platform.python_implementation()}, {os.path.realpath(sys.executable)})"


def peak_memory_mb() -> float:
    """The largest resident memory of this process so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_STAGES = {
    "raw": "engine text, no positions (floor)",
    "read": "to the document model",
    "extract": "to records (read and recognize)",
}


def report(timings: list[FileTiming], per_file: bool, repeats: int = REPEATS) -> list[str]:
    """The lines `voortgang bench` prints: the interpreter, totals per format and stage, refused files, peak
    memory."""
    header = f"{len(timings)} files, each stage the median of {repeats} runs with the text caches emptied before each"
    lines = [interpreter(), f"{header} (after a warm-up per format)"]
    for figure in totals(timings):
        amount = f"{figure.amount:.0f} pages" if figure.unit == "pages" else f"{figure.amount:.2f} MB"
        lines.append(
            f"{figure.group:<7}{figure.stage:<8}{figure.files:>3} files {amount:>11} {figure.seconds:8.2f} s"
            f" {figure.rate:9.2f} {figure.unit}/s   {_STAGES[figure.stage]}"
        )
    for timing in timings:
        if timing.refused:
            lines.append(f"refused (not counted): {timing.path}: {timing.refused}")
        elif per_file:
            stages = ", ".join(f"{stage} {seconds:.3f} s" for stage, seconds in timing.seconds.items())
            size = f"{timing.pages} pages" if timing.pages else f"{timing.size / 1e6:.3f} MB"
            lines.append(f"  {timing.path} ({timing.fmt}, {size}): {stages}")
    lines.append(f"peak memory: {peak_memory_mb():.0f} MB")
    return lines


def _fresh_documents(count: int) -> list[Extraction]:
    """Demo documents that no national database holds (another source, so other bytes)."""
    documents = itertools.islice(national_documents(DemoSize(municipalities=3)), count)
    fresh = []
    for number, document in enumerate(documents):
        source = f"bench/{number}/{document.source}"
        fresh.append(document.model_copy(update={"source": source, "sha256": hashlib.sha256(source.encode()).hexdigest()}))
    return fresh


def time_loads(db: Path, singles: int = 5, batch: int = 20) -> list[str]:
    """Load timings on a copy of `db`: single documents (each its own load and delta file), one load of `batch`
    documents, the merge every MAX_DELTAS loads pay and the fold into the base they pay far more rarely."""
    with tempfile.TemporaryDirectory(dir=db.parent) as folder:
        copy = Path(folder) / db.name
        shutil.copyfile(db, copy)
        if layers.delta_dir(db).is_dir():
            shutil.copytree(layers.delta_dir(db), layers.delta_dir(copy))
        documents = _fresh_documents(singles + batch)
        store.fold(copy)
        one = sorted(_timed(lambda d=d: store.load_extractions([d], copy)) for d in documents[:singles])
        many = _timed(lambda: store.load_extractions(documents[singles:], copy))
        deltas = layers.delta_files(copy)
        merging = _timed(lambda: store.merge(copy))
        folding = _timed(lambda: store.fold(copy))
        with layers.connect(copy, frozenset({"documents"})) as connection:
            documents_in_base = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    loads_per_fold = max(store.MAX_DELTAS, int(store.FOLD_SHARE * documents_in_base))
    return [
        f"load one document: median {one[len(one) // 2] * 1000:.0f} ms over {singles} loads (one delta file each)",
        f"load {batch} documents at once: {many / batch * 1000:.0f} ms per document",
        (
            f"merge {len(deltas)} delta files into one: {merging * 1000:.0f} ms, paid once every {store.MAX_DELTAS} "
            f"loads ({merging / store.MAX_DELTAS * 1000:.0f} ms per load)"
        ),
        (
            f"fold the deltas into the base: {folding:.1f} s, once they hold {store.FOLD_SHARE:.0%} of its documents "
            f"(about every {loads_per_fold} one-document loads: {folding / loads_per_fold * 1000:.0f} ms per load)"
        ),
    ]
