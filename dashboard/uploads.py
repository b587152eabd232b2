"""Uploads go through the upload worker (loaders/upload_worker.py) in a process of its own: the dashboard never
imports the store, and a file that takes too much memory or time costs that upload, not the server."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from dashboard import strings
from model.storage import PROJECT_DIR

WORKER_SECONDS = 180  # wall clock; the worker itself stops at its CPU-time and memory limits


class UploadFailed(Exception):
    """The worker gave no answer (too slow, out of memory, crashed); the message is Dutch, for the user."""


def run_worker(
    action: str, files: list[tuple[str, bytes]], municipality: str | None, db: Path | None = None, **more: Any
) -> Any:
    """The worker's answer to one request about `files` (name, bytes) and `more` fields; raises UploadFailed when it
    gives none."""
    with tempfile.TemporaryDirectory(prefix="voortgang-upload-") as folder:
        entries = []
        for number, (name, data) in enumerate(files):
            path = Path(folder) / str(number)
            path.write_bytes(data)
            entries.append({"name": name, "path": str(path)})
        request = {"action": action, "files": entries, "municipality": municipality, "db": str(db) if db else None}
        request.update(more)
        try:
            done = subprocess.run(
                [sys.executable, "-m", "loaders.upload_worker"],
                input=json.dumps(request),
                capture_output=True,
                text=True,
                timeout=WORKER_SECONDS,
                cwd=PROJECT_DIR,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise UploadFailed(strings.UPLOAD_TOO_SLOW.format(seconds=WORKER_SECONDS)) from None
    if done.returncode != 0:
        raise UploadFailed(strings.UPLOAD_WORKER_FAILED)
    return json.loads(done.stdout)


def preview(name: str, data: bytes, municipality: str | None) -> dict[str, Any]:
    """What one file holds (or why it cannot be read), from a worker of its own."""
    return run_worker("preview", [(name, data)], municipality)["files"][0]


def load(files: list[tuple[str, bytes]], municipality: str | None, db: Path) -> dict[str, Any]:
    """Load the files: {"outcomes": [...]} per file, or {"error": why the database cannot be written}."""
    return run_worker("load", files, municipality, db)


def decide_link(municipality: str, earlier: str, later: str, decision: str, db: Path) -> dict[str, Any]:
    """Keep a decision about linking two activities ('confirmed' or 'rejected'): {} or {"error": why not}."""
    return run_worker("link", [], municipality, db, link={"from": earlier, "to": later, "decision": decision})
