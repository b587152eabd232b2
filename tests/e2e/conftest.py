"""A real dashboard served on localhost and Debian's Chromium driven by Playwright (no browser downloads)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from loaders.store import ensure_schema
from model.limits import MAX_UPLOAD_MEGABYTES
from model.storage import DB_ENV
from tests.conftest import PROJECT

ARTIFACTS = PROJECT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _chromium() -> str | None:
    return os.environ.get("E2E_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-headless-shell")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium; skipped without it locally, a failure in CI (where .ci/run installs it)."""
    path = _chromium()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI; .ci/run should have installed Debian's chromium package")
        pytest.skip("Chromium not installed (apt-get install chromium); browser tests skipped")
    return path


def _serve(
    db: Path, through_cli: bool = False, port: int | None = None, options: tuple[str, ...] = ()
) -> Iterator[str]:
    """`streamlit run` (or, `through_cli`, `voortgang serve` with its warm-up and `options`) on a free loopback
    port (or `port`) with database `db`; stopped afterwards."""
    port = port or _free_port()
    env = {**os.environ, DB_ENV: str(db)}
    cli = [sys.executable, "-c", "import sys; from loaders.cli import main; sys.exit(main(sys.argv[1:]))"]
    server = subprocess.Popen(
        [*cli, "serve", "--db", str(db), "--port", str(port), *options]
        if through_cli
        else [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(PROJECT / "dashboard" / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            "--client.toolbarMode",
            "minimal",
            "--server.maxUploadSize",
            str(MAX_UPLOAD_MEGABYTES),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        server.kill()
        pytest.fail(f"the dashboard did not start: {server.stderr.read().decode()[-2000:]}")
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def fresh_cli_url(samples_db: Path, tmp_path: Path) -> Iterator[str]:
    """A new `voortgang serve` process on a copy of the sample database: nothing imported or cached yet."""
    db = tmp_path / "samples.duckdb"
    shutil.copyfile(samples_db, db)
    yield from _serve(db, through_cli=True)


@pytest.fixture(scope="session")
def app_url(samples_db: Path) -> Iterator[str]:
    """The dashboard on the sample database (read only: tests must not change it)."""
    yield from _serve(samples_db)


@pytest.fixture
def empty_app_url(tmp_path: Path) -> Iterator[str]:
    """The dashboard on a database of its own that starts empty, for tests that load documents."""
    db = tmp_path / "upload.duckdb"
    ensure_schema(db)
    yield from _serve(db)


@pytest.fixture
def page(chromium_path: str):
    """A fresh browser page in headless Chromium."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
        yield context.new_page()
        context.close()
        browser.close()


HOSTILE_REPORT = """\
2e Voortgangsrapportage 2020 ![titel](https://evil.example/title.png)
Gemeente Doesburg
2.1.1 [KLIK](https://evil.example/a) <a href="https://evil.example/h">html</a> ![i](https://evil.example/i.png)
Stand van zaken
1e VGR
2e VGR
Volgens plan
Bijsturing raad
2.1.2 Speelplaatsen <img src="https://evil.example/img.png">
Stand van zaken
1e VGR
2e VGR
Volgens plan
Volgens plan
"""


@pytest.fixture
def hostile_app_url(tmp_path: Path) -> Iterator[str]:
    """The dashboard on a database with one report whose texts and file name carry links, images and HTML."""
    from loaders import extract_file
    from loaders.store import load_extractions

    report = tmp_path / "[naam](https:evil.example) <b>vet<b> ![x](https:evil.example).txt"
    report.write_text(HOSTILE_REPORT, encoding="utf-8")
    db = tmp_path / "hostile.duckdb"
    assert [o.outcome for o in load_extractions([extract_file(report)], db)] == ["loaded"]
    yield from _serve(db)


@pytest.fixture
def login_app_url(samples_db: Path, tmp_path: Path) -> Iterator[str]:
    """`voortgang serve` with a login against a local OpenID Connect provider (oidc-provider-mock), where the user
    'alice' (alice@zevenaar.nl) may see Zevenaar only; the address uses 'localhost', as the redirect address does."""
    import oidc_provider_mock
    from oidc_provider_mock import User

    users = [User(sub="alice", claims={"email": "alice@zevenaar.nl"})]
    with oidc_provider_mock.run_server_in_thread(port=_free_port(), user_claims=users) as provider:
        port = _free_port()
        secrets, roles = tmp_path / "secrets.toml", tmp_path / "rollen.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://localhost:{port}/oauth2callback"\n'
            'cookie_secret = "test-geheim-van-voldoende-lengte-0123456789"\n'
            'client_id = "voortgang"\nclient_secret = "geheim"\n'
            f'server_metadata_url = "http://localhost:{provider.server_port}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        roles.write_text('[users]\n"alice@zevenaar.nl" = ["Zevenaar"]\n', encoding="utf-8")
        db = tmp_path / "samples.duckdb"
        shutil.copyfile(samples_db, db)
        options = ("--secrets", str(secrets), "--roles", str(roles))
        for url in _serve(db, through_cli=True, port=port, options=options):
            yield url.replace("127.0.0.1", "localhost")


@pytest.fixture
def cycle_app_url(tmp_path: Path) -> Iterator[str]:
    """The dashboard on a budget cycle of Doesburg 2024: begroting, one amendment, jaarrekening."""
    from tests.cycle import load_cycle

    yield from _serve(load_cycle(tmp_path))
