"""No input makes extraction raise: random, truncated and real third-party texts give records or warnings."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.errors import UnreadableDocument
from loaders.extract import extract_bytes
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
        "x € 1.000",
        "Rekening Primitieve Actuele Rekening Verschil",
        "2018 Begroting Begroting 2019",
        "Lasten",
        "Totaal lasten -1.000 - 2 N",
        "Jeugd 12 - 3 V",
        "4.977-",
        "Belangrijkste afwijkingen Verschil",
        "Totaal afwijkingen 5 V",
        "Jeugdzorg, nadeel € 3.000*",
        "• Voordeel van € 1.000",
        "Activiteit Iets |",
        "Toelichting tekst |",
        "Kosten/baten € 9.500,- per jaar |",
        "Monitoring |",
        "Indicatoren",
        "Kader 1: a |",
        "2020 | 2021",
        "12 | n.n.b.",
        "Bron: | CBS",
        "G",
        "Groen: op schema",
        "Rood = niet haalbaar",
        "Thema 1.1 Jeugd",
        "Wat willen we bereiken?",
    ]
)


def _extract(data: bytes):
    try:
        return extract_bytes(data, "fuzz.txt")
    except UnreadableDocument:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
    extraction = extract_bytes(path.read_bytes(), str(path))
    assert extraction.error is None
    labels = {p.label for p in extraction.periods}
    assert all(s.period in labels for s in extraction.statuses)
    assert all(v.period in labels for i in extraction.indicators for v in i.values)


def test_corpus_excerpts_extract_without_error(corpus_files):
    for path in corpus_files:
        extraction = extract_bytes(path.read_bytes(), str(path))
        assert extraction.error is None, path
        labels = {p.label for p in extraction.periods}
        assert all(s.period in labels for s in extraction.statuses), path
