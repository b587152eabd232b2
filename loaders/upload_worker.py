"""Reads and loads the dashboard's uploads in a process of their own, with a memory and a CPU-time limit, so that
a file that explodes costs the upload and not the server, and the dashboard never imports the store.

Run as `python -m loaders.upload_worker`: a JSON request on stdin, a JSON answer on stdout.
Request: {"action": "preview" | "load" | "link", "db": path (load, link), "municipality": name or null,
          "files": [{"name": the uploaded file's name, "path": where its bytes are}] (preview, load),
          "link": {"from": earlier activity key, "to": later key, "decision": "confirmed" | "rejected"} (link)}.
Answer: preview → {"files": [per file: "name" and either "error" or "document", "counts" and "rows"]};
        load → {"outcomes": [{"name", "outcome", "message"}]} or {"error": why the database cannot be written};
        link → {} or {"error": why the decision cannot be kept}.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path, PurePath
from typing import Any

from loaders.errors import StoreError, UnreadableDocument
from model.records import Extraction

MEMORY_LIMIT_BYTES = 3 * 1024**3
CPU_SECONDS = 120
PREVIEW_ROWS = 50
UPLOAD_PREFIX = "upload/"
_ROW_FIELDS = {
    "statuses": ("activity_code", "activity_name", "period", "status_raw"),
    "activities": ("code", "name", "programme"),
    "budget_lines": ("scope", "kind", "column", "amount_eur"),
    "warnings": ("line", "code", "message"),
}
COUNTED = ("activities", "statuses", "budget_lines", "deviations", "indicators", "goals", "warnings")


def upload_source(name: str, municipality: str | None) -> str:
    """The source an uploaded file is stored under: its municipality and its own name without any folder parts, so
    that a new version of a municipality's report replaces the old one, and another municipality's file of the
    same name never does."""
    own = PurePath(name.replace("\\", "/")).name
    return f"{UPLOAD_PREFIX}{municipality or '?'}/{own if own not in ('', '.', '..') else 'upload'}"


def _extract(file: dict[str, str], municipality: str | None) -> Extraction:
    """The file's records, or an Extraction whose `error` says why it cannot be read (one file that breaks a
    reader, or runs out of memory, never stops the others)."""
    from loaders.extract import extract_bytes

    source = upload_source(file["name"], municipality)
    try:
        extraction = extract_bytes(Path(file["path"]).read_bytes(), source, municipality)
    except UnreadableDocument as error:
        return Extraction(source=source, sha256="", error=error.reason)
    except Exception as error:  # noqa: BLE001 — reported as this file's reason
        return Extraction(source=source, sha256="", error=f"could not be read (unexpected {type(error).__name__})")
    found = extraction.document.municipality
    return extraction.model_copy(update={"source": upload_source(file["name"], found)}) if found else extraction


def preview(files: list[dict[str, str]], municipality: str | None) -> dict[str, Any]:
    """What each file holds: the document's municipality, title and year, counts and the first rows; or why it
    cannot be read."""
    answers = []
    for file in files:
        extraction = _extract(file, municipality)
        if extraction.error:
            answers.append({"name": file["name"], "error": extraction.error})
            continue
        info = extraction.document
        answers.append(
            {
                "name": file["name"],
                "document": {"municipality": info.municipality, "title": info.title, "year": info.year},
                "counts": {key: len(getattr(extraction, key)) for key in COUNTED},
                "rows": {
                    key: [
                        item.model_dump(include=set(fields), mode="json")
                        for item in getattr(extraction, key)[:PREVIEW_ROWS]
                    ]
                    for key, fields in _ROW_FIELDS.items()
                },
            }
        )
    return {"files": answers}


def load(files: list[dict[str, str]], municipality: str | None, db: Path) -> dict[str, Any]:
    """Load the files that can be read; each one's outcome by its uploaded name."""
    from loaders.store import load_extractions

    extractions = [_extract(file, municipality) for file in files]
    try:
        outcomes = load_extractions(extractions, db)
    except StoreError as error:
        return {"error": str(error)}
    return {
        "outcomes": [
            {"name": file["name"], "outcome": outcome.outcome, "message": outcome.message}
            for file, outcome in zip(files, outcomes, strict=True)
        ]
    }


def decide_link(link: dict[str, str], municipality: str | None, db: Path) -> dict[str, Any]:
    """Keep a user's decision about linking two activities."""
    from loaders.store import record_link_decision

    try:
        record_link_decision(db, municipality, link["from"], link["to"], link["decision"])
    except StoreError as error:
        return {"error": str(error)}
    return {}


def _limit_resources() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def main() -> None:
    """Answer one request (stdin → stdout)."""
    _limit_resources()
    request = json.load(sys.stdin)
    municipality = request.get("municipality")
    if request["action"] == "preview":
        answer = preview(request["files"], municipality)
    elif request["action"] == "link":
        answer = decide_link(request["link"], municipality, Path(request["db"]))
    else:
        answer = load(request["files"], municipality, Path(request["db"]))
    json.dump(answer, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
