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


def load_texts(folder: Path, texts: dict[str, str], name: str = "cyclus.duckdb") -> Path:
    """The documents `texts` (file stem → text) loaded into a new database in `folder`."""
    db = folder / name
    paths = []
    for stem, text in texts.items():
        path = folder / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    assert {o.outcome for o in load_extractions([extract_file(p) for p in paths], db)} == {"loaded"}
    return db


def load_cycle(folder: Path) -> Path:
    """The three documents of the cycle (consistent) loaded into a new database in `folder`."""
    return load_texts(
        folder, {"begroting-2024": BUDGET_2024, "vgr-2024": AMENDMENT_2024, "jaarrekening-2024": CONSISTENT_ACCOUNT}
    )


_ACTIVITY = """{code} {name}

Stand van zaken

{period}

{status}

{progress}

Voorstel aan de raad

{proposal}
"""


def report(title: str, period: str, *activities: tuple[str, str, str, str, str]) -> str:
    """A voortgangsrapportage of Doesburg with activities (code, name, status, progress, proposal), one block each."""
    blocks = [
        _ACTIVITY.format(code=c, name=n, period=period, status=s, progress=t, proposal=p)
        for c, n, s, t, p in activities
    ]
    return f"{title}\nGemeente Doesburg\n\n" + "\n".join(blocks)


# Two reports: 6.1.4 is renumbered 2.3.1 and renamed slightly (and worsens); 2.3.2 is new
FIRST_REPORT = report(
    "1e Voortgangsrapportage 2024",
    "1e VGR",
    (
        "6.1.4",
        "Vergroten grip op kosten",
        "Volgens plan",
        "Wij werken aan meer grip op de kosten van jeugdzorg.",
        "Wij stellen voor de ingezette lijn voort te zetten.",
    ),
    ("6.1.5", "Versterken toegang", "Volgens plan", "De toegang verloopt goed.", "Geen voorstel."),
)
SECOND_REPORT = report(
    "2e Voortgangsrapportage 2024",
    "2e VGR",
    (
        "2.3.1",
        "Grip op de kosten vergroten",
        "Bijsturing raad",
        "Wij werken aan meer grip op de kosten van jeugdzorg en Wmo; de kosten stijgen.",
        "Wij stellen voor de ingezette lijn voort te zetten.",
    ),
    ("6.1.5", "Versterken toegang", "Volgens plan", "De toegang verloopt goed.", "Geen voorstel."),
    ("2.3.2", "Nieuwe wijkteams in elke kern", "Volgens plan", "De wijkteams zijn gestart.", "Geen voorstel."),
)
