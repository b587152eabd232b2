"""A short run of benchmarks/fuzz.py's inputs in CI: no input crashes extraction or takes over 10 seconds (the
benchmark itself runs 10,000)."""

from __future__ import annotations

import importlib.util
import time

from loaders.errors import UnreadableDocument
from loaders.extract import extract_bytes
from tests.conftest import PROJECT

_spec = importlib.util.spec_from_file_location("fuzz", PROJECT / "benchmarks" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)


def test_fuzzed_and_hostile_inputs_never_crash_or_run_long():
    crashes, slowest = [], 0.0
    for number, (kind, data) in enumerate(fuzz.inputs(150, seed=7)):
        start = time.perf_counter()
        try:
            extract_bytes(data, f"fuzz/{number}.txt")
        except UnreadableDocument:
            pass
        except Exception as error:  # noqa: BLE001 — what the test counts
            crashes.append(f"{number} ({kind}): {type(error).__name__}: {error}")
        slowest = max(slowest, time.perf_counter() - start)
    assert crashes == []
    assert slowest < fuzz.SLOW_SECONDS
