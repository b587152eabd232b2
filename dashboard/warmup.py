"""What the first page needs, made ready in the server process while the browser loads Streamlit's front end: the
libraries, Babel's Dutch locale, the module files Streamlit's first element looks up, the database check, plotly's
chart classes, the database connection and the first municipality's rows. Page runs wait for it, so that no module
is ever imported by two threads at once (pandas half-imported in one session's thread broke another's first page)."""

from __future__ import annotations

import inspect
import logging
import threading
import time
import urllib.request
from pathlib import Path

SERVER_WAIT_SECONDS = 20.0
_done = threading.Event()
_done.set()  # nothing to wait for until a warm-up starts


def start(port: int) -> None:
    """Warm up in a thread once the server on `port` answers (so that the warm-up does not delay its start)."""
    _done.clear()
    threading.Thread(target=_run, args=(port,), name="voortgang-warm-up", daemon=True).start()


def wait() -> None:
    """Return when the warm-up (if one was started) has finished."""
    _done.wait(SERVER_WAIT_SECONDS * 2)


def _run(port: int) -> None:
    try:
        _wait_for_server(port)
        _load()
    except Exception:  # a warm-up only saves time; the page reports any real problem itself
        logging.getLogger(__name__).debug("warm-up stopped", exc_info=True)
    finally:
        _done.set()


def _wait_for_server(port: int) -> None:
    deadline = time.monotonic() + SERVER_WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.05)


def _load() -> None:
    """Import what the pages import and run the default page's first queries and chart."""
    from dashboard import (
        charts,
        downloads,
        export_catalog,
        exports,
        filter_queries,
        filters,
        format,
        guard,
        money_queries,
        navigation,
        queries,
        tables,
    )
    from dashboard.db import database_path
    from dashboard.selection import Selection

    del downloads, export_catalog, exports, filters, navigation, money_queries, tables  # imported is enough
    format.number(1.5, 1)
    if Path(database_path()).exists():
        guard.database_problem()  # opens the file to check it, once per version of the file
        town = filter_queries.newest_municipality()
        if town is not None:
            charts.status_trend(queries.status_counts(Selection(town)))
    inspect.stack()  # Streamlit's first element of a process calls it, which looks up every loaded module's file
