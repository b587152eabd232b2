"""Document metadata: municipality, title, type and year."""

from __future__ import annotations

import pytest

from loaders.readers.text import read_text
from loaders.recognizers.metadata import describe_document
from model.document import DocumentMeta


def describe(text: str, municipality: str | None = None):
    return describe_document(read_text(text), municipality)


def test_title_type_year_and_period_come_from_the_title_line():
    info = describe("2e Voortgangsrapportage 2019\n\n6. Sociaal domein\nGemeente Zevenaar").info
    assert (info.title, info.doc_type, info.year, info.period, info.municipality) == (
        "2e Voortgangsrapportage 2019",
        "voortgangsrapportage",
        2019,
        "2e VGR 2019",
        "Zevenaar",
    )


def test_year_is_guessed_from_the_text_with_a_warning_when_the_title_has_none():
    context = describe("Programma 2: Een leefbare gemeente\nIn 2022 doen we veel. Ook in 2022.\nIn 2021 niet.")
    assert context.info.year == 2022
    assert [w.code for w in context.warnings] == ["document-year-guessed", "municipality-not-found"]


def test_municipality_override_wins_and_gets_its_cbs_code():
    info = describe("Jaarverslag 2021\nGemeente Heusden", municipality="zevenaar").info
    assert (info.municipality, info.municipality_code) == ("Zevenaar", "GM0299")


def test_unknown_override_is_used_as_given_with_a_warning():
    context = describe("Jaarverslag 2021", municipality="Rijnwaarden")
    assert context.info.municipality == "Rijnwaarden" and context.warnings[-1].code == "municipality-not-in-list"


def test_document_types_from_title_lines():
    for title, doc_type, year in [
        ("Programmabegroting 2024", "begroting", 2024),
        ("Jaarverslag 2021", "jaarverslag", 2021),
        ("2e Bestuursrapportage 2022", "bestuursrapportage", 2022),
        ("1e Hoofdlijnenrapportage 2018", "tussenrapportage", 2018),
    ]:
        info = describe(f"{title}\nGemeente Ede").info
        assert (info.doc_type, info.year) == (doc_type, year), title


def test_document_type_from_a_short_line_further_down_is_marked_as_guessed():
    filler = "\n".join(f"Regel {n} met tekst." for n in range(30))
    context = describe(f"Inleiding\n{filler}\nJaarstukken 2017\nTekst over de gemeente Ede.")
    assert context.info.doc_type == "jaarverslag"
    assert "document-type-guessed" in [w.code for w in context.warnings]


def _with_meta(text: str, **meta: str):
    return describe_document(read_text(text, meta=DocumentMeta(**meta)), None)


def test_the_municipality_comes_from_the_file_name_when_the_text_names_none():
    context = _with_meta("Programmabegroting 2024\nProgramma 1 Jeugd", file_name="034_den-haag_begroting.pdf")
    assert (context.info.municipality, context.info.municipality_code) == ("Den Haag", "GM0518")
    assert "municipality-from-metadata" in [w.code for w in context.warnings]


def test_the_municipality_comes_from_a_web_address_or_site_name():
    by_host = _with_meta("Jaarverslag 2022", url="https://zevenaar.jaarverslag-2022.nl/programma-1")
    by_site = _with_meta("Jaarverslag 2022", site_name="Gemeente Lingewaard")
    assert (by_host.info.municipality, by_site.info.municipality) == ("Zevenaar", "Lingewaard")


def test_the_text_outweighs_a_file_name_naming_another_municipality():
    context = _with_meta("Jaarverslag 2022\nGemeente Zevenaar\nDe gemeente Zevenaar groeit.", file_name="ede.pdf")
    assert context.info.municipality == "Zevenaar"
    assert "municipality-from-metadata" not in [w.code for w in context.warnings]


def test_a_pdf_title_names_type_and_year_when_the_first_lines_do_not():
    text = "Inhoudsopgave\nOmschrijving | Realisatie 2022 | Begroting 2023\nJeugd | 1.200 | 1.300"
    info = _with_meta(text, title="Programmabegroting 2024 gemeente Ede").info
    assert (info.doc_type, info.year, info.municipality) == ("begroting", 2024, "Ede")


def test_a_document_that_introduces_itself_takes_its_title_type_and_period_from_that_sentence():
    context = describe(
        "Inleiding\nVoor u ligt de 2e Tussentijdse rapportage 2022 (2e Turap) van de gemeente Leidschendam-Voorburg. "
        "Hierin rapporteren wij over de speerpunten."
    )
    info = context.info
    assert (info.title, info.doc_type, info.year, info.period) == (
        "2e Tussentijdse rapportage 2022", "tussenrapportage", 2022, "2e VGR 2022"
    )
    assert "document-year-guessed" not in [w.code for w in context.warnings]


def test_the_name_a_document_gives_itself_ends_at_its_year():
    info = describe("Colofon\nVoor u ligt de Begroting 2026 en de meerjarenraming tot en met 2029 van Wassenaar.").info
    assert (info.title, info.year, info.period) == ("Begroting 2026", 2026, "Begroting 2026")


def test_a_budget_for_a_span_of_years_is_of_its_first_year():
    info = describe("Programmabegroting 2025-2028 gemeente Oss\nOverzicht van baten en lasten").info
    assert (info.doc_type, info.year, info.period) == ("begroting", 2025, "Begroting 2025")


@pytest.mark.parametrize(
    ("title", "doc_type", "year", "period"),
    [
        ("Bestuursrapportage II 2024", "bestuursrapportage", 2024, "2e VGR 2024"),
        ("Burap 2 2024", "bestuursrapportage", 2024, "2e VGR 2024"),
        ("Bestuursrapportage in 2024 vastgesteld", "bestuursrapportage", 2024, "Rapportage 2024"),
        ("Tweede Financiële Rapportage 2024", "tussenrapportage", 2024, "2e VGR 2024"),
        ("Zomernota 2024", "perspectiefnota", 2024, None),
        ("Begroting 2025 en meerjarenraming 2026-2028", "begroting", 2025, "Begroting 2025"),
        ("Concept Programmabegroting 2025-2028", "begroting", 2025, "Begroting 2025"),
        ("Burap 2024-II", "bestuursrapportage", 2024, "2e VGR 2024"),
        ("Turap 2023-1", "tussenrapportage", 2023, "1e VGR 2023"),
        ("Kwartaalrapportage Q3 2024", "kwartaalrapportage", 2024, "Q3 2024"),
        ("Voorjaarsrapportage 2024", "voorjaarsnota", 2024, "Voorjaarsnota 2024"),
        ("2e Halfjaarrapportage 2024", "halfjaarrapportage", 2024, "2e halfjaar 2024"),
        ("Bestuursrapportage 2024 2.1 Wonen", "bestuursrapportage", 2024, "Rapportage 2024"),
    ],
)
def test_the_number_after_the_name_a_roman_numeral_and_a_budgets_first_year(title, doc_type, year, period):
    info = describe(f"{title}\n\nGemeente Oldambt\n").info
    assert (info.doc_type, info.year, info.period) == (doc_type, year, period)
