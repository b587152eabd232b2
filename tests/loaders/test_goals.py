"""Goals with their sections, and lone status markers."""

from __future__ import annotations

from loaders.extract import parse_text
from tests.conftest import SAMPLES


def parse(text: str, municipality: str | None = None):
    return parse_text(text, "snippet.txt", "0" * 64, municipality)


THEMES = """\
Jaarverslag 2020
Programma 1 | Sociaal domein
Thema 1.1 Jeugd
Wat willen we bereiken?
Kinderen groeien veilig op.
Wat hebben we daarvoor gedaan?
We hebben jongerenwerk ingezet.
Thema 1.2 Wmo
Wat willen we bereiken
Inwoners wonen langer thuis.
Wat heeft het gekost
x € 1.000
"""


def test_themes_with_section_labels_become_goals_with_their_text():
    goals = parse(THEMES).goals
    assert [(g.code, g.title) for g in goals] == [("1.1", "Jeugd"), ("1.2", "Wmo")]
    assert goals[0].text == (
        "Wat willen we bereiken?\nKinderen groeien veilig op.\nWat hebben we daarvoor gedaan?\n"
        "We hebben jongerenwerk ingezet."
    )
    assert goals[1].text == "Wat willen we bereiken\nInwoners wonen langer thuis."


MARKERS = """\
Programma 2: Leefbaarheid
2.1- Iedereen doet mee
We willen dat iedereen meedoet.
G
In het eerste kwartaal zijn 20 banen gerealiseerd.
2.2- Niemand valt buiten de boot
We bieden hulp.
R
De wachtlijst groeit.
In 2022 doen we meer.
"""


def test_a_lone_marker_splits_plan_and_progress_and_becomes_a_status():
    result = parse(MARKERS)
    first = result.goals[0]
    assert (first.plan, first.progress) == (
        "We willen dat iedereen meedoet.",
        "In het eerste kwartaal zijn 20 banen gerealiseerd.",
    )
    assert [(s.activity_code, s.status_raw, s.status) for s in result.statuses] == [
        ("2.1", "G", "on_track"),
        ("2.2", "R", "council_action"),
    ]
    assert result.activities[0].programme == "Programma 2: Leefbaarheid"


def test_a_marker_without_a_document_period_uses_the_year_with_a_warning():
    result = parse(MARKERS)
    assert [p.label for p in result.periods] == ["2022"]
    assert any(w.code == "status-period-guessed" for w in result.warnings)


def test_the_marker_meaning_comes_from_a_legend_in_the_document():
    text = "Legenda\n(G) Niet geheel volgens planning\n(R) Niet volgens planning\n" + MARKERS
    assert parse(text).statuses[0].status == "partly"


def test_seed_goals_of_oude_ijsselstreek_heusden_and_ooststellingwerf():
    def goals(name: str):
        path = SAMPLES / name
        return parse_text(path.read_text(encoding="utf-8"), str(path), "0" * 64).goals

    oude = goals("000_0a79cdcf394c5ffb.txt")
    assert [g.code for g in oude] == ["2.1", "2.2", "2.3"] and all(g.plan and g.progress for g in oude)
    assert [g.code for g in goals("004_782eed455e8f7d26.txt")] == ["7.1", "7.2", "7.3", "7.4", "7.5", "7.6"]
    assert [g.code for g in goals("001_c73ba17fbb0e9615.txt")] == ["1.1", "1.2", "1.3", "1.4"]
