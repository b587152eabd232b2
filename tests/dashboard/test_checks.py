"""`voortgang checks --json` on documents the tests make: each rule finds what it should and nothing else, and the
bundled samples give only the findings that are true."""

from __future__ import annotations

import json

import pytest

from loaders import cli
from loaders.extract import extract_file
from loaders.store import load_extractions
from tests.cycle import AMENDMENT_2024, BUDGET_2024, CONSISTENT_ACCOUNT, account, load_texts

DEVIATIONS = """1e Voortgangsrapportage 2024
Gemeente Doesburg
{threshold}
Tabel belangrijkste afwijkingen
x € 1.000
Belangrijkste afwijkingen Programma 1 Verschil
Jeugdzorg - 120 N
Overige posten 40 V
Kleine posten 20 V
Totaal afwijkingen 60 N
Toelichting belangrijkste afwijkingen
Thema 1.1 Jeugd
Jeugdzorg, nadeel € 120.000
Meer jongeren kregen jeugdhulp met verblijf.
"""
STATUS_REPORT = """2e Voortgangsrapportage 2024
Gemeente Doesburg

1.1 Jeugdhulp op maat

Stand van zaken

1e VGR

2e VGR

Volgens plan

Volgens plan

De jeugdhulp verloopt volgens plan.

1.2 Huishoudelijke hulp

Stand van zaken

1e VGR

2e VGR

Volgens plan

Bijsturing raad

De vraag naar huishoudelijke hulp stijgt sterk.

Voorstel aan de raad

Wij stellen voor een aanvullend budget van € 200.000 beschikbaar te stellen.

1.3 Schuldhulp

Stand van zaken

1e VGR

2e VGR

Volgens plan

Volgens plan

De schuldhulp verloopt volgens plan.

Financiën
Bedragen x € 1.000 | Begroting 2024 | Begroting na wijziging 2024 | Verschil
Lasten
1.1 Jeugdhulp | 7.500 | 7.800 | 300 N
1.3 Schuldhulp | 900 | 930 | 30 N
"""


@pytest.fixture
def checks(tmp_path, capsys):
    """Load the given documents into a new database and return what `voortgang checks --json` finds."""

    def run(**documents: str) -> list[dict]:
        db = load_texts(tmp_path, documents, "checks.duckdb")
        capsys.readouterr()
        assert cli.main(["checks", "--db", str(db), "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    return run


def _codes(found: list[dict]) -> list[tuple[str, int | None]]:
    return [(f["code"], f["line"]) for f in found]


def test_an_item_above_the_threshold_without_explanation_is_found_and_explained_or_small_ones_not(checks):
    found = checks(vgr=DEVIATIONS.format(threshold="Afwijkingen groter dan € 30.000 worden toegelicht."))
    assert _codes(found) == [("deviation-unexplained", 8)]
    assert found[0]["explanation"] == (
        "Overige posten: € 40.000 V boven de toelichtingsgrens € 30.000 (zoals het document zegt, regel 3), "
        "zonder toelichting."
    )


def test_the_threshold_the_document_states_decides_instead_of_the_default(checks):
    assert checks(vgr=DEVIATIONS.format(threshold="")) == []  # the default is € 50.000: 40.000 needs no explanation


def test_a_table_difference_that_no_item_explains_is_found(checks):
    found = checks(jaarrekening=account(explanation="Geen bijzonderheden."))
    assert _codes(found) == [("deviation-unexplained", 7)]
    assert found[0]["explanation"].startswith(
        "1.1 Thema Jeugd (lasten): verschil € 200.000 N boven de toelichtingsgrens"
    )


def test_on_track_while_overspent_and_council_action_without_money_are_found(checks):
    found = [f for f in checks(vgr=STATUS_REPORT) if f["code"] == "status-money-mismatch"]
    assert [f["explanation"].split(" ")[0] for f in found] == ["1.1", "1.2"]  # 1.3's 30.000 N is below the threshold
    assert "vraagt bijsturing van de raad" in found[1]["explanation"]


def test_consistent_budget_stages_give_no_finding(checks):
    assert checks(begroting=BUDGET_2024, vgr=AMENDMENT_2024, jaarrekening=CONSISTENT_ACCOUNT) == []


def test_an_amended_budget_that_does_not_follow_the_amendments_is_a_stage_mismatch(checks):
    changed = account(
        jeugd_amended="7.900",
        jeugd_difference="100 N",
        total_amended="14.250",
        total_difference="50 N",
        explanation="1.1 Thema Jeugd: nadeel van € 100.000 door hogere tarieven jeugdzorg.",
    )
    found = checks(begroting=BUDGET_2024, vgr=AMENDMENT_2024, jaarrekening=changed)
    assert _codes(found) == [("stage-mismatch", 7)]
    assert found[0]["documents"] == ["Jaarrekening 2024", "1e Voortgangsrapportage 2024"]
    assert "begroting na wijziging € 7.900.000" in found[0]["explanation"] and "€ 7.800.000" in found[0]["explanation"]


def test_actuals_far_from_the_last_forecast_without_explanation_are_a_stage_mismatch(checks):
    found = checks(begroting=BUDGET_2024, vgr=AMENDMENT_2024, jaarrekening=account(explanation="Zie de paragrafen."))
    assert sorted(_codes(found)) == [("deviation-unexplained", 7), ("stage-mismatch", 7)]
    stage = next(f for f in found if f["code"] == "stage-mismatch")
    assert "realisatie € 8.000.000 wijkt € 200.000 af van de laatste raming € 7.800.000" in stage["explanation"]


def test_a_document_failing_its_own_check_is_in_the_same_list(checks):
    broken = BUDGET_2024.replace("Totaal lasten | 13.100 | 13.500 | 13.900", "Totaal lasten | 13.100 | 13.500 | 14.900")
    found = checks(begroting=broken)
    assert [(f["code"], f["severity"]) for f in found] == [("budget-total-mismatch", "check")]
    assert found[0]["explanation"] == "Totaal klopt niet met de regels." and found[0]["detail"]


def test_the_bundled_samples_give_only_true_findings(tmp_path, capsys):
    from tests.conftest import sample_paths

    db = tmp_path / "samples.duckdb"
    load_extractions([extract_file(p) for p in sample_paths()], db)
    capsys.readouterr()
    assert cli.main(["checks", "--db", str(db), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(f["municipality"], f["code"], f["line"]) for f in found] == [
        ("Bronckhorst", "amount-not-understood", 393),  # '€4,736,962' is not Dutch notation
        ("Ooststellingwerf", "deviation-unexplained", 330),  # 'Overige kleine afwijkingen 39 V', above its € 25.000
    ]


def test_checks_of_a_missing_database_say_so_in_one_line(tmp_path, capsys):
    assert cli.main(["checks", "--db", str(tmp_path / "weg.duckdb")]) == 1
    assert (
        capsys.readouterr().err
        == f"error: {(tmp_path / 'weg.duckdb').resolve()}: no such database (load documents with `voortgang load`)\n"
    )
