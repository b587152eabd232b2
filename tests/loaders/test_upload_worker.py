"""The upload worker: previews and loads uploads in its own process, names them by municipality and own name."""

from __future__ import annotations

import json
import subprocess
import sys

from loaders.upload_worker import upload_source
from model import layers
from tests.conftest import PROJECT, ZEVENAAR


def ask(request: dict) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "loaders.upload_worker"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=True,
    )
    return json.loads(done.stdout)


def test_folder_parts_of_an_uploaded_name_are_dropped():
    assert upload_source("../../data/voortgang.duckdb", "Zevenaar") == "upload/Zevenaar/voortgang.duckdb"
    assert upload_source("..", None) == "upload/?/upload"
    assert upload_source("C:\\rapporten\\vgr.txt", "Duiven") == "upload/Duiven/vgr.txt"


def test_a_preview_names_the_document_and_counts_its_records(tmp_path):
    copy = tmp_path / "0"
    copy.write_bytes(ZEVENAAR.read_bytes())
    answer = ask({"action": "preview", "files": [{"name": "rapport.txt", "path": str(copy)}], "municipality": None})
    [file] = answer["files"]
    assert file["document"]["municipality"] == "Zevenaar"
    assert (file["counts"]["activities"], file["counts"]["statuses"]) == (14, 42)
    assert file["rows"]["statuses"][0].keys() == {"activity_code", "activity_name", "period", "status_raw"}


def test_an_unreadable_file_gets_its_reason_and_the_others_still_preview(tmp_path):
    (tmp_path / "0").write_bytes(b"")
    (tmp_path / "1").write_bytes(ZEVENAAR.read_bytes())
    files = [{"name": "leeg.txt", "path": str(tmp_path / "0")}, {"name": "z.txt", "path": str(tmp_path / "1")}]
    answer = ask({"action": "preview", "files": files, "municipality": None})
    assert answer["files"][0] == {"name": "leeg.txt", "error": "the file is empty"}
    assert answer["files"][1]["counts"]["statuses"] == 42


def test_another_municipalitys_file_of_the_same_name_does_not_replace_a_loaded_one(tmp_path):
    db = tmp_path / "v.duckdb"
    (tmp_path / "0").write_bytes(ZEVENAAR.read_bytes())
    (tmp_path / "1").write_bytes(ZEVENAAR.read_bytes().replace(b"2019", b"2020"))
    for path, municipality in (("0", None), ("1", "Duiven")):
        file = {"name": "rapport.txt", "path": str(tmp_path / path)}
        answer = ask({"action": "load", "files": [file], "municipality": municipality, "db": str(db)})
        assert answer["outcomes"][0]["outcome"] == "loaded"
    with layers.connect(db) as connection:
        sources = connection.execute("SELECT source FROM documents ORDER BY source").fetchall()
    assert sources == [("upload/Duiven/rapport.txt",), ("upload/Zevenaar/rapport.txt",)]
