"""Measure chart export on the samples: `python benchmarks/bench_export.py` (needs Debian's chromium)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from dashboard import charts, exports, queries
from dashboard.selection import Selection
from loaders import extract_file
from loaders.commands import sample_files
from loaders.store import load_extractions

REPEAT = 10


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        load_extractions([extract_file(p) for p in sample_files()], db)
        figure = charts.status_trend(queries.status_counts(Selection("Zevenaar"), path=db))
        start = time.perf_counter()
        exports.image_bytes(figure, "png")
        print(f"first PNG (starts the export server): {time.perf_counter() - start:.2f} s")
        for fmt in ("png", "svg"):
            times = []
            for _ in range(REPEAT):
                start = time.perf_counter()
                exports.image_bytes(figure, fmt)
                times.append(time.perf_counter() - start)
            print(f"{fmt.upper()} after the first, median of {REPEAT}: {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
