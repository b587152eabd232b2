"""Write the synthetic budget PDF that `voortgang bench` reads by default: `python benchmarks/make_pdf.py`.

Real budgets cannot be bundled, so this one imitates their pages: a heading, prose, a multi-year budget table
with right-aligned columns and rules, and an indicator table, about 3,000 characters a page (needs fpdf2).
"""

from __future__ import annotations

import random
from pathlib import Path

from fpdf import FPDF

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian's fonts-dejavu-core
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
OUTPUT = Path(__file__).resolve().parent / "data" / "begroting-proef.pdf"
PAGES = 120
YEARS = ("Rekening 2022", "Begroting 2023", "Begroting 2024", "Raming 2025", "Raming 2026", "Raming 2027")
TASKS = (
    "Bestuur", "Burgerzaken", "Openbare orde en veiligheid", "Verkeer en vervoer", "Parkeren", "Economie",
    "Onderwijshuisvesting", "Sportaccommodaties", "Cultuurpresentatie", "Openbaar groen", "Wijkteams",
    "Maatwerkvoorzieningen WMO", "Volksgezondheid", "Riolering", "Afval", "Ruimtelijke ordening", "Wonen en bouwen",
)
PROSE = (
    "In deze paragraaf lichten wij de financiële ontwikkeling van het programma toe. De lasten stijgen door "
    "hogere loonkosten en indexatie van subsidies; de baten nemen toe door hogere leges. Het college stelt voor "
    "de verschillen te verwerken in de begroting en de reserves aan te vullen waar dat nodig is."
)


def _page(pdf: FPDF, number: int, rng: random.Random) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(0, 8, f"Programma {number % 9 + 1}: Wat mag het kosten? (deel {number})", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 4.5, PROSE, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, 'Bedragen x € 1.000  ( "-" = nadeel / "+" = voordeel )', new_x="LMARGIN", new_y="NEXT")
    _budget_table(pdf, rng)
    pdf.ln(3)
    pdf.multi_cell(0, 4.5, PROSE, new_x="LMARGIN", new_y="NEXT")
    _indicator_table(pdf, rng)


def _row(pdf: FPDF, label: str, values: list[str], bold: bool = False) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", 7 if bold else 8)
    pdf.cell(46, 5, label)
    for value in values:
        pdf.cell(24, 5, value, align="R")
    pdf.ln(5)


def _budget_table(pdf: FPDF, rng: random.Random) -> None:
    _row(pdf, "Taakveld", list(YEARS), bold=True)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    for section in ("Lasten", "Baten"):
        _row(pdf, section, [""] * len(YEARS), bold=True)
        totals = [0] * len(YEARS)
        for task in rng.sample(TASKS, 8):
            amounts = [rng.randint(50, 9000) for _ in YEARS]
            totals = [t + a for t, a in zip(totals, amounts, strict=True)]
            _row(pdf, task, [f"{a:,}".replace(",", ".") for a in amounts])
        _row(pdf, f"Totaal {section.lower()}", [f"{t:,}".replace(",", ".") for t in totals], bold=True)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())


def _indicator_table(pdf: FPDF, rng: random.Random) -> None:
    _row(pdf, "Indicator", ["Eenheid", "2021", "2022", "2023", "Streefwaarde", "Bron"], bold=True)
    for name in ("Banen per 1.000 inwoners", "Demografische druk", "Absoluut verzuim", "Jongeren met jeugdhulp"):
        values = [f"{rng.uniform(1, 90):.1f}".replace(".", ",") for _ in range(4)]
        _row(pdf, name, ["%", *values, "CBS"])


def main() -> None:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", BOLD)
    pdf.set_title("Programmabegroting 2024 (proefdocument)")
    rng = random.Random(2024)
    for number in range(1, PAGES + 1):
        _page(pdf, number, rng)
    OUTPUT.parent.mkdir(exist_ok=True)
    pdf.output(str(OUTPUT))
    print(f"{OUTPUT}: {PAGES} pages, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
