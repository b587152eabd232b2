"""One municipality's budget cycle as the tests write it: the begroting, a voortgangsrapportage that amends it and
the jaarrekening (Doesburg 2024, lasten in thousands), and a helper that loads them into a new database."""

from __future__ import annotations

from pathlib import Path

from loaders.extract import extract_file
from loaders.store import load_extractions

BUDGET_2024 = """Programmabegroting 2024
Gemeente Doesburg
Programma 1 Sociaal domein
Wat mag het kosten?
Bedragen x € 1.000 | Rekening 2022 | Begroting 2023 | Begroting 2024
Lasten
1.1 Thema Jeugd | 7.100 | 7.300 | 7.500
1.2 Thema Wmo | 6.000 | 6.200 | 6.400
Totaal lasten | 13.100 | 13.500 | 13.900
"""
AMENDMENT_2024 = """1e Voortgangsrapportage 2024
Gemeente Doesburg
Programma 1 Sociaal domein
Financiële afwijkingen
Bedragen x € 1.000 | Begroting 2024 | Begroting na wijziging 2024 | Verschil
Lasten
1.1 Thema Jeugd | 7.500 | 7.800 | 300 N
1.2 Thema Wmo | 6.400 | 6.350 | 50 V
Totaal lasten | 13.900 | 14.150 | 250 N
Toelichting
1.1 Thema Jeugd: nadeel van € 300.000 door meer jeugdzorg met verblijf.
1.2 Thema Wmo: voordeel van € 50.000 door minder huishoudelijke hulp.
"""
ACCOUNT_2024 = """Jaarrekening 2024
Gemeente Doesburg
Programma 1 Sociaal domein
Wat heeft het gekost?
Bedragen x € 1.000 | Primitieve begroting 2024 | Begroting na wijziging 2024 | Realisatie 2024 | Verschil
Lasten
1.1 Thema Jeugd | 7.500 | {jeugd_amended} | {jeugd_actual} | {jeugd_difference}
1.2 Thema Wmo | 6.400 | 6.350 | 6.300 | 50 V
Totaal lasten | 13.900 | {total_amended} | 14.300 | {total_difference}
Toelichting op de afwijkingen
Afwijkingen groter dan € 100.000 worden toegelicht.
{explanation}
"""

_CONSISTENT = {
    "jeugd_amended": "7.800",
    "jeugd_actual": "8.000",
    "jeugd_difference": "200 N",
    "total_amended": "14.150",
    "total_difference": "150 N",
    "explanation": "1.1 Thema Jeugd: nadeel van € 200.000 door hogere tarieven jeugdzorg.",
}


def account(**changes: str) -> str:
    """The jaarrekening of the cycle, consistent with the begroting and the amendment except for `changes`."""
    return ACCOUNT_2024.format(**{**_CONSISTENT, **changes})


CONSISTENT_ACCOUNT = account()


def load_cycle(folder: Path) -> Path:
    """The three documents of the cycle (consistent) loaded into a new database in `folder`."""
    db = folder / "cyclus.duckdb"
    paths = []
    for name, text in (("begroting", BUDGET_2024), ("vgr", AMENDMENT_2024), ("jaarrekening", CONSISTENT_ACCOUNT)):
        path = folder / f"{name}-2024.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    assert {o.outcome for o in load_extractions([extract_file(p) for p in paths], db)} == {"loaded"}
    return db
