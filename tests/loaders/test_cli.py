"""The `voortgang` command line as CONTRACT.md describes it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from loaders import cli, commands
from loaders.stored import stored_documents
from model.storage import DB_ENV
from tests.conftest import PROJECT, ZEVENAAR


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_json_gives_the_zevenaar_facts(capsys):
    code, out, _ = run(capsys, "extract", str(ZEVENAAR), "--json")
    assert code == 0
    [result] = json.loads(out)
    assert result["error"] is None and result["document"]["municipality"] == "Zevenaar"
    assert result["source"] == str(ZEVENAAR) and len(result["sha256"]) == 64
    assert [a["code"] for a in result["activities"]][:2] == ["6.1.1", "6.1.2"] and len(result["activities"]) == 14
    labels = [p["label"] for p in sorted(result["periods"], key=lambda p: p["order"])]
    assert labels == [p["label"] for p in result["periods"]] == ["Rek. 2018", "1e VGR", "2e VGR"]
    per_period = [Counter(s["status"] for s in result["statuses"] if s["period"] == label) for label in labels]
    assert [(c["on_track"], c["partly"], c["council_action"]) for c in per_period] == [
        (11, 2, 1),
        (11, 2, 1),
        (8, 5, 1),
    ]
    grip = [s for s in result["statuses"] if s["activity_code"] == "6.1.4"]
    assert {(s["status"], s["status_raw"]) for s in grip} == {("council_action", "Bijsturing raad")}
    years = {a["code"]: a["target_year"] for a in result["activities"]}
    assert (years["6.2.4"], years["6.1.1"]) == (2019, 2022)
    assert all(isinstance(w, str) for w in result["warnings"])


def test_extract_keeps_going_after_a_bad_file_and_exits_1(capsys, tmp_path):
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "extract", str(missing), str(ZEVENAAR), "--json")
    results = json.loads(out)
    assert code == 1 and len(results) == 2
    assert results[0]["error"] == f"{missing}: file not found" and results[1]["error"] is None
    assert err == f"error: {missing}: file not found\n"


def test_municipality_flag_overrides_detection(capsys):
    _, out, _ = run(capsys, "extract", str(ZEVENAAR), "--json", "--municipality", "Duiven")
    assert json.loads(out)[0]["document"]["municipality"] == "Duiven"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("binary.txt", b"\x00\x01\x02" * 100, "binary content (NUL bytes), not a text document"),
        (
            "garbage.txt",
            bytes(range(128, 256)) * 4 + bytes(range(1, 31)) * 10,
            "not a text document in a known encoding (invalid UTF-8 byte 0x80 at offset 0)",
        ),
        ("report.pdf", b"%PDF-1.5\n%\xe2\xe3", "not a readable PDF (Failed to load document (PDFium: Data format error))"),
        (
            "report.doc",
            b"\xd0\xcf\x11\xe0" + b"\x00" * 64,
            (
                "old Office (.doc/.xls) files are not supported; supported are text, HTML, PDF, Word (.docx) and "
                "Excel (.xlsx)"
            ),
        ),
    ],
)
def test_bad_files_give_one_clear_line_naming_file_and_reason(capsys, tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = run(capsys, "extract", str(path))
    assert code == 1
    assert err == f"error: {path}: {reason}\n"


def test_a_directory_is_named_as_such(capsys, tmp_path):
    code, _, err = run(capsys, "load", str(tmp_path), "--db", str(tmp_path / "x.duckdb"))
    assert code == 1 and err == f"error: {tmp_path}: is a directory, not a file\n"


def test_bad_usage_exits_2(capsys):
    code, _, err = run(capsys, "extract")
    assert code == 2 and "the following arguments are required: FILE" in err


def test_unexpected_errors_are_one_line_without_debug_and_a_traceback_with(capsys, monkeypatch):
    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(commands, "extract_file", explode)
    code, _, err = run(capsys, "extract", str(ZEVENAAR))
    assert code == 1 and err == "error: unexpected RuntimeError: boom (run with --debug for the traceback)\n"
    code, _, err = run(capsys, "extract", str(ZEVENAAR), "--debug")
    assert code == 1 and "Traceback" in err


def test_load_reports_each_file_and_unchanged_on_the_second_time(capsys, tmp_path):
    db = tmp_path / "x.duckdb"
    code, out, _ = run(capsys, "load", str(ZEVENAAR), "--db", str(db))
    assert code == 0 and out == f"{ZEVENAAR}: loaded (activities: 14, statuses: 42, warnings: 3)\n"
    code, out, _ = run(capsys, "load", str(ZEVENAAR), "--db", str(db))
    assert code == 0 and out == f"{ZEVENAAR}: unchanged (these exact bytes are already loaded)\n"


def test_reloading_with_another_municipality_takes_effect(capsys, tmp_path):
    db = tmp_path / "x.duckdb"
    run(capsys, "load", str(ZEVENAAR), "--db", str(db))
    code, out, _ = run(capsys, "load", str(ZEVENAAR), "--db", str(db), "--municipality", "Duiven")
    assert code == 0 and out.startswith(f"{ZEVENAAR}: replaced (activities: 14")
    assert [doc[3] for doc in stored_documents(db)] == ["Duiven"]


def test_an_unknown_municipality_is_refused_with_the_nearest_names(capsys):
    code, out, err = run(capsys, "extract", str(ZEVENAAR), "--municipality", "Zevenar")
    assert code == 2 and out == ""
    assert "--municipality 'Zevenar' is not a Dutch municipality; did you mean Zevenaar?" in err


def test_a_municipality_is_accepted_by_its_cbs_code_or_other_spelling(capsys):
    _, out, _ = run(capsys, "extract", str(ZEVENAAR), "--json", "--municipality", "gm0518")
    assert json.loads(out)[0]["document"]["municipality"] == "Den Haag"


def test_the_installed_console_script_runs(tmp_path):
    script = Path(sys.executable).parent / "voortgang"
    done = subprocess.run(
        [str(script), "extract", str(ZEVENAAR), "--json"], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)[0]["statuses"]) == 42


def test_serve_builds_the_database_from_the_samples_when_missing(tmp_path, monkeypatch, capsys):
    started = {}
    monkeypatch.setattr(sys, "argv", ["pytest"])
    monkeypatch.setenv(DB_ENV, str(tmp_path / "unused.duckdb"))
    monkeypatch.setattr("streamlit.web.cli.main", lambda: started.setdefault("argv", sys.argv[:]) and 0)
    db = tmp_path / "new.duckdb"
    cli.main(["serve", "--db", str(db), "--port", "8599"])
    assert db.exists()
    assert started["argv"][:2] == ["streamlit", "run"] and "8599" in started["argv"]
    assert "loading the bundled sample documents" in capsys.readouterr().out


def test_a_name_two_municipalities_share_must_be_chosen_between(capsys):
    code, _, err = run(capsys, "extract", str(ZEVENAAR), "--municipality", "Bergen")
    assert code == 2 and "names more than one municipality; choose Bergen (L.) or Bergen (NH.)" in err


def test_export_and_serve_refuse_a_file_that_is_not_a_voortgang_database_in_one_line(capsys, tmp_path):
    import sqlite3

    db = tmp_path / "ander.duckdb"
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE t (x)")
    for command in (["export", "status-matrix", "--db", str(db)], ["serve", "--db", str(db), "--port", "8651"]):
        code, out, err = run(capsys, *command)
        assert code == 1 and out == ""
        assert err.startswith(f"error: {db}: not a voortgang database, or damaged") and err.count("\n") == 1


def test_a_load_into_a_database_of_a_newer_version_says_so_and_changes_nothing(capsys, tmp_path):
    import duckdb

    db = tmp_path / "nieuw.duckdb"
    run(capsys, "load", str(ZEVENAAR), "--db", str(db))
    with duckdb.connect(str(db)) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = db.read_bytes()
    code, _, err = run(capsys, "load", str(ZEVENAAR), "--db", str(db))
    assert code == 1 and "made by a newer version of voortgang (schema 99" in err
    assert db.read_bytes() == before


def test_a_pipe_is_refused_instead_of_read(capsys, tmp_path):
    import os

    pipe = tmp_path / "pijp.txt"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "extract", str(pipe))
    assert code == 1 and err == f"error: {pipe}: not a regular file (a pipe, socket or device)\n"


def test_a_document_that_takes_too_long_is_stopped_and_the_batch_goes_on(capsys, monkeypatch):
    monkeypatch.setattr(commands, "EXTRACT_SECONDS", 0.4)  # the 120-page PDF takes about 1 s, Zevenaar 0.03 s
    slow = PROJECT / "benchmarks" / "data" / "begroting-proef.pdf"
    code, out, err = run(capsys, "extract", str(slow), str(ZEVENAAR))
    assert code == 1
    assert err == f"error: {slow}: reading took longer than 0.4 s and was stopped\n"
    assert out.startswith(f"{ZEVENAAR}: Zevenaar")


def test_an_alarm_swallowed_by_a_finalizer_still_stops_the_reader_and_prints_nothing(capsys, monkeypatch):
    import gc
    import time

    class Slow:
        def __del__(self) -> None:
            time.sleep(0.2)  # the first alarm lands here, where Python swallows it

    def reader(name: str, municipality: str | None) -> object:
        Slow()
        gc.collect()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pass
        raise AssertionError("not stopped")

    monkeypatch.setattr(commands, "EXTRACT_SECONDS", 0.05)
    monkeypatch.setattr(commands, "extract_file", reader)
    gc.collect()  # earlier tests' garbage is finalized now, not inside the reader's collection (and reported there)
    capsys.readouterr()
    result = commands.extract_in_time("traag.txt", None)
    assert result.error == "traag.txt: reading took longer than 0.05 s and was stopped"
    assert "Exception ignored" not in capsys.readouterr().err


def test_an_alarm_that_a_library_wraps_in_its_own_error_still_reads_as_the_stop(monkeypatch):
    import ctypes
    import time

    from model.records import Extraction

    def reader(name: str, municipality: str | None) -> Extraction:
        try:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                pass
        except BaseException as error:  # noqa: BLE001 — ctypes turns it into its ArgumentError, which the reader reports
            wrapped = ctypes.ArgumentError(f"argument 1: {type(error).__name__}: ")
            return Extraction(source=name, sha256="", error=f"{name}: could not be read ({wrapped})")
        raise AssertionError("not stopped")

    monkeypatch.setattr(commands, "EXTRACT_SECONDS", 0.05)
    monkeypatch.setattr(commands, "extract_file", reader)
    result = commands.extract_in_time("traag.pdf", None)
    assert result.error == "traag.pdf: reading took longer than 0.05 s and was stopped"


AUTH_SECRETS = """[auth]
redirect_uri = "http://localhost:8501/oauth2callback"
cookie_secret = "test-geheim-van-voldoende-lengte-0123456789"
client_id = "voortgang"
client_secret = "geheim"
server_metadata_url = "http://localhost:9400/.well-known/openid-configuration"
"""


@pytest.fixture
def login_files(tmp_path, monkeypatch):
    """A secrets file with a login and a role file; the home and working folders hold no secrets of their own."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    secrets, roles = tmp_path / "secrets.toml", tmp_path / "rollen.toml"
    secrets.write_text(AUTH_SECRETS, encoding="utf-8")
    roles.write_text('[users]\n"alice@zevenaar.nl" = ["Zevenaar"]\n', encoding="utf-8")
    return secrets, roles


