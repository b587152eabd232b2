"""Fuzzed and hostile inputs through extraction: `python benchmarks/fuzz.py [--count N] [--seed S]`.

Mutations of the bundled samples (and of ../shared's texts when present), line soups of the vocabulary the
recognizers look for, and hostile files (huge lines, deep HTML, wide tables, zip and Office bombs, broken PDFs).
Prints how many were read, refused (with a reason) or crashed, the slowest run and the peak memory. A crash is
any exception other than UnreadableDocument.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from loaders.errors import UnreadableDocument
from loaders.extract import extract_bytes

SLOW_SECONDS = 10.0
WORDS = [
    "6.1.1 Iets doen",
    "6.1 Thema",
    "Programma 6",
    "Stand van zaken",
    "1e VGR",
    "2e VGR",
    "Volgens plan",
    "Bijsturing raad",
    "Status: Op koers",
    "| Groen | Rood",
    "x € 1.000",
    "Lasten",
    "Baten",
    "Totaal lasten -1.000 - 2 N",
    "Jeugd 12 - 3 V",
    "Belangrijkste afwijkingen",
    "nadeel € 3.000",
    "Indicatoren",
    "2020 | 2021",
    "12 | n.n.b.",
    "Bron: CBS",
    "Gemeente Zevenaar",
    "Rekening 2023",
    "Begroting 2024",
    "",
]


def _texts() -> list[bytes]:
    paths = sorted((PROJECT / "data" / "samples").glob("*.txt"))
    shared = PROJECT.parent / "shared"
    for folder in ("corpus", "devset"):
        paths += sorted((shared / folder).rglob("*.txt"))[:60] if (shared / folder).is_dir() else []
    return [path.read_bytes() for path in paths]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    kind = rng.randrange(6)
    if kind == 0:  # flipped bytes
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 50)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        return bytes(flipped)
    if kind == 1:  # cut short
        return data[: rng.randrange(len(data) + 1)]
    lines = data.split(b"\n")
    if kind == 2:  # lines shuffled
        rng.shuffle(lines)
    elif kind == 3:  # a line repeated many times
        line = rng.choice(lines)
        lines[rng.randrange(len(lines))] = b"\n".join([line] * rng.randint(10, 2000))
    elif kind == 4:  # odd characters inserted
        for _ in range(rng.randint(1, 30)):
            at = rng.randrange(len(lines))
            lines[at] += rng.choice(["\x00", "\u202e", "\ufeff", "€", "|", "\t", "\r", "💥", "\u00a0"]).encode()
    else:  # lines joined
        return data.replace(b"\n", b" ")
    return b"\n".join(lines)


def _soup(rng: random.Random) -> bytes:
    return "\n".join(rng.choice(WORDS) for _ in range(rng.randint(1, 600))).encode()


def _zip(parts: dict[str, bytes]) -> bytes:
    made = io.BytesIO()
    with zipfile.ZipFile(made, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return made.getvalue()


def _hostile(rng: random.Random) -> bytes:
    kind = rng.randrange(9)
    if kind == 0:
        return b"x" * rng.randint(100_000, 3_000_000)
    if kind == 1:
        depth = rng.randint(100, 20_000)
        return b"<html><body>" + b"<div>" * depth + b"Volgens plan" + b"</div>" * depth + b"</body></html>"
    if kind == 2:
        cells = b"<td>1.000</td>" * rng.randint(10, 300)
        return (
            b"<html><body><table>"
            + b"<tr>"
            + cells
            + b"</tr>" * 1
            + (b"<tr>" + cells + b"</tr>") * 300
            + b"</table></body></html>"
        )
    if kind == 3:
        return b"PK\x03\x04" + rng.randbytes(rng.randint(10, 5000))
    if kind == 4:
        return _zip({"word/document.xml": b"<w:p/>" * rng.randint(1, 3_000_000)})
    if kind == 5:
        return _zip({"xl/worksheets/sheet1.xml": b"<row/>" * rng.randint(1, 3_000_000), "[Content_Types].xml": b"<"})
    if kind == 6:
        return b"%PDF-1.7\n" + rng.randbytes(rng.randint(10, 20_000))
    if kind == 7:
        pdf = (PROJECT / "benchmarks" / "data" / "begroting-proef.pdf").read_bytes()
        return pdf[: rng.randint(100, 60_000)]
    return rng.randbytes(rng.randint(1, 50_000))


def inputs(count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """`count` inputs: a third mutations, a third line soups, a third hostile files."""
    rng = random.Random(seed)
    texts = _texts()
    makers: list[tuple[str, Callable[[], bytes]]] = [
        ("mutation", lambda: _mutate(rng.choice(texts), rng)),
        ("soup", lambda: _soup(rng)),
        ("hostile", lambda: _hostile(rng)),
    ]
    for number in range(count):
        kind, make = makers[number % len(makers)]
        yield kind, make()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    read = refused = 0
    crashes: list[str] = []
    slowest, slow = 0.0, 0
    start = time.perf_counter()
    for number, (kind, data) in enumerate(inputs(options.count, options.seed)):
        began = time.perf_counter()
        try:
            extract_bytes(data, f"fuzz/{number}.txt")
            read += 1
        except UnreadableDocument:
            refused += 1
        except Exception as error:  # noqa: BLE001 — counting crashes is the point
            crashes.append(f"{number} ({kind}): {type(error).__name__}: {error}"[:200])
        took = time.perf_counter() - began
        slowest = max(slowest, took)
        slow += took > SLOW_SECONDS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{options.count} inputs in {time.perf_counter() - start:.0f} s: {read} read, {refused} refused, "
        f"{len(crashes)} crashed; slowest {slowest:.2f} s, {slow} over {SLOW_SECONDS:.0f} s; peak memory {peak:.0f} MB"
    )
    for crash in crashes[:20]:
        print("  crash", crash)


if __name__ == "__main__":
    main()
