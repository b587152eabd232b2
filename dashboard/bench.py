"""Speed of the dashboard on a database, measured by `voortgang bench --db PATH`: every page's server render (the
first for a municipality and a repeat, p50 and p95 over several municipalities), each beside the time DuckDB needs
for the same aggregates without Streamlit, pandas charts or caching."""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from dashboard import check_queries, filter_queries, money_queries, queries
from dashboard import db as db_module
from dashboard.selection import Selection
from model.storage import DB_ENV

APP = Path(__file__).resolve().parent / "app.py"


def _overview(selection: Selection) -> None:
    counts = queries.status_counts(selection)
    periods = counts.drop_duplicates("period")["period"].tolist()
    queries.status_facts(selection)
    if len(periods) >= 2:
        queries.transitions(selection, periods[-2], periods[-1])
        queries.attention(selection, periods[-2], periods[-1])


def _cross_document(selection: Selection) -> None:
    """What the checks and Vergelijken read of one municipality: its documents, money lines, deviations, statuses."""
    town = selection.municipality or ""
    check_queries.documents(town)
    check_queries.money_lines(town)
    check_queries.deviations(town)
    check_queries.statuses(town)


def _finance(selection: Selection) -> None:
    _cross_document(selection)
    documents = money_queries.finance_documents(selection)
    if not documents.empty:
        doc_id = documents["doc_id"].iloc[0]
        money_queries.budget_comparison(doc_id, "lasten")
        money_queries.scope_deviations(doc_id, "lasten")
        money_queries.deviations(doc_id)


PAGES: dict[str, tuple[str, Callable[[Selection], object]]] = {
    "overzicht": ("app_pages/overzicht.py", _overview),
    "activiteiten": ("app_pages/activiteiten.py", queries.activities),
    "financien": ("app_pages/financien.py", _finance),
    "indicatoren": ("app_pages/indicatoren.py", queries.indicators),
    "vergelijken": ("app_pages/vergelijken.py", _cross_document),
    "bronnen": ("app_pages/bronnen.py", queries.documents),
}


@dataclass(frozen=True)
class PageTiming:
    """One page: seconds of the session's first render, of the render after choosing each municipality (its data
    not yet cached), of a repeated render, and of DuckDB alone for the same aggregates, one value per municipality."""

    page: str
    session: float
    first: list[float]
    repeat: list[float]
    duckdb: list[float]


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def sample_municipalities(db: Path, count: int) -> list[str]:
    """`count` municipalities spread over the alphabet of those in `db`."""
    towns = filter_queries.municipalities(path=db)
    step = max(1, len(towns) // count)
    return towns[::step][:count]


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@contextmanager
def _compiled_once() -> Iterator[None]:
    """Streamlit's test runner compiles every page script again on every run (a new ScriptCache each time); a
    server compiles each once. One shared cache while timing, so that renders cost what they cost in a server."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    with (
        mock.patch.object(app_test, "ScriptCache", lambda: shared),
        mock.patch.object(local_script_runner, "ScriptCache", lambda: shared),
    ):
        yield


def _renders(page: str, page_file: str, municipalities: list[str], raw: list[float]) -> PageTiming:
    """One browser session on `page`: open it, then choose each municipality in the sidebar and render once more."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(APP), default_timeout=600)
    app.switch_page(page_file)
    session = _timed(app.run)
    first, repeat = [], []
    for town in municipalities:
        first.append(_timed(lambda town=town: app.selectbox(key="gemeente").set_value(town).run()))
        if app.exception:
            raise RuntimeError(f"{page} for {town}: {app.exception[0].message}")
        repeat.append(_timed(app.run))
    return PageTiming(page, session, first, repeat, raw)


def time_pages(db: Path, municipalities: list[str]) -> list[PageTiming]:
    """Time every page's queries on DuckDB alone (before the app installs its cache in this process), then render
    every page for every municipality, first and repeated."""
    os.environ[DB_ENV] = str(db)
    raw: dict[str, list[float]] = {}
    for page, (_, aggregate) in PAGES.items():
        for town in municipalities:
            start = time.perf_counter()
            aggregate(Selection(town))
            raw.setdefault(page, []).append(time.perf_counter() - start)
    db_module.forget_rows()
    with _compiled_once():
        _warm_up()
        return [_renders(page, page_file, municipalities, raw[page]) for page, (page_file, _) in PAGES.items()]


def _warm_up() -> None:
    """One render of the app before timing, so that 'opened' is a new session's first page, not this process's
    imports (the cold start of a server is measured on its own)."""
    from streamlit.testing.v1 import AppTest

    AppTest.from_file(str(APP), default_timeout=600).run()
    db_module.forget_rows()


def report(timings: list[PageTiming]) -> list[str]:
    """The lines `voortgang bench --db` prints: per page p50/p95 of renders beside DuckDB alone, in ms."""
    heads = ("chosen p50", "chosen p95", "repeat p50", "repeat p95", "DuckDB p50")
    lines = [f"{'page':<14}{'opened':>10}" + "".join(f"{head:>11}" for head in heads)]
    for timing in timings:
        values = (
            timing.session,
            statistics.median(timing.first),
            percentile(timing.first, 0.95),
            statistics.median(timing.repeat),
            percentile(timing.repeat, 0.95),
            statistics.median(timing.duckdb),
        )
        lines.append(f"{timing.page:<14}{values[0] * 1000:>10.0f}" + "".join(f"{v * 1000:>11.0f}" for v in values[1:]) + " ms")
    return lines
