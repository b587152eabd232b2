"""Uploads through the worker process: its failures become Dutch messages; the dashboard never imports a loader."""

from __future__ import annotations

import ast
import subprocess

import pytest

from dashboard import strings, uploads
from tests.conftest import PROJECT, ZEVENAAR


def test_a_worker_that_takes_too_long_is_stopped_with_a_dutch_message(monkeypatch):
    monkeypatch.setattr(uploads, "WORKER_SECONDS", 0.01)
    with pytest.raises(uploads.UploadFailed, match=r"duurde langer dan 0\.01 seconden"):
        uploads.preview("z.txt", ZEVENAAR.read_bytes(), None)


def test_a_worker_killed_for_memory_or_time_gives_a_dutch_message(monkeypatch):
    monkeypatch.setattr(
        subprocess, "run", lambda *args, **kwargs: subprocess.CompletedProcess(args, returncode=-9, stdout="")
    )
    with pytest.raises(uploads.UploadFailed) as failure:
        uploads.preview("z.txt", b"tekst", None)
    assert str(failure.value) == strings.UPLOAD_WORKER_FAILED


def test_no_dashboard_module_imports_the_loaders():
    imported = set()
    for path in (PROJECT / "dashboard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add((path.name, node.module))
            elif isinstance(node, ast.Import):
                imported.update((path.name, alias.name) for alias in node.names)
    assert not [(name, module) for name, module in imported if module.split(".")[0] == "loaders"]
