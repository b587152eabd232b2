"""Shared fixtures: sample paths, the shared corpus (skipped when absent) and databases built with the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import extract_file
from loaders.store import load_extractions

PROJECT = Path(__file__).resolve().parent.parent
SAMPLES = PROJECT / "data" / "samples"
CORPUS = PROJECT.parent / "shared" / "corpus"
ZEVENAAR = SAMPLES / "003_543c4b251921b3a7.txt"


def sample_paths() -> list[Path]:
    """The bundled sample documents."""
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture
def corpus_files() -> list[Path]:
    """Excerpts of real reports in ../shared/corpus; the test skips where that folder is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present beside the repository")
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding every bundled sample, built once per test session (read it, do not write it)."""
    path = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    outcomes = load_extractions([extract_file(p) for p in sample_paths()], path)
    assert all(o.outcome == "loaded" for o in outcomes), outcomes
    return path


@pytest.fixture
def write_text(tmp_path: Path):
    """Write a text document into tmp_path and return its path."""

    def write(name: str, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding=encoding)
        return path

    return write
