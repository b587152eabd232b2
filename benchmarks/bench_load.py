"""Measure extraction and load times on the bundled samples: `python benchmarks/bench_load.py`."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from loaders import extract_file
from loaders.commands import sample_files
from loaders.store import load_extractions

REPEAT = 5


def timed(action) -> float:
    """Median wall time of `action` over REPEAT runs, in seconds."""
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    samples = sample_files()
    zevenaar = next(p for p in samples if p.name.startswith("003_"))
    extractions = [extract_file(p) for p in samples]
    print(f"extract Zevenaar (31 KB):       {timed(lambda: extract_file(zevenaar)):.3f} s")
    print(f"extract all {len(samples)} samples:         {timed(lambda: [extract_file(p) for p in samples]):.3f} s")
    with tempfile.TemporaryDirectory() as folder:
        counter = iter(range(10**6))
        fresh = lambda: load_extractions(extractions, Path(folder) / f"db{next(counter)}.duckdb")
        print(f"load all into a new database:  {timed(fresh):.3f} s")
        db = Path(folder) / "again.duckdb"
        load_extractions(extractions, db)
        print(f"load all again (unchanged):    {timed(lambda: load_extractions(extractions, db)):.3f} s")


if __name__ == "__main__":
    main()
