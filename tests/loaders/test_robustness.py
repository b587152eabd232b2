"""No input makes extraction raise: random, truncated and real third-party texts give records or warnings."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.document import extract_bytes
from loaders.errors import UnreadableDocument
from tests.conftest import ZEVENAAR, sample_paths

LINES = st.sampled_from(
    [
        "6.1.1 Iets doen",
        "6.1 Thema",
        "6. Programma",
        "Stand van zaken",
        "Rek. 2018",
        "1e VGR",
        "2e VGR",
        "Status",
        "Volgens plan",
        "Bijsturing raad",
        "Onbekend label",
        "Jaar realisatie",
        "2022",
        "Voorstel raad",
        "Tekst.",
        "Status: Op koers",
        "Rek. 2018 | 1e VGR",
        "| Groen | Rood",
        "",
        "Gemeente Zevenaar",
    ]
)


def _extract(data: bytes):
    try:
        return extract_bytes(data, "fuzz.txt")
    except UnreadableDocument:
        return None


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=40))
def test_structured_noise_never_raises(lines):
    _extract("\n".join(lines).encode())


@settings(max_examples=100)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(data):
    _extract(data)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=len(ZEVENAAR.read_bytes())))
def test_truncated_report_never_raises_and_statuses_stay_consistent(cut):
    extraction = _extract(ZEVENAAR.read_bytes()[:cut])
    if extraction is not None:
        labels = {p.label for p in extraction.periods}
        assert all(s.period in labels for s in extraction.statuses)


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_every_sample_extracts_without_error(path):
    assert extract_bytes(path.read_bytes(), str(path)).error is None


def test_corpus_excerpts_extract_without_error(corpus_files):
    for path in corpus_files:
        extraction = extract_bytes(path.read_bytes(), str(path))
        assert extraction.error is None, path
        labels = {p.label for p in extraction.periods}
        assert all(s.period in labels for s in extraction.statuses), path
