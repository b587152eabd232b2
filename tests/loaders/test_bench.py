"""`voortgang bench`: reading and extraction speed per format, text in MB/s and PDF in pages/s."""

from __future__ import annotations

import platform
import re
import shutil
from pathlib import Path

import pytest

from loaders import bench, cli
from model.text import fold
from tests.conftest import ZEVENAAR

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pdf(pages: int, text: bool = True) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    for number in range(pages):
        pdf.add_page()
        if text:
            pdf.cell(0, 5, f"Programma {number + 1}   Begroting 2024   1.200   1.350", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.rect(20, 20, 50, 50, style="F")
    return bytes(pdf.output())


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu font missing (apt-get install fonts-dejavu-core)")
def test_bench_prints_text_in_megabytes_and_pdf_in_pages_per_second(tmp_path, capsys):
    shutil.copy(ZEVENAAR, tmp_path / "zevenaar.txt")
    (tmp_path / "begroting.pdf").write_bytes(_pdf(3))
    code = cli.main(["bench", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert re.search(r"^text\s+read\s+1 files\s+0\.03 MB .* MB/s", out, re.MULTILINE)
    assert re.search(r"^text\s+extract\s+1 files .* MB/s", out, re.MULTILINE)
    assert re.search(r"^pdf\s+raw\s+1 files\s+3 pages .* pages/s", out, re.MULTILINE)
    assert re.search(r"^pdf\s+extract\s+1 files\s+3 pages .* pages/s", out, re.MULTILINE)
    assert "peak memory:" in out
    assert out.startswith(f"python {platform.python_version()} (")


def test_a_pdf_without_text_is_listed_as_refused_and_not_counted(tmp_path, capsys):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_pdf(2, text=False))
    code = cli.main(["bench", str(scan)])
    out = capsys.readouterr().out
    assert code == 0
    assert f"refused (not counted): {scan}: the PDF has no text layer" in out
    assert "pages/s" not in out


def test_a_missing_path_is_an_error_naming_it(tmp_path, capsys):
    code = cli.main(["bench", str(tmp_path / "weg.txt")])
    assert code == 1
    assert f"{tmp_path / 'weg.txt'}: file not found" in capsys.readouterr().err


def test_totals_count_pages_for_pdf_and_megabytes_for_text():
    timings = [
        bench.FileTiming(Path("a.txt"), "text", 2_000_000, 0, {"read": 0.5, "extract": 1.0}),
        bench.FileTiming(Path("b.html"), "html", 1_000_000, 0, {"read": 0.5, "extract": 2.0}),
        bench.FileTiming(Path("c.pdf"), "pdf", 9_000_000, 120, {"raw": 0.5, "read": 2.0, "extract": 3.0}),
        bench.FileTiming(Path("d.pdf"), "pdf", 9_000_000, 200, {}, refused="unreadable"),
    ]
    figures = {(f.group, f.stage): f for f in bench.totals(timings)}
    assert figures["text", "extract"].amount == 3.0 and figures["text", "extract"].rate == 1.0
    assert figures["pdf", "read"].amount == 120 and figures["pdf", "read"].rate == 60
    assert figures["pdf", "raw"].unit == "pages" and ("text", "raw") not in figures


def test_forgetting_the_text_caches_times_each_file_as_the_first():
    fold("Begroting 2024")
    assert fold.cache_info().currsize > 0
    bench.forget_text_caches()
    assert fold.cache_info().currsize == 0
