"""Cold start of the dashboard: seconds from starting `voortgang serve` on the bundled samples until the server
answers, the first page's title, its first figure (a metric) and its first chart are drawn in Chromium (the browser
already running with a tab open, as a user's is; each run in a new browser context, so nothing is cached).

    python benchmarks/bench_cold_start.py [--runs N] [--db PATH]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parent.parent
_CLI = [sys.executable, "-c", "import sys; from loaders.cli import main; sys.exit(main(sys.argv[1:]))"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answering(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.02)
    raise TimeoutError("the server did not answer")


# Marks, in the browser's own clock, the first frame painted after each element appeared (a timeout queued in
# the animation frame runs after that frame is painted): when the user sees it, not when Playwright next polls.
_DRAWN = """
window.__drawn = {};
const marks = {title: "h1", metric: '[data-testid="stMetric"]', chart: ".js-plotly-plot .main-svg"};
new MutationObserver(() => {
  for (const [name, css] of Object.entries(marks)) {
    if (!(name in window.__drawn) && document.querySelector(css)) {
      window.__drawn[name] = null;
      requestAnimationFrame(() => setTimeout(() => { window.__drawn[name] = performance.timeOrigin + performance.now(); }));
    }
  }
}).observe(document, {subtree: true, childList: true});
"""
_ALL_DRAWN = "() => ['title', 'metric', 'chart'].every(name => window.__drawn && window.__drawn[name])"


def one_start(browser, db: Path) -> tuple[float, float, float, float]:
    """(server answers, title, first metric, first chart drawn) in seconds after `voortgang serve` was started. The
    browser's tab is opened before the server starts (a new tab costs Playwright 0.2-0.3 s, which is no part of
    the server's start)."""
    port = _free_port()
    page = browser.new_page()
    page.add_init_script(_DRAWN)
    start, started = time.monotonic(), time.time()
    server = subprocess.Popen(
        [*_CLI, "serve", "--db", str(db), "--port", str(port)],
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _answering(port, start + 60)
        answered = time.monotonic() - start
        page.goto(f"http://127.0.0.1:{port}/", wait_until="commit")
        page.wait_for_function(_ALL_DRAWN, timeout=60_000)
        drawn = page.evaluate("window.__drawn")
        page.close()
        titled, metric, charted = (drawn[name] / 1000 - started for name in ("title", "metric", "chart"))
        return answered, titled, metric, charted
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="a database to serve (default: the samples, loaded into a new one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "voortgang.duckdb"
            samples = sorted((PROJECT / "data" / "samples").glob("*.txt"))
            subprocess.run(
                [*_CLI, "load", "--db", str(db), *map(str, samples)], cwd=PROJECT, check=True, capture_output=True
            )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            runs = [one_start(browser, db) for _ in range(args.runs)]
            browser.close()
    for name, values in zip(
        ("server answers", "title drawn", "first metric drawn", "first chart drawn"),
        zip(*runs, strict=True),
        strict=True,
    ):
        print(f"{name:18s} median {statistics.median(values):.2f} s  ({', '.join(f'{v:.2f}' for v in values)})")


if __name__ == "__main__":
    main()