def test_serve_with_a_login_and_a_role_file_uses_that_role_file(login_files):
    from loaders.dashboard_commands import check_login

    secrets, roles = login_files
    assert check_login(secrets, roles) == roles.resolve()


def test_serve_without_any_login_is_open(login_files):
    from loaders.dashboard_commands import check_login

    assert check_login(None, None) is None


def test_serve_with_a_role_file_but_no_login_refuses_to_start(capsys, login_files, tmp_path):
    _, roles = login_files
    (tmp_path / "leeg.toml").write_text("", encoding="utf-8")
    code, _, err = run(capsys, "serve", "--secrets", str(tmp_path / "leeg.toml"), "--roles", str(roles))
    assert code == 2 and err.startswith("error: --roles needs a login: an [auth] section (OpenID Connect) in ")


def test_serve_with_a_login_but_no_role_file_refuses_to_start(capsys, login_files):
    secrets, _ = login_files
    code, _, err = run(capsys, "serve", "--secrets", str(secrets))
    assert code == 2
    assert err.startswith(
        "error: the secrets configure a login ([auth]) but no --roles file says who may see which municipality\n"
    )


def test_serve_with_a_broken_role_file_names_the_file_and_the_reason(capsys, login_files):
    secrets, roles = login_files
    roles.write_text('[users]\n"alice@zevenaar.nl" = ["Zevenar"]\n', encoding="utf-8")
    code, _, err = run(capsys, "serve", "--secrets", str(secrets), "--roles", str(roles))
    assert code == 2 and err.startswith(
        f"error: --roles {roles}: users.'alice@zevenaar.nl': 'Zevenar' is not a current Dutch municipality "
        "(did you mean Zevenaar?)\n"
    )


def test_serve_checks_an_existing_database_without_importing_the_parsers(tmp_path):
    db = tmp_path / "v.duckdb"
    cli.main(["load", "--db", str(db), str(ZEVENAAR)])
    probe = (
        "import sys; from pathlib import Path; from loaders.dashboard_commands import check_database; "
        f"check_database(Path({str(db)!r})); "
        "print(sorted(m for m in sys.modules if m.startswith(('loaders.extract', 'loaders.recognizers', 'loaders.readers'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
